// The search pages' service: turns validated URL parameters into engine requests (filters, disjunctive facet
// counts, sort with today's fair order), shapes the results for the pages, logs searches for the admin's "searched
// for but not found" list, and answers search-as-you-type suggestions.
import { prisma } from "#app/db.server.ts";
import type { Actor } from "#app/modules/accounts/permissions.ts";
import { needPhase } from "#app/modules/needs/phase.ts";
import { fairFieldFor, type NeedDoc, type OrgDoc } from "./documents.ts";
import { f } from "./filter.ts";
import type { Hit, SearchRequest, SearchResponse } from "./port.ts";
import { loadFacetReference, type FacetReference } from "./reference.server.ts";
import { DEADLINE_WINDOWS, NEED_PHASES, PAGE_SIZE, type NeedSearchParams, type OrgSearchParams } from "./schemas.ts";
import { MAX_QUERY_WORDS } from "./settings.ts";
import type { Facet, FacetOption, NeedResult, OrgResult, SearchSummary, SuggestItem, Suggestion } from "./view-types.ts";
import { getSearch } from "./sync.server.ts";
import { words } from "./tokenizer.server.ts";

const DAY = 86_400_000;
const PRE = "\uE000";
const POST = "\uE001";

// ───────────────────────────── shared helpers ─────────────────────────────

/** Caps the query at Meilisearch's ten words, telling the page which words were dropped. */
export function prepareQuery(q: string): { q: string; ignoredWords: string[] } {
  if (!q) return { q: "", ignoredWords: [] };
  const all = words(q);
  if (all.length <= MAX_QUERY_WORDS) return { q, ignoredWords: [] };
  return { q: all.slice(0, MAX_QUERY_WORDS).join(" "), ignoredWords: all.slice(MAX_QUERY_WORDS) };
}

function hrefWith(base: string, params: URLSearchParams, change: (p: URLSearchParams) => void) {
  const next = new URLSearchParams(params);
  next.delete("page");
  change(next);
  const query = next.toString();
  return query ? `${base}?${query}` : base;
}

function tagFacets(ref: FacetReference, distribution: Record<string, number> | undefined, selected: number[], perGroup: Map<string, Record<string, number>>): Facet[] {
  return ref.tagGroups.map((group) => {
    const counts = perGroup.get(group.key) ?? distribution ?? {};
    const options = group.tags
      .map((tag) => ({
        value: String(tag.id),
        label: tag.nameZh,
        labelEn: tag.nameEn ?? tag.nameZh,
        count: counts[String(tag.id)] ?? 0,
        selected: selected.includes(tag.id),
      }))
      .filter((option) => option.count > 0 || option.selected)
      .sort((a, b) => Number(b.selected) - Number(a.selected) || b.count - a.count);
    return { param: "tag", kind: "checkbox" as const, labelKey: "search.facet.tags", label: { zh: group.nameZh, en: group.nameEn }, options };
  });
}

function districtOptions(ref: FacetReference, counts: Record<string, number>, selected: string[]): FacetOption[] {
  return ref.districts
    .map((d) => ({ value: d.code, label: d.name, labelEn: d.nameEn, count: counts[d.code] ?? 0, selected: selected.includes(d.code) }))
    .filter(shown);
}

/** Options that would find nothing are left out, unless chosen. */
const shown = (option: FacetOption) => option.count > 0 || option.selected;

function streetOptions(ref: FacetReference, districts: string[], counts: Record<string, number>, selected: string[]): FacetOption[] {
  const inDistricts = ref.districts.filter((d) => districts.includes(d.code)).flatMap((d) => d.streets);
  const extra = selected.filter((code) => !inDistricts.some((s) => s.code === code)).map((code) => ref.streets.get(code)).filter(Boolean) as { code: string; name: string }[];
  return [...inDistricts, ...extra]
    .map((s) => ({ value: s.code, label: s.name, labelEn: s.name, count: counts[s.code] ?? 0, selected: selected.includes(s.code) }))
    .filter((option) => option.count > 0 || option.selected);
}

