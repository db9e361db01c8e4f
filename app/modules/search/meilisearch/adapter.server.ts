// The Meilisearch adapter (used when MEILI_URL is set): the official client, settings applied from code, tasks
// awaited where the caller needs read-your-writes, and every failure mapped to a SearchError that says what went
// wrong. Checked against a pinned minimum server version at start.
import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type Index,
  type SearchParams,
  type Settings,
  type Task,
} from "meilisearch";
import type { IndexName, NeedDoc, OrgDoc, SearchDoc } from "../documents.ts";
import {
  SearchError,
  type Hit,
  type IndexHealth,
  type IndexSettings,
  type SearchEngine,
  type SearchIndex,
  type SearchRequest,
  type SearchResponse,
} from "../port.ts";

/**
 * The oldest Meilisearch this adapter supports: 1.15 added `typoTolerance.disableOnNumbers` and lexicographic string
 * filters, which the settings and filters rely on (`localizedAttributes` is from 1.10).
 */
export const MIN_MEILISEARCH_VERSION = "1.15.0";

/** How long a write may take to become searchable before the caller gets a timeout error. */
const TASK_TIMEOUT_MS = 60_000;
const TASK_POLL_MS = 25;

export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => v.replace(/^v/, "").split(/[.-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** Maps the client's errors to SearchError codes, keeping Meilisearch's own message. */
export function mapMeiliError(error: unknown, action: string): SearchError {
  if (error instanceof SearchError) return error;
  if (error instanceof MeilisearchApiError) {
    const code = error.cause?.code ?? "";
    const message = `Meilisearch refused to ${action}: ${error.cause?.message ?? error.message}${code ? ` (${code})` : ""}`;
    if (code === "invalid_search_filter" || code === "invalid_document_filter") return new SearchError("invalid_filter", message, error);
    if (code === "invalid_search_sort") return new SearchError("invalid_sort", message, error);
    if (code === "index_not_found") return new SearchError("index_not_found", message, error);
    if (error.response.status >= 500) return new SearchError("unavailable", message, error);
    return new SearchError("invalid_request", message, error);
  }
  if (error instanceof MeilisearchTaskTimeOutError || error instanceof MeilisearchRequestTimeOutError) {
    return new SearchError("timeout", `Meilisearch did not ${action} in time: ${error.message}`, error);
  }
  if (error instanceof MeilisearchRequestError) {
    return new SearchError("unavailable", `Meilisearch is unreachable (${action}): ${error.message}`, error);
  }
  return new SearchError("unavailable", `Meilisearch failed to ${action}: ${error instanceof Error ? error.message : String(error)}`, error);
}

async function guard<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw mapMeiliError(error, action);
  }
}

/** Throws when a finished task did not succeed (the client resolves failed tasks rather than rejecting). */
export function assertTaskSucceeded(task: Task, action: string) {
  if (task.status === "succeeded") return;
  const reason = task.error ? `${task.error.message} (${task.error.code})` : task.status;
  throw new SearchError("task_failed", `Meilisearch task ${task.uid} (${action}) ${task.status}: ${reason}`);
}

/** Index settings in Meilisearch's format. */
export function toMeiliSettings(settings: IndexSettings): Settings {
  return {
    searchableAttributes: settings.searchableAttributes,
    filterableAttributes: settings.filterableAttributes,
    sortableAttributes: settings.sortableAttributes,
    displayedAttributes: settings.displayedAttributes,
    rankingRules: settings.rankingRules,
    stopWords: settings.stopWords,
    synonyms: settings.synonyms,
    typoTolerance: {
      enabled: settings.typoTolerance.enabled,
      minWordSizeForTypos: settings.typoTolerance.minWordSizeForTypos,
      disableOnAttributes: settings.typoTolerance.disableOnAttributes,
      disableOnNumbers: settings.typoTolerance.disableOnNumbers,
    },
    pagination: { maxTotalHits: settings.maxTotalHits },
    faceting: { maxValuesPerFacet: settings.maxValuesPerFacet, sortFacetValuesBy: { "*": "count" } },
    // Chinese everywhere except the English tag names; without this a short query could be read as Japanese.
    localizedAttributes: [
      { attributePatterns: ["tagsEn"], locales: ["eng"] },
      { attributePatterns: ["*"], locales: ["cmn"] },
    ],
    proximityPrecision: "byWord",
  };
}

