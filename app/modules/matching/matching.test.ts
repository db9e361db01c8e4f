// Matching on a real database and the embedded engine: every eligibility rule is a hard filter (an organization
// that fails it is never listed, however relevant — and is listed once the rule is relaxed), grade expiry is judged
// at the bid deadline, cross-district off keeps out organizations that neither sit in nor serve the district, the
// reasons say why, and the organization side recommends only needs it may bid on and says what would widen its reach.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/db.server.ts";
import { PermissionError, ServiceError } from "#app/modules/accounts/permissions.ts";
import { dbNow } from "#app/modules/needs/db.server.ts";
import { createNeed } from "#app/modules/needs/needs.server.ts";
import type { NeedDraft } from "#app/modules/needs/rules.ts";
import { shanghaiDateOf } from "#app/modules/needs/time.ts";
import { getSearch, startSearch, stopSearch } from "#app/modules/search/sync.server.ts";
import { makeBuyerUser, makeOrg, makeOrgUser, tagId } from "#tests/factories.ts";
import { completeDraft, DAY } from "#tests/need-factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { clearMatchingCache } from "./engine.server.ts";
import { reasonText, type MatchReason } from "./reasons.ts";
import { countEligibleForRules, getNeedMatches, getReachAdvice, getRecommendations, matchNeedByReference } from "./service.server.ts";
import { translate } from "#app/i18n/index.ts";
import { systemActor } from "#app/modules/accounts/permissions.ts";

let buyer: Awaited<ReturnType<typeof makeBuyerUser>>;
let meals: number;
let elderly: number;
let culture: number;
let deadline: Date;
let street: string;
const orgs: Record<string, number> = {};

const GOOD = {
  status: "VERIFIED" as const,
  kind: "SOCIAL_SERVICE" as const,
  gradeLevel: 4,
  gradeValidUntil: new Date(Date.UTC(2035, 0, 1)),
  taxExempt: true,
  certifiedSocialWorkers: 3,
  foundedOn: new Date(Date.UTC(2012, 0, 1)),
  districtCode: "310104",
};

/** Each organization below is as relevant as `ok` and fails exactly one rule of the strict need. */
const VIOLATORS = {
  status: { status: "SUSPENDED" as const },
  kind: { kind: "SOCIAL_GROUP" as const },
  grade: { gradeLevel: 2 },
  gradeExpired: {},
  qualification: { taxExempt: false },
  yearsRegistered: {},
  socialWorkers: { certifiedSocialWorkers: 0 },
  locality: { districtCode: "310115" },
};

let strictRules: Partial<NeedDraft>;
let strictNeed: number;
let relaxedNeed: number;

async function org(key: string, fields: Parameters<typeof makeOrg>[0] = {}) {
  const created = await makeOrg({
    ...GOOD,
    name: `徐汇区${key}长者助餐服务社`,
    description: "为辖区高龄独居老人提供助餐、送餐上门和长者食堂运营服务。",
    tagIds: [meals, elderly],
    ...fields,
  });
  orgs[key] = created.id;
  return created;
}

beforeAll(async () => {
  await seedReferenceData(prisma);
  meals = await tagId("助餐");
  elderly = await tagId("老年人");
  culture = await tagId("文化");
  buyer = await makeBuyerUser();
  const now = await dbNow();
  deadline = new Date(now.getTime() + 10 * DAY);
  street = (await prisma.street.findFirstOrThrow({ where: { districtCode: "310104" }, select: { code: true } })).code;

  await org("ok", { streetCode: street, completedContracts: 3, ratingCount: 2, ratingSum: 9, isCommunityOrg: true });
  // Valid through the deadline's own (Shanghai) day: still eligible.
  await org("gradeLastDay", { gradeValidUntil: shanghaiDateOf(deadline) });
  // Registered in Pudong but serving Xuhui: local enough when the need is not cross-district.
  await org("servesXuhui", { districtCode: "310115", serviceDistricts: ["310104"] });
  for (const [key, fields] of Object.entries(VIOLATORS)) await org(key, fields);
  // Expires between today and the bid deadline: valid now, expired at the deadline.
  await prisma.organization.update({ where: { id: orgs.gradeExpired }, data: { gradeValidUntil: shanghaiDateOf(new Date(now.getTime() + 3 * DAY)) } });
  await prisma.organization.update({ where: { id: orgs.yearsRegistered }, data: { foundedOn: shanghaiDateOf(new Date(now.getTime() - 400 * DAY)) } });
  // A filed group without a custodian service centre: the engine cannot see it, the exact check does.
  await org("custodian", { kind: "COMMUNITY_GROUP", filingNo: `沪徐备M-${Date.now()}`, uscc: null });
  // Distractors: the same words for another service; the same people with another service.
  await org("wordsOnly", { name: "徐汇区长者书画社", description: "老年书画培训，偶尔在长者食堂办展览。", tagIds: [culture] });

  strictRules = {
    bidDeadline: deadline,
    minGrade: 3,
    allowedKinds: ["SOCIAL_SERVICE", "COMMUNITY_GROUP"],
    requiredQualifications: ["TAX_EXEMPT"],
    minYearsRegistered: 2,
    minSocialWorkers: 1,
    crossDistrict: false,
    crossDistrictReason: "需要在本街道设点",
    communityPriority: true,
  };
  strictNeed = (await createNeed(buyer.actor, await completeDraft(strictRules), { publish: true })).needId;
  relaxedNeed = (await createNeed(buyer.actor, await completeDraft({ bidDeadline: deadline, allowedKinds: [] }), { publish: false })).needId;
  await startSearch();
  clearMatchingCache();
});

