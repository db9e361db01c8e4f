// The organization side of bidding: the bid form, submitting, changing and withdrawing a bid, and "my bids".
//
// Sealed bids: a bid's price, proposal and team are read here only with the bidding organization in the `where`
// clause. Deadline: every write locks the need row (SELECT … FOR UPDATE) and compares the bid deadline with the
// database server's clock inside the same transaction, so no bid is created, changed or withdrawn at or after
// the deadline, whatever the app server's clock says and however requests race.
import type { Prisma } from "#app/.server/prisma/client.ts";
import { prisma, type Tx } from "#app/db.server.ts";
import { requireOrgActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { dbNow, isUniqueViolation, lockNeed, transaction } from "#app/modules/needs/db.server.ts";
import { needPhase } from "#app/modules/needs/phase.ts";
import { isInvitationOnly } from "#app/modules/needs/rules.ts";
import { formatShanghaiPlain } from "#app/modules/needs/time.ts";
import { notify, orgUserIds } from "#app/modules/notify/notifications.server.ts";
import { checkEligibility, isFiledKind } from "./eligibility.ts";
import { loadOrgSnapshot, NEED_RULES_SELECT, toNeedRules } from "./eligibility.server.ts";
import type { BidInput } from "./schemas.ts";

const BID_CONTENT_SELECT = {
  id: true,
  price: true,
  proposal: true,
  team: true,
  status: true,
  submittedAt: true,
  updatedAt: true,
  withdrawnAt: true,
  custodian: { select: { id: true, name: true } },
} satisfies Prisma.BidSelect;

/** Everything the bid page needs: the need, whether the organization may bid (and why not), and its own bid. */
export async function getBidPage(actor: Actor, needId: number) {
  const member = requireOrgActor(actor);
  const need = await prisma.need.findFirst({
    where: { id: needId, status: { not: "DRAFT" } },
    select: {
      id: true,
      title: true,
      summary: true,
      status: true,
      method: true,
      budget: true,
      enquiryDeadline: true,
      servicePeriodStart: true,
      servicePeriodEnd: true,
      buyerUnit: { select: { name: true } },
      criteria: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, kind: true, weight: true, description: true } },
      ...NEED_RULES_SELECT,
    },
  });
  if (!need) throw new ServiceError(404, "needs.notFound");
  const [now, loaded, invitation, bid] = await Promise.all([
    dbNow(),
    loadOrgSnapshot(prisma, member.orgId),
    prisma.invitation.findUnique({ where: { needId_orgId: { needId, orgId: member.orgId } }, select: { id: true } }),
    prisma.bid.findUnique({ where: { needId_orgId: { needId, orgId: member.orgId } }, select: BID_CONTENT_SELECT }),
  ]);
  if (!loaded) throw new ServiceError(404, "needs.notFound");
  const failures = checkEligibility(loaded.snapshot, toNeedRules(need), now);
  const open = need.status === "PUBLISHED" && need.bidDeadline !== null && need.bidDeadline.getTime() > now.getTime();
  return {
    need,
    now,
    open,
    org: { id: loaded.org.id, name: loaded.org.name, kind: loaded.org.kind, custodian: isFiledKind(loaded.org.kind) ? loaded.org.custodian : null },
    failures,
    invitationRequired: isInvitationOnly(need.method) && !invitation,
    bid: bid ? { ...bid, team: bid.team as { name: string; role: string; certifiedSocialWorker: boolean }[] } : null,
  };
}

/** Checks, inside the bid transaction, that the need is open at the database clock. Returns that instant. */
async function openNeedForBidding(tx: Tx, needId: number) {
  if (!(await lockNeed(tx, needId))) throw new ServiceError(404, "needs.notFound");
  const need = await tx.need.findUnique({
    where: { id: needId },
    select: { id: true, title: true, status: true, method: true, budget: true, ...NEED_RULES_SELECT },
  });
  if (!need || need.status === "DRAFT") throw new ServiceError(404, "needs.notFound");
  const now = await dbNow(tx);
  // Open means status PUBLISHED and now < deadline: a bid at the deadline instant is already late.
  if (needPhase(need, now) !== "OPEN_FOR_BIDS" || !need.bidDeadline) throw new ServiceError(409, "bids.closed");
  return { need, now };
}

