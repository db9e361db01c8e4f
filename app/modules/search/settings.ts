// Index settings, applied from code to both engines. Meilisearch receives them as its settings object; the embedded
// engine implements the same fields (docs/decisions/013-search.md lists where it approximates).
import type { IndexName } from "./documents.ts";
import type { IndexSettings } from "./port.ts";
import { STOP_WORDS } from "./stop-words.ts";

/**
 * Ranking rules, most important first. Meilisearch's defaults with `exactness` moved before `sort`: the page asks
 * for a sort on every request (the chosen one, then today's fair-order field), so the sort rule is the last
 * tie-break and an exact name match is not overtaken by the fair order.
 */
export const RANKING_RULES = ["words", "typo", "proximity", "attribute", "exactness", "sort"];

const TYPO_TOLERANCE = {
  enabled: true,
  // Meilisearch's defaults. Chinese words are 1–3 characters, so they never get typo tolerance.
  minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
  // Registration and filing numbers are codes: a near miss is a different organization.
  disableOnAttributes: ["codes", "externalId", "catalogCode"],
  disableOnNumbers: true,
};

const FAIR = ["fair0", "fair1", "fair2", "fair3", "fair4", "fair5", "fair6"];

const ORG_SETTINGS: IndexSettings = {
  primaryKey: "id",
  searchableAttributes: [
    "name",
    "tags",
    "tagsEn",
    "cases",
    "districtName",
    "streetName",
    "description",
    "codes",
    "_search",
  ],
  filterableAttributes: [
    "id",
    "kind",
    "isCommunityOrg",
    "communityClass",
    "isServiceCentre",
    "district",
    "street",
    "serviceDistricts",
    "tagIds",
    "grade",
    "gradeValidUntil",
    "qualifications",
    "status",
    "completedContracts",
    "ratingAvg",
    "certifiedSocialWorkers",
    "staffCount",
    "foundedOn",
    "lastActiveAt",
  ],
  sortableAttributes: ["id", "name", "grade", "completedContracts", "ratingAvg", "foundedOn", "verifiedAt", ...FAIR],
  // Cases are searchable, not returned (the profile page shows them); hits stay small.
  displayedAttributes: [
    "id",
    "name",
    "description",
    "tags",
    "tagsEn",
    "tagIds",
    "codes",
    "kind",
    "isCommunityOrg",
    "communityClass",
    "isServiceCentre",
    "district",
    "districtName",
    "street",
    "streetName",
    "serviceDistricts",
    "grade",
    "gradeValidUntil",
    "qualifications",
    "status",
    "completedContracts",
    "ratingAvg",
    "ratingCount",
    "certifiedSocialWorkers",
    "staffCount",
    "foundedOn",
    "verifiedAt",
    "lastActiveAt",
  ],
  rankingRules: RANKING_RULES,
  stopWords: [...STOP_WORDS],
  synonyms: {},
  typoTolerance: TYPO_TOLERANCE,
  maxTotalHits: 200_000,
  maxValuesPerFacet: 500,
};

const NEED_SETTINGS: IndexSettings = {
  primaryKey: "id",
  searchableAttributes: [
    "title",
    "tags",
    "catalogName",
    "summary",
    "tagsEn",
    "buyerName",
    "districtNames",
    "streetNames",
    "description",
    "catalogCode",
    "externalId",
    "_search",
  ],
  filterableAttributes: [
    "id",
    "status",
    "districts",
    "streets",
    "tagIds",
    "catalogId",
    "catalogCode",
    "buyerId",
    "buyerKind",
    "crossDistrict",
    "budget",
    "budgetBand",
    "method",
    "minGrade",
    "allowedKinds",
    "requiredQualifications",
    "minYearsRegistered",
    "minSocialWorkers",
    "communityPriority",
    "enquiryDeadline",
    "bidDeadline",
    "publishedAt",
  ],
  sortableAttributes: ["id", "publishedAt", "bidDeadline", "budget", ...FAIR],
  // The description is searchable, not returned (the need's page shows it); hits stay small.
  displayedAttributes: [
    "id",
    "externalId",
    "title",
    "summary",
    "catalogId",
    "catalogCode",
    "catalogName",
    "tags",
    "tagsEn",
    "tagIds",
    "districts",
    "districtNames",
    "streets",
    "streetNames",
    "buyerId",
    "buyerName",
    "buyerKind",
    "crossDistrict",
    "budget",
    "budgetBand",
    "method",
    "minGrade",
    "allowedKinds",
    "requiredQualifications",
    "minYearsRegistered",
    "minSocialWorkers",
    "communityPriority",
    "enquiryDeadline",
    "bidDeadline",
    "servicePeriodStart",
    "servicePeriodEnd",
    "status",
    "publishedAt",
  ],
  rankingRules: RANKING_RULES,
  stopWords: [...STOP_WORDS],
  synonyms: {},
  typoTolerance: TYPO_TOLERANCE,
  maxTotalHits: 200_000,
  maxValuesPerFacet: 500,
};

export function settingsFor(index: IndexName, synonyms: Record<string, string[]> = {}): IndexSettings {
  return { ...(index === "needs" ? NEED_SETTINGS : ORG_SETTINGS), synonyms };
}

/** Meilisearch caps query words at 10 and ignores the rest; both engines do the same, and the page says so. */
export const MAX_QUERY_WORDS = 10;
