// The embedded engine's data: documents, an inverted index on typed arrays, and dictionary-encoded facet values.
//
// Why not MiniSearch's own document index: on 43k Chinese organization documents it took 45 s to build (its radix
// tree scans a node's children linearly, and a Chinese vocabulary puts thousands of first characters under the root)
// and 130–180 ms to answer a one-word query that matches most documents (it scores and allocates a result object per
// document and field). We keep MiniSearch's SearchableMap — its radix tree with prefix and fuzzy (Levenshtein)
// lookup — as the term dictionary, with keys escaped so that no node has more than a few dozen children, and keep
// postings in compact typed arrays. See docs/decisions/006-search.md for the figures.
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

type FacetColumn = {
  codes: Map<string, number>;
  names: string[];
  /** Per slot: -1 (no value), one code, or the codes of an array value. */
  perSlot: (number | Int32Array)[];
};

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
};

/** Longest element whose word sequence is kept for the exactness and proximity rules. */
const MAX_SEQUENCE = 32;

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
  sequences: (Int32Array | undefined)[] = [];
  readonly longFields: Set<number>;
  /** Numeric sortable attributes by slot (NaN: missing or not a number), read by the sort rule. */
  numbers = new Map<string, number[]>();

  constructor(readonly options: CoreOptions) {
    if (options.searchable.length > 16) throw new Error("at most 16 searchable attributes");
    this.searchable = options.searchable;
    this.hiddenField = options.searchable.indexOf(HIDDEN_FIELD);
    this.longFields = new Set(options.searchable.flatMap((attr, field) => (options.longText.includes(attr) ? [field] : [])));
    for (const attr of options.facetable) this.facets.set(attr, { codes: new Map(), names: [], perSlot: [] });
    for (const attr of options.sortable) this.numbers.set(attr, []);
  }

  get size() {
    return this.slotOf.size;
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
    this.docs.push(doc);
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
          if (!long && ids.length < MAX_SEQUENCE) ids.push(id);
        }
        if (!long && ids.length > 0) sequence.push(field, ids.length, ...ids);
        for (const extra of analysis.extras) extras.add(extra);
      }
    });
    this.sequences[slot] = sequence.length > 0 ? Int32Array.from(sequence) : undefined;
    if (this.hiddenField >= 0) {
      const bit = 1 << this.hiddenField;
      for (const extra of extras) {
        const id = this.termId(extra);
        if (!masks.has(id)) masks.set(id, bit);
      }
    }
    for (const [id, mask] of masks) this.postings[id].push(slot, mask);

    for (const [attr, column] of this.numbers) {
      const value = record[attr];
      column[slot] = typeof value === "number" ? value : typeof value === "boolean" ? Number(value) : Number.NaN;
    }
    for (const [attr, column] of this.facets) {
      const value = record[attr];
      if (Array.isArray(value)) {
        const codes: number[] = [];
        for (const item of value) {
          const key = facetKey(item);
          if (key !== null) codes.push(this.facetCode(column, key));
        }
        column.perSlot[slot] = codes.length === 0 ? -1 : codes.length === 1 ? codes[0] : Int32Array.from(codes);
      } else {
        const key = facetKey(value);
        column.perSlot[slot] = key === null ? -1 : this.facetCode(column, key);
      }
    }
  }

  private facetCode(column: FacetColumn, key: string) {
    let code = column.codes.get(key);
    if (code === undefined) {
      code = column.names.length;
      column.codes.set(key, code);
      column.names.push(key);
    }
    return code;
  }

  remove(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.docs[slot] = undefined;
    this.sequences[slot] = undefined;
    for (const column of this.facets.values()) column.perSlot[slot] = -1;
    for (const column of this.numbers.values()) column[slot] = Number.NaN;
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
      const perSlot: (number | Int32Array)[] = [];
      column.perSlot.forEach((value, slot) => {
        if (remap[slot] >= 0) perSlot[remap[slot]] = value;
      });
      column.perSlot = perSlot;
    }
    const sequences: (Int32Array | undefined)[] = [];
    this.sequences.forEach((value, slot) => {
      if (remap[slot] >= 0) sequences[remap[slot]] = value;
    });
    this.sequences = sequences;
    for (const [attr, column] of this.numbers) {
      const next: number[] = [];
      column.forEach((value, slot) => {
        if (remap[slot] >= 0) next[remap[slot]] = value;
      });
      this.numbers.set(attr, next);
    }
    this.docs = docs;
    this.slotOf = new Map(docs.map((doc, slot) => [doc.id, slot]));
    this.dead = 0;
  }
}
