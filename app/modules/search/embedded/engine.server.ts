// The embedded search engine (the default): one in-process index per document type, mirroring Meilisearch's
// documented behaviour — filter grammar, facetDistribution and facetStats, exhaustive totalHits, offset/limit, the
// ranking rules in the configured order (words, typo, proximity, attribute, exactness, sort), synonyms, typo
// tolerance, prefix search on the last word, highlighting and cropping. Where it approximates Meilisearch is listed in
// docs/decisions/013-search.md.
import { hashId, type NeedDoc, type OrgDoc, type SearchDoc } from "../documents.ts";
import { filterAttributes, FilterSyntaxError, parseFilter, type FilterNode } from "../filter.ts";
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
import { analyse, normalizeText } from "../tokenizer.server.ts";
import { dictionaryKey, FAIR_FIELD, IndexCore } from "./core.server.ts";
import { compileSlotFilter, type FilterCache } from "./slot-filter.server.ts";
import { planQuery, synonymTable, type QueryGroup, type QueryPlan, type QueryWord, type SynonymTable, type TypoConfig } from "./query.server.ts";

const NONE = 255;
/** Attributes too long to ever equal a query (skipped by the exactness rule). */
const LONG_TEXT = new Set(["description", "cases", "summary"]);
/** Attributes whose word sequences the exactness and proximity rules compare. */
const EXACT_FIELDS = ["name", "title", "tags", "catalogName"];
const MAX_PREFIX_EXPANSIONS = 2000;

/** Lowest set bit of a 16-bit mask (the most important field a word was found in); 16 when empty. */
const LOWEST_BIT = (() => {
  const table = new Uint8Array(1 << 16);
  for (let mask = 0; mask < 1 << 16; mask++) {
    let bit = 0;
    while (bit < 16 && !(mask & (1 << bit))) bit++;
    table[mask] = bit;
  }
  return table;
})();

/** Per-document match data for one query group. */
type GroupMatch = {
  typo: Uint8Array; // NONE when the group does not match
  exact: Uint8Array; // 1 when matched with exact words only (no prefix, no typo, no synonym)
  any: Uint16Array; // fields where some word of the group matched
  touched: Int32Array;
  count: number;
};

type Retrieval = {
  groups: GroupMatch[];
  /** Dictionary words that matched, for highlighting. */
  matchedTerms: Set<string>;
  /** Prefixes (the last word) for highlighting the start of longer words. */
  prefixes: string[];
  /** Chinese query words that may sit inside longer document words (the hidden field), highlighted as substrings. */
  innerWords: string[];
};

type Expansion = { termId: number; cost: number; exact: boolean; typo: boolean };

/** A ranking rule: fills the keys (lower is better) of a bucket's slots in one call. */
type RuleKey = { smallInts?: boolean; fill: (slots: number[], keys: Float64Array) => void };

function bad(code: "invalid_filter" | "invalid_sort" | "invalid_request", message: string): never {
  throw new SearchError(code, message);
}

export class EmbeddedIndex<Doc extends SearchDoc> implements SearchIndex<Doc> {
  private core: IndexCore<Doc>;
  private settings: IndexSettings;
  private synonyms: SynonymTable = new Map();
  private typo: TypoConfig;
  private typoDisabledMask = 0;
  private displayed: string[];

  constructor(
    readonly name: "needs" | "orgs",
    settings: IndexSettings,
  ) {
    this.settings = settings;
    this.core = this.newCore(settings);
    this.typo = this.typoConfig(settings);
    this.displayed = settings.displayedAttributes;
    this.synonyms = synonymTable(settings.synonyms);
  }

  private newCore(settings: IndexSettings) {
    return new IndexCore<Doc>({
      searchable: settings.searchableAttributes,
      facetable: settings.filterableAttributes,
      sortable: settings.sortableAttributes,
      longText: [...LONG_TEXT],
      stored: [...new Set([...settings.displayedAttributes, ...settings.filterableAttributes])],
      exact: EXACT_FIELDS,
    });
  }

  private typoConfig(settings: IndexSettings): TypoConfig {
    const t = settings.typoTolerance;
    this.typoDisabledMask = 0;
    settings.searchableAttributes.forEach((attr, field) => {
      if (t.disableOnAttributes.includes(attr)) this.typoDisabledMask |= 1 << field;
    });
    return { enabled: t.enabled, oneTypo: t.minWordSizeForTypos.oneTypo, twoTypos: t.minWordSizeForTypos.twoTypos, disableOnNumbers: t.disableOnNumbers };
  }

