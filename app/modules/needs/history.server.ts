// A need's history for administrators: every audit entry about the need and about its bids. Bid entries never
// carry a bid's content (see bids.server.ts); while the bids are sealed, even who submitted them is withheld.
import { prisma } from "#app/db.server.ts";
import { requireAdminActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { bidsOpenable } from "#app/modules/bids/evaluation.server.ts";
import { dbNow } from "./db.server.ts";

export async function listNeedHistory(actor: Actor, needId: number) {
  requireAdminActor(actor);
  const need = await prisma.need.findUnique({ where: { id: needId }, select: { status: true, bidDeadline: true, closedAt: true } });
  if (!need) throw new ServiceError(404, "needs.notFound");
  const sealed = !bidsOpenable(need, await dbNow());
  const bidIds = (await prisma.bid.findMany({ where: { needId }, select: { id: true } })).map((b) => String(b.id));
  const rows = await prisma.auditLog.findMany({
    where: {
      OR: [
        { entityType: "Need", entityId: String(needId) },
        ...(bidIds.length > 0 ? [{ entityType: "Bid", entityId: { in: bidIds } }] : []),
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, action: true, actorRole: true, actorId: true, entityType: true, entityId: true, reason: true, createdAt: true },
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is number => id !== null))];
  const users = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((row) => {
    const hidden = sealed && row.entityType === "Bid";
    return {
      id: row.id,
      action: row.action,
      actorRole: row.actorRole,
      actorName: hidden || !row.actorId ? null : (names.get(row.actorId) ?? null),
      entityType: row.entityType,
      entityId: hidden ? null : row.entityId,
      reason: row.reason,
      createdAt: row.createdAt,
    };
  });
}
