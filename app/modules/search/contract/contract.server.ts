// The contract every search engine must pass (the embedded engine always; Meilisearch when MEILI_URL is set):
// relevance order, filters, facet counts, synonyms, typos, prefixes, deletions, updates, Chinese and mixed
// Chinese/English/number queries, sorting, pagination, highlighting and cropping, and clear errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { f } from "../filter.ts";
import { SearchError, type SearchEngine, type SearchRequest } from "../port.ts";
import { CONTRACT_NEEDS, CONTRACT_ORGS, CONTRACT_SYNONYMS, NOW } from "./corpus.server.ts";

const PRE = "\uE000";
const POST = "\uE001";

export type EngineFactory = () => Promise<{ engine: SearchEngine; cleanup?: () => Promise<void> }>;

export function describeSearchContract(name: string, factory: EngineFactory) {
  describe(`search engine contract: ${name}`, () => {
    let engine: SearchEngine;
    let cleanup: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ engine, cleanup } = await factory());
      await engine.needs.applySynonyms(CONTRACT_SYNONYMS);
      await engine.orgs.applySynonyms(CONTRACT_SYNONYMS);
      await engine.needs.upsert(structuredClone(CONTRACT_NEEDS));
      await engine.orgs.upsert(structuredClone(CONTRACT_ORGS));
    }, 120_000);

    afterAll(async () => {
      await cleanup?.();
    });

    const orgIds = async (q: string, extra: SearchRequest = {}) => (await engine.orgs.search({ q, limit: 50, ...extra })).hits.map((hit) => hit.id);
    const needIds = async (q: string, extra: SearchRequest = {}) => (await engine.needs.search({ q, limit: 50, ...extra })).hits.map((hit) => hit.id);
    const before = (ids: number[], a: number, b: number) => {
      expect(ids).toContain(a);
      expect(ids).toContain(b);
      expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
    };

    describe("relevance", () => {
      it("ranks a match in the name above a match in the description (attribute)", async () => {
        before(await orgIds("心理咨询"), 4, 5);
      });

      it("ranks words next to each other above the same words apart (proximity)", async () => {
        before(await orgIds("社区 服务"), 13, 14);
      });

      it("ranks a name equal to the query, then one starting with it, above one containing it (exactness)", async () => {
        const ids = await orgIds("社区食堂");
        before(ids, 11, 12);
        before(ids, 12, 9);
      });

      it("ranks exact words above typos (typo)", async () => {
        await engine.orgs.upsert([{ ...structuredClone(CONTRACT_ORGS[4]), id: 90, name: "Sunshime Studio", tags: [], tagsEn: [], tagIds: [], description: "", _search: "" }]);
        try {
          before(await orgIds("sunshine"), 3, 90);
        } finally {
          await engine.orgs.delete([90]);
        }
      });

      it("requires every query word by default, and with `last` keeps documents matching the first words", async () => {
        expect(await needIds("助餐 飞机")).toEqual([]);
        const relaxed = await needIds("助餐 飞机", { matchingStrategy: "last" });
        expect(relaxed).toEqual(expect.arrayContaining([1, 6]));
      });
    });

    describe("Chinese words", () => {
      it("finds a two-character word inside a longer one (处理 in 待处理) through the hidden field", async () => {
        expect(await orgIds("处理")).toContain(7);
        expect(await needIds("处理")).toContain(7);
      });

      it("matches a query that runs words together (长者食堂运营)", async () => {
        expect(await needIds("长者食堂运营")).toContain(1);
      });

      it("does not apply typo tolerance to short Chinese words", async () => {
        expect(await orgIds("助老")).not.toContain(8); // 助残 is one character away, but a different service
      });

      it("finds mixed Chinese, English and numbers", async () => {
        expect(await needIds("2025 IT 培训")).toEqual([8]);
        expect(await orgIds("IT志愿者")).toContain(10);
      });

      it("matches registration codes exactly, without typos", async () => {
        expect(await orgIds("52310104MJ0000001X")).toEqual([1]);
        expect(await orgIds("52310104MJ0000001Y")).toEqual([]);
      });
    });

    describe("synonyms from the curated tags", () => {
      it("finds documents through a synonym in both directions", async () => {
        expect(await orgIds("助餐")).toEqual(expect.arrayContaining([1, 9])); // 9 only says 长者食堂
        expect(await needIds("长者食堂")).toEqual(expect.arrayContaining([1, 6])); // 6 only says 助餐
      });

      it("treats an English tag name as a synonym", async () => {
        expect(await needIds("dementia care")).toContain(2);
      });

      it("keeps a merged tag's name working", async () => {
        expect(await needIds("老年食堂")).toEqual(expect.arrayContaining([1, 6]));
      });

      it("picks up changed synonyms", async () => {
        expect(await orgIds("轮椅代步")).toEqual([]);
        await engine.orgs.applySynonyms({ ...CONTRACT_SYNONYMS, 轮椅代步: ["残疾人服务"], 残疾人服务: ["轮椅代步"] });
        try {
          expect(await orgIds("轮椅代步")).toContain(8);
        } finally {
          await engine.orgs.applySynonyms(CONTRACT_SYNONYMS);
        }
      });
    });

    describe("typos and prefixes", () => {
      it("tolerates one typo in a long Latin word (a swap of two letters counts as one)", async () => {
        expect(await orgIds("sunsine")).toContain(3);
        expect(await orgIds("sunshnie")).toContain(3);
        expect(await orgIds("rehabilitaton")).toContain(3);
      });

      it("does not tolerate typos in short words or numbers", async () => {
        expect(await orgIds("homa ")).not.toContain(3);
        expect(await needIds("2026 ")).toEqual([]);
      });

      it("searches the last word as a prefix while typing", async () => {
        expect(await orgIds("认知障")).toContain(6);
        expect(await orgIds("sunsh")).toContain(3);
        expect(await needIds("枫林路 长者食")).toContain(1);
      });

      it("does not treat the last word as a prefix after a space", async () => {
        expect(await orgIds("sunsh ")).not.toContain(3);
      });
    });

    describe("filters", () => {
      it("filters with =, !=, IN, NOT IN, comparisons and ranges", async () => {
        expect(await orgIds("", { filter: f.eq("district", "310106"), sort: ["id:asc"] })).toEqual([4, 5, 13, 14]);
        expect(await orgIds("", { filter: f.in("kind", ["SOCIAL_GROUP", "MASS_ACTIVITY_TEAM"]), sort: ["id:asc"] })).toEqual([5, 6, 8, 10]);
        expect(await orgIds("", { filter: f.and(f.gte("grade", 4), f.gte("gradeValidUntil", NOW)), sort: ["id:asc"] })).toEqual([1, 2]);
        expect(await needIds("", { filter: f.between("budget", 100_000, 300_000), sort: ["id:asc"] })).toEqual([2, 4, 6, 7]);
        expect(await needIds("", { filter: f.notIn("status", ["PUBLISHED"]), sort: ["id:asc"] })).toEqual([4, 5, 9]);
        expect(await needIds("", { filter: f.ne("crossDistrict", true), sort: ["id:asc"] })).toEqual([3]);
      });

      it("combines AND, OR and NOT, in strings and in arrays", async () => {
        const open = f.and(f.eq("status", "PUBLISHED"), f.gt("bidDeadline", NOW));
        expect(await needIds("", { filter: open, sort: ["id:asc"] })).toEqual([1, 2, 3, 7, 8]);
        expect(await needIds("", { filter: f.not(open), sort: ["id:asc"] })).toEqual([4, 5, 6, 9]);
        expect(await needIds("", { filter: [f.eq("status", "PUBLISHED"), [f.eq("districts", "310115"), f.eq("districts", "310101")]], sort: ["id:asc"] })).toEqual([3, 6]);
      });

      it("matches any element of an array attribute", async () => {
        expect(await orgIds("", { filter: f.eq("serviceDistricts", "310104"), sort: ["id:asc"] })).toEqual([1, 2, 10, 11, 12]);
        expect(await orgIds("", { filter: f.eq("qualifications", "PRE_TAX_DEDUCTION") })).toEqual([2]);
      });

      it("handles quoted Chinese values and escapes", async () => {
        expect(await orgIds("", { filter: f.eq("communityClass", "生活服务类") })).toEqual([1]);
        expect(await orgIds("", { filter: f.eq("communityClass", 'A "quoted" \\ class') })).toEqual([6]);
      });

      it("filters on missing values with IS NULL and EXISTS", async () => {
        expect(await needIds("", { filter: f.isNull("budget") })).toEqual([9]);
        expect(await needIds("", { filter: f.and(f.exists("budget"), f.isNotNull("budget")), limit: 50 })).toHaveLength(8);
      });

      it("applies filters together with a query", async () => {
        expect(await needIds("助餐", { filter: f.gt("bidDeadline", NOW) })).toEqual([1]);
      });
    });

    describe("facets", () => {
      it("counts facet values over the matching documents", async () => {
        const result = await engine.orgs.search({ q: "", filter: f.eq("serviceDistricts", "310106"), facets: ["kind", "district"], limit: 0 });
        expect(result.totalHits).toBe(4);
        expect(result.facetDistribution.kind).toEqual({ SOCIAL_SERVICE: 3, SOCIAL_GROUP: 1 });
        expect(result.facetDistribution.district).toEqual({ "310106": 4 });
      });

      it("counts every element of array attributes, and booleans as true/false", async () => {
        const result = await engine.orgs.search({ q: "", facets: ["qualifications", "isCommunityOrg"], limit: 0 });
        expect(result.facetDistribution.qualifications).toEqual({ TAX_EXEMPT: 2, PRE_TAX_DEDUCTION: 1 });
        expect(result.facetDistribution.isCommunityOrg).toEqual({ true: 2, false: 12 });
      });

      it("reports min and max of numeric facets", async () => {
        const result = await engine.needs.search({ q: "", facets: ["budget"], limit: 0 });
        expect(result.facetStats.budget).toEqual({ min: 50_000, max: 800_000 });
      });

      it("counts facets of a text query's results", async () => {
        const result = await engine.needs.search({ q: "助餐", facets: ["status", "budgetBand"], limit: 0 });
        expect(result.totalHits).toBe(2);
        expect(result.facetDistribution.status).toEqual({ PUBLISHED: 2 });
        expect(result.facetDistribution.budgetBand).toEqual({ "100k-300k": 1, "500k-1m": 1 });
      });
    });

    describe("sorting and pagination", () => {
      it("sorts by a numeric attribute, missing values last in both directions", async () => {
        expect(await needIds("", { sort: ["publishedAt:desc"] })).toEqual([1, 2, 3, 7, 8, 6, 4, 5, 9]);
        expect((await needIds("", { sort: ["budget:asc"] })).at(-1)).toBe(9);
        expect((await needIds("", { sort: ["budget:desc"] })).at(-1)).toBe(9);
      });

      it("pages with offset and limit, with an exact total", async () => {
        const all = await needIds("", { sort: ["publishedAt:desc"] });
        const page = await engine.needs.search({ q: "", sort: ["publishedAt:desc"], offset: 3, limit: 3 });
        expect(page.totalHits).toBe(9);
        expect(page.hits.map((hit) => hit.id)).toEqual(all.slice(3, 6));
        const pageTwo = await engine.needs.search({ q: "", sort: ["publishedAt:desc"], offset: 4, limit: 3 });
        expect(pageTwo.hits.map((hit) => hit.id)).toEqual(all.slice(4, 7));
      });

      it("uses the sort to break relevance ties", async () => {
        expect(await needIds("助餐", { sort: ["budget:asc"] })).toEqual([6, 1]);
        expect(await needIds("助餐", { sort: ["budget:desc"] })).toEqual([1, 6]);
      });
    });

    describe("writes", () => {
      it("finds an added document, then not after it is deleted", async () => {
        const doc = { ...structuredClone(CONTRACT_NEEDS[0]), id: 100, title: "崇明区生态湿地科普服务", tags: [], tagIds: [], summary: "", description: "", catalogName: null, _search: "" };
        await engine.needs.upsert([doc]);
        expect(await needIds("湿地")).toEqual([100]);
        expect((await engine.needs.search({ q: "", limit: 0 })).totalHits).toBe(10);
        await engine.needs.delete([100]);
        expect(await needIds("湿地")).toEqual([]);
        expect((await engine.needs.search({ q: "", limit: 0 })).totalHits).toBe(9);
        expect(await engine.needs.getDocument(100)).toBeNull();
      });

      it("replaces a document on update: old words stop matching, new ones match, facets follow", async () => {
        const original = structuredClone(CONTRACT_ORGS[3]);
        await engine.orgs.upsert([{ ...original, name: "静安区家庭教育指导中心", description: "家庭教育讲座。", tags: [], kind: "FOUNDATION" }]);
        try {
          expect(await orgIds("心理咨询服务社")).not.toContain(4);
          expect(await orgIds("家庭教育")).toContain(4);
          const facets = await engine.orgs.search({ q: "", filter: f.eq("kind", "FOUNDATION"), limit: 0 });
          expect(facets.totalHits).toBe(1);
          expect((await engine.orgs.getDocument(4))?.name).toBe("静安区家庭教育指导中心");
        } finally {
          await engine.orgs.upsert([original]);
        }
        expect(await orgIds("心理咨询服务社")).toContain(4);
      });

      it("rebuilds everything atomically with replaceAll", async () => {
        async function* batches() {
          yield structuredClone(CONTRACT_NEEDS.slice(0, 5));
          yield structuredClone(CONTRACT_NEEDS.slice(5));
        }
        await engine.needs.upsert([{ ...structuredClone(CONTRACT_NEEDS[0]), id: 101, title: "临时记录" }]);
        const count = await engine.needs.replaceAll(batches());
        expect(count).toBe(9);
        expect(await needIds("临时记录")).toEqual([]);
        expect((await engine.needs.search({ q: "", limit: 0 })).totalHits).toBe(9);
      });
    });

    describe("highlighting and cropping", () => {
      const strip = (text: unknown) => String(text).replaceAll(`${POST}${PRE}`, "");

      it("marks matched words with the given tags", async () => {
        const result = await engine.needs.search({ q: "长者食堂", filter: f.eq("id", 1), attributesToHighlight: ["title"], highlightPreTag: PRE, highlightPostTag: POST });
        expect(strip(result.hits[0]._formatted?.title)).toBe(`枫林路街道${PRE}长者食堂${POST}运营项目`);
        expect(result.hits[0].title).toBe("枫林路街道长者食堂运营项目");
      });

      it("crops long text around the match and marks the crop", async () => {
        const result = await engine.orgs.search({
          q: "送餐",
          filter: f.eq("id", 9),
          attributesToCrop: ["description:4"],
          attributesToHighlight: ["description"],
          highlightPreTag: PRE,
          highlightPostTag: POST,
          cropMarker: "…",
        });
        const cropped = strip(result.hits[0]._formatted?.description);
        expect(cropped).toContain(`${PRE}送餐${POST}`);
        expect(cropped.startsWith("…")).toBe(true);
        expect(cropped.replace(/[\uE000\uE001…]/g, "").length).toBeLessThan("运营三家长者食堂，为高龄老人送餐上门。".length);
      });

      it("never returns the hidden field", async () => {
        const result = await engine.orgs.search({ q: "处理", attributesToHighlight: ["*"] });
        expect(result.hits[0]).not.toHaveProperty("_search");
      });
    });

    describe("errors", () => {
      it("refuses a filter on an attribute that is not filterable, and bad filter syntax", async () => {
        await expect(engine.orgs.search({ q: "", filter: "description = x" })).rejects.toMatchObject({ code: "invalid_filter" });
        await expect(engine.orgs.search({ q: "", filter: "district = " })).rejects.toBeInstanceOf(SearchError);
        await expect(engine.orgs.search({ q: "", filter: "(district = 310104" })).rejects.toMatchObject({ code: "invalid_filter" });
      });

      it("refuses a sort on an attribute that is not sortable", async () => {
        await expect(engine.orgs.search({ q: "", sort: ["description:asc"] })).rejects.toMatchObject({ code: "invalid_sort" });
      });
    });
  });
}