  get documentCount() {
    return this.core.size;
  }

  async applySettings(settings: IndexSettings): Promise<void> {
    const structural =
      settings.searchableAttributes.join() !== this.settings.searchableAttributes.join() ||
      settings.filterableAttributes.join() !== this.settings.filterableAttributes.join() ||
      settings.stopWords.join() !== this.settings.stopWords.join();
    const docs = structural ? this.core.docs.flatMap((_, slot) => this.core.materialize(slot) ?? []) : [];
    this.settings = settings;
    this.typo = this.typoConfig(settings);
    this.displayed = settings.displayedAttributes;
    this.synonyms = synonymTable(settings.synonyms);
    if (structural) {
      const core = this.newCore(settings);
      for (const doc of docs) core.add(doc);
      this.core = core;
    }
  }

  async applySynonyms(synonyms: Record<string, string[]>): Promise<void> {
    this.settings = { ...this.settings, synonyms };
    this.synonyms = synonymTable(synonyms);
  }

  async upsert(docs: Doc[]): Promise<void> {
    for (const doc of docs) this.core.add(doc);
    this.core.maybeVacuum();
  }

  async delete(ids: number[]): Promise<void> {
    for (const id of ids) this.core.remove(id);
    this.core.maybeVacuum();
  }

  async replaceAll(batches: AsyncIterable<Doc[]>, onProgress?: (done: number) => void): Promise<number> {
    const core = this.newCore(this.settings);
    let done = 0;
    for await (const batch of batches) {
      for (const doc of batch) core.add(doc);
      done += batch.length;
      onProgress?.(done);
      // Let the event loop breathe between batches (the server keeps answering while it rebuilds).
      await new Promise((resolve) => setImmediate(resolve));
    }
    core.trim();
    this.core = core;
    return done;
  }

  async getDocument(id: number): Promise<Doc | null> {
    const slot = this.core.slotOf.get(id);
    return slot === undefined ? null : (this.core.materialize(slot) ?? null);
  }

  async health(): Promise<IndexHealth> {
    return { ok: true, documents: this.core.size };
  }

  async search(request: SearchRequest): Promise<SearchResponse<Doc>> {
    return this.searchSync(request, new Map());
  }

  /** Several requests at once; they share query matching and filter conditions (a page and its facet counts). */
  async multiSearch(requests: SearchRequest[]): Promise<SearchResponse<Doc>[]> {
    const cache = new Map<string, { plan: QueryPlan; retrieval: Retrieval | null }>();
    const filters: FilterCache = new Map();
    // Shared condition results pay off when requests scan every document (no query words); with words only the
    // few matching documents are tested.
    return requests.map((request) => this.searchSync(request, cache, requests.length > 1 && !request.q?.trim() ? filters : undefined));
  }

  // ───────────────────────────── search ─────────────────────────────

  private validate(request: SearchRequest) {
    const filterable = new Set(this.settings.filterableAttributes);
    const sortable = new Set(this.settings.sortableAttributes);
    let node: FilterNode | null;
    try {
      node = parseFilter(request.filter);
      for (const attr of filterAttributes(node)) {
        if (!filterable.has(attr)) bad("invalid_filter", `Attribute \`${attr}\` is not filterable. Filterable attributes: ${[...filterable].join(", ")}.`);
      }
    } catch (error) {
      if (error instanceof FilterSyntaxError) bad("invalid_filter", `Invalid filter: ${error.message} (at ${error.position}).`);
      throw error;
    }
    for (const facet of request.facets ?? []) {
      if (facet !== "*" && !filterable.has(facet)) bad("invalid_request", `Attribute \`${facet}\` is not filterable, so it cannot be a facet.`);
    }
    const sort = (request.sort ?? []).map((spec) => {
      const match = /^([A-Za-z_][A-Za-z0-9_.]*):(asc|desc)$/.exec(spec.trim());
      if (!match) bad("invalid_sort", `Invalid sort \`${spec}\`: expected \`attribute:asc\` or \`attribute:desc\`.`);
      if (!sortable.has(match[1])) bad("invalid_sort", `Attribute \`${match[1]}\` is not sortable.`);
      return { attr: match[1], desc: match[2] === "desc" };
    });
    const offset = Math.max(0, Math.floor(request.offset ?? 0));
    const limit = Math.max(0, Math.floor(request.limit ?? 20));
    return { node, sort, offset, limit };
  }

