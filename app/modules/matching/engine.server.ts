// The matching engine (DESIGN.md, "Matching"; docs/decisions/014-matching.md). Both directions work the same way:
//
// 1. Eligibility is a hard filter. The need's rules become search-engine filters (a slightly loose pre-filter:
//    dates are compared a few days wide), and every organization that is finally listed has passed the exact
//    `checkEligibility` against the database — so a stale index or a rule the engine cannot express (a filed
//    group's custodian) never lets an ineligible organization through.
// 2. Retrieval is search-driven: one multi-search on the index — the need's key terms (tag names, catalog item,
//    title and summary words; the engine expands tag synonyms), each as its own query, plus the need's tags as a
//    filter — so an organization is found by any of them, not only by one that has every word.
// 3. Ranking (weights.ts): relevance (terms weighted by rarity among eligible organizations, tags by group and
//    rarity) dominates; grade, track record, community priority and locality order similar candidates.
// 4. Every result carries its reasons (reasons.ts).
import type { OrgKind } from "#app/.server/prisma/enums.ts";
import { prisma, type DbClient } from "#app/db.server.ts";
import { checkEligibility, type EligibilityFailure, type NeedRules, type OrgSnapshot } from "#app/modules/bids/eligibility.ts";
import { NEED_RULES_SELECT, ORG_SNAPSHOT_SELECT, toNeedRules, toOrgSnapshot } from "#app/modules/bids/eligibility.server.ts";
import { f, getSearch, loadFacetReference, loadSynonyms, words, type NeedDoc, type OrgDoc, type SearchRequest } from "#app/modules/search/index.server.ts";
import type { FacetReference } from "#app/modules/search/reference.server.ts";
import { cachedFor } from "#app/utils/cached.server.ts";
import type { Locality, MatchReason, NamedTag } from "./reasons.ts";
import { RETRIEVAL, TAG_GROUP_WEIGHT, WEIGHTS } from "./weights.ts";

const DAY = 86_400_000;

/** Words that say nothing about which service is wanted (they appear in almost every need or profile). */
const GENERIC_WORDS = new Set([
  "服务", "项目", "社区", "街道", "开展", "提供", "居民", "上海", "上海市", "区", "镇", "工作", "中心", "机构", "组织",
  "社会", "采购", "购买", "需求", "年度", "相关", "负责", "包括", "通过", "进行", "组织", "辖区", "本", "为", "个",
  "服务中心", "服务社", "社会工作", "事务所", "促进会", "协会", "基金会", "发展", "计划", "实施", "全年", "每周",
  "每月", "不少", "少于", "次", "名", "场", "人", "家", "户", "新区", "管理", "有限", "公司", "一", "二", "三",
]);

// ───────────────────────────── shared state (cached briefly) ─────────────────────────────

type Vocabulary = { ref: FacetReference; synonyms: Map<string, string[]>; tagDf: Map<number, number>; orgTotal: number; districtNames: Set<string> };
/** Tag labels, synonyms and how many organizations carry each tag (for tag rarity), kept for a minute. */
export const loadVocabulary = cachedFor(
  60_000,
  async (): Promise<Vocabulary> => {
    const [ref, synonyms, facets] = await Promise.all([
      loadFacetReference(),
      loadSynonyms(),
      getSearch().engine.orgs.search({ q: "", filter: f.eq("status", "VERIFIED"), facets: ["tagIds"], limit: 0 }),
    ]);
    const tagDf = new Map(Object.entries(facets.facetDistribution.tagIds ?? {}).map(([id, count]) => [Number(id), count]));
    const districtNames = new Set(ref.districts.flatMap((d) => [d.name, d.name.replace(/区$/, ""), ...d.streets.map((s) => s.name)]));
    return { ref, synonyms: new Map(Object.entries(synonyms)), tagDf, orgTotal: facets.totalHits, districtNames };
  },
  { serveStale: false },
);

export function clearMatchingCache() {
  loadVocabulary.clear();
}

// ───────────────────────────── terms ─────────────────────────────