/**
 * Submits a bid, or changes the organization's bid, or bids again after withdrawing (the same row: one live bid
 * per organization per need). Eligibility is checked again here, inside the transaction, at the database clock.
 */
export async function submitBid(actor: Actor, needId: number, input: BidInput) {
  const member = requireOrgActor(actor);
  try {
    return await transaction(async (tx) => {
      const { need, now } = await openNeedForBidding(tx, needId);
      const loaded = await loadOrgSnapshot(tx, member.orgId);
      if (!loaded) throw new ServiceError(404, "needs.notFound");
      const failures = checkEligibility(loaded.snapshot, toNeedRules(need), now);
      if (failures.length > 0) throw new ServiceError(422, "bids.ineligible", { count: failures.length }, failures);
      if (isInvitationOnly(need.method)) {
        const invited = await tx.invitation.count({ where: { needId, orgId: member.orgId } });
        if (!invited) throw new ServiceError(422, "bids.invitationOnly");
      }
      if (need.budget !== null && input.price > need.budget) throw new ServiceError(422, "bids.overBudget", { budget: need.budget });

      const content = {
        price: input.price,
        proposal: input.proposal,
        team: input.team as unknown as Prisma.InputJsonValue,
        custodianId: isFiledKind(loaded.snapshot.kind) ? (loaded.snapshot.custodian?.id ?? null) : null,
        submittedById: member.userId,
        updatedAt: now,
      };
      const existing = await tx.bid.findUnique({ where: { needId_orgId: { needId, orgId: member.orgId } }, select: { id: true, status: true } });
      let bidId: number;
      let action: "bid.submit" | "bid.update" | "bid.resubmit";
      if (!existing) {
        bidId = (await tx.bid.create({ data: { ...content, needId, orgId: member.orgId, status: "SUBMITTED", submittedAt: now }, select: { id: true } })).id;
        action = "bid.submit";
      } else if (existing.status === "SUBMITTED") {
        await tx.bid.update({ where: { id: existing.id }, data: content });
        bidId = existing.id;
        action = "bid.update";
      } else if (existing.status === "WITHDRAWN") {
        await tx.bid.update({ where: { id: existing.id }, data: { ...content, status: "SUBMITTED", withdrawnAt: null, submittedAt: now } });
        bidId = existing.id;
        action = "bid.resubmit";
      } else {
        throw new ServiceError(409, "bids.closed");
      }
      // The audit log never holds a sealed bid's content: who bid on what, and when, is enough.
      await recordAudit(tx, { actor, action, entityType: "Bid", entityId: bidId, after: { needId, orgId: member.orgId, at: now.toISOString() } });
      await notify(tx, {
        userIds: await orgUserIds(tx, [member.orgId]),
        kind: "bid.received",
        titleKey: action === "bid.update" ? "bids.notify.updated" : "bids.notify.received",
        vars: { title: need.title, time: formatShanghaiPlain(now) },
        link: `/needs/${needId}/bid`,
        dedupeKey: `${action}:${bidId}:${now.getTime()}`,
      });
      return { bidId, action, at: now };
    });
  } catch (error) {
    // Two submissions of one organization racing: the unique (needId, orgId) decides; the loser retries cleanly.
    if (isUniqueViolation(error)) throw new ServiceError(409, "bids.concurrent");
    throw error;
  }
}