  private searchSync(request: SearchRequest, cache: Map<string, { plan: QueryPlan; retrieval: Retrieval | null }>, filters?: FilterCache): SearchResponse<Doc> {
    const started = performance.now();
    const { node, sort, offset, limit } = this.validate(request);
    const core = this.core;
    const predicate = compileSlotFilter(node, core, filters);
    const q = request.q ?? "";
    let cached = cache.get(q);
    if (!cached) {
      const plan = planQuery(q, this.synonyms, this.typo);
      cached = { plan, retrieval: plan.groups.length > 0 ? this.retrieve(plan) : null };
      cache.set(q, cached);
    }
    const { plan, retrieval } = cached;
    const strategy = request.matchingStrategy ?? "all";

    // Candidates: documents that match the words (or every document for an empty query) and the filter.
    const hits: number[] = [];
    let wordsMatched: Uint8Array | null = null;
    if (!retrieval) {
      const docs = core.docs;
      for (let slot = 0; slot < core.slotCount; slot++) {
        if (docs[slot] !== undefined && predicate(slot)) hits.push(slot);
      }
    } else if (strategy === "all") {
      const ordered = [...retrieval.groups].sort((a, b) => a.count - b.count);
      const smallest = ordered[0];
      for (let i = 0; i < smallest.count; i++) {
        const slot = smallest.touched[i];
        let all = true;
        for (let g = 1; g < ordered.length; g++) {
          if (ordered[g].typo[slot] === NONE) {
            all = false;
            break;
          }
        }
        if (!all) continue;
        if (core.docs[slot] !== undefined && predicate(slot)) hits.push(slot);
      }
    } else {
      // "last": documents matching the first word at least; more leading words matched rank higher.
      wordsMatched = new Uint8Array(core.slotCount);
      const first = retrieval.groups[0];
      for (let i = 0; i < first.count; i++) {
        const slot = first.touched[i];
        if (core.docs[slot] === undefined || !predicate(slot)) continue;
        let k = 1;
        while (k < retrieval.groups.length && retrieval.groups[k].typo[slot] !== NONE) k++;
        wordsMatched[slot] = k;
        hits.push(slot);
      }
    }

    const facetDistribution: Record<string, Record<string, number>> = {};
    const facetStats: Record<string, { min: number; max: number }> = {};
    const facets = (request.facets ?? []).includes("*") ? this.settings.filterableAttributes : (request.facets ?? []);
    for (const facet of facets) this.countFacet(facet, hits, facetDistribution, facetStats);

    const needed = offset + limit;
    const ordered = needed === 0 || hits.length === 0 ? [] : this.rank(hits, plan, retrieval, wordsMatched, sort, needed);
    const page = ordered.slice(offset, offset + limit);
    const formatted = this.formatter(request, plan, retrieval);
    const result: Hit<Doc>[] = page.map((slot) => formatted(core.materialize(slot) as Doc));
    return {
      hits: result,
      query: q,
      offset,
      limit,
      totalHits: Math.min(hits.length, this.settings.maxTotalHits),
      facetDistribution,
      facetStats,
      processingTimeMs: Math.round(performance.now() - started),
    };
  }

  private expansions(word: QueryWord): Expansion[] {
    const core = this.core;
    const out: Expansion[] = [];
    const exactId = core.terms.get(word.word);
    if (exactId !== undefined) out.push({ termId: exactId, cost: 0, exact: true, typo: false });
    if (word.prefix) {
      let count = 0;
      for (const [, termId] of core.dictionary.atPrefix(dictionaryKey(word.word))) {
        if (termId === exactId) continue;
        out.push({ termId, cost: 0, exact: false, typo: false });
        if (++count >= MAX_PREFIX_EXPANSIONS) break;
      }
    }
    if (word.typos > 0) {
      // Meilisearch counts swapping two neighbouring letters as one typo; MiniSearch's Levenshtein counts two, so
      // look one edit further and measure each candidate again with transpositions.
      for (const [key, [termId, levenshtein]] of core.dictionary.fuzzyGet(dictionaryKey(word.word), word.typos + 1)) {
        if (levenshtein === 0 || termId === exactId) continue;
        // As in Meilisearch, a typo on the first letter is too costly: it is not a match.
        if (key[0] !== word.word[0]) continue;
        const distance = levenshtein <= word.typos ? levenshtein : optimalStringAlignment(word.word, key, word.typos);
        if (distance > word.typos) continue;
        out.push({ termId, cost: distance, exact: false, typo: true });
      }
    }
    return out;
  }

