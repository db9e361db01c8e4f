// Builds search documents from the database (one entity, or all of them in batches for `reindex`). Only public
// entities become documents: verified organizations, and needs past the draft stage. Anything else is "absent",
// which the indexer turns into a delete.
import { getDatabase, prisma, type DbClient } from "#app/db.server.ts";
import { budgetBand, fairFields, type NeedDoc, type OrgDoc } from "./documents.ts";
import { markdownToText } from "./markdown-text.ts";
import { cleanDisplayText, searchModeExtras } from "./tokenizer.server.ts";

export type TagInfo = { id: number; nameZh: string; nameEn: string | null; synonyms: string[]; groupKey: string };

/** Reference data the builders need: tags with synonyms and groups, district and street names. */
export type BuildContext = {
  /** Whether to fill the hidden `_search` field (Meilisearch); the embedded engine derives it itself. */
  hiddenField: boolean;
  tags: Map<number, TagInfo>;
  districts: Map<string, string>;
  streets: Map<string, string>;
};

export async function loadBuildContext(options: { hiddenField: boolean }, db: DbClient = prisma): Promise<BuildContext> {
  const [tags, districts, streets] = await Promise.all([
    db.tag.findMany({
      select: { id: true, nameZh: true, nameEn: true, group: { select: { key: true } }, synonyms: { select: { term: true } } },
    }),
    db.district.findMany({ select: { code: true, name: true } }),
    db.street.findMany({ select: { code: true, name: true } }),
  ]);
  return {
    hiddenField: options.hiddenField,
    tags: new Map(
      tags.map((tag) => [
        tag.id,
        { id: tag.id, nameZh: tag.nameZh, nameEn: tag.nameEn, synonyms: tag.synonyms.map((s) => s.term), groupKey: tag.group.key },
      ]),
    ),
    districts: new Map(districts.map((d) => [d.code, d.name])),
    streets: new Map(streets.map((s) => [s.code, s.name])),
  };
}

const uniq = <T,>(values: T[]) => [...new Set(values)];

function tagFields(tagIds: number[], ctx: BuildContext) {
  const tags = tagIds.map((id) => ctx.tags.get(id)).filter((tag): tag is TagInfo => Boolean(tag));
  return {
    tags: tags.map((tag) => cleanDisplayText(tag.nameZh)),
    tagsEn: tags.map((tag) => tag.nameEn ?? "").filter(Boolean),
    tagSynonyms: uniq(tags.flatMap((tag) => tag.synonyms)),
    tagIds: tags.map((tag) => tag.id),
  };
}

/**
 * The hidden field: the search-mode words of the text people search most (never displayed). Only Meilisearch needs
 * it filled here; the embedded engine derives the same words while it tokenizes (`hidden: false` skips the work).
 */
function hiddenField(ctx: BuildContext, parts: (string | null | undefined)[]): string {
  if (!ctx.hiddenField) return "";
  return uniq(parts.filter(Boolean).flatMap((part) => searchModeExtras(part as string))).join(" ");
}

// Documents are read with one SQL query per batch (subselects for tags, districts and cases): about three times
// faster than Prisma's relation loading on the 50k corpus, and the same statement serves one document, a batch of
// ids and the whole table, so every path builds identical documents. Instants come back as epoch milliseconds.

