// Meilisearch's filter grammar: parse (for the embedded engine) and build (for every caller, with correct quoting).
//
//   expression := or
//   or         := and ("OR" and)*
//   and        := not ("AND" not)*
//   not        := "NOT" not | "(" expression ")" | condition
//   condition  := attr ("=" | "!=" | ">" | ">=" | "<" | "<=") value
//               | attr value "TO" value
//               | attr ["NOT"] "IN" "[" value ("," value)* "]"
//               | attr ["NOT"] "EXISTS"
//               | attr "IS" ["NOT"] ("NULL" | "EMPTY")
//   value      := 'single quoted' | "double quoted" (backslash escapes) | bare word
//
// Keywords are case-insensitive. Array attributes match when any element matches (as in Meilisearch).
import type { Filter } from "./port.ts";

export type Value = string;

export type FilterNode =
  | { type: "and"; children: FilterNode[] }
  | { type: "or"; children: FilterNode[] }
  | { type: "not"; child: FilterNode }
  | { type: "cmp"; attr: string; op: "=" | "!=" | ">" | ">=" | "<" | "<="; value: Value }
  | { type: "range"; attr: string; from: Value; to: Value }
  | { type: "in"; attr: string; values: Value[] }
  | { type: "exists"; attr: string }
  | { type: "null"; attr: string }
  | { type: "empty"; attr: string };

export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "FilterSyntaxError";
  }
}

type Tok = { kind: "word" | "string" | "op" | "(" | ")" | "[" | "]" | ","; text: string; pos: number };

const OPERATORS = ["!=", ">=", "<=", "=", ">", "<"];

function lex(input: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ("()[],".includes(c)) {
      toks.push({ kind: c as Tok["kind"], text: c, pos: i });
      i++;
      continue;
    }
    const op = OPERATORS.find((candidate) => input.startsWith(candidate, i));
    if (op) {
      toks.push({ kind: "op", text: op, pos: i });
      i += op.length;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i;
      let text = "";
      i++;
      while (i < input.length && input[i] !== c) {
        if (input[i] === "\\" && i + 1 < input.length) {
          text += input[i + 1];
          i += 2;
        } else {
          text += input[i++];
        }
      }
      if (i >= input.length) throw new FilterSyntaxError(`unterminated quoted value starting at ${start}`, start);
      i++;
      toks.push({ kind: "string", text, pos: start });
      continue;
    }
    const start = i;
    while (i < input.length && !/\s/.test(input[i]) && !"()[],".includes(input[i]) && !OPERATORS.some((o) => input.startsWith(o, i))) i++;
    toks.push({ kind: "word", text: input.slice(start, i), pos: start });
  }
  return toks;
}

const isKeyword = (tok: Tok | undefined, keyword: string) => tok?.kind === "word" && tok.text.toUpperCase() === keyword;

