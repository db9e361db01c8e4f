// `import needs <file>`: create or update needs by `externalId`, published with the given deadlines (DESIGN.md,
// "Import columns"). Every row is checked first; each valid row is written in its own transaction (need, tags,
// districts, default evaluation criteria, audit entry, search and alert outbox rows), so a row is imported whole or
// not at all. A row whose values already match the stored need changes nothing.
import type { OrgKind, Qualification } from "#app/.server/prisma/enums.ts";
import { prisma } from "#app/db.server.ts";
import { requireAdminActor, type Actor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { FALSE, KIND_NAMES, listValues, parseImportFile, TRUE, type Reason } from "#app/modules/orgs/import-rows.server.ts";
import { enqueue } from "#app/modules/outbox/outbox.server.ts";
import { loadTagTermIndex } from "#app/modules/tags/tags.server.ts";
import { dbNow } from "./db.server.ts";

export const NEED_IMPORT_COLUMNS = [
  "externalId", "buyer", "title", "summary", "description", "districtCode", "catalogCode", "tags", "budget", "crossDistrict",
  "minGrade", "allowedKinds", "requiredQualifications", "communityPriority", "bidDeadline",
] as const;

const QUALIFICATION_NAMES: Record<string, Qualification> = {
  非营利组织免税资格: "TAX_EXEMPT",
  公益性捐赠税前扣除资格: "PRE_TAX_DEDUCTION",
  公益事业捐赠票据: "DONATION_RECEIPTS",
  TAX_EXEMPT: "TAX_EXEMPT",
  PRE_TAX_DEDUCTION: "PRE_TAX_DEDUCTION",
  DONATION_RECEIPTS: "DONATION_RECEIPTS",
};

const DEFAULT_CRITERIA = [
  { name: "价格", kind: "PRICE" as const, weight: 30, sortOrder: 0 },
  { name: "服务方案", kind: "TECHNICAL" as const, weight: 50, sortOrder: 1 },
  { name: "过往业绩", kind: "TRACK_RECORD" as const, weight: 20, sortOrder: 2 },
];

type NeedRow = {
  line: number;
  externalId: string;
  buyerUnitId: number;
  title: string;
  summary: string;
  description: string;
  districtCodes: string[];
  catalogItemId: number | null;
  tagIds: number[];
  budget: number | null;
  crossDistrict: boolean;
  minGrade: number | null;
  allowedKinds: OrgKind[];
  requiredQualifications: Qualification[];
  communityPriority: boolean;
  bidDeadline: Date;
};

export type NeedImportReport = {
  fileName: string;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; externalId: string | null; reasons: Reason[] }[];
  durationMs: number;
};

const flag = (value: string, fallback: boolean) => {
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return null;
};

