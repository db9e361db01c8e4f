// The embedded engine's data: documents, an inverted index on typed arrays, and dictionary-encoded facet values.
//
// Why not MiniSearch's own document index: on 43k Chinese organization documents it took 45 s to build (its radix
// tree scans a node's children linearly, and a Chinese vocabulary puts thousands of first characters under the root)
// and 130–180 ms to answer a one-word query that matches most documents (it scores and allocates a result object per
// document and field). We keep MiniSearch's SearchableMap — its radix tree with prefix and fuzzy (Levenshtein)
// lookup — as the term dictionary, with keys escaped so that no node has more than a few dozen children, and keep
// postings in compact typed arrays. See docs/decisions/013-search.md for the figures.
import SearchableMap from "minisearch/SearchableMap";
import { analyse, isStopWord, normalizeText } from "../tokenizer.server.ts";

/** Postings of one term: the slots of the documents containing it (ascending) and a bit mask of the fields. */
export class Postings {
  slots: Int32Array;
  masks: Uint16Array;
  length = 0;
  constructor(capacity = 4) {
    this.slots = new Int32Array(capacity);
    this.masks = new Uint16Array(capacity);
  }
  push(slot: number, mask: number) {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const masks = new Uint16Array(this.masks.length * 2);
      masks.set(this.masks);
      this.masks = masks;
    }
    this.slots[this.length] = slot;
    this.masks[this.length] = mask;
    this.length++;
  }
  /** Gives back unused capacity (after a bulk build). */
  trim() {
    if (this.slots.length === this.length) return;
    this.slots = this.slots.slice(0, Math.max(this.length, 1));
    this.masks = this.masks.slice(0, Math.max(this.length, 1));
  }
}

/**
 * Dictionary keys: ASCII stays as it is (so fuzzy matching of Latin words works on real characters); every other
 * UTF-16 unit becomes "~" and four hex digits. A prefix of a word maps to a prefix of its key.
 */
export function dictionaryKey(term: string): string {
  let out = "";
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    out += code < 0x80 ? term[i] : `~${code.toString(16).padStart(4, "0")}`;
  }
  return out;
}