  private matchWord(word: QueryWord, size: number, terms: Set<string>) {
    const core = this.core;
    const typo = new Uint8Array(size).fill(NONE);
    const exact = new Uint8Array(size);
    const mask = new Uint16Array(size);
    const touched: number[] = [];
    for (const expansion of this.expansions(word)) {
      const postings = core.postings[expansion.termId];
      if (postings.length === 0) continue;
      let used = false;
      for (let i = 0; i < postings.length; i++) {
        const slot = postings.slots[i];
        if (core.docs[slot] === undefined) continue;
        let m = postings.masks[i];
        if (expansion.typo) m &= ~this.typoDisabledMask;
        if (m === 0) continue;
        used = true;
        if (typo[slot] === NONE) touched.push(slot);
        if (expansion.cost < typo[slot]) typo[slot] = expansion.cost;
        if (expansion.exact) exact[slot] = 1;
        mask[slot] |= m;
      }
      if (used) terms.add(this.termOf(expansion.termId));
    }
    return { typo, exact, mask, touched };
  }

  private termNames: string[] | null = null;
  private termNamesFor = -1;
  private termOf(termId: number): string {
    if (!this.termNames || this.termNamesFor !== this.core.terms.size) {
      this.termNames = [];
      for (const [term, id] of this.core.terms) this.termNames[id] = term;
      this.termNamesFor = this.core.terms.size;
    }
    return this.termNames[termId];
  }

  private retrieve(plan: QueryPlan): Retrieval {
    const size = this.core.slotCount;
    const matchedTerms = new Set<string>();
    const groups = plan.groups.map((group) => this.matchGroup(group, size, matchedTerms));
    const prefixes = plan.groups.flatMap((group) => group.alternatives[0].filter((w) => w.prefix).map((w) => w.word));
    const innerWords = plan.groups.flatMap((group) => group.alternatives.flat().map((w) => w.word)).filter((w) => /\p{Script=Han}/u.test(w) && [...w].length >= 2);
    return { groups, matchedTerms, prefixes, innerWords };
  }

  private matchGroup(group: QueryGroup, size: number, terms: Set<string>): GroupMatch {
    if (group.alternatives.length === 1 && group.alternatives[0].length === 1) {
      // The common case (one word, no synonyms): the word's arrays are the group's.
      const word = this.matchWord(group.alternatives[0][0], size, terms);
      return { typo: word.typo, exact: word.exact, any: word.mask, touched: Int32Array.from(word.touched), count: word.touched.length };
    }
    const typo = new Uint8Array(size).fill(NONE);
    const exact = new Uint8Array(size);
    const any = new Uint16Array(size);
    const touched: number[] = [];
    group.alternatives.forEach((alternative, index) => {
      const isSynonym = index > 0;
      const words = alternative.map((word) => this.matchWord(word, size, terms));
      // Documents that contain every word of this alternative.
      const [first, ...rest] = words;
      for (const slot of first.touched) {
        let cost = first.typo[slot];
        let allExact = first.exact[slot] === 1;
        let fields = first.mask[slot];
        let ok = true;
        for (const word of rest) {
          const t = word.typo[slot];
          if (t === NONE) {
            ok = false;
            break;
          }
          cost += t;
          allExact &&= word.exact[slot] === 1;
          fields |= word.mask[slot];
        }
        if (!ok) continue;
        if (typo[slot] === NONE) touched.push(slot);
        if (cost < typo[slot]) typo[slot] = cost;
        if (allExact && !isSynonym) exact[slot] = 1;
        any[slot] |= fields;
      }
    });
    return { typo, exact, any, touched: Int32Array.from(touched), count: touched.length };
  }

  // ───────────────────────────── facets ─────────────────────────────

