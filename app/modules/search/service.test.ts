// The search pages' service and loaders on a real database with the embedded engine: filters and disjunctive facet
// counts, the default view, fair order, the 10-word cap, search logs, suggestions, and hostile URLs.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/db.server.ts";
import { ANONYMOUS } from "#app/modules/accounts/permissions.ts";
import { loader as needsLoader } from "#app/routes/needs.tsx";
import { loader as orgsLoader } from "#app/routes/orgs.tsx";
import { loader as suggestLoader } from "#app/routes/api.v1.search.suggest.ts";
import { makeBuyerUnit, makeOrg, makeUser, actorOf, tagId } from "#tests/factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { parseNeedSearchParams, parseOrgSearchParams } from "./schemas.ts";
import { flushSearchLogs, searchNeeds, searchOrgs, suggest } from "./service.server.ts";
import { startSearch, stopSearch } from "./sync.server.ts";

const DAY = 86_400_000;
const now = new Date();

async function need(title: string, fields: { status?: "PUBLISHED" | "AWARDED" | "DRAFT"; deadlineDays?: number; district?: string; budget?: number; tags?: number[]; publishedDaysAgo?: number } = {}) {
  const unit = await makeBuyerUnit({ districtCode: fields.district ?? "310104" });
  return prisma.need.create({
    data: {
      buyerUnitId: unit.id,
      title,
      summary: `${title}，面向辖区居民。`,
      status: fields.status ?? "PUBLISHED",
      publishedAt: fields.status === "DRAFT" ? null : new Date(now.getTime() - (fields.publishedDaysAgo ?? 1) * DAY),
      bidDeadline: new Date(now.getTime() + (fields.deadlineDays ?? 10) * DAY),
      budget: fields.budget ?? null,
      districts: { create: [{ districtCode: fields.district ?? "310104" }] },
      tags: { create: (fields.tags ?? []).map((tagId) => ({ tagId })) },
    },
  });
}

const plain = (text: string) => text.replace(/[\uE000\uE001]/g, "");
const needs = (query: string) => {
  const urlParams = new URLSearchParams(query);
  return searchNeeds({ params: parseNeedSearchParams(urlParams).value, urlParams, actor: ANONYMOUS, now });
};
const orgs = (query: string, at = now) => {
  const urlParams = new URLSearchParams(query);
  return searchOrgs({ params: parseOrgSearchParams(urlParams).value, urlParams, actor: ANONYMOUS, now: at });
};

let meals: number;
beforeAll(async () => {
  await seedReferenceData(prisma);
  meals = await tagId("助餐");
  await need("徐汇区枫林路长者食堂运营", { tags: [meals], budget: 500_000, publishedDaysAgo: 1 });
  await need("浦东新区潍坊街道助餐点运营", { tags: [meals], district: "310115", budget: 200_000, publishedDaysAgo: 2 });
  await need("长宁区青少年暑期托管", { district: "310105", budget: 80_000, deadlineDays: 5, publishedDaysAgo: 3 });
  await need("静安区已成交的心理讲座", { status: "AWARDED", district: "310106", deadlineDays: -20, publishedDaysAgo: 40 });
  await need("黄浦区截止的助餐服务", { tags: [meals], district: "310101", deadlineDays: -1, publishedDaysAgo: 20 });
  await need("虹口区草稿需求", { status: "DRAFT" });
  for (let i = 0; i < 30; i++) {
    await makeOrg({ name: `测试区第${i}号为老服务社`, status: "VERIFIED", gradeLevel: (i % 5) + 1, gradeValidUntil: new Date(now.getTime() + (i % 2 ? 1 : -1) * 100 * DAY), isCommunityOrg: i % 3 === 0 });
  }
  await makeOrg({ name: "待审核的养老机构", status: "PENDING" });
  await startSearch();
});

afterAll(async () => {
  await stopSearch();
});

