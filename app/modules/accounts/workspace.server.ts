// The figures on each role's workspace page.
import { prisma } from "#app/db.server.ts";
import type { UserActor } from "./permissions.ts";

export async function getWorkspaceSummary(actor: UserActor, now = new Date()) {
  const unread = await prisma.notification.count({ where: { userId: actor.userId, readAt: null } });
  if (actor.role === "ORG" && actor.orgId !== null) {
    const org = await prisma.organization.findUnique({
      where: { id: actor.orgId },
      select: { id: true, name: true, status: true, statusReason: true },
    });
    const [invitations, activeBids] = await Promise.all([
      prisma.invitation.count({ where: { orgId: actor.orgId, need: { status: "PUBLISHED", bidDeadline: { gt: now } } } }),
      prisma.bid.count({ where: { orgId: actor.orgId, status: "SUBMITTED" } }),
    ]);
    return { role: "ORG" as const, unread, org, invitations, activeBids };
  }
  if (actor.role === "BUYER" && actor.buyerUnitId !== null) {
    const unit = await prisma.buyerUnit.findUnique({ where: { id: actor.buyerUnitId }, select: { id: true, name: true } });
    const [open, drafts, toEvaluate] = await Promise.all([
      prisma.need.count({ where: { buyerUnitId: actor.buyerUnitId, status: "PUBLISHED", bidDeadline: { gt: now } } }),
      prisma.need.count({ where: { buyerUnitId: actor.buyerUnitId, status: "DRAFT" } }),
      prisma.need.count({
        where: { buyerUnitId: actor.buyerUnitId, OR: [{ status: "EVALUATING" }, { status: "PUBLISHED", bidDeadline: { lte: now } }] },
      }),
    ]);
    return { role: "BUYER" as const, unread, unit, open, drafts, toEvaluate };
  }
  const [pendingOrgs, pendingChanges, pendingBuyers, activeTags] = await Promise.all([
    prisma.organization.count({ where: { status: "PENDING" } }),
    prisma.orgChangeRequest.count({ where: { status: "PENDING" } }),
    prisma.user.count({ where: { role: "BUYER", status: "PENDING" } }),
    prisma.tag.count({ where: { status: "ACTIVE" } }),
  ]);
  return { role: "ADMIN" as const, unread, pendingOrgs, pendingChanges, pendingBuyers, activeTags };
}