  private countFacet(
    facet: string,
    hits: number[],
    distribution: Record<string, Record<string, number>>,
    stats: Record<string, { min: number; max: number }>,
  ) {
    const entries: [string, number][] = [];
    const column = this.core.facets.get(facet);
    if (column) {
      const counts = new Int32Array(column.names.length);
      const first = column.first.data;
      const more = column.more;
      for (let h = 0; h < hits.length; h++) {
        const code = first[hits[h]];
        if (code >= 0) counts[code]++;
      }
      if (more) {
        const start = more.start.data;
        const count = more.count.data;
        const pool = more.pool.data;
        for (let h = 0; h < hits.length; h++) {
          const slot = hits[h];
          for (let i = start[slot], end = i + count[slot]; i < end; i++) counts[pool[i]]++;
        }
      }
      counts.forEach((count, code) => {
        if (count > 0) entries.push([column.names[code], count]);
      });
    }
    // Numbers (budgets, dates) are not dictionary-encoded: counted here, only when asked for.
    const numbers = this.core.numbers.get(facet);
    if (numbers && !numbers.arrays) {
      const data = numbers.values.data;
      const counts = new Map<number, number>();
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let h = 0; h < hits.length; h++) {
        const value = data[hits[h]];
        if (value !== value) continue;
        counts.set(value, (counts.get(value) ?? 0) + 1);
        if (value < min) min = value;
        if (value > max) max = value;
      }
      for (const [value, count] of counts) entries.push([String(value), count]);
      if (counts.size > 0 && !column) stats[facet] = { min, max };
    }
    entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    distribution[facet] = Object.fromEntries(entries.slice(0, this.settings.maxValuesPerFacet));
  }

  // ───────────────────────────── ranking ─────────────────────────────

  private rank(
    hits: number[],
    plan: QueryPlan,
    retrieval: Retrieval | null,
    wordsMatched: Uint8Array | null,
    sort: { attr: string; desc: boolean }[],
    needed: number,
  ): number[] {
    const docs = this.core.docs as unknown as Record<string, unknown>[];
    const rules: RuleKey[] = [];
    for (const rule of this.settings.rankingRules) {
      if (rule === "sort") {
        for (const { attr, desc } of sort) {
          const sign = desc ? -1 : 1;
          const fair = FAIR_FIELD.exec(attr);
          if (fair) {
            // Today's fair order: a hash of the id (the same values Meilisearch stores in fair0…fair6).
            const salt = Number(fair[1]);
            const ids = this.core.ids.data;
            rules.push({
              fill: (slots, keys) => {
                for (let i = 0; i < slots.length; i++) keys[i] = sign * hashId(ids[slots[i]], salt);
              },
            });
            continue;
          }
          const column = this.core.numbers.get(attr)?.values.data ?? new Float64Array(0);
          const facet = this.core.facets.get(attr);
          rules.push({
            fill: (slots, keys) => {
              for (let i = 0; i < slots.length; i++) {
                const slot = slots[i];
                const n = column[slot];
                if (n !== undefined && n === n) {
                  keys[i] = sign * n; // a number (not NaN)
                  continue;
                }
                // Text values sort by rank; documents without the attribute come last, as in Meilisearch.
                const value = facet && !facet.array ? (facet.first.data[slot] >= 0 ? facet.values[facet.first.data[slot]] : null) : docs[slot][attr];
                keys[i] = typeof value === "string" ? this.stringRank(attr, value, desc) : Number.POSITIVE_INFINITY;
              }
            },
          });
        }
        continue;
      }
      if (!retrieval) continue; // relevance rules do nothing without query words
      const groups = retrieval.groups;
      switch (rule) {
        case "words":
          if (wordsMatched) {
            const matched = wordsMatched;
            rules.push({
              smallInts: true,
              fill: (slots, keys) => {
                for (let i = 0; i < slots.length; i++) keys[i] = groups.length - matched[slots[i]];
              },
            });
          }
          break;
        case "typo":
          rules.push({
            smallInts: true,
            fill: (slots, keys) => {
              for (let i = 0; i < slots.length; i++) {
                const slot = slots[i];
                let sum = 0;
                for (let g = 0; g < groups.length; g++) {
                  const t = groups[g].typo[slot];
                  if (t !== NONE) sum += t;
                }
                keys[i] = sum;
              }
            },
          });
          break;
        case "proximity":
          if (groups.length > 1) rules.push({ smallInts: true, fill: this.proximityKey(plan, groups) });
          break;
        case "attribute":
          rules.push({
            smallInts: true,
            fill: (slots, keys) => {
              for (let i = 0; i < slots.length; i++) {
                const slot = slots[i];
                let sum = 0;
                for (let g = 0; g < groups.length; g++) sum += groups[g].typo[slot] === NONE ? 16 : LOWEST_BIT[groups[g].any[slot]];
                keys[i] = sum;
              }
            },
          });
          break;
        case "exactness":
          rules.push({ smallInts: true, fill: this.exactnessKey(plan, groups) });
          break;
        default:
          break; // custom "attr:asc" rules are not used by this project
      }
    }
    const out: number[] = [];
    bucketSort(hits, rules, 0, needed, out);
    return out;
  }

  private stringRanks = new Map<string, { version: number; ranks: Map<string, number> }>();
  private stringRank(attr: string, value: string, desc: boolean) {
    let entry = this.stringRanks.get(attr);
    if (!entry || entry.version !== this.core.docs.length) {
      const facet = this.core.facets.get(attr);
      const source = facet ? facet.values : this.core.docs.map((doc) => (doc as Record<string, unknown> | undefined)?.[attr]);
      const values = [...new Set(source.filter((v): v is string => typeof v === "string"))].sort();
      entry = { version: this.core.docs.length, ranks: new Map(values.map((v, i) => [v, i])) };
      this.stringRanks.set(attr, entry);
    }
    const rank = entry.ranks.get(value) ?? 0;
    return desc ? -rank : rank;
  }

  /** The exact term ids of the query's words, in order (-1 for a word no document contains). */
  private queryTermIds(plan: QueryPlan): number[] {
    return plan.groups.flatMap((group) => group.original.map((word) => this.core.terms.get(word) ?? -1));
  }

  /**
   * 0: the words appear next to each other, in order, in a name, title or tag; 1: they are all in one attribute;
   * 2: spread over attributes. (Meilisearch measures distances everywhere; descriptions only reach level 1 here.)
   */
  private proximityKey(plan: QueryPlan, groups: GroupMatch[]) {
    const wanted = this.queryTermIds(plan);
    const known = !wanted.includes(-1);
    const starts = this.core.sequences.start.data;
    const counts = this.core.sequences.count.data;
    const seq = this.core.sequences.pool.data;
    const level = (slot: number) => {
      let common = 0xffff;
      for (const g of groups) common &= g.any[slot];
      if (common === 0) return 2;
      if (known) {
        const end = starts[slot] + counts[slot];
        for (let i = starts[slot]; i < end; ) {
          const length = seq[i + 1];
          const start = i + 2;
          if (!(common & (1 << seq[i]))) {
            i = start + length;
            continue;
          }
          for (let p = start; p + wanted.length <= start + length; p++) {
            let k = 0;
            while (k < wanted.length && seq[p + k] === wanted[k]) k++;
            if (k === wanted.length) return 0;
          }
          i = start + length;
        }
      }
      return 1;
    };
    return (slots: number[], keys: Float64Array) => {
      for (let i = 0; i < slots.length; i++) keys[i] = level(slots[i]);
    };
  }

  /**
   * 0: a name, title or tag consists of exactly the query's words; 1: one starts with them; 2: every word matched
   * exactly (no prefix, typo or synonym); 3: otherwise.
   */
  private exactnessKey(plan: QueryPlan, groups: GroupMatch[]) {
    const wanted = this.queryTermIds(plan);
    const seqStart = this.core.sequences.start.data;
    const seqCount = this.core.sequences.count.data;
    const seq = this.core.sequences.pool.data;
    const usable = wanted.length > 0 && !wanted.includes(-1);
    const level = (slot: number) => {
      let starts = false;
      if (usable) {
        const end = seqStart[slot] + seqCount[slot];
        for (let i = seqStart[slot]; i < end; ) {
          const length = seq[i + 1];
          const start = i + 2;
          if (length >= wanted.length) {
            let k = 0;
            while (k < wanted.length && seq[start + k] === wanted[k]) k++;
            if (k === wanted.length) {
              if (length === wanted.length) return 0;
              starts = true;
            }
          }
          i = start + length;
        }
      }
      if (starts) return 1;
      for (const g of groups) if (g.exact[slot] !== 1) return 3;
      return 2;
    };
    return (slots: number[], keys: Float64Array) => {
      for (let i = 0; i < slots.length; i++) keys[i] = level(slots[i]);
    };
  }

  // ───────────────────────────── highlighting and cropping ─────────────────────────────

  private formatter(request: SearchRequest, plan: QueryPlan, retrieval: Retrieval | null) {
    const retrieve = request.attributesToRetrieve && !request.attributesToRetrieve.includes("*")
      ? this.displayed.filter((attr) => request.attributesToRetrieve!.includes(attr))
      : this.displayed;
    const expand = (list: string[] | undefined) =>
      (list ?? []).flatMap((item) => {
        const [attr, length] = item.split(":");
        const attrs = attr === "*" ? retrieve : [attr];
        return attrs.map((a) => ({ attr: a, length: length ? Number(length) : undefined }));
      });
    const highlight = new Set(expand(request.attributesToHighlight).map((item) => item.attr));
    const crop = new Map(expand(request.attributesToCrop).map((item) => [item.attr, item.length ?? request.cropLength ?? 10]));
    const pre = request.highlightPreTag ?? "<em>";
    const post = request.highlightPostTag ?? "</em>";
    const marker = request.cropMarker ?? "…";
    const wantFormatted = highlight.size > 0 || crop.size > 0;
    const matcher = retrieval ? makeMatcher(retrieval) : null;

    return (doc: Doc): Hit<Doc> => {
      const record = doc as unknown as Record<string, unknown>;
      const hit: Record<string, unknown> = {};
      for (const attr of retrieve) if (attr in record) hit[attr] = record[attr];
      if (wantFormatted) {
        const formatted: Record<string, unknown> = {};
        for (const attr of retrieve) {
          if (!(attr in record)) continue;
          const value = record[attr];
          const shape = (text: string) => formatText(text, matcher, highlight.has(attr), crop.get(attr), pre, post, marker);
          if (typeof value === "string" && (highlight.has(attr) || crop.has(attr))) formatted[attr] = shape(value);
          else if (Array.isArray(value) && (highlight.has(attr) || crop.has(attr))) formatted[attr] = value.map((v) => (typeof v === "string" ? shape(v) : v));
          else formatted[attr] = typeof value === "number" ? String(value) : value;
        }
        hit._formatted = formatted;
      }
      return hit as Hit<Doc>;
    };
  }
}

