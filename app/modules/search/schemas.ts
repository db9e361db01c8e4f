// URL parameters of the search pages, validated with zod. Every search is a link, so these are user input: a bad
// parameter is dropped (and named, so the page can say so), never a 500. Browser-safe.
import { z } from "zod";
import { BUDGET_BANDS } from "./documents.ts";

export const NEED_PHASES = [
  "OPEN_FOR_BIDS",
  "BIDDING_CLOSED",
  "EVALUATING",
  "AWARDED",
  "IN_DELIVERY",
  "COMPLETED",
  "CANCELLED",
  "UNSUCCESSFUL",
] as const;
export type NeedPhaseFilter = (typeof NEED_PHASES)[number];

export const NEED_SORTS = ["relevance", "newest", "deadline", "budget_desc", "budget_asc"] as const;
export const ORG_SORTS = ["relevance", "grade", "contracts", "rating", "newest"] as const;
export const ORG_KINDS = ["SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION", "MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"] as const;
export const QUALIFICATIONS = ["TAX_EXEMPT", "PRE_TAX_DEDUCTION", "DONATION_RECEIPTS"] as const;
export const DEADLINE_WINDOWS = ["7d", "30d"] as const;
export const BUDGET_BAND_KEYS = BUDGET_BANDS.map((band) => band.key) as [string, ...string[]];

export const MAX_QUERY_LENGTH = 100;
export const PAGE_SIZE = 20;
/** Deep pages are for robots; people refine the search instead. */
export const MAX_PAGE = 250;
const MAX_VALUES = 30;

const DISTRICT_CODE = /^\d{6}$/;
const STREET_CODE = /^\d{9}$/;

/** Control and format characters become spaces; an over-long query is cut (the page then searches its start). */
const query = z
  .string()
  .max(10_000)
  .transform((value) => [...value.normalize("NFKC").replace(/[\p{Cc}\p{Cf}\p{Co}]/gu, " ").replace(/\s+/g, " ").trim()].slice(0, MAX_QUERY_LENGTH).join("").trim());

const flag = z.enum(["1", "true", "on"]).transform(() => true);

type ParamSpec = { schema: z.ZodType; multi?: boolean };

/** Reads the parameters a spec names; a value that fails its schema is dropped and reported. */
function readParams<Spec extends Record<string, ParamSpec>>(params: URLSearchParams, spec: Spec) {
  const value: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [name, { schema, multi }] of Object.entries(spec)) {
    if (multi) {
      const raw = params.getAll(name).flatMap((item) => item.split(",")).filter((item) => item !== "");
      const kept: unknown[] = [];
      for (const item of raw.slice(0, MAX_VALUES)) {
        const parsed = schema.safeParse(item);
        if (parsed.success) {
          if (!kept.includes(parsed.data)) kept.push(parsed.data);
        } else if (!invalid.includes(name)) invalid.push(name);
      }
      if (raw.length > MAX_VALUES && !invalid.includes(name)) invalid.push(name);
      value[name] = kept;
    } else {
      const raw = params.get(name);
      if (raw === null || raw === "") continue;
      const parsed = schema.safeParse(raw);
      if (parsed.success) value[name] = parsed.data;
      else invalid.push(name);
    }
  }
  return { value, invalid };
}

const common = {
  q: { schema: query },
  page: { schema: z.coerce.number().int().min(1).max(MAX_PAGE) },
  district: { schema: z.string().regex(DISTRICT_CODE), multi: true },
  street: { schema: z.string().regex(STREET_CODE), multi: true },
  tag: { schema: z.coerce.number().int().positive().max(2_147_483_647), multi: true },
};

const needSpec = {
  ...common,
  phase: { schema: z.enum([...NEED_PHASES, "all"]), multi: true },
  catalog: { schema: z.coerce.number().int().positive().max(2_147_483_647), multi: true },
  budget: { schema: z.enum(BUDGET_BAND_KEYS), multi: true },
  cross: { schema: flag },
  deadline: { schema: z.enum(DEADLINE_WINDOWS) },
  sort: { schema: z.enum(NEED_SORTS) },
};

const orgSpec = {
  ...common,
  kind: { schema: z.enum(ORG_KINDS), multi: true },
  grade: { schema: z.coerce.number().int().min(1).max(5) },
  qual: { schema: z.enum(QUALIFICATIONS), multi: true },
  community: { schema: flag },
  sort: { schema: z.enum(ORG_SORTS) },
};

export type NeedSearchParams = {
  q: string;
  page: number;
  district: string[];
  street: string[];
  tag: number[];
  /** Empty means the default: open for bids. ["all"] means every public need. */
  phase: (NeedPhaseFilter | "all")[];
  catalog: number[];
  budget: string[];
  cross: boolean;
  deadline: (typeof DEADLINE_WINDOWS)[number] | null;
  sort: (typeof NEED_SORTS)[number];
};

export type OrgSearchParams = {
  q: string;
  page: number;
  district: string[];
  street: string[];
  tag: number[];
  kind: (typeof ORG_KINDS)[number][];
  grade: number | null;
  qual: (typeof QUALIFICATIONS)[number][];
  community: boolean;
  sort: (typeof ORG_SORTS)[number];
};

export function parseNeedSearchParams(params: URLSearchParams): { value: NeedSearchParams; invalid: string[] } {
  const { value, invalid } = readParams(params, needSpec);
  const q = (value.q as string | undefined) ?? "";
  return {
    value: {
      q,
      page: (value.page as number | undefined) ?? 1,
      district: value.district as string[],
      street: value.street as string[],
      tag: value.tag as number[],
      phase: value.phase as NeedSearchParams["phase"],
      catalog: value.catalog as number[],
      budget: value.budget as string[],
      cross: (value.cross as boolean | undefined) ?? false,
      deadline: (value.deadline as NeedSearchParams["deadline"] | undefined) ?? null,
      sort: (value.sort as NeedSearchParams["sort"] | undefined) ?? (q ? "relevance" : "newest"),
    },
    invalid,
  };
}

export function parseOrgSearchParams(params: URLSearchParams): { value: OrgSearchParams; invalid: string[] } {
  const { value, invalid } = readParams(params, orgSpec);
  return {
    value: {
      q: (value.q as string | undefined) ?? "",
      page: (value.page as number | undefined) ?? 1,
      district: value.district as string[],
      street: value.street as string[],
      tag: value.tag as number[],
      kind: value.kind as OrgSearchParams["kind"],
      grade: (value.grade as number | undefined) ?? null,
      qual: value.qual as OrgSearchParams["qual"],
      community: (value.community as boolean | undefined) ?? false,
      sort: (value.sort as OrgSearchParams["sort"] | undefined) ?? "relevance",
    },
    invalid,
  };
}

export const SuggestParamsSchema = z.object({
  scope: z.enum(["needs", "orgs"]).catch("needs"),
  q: z.string().catch("").pipe(query).catch(""),
});

/** Splits text marked by the engine (U+E000 … U+E001) into parts to render; never HTML. */
export function highlightParts(marked: string | null | undefined): { text: string; hit: boolean }[] {
  if (!marked) return [];
  const parts: { text: string; hit: boolean }[] = [];
  let hit = false;
  let buffer = "";
  for (const char of marked) {
    if (char === "\uE000" || char === "\uE001") {
      if (buffer) parts.push({ text: buffer, hit });
      buffer = "";
      hit = char === "\uE000";
    } else {
      buffer += char;
    }
  }
  if (buffer) parts.push({ text: buffer, hit });
  return parts;
}
