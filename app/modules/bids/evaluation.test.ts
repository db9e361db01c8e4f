import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { PermissionError, ServiceError, type UserActor } from "#app/modules/accounts/permissions.ts";
import { completeContract, recordContract } from "#app/modules/needs/delivery.server.ts";
import { getPublicNeed } from "#app/modules/needs/public.server.ts";
import { ANONYMOUS } from "#app/modules/accounts/permissions.ts";
import { makeBuyerUser } from "#tests/factories.ts";
import { BID, bidder, closeBidding, publishedNeed } from "#tests/need-factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { listMyBids, submitBid } from "./bids.server.ts";
import { awardBid, getEvaluation, saveScores } from "./evaluation.server.ts";

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

/** A closed need with three bids (prices 450k, 430k, 470k) from three organizations. */
async function closedNeedWithBids() {
  const needId = await publishedNeed(buyer);
  const orgs = [await bidder({ name: "甲社工服务社" }), await bidder({ name: "乙助老服务中心" }), await bidder({ name: "丙公益发展中心" })];
  const prices = [450_000, 430_000, 470_000];
  for (const [i, org] of orgs.entries()) await submitBid(org.actor, needId, { ...BID, price: prices[i] });
  await closeBidding(needId);
  const evaluation = await getEvaluation(buyer, needId);
  if (evaluation.sealed) throw new Error("expected open bids");
  const criteria = evaluation.need.criteria; // 价格 30, 服务方案 50, 过往业绩 20
  const bidOf = (org: (typeof orgs)[number]) => evaluation.bids.find((b) => b.org.id === org.org.id)!.id;
  return { needId, orgs, criteria, bidOf };
}

type Setup = Awaited<ReturnType<typeof closedNeedWithBids>>;

/** Scores: 甲 82.2 (shortlisted), 乙 88.4 (shortlisted), 丙 70 (not shortlisted, with a note). */
async function scoreAll({ needId, orgs, criteria, bidOf }: Setup) {
  const row = (org: Setup["orgs"][number], scores: number[], shortlisted: boolean, note = "") => ({
    bidId: bidOf(org),
    shortlisted,
    note,
    scores: criteria.map((c, i) => ({ criterionId: c.id, score: scores[i] })),
  });
  await saveScores(buyer, needId, [row(orgs[0], [85, 77, 91], true), row(orgs[1], [92, 88, 84], true), row(orgs[2], [70, 70, 70], false, "服务方案未覆盖送餐上门")]);
}

describe("evaluation", () => {
  test("scores cannot be saved before the deadline", async () => {
    const needId = await publishedNeed(buyer);
    expect((await failure(saveScores(buyer, needId, []))).messageKey).toBe("bids.evaluation.sealed");
  });

  test("totals follow from the weights; the need moves to evaluation; ranks are computed", async () => {
    const setup = await closedNeedWithBids();
    await scoreAll(setup);
    const evaluation = await getEvaluation(buyer, setup.needId);
    if (evaluation.sealed) throw new Error("sealed");
    const byName = Object.fromEntries(evaluation.bids.map((b) => [b.org.name, [b.totalScore, b.rank, b.shortlisted]]));
    expect(byName).toEqual({ 甲社工服务社: [82.2, 2, true], 乙助老服务中心: [88.4, 1, true], 丙公益发展中心: [70, 3, false] });
    expect((await prisma.need.findUniqueOrThrow({ where: { id: setup.needId } })).status).toBe("EVALUATING");
  });

  test("a partially scored bid has no total; a criterion or bid of another need is refused", async () => {
    const setup = await closedNeedWithBids();
    const other = await closedNeedWithBids();
    await saveScores(buyer, setup.needId, [{ bidId: setup.bidOf(setup.orgs[0]), shortlisted: false, note: "", scores: [{ criterionId: setup.criteria[0].id, score: 80 }] }]);
    expect((await prisma.bid.findUniqueOrThrow({ where: { id: setup.bidOf(setup.orgs[0]) } })).totalScore).toBeNull();
    expect(
      (await failure(saveScores(buyer, setup.needId, [{ bidId: other.bidOf(other.orgs[0]), shortlisted: false, note: "", scores: [] }]))).messageKey,
    ).toBe("bids.evaluation.unknownBid");
    expect(
      (await failure(saveScores(buyer, setup.needId, [{ bidId: setup.bidOf(setup.orgs[0]), shortlisted: false, note: "", scores: [{ criterionId: other.criteria[0].id, score: 1 }] }])))
        .messageKey,
    ).toBe("bids.evaluation.unknownCriterion");
    expect((await failure(saveScores((await makeBuyerUser()).actor, setup.needId, []))).status).toBe(404);
  });
});

