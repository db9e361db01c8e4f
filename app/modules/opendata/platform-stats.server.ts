import { prisma } from "#app/db.server.ts";

export type PlatformStats = { verifiedOrgs: number; communityOrgs: number; openNeeds: number; crossDistrictAwards: number };

/** How long the home page's figures are reused: four counts over every organization, need and award are the
 * most expensive part of the most visited page (on a 50k corpus they were most of its time under load), and
 * figures half a minute old are as good to a visitor. */
export const PLATFORM_STATS_TTL_MS = 30_000;
let cached: { at: number; value: Promise<PlatformStats> } | undefined;

/** The home page's figures, counted at most once per PLATFORM_STATS_TTL_MS per process (concurrent callers share one count). */
export function getPlatformStatsCached(): Promise<PlatformStats> {
  const now = Date.now();
  if (!cached || now - cached.at >= PLATFORM_STATS_TTL_MS) {
    const value = getPlatformStats();
    cached = { at: now, value };
    value.catch(() => {
      if (cached?.value === value) cached = undefined; // a failed count is not kept
    });
  }
  return cached.value;
}

/** The figures on the home page, straight from the database. */
export async function getPlatformStats(now = new Date()): Promise<PlatformStats> {
  const [verifiedOrgs, communityOrgs, openNeeds, crossDistrict] = await Promise.all([
    prisma.organization.count({ where: { status: "VERIFIED" } }),
    prisma.organization.count({ where: { status: "VERIFIED", isCommunityOrg: true } }),
    prisma.need.count({ where: { status: "PUBLISHED", bidDeadline: { gt: now } } }),
    // An award is cross-district when the winner is registered outside every district the need serves.
    prisma.$queryRaw<{ count: bigint | number }[]>`
      SELECT count(*) AS count FROM "Award" a
      JOIN "Organization" o ON o.id = a."orgId"
      WHERE NOT EXISTS (
        SELECT 1 FROM "NeedDistrict" nd WHERE nd."needId" = a."needId" AND nd."districtCode" = o."districtCode"
      )`,
  ]);
  return { verifiedOrgs, communityOrgs, openNeeds, crossDistrictAwards: Number(crossDistrict[0]?.count ?? 0) };
}
