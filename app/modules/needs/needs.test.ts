import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { ANONYMOUS, PermissionError, ServiceError, type UserActor } from "#app/modules/accounts/permissions.ts";
import { submitBid } from "#app/modules/bids/bids.server.ts";
import { makeAdmin, makeBuyerUser } from "#tests/factories.ts";
import { BID, bidder, closeBidding, completeDraft, DAY, publishedNeed, setBidDeadline } from "#tests/need-factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { dbNow } from "./db.server.ts";
import { runDeadlineNotifications } from "./deadlines.server.ts";
import { answerQuestion, askQuestion, listEnquiriesForBuyer } from "./enquiries.server.ts";
import { listNeedHistory } from "./history.server.ts";
import { getInvitations, inviteOrg, listMyInvitations } from "./invitations.server.ts";
import {
  amendNeed,
  cancelNeed,
  createNeed,
  declareUnsuccessful,
  deleteDraft,
  getNeedForEdit,
  listBuyerNeeds,
  publishNeed,
  updateDraft,
} from "./needs.server.ts";
import { getPublicNeed } from "./public.server.ts";
import { listSavedNeeds, saveNeed, unsaveNeed } from "./saved.server.ts";

let buyer: UserActor;
let otherBuyer: UserActor;

beforeAll(async () => {
  await seedReferenceData(prisma);
  buyer = (await makeBuyerUser()).actor;
  otherBuyer = (await makeBuyerUser()).actor;
});

const expectServiceError = async (promise: Promise<unknown>, key: string, status?: number) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).messageKey).toBe(key);
  if (status) expect((error as ServiceError).status).toBe(status);
  return error as ServiceError;
};

const notificationsOf = (userId: number, kind?: string) =>
  prisma.notification.findMany({ where: { userId, ...(kind ? { kind } : {}) }, select: { kind: true, titleKey: true, vars: true, body: true } });

