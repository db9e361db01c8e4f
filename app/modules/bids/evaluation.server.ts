// The buyer side of bids: evaluation after the deadline, the shortlist and the award.
//
// Sealed until the deadline: `getEvaluation` compares the bid deadline with the database clock and, while the
// need is open, selects a count and nothing else. The award locks the need row and relies on the unique
// Award.needId, so two buyers awarding at once end with exactly one award and a clear 409 for the other.
import { prisma, type DbClient, type Tx } from "#app/db.server.ts";
import { requireBuyerActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { dbNow, isUniqueViolation, lockNeed, transaction } from "#app/modules/needs/db.server.ts";
import { interestedUserIds } from "#app/modules/needs/needs.server.ts";
import { notify, orgUserIds } from "#app/modules/notify/notifications.server.ts";
import { enqueue } from "#app/modules/outbox/outbox.server.ts";
import type { ScoresInput } from "./schemas.ts";
import { rankOf, totalScore } from "./scoring.ts";

type NeedTimes = { status: string; bidDeadline: Date | null; closedAt: Date | null };

/**
 * Whether the bids of a need may be opened at `now`: the deadline has passed, and the need was not cancelled
 * before its deadline (a need withdrawn while open never has its bids opened).
 */
export function bidsOpenable(need: NeedTimes, now: Date) {
  if (!need.bidDeadline || need.bidDeadline.getTime() > now.getTime()) return false;
  if (need.status === "DRAFT") return false;
  if (need.status === "CANCELLED" && need.closedAt && need.closedAt.getTime() < need.bidDeadline.getTime()) return false;
  return true;
}

async function ownNeedForEvaluation(db: DbClient, actor: Actor, needId: number) {
  const buyer = requireBuyerActor(actor);
  const need = await db.need.findFirst({
    where: { id: needId, buyerUnitId: buyer.buyerUnitId },
    select: {
      id: true,
      title: true,
      status: true,
      budget: true,
      bidDeadline: true,
      closedAt: true,
      criteria: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, kind: true, weight: true, description: true } },
    },
  });
  if (!need) throw new ServiceError(404, "needs.notFound");
  return { buyer, need };
}

/** The evaluation table: bids with content and scores after the deadline; only their number before it. */
export async function getEvaluation(actor: Actor, needId: number) {
  const { need } = await ownNeedForEvaluation(prisma, actor, needId);
  const now = await dbNow();
  if (!bidsOpenable(need, now)) {
    // Sealed: count only — no price, proposal, team or even bidder names leave the database.
    const bidCount = await prisma.bid.count({ where: { needId, status: "SUBMITTED" } });
    return { sealed: true as const, need, bidCount, now };
  }
  const [bids, withdrawn, award] = await Promise.all([
    prisma.bid.findMany({
      where: { needId, status: { not: "WITHDRAWN" } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        price: true,
        proposal: true,
        team: true,
        status: true,
        shortlisted: true,
        totalScore: true,
        outcomeReason: true,
        submittedAt: true,
        updatedAt: true,
        custodian: { select: { id: true, name: true } },
        org: {
          select: {
            id: true,
            name: true,
            kind: true,
            isCommunityOrg: true,
            gradeLevel: true,
            certifiedSocialWorkers: true,
            completedContracts: true,
            ratingSum: true,
            ratingCount: true,
            district: { select: { code: true, name: true, nameEn: true } },
          },
        },
        scores: { select: { criterionId: true, score: true } },
      },
    }),
    prisma.bid.count({ where: { needId, status: "WITHDRAWN" } }),
    prisma.award.findUnique({ where: { needId }, select: { bidId: true, amount: true, notice: true, decidedAt: true } }),
  ]);
  const totals = bids.map((b) => b.totalScore);
  return {
    sealed: false as const,
    need,
    now,
    withdrawn,
    award,
    canEvaluate: need.status === "PUBLISHED" || need.status === "EVALUATING",
    bids: bids.map((bid) => ({
      ...bid,
      team: bid.team as { name: string; role: string; certifiedSocialWorker: boolean }[],
      rank: rankOf(bid.totalScore, totals),
    })),
  };
}

async function closedNeedForEvaluation(tx: Tx, actor: Actor, needId: number) {
  if (!(await lockNeed(tx, needId))) throw new ServiceError(404, "needs.notFound");
  const { buyer, need } = await ownNeedForEvaluation(tx, actor, needId);
  const now = await dbNow(tx);
  if (!bidsOpenable(need, now)) throw new ServiceError(409, "bids.evaluation.sealed");
  return { buyer, need, now };
}