/** Parses one filter string. Throws FilterSyntaxError with the position of the problem. */
export function parseFilterString(input: string): FilterNode | null {
  const toks = lex(input);
  if (toks.length === 0) return null;
  let p = 0;
  const peek = () => toks[p];
  const fail = (message: string): never => {
    throw new FilterSyntaxError(message, peek()?.pos ?? input.length);
  };
  const value = (): Value => {
    const tok = toks[p];
    if (!tok || (tok.kind !== "word" && tok.kind !== "string")) fail("expected a value");
    p++;
    return tok.text;
  };

  function parseOr(): FilterNode {
    const children = [parseAnd()];
    while (isKeyword(peek(), "OR")) {
      p++;
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0] : { type: "or", children };
  }
  function parseAnd(): FilterNode {
    const children = [parseNot()];
    while (isKeyword(peek(), "AND")) {
      p++;
      children.push(parseNot());
    }
    return children.length === 1 ? children[0] : { type: "and", children };
  }
  function parseNot(): FilterNode {
    if (isKeyword(peek(), "NOT")) {
      p++;
      return { type: "not", child: parseNot() };
    }
    if (peek()?.kind === "(") {
      p++;
      const inner = parseOr();
      if (peek()?.kind !== ")") fail("expected )");
      p++;
      return inner;
    }
    return parseCondition();
  }
  function parseCondition(): FilterNode {
    const attrTok = peek();
    if (!attrTok || (attrTok.kind !== "word" && attrTok.kind !== "string")) return fail("expected an attribute");
    p++;
    const attr = attrTok.text;
    const next = peek();
    if (!next) return fail(`expected an operator after ${attr}`);
    if (next.kind === "op") {
      p++;
      return { type: "cmp", attr, op: next.text as "=", value: value() };
    }
    if (isKeyword(next, "IN")) {
      p++;
      return { type: "in", attr, values: parseList() };
    }
    if (isKeyword(next, "EXISTS")) {
      p++;
      return { type: "exists", attr };
    }
    if (isKeyword(next, "IS")) {
      p++;
      let negate = false;
      if (isKeyword(peek(), "NOT")) {
        p++;
        negate = true;
      }
      let node: FilterNode;
      if (isKeyword(peek(), "NULL")) node = { type: "null", attr };
      else if (isKeyword(peek(), "EMPTY")) node = { type: "empty", attr };
      else return fail("expected NULL or EMPTY");
      p++;
      return negate ? { type: "not", child: node } : node;
    }
    if (isKeyword(next, "NOT")) {
      p++;
      if (isKeyword(peek(), "IN")) {
        p++;
        return { type: "not", child: { type: "in", attr, values: parseList() } };
      }
      if (isKeyword(peek(), "EXISTS")) {
        p++;
        return { type: "not", child: { type: "exists", attr } };
      }
      return fail("expected IN or EXISTS after NOT");
    }
    // attr from TO to
    if (next.kind === "word" || next.kind === "string") {
      const from = value();
      if (!isKeyword(peek(), "TO")) return fail("expected TO");
      p++;
      return { type: "range", attr, from, to: value() };
    }
    return fail(`unexpected ${next.text}`);
  }
  function parseList(): Value[] {
    if (peek()?.kind !== "[") fail("expected [");
    p++;
    const values: Value[] = [];
    if (peek()?.kind === "]") {
      p++;
      return values;
    }
    for (;;) {
      values.push(value());
      if (peek()?.kind === ",") {
        p++;
        continue;
      }
      if (peek()?.kind === "]") {
        p++;
        return values;
      }
      fail("expected , or ]");
    }
  }

  const node = parseOr();
  if (p < toks.length) fail(`unexpected ${toks[p].text}`);
  return node;
}

/** Parses the array form too: outer items are ANDed, an inner array is ORed. */
export function parseFilter(filter: Filter | undefined): FilterNode | null {
  if (filter === undefined) return null;
  if (typeof filter === "string") return parseFilterString(filter);
  const children: FilterNode[] = [];
  for (const item of filter) {
    if (typeof item === "string") {
      const node = parseFilterString(item);
      if (node) children.push(node);
    } else {
      const alternatives = item.map(parseFilterString).filter((node): node is FilterNode => node !== null);
      if (alternatives.length === 1) children.push(alternatives[0]);
      else if (alternatives.length > 1) children.push({ type: "or", children: alternatives });
    }
  }
  if (children.length === 0) return null;
  return children.length === 1 ? children[0] : { type: "and", children };
}

/** The attributes a filter uses (to check they are filterable). */
export function filterAttributes(node: FilterNode | null, out = new Set<string>()): Set<string> {
  if (!node) return out;
  if (node.type === "and" || node.type === "or") node.children.forEach((child) => filterAttributes(child, out));
  else if (node.type === "not") filterAttributes(node.child, out);
  else out.add(node.attr);
  return out;
}

// ───────────────────────────── evaluation (embedded engine) ─────────────────────────────

type Scalar = string | number | boolean | null | undefined;

