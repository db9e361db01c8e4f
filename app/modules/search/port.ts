// The SearchIndex port: what the rest of the app may ask of a search engine. Shaped after Meilisearch's API (its
// request parameters, filter grammar, facetDistribution, pagination and `_formatted` hits) so that the Meilisearch
// adapter is a thin translation and the embedded engine has a documented behaviour to mirror.
import type { IndexName, NeedDoc, OrgDoc, SearchDoc } from "./documents.ts";

/** Meilisearch filter expression: a string, or an array (AND) whose string-array items are ORed. */
export type Filter = string | (string | string[])[];

export type MatchingStrategy = "all" | "last";

export type SearchRequest = {
  q?: string;
  filter?: Filter;
  /** Attributes to count values of (facetDistribution), and min/max of numeric ones (facetStats). */
  facets?: string[];
  /** "attribute:asc" | "attribute:desc", applied at the `sort` ranking rule. */
  sort?: string[];
  offset?: number;
  limit?: number;
  attributesToRetrieve?: string[];
  attributesToHighlight?: string[];
  attributesToCrop?: string[];
  cropLength?: number;
  cropMarker?: string;
  highlightPreTag?: string;
  highlightPostTag?: string;
  matchingStrategy?: MatchingStrategy;
  showRankingScore?: boolean;
};

export type Hit<Doc> = Doc & {
  _formatted?: Partial<Record<keyof Doc & string, unknown>>;
  _rankingScore?: number;
};

export type SearchResponse<Doc> = {
  hits: Hit<Doc>[];
  query: string;
  offset: number;
  limit: number;
  /** Exhaustive count of matching documents (the embedded engine always counts exactly; Meilisearch up to maxTotalHits). */
  totalHits: number;
  facetDistribution: Record<string, Record<string, number>>;
  facetStats: Record<string, { min: number; max: number }>;
  processingTimeMs: number;
};

export type TypoToleranceSettings = {
  enabled: boolean;
  minWordSizeForTypos: { oneTypo: number; twoTypos: number };
  disableOnAttributes: string[];
  disableOnNumbers: boolean;
};

/** Index settings applied from code (never edited by hand in a Meilisearch dashboard). */
export type IndexSettings = {
  primaryKey: "id";
  /** In order of importance: the attribute ranking rule prefers matches in earlier attributes. */
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  displayedAttributes: string[];
  rankingRules: string[];
  stopWords: string[];
  /** term → alternatives; built from the curated tags, both directions. */
  synonyms: Record<string, string[]>;
  typoTolerance: TypoToleranceSettings;
  maxTotalHits: number;
  maxValuesPerFacet: number;
};

export type IndexHealth = { ok: boolean; documents: number; detail?: string };

export interface SearchIndex<Doc extends SearchDoc = SearchDoc> {
  readonly name: IndexName;
  /** Applies settings; waits until they are in effect. */
  applySettings(settings: IndexSettings): Promise<void>;
  /** Replaces only the synonyms (tag or synonym edits). */
  applySynonyms(synonyms: Record<string, string[]>): Promise<void>;
  /** Adds or replaces documents by id; resolves once they are searchable (read-your-writes). */
  upsert(docs: Doc[]): Promise<void>;
  delete(ids: number[]): Promise<void>;
  /** Rebuilds the whole index from the given batches, then switches to it atomically. */
  replaceAll(batches: AsyncIterable<Doc[]>, onProgress?: (done: number) => void): Promise<number>;
  search(request: SearchRequest): Promise<SearchResponse<Doc>>;
  multiSearch(requests: SearchRequest[]): Promise<SearchResponse<Doc>[]>;
  getDocument(id: number): Promise<Doc | null>;
  health(): Promise<IndexHealth>;
}

export type EngineKind = "embedded" | "meilisearch";

export interface SearchEngine {
  readonly kind: EngineKind;
  /**
   * Shared engines (Meilisearch) are one index for every app instance: each outbox row is applied once. Embedded
   * engines live in each process: every instance applies every row.
   */
  readonly shared: boolean;
  readonly needs: SearchIndex<NeedDoc>;
  readonly orgs: SearchIndex<OrgDoc>;
  /** Whether documents need the hidden `_search` field filled by the builder (the embedded engine derives it itself). */
  readonly wantsHiddenField: boolean;
  close(): Promise<void>;
}

/** Errors every adapter maps its failures to, so callers can tell a bad request from an outage. */
export type SearchErrorCode =
  | "invalid_filter"
  | "invalid_sort"
  | "invalid_request"
  | "index_not_found"
  | "unavailable"
  | "timeout"
  | "unsupported_version"
  | "task_failed";

export class SearchError extends Error {
  constructor(
    readonly code: SearchErrorCode,
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "SearchError";
  }
}