afterAll(async () => {
  await stopSearch();
});

const idsOf = (results: { id: number }[]) => results.map((r) => r.id);

describe("eligibility is a hard filter", () => {
  it("lists the organizations that meet every rule, the best first", async () => {
    const { results, eligibleTotal } = await getNeedMatches(buyer.actor, strictNeed, { limit: 50 });
    expect(idsOf(results)).toEqual(expect.arrayContaining([orgs.ok, orgs.gradeLastDay, orgs.servesXuhui]));
    expect(results[0].id).toBe(orgs.ok);
    expect(eligibleTotal).toBeGreaterThanOrEqual(3);
  });

  for (const rule of [...Object.keys(VIOLATORS), "custodian"]) {
    it(`never lists an organization that fails "${rule}", and lists it once the rule is relaxed`, async () => {
      const strict = await getNeedMatches(buyer.actor, strictNeed, { limit: 100 });
      expect(idsOf(strict.results)).not.toContain(orgs[rule]);
      if (rule !== "status" && rule !== "custodian") {
        const relaxed = await getNeedMatches(buyer.actor, relaxedNeed, { limit: 100 });
        expect(idsOf(relaxed.results)).toContain(orgs[rule]);
      }
    });
  }

  it("judges grade expiry at the bid deadline, not today", async () => {
    const strict = await getNeedMatches(buyer.actor, strictNeed, { limit: 100 });
    expect(idsOf(strict.results)).toContain(orgs.gradeLastDay);
    expect(idsOf(strict.results)).not.toContain(orgs.gradeExpired);
    // With the deadline before the expiry, the same organization qualifies.
    const early = (await createNeed(buyer.actor, await completeDraft({ ...strictRules, bidDeadline: new Date((await dbNow()).getTime() + 2 * DAY), enquiryDeadline: new Date((await dbNow()).getTime() + DAY) }), { publish: false })).needId;
    expect(idsOf((await getNeedMatches(buyer.actor, early, { limit: 100 })).results)).toContain(orgs.gradeExpired);
  });

  it("with cross-district off keeps out organizations that neither sit in nor serve the district; with it on, lists them as cross-district", async () => {
    const strict = await getNeedMatches(buyer.actor, strictNeed, { limit: 100 });
    expect(idsOf(strict.results)).not.toContain(orgs.locality);
    expect(idsOf(strict.results)).toContain(orgs.servesXuhui);
    const relaxed = await getNeedMatches(buyer.actor, relaxedNeed, { limit: 100 });
    const pudong = relaxed.results.find((r) => r.id === orgs.locality)!;
    expect(pudong.reasons).toContainEqual({ kind: "locality", scope: "cross", district: { zh: "浦东新区", en: "Pudong New Area" } });
  });

  it("the buyer's filters narrow the list (district, kind, grade)", async () => {
    const relaxed = await getNeedMatches(buyer.actor, relaxedNeed, { limit: 100, filters: { district: ["310115"] } });
    expect(idsOf(relaxed.results).sort()).toEqual([orgs.locality, orgs.servesXuhui].sort());
    const kinds = await getNeedMatches(buyer.actor, relaxedNeed, { limit: 100, filters: { kind: ["SOCIAL_GROUP"] } });
    expect(idsOf(kinds.results)).toEqual([orgs.kind]);
    const grades = await getNeedMatches(buyer.actor, relaxedNeed, { limit: 100, filters: { grade: 4 } });
    expect(idsOf(grades.results)).not.toContain(orgs.grade);
  });

  it("the live count on the posting form follows the rules", async () => {
    const loose = await countEligibleForRules(buyer.actor, { crossDistrict: true, districtCodes: ["310104"], minGrade: null, allowedKinds: [], requiredQualifications: [], minYearsRegistered: null, minSocialWorkers: null, bidDeadline: deadline });
    const strict = await countEligibleForRules(buyer.actor, { crossDistrict: false, districtCodes: ["310104"], minGrade: 5, allowedKinds: [], requiredQualifications: ["TAX_EXEMPT"], minYearsRegistered: null, minSocialWorkers: null, bidDeadline: deadline });
    expect(loose).toBeGreaterThan(strict);
    expect(strict).toBe(0);
  });

  it("only the need's own buying unit sees its matches; the CLI needs a system actor", async () => {
    const other = await makeBuyerUser();
    await expect(getNeedMatches(other.actor, strictNeed)).rejects.toBeInstanceOf(ServiceError);
    const member = await makeOrgUser();
    await expect(getNeedMatches(member.actor, strictNeed)).rejects.toBeInstanceOf(PermissionError);
    await expect(matchNeedByReference(buyer.actor, String(strictNeed))).rejects.toBeInstanceOf(PermissionError);
    const cli = await matchNeedByReference(systemActor("cli"), String(strictNeed), { limit: 5 });
    expect(cli.results[0]).toMatchObject({ id: orgs.ok, uscc: expect.any(String), filingNo: null });
  });
});