function asNumber(value: string): number | null {
  if (value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function scalarEquals(field: Scalar, value: string, numeric: number | null): boolean {
  if (field === null || field === undefined) return false;
  if (typeof field === "number") return numeric !== null && field === numeric;
  if (typeof field === "boolean") return String(field) === value.toLowerCase();
  return field.toLowerCase() === value.toLowerCase();
}

function compareScalar(field: Scalar, op: ">" | ">=" | "<" | "<=", value: string, numeric: number | null): boolean {
  if (field === null || field === undefined || typeof field === "boolean") return false;
  if (typeof field === "number") {
    if (numeric === null) return false;
    return op === ">" ? field > numeric : op === ">=" ? field >= numeric : op === "<" ? field < numeric : field <= numeric;
  }
  // Meilisearch ≥ 1.15 compares strings lexicographically.
  const c = field < value ? -1 : field > value ? 1 : 0;
  return op === ">" ? c > 0 : op === ">=" ? c >= 0 : op === "<" ? c < 0 : c <= 0;
}

const anyOf = (field: unknown, test: (value: Scalar) => boolean) =>
  Array.isArray(field) ? field.some((item) => test(item as Scalar)) : test(field as Scalar);

export type Predicate = (doc: Record<string, unknown>) => boolean;

/** Compiles a filter into a predicate over documents. */
export function compileFilter(node: FilterNode | null): Predicate {
  if (!node) return () => true;
  switch (node.type) {
    case "and": {
      const parts = node.children.map(compileFilter);
      return (doc) => parts.every((part) => part(doc));
    }
    case "or": {
      const parts = node.children.map(compileFilter);
      return (doc) => parts.some((part) => part(doc));
    }
    case "not": {
      const inner = compileFilter(node.child);
      return (doc) => !inner(doc);
    }
    case "cmp": {
      const { attr, op, value } = node;
      const numeric = asNumber(value);
      if (op === "=") return (doc) => anyOf(doc[attr], (v) => scalarEquals(v, value, numeric));
      // Meilisearch: "!=" keeps documents whose attribute does not contain the value (missing attributes included).
      if (op === "!=") return (doc) => !anyOf(doc[attr], (v) => scalarEquals(v, value, numeric));
      return (doc) => anyOf(doc[attr], (v) => compareScalar(v, op, value, numeric));
    }
    case "range": {
      const { attr, from, to } = node;
      const lo = asNumber(from);
      const hi = asNumber(to);
      return (doc) => anyOf(doc[attr], (v) => compareScalar(v, ">=", from, lo) && compareScalar(v, "<=", to, hi));
    }
    case "in": {
      const { attr, values } = node;
      const tests = values.map((value) => ({ value, numeric: asNumber(value) }));
      return (doc) => anyOf(doc[attr], (v) => tests.some((t) => scalarEquals(v, t.value, t.numeric)));
    }
    case "exists": {
      const { attr } = node;
      return (doc) => Object.prototype.hasOwnProperty.call(doc, attr) && doc[attr] !== undefined;
    }
    case "null": {
      const { attr } = node;
      return (doc) => doc[attr] === null;
    }
    case "empty": {
      const { attr } = node;
      return (doc) => {
        const v = doc[attr];
        return v === "" || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
      };
    }
  }
}

// ───────────────────────────── building filters (every caller) ─────────────────────────────

/** A value in double quotes with `"` and `\` escaped: safe for any text, Chinese included. */
export function quote(value: string | number | boolean): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const attribute = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : quote(name));

export const f = {
  eq: (attr: string, value: string | number | boolean) => `${attribute(attr)} = ${quote(value)}`,
  ne: (attr: string, value: string | number | boolean) => `${attribute(attr)} != ${quote(value)}`,
  gt: (attr: string, value: number) => `${attribute(attr)} > ${value}`,
  gte: (attr: string, value: number) => `${attribute(attr)} >= ${value}`,
  lt: (attr: string, value: number) => `${attribute(attr)} < ${value}`,
  lte: (attr: string, value: number) => `${attribute(attr)} <= ${value}`,
  between: (attr: string, from: number, to: number) => `${attribute(attr)} ${from} TO ${to}`,
  in: (attr: string, values: (string | number)[]) => `${attribute(attr)} IN [${values.map(quote).join(", ")}]`,
  notIn: (attr: string, values: (string | number)[]) => `${attribute(attr)} NOT IN [${values.map(quote).join(", ")}]`,
  exists: (attr: string) => `${attribute(attr)} EXISTS`,
  isNull: (attr: string) => `${attribute(attr)} IS NULL`,
  isNotNull: (attr: string) => `${attribute(attr)} IS NOT NULL`,
  and: (...parts: (string | null | undefined | false)[]) => {
    const kept = parts.filter((part): part is string => Boolean(part));
    return kept.length === 0 ? "" : kept.length === 1 ? kept[0] : kept.map((part) => `(${part})`).join(" AND ");
  },
  or: (...parts: (string | null | undefined | false)[]) => {
    const kept = parts.filter((part): part is string => Boolean(part));
    return kept.length === 0 ? "" : kept.length === 1 ? kept[0] : kept.map((part) => `(${part})`).join(" OR ");
  },
  not: (part: string) => `NOT (${part})`,
};