/** Saves scores (0–100 per criterion), the shortlist and notes; totals follow from the weights. */
export async function saveScores(actor: Actor, needId: number, rows: ScoresInput) {
  return transaction(async (tx) => {
    const { buyer, need, now } = await closedNeedForEvaluation(tx, actor, needId);
    if (need.status !== "PUBLISHED" && need.status !== "EVALUATING") throw new ServiceError(409, "bids.evaluation.decided");
    const bids = await tx.bid.findMany({ where: { needId, status: "SUBMITTED" }, select: { id: true } });
    const bidIds = new Set(bids.map((b) => b.id));
    const criterionIds = new Set(need.criteria.map((c) => c.id));
    for (const row of rows) {
      if (!bidIds.has(row.bidId)) throw new ServiceError(422, "bids.evaluation.unknownBid");
      if (row.scores.some((s) => !criterionIds.has(s.criterionId))) throw new ServiceError(422, "bids.evaluation.unknownCriterion");
    }
    for (const row of rows) {
      for (const { criterionId, score } of row.scores) {
        if (score === undefined) {
          await tx.bidScore.deleteMany({ where: { bidId: row.bidId, criterionId } });
        } else {
          await tx.bidScore.upsert({
            where: { bidId_criterionId: { bidId: row.bidId, criterionId } },
            create: { bidId: row.bidId, criterionId, score, scoredById: buyer.userId },
            update: { score, scoredById: buyer.userId },
          });
        }
      }
      const scores = await tx.bidScore.findMany({ where: { bidId: row.bidId }, select: { criterionId: true, score: true } });
      await tx.bid.update({
        where: { id: row.bidId },
        data: { totalScore: totalScore(need.criteria, scores), shortlisted: row.shortlisted, outcomeReason: row.note || null },
      });
    }
    if (need.status === "PUBLISHED") {
      await tx.need.update({ where: { id: needId }, data: { status: "EVALUATING", evaluationStartedAt: now, version: { increment: 1 } } });
      await recordAudit(tx, { actor, action: "need.startEvaluation", entityType: "Need", entityId: needId, before: { status: "PUBLISHED" }, after: { status: "EVALUATING" } });
      await enqueue(tx, "search.need", needId);
    }
    await recordAudit(tx, {
      actor,
      action: "evaluation.save",
      entityType: "Need",
      entityId: needId,
      after: { bids: rows.map((r) => ({ bidId: r.bidId, shortlisted: r.shortlisted, scores: r.scores })) },
    });
    return { saved: rows.length };
  });
}

/**
 * Awards the need to one shortlisted, scored bid. Every bidder is told the outcome with its own scores; the
 * winner's organization gets a track-record update when the contract completes (see delivery.server.ts).
 */
export async function awardBid(actor: Actor, needId: number, input: { bidId: number; notice: string; reason: string }) {
  try {
    return await transaction(async (tx) => {
      const { buyer, need, now } = await closedNeedForEvaluation(tx, actor, needId);
      if (need.status === "AWARDED" || need.status === "IN_DELIVERY" || need.status === "COMPLETED") throw new ServiceError(409, "bids.award.already");
      if (need.status !== "PUBLISHED" && need.status !== "EVALUATING") throw new ServiceError(409, "bids.evaluation.decided");
      const bids = await tx.bid.findMany({
        where: { needId, status: "SUBMITTED" },
        select: { id: true, orgId: true, price: true, totalScore: true, shortlisted: true, outcomeReason: true },
      });
      const unscored = bids.filter((b) => b.totalScore === null).length;
      if (unscored > 0) throw new ServiceError(422, "bids.award.unscored", { count: unscored });
      const winner = bids.find((b) => b.id === input.bidId);
      if (!winner) throw new ServiceError(422, "bids.evaluation.unknownBid");
      if (!winner.shortlisted) throw new ServiceError(422, "bids.award.notShortlisted");
      const totals = bids.map((b) => b.totalScore);
      const best = Math.max(...totals.map((t) => t ?? 0));
      const reason = input.reason.trim();
      if ((winner.totalScore ?? 0) < best && reason.length < 5) throw new ServiceError(422, "bids.award.reasonRequired");

      await tx.award.create({
        data: { needId, bidId: winner.id, orgId: winner.orgId, amount: winner.price, notice: input.notice.trim(), decidedById: buyer.userId, decidedAt: now },
      });
      await tx.need.update({ where: { id: needId }, data: { status: "AWARDED", version: { increment: 1 } } });
      await tx.bid.update({ where: { id: winner.id }, data: { status: "AWARDED" } });
      await tx.bid.updateMany({ where: { needId, status: "SUBMITTED", id: { not: winner.id } }, data: { status: "NOT_AWARDED" } });
      await recordAudit(tx, {
        actor,
        action: "need.award",
        entityType: "Need",
        entityId: needId,
        before: { status: need.status },
        after: { status: "AWARDED", bidId: winner.id, orgId: winner.orgId, amount: winner.price, totalScore: winner.totalScore },
        reason: reason || null,
      });
      const told = new Set<number>();
      for (const bid of bids) {
        const won = bid.id === winner.id;
        const userIds = await orgUserIds(tx, [bid.orgId]);
        userIds.forEach((id) => told.add(id));
        await notify(tx, {
          userIds,
          kind: "bid.outcome",
          titleKey: won ? "bids.notify.won" : "bids.notify.lost",
          vars: { title: need.title, score: bid.totalScore ?? 0, rank: rankOf(bid.totalScore, totals) ?? 0, count: bids.length },
          body: won ? "" : (bid.outcomeReason ?? ""),
          link: "/workspace/bids",
          dedupeKey: `bid.outcome:${bid.id}`,
        });
      }
      await notify(tx, {
        userIds: (await interestedUserIds(tx, needId, { savers: true, invited: true })).filter((id) => !told.has(id)),
        kind: "need.status",
        titleKey: "needs.notify.awarded",
        vars: { title: need.title },
        link: `/needs/${needId}#result`,
        dedupeKey: `need.awarded:${needId}`,
      });
      await enqueue(tx, "search.need", needId);
      await enqueue(tx, "search.org", winner.orgId);
      return { needId, bidId: winner.id, orgId: winner.orgId, amount: winner.price };
    });
  } catch (error) {
    // The unique Award.needId is the last word if two awards ever got past the lock (e.g. a stale replica).
    if (isUniqueViolation(error)) throw new ServiceError(409, "bids.award.already");
    throw error;
  }
}
