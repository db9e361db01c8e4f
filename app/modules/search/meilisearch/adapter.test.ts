// The Meilisearch adapter's requests, checked against an HTTP STAND-IN on 127.0.0.1 (not a Meilisearch server):
// settings payloads, filter strings with quoting and Chinese values, pagination mapping, task polling, and how
// errors are reported. Relevance is the contract suite's job (meilisearch.contract.test.ts, with MEILI_URL).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { f } from "../filter.ts";
import { SearchError } from "../port.ts";
import { RANKING_RULES, settingsFor } from "../settings.ts";
import { compareVersions, connectMeilisearch, MIN_MEILISEARCH_VERSION, toMeiliSearchParams } from "./adapter.server.ts";
import { MeilisearchStandIn } from "./stand-in.server.ts";

const KEY = "stand-in-master-key";
const settings = { needs: settingsFor("needs", { 助餐: ["长者食堂"], 长者食堂: ["助餐"] }), orgs: settingsFor("orgs") };

let standIn: MeilisearchStandIn;
let url: string;

/** A stand-in that behaves like an empty, current server. */
function freshServer(version = "1.16.0") {
  standIn
    .on("GET", /^\/version$/, { body: { pkgVersion: version, commitSha: "x", commitDate: "2025-01-01" } })
    .on("GET", /^\/indexes\/[^/]+$/, { status: 404, body: { message: "Index not found.", code: "index_not_found", type: "invalid_request", link: "" } })
    .on("POST", /^\/indexes$/, () => standIn.enqueue([{ status: "succeeded" }], "indexCreation"))
    .on("PATCH", /^\/indexes\/[^/]+\/settings$/, () => standIn.enqueue([{ status: "enqueued" }, { status: "processing" }, { status: "succeeded" }]));
}

beforeEach(async () => {
  standIn = new MeilisearchStandIn();
  url = await standIn.start();
});

afterEach(async () => {
  await standIn.stop();
});