/** The distinct meaningful words of some texts, in order of first appearance. */
export function keyTerms(texts: string[], vocab: Pick<Vocabulary, "districtNames">, max: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const word of words(text)) {
      if (out.length >= max) return out;
      if ([...word].length < 2 || GENERIC_WORDS.has(word) || vocab.districtNames.has(word) || /^\d+$/.test(word) || seen.has(word)) continue;
      seen.add(word);
      out.push(word);
    }
  }
  return out;
}

/** A term and the words that may stand for it (synonyms of the curated tags). */
function alternativesOf(term: string, synonyms: Map<string, string[]>) {
  return [term, ...(synonyms.get(term) ?? [])].map((word) => word.toLowerCase());
}

const idf = (total: number, df: number) => Math.log(1 + total / (1 + df));

function tagWeight(vocab: Vocabulary, tagId: number) {
  const tag = vocab.ref.tags.get(tagId);
  const group = tag ? (TAG_GROUP_WEIGHT[tag.groupKey] ?? 0.3) : 0.3;
  return group * idf(Math.max(vocab.orgTotal, 1), vocab.tagDf.get(tagId) ?? 0);
}

function namedTag(vocab: Vocabulary, id: number): NamedTag {
  const tag = vocab.ref.tags.get(id);
  return { id, nameZh: tag?.nameZh ?? String(id), nameEn: tag?.nameEn ?? tag?.nameZh ?? String(id) };
}

// ───────────────────────────── need → organizations ─────────────────────────────

/** What matching needs to know about a need (stored, or a draft being edited). */
export type NeedSubject = {
  title: string;
  summary: string;
  catalogName: string | null;
  tagIds: number[];
  districtCodes: string[];
  streetCodes: string[];
  communityPriority: boolean;
  rules: NeedRules;
};

export const NEED_SUBJECT_SELECT = {
  id: true,
  title: true,
  summary: true,
  communityPriority: true,
  catalogItem: { select: { nameZh: true } },
  tags: { select: { tagId: true } },
  streets: { select: { streetCode: true } },
  ...NEED_RULES_SELECT,
} as const;

type NeedSubjectRow = {
  title: string;
  summary: string;
  communityPriority: boolean;
  catalogItem: { nameZh: string } | null;
  tags: { tagId: number }[];
  streets: { streetCode: string }[];
} & Parameters<typeof toNeedRules>[0];

export function toNeedSubject(need: NeedSubjectRow): NeedSubject {
  const rules = toNeedRules(need);
  return {
    title: need.title,
    summary: need.summary,
    catalogName: need.catalogItem?.nameZh ?? null,
    tagIds: need.tags.map((t) => t.tagId),
    districtCodes: rules.districtCodes,
    streetCodes: need.streets.map((s) => s.streetCode),
    communityPriority: need.communityPriority,
    rules,
  };
}

/** The need's eligibility rules as a search filter on organizations (a pre-filter: the exact check follows). */
export function orgEligibilityFilter(rules: NeedRules, at: Date): string {
  const reference = rules.bidDeadline ? new Date(rules.bidDeadline).getTime() : at.getTime();
  return f.and(
    f.eq("status", "VERIFIED"),
    rules.allowedKinds.length > 0 && f.in("kind", rules.allowedKinds),
    // A grade is valid through its last day (Shanghai time): compared a day wide here, exactly afterwards.
    rules.minGrade ? f.and(f.gte("grade", rules.minGrade), f.gte("gradeValidUntil", reference - 2 * DAY)) : null,
    ...rules.requiredQualifications.map((qualification) => f.eq("qualifications", qualification)),
    rules.minSocialWorkers && rules.minSocialWorkers > 0 ? f.gte("certifiedSocialWorkers", rules.minSocialWorkers) : null,
    rules.minYearsRegistered && rules.minYearsRegistered > 0 ? f.lte("foundedOn", reference - rules.minYearsRegistered * 365 * DAY + 3 * DAY) : null,
    !rules.crossDistrict && rules.districtCodes.length > 0 ? f.in("serviceDistricts", rules.districtCodes) : null,
  );
}

export type OrgFilters = { district?: string[]; kind?: OrgKind[]; grade?: number | null };