describe("needs", () => {
  it("shows open needs, newest first, by default (no drafts, nothing closed)", async () => {
    const result = await needs("");
    expect(result.results.map((r) => r.title)).toEqual(["徐汇区枫林路长者食堂运营", "浦东新区潍坊街道助餐点运营", "长宁区青少年暑期托管"]);
    expect(result.results.every((r) => r.phase === "OPEN_FOR_BIDS")).toBe(true);
    const phase = result.facets.find((facet) => facet.param === "phase")!;
    expect(Object.fromEntries(phase.options.map((o) => [o.value, o.count]))).toMatchObject({ OPEN_FOR_BIDS: 3, BIDDING_CLOSED: 1, AWARDED: 1, all: 5 });
  });

  it("finds needs through tag synonyms, and counts facets without their own selection", async () => {
    const result = await needs("q=长者食堂&phase=all&district=310104");
    expect(result.results.map((r) => plain(r.title))).toEqual(["徐汇区枫林路长者食堂运营"]);
    const district = result.facets.find((facet) => facet.param === "district")!;
    // The district facet counts as if no district were chosen, so the other districts stay choosable.
    expect(Object.fromEntries(district.options.map((o) => [o.value, o.count]))).toEqual({ "310104": 1, "310115": 1, "310101": 1 });
    expect(result.results[0].title).toContain("\uE000");
  });

  it("filters by budget band, deadline window and phase", async () => {
    expect((await needs("budget=lt100k")).results.map((r) => r.title)).toEqual(["长宁区青少年暑期托管"]);
    expect((await needs("deadline=7d")).results.map((r) => r.title)).toEqual(["长宁区青少年暑期托管"]);
    expect((await needs("phase=BIDDING_CLOSED")).results.map((r) => r.title)).toEqual(["黄浦区截止的助餐服务"]);
    expect((await needs("phase=all&sort=budget_desc")).results.map((r) => r.budget)).toEqual([500_000, 200_000, 80_000, null, null]);
  });

  it("says which words beyond the tenth it ignored", async () => {
    const result = await needs(`q=${encodeURIComponent("徐汇 浦东 长宁 静安 黄浦 虹口 杨浦 闵行 宝山 嘉定 金山 松江")}&phase=all`);
    expect(result.ignoredWords.slice(-2)).toEqual(["金山", "松江"]);
    expect(result.ignoredWords).not.toContain("徐汇");
  });

  it("falls back to the first words when no need has them all, and says so", async () => {
    const result = await needs(`q=${encodeURIComponent("长者食堂 宇宙飞船")}`);
    expect(result.relaxed).toBe(true);
    expect(result.results.map((r) => plain(r.title))).toContain("徐汇区枫林路长者食堂运营");
  });

  it("suggests what to change when nothing matches", async () => {
    const result = await needs("q=心理讲座");
    expect(result.total).toBe(0);
    expect(result.suggestions.map((s) => s.kind)).toEqual(["allPhases", "clearQuery"]);
    expect(result.suggestions[0]).toMatchObject({ href: "/needs?q=%E5%BF%83%E7%90%86%E8%AE%B2%E5%BA%A7&phase=all", count: 1 });
  });

  it("logs searches with words for the admin's 'searched for but not found' list", async () => {
    const user = await makeUser({ role: "ADMIN" });
    const urlParams = new URLSearchParams("q=无人提供的服务&district=310104");
    await searchNeeds({ params: parseNeedSearchParams(urlParams).value, urlParams, actor: actorOf(user), now });
    await flushSearchLogs();
    const log = await prisma.searchLog.findFirstOrThrow({ where: { query: "无人提供的服务" } });
    expect(log).toMatchObject({ scope: "NEEDS", resultCount: 0, userId: user.id, role: "ADMIN" });
    expect(log.filters).toEqual({ district: ["310104"] });
    const before = await prisma.searchLog.count();
    await needs("district=310104"); // browsing without words is not a search for something
    await needs("q=助餐&page=2"); // nor is turning a page
    await flushSearchLogs();
    expect(await prisma.searchLog.count()).toBe(before);
  });
});

describe("organizations", () => {
  it("lists only verified organizations", async () => {
    expect((await orgs("q=待审核")).total).toBe(0);
    expect((await orgs("")).total).toBe(30);
  });

  it("filters by valid grade, and counts 'at least' grades among valid ones", async () => {
    const result = await orgs("grade=4");
    expect(result.results.every((r) => r.grade! >= 4 && r.gradeValid)).toBe(true);
    const grade = result.facets.find((facet) => facet.param === "grade")!;
    const counts = Object.fromEntries(grade.options.map((o) => [o.value, o.count]));
    // Half of the 30 have an expired grade; each level counts the valid grades at or above it.
    expect(counts).toEqual({ "5": 3, "4": 6, "3": 9, "2": 12, "1": 15 });
    expect(result.total).toBe(counts["4"]);
  });

  it("orders equals fairly: the order changes from day to day and holds within a day", async () => {
    const today = (await orgs("", now)).results.map((r) => r.id);
    const later = (await orgs("", new Date(now.getTime() + 3600_000))).results.map((r) => r.id);
    const tomorrow = (await orgs("", new Date(now.getTime() + DAY))).results.map((r) => r.id);
    expect(later).toEqual(today);
    expect(tomorrow).not.toEqual(today);
    expect(today).toHaveLength(20);
    expect(tomorrow).toHaveLength(20);
  });
});

describe("suggestions", () => {
  it("offers matching tags as filters and the best records as links", async () => {
    const items = await suggest({ scope: "needs", q: "长者食" });
    expect(items[0]).toMatchObject({ kind: "tag", label: "助餐", href: `/needs?tag=${meals}` });
    expect(items.find((item) => item.kind === "need")).toMatchObject({ href: expect.stringMatching(/^\/needs\/\d+$/) });
    expect(await suggest({ scope: "orgs", q: "" })).toEqual([]);
  });
});

describe("loaders never fail on a hostile URL", () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 300 }),
    fc.constantFrom("<script>alert(1)</script>", "' OR 1=1 --", "\u0000\u0001\uE000\uE001", "🙂".repeat(200), "a".repeat(5000), "%%%", "district = 310104 OR 1=1", '") OR ("'),
  );
  const names = fc.constantFrom("q", "page", "district", "street", "tag", "phase", "catalog", "budget", "cross", "deadline", "sort", "kind", "grade", "qual", "community", "scope", "x");

  it("answers 200 with a page for any parameters", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(names, hostile), { maxLength: 6 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        for (const loader of [needsLoader, orgsLoader]) {
          const response = await loader({ request: new Request(`http://localhost/x?${query}`), params: {}, context: {} });
          const { init } = response as unknown as { init: { status: number } | null };
          expect(init?.status ?? 200).toBe(200);
        }
        const suggestions = await suggestLoader({ request: new Request(`http://localhost/api/v1/search/suggest?${query}`), params: {}, context: {} });
        expect(suggestions.status).toBe(200);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