/** A port request as Meilisearch search parameters. Pages aligned to the limit use page/hitsPerPage for exact totals. */
export function toMeiliSearchParams(request: SearchRequest): SearchParams {
  const offset = Math.max(0, Math.floor(request.offset ?? 0));
  const limit = Math.max(0, Math.floor(request.limit ?? 20));
  const params: SearchParams = {
    filter: request.filter,
    facets: request.facets,
    sort: request.sort,
    attributesToRetrieve: request.attributesToRetrieve,
    attributesToHighlight: request.attributesToHighlight,
    attributesToCrop: request.attributesToCrop,
    cropLength: request.cropLength,
    cropMarker: request.cropMarker,
    highlightPreTag: request.highlightPreTag,
    highlightPostTag: request.highlightPostTag,
    matchingStrategy: request.matchingStrategy ?? "all",
    showRankingScore: request.showRankingScore,
    locales: ["cmn"],
  };
  if (limit === 0 || offset % limit === 0) {
    params.hitsPerPage = limit;
    params.page = limit === 0 ? 1 : offset / limit + 1;
  } else {
    params.offset = offset;
    params.limit = limit;
  }
  for (const key of Object.keys(params) as (keyof SearchParams)[]) if (params[key] === undefined) delete params[key];
  return params;
}

type RawResponse = {
  hits: Record<string, unknown>[];
  query: string;
  totalHits?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  facetStats?: Record<string, { min: number; max: number }>;
  processingTimeMs: number;
};

function fromMeiliResponse<Doc>(raw: RawResponse, request: SearchRequest): SearchResponse<Doc> {
  return {
    hits: raw.hits as Hit<Doc>[],
    query: raw.query,
    offset: Math.max(0, Math.floor(request.offset ?? 0)),
    limit: Math.max(0, Math.floor(request.limit ?? 20)),
    totalHits: raw.totalHits ?? raw.estimatedTotalHits ?? raw.hits.length,
    facetDistribution: raw.facetDistribution ?? {},
    facetStats: raw.facetStats ?? {},
    processingTimeMs: raw.processingTimeMs,
  };
}

export class MeiliIndex<Doc extends SearchDoc> implements SearchIndex<Doc> {
  private settings: IndexSettings;
  constructor(
    private readonly client: Meilisearch,
    readonly name: IndexName,
    readonly uid: string,
    settings: IndexSettings,
  ) {
    this.settings = settings;
  }

  private index(uid = this.uid): Index<Record<string, unknown>> {
    return this.client.index(uid);
  }

  private async wait(action: string, enqueued: { waitTask(options?: { timeout?: number; interval?: number }): Promise<Task> }) {
    const task = await guard(action, () => enqueued.waitTask({ timeout: TASK_TIMEOUT_MS, interval: TASK_POLL_MS }));
    assertTaskSucceeded(task, action);
    return task;
  }