function orgUserFilter(filters: OrgFilters, at: Date) {
  return f.and(
    filters.district?.length ? f.in("serviceDistricts", filters.district) : null,
    filters.kind?.length ? f.in("kind", filters.kind) : null,
    filters.grade ? f.and(f.gte("grade", filters.grade), f.gte("gradeValidUntil", at.getTime())) : null,
  );
}

export type OrgMatch = {
  id: number;
  name: string;
  uscc: string | null;
  filingNo: string | null;
  kind: OrgKind;
  isCommunityOrg: boolean;
  district: { code: string; name: string; nameEn: string } | null;
  grade: number | null;
  score: number;
  relevance: number;
  reasons: MatchReason[];
};

type Scored<Doc> = { doc: Doc; score: number; relevance: number; reasons: MatchReason[] };

function localityOf(orgDistrict: string, orgStreet: string | null, orgServiceDistricts: string[], needDistricts: string[], needStreets: string[]): Locality {
  if (orgStreet && needStreets.includes(orgStreet)) return "street";
  if (needDistricts.includes(orgDistrict)) return "district";
  if (orgServiceDistricts.some((code) => needDistricts.includes(code))) return "serviceDistrict";
  return "cross";
}

const LOCALITY_SHARE: Record<Locality, number> = { street: 1, district: WEIGHTS.localityDistrict, serviceDistrict: WEIGHTS.localityServiceDistrict, cross: 0, elsewhere: 0 };

function districtLabel(vocab: Vocabulary, code: string | undefined) {
  const district = code ? vocab.ref.districts.find((d) => d.code === code) : undefined;
  return district ? { zh: district.name, en: district.nameEn } : null;
}

/** Matched terms of a document's text (with synonyms), and the relevance share they carry. */
function termMatch(text: string, terms: { term: string; alternatives: string[]; weight: number }[]) {
  let weight = 0;
  const matched: string[] = [];
  for (const term of terms) {
    if (term.alternatives.some((alternative) => text.includes(alternative))) {
      weight += term.weight;
      matched.push(term.term);
    }
  }
  return { weight, matched };
}