/** Edit distance counting a swap of neighbouring characters as one edit; stops early above `max`. */
export function optimalStringAlignment(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0][j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      rows[i][j] = value;
      if (value < best) best = value;
    }
    if (i > 0 && best > max) return max + 1;
  }
  return rows[a.length][b.length];
}

type Matcher = (word: string) => [number, number] | null;

function makeMatcher(retrieval: Retrieval): Matcher {
  return (word) => {
    if (retrieval.matchedTerms.has(word)) return [0, word.length];
    for (const prefix of retrieval.prefixes) if (prefix && word.startsWith(prefix)) return [0, prefix.length];
    for (const inner of retrieval.innerWords) {
      const at = word.indexOf(inner);
      if (at >= 0) return [at, at + inner.length];
    }
    return null;
  };
}

/** Crops to `cropLength` words around the first match and wraps matched words in the tags. */
export function formatText(
  text: string,
  matcher: Matcher | null,
  highlight: boolean,
  cropLength: number | undefined,
  pre: string,
  post: string,
  marker: string,
): string {
  // Nothing to mark, and too short to need cropping (a word is at least one character): no segmentation needed.
  if (!matcher && (cropLength === undefined || text.length <= cropLength)) return text;
  const normalized = normalizeText(text);
  if (normalized.length !== text.length) return cropLength ? text.slice(0, cropLength * 2) : text; // offsets would not line up
  const tokens = analyse(normalized).tokens;
  const ranges: [number, number][] = [];
  let firstMatch = -1;
  if (matcher) {
    tokens.forEach((token, index) => {
      const hit = matcher(token.word);
      if (hit) {
        ranges.push([token.start + hit[0], token.start + hit[1]]);
        if (firstMatch < 0) firstMatch = index;
      }
    });
  }
  let from = 0;
  let to = text.length;
  let before = "";
  let after = "";
  if (cropLength !== undefined && tokens.length > cropLength) {
    const half = Math.floor((cropLength - 1) / 2);
    let start = firstMatch < 0 ? 0 : Math.max(0, firstMatch - half);
    const end = Math.min(tokens.length, start + cropLength);
    start = Math.max(0, end - cropLength);
    from = start === 0 ? 0 : tokens[start].start;
    to = end === tokens.length ? text.length : tokens[end - 1].end;
    if (from > 0) before = marker;
    if (to < text.length) after = marker;
  }
  let out = "";
  let cursor = from;
  if (highlight) {
    // Merge touching ranges so 助 and 餐 read as one highlighted 助餐.
    const merged: [number, number][] = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([...range]);
    }
    for (const [start, end] of merged) {
      if (end <= from || start >= to) continue;
      const s = Math.max(start, from);
      const e = Math.min(end, to);
      out += text.slice(cursor, s) + pre + text.slice(s, e) + post;
      cursor = e;
    }
  }
  out += text.slice(cursor, to);
  return before + out + after;
}

