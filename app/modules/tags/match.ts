// Finding curated tags by what people type: the profile editor's type-ahead (in the browser) and the registry
// import's "did you mean" suggestion (on the server) share these rules. Browser-safe: no server imports.
import { normalizeTerm } from "./normalize.ts";

export type TagStatusValue = "ACTIVE" | "DEPRECATED" | "MERGED";

/** A tag as the pickers see it. `synonyms` are normalized terms (see normalizeTerm). */
export type TagOption = {
  id: number;
  nameZh: string;
  nameEn: string | null;
  groupName: string;
  groupNameEn: string;
  synonyms: string[];
  status: TagStatusValue;
};

export type TagMatch = {
  tag: TagOption;
  /** The synonym or English name that matched, when it was not the Chinese name. */
  via: string | null;
  /** Lower is better. */
  rank: number;
};

function rankText(text: string, query: string, exact: number): number | null {
  if (text === query) return exact;
  if (text.startsWith(query)) return exact + 1;
  if (text.includes(query)) return exact + 2;
  return null;
}

/**
 * Active tags matching `query` by Chinese name, synonym or English name: exact matches first, then prefixes, then
 * substrings; names before synonyms; shorter names first among equals. Deprecated and merged tags are never offered.
 */
export function matchTags(
  options: readonly TagOption[],
  query: string,
  { exclude = new Set<number>(), limit = 8 }: { exclude?: ReadonlySet<number>; limit?: number } = {},
): TagMatch[] {
  const q = normalizeTerm(query);
  if (!q) return [];
  const matches: TagMatch[] = [];
  for (const tag of options) {
    if (tag.status !== "ACTIVE" || exclude.has(tag.id)) continue;
    let best: TagMatch | null = null;
    const consider = (text: string, exact: number, via: string | null) => {
      const rank = rankText(normalizeTerm(text), q, exact);
      if (rank !== null && (best === null || rank < best.rank)) best = { tag, via, rank };
    };
    consider(tag.nameZh, 0, null);
    for (const synonym of tag.synonyms) consider(synonym, 3, synonym);
    if (tag.nameEn) consider(tag.nameEn, 6, tag.nameEn);
    if (best) matches.push(best);
  }
  matches.sort((a, b) => a.rank - b.rank || a.tag.nameZh.length - b.tag.nameZh.length || a.tag.id - b.tag.id);
  return matches.slice(0, limit);
}

/** Levenshtein distance over Unicode code points (Chinese characters count one each). */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length];
}

export type TermIndexEntry = { tagId: number; nameZh: string; status: TagStatusValue };

/**
 * Every term that names a tag — Chinese names, English names and synonyms, normalized — mapped to the tag it
 * resolves to. A merged tag's name resolves to the tag it was merged into.
 */
export class TagTermIndex {
  private readonly byTerm = new Map<string, TermIndexEntry>();
  private readonly candidates: { term: string; entry: TermIndexEntry; via: string | null }[] = [];
  private readonly suggestions = new Map<string, { nameZh: string; via: string | null } | null>();

  constructor(
    tags: readonly { id: number; nameZh: string; nameEn: string | null; status: TagStatusValue; mergedIntoId: number | null; synonyms: string[] }[],
  ) {
    const byId = new Map(tags.map((tag) => [tag.id, tag]));
    const resolve = (tag: (typeof tags)[number]) => {
      let current = tag;
      for (let hops = 0; current.status === "MERGED" && current.mergedIntoId !== null && hops < 20; hops++) {
        const next = byId.get(current.mergedIntoId);
        if (!next) break;
        current = next;
      }
      return { tagId: current.id, nameZh: current.nameZh, status: current.status };
    };
    // Names first, then synonyms: a term that is both keeps the name's tag.
    for (const tag of tags) {
      const entry = resolve(tag);
      this.add(normalizeTerm(tag.nameZh), entry, null);
      if (tag.nameEn) this.add(normalizeTerm(tag.nameEn), entry, tag.nameEn);
    }
    for (const tag of tags) {
      const entry = resolve(tag);
      for (const synonym of tag.synonyms) this.add(normalizeTerm(synonym), entry, synonym);
    }
  }

  private add(term: string, entry: TermIndexEntry, via: string | null) {
    if (!term || this.byTerm.has(term)) return;
    this.byTerm.set(term, entry);
    if (entry.status === "ACTIVE") this.candidates.push({ term, entry, via });
  }

  /** The tag a name or synonym names, or undefined. */
  lookup(term: string): TermIndexEntry | undefined {
    return this.byTerm.get(normalizeTerm(term));
  }

  /**
   * The closest active tag to an unknown term, for "did you mean …": a name or synonym that contains the term or
   * is contained in it, or one within a small edit distance. Null when nothing is close enough.
   */
  closest(term: string): { nameZh: string; via: string | null } | null {
    const q = normalizeTerm(term);
    if (!q) return null;
    const cached = this.suggestions.get(q);
    if (cached !== undefined) return cached;
    const qLength = [...q].length;
    let best: { score: number; nameZh: string; via: string | null } | null = null;
    for (const { term: candidate, entry, via } of this.candidates) {
      const cLength = [...candidate].length;
      let score: number;
      if (candidate.includes(q) || q.includes(candidate)) {
        // Containment: 老年助餐 ⊃ 助餐. Only when the shorter side is meaningful (two characters or more).
        if (Math.min(qLength, cLength) < 2) continue;
        score = Math.abs(cLength - qLength) * 0.5;
      } else {
        const distance = editDistance(q, candidate);
        const allowed = Math.max(1, Math.floor(Math.max(qLength, cLength) / 3));
        if (distance > allowed) continue;
        score = distance;
      }
      if (best === null || score < best.score || (score === best.score && entry.nameZh.length < best.nameZh.length)) {
        best = { score, nameZh: entry.nameZh, via: via && normalizeTerm(via) !== normalizeTerm(entry.nameZh) ? via : null };
      }
    }
    const result = best ? { nameZh: best.nameZh, via: best.via } : null;
    this.suggestions.set(q, result);
    return result;
  }
}