const epoch = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`;

type Where = { sql: string; params: unknown[] };

function pageWhere(alias: string, where: Where | { after: number; limit: number }): { clause: string; params: unknown[]; tail: string } {
  if ("sql" in where) return { clause: where.sql, params: where.params, tail: ` ORDER BY ${alias}.id` };
  return { clause: `${alias}.id > $1`, params: [where.after, where.limit], tail: ` ORDER BY ${alias}.id LIMIT $2` };
}

// ───────────────────────────── organizations ─────────────────────────────

type OrgRow = {
  id: number;
  name: string;
  description: string;
  uscc: string | null;
  filingNo: string | null;
  kind: OrgDoc["kind"];
  isCommunityOrg: boolean;
  communityClass: string | null;
  isServiceCentre: boolean;
  districtCode: string;
  streetCode: string | null;
  gradeLevel: number | null;
  gradeValidUntil: number | null;
  taxExempt: boolean;
  preTaxDeduction: boolean;
  donationReceipts: boolean;
  status: OrgDoc["status"];
  completedContracts: number;
  ratingCount: number;
  ratingSum: number;
  certifiedSocialWorkers: number;
  staffCount: number;
  foundedOn: number | null;
  verifiedAt: number | null;
  lastActiveAt: number | null;
  tagIds: number[] | null;
  serviceDistricts: string[] | null;
  cases: { title: string; description: string }[] | null;
};

function orgQuery(where: Where | { after: number; limit: number }) {
  const { clause, params, tail } = pageWhere("o", where);
  const text = `
    SELECT o.id, o.name, o.description, o.uscc, o."filingNo", o.kind::text AS kind, o."isCommunityOrg", o."communityClass",
      o."isServiceCentre", o."districtCode", o."streetCode", o."gradeLevel", ${epoch('o."gradeValidUntil"')} AS "gradeValidUntil",
      o."taxExempt", o."preTaxDeduction", o."donationReceipts", o.status::text AS status, o."completedContracts",
      o."ratingCount", o."ratingSum", o."certifiedSocialWorkers", o."staffCount", ${epoch('o."foundedOn"')} AS "foundedOn",
      ${epoch('o."verifiedAt"')} AS "verifiedAt", ${epoch('o."lastActiveAt"')} AS "lastActiveAt",
      (SELECT array_agg(t."tagId" ORDER BY t."tagId") FROM "OrgTag" t WHERE t."orgId" = o.id) AS "tagIds",
      (SELECT array_agg(d."districtCode" ORDER BY d."districtCode") FROM "OrgServiceDistrict" d WHERE d."orgId" = o.id) AS "serviceDistricts",
      (SELECT json_agg(json_build_object('title', c.title, 'description', c.description) ORDER BY c."sortOrder", c.id)
         FROM "OrgCase" c WHERE c."orgId" = o.id) AS cases
    FROM "Organization" o
    WHERE o.status = 'VERIFIED' AND ${clause}${tail}`;
  return getDatabase().sql.query<OrgRow>(text, params);
}

/** Whether an organization appears in search at all: only verified organizations are public. */
export function isOrgPublic(org: { status: string }) {
  return org.status === "VERIFIED";
}

export function orgDocument(org: OrgRow, ctx: BuildContext): OrgDoc {
  const name = cleanDisplayText(org.name);
  const description = cleanDisplayText(org.description);
  const cases = (org.cases ?? []).flatMap((c) => [cleanDisplayText(c.title), cleanDisplayText(c.description ?? "")]).filter(Boolean);
  const tags = tagFields(org.tagIds ?? [], ctx);
  return {
    id: org.id,
    name,
    description,
    ...tags,
    cases,
    codes: [org.uscc, org.filingNo].filter((code): code is string => Boolean(code)),
    kind: org.kind,
    isCommunityOrg: org.isCommunityOrg,
    communityClass: org.communityClass,
    isServiceCentre: org.isServiceCentre,
    district: org.districtCode,
    districtName: ctx.districts.get(org.districtCode) ?? "",
    street: org.streetCode,
    streetName: org.streetCode ? (ctx.streets.get(org.streetCode) ?? null) : null,
    serviceDistricts: uniq([org.districtCode, ...(org.serviceDistricts ?? [])]),
    grade: org.gradeLevel,
    gradeValidUntil: org.gradeValidUntil,
    qualifications: [
      ...(org.taxExempt ? (["TAX_EXEMPT"] as const) : []),
      ...(org.preTaxDeduction ? (["PRE_TAX_DEDUCTION"] as const) : []),
      ...(org.donationReceipts ? (["DONATION_RECEIPTS"] as const) : []),
    ],
    status: org.status,
    completedContracts: org.completedContracts,
    ratingAvg: org.ratingCount > 0 ? Math.round((org.ratingSum / org.ratingCount) * 100) / 100 : null,
    ratingCount: org.ratingCount,
    certifiedSocialWorkers: org.certifiedSocialWorkers,
    staffCount: org.staffCount,
    foundedOn: org.foundedOn,
    verifiedAt: org.verifiedAt,
    lastActiveAt: org.lastActiveAt,
    ...fairFields(org.id),
    _search: hiddenField(ctx, [name, ...tags.tags, description.slice(0, 2000)]),
  };
}

/** The documents of the given organizations that are public (the others are absent from the map). */
export async function buildOrgDocuments(ids: number[], ctx: BuildContext): Promise<Map<number, OrgDoc>> {
  if (ids.length === 0) return new Map();
  const rows = await orgQuery({ sql: "o.id = ANY($1::int[])", params: [ids] });
  return new Map(rows.map((row) => [row.id, orgDocument(row, ctx)]));
}

export async function buildOrgDocument(id: number, ctx: BuildContext): Promise<OrgDoc | null> {
  return (await buildOrgDocuments([id], ctx)).get(id) ?? null;
}

export function countPublicOrgs(db: DbClient = prisma) {
  return db.organization.count({ where: { status: "VERIFIED" } });
}

/** Every public organization, in id order, a batch at a time (reindex). */
export async function* allOrgDocuments(ctx: BuildContext, batchSize = 5000): AsyncGenerator<OrgDoc[]> {
  let after = 0;
  for (;;) {
    const rows = await orgQuery({ after, limit: batchSize });
    if (rows.length === 0) return;
    after = rows[rows.length - 1].id;
    yield rows.map((row) => orgDocument(row, ctx));
  }
}

// ───────────────────────────── needs ─────────────────────────────

type NeedRow = {
  id: number;
  externalId: string | null;
  title: string;
  summary: string;
  description: string;
  catalogItemId: number | null;
  catalogCode: string | null;
  catalogName: string | null;
  crossDistrict: boolean;
  budget: number | null;
  method: NeedDoc["method"];
  minGrade: number | null;
  allowedKinds: NeedDoc["allowedKinds"] | null;
  requiredQualifications: NeedDoc["requiredQualifications"] | null;
  minYearsRegistered: number | null;
  minSocialWorkers: number | null;
  communityPriority: boolean;
  enquiryDeadline: number | null;
  bidDeadline: number | null;
  servicePeriodStart: number | null;
  servicePeriodEnd: number | null;
  status: NeedDoc["status"];
  publishedAt: number | null;
  buyerId: number;
  buyerName: string;
  buyerKind: string;
  districts: string[] | null;
  streets: string[] | null;
  tagIds: number[] | null;
};

function needQuery(where: Where | { after: number; limit: number }) {
  const { clause, params, tail } = pageWhere("n", where);
  const text = `
    SELECT n.id, n."externalId", n.title, n.summary, n.description, n."catalogItemId", ci.code AS "catalogCode",
      ci."nameZh" AS "catalogName", n."crossDistrict", n.budget, n.method::text AS method, n."minGrade",
      n."allowedKinds"::text[] AS "allowedKinds", n."requiredQualifications"::text[] AS "requiredQualifications",
      n."minYearsRegistered", n."minSocialWorkers", n."communityPriority",
      ${epoch('n."enquiryDeadline"')} AS "enquiryDeadline", ${epoch('n."bidDeadline"')} AS "bidDeadline",
      ${epoch('n."servicePeriodStart"')} AS "servicePeriodStart", ${epoch('n."servicePeriodEnd"')} AS "servicePeriodEnd",
      n.status::text AS status, ${epoch('n."publishedAt"')} AS "publishedAt",
      b.id AS "buyerId", b.name AS "buyerName", b.kind::text AS "buyerKind",
      (SELECT array_agg(d."districtCode" ORDER BY d."districtCode") FROM "NeedDistrict" d WHERE d."needId" = n.id) AS districts,
      (SELECT array_agg(s."streetCode" ORDER BY s."streetCode") FROM "NeedStreet" s WHERE s."needId" = n.id) AS streets,
      (SELECT array_agg(t."tagId" ORDER BY t."tagId") FROM "NeedTag" t WHERE t."needId" = n.id) AS "tagIds"
    FROM "Need" n
    JOIN "BuyerUnit" b ON b.id = n."buyerUnitId"
    LEFT JOIN "CatalogItem" ci ON ci.id = n."catalogItemId"
    WHERE n.status <> 'DRAFT' AND ${clause}${tail}`;
  return getDatabase().sql.query<NeedRow>(text, params);
}

/** Drafts are private to their buyer; every later status is public (results, cancellations included). */
export function isNeedPublic(need: { status: string }) {
  return need.status !== "DRAFT";
}

export function needDocument(need: NeedRow, ctx: BuildContext): NeedDoc {
  const title = cleanDisplayText(need.title);
  const summary = cleanDisplayText(need.summary);
  const description = cleanDisplayText(markdownToText(need.description));
  const tags = tagFields(need.tagIds ?? [], ctx);
  const districts = need.districts ?? [];
  const streets = need.streets ?? [];
  const catalogName = need.catalogName ? cleanDisplayText(need.catalogName) : null;
  return {
    id: need.id,
    externalId: need.externalId,
    title,
    summary,
    description,
    catalogId: need.catalogItemId,
    catalogCode: need.catalogCode,
    catalogName,
    ...tags,
    districts,
    districtNames: districts.map((code) => ctx.districts.get(code) ?? "").filter(Boolean),
    streets,
    streetNames: streets.map((code) => ctx.streets.get(code) ?? "").filter(Boolean),
    buyerId: need.buyerId,
    buyerName: cleanDisplayText(need.buyerName),
    buyerKind: need.buyerKind,
    crossDistrict: need.crossDistrict,
    budget: need.budget,
    budgetBand: budgetBand(need.budget),
    method: need.method,
    minGrade: need.minGrade,
    allowedKinds: need.allowedKinds ?? [],
    requiredQualifications: need.requiredQualifications ?? [],
    minYearsRegistered: need.minYearsRegistered,
    minSocialWorkers: need.minSocialWorkers,
    communityPriority: need.communityPriority,
    enquiryDeadline: need.enquiryDeadline,
    bidDeadline: need.bidDeadline,
    servicePeriodStart: need.servicePeriodStart,
    servicePeriodEnd: need.servicePeriodEnd,
    status: need.status,
    publishedAt: need.publishedAt,
    ...fairFields(need.id),
    _search: hiddenField(ctx, [title, summary, catalogName, ...tags.tags, description.slice(0, 2000)]),
  };
}

export async function buildNeedDocuments(ids: number[], ctx: BuildContext): Promise<Map<number, NeedDoc>> {
  if (ids.length === 0) return new Map();
  const rows = await needQuery({ sql: "n.id = ANY($1::int[])", params: [ids] });
  return new Map(rows.map((row) => [row.id, needDocument(row, ctx)]));
}

export async function buildNeedDocument(id: number, ctx: BuildContext): Promise<NeedDoc | null> {
  return (await buildNeedDocuments([id], ctx)).get(id) ?? null;
}

export function countPublicNeeds(db: DbClient = prisma) {
  return db.need.count({ where: { status: { not: "DRAFT" } } });
}

export async function* allNeedDocuments(ctx: BuildContext, batchSize = 5000): AsyncGenerator<NeedDoc[]> {
  let after = 0;
  for (;;) {
    const rows = await needQuery({ after, limit: batchSize });
    if (rows.length === 0) return;
    after = rows[rows.length - 1].id;
    yield rows.map((row) => needDocument(row, ctx));
  }
}

/** Ids of the public documents that carry any of the given tags (a renamed tag or changed synonyms). */
export async function documentIdsWithTags(tagIds: number[], db: DbClient = prisma) {
  if (tagIds.length === 0) return { orgIds: [], needIds: [] };
  const [orgs, needs] = await Promise.all([
    db.orgTag.findMany({ where: { tagId: { in: tagIds }, org: { status: "VERIFIED" } }, select: { orgId: true }, distinct: ["orgId"] }),
    db.needTag.findMany({ where: { tagId: { in: tagIds }, need: { status: { not: "DRAFT" } } }, select: { needId: true }, distinct: ["needId"] }),
  ]);
  return { orgIds: orgs.map((o) => o.orgId), needIds: needs.map((n) => n.needId) };
}