/**
 * Orders `slots` by the rules, bucket by bucket like Meilisearch: a rule only breaks the ties the rules before it
 * left, and buckets beyond the requested page are never ordered further. Final ties keep index order.
 */
function bucketSort(slots: number[], rules: RuleKey[], ruleIndex: number, needed: number, out: number[]) {
  if (out.length >= needed) return;
  if (ruleIndex >= rules.length || slots.length <= 1) {
    // Final ties keep index order.
    let ascending = true;
    for (let i = 1; i < slots.length && ascending; i++) ascending = slots[i - 1] < slots[i];
    if (!ascending) slots = [...slots].sort((a, b) => a - b);
    for (const slot of slots) {
      if (out.length >= needed) return;
      out.push(slot);
    }
    return;
  }
  const rule = rules[ruleIndex];
  const n = slots.length;
  const keys = new Float64Array(n);
  rule.fill(slots, keys);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (min === max) {
    bucketSort(slots, rules, ruleIndex + 1, needed, out);
    return;
  }
  const remaining = needed - out.length;
  if (rule.smallInts && Number.isFinite(min) && Number.isFinite(max) && max - min < 4096) {
    // Counting sort into buckets: O(n).
    const buckets: number[][] = Array.from({ length: max - min + 1 }, () => []);
    for (let i = 0; i < n; i++) buckets[keys[i] - min].push(slots[i]);
    for (const bucket of buckets) {
      if (out.length >= needed) return;
      if (bucket.length > 0) bucketSort(bucket, rules, ruleIndex + 1, needed, out);
    }
    return;
  }
  let order: number[];
  if (n > 256 && remaining * 4 < n) {
    // Only the first `remaining` positions matter: find the key at that rank, keep what is not after it.
    const threshold = kthSmallest(keys, remaining);
    order = [];
    for (let i = 0; i < n; i++) if (keys[i] <= threshold) order.push(i);
  } else {
    order = Array.from({ length: n }, (_, i) => i);
  }
  order.sort((a, b) => keys[a] - keys[b] || slots[a] - slots[b] || 0);
  for (let i = 0; i < order.length; ) {
    if (out.length >= needed) return;
    let j = i + 1;
    while (j < order.length && keys[order[j]] === keys[order[i]]) j++;
    const run = order.slice(i, j).map((index) => slots[index]);
    bucketSort(run, rules, ruleIndex + 1, needed, out);
    i = j;
  }
}

