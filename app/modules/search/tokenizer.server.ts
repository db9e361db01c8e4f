// Chinese-aware tokenization shared by both engines (docs/decisions/013-search.md).
//
// Words are cut the way Meilisearch's tokenizer (charabia) cuts Chinese: jieba with HMM off, then every word longer
// than two characters that is not plain letters/digits is split greedily into dictionary pieces (a two-character
// dictionary word, else a three-character one, else one character). So 老年人 → 老年/人, 认知障碍 → 认知/障碍,
// 待处理 stays whole. The embedded engine indexes and queries with exactly these words, which keeps its behaviour close
// to Meilisearch's.
//
// jieba's search mode additionally yields the shorter words inside long ones (待处理 → 处理, 待处理). Those extra
// tokens go into a hidden searchable field (`_search`) in *both* engines, so 处理 finds 待处理.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { STOP_WORDS } from "./stop-words.ts";

export { STOP_WORDS };

export type Token = {
  /** The normalized word (NFKC, lower-case). */
  word: string;
  /** Offsets into the normalized text (same length as the original for the text we index; see `normalize`). */
  start: number;
  end: number;
};

/** Characters the highlighter uses as markers; never allowed inside indexed text. */
export const HIGHLIGHT_PRE = "\uE000";
export const HIGHLIGHT_POST = "\uE001";

const stopWords = new Set<string>(STOP_WORDS);

let jiebaInstance: Jieba | undefined;
function jieba(): Jieba {
  jiebaInstance ??= Jieba.withDict(dict);
  return jiebaInstance;
}

/** Loads the dictionary now (≈1 s) rather than on the first search. */
export function warmUpTokenizer() {
  jieba();
}

/**
 * NFKC (full-width → half-width), lower case, and the highlight markers removed. NFKC can change the length of a
 * string (e.g. ligatures), so offsets refer to the normalized text; the indexed documents are stored normalized for
 * highlighting, which keeps them consistent.
 */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\uE000\uE001]/g, "");
}

/** NFKC and marker removal without lower-casing: what documents store for display. */
export function cleanDisplayText(text: string): string {
  return text.normalize("NFKC").replace(/[\uE000\uE001]/g, "");
}

const WORDISH = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

export function isWordLike(piece: string) {
  return WORDISH.test(piece);
}

export function hasHan(text: string) {
  return HAN.test(text);
}

/** True when a term is plain digits (phone numbers, years, codes): no typo tolerance (Meilisearch `disableOnNumbers`). */
export function isNumeric(term: string) {
  return /^\p{N}+$/u.test(term);
}

type PieceInfo = {
  /** The words this jieba piece contributes (null: a separator or punctuation). */
  parts: string[] | null;
  /** Shorter dictionary words inside it that only jieba's search mode yields (the hidden field). */
  extras: string[];
};

// Per-piece analysis, memoised: a corpus has a small vocabulary compared with its text.
const pieceCache = new Map<string, PieceInfo>();
const PIECE_CACHE_LIMIT = 300_000;

function analysePiece(piece: string): PieceInfo {
  const cached = pieceCache.get(piece);
  if (cached) return cached;
  let info: PieceInfo;
  if (!isWordLike(piece)) {
    info = { parts: null, extras: [] };
  } else {
    const chars = [...piece];
    if (chars.length <= 2 || !HAN.test(piece)) {
      info = { parts: [piece], extras: [] };
    } else {
      // cutAll lists every dictionary word inside the piece: a cheap "has_word" for its substrings.
      const known = new Set(jieba().cutAll(piece));
      // charabia's split: greedy dictionary bigram, else trigram, else one character.
      const parts: string[] = [];
      let index = 0;
      while (index < chars.length) {
        const bigram = chars.slice(index, index + 2).join("");
        const trigram = chars.slice(index, index + 3).join("");
        if (index + 2 <= chars.length && known.has(bigram)) {
          parts.push(bigram);
          index += 2;
        } else if (index + 3 <= chars.length && known.has(trigram)) {
          parts.push(trigram);
          index += 3;
        } else {
          parts.push(chars[index]);
          index += 1;
        }
      }
      // jieba's search mode: every dictionary bigram and trigram inside a longer word.
      const partSet = new Set(parts);
      const extras = new Set<string>();
      for (let n = 2; n <= 3; n++) {
        if (chars.length <= n) continue;
        for (let i = 0; i + n <= chars.length; i++) {
          const gram = chars.slice(i, i + n).join("");
          if (known.has(gram) && !partSet.has(gram) && !stopWords.has(gram)) extras.add(gram);
        }
      }
      info = { parts, extras: [...extras] };
    }
  }
  if (pieceCache.size >= PIECE_CACHE_LIMIT) pieceCache.clear();
  pieceCache.set(piece, info);
  return info;
}

export type Analysis = {
  /** Word tokens with offsets into the normalized text (stop words included, so positions stay true). */
  tokens: Token[];
  /** The hidden field's words: search-mode words inside long words (处理 inside 待处理). */
  extras: string[];
};

// Short texts (tag, district and street names) repeat across thousands of documents: analyse them once.
const shortCache = new Map<string, Analysis>();
const SHORT_TEXT = 24;

/** Cuts normalized text into word tokens and search-mode extras (separators and punctuation are dropped). */
export function analyse(normalized: string): Analysis {
  if (normalized.length <= SHORT_TEXT) {
    const cached = shortCache.get(normalized);
    if (cached) return cached;
    const analysis = analyseText(normalized);
    if (shortCache.size >= PIECE_CACHE_LIMIT) shortCache.clear();
    shortCache.set(normalized, analysis);
    return analysis;
  }
  return analyseText(normalized);
}

function analyseText(normalized: string): Analysis {
  const tokens: Token[] = [];
  const extras: string[] = [];
  if (!normalized) return { tokens, extras };
  let offset = 0;
  for (const piece of jieba().cut(normalized, false)) {
    const start = offset;
    offset += piece.length;
    const info = analysePiece(piece);
    if (!info.parts) continue;
    let partStart = start;
    for (const part of info.parts) {
      tokens.push({ word: part, start: partStart, end: partStart + part.length });
      partStart += part.length;
    }
    for (const extra of info.extras) extras.push(extra);
  }
  return { tokens, extras };
}

export function tokenize(normalized: string): Token[] {
  return analyse(normalized).tokens;
}

export function isStopWord(word: string) {
  return stopWords.has(word);
}

/** The searchable terms of a text: normalized words without stop words. */
export function words(text: string): string[] {
  return tokenize(normalizeText(text))
    .map((token) => token.word)
    .filter((word) => !stopWords.has(word));
}

/**
 * The extra words jieba's search mode finds inside long words (待处理 → 处理) that the normal cut does not yield:
 * the content of the hidden `_search` field.
 */
export function searchModeExtras(text: string): string[] {
  const { tokens, extras } = analyse(normalizeText(text));
  if (extras.length === 0) return [];
  const regular = new Set(tokens.map((token) => token.word));
  return [...new Set(extras.filter((extra) => !regular.has(extra)))];
}
