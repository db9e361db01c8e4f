import { prisma } from "#app/db.server.ts";
import { cachedFor } from "#app/utils/cached.server.ts";

/**
 * The home page's figures, at most a minute old: counting 50,000 organizations costs 100+ ms on the embedded
 * database, which would otherwise be paid by every visitor.
 */
export const getPlatformStats = cachedFor(60_000, () => countPlatformStats());

/** The figures on the home page, straight from the database. */
export async function countPlatformStats(now = new Date()) {
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
