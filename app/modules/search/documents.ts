// The documents both engines index: flat JSON (Meilisearch's shape), one per public need and per verified
// organization. Built from the database by documents.server.ts; the database stays the source of truth.
// Instants are epoch milliseconds (numbers filter and sort the same way in both engines).
import type { NeedStatus, OrgKind, OrgStatus, ProcurementMethod, Qualification } from "#app/.server/prisma/enums.ts";

export type IndexName = "needs" | "orgs";

/** Seven fixed hashes of the id; the page sorts by the one for today, so equals rotate daily (fair ordering). */
export type FairFields = { fair0: number; fair1: number; fair2: number; fair3: number; fair4: number; fair5: number; fair6: number };

export type OrgDoc = FairFields & {
  id: number;
  name: string;
  description: string;
  /** Tag names (Chinese) and English names, and the synonyms of those tags. */
  tags: string[];
  tagsEn: string[];
  tagSynonyms: string[];
  tagIds: number[];
  /** Titles and descriptions of cases and brand projects (Article 10). */
  cases: string[];
  /** 统一社会信用代码 / 备案编号: searchable, no typo tolerance. */
  codes: string[];
  kind: OrgKind;
  isCommunityOrg: boolean;
  communityClass: string | null;
  isServiceCentre: boolean;
  district: string;
  districtName: string;
  street: string | null;
  streetName: string | null;
  /** Districts served: the registered district and the declared service districts. */
  serviceDistricts: string[];
  grade: number | null;
  gradeValidUntil: number | null;
  qualifications: Qualification[];
  status: OrgStatus;
  completedContracts: number;
  ratingAvg: number | null;
  ratingCount: number;
  certifiedSocialWorkers: number;
  staffCount: number;
  foundedOn: number | null;
  verifiedAt: number | null;
  lastActiveAt: number | null;
  /** Hidden searchable field: jieba search-mode words (处理 inside 待处理). Never displayed. */
  _search: string;
};

export type NeedDoc = FairFields & {
  id: number;
  externalId: string | null;
  title: string;
  summary: string;
  /** The Markdown description as plain text. */
  description: string;
  catalogId: number | null;
  catalogCode: string | null;
  catalogName: string | null;
  tags: string[];
  tagsEn: string[];
  tagSynonyms: string[];
  tagIds: number[];
  districts: string[];
  districtNames: string[];
  streets: string[];
  streetNames: string[];
  buyerId: number;
  buyerName: string;
  buyerKind: string;
  crossDistrict: boolean;
  budget: number | null;
  budgetBand: BudgetBand | null;
  method: ProcurementMethod;
  minGrade: number | null;
  allowedKinds: OrgKind[];
  requiredQualifications: Qualification[];
  minYearsRegistered: number | null;
  minSocialWorkers: number | null;
  communityPriority: boolean;
  enquiryDeadline: number | null;
  bidDeadline: number | null;
  servicePeriodStart: number | null;
  servicePeriodEnd: number | null;
  status: NeedStatus;
  publishedAt: number | null;
  _search: string;
};

export type SearchDoc = OrgDoc | NeedDoc;

/** Budget bands (元) for the budget facet; stored on the document because a band never changes with time. */
export const BUDGET_BANDS = [
  { key: "lt100k", min: 0, max: 100_000 },
  { key: "100k-300k", min: 100_000, max: 300_000 },
  { key: "300k-500k", min: 300_000, max: 500_000 },
  { key: "500k-1m", min: 500_000, max: 1_000_000 },
  { key: "gte1m", min: 1_000_000, max: Number.POSITIVE_INFINITY },
] as const;
export type BudgetBand = (typeof BUDGET_BANDS)[number]["key"];

export function budgetBand(budget: number | null | undefined): BudgetBand | null {
  if (budget === null || budget === undefined) return null;
  return BUDGET_BANDS.find((band) => budget >= band.min && budget < band.max)?.key ?? null;
}

/** A 32-bit integer hash (murmur3 finalizer) of an id and a salt. */
export function hashId(id: number, salt: number): number {
  let h = (Math.imul(id, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export function fairFields(id: number): FairFields {
  return {
    fair0: hashId(id, 0),
    fair1: hashId(id, 1),
    fair2: hashId(id, 2),
    fair3: hashId(id, 3),
    fair4: hashId(id, 4),
    fair5: hashId(id, 5),
    fair6: hashId(id, 6),
  };
}

/** Which of the seven fair fields orders equals today (days counted in Shanghai time). */
export function fairFieldFor(now = new Date()): keyof FairFields {
  const shanghaiDay = Math.floor((now.getTime() + 8 * 3600_000) / 86_400_000);
  return `fair${shanghaiDay % 7}` as keyof FairFields;
}
