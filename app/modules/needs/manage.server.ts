// The buyer's manage page of one need: the header every tab shows (status, phase at the database clock, counts —
// never bid content), and the overview with what still stops a draft from being published.
import { prisma } from "#app/db.server.ts";
import { requireBuyerActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { dbNow } from "./db.server.ts";
import { DRAFT_SELECT, needToDraft } from "./needs.server.ts";
import { needPhase } from "./phase.ts";
import { publishIssues } from "./rules.ts";

export async function getManageHeader(actor: Actor, needId: number) {
  const buyer = requireBuyerActor(actor);
  const need = await prisma.need.findFirst({
    where: { id: needId, buyerUnitId: buyer.buyerUnitId },
    select: {
      id: true,
      title: true,
      status: true,
      statusReason: true,
      bidDeadline: true,
      enquiryDeadline: true,
      publishedAt: true,
      version: true,
      _count: {
        select: {
          bids: { where: { status: { not: "WITHDRAWN" } } },
          enquiries: { where: { answeredAt: null } },
          invitations: true,
          amendments: true,
        },
      },
    },
  });
  if (!need) throw new ServiceError(404, "needs.notFound");
  const now = await dbNow();
  const { _count, ...rest } = need;
  return {
    need: rest,
    now,
    phase: needPhase(need, now),
    counts: { bids: _count.bids, openQuestions: _count.enquiries, invitations: _count.invitations, amendments: _count.amendments },
  };
}

/** The overview tab: the stored need, what blocks publication (drafts), award and contract. */
export async function getNeedOverview(actor: Actor, needId: number) {
  const buyer = requireBuyerActor(actor);
  const need = await prisma.need.findFirst({
    where: { id: needId, buyerUnitId: buyer.buyerUnitId },
    select: {
      ...DRAFT_SELECT,
      statusReason: true,
      createdAt: true,
      evaluationStartedAt: true,
      closedAt: true,
      catalogItem: { select: { nameZh: true, nameEn: true } },
      award: { select: { amount: true, decidedAt: true, org: { select: { id: true, name: true } } } },
      contract: { select: { value: true, periodStart: true, periodEnd: true, completedAt: true, acceptanceResult: true, rating: true } },
    },
  });
  if (!need) throw new ServiceError(404, "needs.notFound");
  const now = await dbNow();
  const issues =
    need.status === "DRAFT"
      ? publishIssues(needToDraft(need), now, { invitedCount: await prisma.invitation.count({ where: { needId } }) })
      : [];
  return { need, now, issues, phase: needPhase(need, now) };
}
