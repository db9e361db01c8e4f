// Turning query text into what the embedded engine matches: words (the same cut as documents), grouped where a
// run of one to three words is a synonym key (as Meilisearch does), with prefix search on the last word unless the
// query ends with a space, and the 10-word cap.
import { MAX_QUERY_WORDS } from "../settings.ts";
import { analyse, hasHan, isNumeric, isStopWord, normalizeText } from "../tokenizer.server.ts";

export type QueryWord = {
  word: string;
  /** Prefix search allowed (only the last word of a query that does not end with a separator). */
  prefix: boolean;
  /** Maximum typos (0 for Chinese, numbers, short words). */
  typos: number;
};

/** One query word (or synonym phrase) with the alternatives that may stand in for it. */
export type QueryGroup = {
  /** The words as typed. */
  original: string[];
  /** alternatives[0] is the original; the rest come from synonyms (matched exactly). */
  alternatives: QueryWord[][];
};

export type QueryPlan = {
  groups: QueryGroup[];
  /** Every word of the query after stop words, before the 10-word cap. */
  allWords: string[];
  /** Words beyond the cap (ignored). */
  ignoredWords: string[];
  normalized: string;
};

export type SynonymTable = Map<string, string[][]>;

/** Prepares Meilisearch-style synonyms for matching: keys and alternatives as word sequences. */
export function synonymTable(synonyms: Record<string, string[]>): SynonymTable {
  const table: SynonymTable = new Map();
  for (const [key, alternatives] of Object.entries(synonyms)) {
    const keyWords = queryWords(key);
    if (keyWords.length === 0 || keyWords.length > 3) continue; // Meilisearch only looks up 1–3 word terms
    const joined = keyWords.join(" ");
    const list = table.get(joined) ?? [];
    for (const alternative of alternatives) {
      const words = queryWords(alternative);
      if (words.length > 0 && words.join(" ") !== joined && !list.some((w) => w.join(" ") === words.join(" "))) list.push(words);
    }
    table.set(joined, list);
  }
  return table;
}

function queryWords(text: string): string[] {
  return analyse(normalizeText(text))
    .tokens.map((token) => token.word)
    .filter((word) => !isStopWord(word));
}

export type TypoConfig = { enabled: boolean; oneTypo: number; twoTypos: number; disableOnNumbers: boolean };

export function allowedTypos(word: string, config: TypoConfig): number {
  if (!config.enabled || hasHan(word)) return 0;
  if (config.disableOnNumbers && isNumeric(word)) return 0;
  const length = [...word].length;
  if (length >= config.twoTypos) return 2;
  if (length >= config.oneTypo) return 1;
  return 0;
}

export function planQuery(q: string, synonyms: SynonymTable, typo: TypoConfig): QueryPlan {
  const normalized = normalizeText(q).trim();
  const allWords = queryWords(normalized);
  const words = allWords.slice(0, MAX_QUERY_WORDS);
  const ignoredWords = allWords.slice(MAX_QUERY_WORDS);
  // Meilisearch: the last word is a prefix unless the query ends with a separator (a space, punctuation).
  const prefixLast = ignoredWords.length === 0 && normalized.length > 0 && /[\p{L}\p{N}]$/u.test(normalizeText(q));
  const groups: QueryGroup[] = [];
  for (let i = 0; i < words.length; ) {
    let span = 1;
    let alternatives: string[][] = [];
    for (let length = Math.min(3, words.length - i); length >= 1; length--) {
      const found = synonyms.get(words.slice(i, i + length).join(" "));
      if (found) {
        span = length;
        alternatives = found;
        break;
      }
    }
    const original = words.slice(i, i + span);
    const last = i + span === words.length;
    groups.push({
      original,
      alternatives: [
        original.map((word, k) => ({ word, prefix: prefixLast && last && k === original.length - 1, typos: allowedTypos(word, typo) })),
        ...alternatives.map((alternative) => alternative.map((word) => ({ word, prefix: false, typos: 0 }))),
      ],
    });
    i += span;
  }
  return { groups, allWords, ignoredWords, normalized };
}
