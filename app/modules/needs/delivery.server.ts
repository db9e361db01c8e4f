// After the award: the contract record (value, period), then completion with the public acceptance result
// (验收结果) and the buyer's rating and review, which become the organization's track record — its
// completedContracts / ratingSum / ratingCount change in the same transaction as the contract.
import { requireBuyerActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { notify, orgUserIds } from "#app/modules/notify/notifications.server.ts";
import { enqueue } from "#app/modules/outbox/outbox.server.ts";
import { prisma, type Tx } from "#app/db.server.ts";
import { dbNow, isUniqueViolation, lockNeed, transaction } from "./db.server.ts";

async function ownNeed(tx: Tx, actor: Actor, needId: number) {
  const buyer = requireBuyerActor(actor);
  if (!(await lockNeed(tx, needId))) throw new ServiceError(404, "needs.notFound");
  const need = await tx.need.findFirst({
    where: { id: needId, buyerUnitId: buyer.buyerUnitId },
    select: {
      id: true,
      title: true,
      status: true,
      award: { select: { id: true, orgId: true, amount: true } },
      contract: { select: { id: true, orgId: true, completedAt: true } },
    },
  });
  if (!need) throw new ServiceError(404, "needs.notFound");
  return { buyer, need };
}

export async function recordContract(actor: Actor, needId: number, input: { value: number; periodStart: Date; periodEnd: Date }) {
  if (input.periodStart.getTime() > input.periodEnd.getTime()) throw new ServiceError(422, "needs.form.periodOrder");
  try {
    return await transaction(async (tx) => {
      const { need } = await ownNeed(tx, actor, needId);
      if (need.status !== "AWARDED" || !need.award) throw new ServiceError(409, need.contract ? "needs.delivery.contractExists" : "needs.delivery.notAwarded");
      const now = await dbNow(tx);
      const contract = await tx.contract.create({
        data: { needId, awardId: need.award.id, orgId: need.award.orgId, value: input.value, periodStart: input.periodStart, periodEnd: input.periodEnd, signedAt: now },
        select: { id: true },
      });
      await tx.need.update({ where: { id: needId }, data: { status: "IN_DELIVERY", version: { increment: 1 } } });
      await recordAudit(tx, {
        actor,
        action: "need.contract",
        entityType: "Need",
        entityId: needId,
        before: { status: "AWARDED" },
        after: { status: "IN_DELIVERY", contractId: contract.id, value: input.value, periodStart: input.periodStart, periodEnd: input.periodEnd },
      });
      await notify(tx, {
        userIds: await orgUserIds(tx, [need.award.orgId]),
        kind: "contract",
        titleKey: "needs.notify.contract",
        vars: { title: need.title, value: input.value },
        link: "/workspace/bids",
        dedupeKey: `contract:${contract.id}`,
      });
      await enqueue(tx, "search.need", needId);
      return { contractId: contract.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError(409, "needs.delivery.contractExists");
    throw error;
  }
}

export async function completeContract(
  actor: Actor,
  needId: number,
  input: { acceptanceResult: "PASSED" | "PASSED_WITH_NOTES" | "FAILED"; acceptanceNote: string; rating: number; review: string },
) {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw new ServiceError(422, "needs.delivery.ratingRange");
  return transaction(async (tx) => {
    const { need } = await ownNeed(tx, actor, needId);
    if (need.status !== "IN_DELIVERY" || !need.contract || need.contract.completedAt) throw new ServiceError(409, "needs.delivery.notInDelivery");
    const now = await dbNow(tx);
    const orgId = need.contract.orgId;
    await tx.contract.update({
      where: { id: need.contract.id },
      data: {
        completedAt: now,
        acceptanceResult: input.acceptanceResult,
        acceptanceNote: input.acceptanceNote.trim(),
        rating: input.rating,
        review: input.review.trim(),
        ratedAt: now,
      },
    });
    await tx.need.update({ where: { id: needId }, data: { status: "COMPLETED", closedAt: now, version: { increment: 1 } } });
    // The track record: a delivered contract counts when it passed acceptance; every rating counts.
    const before = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { completedContracts: true, ratingSum: true, ratingCount: true } });
    const after = await tx.organization.update({
      where: { id: orgId },
      data: {
        completedContracts: { increment: input.acceptanceResult === "FAILED" ? 0 : 1 },
        ratingSum: { increment: input.rating },
        ratingCount: { increment: 1 },
      },
      select: { completedContracts: true, ratingSum: true, ratingCount: true },
    });
    await recordAudit(tx, {
      actor,
      action: "need.complete",
      entityType: "Need",
      entityId: needId,
      before: { status: "IN_DELIVERY" },
      after: { status: "COMPLETED", acceptanceResult: input.acceptanceResult, rating: input.rating },
    });
    await recordAudit(tx, { actor, action: "org.trackRecord", entityType: "Organization", entityId: orgId, before, after, reason: `need ${needId}` });
    await notify(tx, {
      userIds: await orgUserIds(tx, [orgId]),
      kind: "contract",
      titleKey: "needs.notify.completed",
      vars: { title: need.title, rating: input.rating },
      body: input.review.trim(),
      link: "/workspace/bids",
      dedupeKey: `contract.completed:${need.contract.id}`,
    });
    await enqueue(tx, "search.need", needId);
    await enqueue(tx, "search.org", orgId);
    return { orgId, trackRecord: after };
  });
}

/** The contract tab: the award, the contract and its completion. */
export async function getDelivery(actor: Actor, needId: number) {
  const buyer = requireBuyerActor(actor);
  const need = await prisma.need.findFirst({
    where: { id: needId, buyerUnitId: buyer.buyerUnitId },
    select: {
      id: true,
      status: true,
      servicePeriodStart: true,
      servicePeriodEnd: true,
      award: { select: { amount: true, decidedAt: true, org: { select: { id: true, name: true } } } },
      contract: {
        select: {
          value: true,
          periodStart: true,
          periodEnd: true,
          signedAt: true,
          completedAt: true,
          acceptanceResult: true,
          acceptanceNote: true,
          rating: true,
          review: true,
        },
      },
    },
  });
  if (!need) throw new ServiceError(404, "needs.notFound");
  const { award, contract, ...rest } = need;
  return { need: rest, award, contract };
}