/** Retrieves and scores candidate organizations for a need (eligibility pre-filtered by the engine). */
async function scoreOrgs(subject: NeedSubject, filters: OrgFilters, at: Date) {
  const vocab = await loadVocabulary();
  const orgs = getSearch().engine.orgs;
  const tagNames = subject.tagIds.map((id) => vocab.ref.tags.get(id)?.nameZh).filter((name): name is string => Boolean(name));
  const terms = keyTerms([tagNames.join(" "), subject.catalogName ?? "", subject.title, subject.summary], vocab, RETRIEVAL.maxTerms);
  const filter = f.and(orgEligibilityFilter(subject.rules, at), orgUserFilter(filters, at));
  const retrieve = ["id", "name", "description", "tags", "tagIds", "kind", "isCommunityOrg", "district", "street", "serviceDistricts", "grade", "gradeValidUntil", "completedContracts", "ratingAvg", "ratingCount"];
  // First the counts (cheap: no ranking, no documents): how many eligible organizations there are, and how many
  // mention each term (its rarity). Then candidates from the rarer terms and from the need's tags — a term that
  // most organizations mention finds nobody in particular, and weighs little in the score anyway.
  const [all, ...counts] = await orgs.multiSearch([{ q: "", filter, limit: 0 }, ...terms.map((term) => ({ q: term, filter, limit: 0 }))]);
  const eligibleTotal = all.totalHits;
  const df = counts.map((response) => response.totalHits);
  const selective = terms
    .map((term, i) => ({ term, df: df[i] }))
    .filter((t) => t.df > 0)
    .sort((a, b) => a.df - b.df)
    .filter((t, i) => i < 2 || (i < RETRIEVAL.candidateTerms && t.df <= eligibleTotal * RETRIEVAL.commonShare));
  const requests: SearchRequest[] = selective.map((t) => ({ q: t.term, filter, limit: RETRIEVAL.perTerm, attributesToRetrieve: retrieve }));
  if (subject.tagIds.length > 0) {
    requests.push({ q: "", filter: f.and(filter, f.in("tagIds", subject.tagIds)), limit: RETRIEVAL.byTags, sort: ["completedContracts:desc", "grade:desc"], attributesToRetrieve: retrieve });
  }
  const candidates = new Map<number, OrgDoc>();
  for (const response of await orgs.multiSearch(requests)) for (const hit of response.hits) candidates.set(hit.id, hit);

  const weightedTerms = terms.map((term, i) => ({ term, alternatives: alternativesOf(term, vocab.synonyms), weight: idf(Math.max(eligibleTotal, 1), df[i]) }));
  const termTotal = weightedTerms.reduce((sum, term) => sum + term.weight, 0);
  const needTagWeights = new Map(subject.tagIds.map((id) => [id, tagWeight(vocab, id)]));
  const tagTotal = [...needTagWeights.values()].reduce((sum, w) => sum + w, 0);
  const tagShare = tagTotal > 0 ? WEIGHTS.tagShare : 0;
  const tagNameSet = new Set(tagNames);
  const now = at.getTime();

  const scored: Scored<OrgDoc>[] = [];
  for (const doc of candidates.values()) {
    const text = `${doc.name} ${doc.tags.join(" ")} ${doc.description}`.toLowerCase();
    const terms = termMatch(text, weightedTerms);
    const shared = doc.tagIds.filter((id) => needTagWeights.has(id));
    const tagScore = tagTotal > 0 ? shared.reduce((sum, id) => sum + needTagWeights.get(id)!, 0) / tagTotal : 0;
    const termScore = termTotal > 0 ? terms.weight / termTotal : 0;
    const relevance = tagShare * tagScore + (1 - tagShare) * termScore;
    if (relevance <= 0) continue;
    const gradeValid = doc.grade !== null && doc.gradeValidUntil !== null && doc.gradeValidUntil + DAY > now;
    const locality = localityOf(doc.district, doc.street, doc.serviceDistricts, subject.districtCodes, subject.streetCodes);
    const rating = doc.ratingAvg !== null ? Math.max(0, Math.min(1, (doc.ratingAvg - 3) / 2)) * Math.min(1, doc.ratingCount / WEIGHTS.ratingConfidence) : 0;
    const community = subject.communityPriority && doc.isCommunityOrg;
    const score =
      WEIGHTS.relevance * relevance +
      (gradeValid ? (WEIGHTS.grade * doc.grade!) / 5 : 0) +
      WEIGHTS.track * Math.min(1, doc.completedContracts / WEIGHTS.trackSaturation) +
      WEIGHTS.rating * rating +
      (community ? WEIGHTS.communityPriority : 0) +
      WEIGHTS.locality * LOCALITY_SHARE[locality];

    const reasons: MatchReason[] = [];
    if (shared.length > 0) reasons.push({ kind: "tags", tags: shared.sort((a, b) => needTagWeights.get(b)! - needTagWeights.get(a)!).map((id) => namedTag(vocab, id)) });
    const extraTerms = terms.matched.filter((term) => !tagNameSet.has(term));
    if (extraTerms.length > 0) reasons.push({ kind: "terms", terms: extraTerms.slice(0, 5) });
    if (gradeValid) reasons.push({ kind: "grade", level: doc.grade!, validUntil: new Date(doc.gradeValidUntil!).toISOString() });
    if (doc.completedContracts > 0 || doc.ratingCount > 0) reasons.push({ kind: "track", contracts: doc.completedContracts, ratingAvg: doc.ratingAvg, ratingCount: doc.ratingCount });
    if (doc.isCommunityOrg) reasons.push({ kind: "community", priority: subject.communityPriority });
    reasons.push({ kind: "locality", scope: locality, district: districtLabel(vocab, locality === "cross" ? doc.district : locality === "serviceDistrict" ? subject.districtCodes.find((c) => doc.serviceDistricts.includes(c)) : doc.district) });
    scored.push({ doc, score, relevance, reasons });
  }
  scored.sort((a, b) => b.score - a.score || a.doc.id - b.doc.id);
  return { eligibleTotal, scored, vocab };
}

