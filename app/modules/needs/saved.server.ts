// Saved needs (收藏): an organization user keeps a list of needs to come back to; saving also subscribes the user
// to answers and amendments of the need.
import { prisma } from "#app/db.server.ts";
import { requireOrgActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { dbNow } from "./db.server.ts";

export async function saveNeed(actor: Actor, needId: number) {
  const member = requireOrgActor(actor);
  const need = await prisma.need.findFirst({ where: { id: needId, status: { not: "DRAFT" } }, select: { id: true } });
  if (!need) throw new ServiceError(404, "needs.notFound");
  await prisma.savedNeed.upsert({
    where: { userId_needId: { userId: member.userId, needId } },
    create: { userId: member.userId, needId },
    update: {},
  });
}

export async function unsaveNeed(actor: Actor, needId: number) {
  const member = requireOrgActor(actor);
  await prisma.savedNeed.deleteMany({ where: { userId: member.userId, needId } });
}

export async function listSavedNeeds(actor: Actor, { page = 1, pageSize = 20 }: { page?: number; pageSize?: number } = {}) {
  const member = requireOrgActor(actor);
  const where = { userId: member.userId, need: { status: { not: "DRAFT" as const } } };
  const [rows, total, now] = await Promise.all([
    prisma.savedNeed.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        createdAt: true,
        need: {
          select: {
            id: true,
            title: true,
            summary: true,
            status: true,
            budget: true,
            bidDeadline: true,
            crossDistrict: true,
            buyerUnit: { select: { name: true } },
            districts: { select: { district: { select: { name: true, nameEn: true } } } },
            bids: { where: { orgId: member.orgId }, select: { status: true } },
          },
        },
      },
    }),
    prisma.savedNeed.count({ where }),
    dbNow(),
  ]);
  return {
    items: rows.map(({ createdAt, need: { bids, ...need } }) => ({ savedAt: createdAt, need, myBidStatus: bids[0]?.status ?? null })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    now,
  };
}