describe("Meilisearch adapter against an HTTP stand-in", () => {
  it("checks the server version, creates the indexes and applies the settings from code, waiting for the tasks", async () => {
    freshServer();
    await connectMeilisearch({ url, apiKey: KEY, prefix: "t_", settings });

    expect(standIn.requests[0]).toMatchObject({ method: "GET", path: "/version" });
    expect(standIn.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(standIn.find("POST", "/indexes").map((r) => r.body)).toEqual([
      { uid: "t_needs", primaryKey: "id" },
      { uid: "t_orgs", primaryKey: "id" },
    ]);
    const [needsSettings] = standIn.find("PATCH", "/indexes/t_needs/settings");
    expect(needsSettings.body).toEqual({
      searchableAttributes: ["title", "tags", "catalogName", "summary", "tagsEn", "buyerName", "districtNames", "streetNames", "description", "catalogCode", "externalId", "_search"],
      filterableAttributes: settings.needs.filterableAttributes,
      sortableAttributes: ["id", "publishedAt", "bidDeadline", "budget", "fair0", "fair1", "fair2", "fair3", "fair4", "fair5", "fair6"],
      displayedAttributes: settings.needs.displayedAttributes,
      rankingRules: ["words", "typo", "proximity", "attribute", "exactness", "sort"],
      stopWords: settings.needs.stopWords,
      synonyms: { 助餐: ["长者食堂"], 长者食堂: ["助餐"] },
      typoTolerance: {
        enabled: true,
        minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
        disableOnAttributes: ["codes", "externalId", "catalogCode"],
        disableOnNumbers: true,
      },
      pagination: { maxTotalHits: 200_000 },
      faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { "*": "count" } },
      localizedAttributes: [
        { attributePatterns: ["tagsEn"], locales: ["eng"] },
        { attributePatterns: ["*"], locales: ["cmn"] },
      ],
      proximityPrecision: "byWord",
    });
    expect((needsSettings.body as { rankingRules: string[] }).rankingRules).toEqual(RANKING_RULES);
    // The hidden field is searchable but never displayed.
    expect((needsSettings.body as { displayedAttributes: string[] }).displayedAttributes).not.toContain("_search");
    // Each settings task was polled until it succeeded.
    expect(standIn.find("GET", /^\/tasks\//).length).toBeGreaterThanOrEqual(2 + 2 * 3);
  });

  it("refuses a server older than the pinned minimum, saying which versions", async () => {
    freshServer("1.14.2");
    const error = await connectMeilisearch({ url, settings }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchError);
    expect(error).toMatchObject({ code: "unsupported_version" });
    expect((error as Error).message).toContain(`Meilisearch 1.14.2 at ${url} is older than the minimum supported ${MIN_MEILISEARCH_VERSION}`);
    expect(standIn.requests).toHaveLength(1);
    expect(compareVersions("1.15.0", "v1.15.0")).toBe(0);
    expect(compareVersions("1.9.0", "1.15.0")).toBeLessThan(0);
  });

  it("reports an unreachable server clearly", async () => {
    const error = await connectMeilisearch({ url: "http://127.0.0.1:9", settings, timeout: 2000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unavailable" });
    expect((error as Error).message).toMatch(/Meilisearch is unreachable \(report its version\)/);
  });

  it("sends searches with the filter string, facets, sort, highlight tags and Chinese locale, and reads exact totals", async () => {
    freshServer();
    const engine = await connectMeilisearch({ url, prefix: "t_", settings });
    standIn.on("POST", /^\/indexes\/t_needs\/search$/, {
      body: { hits: [{ id: 7, title: "\uE000长者食堂\uE001运营" }], query: "长者食堂", processingTimeMs: 1, hitsPerPage: 20, page: 2, totalPages: 3, totalHits: 45, facetDistribution: { districts: { "310104": 12 } }, facetStats: { budget: { min: 1, max: 9 } } },
    });
    const filter = f.and(f.eq("status", "PUBLISHED"), f.in("districts", ["310104", "310115"]), f.eq("buyerName", '徐汇区"枫林"街道\\办事处'), f.gt("bidDeadline", 1_800_000_000_000));
    const result = await engine.needs.search({
      q: "长者食堂",
      filter,
      facets: ["districts"],
      sort: ["publishedAt:desc", "fair3:asc"],
      offset: 20,
      limit: 20,
      attributesToHighlight: ["title"],
      attributesToCrop: ["summary:40"],
      highlightPreTag: "\uE000",
      highlightPostTag: "\uE001",
      cropMarker: "…",
    });
    const [request] = standIn.find("POST", "/indexes/t_needs/search");
    expect(request.body).toEqual({
      q: "长者食堂",
      filter: '(status = "PUBLISHED") AND (districts IN ["310104", "310115"]) AND (buyerName = "徐汇区\\"枫林\\"街道\\\\办事处") AND (bidDeadline > 1800000000000)',
      facets: ["districts"],
      sort: ["publishedAt:desc", "fair3:asc"],
      attributesToHighlight: ["title"],
      attributesToCrop: ["summary:40"],
      cropMarker: "…",
      highlightPreTag: "\uE000",
      highlightPostTag: "\uE001",
      matchingStrategy: "all",
      locales: ["cmn"],
      hitsPerPage: 20,
      page: 2,
    });
    expect(result).toMatchObject({ totalHits: 45, offset: 20, limit: 20, facetDistribution: { districts: { "310104": 12 } }, facetStats: { budget: { min: 1, max: 9 } } });
    expect(result.hits[0]).toEqual({ id: 7, title: "\uE000长者食堂\uE001运营" });
  });

  it("uses offset/limit when a page does not line up, and hitsPerPage 0 for counts only", () => {
    expect(toMeiliSearchParams({ q: "x", offset: 5, limit: 20 })).toMatchObject({ offset: 5, limit: 20 });
    expect(toMeiliSearchParams({ q: "x", offset: 5, limit: 20 })).not.toHaveProperty("page");
    expect(toMeiliSearchParams({ q: "x", limit: 0 })).toMatchObject({ hitsPerPage: 0, page: 1 });
    expect(toMeiliSearchParams({ q: "x", matchingStrategy: "last" })).toMatchObject({ matchingStrategy: "last" });
  });

  it("sends several queries as one multi-search", async () => {
    freshServer();
    const engine = await connectMeilisearch({ url, prefix: "t_", settings });
    standIn.on("POST", /^\/multi-search$/, {
      body: { results: [{ indexUid: "t_orgs", hits: [], query: "", processingTimeMs: 0, hitsPerPage: 0, page: 1, totalPages: 0, totalHits: 3, facetDistribution: { kind: { FOUNDATION: 3 } } }, { indexUid: "t_orgs", hits: [], query: "", processingTimeMs: 0, hitsPerPage: 0, page: 1, totalPages: 0, totalHits: 1 }] },
    });
    const results = await engine.orgs.multiSearch([{ q: "", facets: ["kind"], limit: 0 }, { q: "助残", filter: f.eq("communityClass", "专业调处类"), limit: 0 }]);
    const [request] = standIn.find("POST", "/multi-search");
    expect((request.body as { queries: unknown[] }).queries).toEqual([
      { indexUid: "t_orgs", q: "", facets: ["kind"], matchingStrategy: "all", locales: ["cmn"], hitsPerPage: 0, page: 1 },
      { indexUid: "t_orgs", q: "助残", filter: 'communityClass = "专业调处类"', matchingStrategy: "all", locales: ["cmn"], hitsPerPage: 0, page: 1 },
    ]);
    expect(results.map((r) => r.totalHits)).toEqual([3, 1]);
  });

  it("adds and deletes documents, waiting until they are searchable", async () => {
    freshServer();
    const engine = await connectMeilisearch({ url, prefix: "t_", settings });
    standIn.on("POST", /^\/indexes\/t_orgs\/documents$/, () => standIn.enqueue([{ status: "processing" }, { status: "succeeded" }], "documentAdditionOrUpdate"));
    standIn.on("POST", /^\/indexes\/t_orgs\/documents\/delete-batch$/, () => standIn.enqueue([{ status: "succeeded" }], "documentDeletion"));
    const before = standIn.requests.length;
    await engine.orgs.upsert([{ id: 1, name: "乐龄" } as never]);
    await engine.orgs.delete([1, 2]);
    const writes = standIn.requests.slice(before);
    expect(writes[0]).toMatchObject({ method: "POST", path: "/indexes/t_orgs/documents", query: { primaryKey: "id" }, body: [{ id: 1, name: "乐龄" }] });
    expect(writes.filter((r) => r.path.startsWith("/tasks/")).length).toBeGreaterThanOrEqual(3);
    expect(writes.find((r) => r.path.endsWith("delete-batch"))?.body).toEqual([1, 2]);
    await engine.orgs.upsert([]);
    expect(standIn.requests.length).toBe(writes.length + before);
  });

  it("turns a failed task into an error that names the task and Meilisearch's reason", async () => {
    freshServer();
    const engine = await connectMeilisearch({ url, prefix: "t_", settings });
    standIn.on("POST", /^\/indexes\/t_orgs\/documents$/, () =>
      standIn.enqueue([{ status: "failed", error: { message: "The primary key inference failed", code: "index_primary_key_no_candidate_found", type: "invalid_request", link: "" } }]),
    );
    const error = await engine.orgs.upsert([{ id: 1 } as never]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "task_failed" });
    expect((error as Error).message).toMatch(/Meilisearch task \d+ \(add 1 documents to t_orgs\) failed: The primary key inference failed \(index_primary_key_no_candidate_found\)/);
  });

  it("maps refused requests to clear error codes", async () => {
    freshServer();
    const engine = await connectMeilisearch({ url, prefix: "t_", settings });
    standIn.on("POST", /^\/indexes\/t_needs\/search$/, (request) => {
      const body = request.body as { filter?: string; sort?: string[] };
      if (body.filter) return { status: 400, body: { message: "Attribute `secret` is not filterable.", code: "invalid_search_filter", type: "invalid_request", link: "" } };
      if (body.sort) return { status: 400, body: { message: "Attribute `x` is not sortable.", code: "invalid_search_sort", type: "invalid_request", link: "" } };
      return { status: 503, body: { message: "overloaded", code: "internal", type: "internal", link: "" } };
    });
    await expect(engine.needs.search({ q: "", filter: "secret = 1" })).rejects.toMatchObject({ code: "invalid_filter", message: expect.stringContaining("Attribute `secret` is not filterable. (invalid_search_filter)") });
    await expect(engine.needs.search({ q: "", sort: ["x:asc"] })).rejects.toMatchObject({ code: "invalid_sort" });
    await expect(engine.needs.search({ q: "" })).rejects.toMatchObject({ code: "unavailable" });
    standIn.on("GET", /^\/indexes\/t_needs\/documents\/\d+$/, { status: 404, body: { message: "Document `5` not found.", code: "document_not_found", type: "invalid_request", link: "" } });
    expect(await engine.needs.getDocument(5)).toBeNull();
  });

  it("rebuilds into a staging index and swaps it in atomically", async () => {
    freshServer();
    const engine = await connectMeilisearch({ url, prefix: "t_", settings });
    standIn
      .on("DELETE", /^\/indexes\/t_needs__rebuild$/, (request) =>
        standIn.find("DELETE", request.path).length === 1
          ? { status: 404, body: { message: "Index not found.", code: "index_not_found", type: "invalid_request", link: "" } }
          : standIn.enqueue([{ status: "succeeded" }], "indexDeletion"),
      )
      .on("GET", /^\/indexes\/t_needs$/, { body: { uid: "t_needs", primaryKey: "id" } })
      .on("POST", /^\/indexes\/t_needs__rebuild\/documents$/, () => standIn.enqueue([{ status: "succeeded" }], "documentAdditionOrUpdate"))
      .on("POST", /^\/swap-indexes$/, () => standIn.enqueue([{ status: "succeeded" }], "indexSwap"));
    async function* batches() {
      yield [{ id: 1 }, { id: 2 }] as never[];
      yield [{ id: 3 }] as never[];
    }
    const done: number[] = [];
    const count = await engine.needs.replaceAll(batches(), (n) => done.push(n));
    expect(count).toBe(3);
    expect(done).toEqual([2, 3]);
    const sequence = standIn.requests
      .filter((r) => r.path.includes("rebuild") || r.path === "/swap-indexes" || (r.method === "POST" && r.path === "/indexes"))
      .map((r) => `${r.method} ${r.path}`);
    expect(sequence).toEqual([
      "POST /indexes",
      "POST /indexes",
      "DELETE /indexes/t_needs__rebuild",
      "GET /indexes/t_needs__rebuild",
      "POST /indexes",
      "PATCH /indexes/t_needs__rebuild/settings",
      "POST /indexes/t_needs__rebuild/documents",
      "POST /indexes/t_needs__rebuild/documents",
      "POST /swap-indexes",
      "DELETE /indexes/t_needs__rebuild",
    ]);
    expect(standIn.find("POST", "/swap-indexes")[0].body).toEqual([{ indexes: ["t_needs", "t_needs__rebuild"], rename: false }]);
  });
});
