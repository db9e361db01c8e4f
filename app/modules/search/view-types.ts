// What the search service returns to the pages (browser-safe types).
import type { NeedPhase } from "#app/modules/needs/phase.ts";

export type FacetOption = {
  value: string;
  label: string;
  labelEn: string;
  count: number;
  selected: boolean;
  /** Selected by default rather than by the reader (open needs): not counted as a filter. */
  implicit?: boolean;
};
export type Facet = {
  param: string;
  kind: "checkbox" | "radio";
  /** Radio groups offer "any" unless this is set (the phase facet has an explicit "all"). */
  noAny?: boolean;
  labelKey: string;
  label?: { zh: string; en: string };
  options: FacetOption[];
};

export type Suggestion = { kind: "removeFilters" | "allPhases" | "fewerWords" | "clearQuery"; href: string; count: number };

export type SearchSummary = {
  total: number;
  page: number;
  pageCount: number;
  /** Query words beyond Meilisearch's ten (ignored by both engines). */
  ignoredWords: string[];
  /** No document had every word: these results match the first words only. */
  relaxed: boolean;
  facets: Facet[];
  suggestions: Suggestion[];
  engine: string;
  tookMs: number;
};

export type NeedResult = {
  id: number;
  title: string;
  summary: string;
  catalogName: string | null;
  buyerName: string;
  districts: { code: string; name: string; nameEn: string }[];
  budget: number | null;
  bidDeadline: string | null;
  publishedAt: string | null;
  phase: NeedPhase;
  crossDistrict: boolean;
  tags: { id: number; name: string; nameEn: string }[];
};

export type OrgResult = {
  id: number;
  name: string;
  description: string;
  kind: string;
  isCommunityOrg: boolean;
  district: { code: string; name: string; nameEn: string } | null;
  streetName: string | null;
  grade: number | null;
  gradeValid: boolean;
  qualifications: string[];
  completedContracts: number;
  ratingAvg: number | null;
  tags: { id: number; name: string; nameEn: string }[];
};

export type SuggestItem =
  | { kind: "tag"; id: number; label: string; labelEn: string; href: string }
  | { kind: "need" | "org"; id: number; label: string; href: string };