export async function importNeedsFile(actor: Actor, content: Buffer | string, fileName: string, options: { now?: Date } = {}): Promise<NeedImportReport> {
  requireAdminActor(actor);
  const started = performance.now();
  const parsed = parseImportFile(content, fileName, { required: ["externalId", "buyer", "title", "districtCode", "bidDeadline"], known: new Set(NEED_IMPORT_COLUMNS), identifier: false });
  const [buyers, districts, catalog, tags, now] = await Promise.all([
    prisma.buyerUnit.findMany({ select: { id: true, name: true } }),
    prisma.district.findMany({ select: { code: true } }),
    prisma.catalogItem.findMany({ select: { id: true, code: true } }),
    loadTagTermIndex(),
    options.now ?? dbNow(),
  ]);
  const buyerByName = new Map(buyers.map((b) => [b.name.normalize("NFKC").trim(), b.id]));
  const districtCodes = new Set(districts.map((d) => d.code));
  const catalogByCode = new Map(catalog.map((c) => [c.code.toUpperCase(), c.id]));
  const report: NeedImportReport = { fileName, totalRows: parsed.records.length, created: 0, updated: 0, unchanged: 0, rejected: [], durationMs: 0 };

  const valid: NeedRow[] = [];
  const seen = new Set<string>();
  for (const record of parsed.records) {
    const v = (name: (typeof NEED_IMPORT_COLUMNS)[number]) => (record.values[name] ?? "").trim();
    const reasons: Reason[] = [];
    const fail = (field: string, key: string, vars?: Record<string, string | number>) => reasons.push({ field, key, vars });
    const externalId = v("externalId");
    if (!externalId) fail("externalId", "needs.import.required");
    else if (externalId.length > 100) fail("externalId", "needs.import.tooLong", { max: 100 });
    else if (seen.has(externalId)) fail("externalId", "needs.import.duplicate");
    const buyerUnitId = buyerByName.get(v("buyer").normalize("NFKC"));
    if (!buyerUnitId) fail("buyer", "needs.import.unknownBuyer", { value: v("buyer") });
    const title = v("title");
    if (!title) fail("title", "needs.import.required");
    else if (title.length > 100) fail("title", "needs.import.tooLong", { max: 100 });
    const codes = listValues(v("districtCode"));
    if (codes.length === 0) fail("districtCode", "needs.import.required");
    for (const code of codes) if (!districtCodes.has(code)) fail("districtCode", "needs.import.unknownDistrict", { value: code });
    const catalogCode = v("catalogCode").toUpperCase();
    const catalogItemId = catalogCode ? (catalogByCode.get(catalogCode) ?? null) : null;
    if (catalogCode && catalogItemId === null) fail("catalogCode", "needs.import.unknownCatalog", { value: catalogCode });
    const tagIds: number[] = [];
    for (const term of listValues(v("tags"))) {
      const tag = tags.lookup(term);
      if (!tag) fail("tags", "needs.import.unknownTag", { value: term });
      else if (!tagIds.includes(tag.tagId)) tagIds.push(tag.tagId);
    }
    const budgetText = v("budget").replace(/[,，\s]/g, "");
    const budget = budgetText === "" ? null : /^\d{1,10}$/.test(budgetText) ? Number(budgetText) : NaN;
    if (Number.isNaN(budget)) fail("budget", "needs.import.badNumber", { value: v("budget") });
    const crossDistrict = flag(v("crossDistrict"), true);
    if (crossDistrict === null) fail("crossDistrict", "needs.import.badFlag", { value: v("crossDistrict") });
    const communityPriority = flag(v("communityPriority"), false);
    if (communityPriority === null) fail("communityPriority", "needs.import.badFlag", { value: v("communityPriority") });
    const gradeText = v("minGrade").toUpperCase().replace(/\s+/g, "");
    const minGrade = gradeText === "" ? null : /^[1-5]A?$/.test(gradeText) ? Number(gradeText[0]) : NaN;
    if (Number.isNaN(minGrade)) fail("minGrade", "needs.import.badGrade", { value: v("minGrade") });
    const allowedKinds: OrgKind[] = [];
    for (const name of listValues(v("allowedKinds"))) {
      const kind = KIND_NAMES[name];
      if (!kind) fail("allowedKinds", "needs.import.unknownKind", { value: name });
      else if (!allowedKinds.includes(kind)) allowedKinds.push(kind);
    }
    const requiredQualifications: Qualification[] = [];
    for (const name of listValues(v("requiredQualifications"))) {
      const q = QUALIFICATION_NAMES[name];
      if (!q) fail("requiredQualifications", "needs.import.unknownQualification", { value: name });
      else if (!requiredQualifications.includes(q)) requiredQualifications.push(q);
    }
    const deadlineText = v("bidDeadline");
    const bidDeadline = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(deadlineText) ? new Date(deadlineText) : null;
    if (!bidDeadline || Number.isNaN(bidDeadline.getTime())) fail("bidDeadline", "needs.import.badDeadline", { value: deadlineText });
    if (reasons.length > 0) {
      report.rejected.push({ line: record.line, externalId: externalId || null, reasons });
      continue;
    }
    seen.add(externalId);
    valid.push({
      line: record.line,
      externalId,
      buyerUnitId: buyerUnitId!,
      title,
      summary: v("summary").slice(0, 300),
      description: v("description"),
      districtCodes: codes,
      catalogItemId,
      tagIds,
      budget: budget as number | null,
      crossDistrict: crossDistrict!,
      minGrade: minGrade as number | null,
      allowedKinds,
      requiredQualifications,
      communityPriority: communityPriority!,
      bidDeadline: bidDeadline!,
    });
  }

  for (const row of valid) {
    try {
      const outcome = await applyRow(actor, row, now);
      report[outcome]++;
    } catch (error) {
      report.rejected.push({ line: row.line, externalId: row.externalId, reasons: [{ key: "needs.import.failed", vars: { detail: error instanceof Error ? error.message.slice(0, 200) : String(error) } }] });
    }
  }
  report.rejected.sort((a, b) => a.line - b.line);
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

const sameList = <T,>(a: T[], b: T[]) => a.length === b.length && [...a].map(String).sort().join("|") === [...b].map(String).sort().join("|");

async function applyRow(actor: Actor, row: NeedRow, now: Date): Promise<"created" | "updated" | "unchanged"> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.need.findUnique({
      where: { externalId: row.externalId },
      select: {
        id: true, status: true, buyerUnitId: true, title: true, summary: true, description: true, catalogItemId: true, budget: true, crossDistrict: true,
        minGrade: true, allowedKinds: true, requiredQualifications: true, communityPriority: true, bidDeadline: true,
        tags: { select: { tagId: true } }, districts: { select: { districtCode: true } },
      },
    });
    const columns = {
      buyerUnitId: row.buyerUnitId,
      title: row.title,
      summary: row.summary,
      description: row.description,
      catalogItemId: row.catalogItemId,
      budget: row.budget,
      crossDistrict: row.crossDistrict,
      crossDistrictReason: row.crossDistrict ? null : "按导入数据：限本区机构参与",
      minGrade: row.minGrade,
      allowedKinds: row.allowedKinds,
      requiredQualifications: row.requiredQualifications,
      communityPriority: row.communityPriority,
      bidDeadline: row.bidDeadline,
    };
    if (!existing) {
      const need = await tx.need.create({
        data: {
          ...columns,
          externalId: row.externalId,
          status: "PUBLISHED",
          publishedAt: now,
          districts: { create: row.districtCodes.map((districtCode) => ({ districtCode })) },
          tags: { create: row.tagIds.map((tagId) => ({ tagId })) },
          criteria: { create: DEFAULT_CRITERIA },
        },
        select: { id: true },
      });
      await recordAudit(tx, { actor, action: "need.import", entityType: "Need", entityId: need.id, after: { externalId: row.externalId, status: "PUBLISHED" } });
      await enqueue(tx, "search.need", need.id);
      await enqueue(tx, "alerts.need", need.id);
      return "created";
    }
    const unchanged =
      existing.status !== "DRAFT" &&
      existing.buyerUnitId === row.buyerUnitId && existing.title === row.title && existing.summary === row.summary && existing.description === row.description &&
      existing.catalogItemId === row.catalogItemId && existing.budget === row.budget && existing.crossDistrict === row.crossDistrict &&
      existing.minGrade === row.minGrade && sameList(existing.allowedKinds, row.allowedKinds) && sameList(existing.requiredQualifications, row.requiredQualifications) &&
      existing.communityPriority === row.communityPriority && existing.bidDeadline?.getTime() === row.bidDeadline.getTime() &&
      sameList(existing.tags.map((t) => t.tagId), row.tagIds) && sameList(existing.districts.map((d) => d.districtCode), row.districtCodes);
    if (unchanged) return "unchanged";
    const publishing = existing.status === "DRAFT";
    await tx.need.update({
      where: { id: existing.id },
      data: { ...columns, version: { increment: 1 }, ...(publishing ? { status: "PUBLISHED" as const, publishedAt: now } : {}) },
    });
    await tx.needTag.deleteMany({ where: { needId: existing.id } });
    await tx.needTag.createMany({ data: row.tagIds.map((tagId) => ({ needId: existing.id, tagId })) });
    await tx.needDistrict.deleteMany({ where: { needId: existing.id } });
    await tx.needDistrict.createMany({ data: row.districtCodes.map((districtCode) => ({ needId: existing.id, districtCode })) });
    await recordAudit(tx, { actor, action: "need.import", entityType: "Need", entityId: existing.id, before: { title: existing.title }, after: { externalId: row.externalId, title: row.title } });
    await enqueue(tx, "search.need", existing.id);
    if (publishing) await enqueue(tx, "alerts.need", existing.id);
    return "updated";
  });
}
