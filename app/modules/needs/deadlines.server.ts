// Deadline-driven notifications. A need's phase comes from its timestamps (no job has to fire for a deadline to
// take effect); this periodic job only tells people about it:
// - when the bid deadline has passed, the buyer's staff hear how many bids arrived and that evaluation can start;
// - a day before the bid deadline, organizations that saved the need or were invited and have not bid are reminded.
// Each reminder is recorded once in the audit log (system actor); candidate rows are claimed with
// FOR UPDATE SKIP LOCKED and notifications carry dedupe keys, so several app instances never send twice.
import { prisma } from "#app/db.server.ts";
import { systemActor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { buyerUserIds, notify, orgUserIds } from "#app/modules/notify/notifications.server.ts";
import { dbNow, transaction } from "./db.server.ts";
import { formatShanghaiPlain } from "./time.ts";

const DAY = 24 * 3600_000;
const LOOKBACK = 30 * DAY;
const BATCH = 50;
const SYSTEM = systemActor("deadlines");

async function claim(action: string, from: Date, to: Date) {
  return transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; title: string; buyerUnitId: number; bidDeadline: Date }[]>`
      SELECT n.id, n.title, n."buyerUnitId", n."bidDeadline" FROM "Need" n
      WHERE n.status = 'PUBLISHED' AND n."bidDeadline" > ${from} AND n."bidDeadline" <= ${to}
        AND NOT EXISTS (
          SELECT 1 FROM "AuditLog" a WHERE a."entityType" = 'Need' AND a."entityId" = n.id::text AND a.action = ${action}
        )
      ORDER BY n."bidDeadline"
      LIMIT ${BATCH}
      FOR UPDATE OF n SKIP LOCKED`;
    for (const row of rows) {
      await recordAudit(tx, { actor: SYSTEM, action, entityType: "Need", entityId: row.id });
    }
    return rows;
  });
}

/** Runs one pass; returns how many needs were handled. Safe to run on every instance, as often as wanted. */
export async function runDeadlineNotifications(): Promise<{ closed: number; reminded: number }> {
  const now = await dbNow();
  const closed = await claim("need.biddingClosed", new Date(now.getTime() - LOOKBACK), now);
  for (const need of closed) {
    const bids = await prisma.bid.count({ where: { needId: need.id, status: "SUBMITTED" } });
    await notify(prisma, {
      userIds: await buyerUserIds(prisma, need.buyerUnitId),
      kind: "need.closed",
      titleKey: bids > 0 ? "needs.notify.closedWithBids" : "needs.notify.closedNoBids",
      vars: { title: need.title, count: bids },
      link: `/workspace/needs/${need.id}/evaluation`,
      dedupeKey: `need.closed:${need.id}`,
    });
  }
  const closing = await claim("need.closingReminder", now, new Date(now.getTime() + DAY));
  for (const need of closing) {
    const [saved, invited, bids] = await Promise.all([
      prisma.savedNeed.findMany({ where: { needId: need.id }, select: { userId: true, user: { select: { orgId: true } } } }),
      prisma.invitation.findMany({ where: { needId: need.id }, select: { orgId: true } }),
      prisma.bid.findMany({ where: { needId: need.id, status: "SUBMITTED" }, select: { orgId: true } }),
    ]);
    const bidding = new Set(bids.map((b) => b.orgId));
    const invitedUsers = await orgUserIds(prisma, invited.map((i) => i.orgId).filter((orgId) => !bidding.has(orgId)));
    const savers = saved.filter((s) => s.user.orgId === null || !bidding.has(s.user.orgId)).map((s) => s.userId);
    await notify(prisma, {
      userIds: [...invitedUsers, ...savers],
      kind: "need.closing",
      titleKey: "needs.notify.closing",
      vars: { title: need.title, deadline: formatShanghaiPlain(need.bidDeadline) },
      link: `/needs/${need.id}`,
      dedupeKey: `need.closing:${need.id}`,
    });
  }
  return { closed: closed.length, reminded: closing.length };
}