type SnapshotRow = {
  id: number; name: string; uscc: string | null; filingNo: string | null; status: OrgSnapshot["status"]; kind: OrgKind;
  gradeLevel: number | null; gradeValidUntil: Date | string | null; foundedOn: Date | string | null; taxExempt: boolean; preTaxDeduction: boolean;
  donationReceipts: boolean; certifiedSocialWorkers: number; districtCode: string; custodianId: number | null; custodianStatus: OrgSnapshot["status"] | null;
  serviceDistrictCodes: string[] | null;
};

/** What the exact eligibility check reads, for a page of candidates, in one query (the ORG_SNAPSHOT_SELECT fields). */
async function loadOrgSnapshots(db: DbClient, ids: number[]) {
  if (ids.length === 0) return new Map<number, { name: string; uscc: string | null; filingNo: string | null; snapshot: OrgSnapshot }>();
  const rows = await db.$queryRaw<SnapshotRow[]>`
    SELECT o.id, o.name, o.uscc, o."filingNo", o.status::text AS status, o.kind::text AS kind, o."gradeLevel",
      to_char(o."gradeValidUntil", 'YYYY-MM-DD') AS "gradeValidUntil", to_char(o."foundedOn", 'YYYY-MM-DD') AS "foundedOn",
      o."taxExempt", o."preTaxDeduction", o."donationReceipts", o."certifiedSocialWorkers", o."districtCode",
      c.id AS "custodianId", c.status::text AS "custodianStatus",
      (SELECT array_agg(s."districtCode") FROM "OrgServiceDistrict" s WHERE s."orgId" = o.id) AS "serviceDistrictCodes"
    FROM "Organization" o LEFT JOIN "Organization" c ON c.id = o."custodianId"
    WHERE o.id = ANY(${ids}::int[])`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        name: row.name,
        uscc: row.uscc,
        filingNo: row.filingNo,
        snapshot: {
          id: row.id,
          status: row.status,
          kind: row.kind,
          gradeLevel: row.gradeLevel,
          // Dates as calendar days (UTC midnight), as Prisma reads @db.Date columns.
          gradeValidUntil: row.gradeValidUntil ? new Date(`${String(row.gradeValidUntil)}T00:00:00Z`) : null,
          foundedOn: row.foundedOn ? new Date(`${String(row.foundedOn)}T00:00:00Z`) : null,
          taxExempt: row.taxExempt,
          preTaxDeduction: row.preTaxDeduction,
          donationReceipts: row.donationReceipts,
          certifiedSocialWorkers: row.certifiedSocialWorkers,
          districtCode: row.districtCode,
          serviceDistrictCodes: row.serviceDistrictCodes ?? [],
          custodian: row.custodianId !== null ? { id: row.custodianId, status: row.custodianStatus! } : null,
        } satisfies OrgSnapshot,
      },
    ]),
  );
}

/**
 * Ranked eligible organizations for a need. `limit` results after `offset`; `matched` counts every relevant
 * candidate found (before the exact check), `eligibleTotal` every organization the rules admit.
 */
export async function matchOrgsForNeed(
  subject: NeedSubject,
  options: { limit?: number; offset?: number; filters?: OrgFilters; at: Date; db?: DbClient },
): Promise<{ eligibleTotal: number; matched: number; results: OrgMatch[]; excluded: number }> {
  const db = options.db ?? prisma;
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  const { eligibleTotal, scored, vocab } = await scoreOrgs(subject, options.filters ?? {}, options.at);
  const wanted = offset + limit;
  const results: OrgMatch[] = [];
  let excluded = 0;
  let kept = 0;
  // The exact rules, against the database, for as many candidates as the page needs.
  for (let start = 0; start < scored.length && kept < wanted; ) {
    const chunk = scored.slice(start, start + Math.max(20, Math.ceil((wanted - kept) * 1.3)));
    start += chunk.length;
    const byId = await loadOrgSnapshots(db, chunk.map((c) => c.doc.id));
    for (const candidate of chunk) {
      const row = byId.get(candidate.doc.id);
      if (!row || checkEligibility(row.snapshot, subject.rules, options.at).length > 0) {
        excluded++;
        continue;
      }
      kept++;
      if (kept <= offset || kept > wanted) continue;
      const district = vocab.ref.districts.find((d) => d.code === row.snapshot.districtCode);
      results.push({
        id: row.snapshot.id,
        name: row.name,
        uscc: row.uscc,
        filingNo: row.filingNo,
        kind: row.snapshot.kind,
        isCommunityOrg: candidate.doc.isCommunityOrg,
        district: district ? { code: district.code, name: district.name, nameEn: district.nameEn } : null,
        grade: row.snapshot.gradeLevel,
        score: Math.round(candidate.score * 10) / 10,
        relevance: candidate.relevance,
        reasons: candidate.reasons,
      });
    }
  }
  return { eligibleTotal, matched: scored.length - excluded, results, excluded };
}