describe("drafts and publication", () => {
  test("a draft needs only a title; publishing it reports what is missing and changes nothing", async () => {
    const draft = { ...(await completeDraft()), summary: "", budget: null, tagIds: [] };
    const { needId, published } = await createNeed(buyer, draft, { publish: false });
    expect(published).toBe(false);
    const error = await expectServiceError(publishNeed(buyer, needId), "needs.publish.incomplete", 422);
    expect((error.details as { key: string }[]).map((i) => i.key)).toEqual([
      "needs.publish.summaryMissing",
      "needs.publish.tagsMissing",
      "needs.publish.budgetMissing",
    ]);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: needId } })).status).toBe("DRAFT");
  });

  test("a complete draft publishes; audit, search outbox and the timestamp are written", async () => {
    const { needId } = await createNeed(buyer, await completeDraft(), { publish: false });
    await publishNeed(buyer, needId);
    const need = await prisma.need.findUniqueOrThrow({ where: { id: needId }, include: { criteria: true, tags: true } });
    expect(need.status).toBe("PUBLISHED");
    expect(need.publishedAt).not.toBeNull();
    expect(need.criteria.map((c) => c.weight)).toEqual([30, 50, 20]);
    expect(await prisma.auditLog.count({ where: { entityType: "Need", entityId: String(needId), action: "need.publish" } })).toBe(1);
    expect(await prisma.outboxEvent.count({ where: { topic: "search.need", key: String(needId) } })).toBeGreaterThanOrEqual(2);
  });

  test("updating a draft replaces its tags, districts and criteria; a stale version is refused", async () => {
    const { needId } = await createNeed(buyer, await completeDraft(), { publish: false });
    const edit = await getNeedForEdit(buyer, needId);
    const changed = { ...edit.draft, districtCodes: ["310104", "310105"], criteria: [{ name: "综合评分", kind: "OTHER" as const, weight: 100, description: "" }] };
    await updateDraft(buyer, needId, changed, { version: edit.version, publish: false });
    const need = await prisma.need.findUniqueOrThrow({ where: { id: needId }, include: { criteria: true, districts: true } });
    expect(need.criteria.map((c) => c.name)).toEqual(["综合评分"]);
    expect(need.districts.map((d) => d.districtCode).sort()).toEqual(["310104", "310105"]);
    await expectServiceError(updateDraft(buyer, needId, changed, { version: edit.version, publish: false }), "needs.edit.stale", 409);
  });

  test("references are checked: unknown tags, streets outside the districts", async () => {
    await expectServiceError(createNeed(buyer, await completeDraft({ tagIds: [999_999] }), { publish: false }), "needs.form.unknownTag", 422);
    await expectServiceError(createNeed(buyer, await completeDraft({ streetCodes: ["310115001"] }), { publish: false }), "needs.form.streetOutsideDistricts", 422);
  });

  test("another unit's need is not found; organizations and anonymous users cannot post", async () => {
    const { needId } = await createNeed(buyer, await completeDraft(), { publish: false });
    await expectServiceError(getNeedForEdit(otherBuyer, needId), "needs.notFound", 404);
    await expectServiceError(publishNeed(otherBuyer, needId), "needs.notFound", 404);
    await expectServiceError(deleteDraft(otherBuyer, needId), "needs.notFound", 404);
    const org = await bidder();
    await expect(createNeed(org.actor, await completeDraft(), { publish: true })).rejects.toThrow(PermissionError);
    await expect(createNeed(ANONYMOUS, await completeDraft(), { publish: true })).rejects.toThrow(PermissionError);
  });

  test("drafts are not public; the owner and administrators can preview them", async () => {
    const { needId } = await createNeed(buyer, await completeDraft(), { publish: false });
    await expectServiceError(getPublicNeed(ANONYMOUS, needId), "needs.notFound", 404);
    await expectServiceError(getPublicNeed(otherBuyer, needId), "needs.notFound", 404);
    expect((await getPublicNeed(buyer, needId)).isOwner).toBe(true);
    expect((await getPublicNeed((await makeAdmin()).actor, needId)).isAdmin).toBe(true);
  });

  test("a draft can be deleted; a published need cannot", async () => {
    const { needId } = await createNeed(buyer, await completeDraft(), { publish: false });
    await deleteDraft(buyer, needId);
    expect(await prisma.need.count({ where: { id: needId } })).toBe(0);
    const published = await publishedNeed(buyer);
    await expectServiceError(deleteDraft(buyer, published), "needs.edit.notDraft", 409);
  });

  test("the public page renders the description safely and never shows bid content or, before the deadline, the bid count", async () => {
    const needId = await publishedNeed(buyer, { description: "服务内容包括送餐上门和堂食服务两部分。<script>alert(1)</script>" });
    const org = await bidder();
    await submitBid(org.actor, needId, BID);
    const page = await getPublicNeed(ANONYMOUS, needId);
    expect(page.need.descriptionHtml).not.toContain("<script");
    expect(page.bidCount).toBeNull();
    expect(JSON.stringify(page)).not.toContain(BID.proposal);
    await closeBidding(needId);
    const after = await getPublicNeed(ANONYMOUS, needId);
    expect(after.bidCount).toBe(1);
    expect(JSON.stringify(after)).not.toContain(BID.proposal);
  });

  test("the unit's list groups needs by stage, with counts only", async () => {
    const { unit, actor } = await makeBuyerUser();
    await createNeed(actor, await completeDraft(), { publish: false });
    const open = await publishedNeed(actor);
    const closed = await publishedNeed(actor);
    await closeBidding(closed);
    const org = await bidder();
    await submitBid(org.actor, open, BID);
    const list = await listBuyerNeeds(actor, { tab: "open" });
    expect(list.counts).toEqual({ open: 1, evaluate: 1, draft: 1, delivery: 0, done: 0 });
    expect(list.items.map((i) => [i.id, i.bidCount])).toEqual([[open, 1]]);
    expect(JSON.stringify(list)).not.toContain(String(BID.price));
    expect(unit.id).toBe(actor.buyerUnitId);
  });
});