describe("award", () => {
  test("needs every bid scored, a shortlisted winner, and a reason when it is not the top score", async () => {
    const setup = await closedNeedWithBids();
    const { needId, orgs, bidOf } = setup;
    expect((await failure(awardBid(buyer, needId, { bidId: bidOf(orgs[1]), notice: "", reason: "" }))).messageKey).toBe("bids.award.unscored");
    await scoreAll(setup);
    expect((await failure(awardBid(buyer, needId, { bidId: bidOf(orgs[2]), notice: "", reason: "" }))).messageKey).toBe("bids.award.notShortlisted");
    expect((await failure(awardBid(buyer, needId, { bidId: bidOf(orgs[0]), notice: "", reason: "" }))).messageKey).toBe("bids.award.reasonRequired");
    await awardBid(buyer, needId, { bidId: bidOf(orgs[0]), notice: "", reason: "综合考虑本地服务经验和送餐网点覆盖" });
    expect((await prisma.award.findUniqueOrThrow({ where: { needId } })).orgId).toBe(orgs[0].org.id);
  });

  test("awarding tells every bidder its outcome with its own scores and the reason; search is updated", async () => {
    const setup = await closedNeedWithBids();
    const { needId, orgs, bidOf } = setup;
    await scoreAll(setup);
    await awardBid(buyer, needId, { bidId: bidOf(orgs[1]), notice: "经评审小组综合评审，确定成交机构。", reason: "" });
    const need = await prisma.need.findUniqueOrThrow({ where: { id: needId }, include: { award: true } });
    expect(need.status).toBe("AWARDED");
    expect(need.award).toMatchObject({ orgId: orgs[1].org.id, amount: 430_000 });
    const statuses = await prisma.bid.findMany({ where: { needId }, orderBy: { id: "asc" }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["NOT_AWARDED", "AWARDED", "NOT_AWARDED"]);
    const outcome = async (i: number) => prisma.notification.findFirstOrThrow({ where: { userId: orgs[i].user.id, kind: "bid.outcome" } });
    expect(await outcome(1)).toMatchObject({ titleKey: "bids.notify.won" });
    expect(await outcome(0)).toMatchObject({ titleKey: "bids.notify.lost", vars: { score: 82.2, rank: 2, count: 3, title: expect.any(String) } });
    expect(await outcome(2)).toMatchObject({ titleKey: "bids.notify.lost", body: "服务方案未覆盖送餐上门" });
    // The losing organization's page: its own scores per criterion, rank, reason and the winner's score.
    const mine = (await listMyBids(orgs[2].actor)).items.find((b) => b.need.id === needId)!;
    expect(mine.outcome).toMatchObject({
      won: false,
      totalScore: 70,
      rank: 3,
      evaluated: 3,
      reason: "服务方案未覆盖送餐上门",
      winner: { name: "乙助老服务中心", totalScore: 88.4, amount: 430_000 },
    });
    expect(mine.outcome?.scores).toEqual([
      { name: "价格", weight: 30, score: 70 },
      { name: "服务方案", weight: 50, score: 70 },
      { name: "过往业绩", weight: 20, score: 70 },
    ]);
    // Search hears about the need and the winner.
    expect(await prisma.outboxEvent.count({ where: { topic: "search.org", key: String(orgs[1].org.id) } })).toBeGreaterThanOrEqual(1);
    // The public result notice.
    const page = await getPublicNeed(ANONYMOUS, needId);
    expect(page.need.award).toMatchObject({ amount: 430_000, org: { name: "乙助老服务中心" } });
    // Scores can no longer change, and a second award is refused.
    expect((await failure(saveScores(buyer, needId, []))).messageKey).toBe("bids.evaluation.decided");
    expect(await failure(awardBid(buyer, needId, { bidId: bidOf(orgs[0]), notice: "", reason: "重新定标的理由" }))).toMatchObject({ status: 409, messageKey: "bids.award.already" });
  });

  test("two awards started at once: exactly one succeeds, the other gets a clear 409", async () => {
    for (let round = 0; round < 3; round++) {
      const setup = await closedNeedWithBids();
      await scoreAll(setup);
      const second = (await makeBuyerUser({ id: buyer.buyerUnitId! })).actor; // a colleague in the same unit
      const results = await Promise.allSettled([
        awardBid(buyer, setup.needId, { bidId: setup.bidOf(setup.orgs[1]), notice: "", reason: "" }),
        awardBid(second, setup.needId, { bidId: setup.bidOf(setup.orgs[0]), notice: "", reason: "本地服务经验更丰富" }),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0].reason).toMatchObject({ status: 409, messageKey: "bids.award.already" });
      expect(await prisma.award.count({ where: { needId: setup.needId } })).toBe(1);
      expect(await prisma.bid.count({ where: { needId: setup.needId, status: "AWARDED" } })).toBe(1);
    }
  });

  test("if an award row already exists the unique constraint answers with the same 409", async () => {
    const setup = await closedNeedWithBids();
    await scoreAll(setup);
    const bidId = setup.bidOf(setup.orgs[1]);
    // An award written past the service (the need's status was not updated): the database still says no.
    await prisma.award.create({ data: { needId: setup.needId, bidId, orgId: setup.orgs[1].org.id, amount: 1 } });
    expect(await failure(awardBid(buyer, setup.needId, { bidId, notice: "", reason: "" }))).toMatchObject({ status: 409, messageKey: "bids.award.already" });
    expect((await prisma.need.findUniqueOrThrow({ where: { id: setup.needId } })).status).toBe("EVALUATING");
  });
});

describe("delivery and track record", () => {
  test("contract, then completion with acceptance and rating, which updates the organization's track record in the same transaction", async () => {
    const setup = await closedNeedWithBids();
    const { needId, orgs, bidOf } = setup;
    await scoreAll(setup);
    expect((await failure(recordContract(buyer, needId, { value: 430_000, periodStart: new Date("2027-01-01"), periodEnd: new Date("2027-12-31") }))).messageKey).toBe(
      "needs.delivery.notAwarded",
    );
    await awardBid(buyer, needId, { bidId: bidOf(orgs[1]), notice: "", reason: "" });
    const winner = orgs[1].org.id;
    const before = await prisma.organization.findUniqueOrThrow({ where: { id: winner } });
    expect((await failure(completeContract(buyer, needId, { acceptanceResult: "PASSED", acceptanceNote: "按合同完成", rating: 5, review: "服务很好" }))).messageKey).toBe(
      "needs.delivery.notInDelivery",
    );
    await recordContract(buyer, needId, { value: 430_000, periodStart: new Date("2027-01-01"), periodEnd: new Date("2027-12-31") });
    expect((await failure(recordContract(buyer, needId, { value: 1, periodStart: new Date("2027-01-01"), periodEnd: new Date("2027-12-31") }))).status).toBe(409);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: needId } })).status).toBe("IN_DELIVERY");
    expect((await failure(completeContract(buyer, needId, { acceptanceResult: "PASSED", acceptanceNote: "按合同完成", rating: 6, review: "服务很好" }))).messageKey).toBe(
      "needs.delivery.ratingRange",
    );
    await expect(
      completeContract(orgs[1].actor, needId, { acceptanceResult: "PASSED", acceptanceNote: "按合同完成全部服务", rating: 5, review: "自己给自己好评" }),
    ).rejects.toThrow(PermissionError);
    await completeContract(buyer, needId, { acceptanceResult: "PASSED", acceptanceNote: "按合同完成全部服务内容，台账齐全。", rating: 4, review: "服务规范，老人满意度高。" });
    const after = await prisma.organization.findUniqueOrThrow({ where: { id: winner } });
    expect([after.completedContracts - before.completedContracts, after.ratingSum - before.ratingSum, after.ratingCount - before.ratingCount]).toEqual([1, 4, 1]);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: needId } })).status).toBe("COMPLETED");
    expect(await prisma.outboxEvent.count({ where: { topic: "search.org", key: String(winner) } })).toBeGreaterThanOrEqual(2);
    // Completing twice does not count twice.
    await failure(completeContract(buyer, needId, { acceptanceResult: "PASSED", acceptanceNote: "再次验收", rating: 5, review: "再评一次" }));
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: winner } })).ratingCount).toBe(after.ratingCount);
    // The winner sees the rating with its bid; the public notice shows the acceptance result and the review.
    const mine = (await listMyBids(orgs[1].actor)).items.find((b) => b.need.id === needId)!;
    expect(mine.outcome?.contract).toMatchObject({ rating: 4, acceptanceResult: "PASSED", review: "服务规范，老人满意度高。" });
    expect((await getPublicNeed(ANONYMOUS, needId)).need.contract).toMatchObject({ rating: 4, acceptanceResult: "PASSED" });
  });

  test("a failed acceptance counts the rating but not a completed contract", async () => {
    const setup = await closedNeedWithBids();
    await scoreAll(setup);
    await awardBid(buyer, setup.needId, { bidId: setup.bidOf(setup.orgs[1]), notice: "", reason: "" });
    await recordContract(buyer, setup.needId, { value: 430_000, periodStart: new Date("2027-01-01"), periodEnd: new Date("2027-12-31") });
    const winner = setup.orgs[1].org.id;
    const before = await prisma.organization.findUniqueOrThrow({ where: { id: winner } });
    await completeContract(buyer, setup.needId, { acceptanceResult: "FAILED", acceptanceNote: "送餐记录缺失三个月", rating: 2, review: "未按要求完成送餐服务。" });
    const after = await prisma.organization.findUniqueOrThrow({ where: { id: winner } });
    expect([after.completedContracts - before.completedContracts, after.ratingSum - before.ratingSum, after.ratingCount - before.ratingCount]).toEqual([0, 2, 1]);
  });
});