/** How many organizations a need's rules admit (the engine pre-filter: the live count on the posting form). */
export async function countEligibleOrgs(rules: NeedRules, at: Date): Promise<number> {
  const response = await getSearch().engine.orgs.search({ q: "", filter: orgEligibilityFilter(rules, at), limit: 0 });
  return response.totalHits;
}

// ───────────────────────────── organization → needs ─────────────────────────────

const ORG_SUBJECT_SELECT = {
  ...ORG_SNAPSHOT_SELECT,
  description: true,
  streetCode: true,
  isCommunityOrg: true,
  tags: { select: { tagId: true } },
} as const;

async function loadOrgSubject(db: DbClient, orgId: number) {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: ORG_SUBJECT_SELECT });
  if (!org) return null;
  return { org, snapshot: toOrgSnapshot(org), tagIds: org.tags.map((t) => t.tagId) };
}

type OrgSubject = NonNullable<Awaited<ReturnType<typeof loadOrgSubject>>>;

/** Open needs (published, bid deadline ahead) as a filter; with `eligibleFor`, the pre-filter of the org's eligibility. */
function openNeedFilter(at: Date, eligibleFor?: OrgSnapshot) {
  const open = f.and(f.eq("status", "PUBLISHED"), f.gt("bidDeadline", at.getTime()));
  if (!eligibleFor) return open;
  const org = eligibleFor;
  const gradeValid = org.gradeLevel && org.gradeValidUntil && new Date(org.gradeValidUntil).getTime() + DAY > at.getTime() ? org.gradeLevel : 0;
  const held = [org.taxExempt && "TAX_EXEMPT", org.preTaxDeduction && "PRE_TAX_DEDUCTION", org.donationReceipts && "DONATION_RECEIPTS"].filter(Boolean) as string[];
  const missing = ["TAX_EXEMPT", "PRE_TAX_DEDUCTION", "DONATION_RECEIPTS"].filter((q) => !held.includes(q));
  const served = [...new Set([org.districtCode, ...org.serviceDistrictCodes])];
  return f.and(
    open,
    f.or("allowedKinds IS EMPTY", f.eq("allowedKinds", org.kind)),
    gradeValid ? f.or(f.isNull("minGrade"), f.lte("minGrade", gradeValid)) : f.or(f.isNull("minGrade"), f.lte("minGrade", 0)),
    missing.length > 0 ? f.notIn("requiredQualifications", missing) : null,
    f.or(f.isNull("minSocialWorkers"), f.lte("minSocialWorkers", org.certifiedSocialWorkers)),
    f.or(f.eq("crossDistrict", true), f.in("districts", served)),
  );
}

export function needDocRules(doc: NeedDoc): NeedRules {
  return {
    crossDistrict: doc.crossDistrict,
    districtCodes: doc.districts,
    minGrade: doc.minGrade,
    allowedKinds: doc.allowedKinds,
    requiredQualifications: doc.requiredQualifications,
    minYearsRegistered: doc.minYearsRegistered,
    minSocialWorkers: doc.minSocialWorkers,
    bidDeadline: doc.bidDeadline === null ? null : new Date(doc.bidDeadline),
  };
}

