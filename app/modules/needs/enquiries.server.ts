// Clarification questions (答疑). An organization asks before the question deadline; the asker stays private —
// the public page, other organizations and the buyer see the question without who asked it; the buyer answers and
// the answer is public and sent to everyone who bid, saved or asked about the need.
import { prisma } from "#app/db.server.ts";
import { requireBuyerActor, requireOrgActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { buyerUserIds, notify } from "#app/modules/notify/notifications.server.ts";
import { dbNow, lockNeed, transaction } from "./db.server.ts";
import { interestedUserIds } from "./needs.server.ts";
import { isOpenForQuestions } from "./phase.ts";

const BARRED = ["REJECTED", "SUSPENDED", "DEREGISTERED"];

export async function askQuestion(actor: Actor, needId: number, question: string) {
  const member = requireOrgActor(actor);
  const text = question.trim();
  if (text.length < 5 || text.length > 1000) throw new ServiceError(422, "needs.enquiry.length");
  return transaction(async (tx) => {
    if (!(await lockNeed(tx, needId))) throw new ServiceError(404, "needs.notFound");
    const need = await tx.need.findUnique({
      where: { id: needId },
      select: { id: true, title: true, status: true, buyerUnitId: true, enquiryDeadline: true, bidDeadline: true },
    });
    if (!need || need.status === "DRAFT") throw new ServiceError(404, "needs.notFound");
    const org = await tx.organization.findUnique({ where: { id: member.orgId }, select: { status: true } });
    if (!org || BARRED.includes(org.status)) throw new ServiceError(422, "needs.enquiry.orgBarred");
    const now = await dbNow(tx);
    if (!isOpenForQuestions(need, now)) throw new ServiceError(409, "needs.enquiry.closed");
    const enquiry = await tx.enquiry.create({
      data: { needId, orgId: member.orgId, askedById: member.userId, question: text, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "enquiry.ask", entityType: "Need", entityId: needId, after: { enquiryId: enquiry.id } });
    await notify(tx, {
      userIds: await buyerUserIds(tx, need.buyerUnitId),
      kind: "enquiry.asked",
      titleKey: "needs.notify.asked",
      vars: { title: need.title },
      body: text,
      link: `/workspace/needs/${needId}/questions`,
      dedupeKey: `enquiry.asked:${enquiry.id}`,
    });
    return { enquiryId: enquiry.id };
  });
}

export async function answerQuestion(actor: Actor, needId: number, enquiryId: number, answer: string) {
  const buyer = requireBuyerActor(actor);
  const text = answer.trim();
  if (text.length < 2 || text.length > 3000) throw new ServiceError(422, "needs.enquiry.answerLength");
  return transaction(async (tx) => {
    if (!(await lockNeed(tx, needId))) throw new ServiceError(404, "needs.notFound");
    // Ownership in the where clause: an enquiry of another unit's need is not found.
    const enquiry = await tx.enquiry.findFirst({
      where: { id: enquiryId, needId, need: { buyerUnitId: buyer.buyerUnitId } },
      select: { id: true, answeredAt: true, askedById: true, need: { select: { title: true, status: true } } },
    });
    if (!enquiry) throw new ServiceError(404, "needs.notFound");
    if (enquiry.answeredAt) throw new ServiceError(409, "needs.enquiry.alreadyAnswered");
    if (enquiry.need.status !== "PUBLISHED") throw new ServiceError(409, "needs.enquiry.needClosed");
    const now = await dbNow(tx);
    await tx.enquiry.update({ where: { id: enquiryId }, data: { answer: text, answeredById: buyer.userId, answeredAt: now } });
    await recordAudit(tx, { actor, action: "enquiry.answer", entityType: "Need", entityId: needId, after: { enquiryId } });
    const recipients = await interestedUserIds(tx, needId, { bidders: true, savers: true });
    if (enquiry.askedById) recipients.push(enquiry.askedById);
    await notify(tx, {
      userIds: recipients,
      kind: "enquiry.answered",
      titleKey: "needs.notify.answered",
      vars: { title: enquiry.need.title },
      body: text,
      link: `/needs/${needId}#questions`,
      dedupeKey: `enquiry.answered:${enquiryId}`,
    });
    return { enquiryId };
  });
}

/** The buyer's question list for one need: unanswered first. No asker identity. */
export async function listEnquiriesForBuyer(actor: Actor, needId: number) {
  const buyer = requireBuyerActor(actor);
  const need = await prisma.need.findFirst({ where: { id: needId, buyerUnitId: buyer.buyerUnitId }, select: { id: true, status: true } });
  if (!need) throw new ServiceError(404, "needs.notFound");
  const enquiries = await prisma.enquiry.findMany({
    where: { needId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, question: true, answer: true, answeredAt: true, createdAt: true },
  });
  return {
    canAnswer: need.status === "PUBLISHED",
    unanswered: enquiries.filter((e) => !e.answeredAt),
    answered: enquiries.filter((e) => e.answeredAt),
  };
}