/** Withdraws the organization's bid before the deadline (it can bid again until then). */
export async function withdrawBid(actor: Actor, needId: number) {
  const member = requireOrgActor(actor);
  return transaction(async (tx) => {
    const { now } = await openNeedForBidding(tx, needId);
    const bid = await tx.bid.findUnique({ where: { needId_orgId: { needId, orgId: member.orgId } }, select: { id: true, status: true } });
    if (!bid || bid.status !== "SUBMITTED") throw new ServiceError(409, "bids.nothingToWithdraw");
    await tx.bid.update({ where: { id: bid.id }, data: { status: "WITHDRAWN", withdrawnAt: now, updatedAt: now, shortlisted: false } });
    await recordAudit(tx, { actor, action: "bid.withdraw", entityType: "Bid", entityId: bid.id, after: { needId, orgId: member.orgId, at: now.toISOString() } });
    return { bidId: bid.id, at: now };
  });
}

const DECIDED = ["AWARDED", "NOT_AWARDED"] as const;

/** The organization's bids with status and outcome: its own scores, rank and the reason it did not win. */
export async function listMyBids(actor: Actor, { page = 1, pageSize = 20 }: { page?: number; pageSize?: number } = {}) {
  const member = requireOrgActor(actor);
  const where = { orgId: member.orgId };
  const [rows, total, now] = await Promise.all([
    prisma.bid.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        price: true,
        status: true,
        submittedAt: true,
        updatedAt: true,
        withdrawnAt: true,
        totalScore: true,
        outcomeReason: true,
        custodian: { select: { name: true } },
        scores: { select: { criterionId: true, score: true } },
        award: { select: { amount: true } },
        need: {
          select: {
            id: true,
            title: true,
            status: true,
            statusReason: true,
            bidDeadline: true,
            buyerUnit: { select: { name: true } },
            criteria: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, weight: true } },
            award: { select: { bidId: true, amount: true, org: { select: { id: true, name: true } }, bid: { select: { totalScore: true } } } },
            contract: { select: { value: true, completedAt: true, acceptanceResult: true, acceptanceNote: true, rating: true, review: true } },
          },
        },
      },
    }),
    prisma.bid.count({ where }),
    dbNow(),
  ]);
  const items = await Promise.all(
    rows.map(async (bid) => {
      const decided = (DECIDED as readonly string[]).includes(bid.status);
      const scored = decided && bid.totalScore !== null;
      // Rank among the evaluated bids, told only once the outcome is decided.
      const [higher, evaluated] = scored
        ? await Promise.all([
            prisma.bid.count({ where: { needId: bid.need.id, status: { in: [...DECIDED] }, totalScore: { gt: bid.totalScore! } } }),
            prisma.bid.count({ where: { needId: bid.need.id, status: { in: [...DECIDED] }, totalScore: { not: null } } }),
          ])
        : [0, 0];
      const won = bid.status === "AWARDED";
      return {
        id: bid.id,
        price: bid.price,
        status: bid.status,
        submittedAt: bid.submittedAt,
        updatedAt: bid.updatedAt,
        withdrawnAt: bid.withdrawnAt,
        custodianName: bid.custodian?.name ?? null,
        need: {
          id: bid.need.id,
          title: bid.need.title,
          status: bid.need.status,
          statusReason: bid.need.statusReason,
          bidDeadline: bid.need.bidDeadline,
          buyerName: bid.need.buyerUnit.name,
        },
        outcome: decided
          ? {
              won,
              totalScore: bid.totalScore,
              rank: scored ? higher + 1 : null,
              evaluated,
              scores: bid.need.criteria.map((c) => ({ name: c.name, weight: c.weight, score: bid.scores.find((s) => s.criterionId === c.id)?.score ?? null })),
              reason: bid.outcomeReason,
              needStatusReason: bid.need.status === "CANCELLED" || bid.need.status === "UNSUCCESSFUL" ? bid.need.statusReason : null,
              winner: !won && bid.need.award ? { name: bid.need.award.org.name, orgId: bid.need.award.org.id, totalScore: bid.need.award.bid.totalScore, amount: bid.need.award.amount } : null,
              contract: won ? bid.need.contract : null,
            }
          : null,
      };
    }),
  );
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), now };
}