describe("reasons", () => {
  it("name the matched tags and terms, grade, track record, community priority and locality", async () => {
    const { results } = await getNeedMatches(buyer.actor, strictNeed, { limit: 10 });
    const ok = results.find((r) => r.id === orgs.ok)!;
    const kinds = ok.reasons.map((r) => r.kind);
    expect(kinds).toEqual(["tags", "terms", "grade", "track", "community", "locality"]);
    expect(ok.reasons[0]).toMatchObject({ kind: "tags", tags: [{ nameZh: "助餐", nameEn: "Meal services for older people" }, { nameZh: "老年人" }] });
    expect(ok.reasons).toContainEqual({ kind: "track", contracts: 3, ratingAvg: 4.5, ratingCount: 2 });
    expect(ok.reasons).toContainEqual({ kind: "community", priority: true });
    expect(ok.reasons).toContainEqual({ kind: "locality", scope: "street", district: { zh: "徐汇区", en: "Xuhui" } });
    const serves = results.find((r) => r.id === orgs.servesXuhui)!;
    expect(serves.reasons.at(-1)).toEqual({ kind: "locality", scope: "serviceDistrict", district: { zh: "徐汇区", en: "Xuhui" } });
  });

  it("read as sentences in Chinese and English", () => {
    const reasons: MatchReason[] = [
      { kind: "tags", tags: [{ id: 1, nameZh: "助餐", nameEn: "Meal assistance" }, { id: 2, nameZh: "老年人", nameEn: "Older people" }] },
      { kind: "grade", level: 4, validUntil: "2030-06-30T00:00:00.000Z" },
      { kind: "track", contracts: 3, ratingAvg: 4.5, ratingCount: 2 },
      { kind: "locality", scope: "cross", district: { zh: "浦东新区", en: "Pudong New Area" } },
    ];
    const zh = reasons.map((r) => reasonText(r, (key, vars) => translate("zh", key, vars), "zh"));
    const en = reasons.map((r) => reasonText(r, (key, vars) => translate("en", key, vars), "en"));
    expect(zh).toEqual(["服务标签相符：助餐、老年人", "4A 评估等级（有效期至 2030-06-30）", "平台上已完成 3 个项目，平均评分 4.5（2 次评价）", "跨区承接（注册在浦东新区）"]);
    expect(en).toEqual(["Matching service tags: Meal assistance, Older people", "Grade 4A (valid until 2030-06-30)", "3 contracts completed on the platform, rated 4.5 on average (2 ratings)", "Cross-district (registered in Pudong New Area)"]);
  });

  it("rank an organization that provides the service above one that only shares words", async () => {
    const { results } = await getNeedMatches(buyer.actor, relaxedNeed, { limit: 100 });
    const position = (id: number) => results.findIndex((r) => r.id === id);
    // The distractor is either not retrieved at all (it shares only common words) or ranked below the providers.
    const distractor = position(orgs.wordsOnly);
    expect(position(orgs.ok)).toBeGreaterThanOrEqual(0);
    if (distractor >= 0) {
      expect(distractor).toBeGreaterThan(position(orgs.ok));
      expect(distractor).toBeGreaterThan(position(orgs.servesXuhui));
    }
  });
});

describe("for an organization", () => {
  it("recommends only open needs it is eligible for, with reasons", async () => {
    const ok = await makeOrgUser({ id: orgs.ok });
    const expired = await makeOrgUser({ id: orgs.gradeExpired });
    const forOk = await getRecommendations(ok.actor);
    expect(idsOf(forOk.results)).toContain(strictNeed);
    expect(idsOf(forOk.results)).not.toContain(relaxedNeed); // a draft is not open
    expect(forOk.results.find((r) => r.id === strictNeed)!.reasons[0]).toMatchObject({ kind: "tags" });
    const forExpired = await getRecommendations(expired.actor);
    expect(idsOf(forExpired.results)).not.toContain(strictNeed);
  });

  it("says what would widen its reach: an expired grade", async () => {
    const expired = await makeOrgUser({ id: orgs.gradeExpired });
    const advice = (await getReachAdvice(expired.actor))!;
    expect(advice.relevant).toBeGreaterThanOrEqual(1);
    expect(advice.blockers.map((b) => b.rule)).toContain("gradeExpired");
  });

  it("the index can be stale: the exact check against the database still applies", async () => {
    await prisma.organization.update({ where: { id: orgs.ok }, data: { taxExempt: false } });
    try {
      const { results } = await getNeedMatches(buyer.actor, strictNeed, { limit: 100 });
      expect(idsOf(results)).not.toContain(orgs.ok);
    } finally {
      await prisma.organization.update({ where: { id: orgs.ok }, data: { taxExempt: true } });
      await getSearch().syncNow();
    }
  });
});
