import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { ANONYMOUS, PermissionError, ServiceError, type UserActor } from "#app/modules/accounts/permissions.ts";
import { dbNow } from "#app/modules/needs/db.server.ts";
import { cancelNeed } from "#app/modules/needs/needs.server.ts";
import { makeAdmin, makeBuyerUser, makeOrg, makeOrgUser } from "#tests/factories.ts";
import { BID, bidder, closeBidding, publishedNeed, setBidDeadline } from "#tests/need-factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { getBidPage, listMyBids, submitBid, withdrawBid } from "./bids.server.ts";
import { checkOrgForNeed } from "./eligibility.server.ts";
import { getEvaluation } from "./evaluation.server.ts";

let buyer: UserActor;

beforeAll(async () => {
  await seedReferenceData(prisma);
  buyer = (await makeBuyerUser()).actor;
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("submitting, changing and withdrawing a bid", () => {
  test("one live bid per organization: changing updates it, withdrawing and bidding again reuses the row", async () => {
    const needId = await publishedNeed(buyer);
    const org = await bidder();
    const first = await submitBid(org.actor, needId, BID);
    expect(first.action).toBe("bid.submit");
    const changed = await submitBid(org.actor, needId, { ...BID, price: 430_000 });
    expect(changed).toMatchObject({ bidId: first.bidId, action: "bid.update" });
    await withdrawBid(org.actor, needId);
    expect(await prisma.bid.findUniqueOrThrow({ where: { id: first.bidId } })).toMatchObject({ status: "WITHDRAWN" });
    expect((await failure(withdrawBid(org.actor, needId))).messageKey).toBe("bids.nothingToWithdraw");
    const again = await submitBid(org.actor, needId, { ...BID, price: 440_000 });
    expect(again).toMatchObject({ bidId: first.bidId, action: "bid.resubmit" });
    const rows = await prisma.bid.findMany({ where: { needId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "SUBMITTED", price: 440_000, withdrawnAt: null });
    // The organization gets a receipt for each submission.
    expect(await prisma.notification.count({ where: { userId: org.user.id, kind: "bid.received" } })).toBe(3);
  });

  test("the audit log records who bid and when, never the sealed content", async () => {
    const needId = await publishedNeed(buyer);
    const org = await bidder();
    const { bidId } = await submitBid(org.actor, needId, BID);
    const audit = await prisma.auditLog.findMany({ where: { entityType: "Bid", entityId: String(bidId) } });
    expect(audit.map((a) => a.action)).toEqual(["bid.submit"]);
    expect(JSON.stringify(audit)).not.toContain(String(BID.price));
    expect(JSON.stringify(audit)).not.toContain(BID.proposal);
  });

  test("the price may not exceed the budget; only organizations can bid", async () => {
    const needId = await publishedNeed(buyer, { budget: 300_000 });
    const org = await bidder();
    const error = await failure(submitBid(org.actor, needId, { ...BID, price: 300_001 }));
    expect(error).toMatchObject({ status: 422, messageKey: "bids.overBudget", vars: { budget: 300_000 } });
    await submitBid(org.actor, needId, { ...BID, price: 300_000 });
    await expect(submitBid(buyer, needId, BID)).rejects.toThrow(PermissionError);
    await expect(submitBid(ANONYMOUS, needId, BID)).rejects.toThrow(PermissionError);
  });

  test("drafts, cancelled and unknown needs take no bids", async () => {
    const org = await bidder();
    const draft = await prisma.need.create({ data: { buyerUnitId: buyer.buyerUnitId!, title: "草稿项目" } });
    expect((await failure(submitBid(org.actor, draft.id, BID))).status).toBe(404);
    expect((await failure(submitBid(org.actor, 9_999_999, BID))).status).toBe(404);
    const needId = await publishedNeed(buyer);
    await cancelNeed(buyer, needId, "需求调整，取消本次采购");
    expect((await failure(submitBid(org.actor, needId, BID))).messageKey).toBe("bids.closed");
  });
});

describe("eligibility is checked when the form opens and again inside the transaction", () => {
  test("an ineligible organization sees every failed rule, and its bid is refused with the same list", async () => {
    const needId = await publishedNeed(buyer, { minGrade: 5, requiredQualifications: ["DONATION_RECEIPTS"], minSocialWorkers: 5 });
    const org = await bidder({ gradeLevel: 4, donationReceipts: false, certifiedSocialWorkers: 2 });
    const page = await getBidPage(org.actor, needId);
    expect(page.failures.map((f) => f.rule)).toEqual(["grade", "qualification", "socialWorkers"]);
    const error = await failure(submitBid(org.actor, needId, BID));
    expect(error).toMatchObject({ status: 422, messageKey: "bids.ineligible" });
    expect((error.details as { rule: string }[]).map((f) => f.rule)).toEqual(["grade", "qualification", "socialWorkers"]);
    expect(await prisma.bid.count({ where: { needId } })).toBe(0);
  });

  test("an organization suspended after opening the form is refused when it submits", async () => {
    const needId = await publishedNeed(buyer);
    const org = await bidder();
    expect((await getBidPage(org.actor, needId)).failures).toEqual([]);
    await prisma.organization.update({ where: { id: org.org.id }, data: { status: "SUSPENDED" } });
    const error = await failure(submitBid(org.actor, needId, BID));
    expect((error.details as { rule: string }[]).map((f) => f.rule)).toEqual(["status"]);
  });

  test("a pending (newly signed-up) organization cannot bid", async () => {
    const needId = await publishedNeed(buyer);
    const pending = await bidder({ status: "PENDING" });
    expect((await getBidPage(pending.actor, needId)).failures).toEqual([{ rule: "status", status: "PENDING" }]);
    expect((await failure(submitBid(pending.actor, needId, BID))).messageKey).toBe("bids.ineligible");
  });

  test("a grade that expires before the deadline does not qualify", async () => {
    const now = await dbNow();
    const needId = await publishedNeed(buyer, { minGrade: 3 });
    const expiring = await bidder({ gradeLevel: 4, gradeValidUntil: new Date(now.getTime() + 2 * 24 * 3600_000) });
    expect((await checkOrgForNeed(expiring.org.id, needId))?.map((f) => f.rule)).toEqual(["gradeExpired"]);
  });

  test("a need not open across districts admits local organizations and those serving the district", async () => {
    const needId = await publishedNeed(buyer, { crossDistrict: false, crossDistrictReason: "需熟悉本街道老年人情况" });
    const pudong = await bidder({ districtCode: "310115" });
    const serving = await bidder({ districtCode: "310115", serviceDistricts: ["310104"] });
    expect((await failure(submitBid(pudong.actor, needId, BID))).messageKey).toBe("bids.ineligible");
    await submitBid(serving.actor, needId, BID);
  });

  test("a filed group bids through its custodian service centre, which is recorded on the bid", async () => {
    const centre = await makeOrg({ name: "徐汇区社区社会组织服务中心", isServiceCentre: true });
    const team = await makeOrgUser(await makeOrg({ kind: "COMMUNITY_GROUP", custodianId: centre.id, isCommunityOrg: true }));
    const needId = await publishedNeed(buyer);
    const page = await getBidPage(team.actor, needId);
    expect(page.org.custodian).toMatchObject({ id: centre.id, name: "徐汇区社区社会组织服务中心" });
    const { bidId } = await submitBid(team.actor, needId, BID);
    expect((await prisma.bid.findUniqueOrThrow({ where: { id: bidId } })).custodianId).toBe(centre.id);
    const orphan = await makeOrgUser(await makeOrg({ kind: "MASS_ACTIVITY_TEAM" }));
    expect(((await failure(submitBid(orphan.actor, needId, BID))).details as { rule: string }[]).map((f) => f.rule)).toEqual(["custodian"]);
  });
});

describe("the deadline, by the database clock", () => {
  test("a bid one second before the deadline is accepted", async () => {
    const needId = await publishedNeed(buyer);
    const org = await bidder();
    const deadline = await setBidDeadline(needId, 1000);
    const { at } = await submitBid(org.actor, needId, BID);
    expect(at.getTime()).toBeLessThan(deadline.getTime());
    expect((await prisma.bid.findFirstOrThrow({ where: { needId } })).submittedAt.getTime()).toBeLessThan(deadline.getTime());
  });

  test("a bid at the deadline is refused, and so is one after it", async () => {
    const needId = await publishedNeed(buyer);
    const org = await bidder();
    await setBidDeadline(needId, 0); // the deadline is "now": by the time the bid's transaction reads the clock, it has passed
    expect(await failure(submitBid(org.actor, needId, BID))).toMatchObject({ status: 409, messageKey: "bids.closed" });
    await setBidDeadline(needId, -1000);
    expect((await failure(submitBid(org.actor, needId, BID))).messageKey).toBe("bids.closed");
    expect(await prisma.bid.count({ where: { needId } })).toBe(0);
  });

  test("after the deadline a bid can be neither changed nor withdrawn", async () => {
    const needId = await publishedNeed(buyer);
    const org = await bidder();
    await submitBid(org.actor, needId, BID);
    await closeBidding(needId);
    expect((await failure(submitBid(org.actor, needId, { ...BID, price: 1 }))).messageKey).toBe("bids.closed");
    expect((await failure(withdrawBid(org.actor, needId))).messageKey).toBe("bids.closed");
    expect(await prisma.bid.findFirstOrThrow({ where: { needId } })).toMatchObject({ price: BID.price, status: "SUBMITTED" });
  });

  test("bids racing the deadline: every accepted bid was in time, every late one is refused", async () => {
    const needId = await publishedNeed(buyer);
    const orgs = await Promise.all(Array.from({ length: 12 }, () => bidder()));
    const deadline = await setBidDeadline(needId, 1500);
    const results = await Promise.allSettled(
      orgs.map(async (org, i) => {
        await sleep(i * 250); // from 1.5 s before the deadline to 1.25 s after it
        return submitBid(org.actor, needId, BID);
      }),
    );
    const accepted = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    for (const r of refused) expect((r.reason as ServiceError).messageKey).toBe("bids.closed");
    const bids = await prisma.bid.findMany({ where: { needId } });
    expect(bids).toHaveLength(accepted.length);
    for (const bid of bids) expect(bid.submittedAt.getTime()).toBeLessThan(deadline.getTime());
    expect(results[0].status).toBe("fulfilled");
    expect(results[results.length - 1].status).toBe("rejected");
  });

  test("a bid and a cancellation at the same moment: never a live bid on a cancelled need", async () => {
    for (let round = 0; round < 3; round++) {
      const needId = await publishedNeed(buyer);
      const org = await bidder();
      const [bid, cancel] = await Promise.allSettled([submitBid(org.actor, needId, BID), cancelNeed(buyer, needId, "需求调整，取消本次采购")]);
      expect(cancel.status).toBe("fulfilled");
      const live = await prisma.bid.count({ where: { needId, status: "SUBMITTED" } });
      expect(live).toBe(0);
      if (bid.status === "fulfilled") {
        // The bid came first: it was closed by the cancellation and the organization was told.
        expect(await prisma.notification.count({ where: { userId: org.user.id, kind: "bid.outcome" } })).toBe(1);
      } else {
        expect((bid.reason as ServiceError).messageKey).toBe("bids.closed");
      }
    }
  });
});

describe("sealed bids", () => {
  test("before the deadline the buyer gets a count and nothing else; after it, the bids", async () => {
    const needId = await publishedNeed(buyer);
    const org = await bidder({ name: "徐汇区密封测试服务社" });
    await submitBid(org.actor, needId, BID);
    const sealed = await getEvaluation(buyer, needId);
    expect(sealed).toMatchObject({ sealed: true, bidCount: 1 });
    const text = JSON.stringify(sealed);
    expect(text).not.toContain(BID.proposal);
    expect(text).not.toContain(String(BID.price));
    expect(text).not.toContain("徐汇区密封测试服务社");
    expect(text).not.toContain("王芳");
    await closeBidding(needId);
    const open = await getEvaluation(buyer, needId);
    expect(open.sealed).toBe(false);
    if (!open.sealed) expect(open.bids.map((b) => [b.org.name, b.price])).toEqual([["徐汇区密封测试服务社", BID.price]]);
  });

  test("no admin, other unit or other organization can read a bid; the bidding organization can", async () => {
    const needId = await publishedNeed(buyer);
    const org = await bidder();
    const other = await bidder();
    await submitBid(org.actor, needId, BID);
    await expect(getEvaluation((await makeAdmin()).actor, needId)).rejects.toThrow(PermissionError);
    expect((await failure(getEvaluation((await makeBuyerUser()).actor, needId))).status).toBe(404);
    await expect(getEvaluation(org.actor, needId)).rejects.toThrow(PermissionError);
    expect((await getBidPage(other.actor, needId)).bid).toBeNull();
    expect((await getBidPage(org.actor, needId)).bid).toMatchObject({ price: BID.price, proposal: BID.proposal });
    expect(JSON.stringify(await listMyBids(other.actor))).not.toContain(BID.proposal);
  });

  test("a need cancelled before its deadline never has its bids opened", async () => {
    const needId = await publishedNeed(buyer);
    const org = await bidder();
    await submitBid(org.actor, needId, BID);
    await setBidDeadline(needId, 800);
    await cancelNeed(buyer, needId, "需求调整，取消本次采购");
    await sleep(900); // the deadline passes after the cancellation
    expect((await getEvaluation(buyer, needId)).sealed).toBe(true);
  });
});