async function scoreNeeds(subject: OrgSubject, filter: string, vocab: Vocabulary) {
  const needs = getSearch().engine.needs;
  const { org } = subject;
  const domainFirst = [...subject.tagIds].sort((a, b) => (TAG_GROUP_WEIGHT[vocab.ref.tags.get(b)?.groupKey ?? ""] ?? 0) - (TAG_GROUP_WEIGHT[vocab.ref.tags.get(a)?.groupKey ?? ""] ?? 0));
  const tagNames = domainFirst.map((id) => vocab.ref.tags.get(id)?.nameZh).filter((name): name is string => Boolean(name));
  const terms = keyTerms([tagNames.join(" "), org.name, org.description.slice(0, 300)], vocab, RETRIEVAL.maxTerms);
  const requests: SearchRequest[] = [{ q: "", filter, limit: 0 }, ...terms.map((term) => ({ q: term, filter, limit: RETRIEVAL.perTerm }))];
  if (subject.tagIds.length > 0) requests.push({ q: "", filter: f.and(filter, f.in("tagIds", subject.tagIds)), limit: RETRIEVAL.byTags, sort: ["bidDeadline:asc"] });
  const [all, ...rest] = await needs.multiSearch(requests);
  const candidates = new Map<number, NeedDoc>();
  for (const response of rest) for (const hit of response.hits) candidates.set(hit.id, hit);
  const total = Math.max(all.totalHits, 1);
  const weightedTerms = terms.map((term, i) => ({ term, alternatives: alternativesOf(term, vocab.synonyms), weight: idf(total, rest[i].totalHits) }));
  const termTotal = weightedTerms.reduce((sum, term) => sum + term.weight, 0);
  const tagNameSet = new Set(tagNames);
  const orgTags = new Set(subject.tagIds);

  const scored: Scored<NeedDoc>[] = [];
  for (const doc of candidates.values()) {
    const text = `${doc.title} ${doc.tags.join(" ")} ${doc.catalogName ?? ""} ${doc.summary}`.toLowerCase();
    const terms = termMatch(text, weightedTerms);
    const shared = doc.tagIds.filter((id) => orgTags.has(id));
    const needTagTotal = doc.tagIds.reduce((sum, id) => sum + tagWeight(vocab, id), 0);
    const tagScore = needTagTotal > 0 ? shared.reduce((sum, id) => sum + tagWeight(vocab, id), 0) / needTagTotal : 0;
    const termScore = termTotal > 0 ? terms.weight / termTotal : 0;
    const share = needTagTotal > 0 ? WEIGHTS.tagShare : 0;
    const relevance = share * tagScore + (1 - share) * termScore;
    if (relevance <= 0) continue;
    const locality = localityOf(org.districtCode, org.streetCode, subject.snapshot.serviceDistrictCodes, doc.districts, doc.streets);
    const community = doc.communityPriority && org.isCommunityOrg;
    const score = WEIGHTS.relevance * relevance + (community ? WEIGHTS.communityPriority : 0) + 2 * WEIGHTS.locality * LOCALITY_SHARE[locality];
    const reasons: MatchReason[] = [];
    if (shared.length > 0) reasons.push({ kind: "tags", tags: shared.map((id) => namedTag(vocab, id)) });
    const extraTerms = terms.matched.filter((term) => !tagNameSet.has(term));
    if (extraTerms.length > 0) reasons.push({ kind: "terms", terms: extraTerms.slice(0, 5) });
    if (community) reasons.push({ kind: "community", priority: true });
    reasons.push({ kind: "locality", scope: locality === "cross" ? "elsewhere" : locality, district: districtLabel(vocab, locality === "cross" ? doc.districts[0] : doc.districts.find((c) => c === org.districtCode || subject.snapshot.serviceDistrictCodes.includes(c))) });
    scored.push({ doc, score, relevance, reasons });
  }
  scored.sort((a, b) => b.score - a.score || (a.doc.bidDeadline ?? 0) - (b.doc.bidDeadline ?? 0) || a.doc.id - b.doc.id);
  return { eligibleTotal: all.totalHits, scored };
}