describe("amendments (更正公告)", () => {
  test("editing a published need publishes a dated amendment and tells bidders, askers, savers and invited organizations", async () => {
    const needId = await publishedNeed(buyer);
    const a = await bidder();
    const b = await bidder();
    const c = await bidder();
    const d = await bidder();
    await submitBid(a.actor, needId, BID);
    await askQuestion(b.actor, needId, "送餐上门的对象名单由谁提供？");
    await saveNeed(c.actor, needId);
    await inviteOrg(buyer, needId, d.org.id, "");
    const edit = await getNeedForEdit(buyer, needId);
    const result = await amendNeed(buyer, needId, { ...edit.draft, budget: 520_000, title: "枫林路街道长者助餐服务（2027年度）" }, { version: edit.version, summary: "预算调整并更正项目名称" });
    expect(result.material).toBe(true);
    expect(result.fields).toEqual(["title", "budget"]);
    const amendment = await prisma.needAmendment.findUniqueOrThrow({ where: { id: result.amendmentId } });
    expect(amendment.changes).toEqual([
      { field: "title", before: "枫林路街道长者助餐服务", after: "枫林路街道长者助餐服务（2027年度）" },
      { field: "budget", before: 480_000, after: 520_000 },
    ]);
    for (const who of [a, b, c, d]) {
      expect(await notificationsOf(who.user.id, "need.amended")).toHaveLength(1);
    }
    const page = await getPublicNeed(ANONYMOUS, needId);
    expect(page.need.amendments[0]).toMatchObject({ summary: "预算调整并更正项目名称", material: true });
  });

  test("a material change less than 3 days before the deadline is refused unless the deadline moves out with it", async () => {
    const needId = await publishedNeed(buyer);
    await setBidDeadline(needId, 2 * DAY);
    const edit = await getNeedForEdit(buyer, needId);
    await expectServiceError(
      amendNeed(buyer, needId, { ...edit.draft, budget: 500_000 }, { version: edit.version, summary: "预算调整" }),
      "needs.amend.tooLate",
      422,
    );
    expect((await prisma.need.findUniqueOrThrow({ where: { id: needId } })).budget).toBe(480_000);
    // A non-material correction goes through.
    await amendNeed(buyer, needId, { ...edit.draft, contactPhone: "021-54039999" }, { version: edit.version, summary: "更正联系电话" });
    // With the deadline moved out to 4 days, the budget change is accepted.
    const again = await getNeedForEdit(buyer, needId);
    const now = await dbNow();
    await amendNeed(buyer, needId, { ...again.draft, budget: 500_000, bidDeadline: new Date(now.getTime() + 4 * DAY) }, { version: again.version, summary: "预算调整并延长截止时间" });
    expect((await prisma.need.findUniqueOrThrow({ where: { id: needId } })).budget).toBe(500_000);
  });

  test("no amendment after the bid deadline; the public explanation is required", async () => {
    const needId = await publishedNeed(buyer);
    const edit = await getNeedForEdit(buyer, needId);
    await expectServiceError(amendNeed(buyer, needId, { ...edit.draft, title: "新名称的项目" }, { version: edit.version, summary: "" }), "needs.amend.summaryRequired", 422);
    await closeBidding(needId);
    await expectServiceError(amendNeed(buyer, needId, { ...edit.draft, title: "新名称的项目" }, { summary: "更正名称" }), "needs.amend.closed", 409);
  });
});