/** Tag filters: OR within a tag group, AND across groups (unknown ids are dropped). */
function tagFilterParts(ref: FacetReference, tagIds: number[]): Map<string, string> {
  const byGroup = new Map<string, number[]>();
  for (const id of tagIds) {
    const tag = ref.tags.get(id);
    if (!tag) continue;
    byGroup.set(tag.groupKey, [...(byGroup.get(tag.groupKey) ?? []), id]);
  }
  return new Map([...byGroup].map(([group, ids]) => [`tag:${group}`, f.in("tagIds", ids)]));
}

function withoutPart(parts: Map<string, string>, ...keys: string[]) {
  return f.and(...[...parts].filter(([key]) => !keys.includes(key)).map(([, part]) => part));
}

// Search logs are written in batches (every second, or 100 at a time): one insert per search would put a write
// on every results page. A crash loses at most a second of logs, which only feed the admin's statistics.
type PendingLog = { scope: "NEEDS" | "ORGS"; query: string; filters: object; resultCount: number; userId: number | null; role: string | null };
const pendingLogs: PendingLog[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function logSearch(scope: "NEEDS" | "ORGS", q: string, filters: Record<string, unknown>, resultCount: number, actor: Actor) {
  pendingLogs.push({
    scope,
    query: q.slice(0, 200),
    filters,
    resultCount,
    userId: actor.type === "user" ? actor.userId : null,
    role: actor.type === "user" ? actor.role : actor.type === "system" ? "SYSTEM" : null,
  });
  if (pendingLogs.length >= 100) void flushSearchLogs();
  else if (!flushTimer) {
    flushTimer = setTimeout(() => void flushSearchLogs(), 1000);
    flushTimer.unref();
  }
}

/** Writes the buffered search logs (also called at shutdown and by tests). */
export async function flushSearchLogs() {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  const batch = pendingLogs.splice(0);
  if (batch.length === 0) return;
  try {
    await prisma.searchLog.createMany({ data: batch });
  } catch (error) {
    console.error(`[search] could not write ${batch.length} search logs`, error);
  }
}

function activeFilters(params: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(params).filter(([key, value]) => !["q", "page", "sort"].includes(key) && value !== null && value !== false && !(Array.isArray(value) && value.length === 0)),
  );
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function tagsOf(doc: { tagIds: number[]; tags: string[]; tagsEn: string[] }, ref: FacetReference) {
  return doc.tagIds.map((id, i) => {
    const tag = ref.tags.get(id);
    return { id, name: tag?.nameZh ?? doc.tags[i] ?? "", nameEn: tag?.nameEn ?? tag?.nameZh ?? doc.tags[i] ?? "" };
  });
}

function formatted<Doc>(hit: Hit<Doc>, attr: keyof Doc & string): string {
  const value = hit._formatted?.[attr];
  return typeof value === "string" ? value : String((hit as Record<string, unknown>)[attr] ?? "");
}

// ───────────────────────────── needs ─────────────────────────────

function phaseFilter(phases: NeedSearchParams["phase"], now: number): string | null {
  const wanted = phases.length === 0 ? ["OPEN_FOR_BIDS"] : phases;
  if (wanted.includes("all")) return null;
  return f.or(
    ...wanted.map((phase) => {
      if (phase === "OPEN_FOR_BIDS") return f.and(f.eq("status", "PUBLISHED"), f.or(f.gt("bidDeadline", now), f.isNull("bidDeadline")));
      if (phase === "BIDDING_CLOSED") return f.and(f.eq("status", "PUBLISHED"), f.lte("bidDeadline", now));
      return f.eq("status", phase);
    }),
  );
}

const NEED_SORT: Record<NeedSearchParams["sort"], string[]> = {
  relevance: [],
  newest: ["publishedAt:desc"],
  deadline: ["bidDeadline:asc"],
  budget_desc: ["budget:desc"],
  budget_asc: ["budget:asc"],
};

const deadlineWindow = (window: (typeof DEADLINE_WINDOWS)[number], now: number) =>
  f.and(f.eq("status", "PUBLISHED"), f.gt("bidDeadline", now), f.lte("bidDeadline", now + (window === "7d" ? 7 : 30) * DAY));

/** The filter conditions of a needs search, by facet (the page, and saved-search alerts, build on them). */
export function needFilterParts(params: Pick<NeedSearchParams, "phase" | "district" | "street" | "tag" | "catalog" | "budget" | "cross" | "deadline">, ref: FacetReference, now: number) {
  const parts = new Map<string, string>();
  const phase = phaseFilter(params.phase, now);
  if (phase) parts.set("phase", phase);
  if (params.district.length) parts.set("district", f.in("districts", params.district));
  if (params.street.length) parts.set("street", f.in("streets", params.street));
  for (const [key, part] of tagFilterParts(ref, params.tag)) parts.set(key, part);
  if (params.catalog.length) parts.set("catalog", f.in("catalogId", params.catalog));
  if (params.budget.length) parts.set("budget", f.in("budgetBand", params.budget));
  if (params.cross) parts.set("cross", f.eq("crossDistrict", true));
  if (params.deadline) parts.set("deadline", deadlineWindow(params.deadline, now));
  return parts;
}

export async function searchNeeds(input: {
  params: NeedSearchParams;
  urlParams: URLSearchParams;
  actor: Actor;
  now?: Date;
}): Promise<SearchSummary & { results: NeedResult[] }> {
  const started = performance.now();
  const { params, urlParams, actor } = input;
  const now = (input.now ?? new Date()).getTime();
  const search = getSearch();
  await search.syncNow();
  const index = search.engine.needs;
  const ref = await loadFacetReference();
  const { q, ignoredWords } = prepareQuery(params.q);

  const parts = needFilterParts(params, ref, now);
  const phase = parts.get("phase") ?? null;

  const fair = fairFieldFor(new Date(now));
  const sort = [...NEED_SORT[params.sort], `${fair}:asc`];
  const page = params.page;
  const main: SearchRequest = {
    q,
    filter: withoutPart(parts),
    facets: ["districts", "streets", "tagIds", "catalogId", "budgetBand", "crossDistrict"],
    sort,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    attributesToHighlight: ["title", "summary"],
    attributesToCrop: ["summary:40"],
    highlightPreTag: PRE,
    highlightPostTag: POST,
    cropMarker: "…",
  };

  // Disjunctive facets: the counts of a facet ignore that facet's own selection (so other values stay choosable).
  const extra: { key: string; request: SearchRequest }[] = [];
  const facetQuery = (key: string, facets: string[], filter: string) => extra.push({ key, request: { q, filter, facets, limit: 0 } });
  for (const key of ["district", "street", "catalog", "budget"]) if (parts.has(key)) facetQuery(key, [{ district: "districts", street: "streets", catalog: "catalogId", budget: "budgetBand" }[key]!], withoutPart(parts, key));
  for (const key of parts.keys()) if (key.startsWith("tag:")) facetQuery(key, ["tagIds"], withoutPart(parts, key));
  const phaseBase = withoutPart(parts, "phase");
  facetQuery("phase", ["status"], phaseBase);
  extra.push({ key: "phase:open", request: { q, filter: f.and(phaseBase, phaseFilter(["OPEN_FOR_BIDS"], now)!), limit: 0 } });
  const deadlineBase = withoutPart(parts, "deadline");
  for (const window of DEADLINE_WINDOWS) extra.push({ key: `deadline:${window}`, request: { q, filter: f.and(deadlineBase, deadlineWindow(window, now)), limit: 0 } });

  let responses = await index.multiSearch([main, ...extra.map((e) => e.request)]);
  let relaxed = false;
  if (responses[0].totalHits === 0 && q && words(q).length > 1) {
    // No need has every word: show the ones that match the first words (Meilisearch's "last" strategy).
    const last = await index.multiSearch([{ ...main, matchingStrategy: "last" }, ...extra.map((e) => ({ ...e.request, matchingStrategy: "last" as const }))]);
    if (last[0].totalHits > 0) {
      responses = last;
      relaxed = true;
    }
  }
  const [result, ...facetResults] = responses;
  const byKey = new Map(extra.map((e, i) => [e.key, facetResults[i]]));
  const dist = (key: string, attr: string) => (byKey.get(key) ?? result).facetDistribution[attr] ?? {};

  const statusCounts = byKey.get("phase")!.facetDistribution.status ?? {};
  const openCount = byKey.get("phase:open")!.totalHits;
  const selectedPhases = params.phase.length === 0 ? ["OPEN_FOR_BIDS"] : params.phase;
  const phaseCount = (phase: string) =>
    phase === "OPEN_FOR_BIDS" ? openCount : phase === "BIDDING_CLOSED" ? (statusCounts.PUBLISHED ?? 0) - openCount : (statusCounts[phase] ?? 0);
  const tagGroupCounts = new Map(
    [...byKey].filter(([key]) => key.startsWith("tag:")).map(([key, response]) => [key.slice(4), response.facetDistribution.tagIds ?? {}]),
  );

  const facets: Facet[] = [
    {
      param: "phase",
      kind: "radio",
      noAny: true,
      labelKey: "search.facet.phase",
      options: [
        ...NEED_PHASES.map((value) => ({
          value,
          label: value,
          labelEn: value,
          count: phaseCount(value),
          selected: selectedPhases.includes(value),
          implicit: params.phase.length === 0,
        })),
        { value: "all", label: "all", labelEn: "all", count: byKey.get("phase")!.totalHits, selected: selectedPhases.includes("all") },
      ],
    },
    {
      param: "deadline",
      kind: "radio",
      labelKey: "search.facet.deadline",
      options: DEADLINE_WINDOWS.map((value) => ({ value, label: value, labelEn: value, count: byKey.get(`deadline:${value}`)!.totalHits, selected: params.deadline === value })),
    },
    { param: "district", kind: "checkbox", labelKey: "search.facet.district", options: districtOptions(ref, dist("district", "districts"), params.district) },
    { param: "street", kind: "checkbox", labelKey: "search.facet.street", options: streetOptions(ref, params.district, dist("street", "streets"), params.street) },
    ...tagFacets(ref, result.facetDistribution.tagIds, params.tag, tagGroupCounts),
    {
      param: "catalog",
      kind: "checkbox",
      labelKey: "search.facet.catalog",
      options: ref.catalog
        .map((item) => ({ value: String(item.id), label: `${item.code} ${item.nameZh}`, labelEn: `${item.code} ${item.nameEn ?? item.nameZh}`, count: dist("catalog", "catalogId")[String(item.id)] ?? 0, selected: params.catalog.includes(item.id) }))
        .filter((option) => option.count > 0 || option.selected),
    },
    {
      param: "budget",
      kind: "checkbox",
      labelKey: "search.facet.budget",
      options: ["lt100k", "100k-300k", "300k-500k", "500k-1m", "gte1m"]
        .map((value) => ({ value, label: value, labelEn: value, count: dist("budget", "budgetBand")[value] ?? 0, selected: params.budget.includes(value) }))
        .filter(shown),
    },
    {
      param: "cross",
      kind: "checkbox",
      labelKey: "search.facet.cross",
      options: [{ value: "1", label: "cross", labelEn: "cross", count: result.facetDistribution.crossDistrict?.true ?? 0, selected: params.cross }],
    },
  ];

  const districtsByCode = new Map(ref.districts.map((d) => [d.code, d]));
  const results: NeedResult[] = (result.hits as Hit<NeedDoc>[]).map((hit) => ({
    id: hit.id,
    title: formatted(hit, "title"),
    summary: formatted(hit, "summary"),
    catalogName: hit.catalogName,
    buyerName: hit.buyerName,
    districts: hit.districts.map((code) => ({ code, name: districtsByCode.get(code)?.name ?? code, nameEn: districtsByCode.get(code)?.nameEn ?? code })),
    budget: hit.budget,
    bidDeadline: iso(hit.bidDeadline),
    publishedAt: iso(hit.publishedAt),
    phase: needPhase({ status: hit.status, bidDeadline: hit.bidDeadline === null ? null : new Date(hit.bidDeadline) }, new Date(now)),
    crossDistrict: hit.crossDistrict,
    tags: tagsOf(hit, ref),
  }));

  const total = result.totalHits;
  const suggestions: Suggestion[] = [];
  if (total === 0) {
    const checks: { kind: Suggestion["kind"]; href: string; request: SearchRequest }[] = [];
    const filtered = [...parts.keys()].some((key) => key !== "phase");
    if (filtered) checks.push({ kind: "removeFilters", href: hrefWith("/needs", new URLSearchParams(), (p) => { if (params.q) p.set("q", params.q); for (const ph of params.phase) p.append("phase", ph); }), request: { q, filter: phase ?? undefined, limit: 0 } });
    if (!params.phase.includes("all")) checks.push({ kind: "allPhases", href: hrefWith("/needs", urlParams, (p) => p.set("phase", "all")), request: { q, filter: withoutPart(parts, "phase"), limit: 0 } });
    if (q) checks.push({ kind: "clearQuery", href: hrefWith("/needs", urlParams, (p) => p.delete("q")), request: { q: "", filter: withoutPart(parts), limit: 0 } });
    const counts = await index.multiSearch(checks.map((check) => check.request));
    checks.forEach((check, i) => counts[i].totalHits > 0 && suggestions.push({ kind: check.kind, href: check.href, count: counts[i].totalHits }));
  }

  if (params.q && page === 1) logSearch("NEEDS", params.q, activeFilters(params), total, actor);
  return {
    results,
    total,
    page,
    pageCount: Math.ceil(total / PAGE_SIZE),
    ignoredWords,
    relaxed,
    facets,
    suggestions,
    engine: search.engine.kind,
    tookMs: Math.round(performance.now() - started),
  };
}

// ───────────────────────────── organizations ─────────────────────────────

const ORG_SORT: Record<OrgSearchParams["sort"], string[]> = {
  relevance: [],
  grade: ["grade:desc"],
  contracts: ["completedContracts:desc"],
  rating: ["ratingAvg:desc"],
  newest: ["verifiedAt:desc"],
};

export async function searchOrgs(input: {
  params: OrgSearchParams;
  urlParams: URLSearchParams;
  actor: Actor;
  now?: Date;
}): Promise<SearchSummary & { results: OrgResult[] }> {
  const started = performance.now();
  const { params, urlParams, actor } = input;
  const now = (input.now ?? new Date()).getTime();
  const search = getSearch();
  await search.syncNow();
  const index = search.engine.orgs;
  const ref = await loadFacetReference();
  const { q, ignoredWords } = prepareQuery(params.q);

  const validGrade = f.gte("gradeValidUntil", now);
  const parts = new Map<string, string>();
  // Only verified organizations are indexed; the status filter keeps it so if that ever changes.
  parts.set("status", f.eq("status", "VERIFIED"));
  if (params.district.length) parts.set("district", f.in("serviceDistricts", params.district));
  if (params.street.length) parts.set("street", f.in("street", params.street));
  for (const [key, part] of tagFilterParts(ref, params.tag)) parts.set(key, part);
  if (params.kind.length) parts.set("kind", f.in("kind", params.kind));
  if (params.grade) parts.set("grade", f.and(f.gte("grade", params.grade), validGrade));
  if (params.qual.length) parts.set("qual", f.and(...params.qual.map((qual) => f.eq("qualifications", qual))));
  if (params.community) parts.set("community", f.eq("isCommunityOrg", true));

  const sort = [...ORG_SORT[params.sort], `${fairFieldFor(new Date(now))}:asc`];
  const page = params.page;
  const main: SearchRequest = {
    q,
    filter: withoutPart(parts),
    facets: ["serviceDistricts", "street", "tagIds", "kind", "qualifications", "isCommunityOrg"],
    sort,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    attributesToHighlight: ["name", "description"],
    attributesToCrop: ["description:40"],
    highlightPreTag: PRE,
    highlightPostTag: POST,
    cropMarker: "…",
  };
  const extra: { key: string; request: SearchRequest }[] = [];
  const facetQuery = (key: string, facets: string[], filter: string) => extra.push({ key, request: { q, filter, facets, limit: 0 } });
  for (const [key, attr] of [["district", "serviceDistricts"], ["street", "street"], ["kind", "kind"]] as const) if (parts.has(key)) facetQuery(key, [attr], withoutPart(parts, key));
  for (const key of parts.keys()) if (key.startsWith("tag:")) facetQuery(key, ["tagIds"], withoutPart(parts, key));
  facetQuery("grade", ["grade"], f.and(withoutPart(parts, "grade"), validGrade));

  let responses = await index.multiSearch([main, ...extra.map((e) => e.request)]);
  let relaxed = false;
  if (responses[0].totalHits === 0 && q && words(q).length > 1) {
    const last = await index.multiSearch([{ ...main, matchingStrategy: "last" }, ...extra.map((e) => ({ ...e.request, matchingStrategy: "last" as const }))]);
    if (last[0].totalHits > 0) {
      responses = last;
      relaxed = true;
    }
  }
  const [result, ...facetResults] = responses as SearchResponse<OrgDoc>[];
  const byKey = new Map(extra.map((e, i) => [e.key, facetResults[i]]));
  const dist = (key: string, attr: string) => (byKey.get(key) ?? result).facetDistribution[attr] ?? {};
  const gradeCounts = byKey.get("grade")!.facetDistribution.grade ?? {};
  const atLeast = (level: number) => Object.entries(gradeCounts).reduce((sum, [grade, count]) => sum + (Number(grade) >= level ? count : 0), 0);
  const tagGroupCounts = new Map(
    [...byKey].filter(([key]) => key.startsWith("tag:")).map(([key, response]) => [key.slice(4), response.facetDistribution.tagIds ?? {}]),
  );

  const facets: Facet[] = [
    { param: "district", kind: "checkbox", labelKey: "search.facet.serviceDistrict", options: districtOptions(ref, dist("district", "serviceDistricts"), params.district) },
    { param: "street", kind: "checkbox", labelKey: "search.facet.street", options: streetOptions(ref, params.district, dist("street", "street"), params.street) },
    ...tagFacets(ref, result.facetDistribution.tagIds, params.tag, tagGroupCounts),
    {
      param: "kind",
      kind: "checkbox",
      labelKey: "search.facet.kind",
      options: ["SOCIAL_SERVICE", "SOCIAL_GROUP", "FOUNDATION", "MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"].map((value) => ({
        value,
        label: value,
        labelEn: value,
        count: dist("kind", "kind")[value] ?? 0,
        selected: (params.kind as string[]).includes(value),
      })).filter(shown),
    },
    {
      param: "grade",
      kind: "radio",
      labelKey: "search.facet.grade",
      options: [5, 4, 3, 2, 1].map((level) => ({ value: String(level), label: String(level), labelEn: String(level), count: atLeast(level), selected: params.grade === level })),
    },
    {
      param: "qual",
      kind: "checkbox",
      labelKey: "search.facet.qualifications",
      options: ["TAX_EXEMPT", "PRE_TAX_DEDUCTION", "DONATION_RECEIPTS"].map((value) => ({
        value,
        label: value,
        labelEn: value,
        count: result.facetDistribution.qualifications?.[value] ?? 0,
        selected: (params.qual as string[]).includes(value),
      })).filter(shown),
    },
    {
      param: "community",
      kind: "checkbox",
      labelKey: "search.facet.community",
      options: [{ value: "1", label: "community", labelEn: "community", count: result.facetDistribution.isCommunityOrg?.true ?? 0, selected: params.community }],
    },
  ];

  const districtsByCode = new Map(ref.districts.map((d) => [d.code, d]));
  const results: OrgResult[] = result.hits.map((hit) => {
    const district = districtsByCode.get(hit.district);
    return {
      id: hit.id,
      name: formatted(hit, "name"),
      description: formatted(hit, "description"),
      kind: hit.kind,
      isCommunityOrg: hit.isCommunityOrg,
      district: district ? { code: district.code, name: district.name, nameEn: district.nameEn } : null,
      streetName: hit.streetName,
      grade: hit.grade,
      gradeValid: hit.grade !== null && hit.gradeValidUntil !== null && hit.gradeValidUntil >= now,
      qualifications: hit.qualifications,
      completedContracts: hit.completedContracts,
      ratingAvg: hit.ratingAvg,
      tags: tagsOf(hit, ref),
    };
  });

  const total = result.totalHits;
  const suggestions: Suggestion[] = [];
  if (total === 0) {
    const checks: { kind: Suggestion["kind"]; href: string; request: SearchRequest }[] = [];
    if (parts.size > 1) checks.push({ kind: "removeFilters", href: hrefWith("/orgs", new URLSearchParams(), (p) => params.q && p.set("q", params.q)), request: { q, filter: parts.get("status"), limit: 0 } });
    if (q) checks.push({ kind: "clearQuery", href: hrefWith("/orgs", urlParams, (p) => p.delete("q")), request: { q: "", filter: withoutPart(parts), limit: 0 } });
    const counts = await index.multiSearch(checks.map((check) => check.request));
    checks.forEach((check, i) => counts[i].totalHits > 0 && suggestions.push({ kind: check.kind, href: check.href, count: counts[i].totalHits }));
  }

  if (params.q && page === 1) logSearch("ORGS", params.q, activeFilters(params), total, actor);
  return {
    results,
    total,
    page,
    pageCount: Math.ceil(total / PAGE_SIZE),
    ignoredWords,
    relaxed,
    facets,
    suggestions,
    engine: search.engine.kind,
    tookMs: Math.round(performance.now() - started),
  };
}

// ───────────────────────────── suggestions ─────────────────────────────

/** Search-as-you-type: matching tags (as filters) and the best few needs or organizations (as links). */
export async function suggest(input: { scope: "needs" | "orgs"; q: string; now?: Date }): Promise<SuggestItem[]> {
  const { scope } = input;
  const { q } = prepareQuery(input.q);
  if (!q) return [];
  const search = getSearch();
  await search.syncNow();
  const ref = await loadFacetReference();
  const needle = q.toLowerCase();
  const tags: SuggestItem[] = [...ref.tags.values()]
    .map((tag) => ({ tag, rank: tag.terms.some((term) => term.toLowerCase().startsWith(needle)) ? 0 : tag.terms.some((term) => term.toLowerCase().includes(needle)) ? 1 : 2 }))
    .filter((entry) => entry.rank < 2)
    .sort((a, b) => a.rank - b.rank || a.tag.nameZh.length - b.tag.nameZh.length)
    .slice(0, 3)
    .map(({ tag }) => ({ kind: "tag" as const, id: tag.id, label: tag.nameZh, labelEn: tag.nameEn ?? tag.nameZh, href: `/${scope}?tag=${tag.id}` }));
  const fair = fairFieldFor(input.now);
  if (scope === "needs") {
    const result = await search.engine.needs.search({ q, limit: 5, sort: [`${fair}:asc`], attributesToRetrieve: ["id", "title"], attributesToHighlight: ["title"], highlightPreTag: PRE, highlightPostTag: POST });
    return [...tags, ...result.hits.map((hit) => ({ kind: "need" as const, id: hit.id, label: formatted(hit, "title"), href: `/needs/${hit.id}` }))];
  }
  const result = await search.engine.orgs.search({ q, limit: 5, sort: [`${fair}:asc`], attributesToRetrieve: ["id", "name"], attributesToHighlight: ["name"], highlightPreTag: PRE, highlightPostTag: POST });
  return [...tags, ...result.hits.map((hit) => ({ kind: "org" as const, id: hit.id, label: formatted(hit, "name"), href: `/orgs/${hit.id}` }))];
}