export type NeedMatch = {
  id: number;
  title: string;
  buyerName: string;
  districts: { code: string; name: string; nameEn: string }[];
  budget: number | null;
  bidDeadline: string | null;
  score: number;
  reasons: MatchReason[];
};

/** Open needs an organization is eligible for, ranked for its tags, districts and profile. */
export async function matchNeedsForOrg(orgId: number, options: { limit?: number; at: Date; db?: DbClient }): Promise<{ results: NeedMatch[]; matched: number; openEligible: number }> {
  const db = options.db ?? prisma;
  const limit = options.limit ?? 20;
  const subject = await loadOrgSubject(db, orgId);
  if (!subject) return { results: [], matched: 0, openEligible: 0 };
  const vocab = await loadVocabulary();
  const { scored, eligibleTotal } = await scoreNeeds(subject, openNeedFilter(options.at, subject.snapshot), vocab);
  const results: NeedMatch[] = [];
  let excluded = 0;
  for (let start = 0; start < scored.length && results.length < limit; ) {
    const chunk = scored.slice(start, start + Math.max(20, limit * 2));
    start += chunk.length;
    const rows = await db.need.findMany({ where: { id: { in: chunk.map((c) => c.doc.id) }, status: "PUBLISHED" }, select: { id: true, ...NEED_RULES_SELECT } });
    const rules = new Map(rows.map((row) => [row.id, toNeedRules(row)]));
    for (const candidate of chunk) {
      const need = rules.get(candidate.doc.id);
      if (!need || !need.bidDeadline || new Date(need.bidDeadline).getTime() <= options.at.getTime() || checkEligibility(subject.snapshot, need, options.at).length > 0) {
        excluded++;
        continue;
      }
      if (results.length >= limit) break;
      const doc = candidate.doc;
      results.push({
        id: doc.id,
        title: doc.title,
        buyerName: doc.buyerName,
        districts: doc.districts.map((code, i) => {
          const d = vocab.ref.districts.find((x) => x.code === code);
          return { code, name: d?.name ?? doc.districtNames[i] ?? code, nameEn: d?.nameEn ?? code };
        }),
        budget: doc.budget,
        bidDeadline: doc.bidDeadline === null ? null : new Date(doc.bidDeadline).toISOString(),
        score: Math.round(candidate.score * 10) / 10,
        reasons: candidate.reasons,
      });
    }
  }
  return { results, matched: scored.length - excluded, openEligible: eligibleTotal };
}

// ───────────────────────────── what would widen an organization's reach ─────────────────────────────

export type ReachAdvice = {
  /** Open needs in the organization's fields. */
  relevant: number;
  /** Of those, how many it may bid on now. */
  eligible: number;
  /** Rules that keep it out of the others, most frequent first, with what it would take. */
  blockers: { rule: EligibilityFailure["rule"]; count: number; example: EligibilityFailure }[];
};

/** Counts, over the open needs in the organization's fields, the rules it fails — what would widen its reach. */
export async function reachAdviceForOrg(orgId: number, options: { at: Date; db?: DbClient }): Promise<ReachAdvice | null> {
  const db = options.db ?? prisma;
  const subject = await loadOrgSubject(db, orgId);
  if (!subject) return null;
  const vocab = await loadVocabulary();
  const { scored } = await scoreNeeds(subject, openNeedFilter(options.at), vocab);
  const relevant = scored.filter((candidate) => candidate.relevance >= 0.15);
  const counts = new Map<EligibilityFailure["rule"], { count: number; example: EligibilityFailure }>();
  let eligible = 0;
  for (const candidate of relevant) {
    const failures = checkEligibility(subject.snapshot, needDocRules(candidate.doc), options.at);
    if (failures.length === 0) eligible++;
    for (const failure of failures) {
      const entry = counts.get(failure.rule);
      if (entry) entry.count++;
      else counts.set(failure.rule, { count: 1, example: failure });
    }
  }
  const blockers = [...counts].map(([rule, entry]) => ({ rule, ...entry })).sort((a, b) => b.count - a.count);
  return { relevant: relevant.length, eligible, blockers };
}