/** The k-th smallest value (1-based) of `values`, with a bounded max-heap: O(n log k). */
function kthSmallest(values: Float64Array, k: number): number {
  const heap: number[] = [];
  const push = (v: number) => {
    heap.push(v);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent] >= heap[i]) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  };
  const replaceTop = (v: number) => {
    heap[0] = v;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let largest = i;
      if (l < heap.length && heap[l] > heap[largest]) largest = l;
      if (r < heap.length && heap[r] > heap[largest]) largest = r;
      if (largest === i) break;
      [heap[largest], heap[i]] = [heap[i], heap[largest]];
      i = largest;
    }
  };
  for (let i = 0; i < values.length; i++) {
    if (heap.length < k) push(values[i]);
    else if (values[i] < heap[0]) replaceTop(values[i]);
  }
  return heap[0];
}

/** The embedded engine: one in-memory index per document type, in this process. */
export class EmbeddedEngine implements SearchEngine {
  readonly kind = "embedded" as const;
  readonly shared = false;
  readonly wantsHiddenField = false;
  readonly needs: EmbeddedIndex<NeedDoc>;
  readonly orgs: EmbeddedIndex<OrgDoc>;
  constructor(settings: { needs: IndexSettings; orgs: IndexSettings }) {
    this.needs = new EmbeddedIndex<NeedDoc>("needs", settings.needs);
    this.orgs = new EmbeddedIndex<OrgDoc>("orgs", settings.orgs);
  }
  async close() {}
}