describe("questions and answers", () => {
  test("the asker stays private; the answer is public and reaches bidders, savers and the asker once", async () => {
    const needId = await publishedNeed(buyer);
    const asker = await bidder();
    const bidding = await bidder();
    const saving = await bidder();
    await submitBid(bidding.actor, needId, BID);
    await saveNeed(saving.actor, needId);
    const { enquiryId } = await askQuestion(asker.actor, needId, "服务对象是否包括非户籍老人？");
    // The buyer sees the question without the asker.
    const list = await listEnquiriesForBuyer(buyer, needId);
    expect(list.unanswered).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(asker.org.name);
    expect(list.unanswered[0]).not.toHaveProperty("orgId");
    // Unanswered questions are not public.
    expect((await getPublicNeed(ANONYMOUS, needId)).need.enquiries).toHaveLength(0);
    await answerQuestion(buyer, needId, enquiryId, "包括居住在本街道的非户籍高龄老人。");
    const page = await getPublicNeed(ANONYMOUS, needId);
    expect(page.need.enquiries).toEqual([expect.objectContaining({ question: "服务对象是否包括非户籍老人？", answer: "包括居住在本街道的非户籍高龄老人。" })]);
    expect(JSON.stringify(page)).not.toContain(asker.org.name);
    for (const who of [asker, bidding, saving]) expect(await notificationsOf(who.user.id, "enquiry.answered")).toHaveLength(1);
    await expectServiceError(answerQuestion(buyer, needId, enquiryId, "再答一次"), "needs.enquiry.alreadyAnswered", 409);
    expect(await notificationsOf(asker.user.id, "enquiry.answered")).toHaveLength(1);
    // The asking organization sees its own question on the page.
    expect((await getPublicNeed(asker.actor, needId)).viewer?.myQuestions).toHaveLength(1);
  });

  test("questions close at the question deadline; another unit cannot answer", async () => {
    const needId = await publishedNeed(buyer);
    const asker = await bidder();
    const { enquiryId } = await askQuestion(asker.actor, needId, "是否需要提供食品经营许可证？");
    await expectServiceError(answerQuestion(otherBuyer, needId, enquiryId, "需要"), "needs.notFound", 404);
    const now = await dbNow();
    await prisma.need.update({ where: { id: needId }, data: { enquiryDeadline: new Date(now.getTime() - 1000) } });
    await expectServiceError(askQuestion(asker.actor, needId, "截止后还能提问吗？"), "needs.enquiry.closed", 409);
    await expect(askQuestion(buyer, needId, "采购单位不能提问")).rejects.toThrow(PermissionError);
  });
});

describe("invitations", () => {
  test("only eligible, verified organizations can be invited; a draft's invitations are announced at publication", async () => {
    const { needId } = await createNeed(buyer, await completeDraft({ minGrade: 4 }), { publish: false });
    const good = await bidder({ name: "徐汇区暖心助老服务社" });
    const weak = await bidder({ name: "徐汇区暖心文体团队", gradeLevel: 2 });
    const found = await getInvitations(buyer, needId, "暖心");
    expect(found.results.map((r) => [r.name, r.failures.map((f) => f.rule)])).toEqual([
      ["徐汇区暖心助老服务社", []],
      ["徐汇区暖心文体团队", ["grade"]],
    ]);
    await expectServiceError(inviteOrg(buyer, needId, weak.org.id, ""), "needs.invite.ineligible", 422);
    await inviteOrg(buyer, needId, good.org.id, "欢迎贵机构参与");
    await expectServiceError(inviteOrg(buyer, needId, good.org.id, ""), "needs.invite.already", 409);
    expect(await notificationsOf(good.user.id, "invitation")).toHaveLength(0);
    expect((await listMyInvitations(good.actor)).items).toHaveLength(0); // drafts are not shown
    await publishNeed(buyer, needId);
    expect(await notificationsOf(good.user.id, "invitation")).toEqual([expect.objectContaining({ titleKey: "needs.notify.invitedPublished" })]);
    const mine = await listMyInvitations(good.actor);
    expect(mine.items.map((i) => i.need.id)).toEqual([needId]);
    expect(await prisma.invitation.count({ where: { needId, seenAt: { not: null } } })).toBe(1);
    await expectServiceError(getInvitations(otherBuyer, needId), "needs.notFound", 404);
  });

  test("an invitation to a published need is notified at once; an invitation-only need refuses uninvited bids", async () => {
    const invited = await bidder();
    const { needId } = await createNeed(buyer, await completeDraft({ method: "INVITATION" }), { publish: false });
    await expectServiceError(publishNeed(buyer, needId), "needs.publish.incomplete", 422);
    await inviteOrg(buyer, needId, invited.org.id, "");
    await publishNeed(buyer, needId);
    const outsider = await bidder();
    await expectServiceError(submitBid(outsider.actor, needId, BID), "bids.invitationOnly", 422);
    await submitBid(invited.actor, needId, BID);
    const late = await bidder();
    await inviteOrg(buyer, needId, late.org.id, "补充邀请");
    expect(await notificationsOf(late.user.id, "invitation")).toEqual([expect.objectContaining({ titleKey: "needs.notify.invited", body: "补充邀请" })]);
  });
});

