// Deadline-driven notifications. A need's phase comes from its timestamps (no job has to fire for a deadline to
// take effect); this periodic job only tells people about it:
// - when the bid deadline has passed, the buyer's staff hear how many bids arrived and that evaluation can start;
// - a day before the bid deadline, organizations that saved the need or were invited and have not bid are reminded.
// Each reminder is recorded once in the audit log (system actor), in the same transaction as its notifications;
// candidate rows are claimed with FOR UPDATE SKIP LOCKED and notifications carry dedupe keys, so several app
// instances never send twice, and a crash part-way never loses a notice.
import type { Tx } from "#app/db.server.ts";
import { systemActor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { buyerUserIds, notify, orgUserIds } from "#app/modules/notify/notifications.server.ts";
import { dbNow, transaction } from "./db.server.ts";
import { formatShanghaiPlain } from "./time.ts";

const DAY = 24 * 3600_000;
const LOOKBACK = 30 * DAY;
const BATCH = 50;
const SYSTEM = systemActor("deadlines");

type Claimed = { id: number; title: string; buyerUnitId: number; bidDeadline: Date };

/**
 * Claims up to BATCH needs for one kind of notice and tells people, in one transaction: the audit row that marks
 * a need as done commits together with its notifications (and their e-mail outbox rows), so a crash never leaves a
 * need marked done without its notice, nor sends one twice.
 */
async function claimAndNotify(action: string, from: Date, to: Date, tell: (tx: Tx, need: Claimed) => Promise<void>) {
  return transaction(async (tx) => {
    const rows = await tx.$queryRaw<Claimed[]>`
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
      await tell(tx, row);
    }
    return rows.length;
  });
}

/** Runs one pass; returns how many needs were handled. Safe to run on every instance, as often as wanted. */
export async function runDeadlineNotifications(): Promise<{ closed: number; reminded: number }> {
  const now = await dbNow();
  const closed = await claimAndNotify("need.biddingClosed", new Date(now.getTime() - LOOKBACK), now, async (tx, need) => {
    const bids = await tx.bid.count({ where: { needId: need.id, status: "SUBMITTED" } });
    await notify(tx, {
      userIds: await buyerUserIds(tx, need.buyerUnitId),
      kind: "need.closed",
      titleKey: bids > 0 ? "needs.notify.closedWithBids" : "needs.notify.closedNoBids",
      vars: { title: need.title, count: bids },
      link: `/workspace/needs/${need.id}/evaluation`,
      dedupeKey: `need.closed:${need.id}`,
    });
  });
  const reminded = await claimAndNotify("need.closingReminder", now, new Date(now.getTime() + DAY), async (tx, need) => {
    const [saved, invited, bids] = await Promise.all([
      tx.savedNeed.findMany({ where: { needId: need.id }, select: { userId: true, user: { select: { orgId: true } } } }),
      tx.invitation.findMany({ where: { needId: need.id }, select: { orgId: true } }),
      tx.bid.findMany({ where: { needId: need.id, status: "SUBMITTED" }, select: { orgId: true } }),
    ]);
    const bidding = new Set(bids.map((b) => b.orgId));
    const invitedUsers = await orgUserIds(tx, invited.map((i) => i.orgId).filter((orgId) => !bidding.has(orgId)));
    const savers = saved.filter((s) => s.user.orgId === null || !bidding.has(s.user.orgId)).map((s) => s.userId);
    await notify(tx, {
      userIds: [...invitedUsers, ...savers],
      kind: "need.closing",
      titleKey: "needs.notify.closing",
      vars: { title: need.title, deadline: formatShanghaiPlain(need.bidDeadline) },
      link: `/needs/${need.id}`,
      dedupeKey: `need.closing:${need.id}`,
    });
  });
  return { closed, reminded };
}
