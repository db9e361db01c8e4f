import { prisma } from "#app/db.server.ts";

/** Open needs, newest first, for the home page. */
export async function listLatestOpenNeeds(limit = 6, now = new Date()) {
  return prisma.need.findMany({
    where: { status: "PUBLISHED", bidDeadline: { gt: now } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      summary: true,
      budget: true,
      bidDeadline: true,
      crossDistrict: true,
      buyerUnit: { select: { name: true } },
      districts: { select: { district: { select: { name: true, nameEn: true } } } },
    },
  });
}