describe("saved needs", () => {
  test("an organization saves and unsaves a need; only organizations can", async () => {
    const needId = await publishedNeed(buyer);
    const org = await bidder();
    await saveNeed(org.actor, needId);
    await saveNeed(org.actor, needId);
    expect((await listSavedNeeds(org.actor)).items.map((i) => i.need.id)).toEqual([needId]);
    expect((await getPublicNeed(org.actor, needId)).viewer?.saved).toBe(true);
    await unsaveNeed(org.actor, needId);
    expect((await listSavedNeeds(org.actor)).total).toBe(0);
    await expect(saveNeed(buyer, needId)).rejects.toThrow(PermissionError);
  });
});

describe("ending a need without an award", () => {
  test("cancelling tells every bidder the reason; live bids are closed", async () => {
    const needId = await publishedNeed(buyer);
    const a = await bidder();
    await submitBid(a.actor, needId, BID);
    await expectServiceError(cancelNeed(buyer, needId, "短"), "needs.end.reasonRequired", 422);
    await cancelNeed(buyer, needId, "服务点改造，需求发生重大变化");
    const need = await prisma.need.findUniqueOrThrow({ where: { id: needId } });
    expect(need).toMatchObject({ status: "CANCELLED", statusReason: "服务点改造，需求发生重大变化" });
    expect((await prisma.bid.findFirstOrThrow({ where: { needId } })).status).toBe("NOT_AWARDED");
    expect(await notificationsOf(a.user.id, "bid.outcome")).toEqual([expect.objectContaining({ titleKey: "needs.notify.cancelled", body: "服务点改造，需求发生重大变化" })]);
    await expectServiceError(cancelNeed(buyer, needId, "再次取消试试"), "needs.end.notAllowed", 409);
  });

  test("a need can be declared unsuccessful only after the deadline", async () => {
    const needId = await publishedNeed(buyer);
    await expectServiceError(declareUnsuccessful(buyer, needId, "投标机构不足三家"), "needs.end.beforeDeadline", 409);
    await closeBidding(needId);
    await declareUnsuccessful(buyer, needId, "投标机构不足三家");
    expect((await prisma.need.findUniqueOrThrow({ where: { id: needId } })).status).toBe("UNSUCCESSFUL");
    await expectServiceError(declareUnsuccessful(otherBuyer, needId, "不是我的项目"), "needs.notFound", 404);
  });
});

describe("deadline notifications", () => {
  test("the buyer hears once that bidding closed; savers who have not bid are reminded the day before", async () => {
    const { actor, user } = await makeBuyerUser();
    const closing = await publishedNeed(actor);
    await setBidDeadline(closing, 3600_000);
    const saver = await bidder();
    const saverWhoBid = await bidder();
    await saveNeed(saver.actor, closing);
    await saveNeed(saverWhoBid.actor, closing);
    await submitBid(saverWhoBid.actor, closing, BID);
    const closed = await publishedNeed(actor);
    const a = await bidder();
    await submitBid(a.actor, closed, BID);
    await closeBidding(closed);

    const first = await runDeadlineNotifications();
    expect(first.closed).toBeGreaterThanOrEqual(1);
    const again = await runDeadlineNotifications();
    expect(again).toEqual({ closed: 0, reminded: 0 });
    expect(await notificationsOf(user.id, "need.closed")).toEqual([expect.objectContaining({ titleKey: "needs.notify.closedWithBids", vars: expect.objectContaining({ count: 1 }) })]);
    expect(await notificationsOf(saver.user.id, "need.closing")).toHaveLength(1);
    expect(await notificationsOf(saverWhoBid.user.id, "need.closing")).toHaveLength(0);
  });
});

describe("history for administrators", () => {
  test("admins see every state change; bid entries hide who bid until the deadline; others cannot look", async () => {
    const needId = await publishedNeed(buyer);
    const org = await bidder();
    await submitBid(org.actor, needId, BID);
    const admin = (await makeAdmin()).actor;
    const sealed = await listNeedHistory(admin, needId);
    expect(sealed.map((r) => r.action)).toEqual(["need.create", "need.publish", "bid.submit"]);
    expect(sealed[2]).toMatchObject({ actorName: null, entityId: null });
    await closeBidding(needId);
    const open = await listNeedHistory(admin, needId);
    expect(open[2].actorName).toBe(org.user.displayName);
    await expect(listNeedHistory(buyer, needId)).rejects.toThrow(PermissionError);
  });
});