export function dictionaryTerm(key: string): string {
  return key.replace(/~([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** An Int32Array that grows as slots are added. */
export class GrowInt32 {
  data: Int32Array;
  constructor(readonly fill = 0) {
    this.data = new Int32Array(1024).fill(fill);
  }
  set(index: number, value: number) {
    if (index >= this.data.length) {
      const next = new Int32Array(Math.max(index + 1, this.data.length * 2)).fill(this.fill);
      next.set(this.data);
      this.data = next;
    }
    this.data[index] = value;
  }
  /** Gives back spare capacity. */
  trim(length: number) {
    if (this.data.length > length) this.data = this.data.slice(0, Math.max(length, 1));
  }
}

/** A Float64Array that grows as slots are added (NaN: no number). */
export class GrowFloat64 {
  data = new Float64Array(1024).fill(Number.NaN);
  set(index: number, value: number) {
    if (index >= this.data.length) {
      const next = new Float64Array(Math.max(index + 1, this.data.length * 2)).fill(Number.NaN);
      next.set(this.data);
      this.data = next;
    }
    this.data[index] = value;
  }
  trim(length: number) {
    if (this.data.length > length) this.data = this.data.slice(0, Math.max(length, 1));
  }
}

/**
 * A short list of integers per slot, all in one pooled array (60k small typed arrays would cost more in object
 * headers than in data). Replaced lists leave garbage in the pool until the next vacuum.
 */
export class SlotLists {
  start = new GrowInt32();
  count = new GrowInt32();
  pool = new GrowInt32();
  used = 0;
  set(slot: number, values: ArrayLike<number>) {
    this.start.set(slot, this.used);
    this.count.set(slot, values.length);
    for (let i = 0; i < values.length; i++) this.pool.set(this.used++, values[i]);
  }
  clear(slot: number) {
    this.start.set(slot, 0);
    this.count.set(slot, 0);
  }
  trim(slots: number) {
    this.start.trim(slots);
    this.count.trim(slots);
    this.pool.trim(this.used);
  }
  /** A copy holding only the kept slots, renumbered. */
  remap(remap: Int32Array): SlotLists {
    const next = new SlotLists();
    for (let slot = 0; slot < remap.length; slot++) {
      if (remap[slot] < 0) continue;
      const start = this.start.data[slot];
      next.set(remap[slot], this.pool.data.subarray(start, start + this.count.data[slot]));
    }
    return next;
  }
}

/**
 * A filterable attribute's values, dictionary-encoded by slot: the first value's code (-1: none) and, for array
 * values, the codes of the others. Filters and facet counts read these instead of the documents.
 */
export type FacetColumn = {
  codes: Map<string, number>;
  names: string[];
  /** The original values (number, string or boolean) behind the names, to rebuild documents. */
  values: unknown[];
  /** Whether the attribute holds arrays. */
  array: boolean;
  first: GrowInt32;
  /** Created when a document first has more than one value here. */
  more: SlotLists | null;
};

/** A numeric attribute by slot; `arrays` is set once any document had an array there (then filters read documents). */
export type NumberColumn = { values: GrowFloat64; arrays: boolean };

export function facetKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

export type CoreOptions = {
  /** Searchable attributes in order (the last may be the hidden `_search`, which the core fills itself). */
  searchable: string[];
  facetable: string[];
  sortable: string[];
  /** Long text attributes (descriptions): indexed, but their word sequences are not kept. */
  longText: string[];
  /** Attributes kept in the stored document (the rest is indexed only). */
  stored: string[];
  /** Attributes whose word sequences are kept (names, titles, tags): what exactness and proximity compare. */
  exact: string[];
};

/** Longest element whose word sequence is kept for the exactness and proximity rules. */
const MAX_SEQUENCE = 32;

/** Today's fair-order fields are hashes of the id: computed when sorting, never stored (docs/decisions/013-search.md). */
export const FAIR_FIELD = /^fair([0-6])$/;

export const HIDDEN_FIELD = "_search";

/** One generation of the embedded index. `replaceAll` builds a new one and swaps it in. */
export class IndexCore<Doc extends { id: number }> {
  readonly searchable: string[];
  readonly hiddenField: number;
  docs: (Doc | undefined)[] = [];
  slotOf = new Map<number, number>();
  dead = 0;
  terms = new Map<string, number>();
  postings: Postings[] = [];
  dictionary = new SearchableMap<number>();
  facets = new Map<string, FacetColumn>();
  /**
   * Word sequences of the short attributes (names, titles, tags) by slot, flattened as
   * [field, length, termId × length, field, length, …]: what the exactness and proximity rules compare.
   */
  sequences = new SlotLists();
  readonly longFields: Set<number>;
  readonly exactFields: Set<number>;
  /**
   * Numeric attributes (sortable and filterable) by slot, read by filters and the sort rule; created when an
   * attribute first holds a number. Strings, booleans and arrays go to `facets` (dictionary-encoded) instead.
   */
  numbers = new Map<string, NumberColumn>();
  readonly columnAttrs: string[];
  private readonly facetable: Set<string>;
  /** The id of each slot (fair order is computed from it). */
  ids = new GrowInt32(-1);

  constructor(readonly options: CoreOptions) {
    if (options.searchable.length > 16) throw new Error("at most 16 searchable attributes");
    this.searchable = options.searchable;
    this.hiddenField = options.searchable.indexOf(HIDDEN_FIELD);
    this.longFields = new Set(options.searchable.flatMap((attr, field) => (options.longText.includes(attr) ? [field] : [])));
    this.exactFields = new Set(options.searchable.flatMap((attr, field) => (options.exact.includes(attr) ? [field] : [])));
    this.columnAttrs = [...new Set([...options.sortable, ...options.facetable])].filter((attr) => !FAIR_FIELD.test(attr));
    this.facetable = new Set(options.facetable);
  }

  get size() {
    return this.slotOf.size;
  }

  // Repeated short values (tag names, districts, kinds) are stored once, not once per document.
  private interned = new Map<string, string>();
  private intern(value: string) {
    if (value.length > 40) return value;
    const known = this.interned.get(value);
    if (known !== undefined) return known;
    this.interned.set(value, value);
    return value;
  }

  /**
   * The stored part of a document: displayed text (names, descriptions, tag names). Attributes kept in columns
   * (filterable ones, sortable numbers) are not stored twice: `materialize` puts them back.
   */
  private storedCopy(doc: Doc): Doc {
    const record = doc as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = { id: doc.id };
    for (const attr of this.options.stored) {
      if (attr === "id" || !(attr in record)) continue;
      const value = record[attr];
      if (this.facetable.has(attr) || (typeof value === "number" && this.columnAttrs.includes(attr))) continue;
      const shared = this.columnAttrs.includes(attr) || /Names?$/.test(attr);
      if (typeof value === "string") out[attr] = shared ? this.intern(value) : value;
      else if (Array.isArray(value)) out[attr] = value.map((item) => (typeof item === "string" ? this.intern(item) : item));
      else out[attr] = value;
    }
    return out as unknown as Doc;
  }

  /** Gives back spare capacity after a bulk build. */
  trim() {
    const slots = this.docs.length;
    for (const postings of this.postings) postings.trim();
    for (const column of this.facets.values()) {
      column.first.trim(slots);
      column.more?.trim(slots);
    }
    for (const column of this.numbers.values()) column.values.trim(slots);
    this.sequences.trim(slots);
    this.ids.trim(slots);
  }

  get slotCount() {
    return this.docs.length;
  }

  private termId(word: string): number {
    let id = this.terms.get(word);
    if (id === undefined) {
      id = this.postings.length;
      this.terms.set(word, id);
      this.postings.push(new Postings());
      this.dictionary.set(dictionaryKey(word), id);
    }
    return id;
  }

  add(doc: Doc) {
    if (this.slotOf.has(doc.id)) this.remove(doc.id);
    const slot = this.docs.length;
    this.docs.push(this.storedCopy(doc));
    this.slotOf.set(doc.id, slot);

    const masks = new Map<number, number>();
    const extras = new Set<string>();
    const sequence: number[] = [];
    const record = doc as unknown as Record<string, unknown>;
    this.searchable.forEach((attr, field) => {
      if (field === this.hiddenField) return;
      const raw = record[attr];
      const values = Array.isArray(raw) ? raw : [raw];
      const long = this.longFields.has(field);
      const keepSequence = this.exactFields.has(field);
      const bit = 1 << field;
      const texts = long && values.length > 1 ? [values.join("\n")] : values;
      for (const value of texts) {
        const text = typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
        if (!text) continue;
        const analysis = analyse(normalizeText(text));
        const ids: number[] = [];
        for (const token of analysis.tokens) {
          if (isStopWord(token.word)) continue;
          const id = this.termId(token.word);
          masks.set(id, (masks.get(id) ?? 0) | bit);
          if (keepSequence && ids.length < MAX_SEQUENCE) ids.push(id);
        }
        if (keepSequence && ids.length > 0) sequence.push(field, ids.length, ...ids);
        for (const extra of analysis.extras) extras.add(extra);
      }
    });
    this.sequences.set(slot, sequence);
    if (this.hiddenField >= 0) {
      const bit = 1 << this.hiddenField;
      for (const extra of extras) {
        const id = this.termId(extra);
        if (!masks.has(id)) masks.set(id, bit);
      }
    }
    for (const [id, mask] of masks) this.postings[id].push(slot, mask);

    this.ids.set(slot, doc.id);
    for (const attr of this.columnAttrs) this.setColumns(attr, slot, record[attr]);
  }

  /** Numbers go to a numeric column; strings, booleans and arrays to a dictionary-encoded one. */
  private setColumns(attr: string, slot: number, value: unknown) {
    let numbers = this.numbers.get(attr);
    let facet = this.facets.get(attr);
    if (typeof value === "number" && Number.isFinite(value)) {
      if (!numbers) this.numbers.set(attr, (numbers = { values: new GrowFloat64(), arrays: false }));
      numbers.values.set(slot, value);
      facet?.first.set(slot, -1);
      facet?.more?.clear(slot);
      return;
    }
    numbers?.values.set(slot, Number.NaN);
    if (value === null || value === undefined) {
      facet?.first.set(slot, -1);
      facet?.more?.clear(slot);
      return;
    }
    if (!this.facetable.has(attr)) return; // a sortable-only text attribute stays in the stored document
    if (!facet) this.facets.set(attr, (facet = { codes: new Map(), names: [], values: [], array: false, first: new GrowInt32(-1), more: null }));
    if (Array.isArray(value)) {
      facet.array = true;
      if (numbers) numbers.arrays = true;
      else this.numbers.set(attr, { values: new GrowFloat64(), arrays: true });
      const codes: number[] = [];
      for (const item of value) {
        const key = facetKey(item);
        if (key !== null) codes.push(this.facetCode(facet, key, item));
      }
      facet.first.set(slot, codes.length === 0 ? -1 : codes[0]);
      if (codes.length > 1) (facet.more ??= new SlotLists()).set(slot, codes.slice(1));
      else facet.more?.clear(slot);
    } else {
      const key = facetKey(value);
      facet.first.set(slot, key === null ? -1 : this.facetCode(facet, key, value));
      facet.more?.clear(slot);
    }
  }

  /** The full document of a slot: the stored part plus the attributes kept in columns. */
  materialize(slot: number): Doc | undefined {
    const stored = this.docs[slot] as unknown as Record<string, unknown> | undefined;
    if (!stored) return undefined;
    const out: Record<string, unknown> = { ...stored };
    for (const attr of this.columnAttrs) {
      if (attr in out) continue;
      const facet = this.facets.get(attr);
      const numbers = this.numbers.get(attr);
      if (facet?.array || numbers?.arrays) {
        const list: unknown[] = [];
        if (facet) {
          const first = facet.first.data[slot];
          if (first >= 0) list.push(facet.values[first]);
          if (facet.more) {
            const start = facet.more.start.data[slot];
            for (let i = start, end = start + facet.more.count.data[slot]; i < end; i++) list.push(facet.values[facet.more.pool.data[i]]);
          }
        }
        out[attr] = list;
        continue;
      }
      const number = numbers?.values.data[slot];
      if (number !== undefined && number === number) out[attr] = number;
      else if (facet && facet.first.data[slot] >= 0) out[attr] = facet.values[facet.first.data[slot]];
      else out[attr] = null;
    }
    return out as unknown as Doc;
  }

  private facetCode(column: FacetColumn, key: string, value: unknown) {
    let code = column.codes.get(key);
    if (code === undefined) {
      code = column.names.length;
      column.codes.set(key, code);
      column.names.push(key);
      column.values.push(value);
    }
    return code;
  }

  remove(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.docs[slot] = undefined;
    this.sequences.clear(slot);
    for (const column of this.facets.values()) {
      column.first.set(slot, -1);
      column.more?.clear(slot);
    }
    for (const column of this.numbers.values()) column.values.set(slot, Number.NaN);
    this.ids.set(slot, -1);
    this.dead++;
    return true;
  }

  alive(slot: number) {
    return this.docs[slot] !== undefined;
  }

  /** Drops deleted slots from every structure once they are a quarter of the index (renumbering the rest). */
  maybeVacuum() {
    if (this.dead < 1000 || this.dead < this.docs.length / 4) return false;
    this.vacuum();
    return true;
  }

  vacuum() {
    const remap = new Int32Array(this.docs.length).fill(-1);
    const docs: Doc[] = [];
    this.docs.forEach((doc, slot) => {
      if (doc) {
        remap[slot] = docs.length;
        docs.push(doc);
      }
    });
    for (const postings of this.postings) {
      let w = 0;
      for (let r = 0; r < postings.length; r++) {
        const next = remap[postings.slots[r]];
        if (next >= 0) {
          postings.slots[w] = next;
          postings.masks[w] = postings.masks[r];
          w++;
        }
      }
      postings.length = w;
    }
    for (const column of this.facets.values()) {
      const first = new GrowInt32(-1);
      for (let slot = 0; slot < remap.length; slot++) if (remap[slot] >= 0) first.set(remap[slot], column.first.data[slot]);
      column.first = first;
      column.more = column.more?.remap(remap) ?? null;
    }
    const ids = new GrowInt32(-1);
    for (let slot = 0; slot < remap.length; slot++) if (remap[slot] >= 0) ids.set(remap[slot], this.ids.data[slot]);
    this.ids = ids;
    this.sequences = this.sequences.remap(remap);
    for (const column of this.numbers.values()) {
      const next = new GrowFloat64();
      for (let slot = 0; slot < remap.length; slot++) if (remap[slot] >= 0) next.set(remap[slot], column.values.data[slot]);
      column.values = next;
    }
    this.docs = docs;
    this.slotOf = new Map(docs.map((doc, slot) => [doc.id, slot]));
    this.dead = 0;
  }
}