  /** Creates the index when missing (primary key `id`). */
  async ensureIndex(uid = this.uid) {
    const exists = await guard("look up the index", async () => {
      try {
        await this.client.getRawIndex(uid);
        return true;
      } catch (error) {
        if (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") return false;
        throw error;
      }
    });
    if (!exists) await this.wait(`create index ${uid}`, this.client.createIndex(uid, { primaryKey: "id" }));
  }

  async applySettings(settings: IndexSettings): Promise<void> {
    this.settings = settings;
    await this.ensureIndex();
    await this.wait(`update the settings of ${this.uid}`, this.index().updateSettings(toMeiliSettings(settings)));
  }

  async applySynonyms(synonyms: Record<string, string[]>): Promise<void> {
    this.settings = { ...this.settings, synonyms };
    await this.wait(`update the synonyms of ${this.uid}`, this.index().updateSynonyms(synonyms));
  }

  async upsert(docs: Doc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.wait(`add ${docs.length} documents to ${this.uid}`, this.index().addDocuments(docs as unknown as Record<string, unknown>[], { primaryKey: "id" }));
  }

  async delete(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.wait(`delete ${ids.length} documents from ${this.uid}`, this.index().deleteDocuments(ids));
  }

  /** Builds a fresh index next to the live one, then swaps them atomically: searches never see a half-built index. */
  async replaceAll(batches: AsyncIterable<Doc[]>, onProgress?: (done: number) => void): Promise<number> {
    const staging = `${this.uid}__rebuild`;
    await guard(`delete ${staging}`, () => this.client.deleteIndexIfExists(staging));
    await this.ensureIndex();
    await this.ensureIndex(staging);
    await this.wait(`update the settings of ${staging}`, this.index(staging).updateSettings(toMeiliSettings(this.settings)));
    let done = 0;
    for await (const batch of batches) {
      if (batch.length > 0) {
        await this.wait(`add documents to ${staging}`, this.index(staging).addDocuments(batch as unknown as Record<string, unknown>[], { primaryKey: "id" }));
      }
      done += batch.length;
      onProgress?.(done);
    }
    await this.wait(`swap ${this.uid} and ${staging}`, this.client.swapIndexes([{ indexes: [this.uid, staging], rename: false }]));
    await this.wait(`delete ${staging}`, this.client.deleteIndex(staging));
    return done;
  }

  async search(request: SearchRequest): Promise<SearchResponse<Doc>> {
    const raw = await guard(`search ${this.uid}`, () => this.index().search(request.q ?? "", toMeiliSearchParams(request)));
    return fromMeiliResponse<Doc>(raw as unknown as RawResponse, request);
  }

  async multiSearch(requests: SearchRequest[]): Promise<SearchResponse<Doc>[]> {
    if (requests.length === 0) return [];
    const response = await guard(`search ${this.uid}`, () =>
      this.client.multiSearch({ queries: requests.map((request) => ({ indexUid: this.uid, q: request.q ?? "", ...toMeiliSearchParams(request) })) }),
    );
    return response.results.map((raw, i) => fromMeiliResponse<Doc>(raw as unknown as RawResponse, requests[i]));
  }

  async getDocument(id: number): Promise<Doc | null> {
    try {
      return (await this.index().getDocument(id)) as unknown as Doc;
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === "document_not_found") return null;
      throw mapMeiliError(error, `read document ${id}`);
    }
  }

  async health(): Promise<IndexHealth> {
    try {
      const stats = await this.index().getStats();
      return { ok: true, documents: stats.numberOfDocuments };
    } catch (error) {
      return { ok: false, documents: 0, detail: mapMeiliError(error, "read index stats").message };
    }
  }
}

export type MeiliOptions = {
  url: string;
  apiKey?: string;
  /** Index names are `${prefix}needs` and `${prefix}orgs` (tests use a unique prefix). */
  prefix?: string;
  settings: { needs: IndexSettings; orgs: IndexSettings };
  /** Request timeout in ms. */
  timeout?: number;
};

export class MeiliEngine implements SearchEngine {
  readonly kind = "meilisearch" as const;
  readonly shared = true;
  readonly wantsHiddenField = true;
  readonly needs: MeiliIndex<NeedDoc>;
  readonly orgs: MeiliIndex<OrgDoc>;
  constructor(
    readonly client: Meilisearch,
    options: MeiliOptions,
  ) {
    const prefix = options.prefix ?? "duijie_";
    this.needs = new MeiliIndex<NeedDoc>(client, "needs", `${prefix}needs`, options.settings.needs);
    this.orgs = new MeiliIndex<OrgDoc>(client, "orgs", `${prefix}orgs`, options.settings.orgs);
  }
  async close() {}
}

/** Connects, checks the server version, and applies the settings to both indexes. */
export async function connectMeilisearch(options: MeiliOptions): Promise<MeiliEngine> {
  const client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: options.timeout ?? 10_000 });
  const version = await guard("report its version", () => client.getVersion());
  if (compareVersions(version.pkgVersion, MIN_MEILISEARCH_VERSION) < 0) {
    throw new SearchError(
      "unsupported_version",
      `Meilisearch ${version.pkgVersion} at ${options.url} is older than the minimum supported ${MIN_MEILISEARCH_VERSION}; upgrade the server.`,
    );
  }
  const engine = new MeiliEngine(client, options);
  await engine.needs.applySettings(options.settings.needs);
  await engine.orgs.applySettings(options.settings.orgs);
  return engine;
}
