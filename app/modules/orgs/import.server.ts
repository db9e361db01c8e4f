// Registry import, step 2: plan each valid row against the database (create, update or unchanged) and write the
// changed ones in batches with bulk SQL. A batch is one transaction; if it fails, its rows are retried one
// transaction each, so a row is always imported whole or not at all. Rows whose values already match the
// database are not written at all, so importing the same file twice changes nothing.
//
// Rules for existing organizations (matched by 统一社会信用代码 or 备案编号):
// - an empty cell keeps the current value; list cells (serviceDistricts, tags) add to what the profile has;
// - the status changes only when the file has a `status` value: a registry confirms registration, not the
//   platform's own decisions (suspensions, rejections, or who may act for a self-registered account).
// New organizations are verified and active unless their `status` says otherwise.
import { isUniqueViolation } from "#app/modules/db/errors.server.ts";
import type { Prisma } from "#app/.server/prisma/client.ts";
import { getDatabase, prisma } from "#app/db.server.ts";
import { actorLabel, requireAdminActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import type { SqlRunner } from "#app/modules/db/migrate.server.ts";
import { loadTagTermIndex } from "#app/modules/tags/tags.server.ts";
import { bulkInsert, type ColumnType } from "../../../prisma/seed/bulk.ts";
import {
  ImportFileError,
  parseImportFile,
  validateRecords,
  type ImportRefs,
  type ParsedFile,
  type RawRecord,
  type Reason,
  type RejectedRow,
  type ValidRow,
} from "./import-rows.server.ts";
import { isFiledKind, type OrgKindValue, type OrgStatusValue } from "./schemas.ts";

export const IMPORT_BATCH_SIZE = 1000;

export type ImportReport = {
  fileName: string;
  format: "csv" | "json";
  totalRows: number;
  warnings: Reason[];
  created: number;
  updated: number;
  unchanged: number;
  rejectedCount: number;
  /** Every rejected row with its reasons (capped when stored for the admin page; see `rejectedTotal`). */
  rejected: RejectedRow[];
  applied: boolean;
  durationMs: number;
};

export type ImportProgress = (done: number, total: number) => void;

export async function loadImportRefs(): Promise<ImportRefs> {
  const [districts, streets, tags] = await Promise.all([
    prisma.district.findMany({ select: { code: true } }),
    prisma.street.findMany({ select: { code: true, districtCode: true } }),
    loadTagTermIndex(),
  ]);
  return { districts: new Set(districts.map((d) => d.code)), streets: new Map(streets.map((s) => [s.code, s.districtCode])), tags };
}

// ───────────────────────────── planning ─────────────────────────────

type Existing = {
  id: number;
  uscc: string | null;
  filingNo: string | null;
  name: string;
  kind: OrgKindValue;
  usccWarning: string | null;
  districtCode: string;
  streetCode: string | null;
  foundedOn: string | null;
  gradeLevel: number | null;
  gradeValidUntil: string | null;
  taxExempt: boolean;
  preTaxDeduction: boolean;
  donationReceipts: boolean;
  certifiedSocialWorkers: number;
  staffCount: number;
  description: string;
  lastActiveAt: Date | null;
  status: OrgStatusValue;
  verifiedAt: Date | null;
  isCommunityOrg: boolean;
  tagIds: Set<number>;
  districts: Set<string>;
};

/** The organization's columns after the import. */
type Target = Omit<Existing, "id" | "tagIds" | "districts">;

type Planned = {
  row: ValidRow;
  existing: Existing | null;
  action: "create" | "update" | "unchanged";
  target: Target;
  changes: Record<string, unknown>;
  addTags: number[];
  addDistricts: string[];
};

const keyOf = (identifier: { uscc: string | null; filingNo: string | null }) =>
  identifier.uscc ? `u:${identifier.uscc}` : `f:${identifier.filingNo}`;

async function loadExisting(sql: SqlRunner, rows: ValidRow[]): Promise<Map<string, Existing>> {
  const usccs = rows.flatMap((row) => (row.uscc ? [row.uscc] : []));
  const filings = rows.flatMap((row) => (row.filingNo ? [row.filingNo] : []));
  // Two index lookups (an OR of the two would scan the whole table).
  const columns = `id, uscc, "filingNo", name, kind::text AS kind, "usccWarning", "districtCode", "streetCode",
            to_char("foundedOn", 'YYYY-MM-DD') AS "foundedOn", "gradeLevel", to_char("gradeValidUntil", 'YYYY-MM-DD') AS "gradeValidUntil",
            "taxExempt", "preTaxDeduction", "donationReceipts", "certifiedSocialWorkers", "staffCount", description,
            to_char("lastActiveAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastActiveAt", status::text AS status,
            to_char("verifiedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "verifiedAt", "isCommunityOrg"`;
  const found = await sql.query<Omit<Existing, "tagIds" | "districts">>(
    `SELECT ${columns} FROM "Organization" WHERE uscc = ANY($1::text[])
     UNION SELECT ${columns} FROM "Organization" WHERE "filingNo" = ANY($2::text[])`,
    [usccs, filings],
  );
  const ids = found.map((org) => org.id);
  const [tags, districts] = ids.length
    ? await Promise.all([
        sql.query<{ orgId: number; tagId: number }>(`SELECT "orgId", "tagId" FROM "OrgTag" WHERE "orgId" = ANY($1::int[])`, [ids]),
        sql.query<{ orgId: number; districtCode: string }>(`SELECT "orgId", "districtCode" FROM "OrgServiceDistrict" WHERE "orgId" = ANY($1::int[])`, [ids]),
      ])
    : [[], []];
  const byId = new Map<number, Existing>(found.map((org) => [org.id, { ...org, lastActiveAt: toDate(org.lastActiveAt), verifiedAt: toDate(org.verifiedAt), tagIds: new Set(), districts: new Set() }]));
  for (const row of tags) byId.get(row.orgId)?.tagIds.add(row.tagId);
  for (const row of districts) byId.get(row.orgId)?.districts.add(row.districtCode);
  const result = new Map<string, Existing>();
  for (const org of byId.values()) {
    if (org.uscc) result.set(`u:${org.uscc}`, org);
    if (org.filingNo) result.set(`f:${org.filingNo}`, org);
  }
  return result;
}

/** Timestamps are read as UTC ISO text (to_char), so no driver's local-time parsing is involved. */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

const dayStart = (iso: string) => new Date(`${iso}T00:00:00Z`);

function planRow(row: ValidRow, existing: Existing | null, now: Date): Planned | RejectedRow {
  // A deprecated tag is kept where it already is, never given to anyone new.
  const deprecated = (row.tags ?? []).filter((tag) => tag.deprecated && !existing?.tagIds.has(tag.tagId));
  if (deprecated.length > 0) {
    return {
      line: row.line,
      identifier: row.uscc ?? row.filingNo,
      name: row.name,
      reasons: deprecated.map((tag) => ({ field: "tags", key: "orgs.import.row.tagDeprecated", vars: { value: tag.term, name: tag.nameZh } })),
    };
  }
  const sameDistrict = existing?.districtCode === row.districtCode;
  const lastActive = row.lastActiveOn ? dayStart(row.lastActiveOn) : null;
  const status = row.status ?? existing?.status ?? "VERIFIED";
  const target: Target = {
    uscc: row.uscc,
    filingNo: row.filingNo,
    name: row.name,
    kind: row.kind,
    usccWarning: null,
    districtCode: row.districtCode,
    streetCode: row.streetCode ?? (sameDistrict ? (existing?.streetCode ?? null) : null),
    foundedOn: row.foundedOn ?? existing?.foundedOn ?? null,
    gradeLevel: row.gradeLevel ?? existing?.gradeLevel ?? null,
    gradeValidUntil: row.gradeLevel !== null ? row.gradeValidUntil : (existing?.gradeValidUntil ?? null),
    taxExempt: row.taxExempt ?? existing?.taxExempt ?? false,
    preTaxDeduction: row.preTaxDeduction ?? existing?.preTaxDeduction ?? false,
    donationReceipts: row.donationReceipts ?? existing?.donationReceipts ?? false,
    certifiedSocialWorkers: row.certifiedSocialWorkers ?? existing?.certifiedSocialWorkers ?? 0,
    staffCount: row.staffCount ?? existing?.staffCount ?? 0,
    description: row.description ?? existing?.description ?? "",
    // The registry's last-activity date only ever moves it forward.
    lastActiveAt:
      existing?.lastActiveAt && (!lastActive || existing.lastActiveAt.getTime() >= lastActive.getTime()) ? existing.lastActiveAt : (lastActive ?? existing?.lastActiveAt ?? null),
    status,
    verifiedAt: status === "VERIFIED" && existing?.status !== "VERIFIED" ? now : (existing?.verifiedAt ?? null),
    isCommunityOrg: existing?.isCommunityOrg ?? isFiledKind(row.kind),
  };
  const addTags = (row.tags ?? []).map((tag) => tag.tagId).filter((id) => !existing?.tagIds.has(id));
  const addDistricts = (row.serviceDistricts ?? []).filter((code) => !existing?.districts.has(code));
  if (!existing) return { row, existing, action: "create", target, changes: {}, addTags, addDistricts };
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(target) as (keyof Target)[]) {
    const before = existing[field];
    const after = target[field];
    const same = before instanceof Date || after instanceof Date ? (before as Date | null)?.getTime() === (after as Date | null)?.getTime() : before === after;
    if (!same && field !== "verifiedAt") changes[field] = after instanceof Date ? after.toISOString() : after;
  }
  if (addTags.length > 0) changes.addTags = addTags;
  if (addDistricts.length > 0) changes.addServiceDistricts = addDistricts;
  return { row, existing, action: Object.keys(changes).length > 0 ? "update" : "unchanged", target, changes, addTags, addDistricts };
}

// ───────────────────────────── writing ─────────────────────────────

const ORG_COLUMNS: Record<string, ColumnType> = {
  name: "text",
  uscc: "text",
  filingNo: "text",
  kind: "enum:OrgKind",
  isCommunityOrg: "bool",
  districtCode: "text",
  streetCode: "text",
  foundedOn: "date",
  gradeLevel: "int",
  gradeValidUntil: "date",
  taxExempt: "bool",
  preTaxDeduction: "bool",
  donationReceipts: "bool",
  certifiedSocialWorkers: "int",
  staffCount: "int",
  description: "text",
  status: "enum:OrgStatus",
  verifiedAt: "timestamp",
  lastActiveAt: "timestamp",
  updatedAt: "timestamp",
};

const AUDIT_COLUMNS: Record<string, ColumnType> = {
  actorId: "int",
  actorRole: "text",
  action: "text",
  entityType: "text",
  entityId: "text",
  after: "jsonb",
};

async function writePlanned(sql: SqlRunner, planned: Planned[], actor: Actor, fileName: string, now: Date) {
  const creates = planned.filter((p) => p.action === "create");
  const updates = planned.filter((p) => p.action === "update");
  if (creates.length === 0 && updates.length === 0) return;
  const ids = new Map<Planned, number>();

  if (creates.length > 0) {
    const inserted = (await bulkInsert(
      sql,
      "Organization",
      ORG_COLUMNS,
      creates.map((p) => ({ ...p.target, updatedAt: now })),
      `id, uscc, "filingNo"`,
    )) as { id: number; uscc: string | null; filingNo: string | null }[];
    const byKey = new Map(inserted.map((row) => [keyOf(row), row.id]));
    for (const p of creates) ids.set(p, byKey.get(keyOf(p.target))!);
  }
  if (updates.length > 0) {
    for (const p of updates) ids.set(p, p.existing!.id);
    const rows = updates.map((p) => p.target);
    await sql.query(
      `UPDATE "Organization" AS o SET
         name = t.name, uscc = t.uscc, "filingNo" = t.filing, kind = t.kind::"OrgKind", "usccWarning" = NULL,
         "districtCode" = t.district, "streetCode" = t.street, "foundedOn" = t.founded, "gradeLevel" = t.grade,
         "gradeValidUntil" = t.grade_until, "taxExempt" = t.tax, "preTaxDeduction" = t.pretax, "donationReceipts" = t.receipts,
         "certifiedSocialWorkers" = t.workers, "staffCount" = t.staff, description = t.description,
         "lastActiveAt" = t.active, status = t.status::"OrgStatus", "verifiedAt" = t.verified, "updatedAt" = $20
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::int[],
                   $10::date[], $11::bool[], $12::bool[], $13::bool[], $14::int[], $15::int[], $16::text[], $17::timestamp[],
                   $18::text[], $19::timestamp[])
         AS t(id, name, uscc, filing, kind, district, street, founded, grade, grade_until, tax, pretax, receipts, workers,
              staff, description, active, status, verified)
       WHERE o.id = t.id`,
      [
        updates.map((p) => p.existing!.id),
        rows.map((r) => r.name),
        rows.map((r) => r.uscc),
        rows.map((r) => r.filingNo),
        rows.map((r) => r.kind),
        rows.map((r) => r.districtCode),
        rows.map((r) => r.streetCode),
        rows.map((r) => r.foundedOn),
        rows.map((r) => r.gradeLevel),
        rows.map((r) => r.gradeValidUntil),
        rows.map((r) => r.taxExempt),
        rows.map((r) => r.preTaxDeduction),
        rows.map((r) => r.donationReceipts),
        rows.map((r) => r.certifiedSocialWorkers),
        rows.map((r) => r.staffCount),
        rows.map((r) => r.description),
        rows.map((r) => r.lastActiveAt?.toISOString() ?? null),
        rows.map((r) => r.status),
        rows.map((r) => r.verifiedAt?.toISOString() ?? null),
        now.toISOString(),
      ],
    );
  }
  const changed = [...creates, ...updates];
  await bulkInsert(sql, "OrgTag", { orgId: "int", tagId: "int" }, changed.flatMap((p) => p.addTags.map((tagId) => ({ orgId: ids.get(p)!, tagId }))), "");
  await bulkInsert(
    sql,
    "OrgServiceDistrict",
    { orgId: "int", districtCode: "text" },
    changed.flatMap((p) => p.addDistricts.map((districtCode) => ({ orgId: ids.get(p)!, districtCode }))),
    "",
  );
  await bulkInsert(sql, "OutboxEvent", { topic: "text", key: "text" }, changed.map((p) => ({ topic: "search.org", key: String(ids.get(p)) })), "");
  const who = actorLabel(actor);
  await bulkInsert(
    sql,
    "AuditLog",
    AUDIT_COLUMNS,
    changed.map((p) => ({
      ...who,
      action: p.action === "create" ? "org.import.create" : "org.import.update",
      entityType: "Organization",
      entityId: String(ids.get(p)),
      after:
        p.action === "create"
          ? { file: fileName, line: p.row.line, uscc: p.target.uscc, filingNo: p.target.filingNo, name: p.target.name, status: p.target.status }
          : { file: fileName, line: p.row.line, changes: p.changes },
    })),
    "",
  );
}

// ───────────────────────────── the whole import ─────────────────────────────

export type RunImportOptions = {
  fileName: string;
  /** false: plan only (the admin page's preview). */
  apply: boolean;
  onProgress?: ImportProgress;
  batchSize?: number;
  now?: Date;
};

/** Validates, plans and (when `apply`) writes a parsed file. Used by the CLI, the admin page and the benchmark. */
export async function runOrgImport(actor: Actor, parsed: Pick<ParsedFile, "format" | "records" | "warnings">, options: RunImportOptions): Promise<ImportReport> {
  requireAdminActor(actor);
  const started = Date.now();
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const sql = getDatabase().sql;
  const refs = await loadImportRefs();
  const { valid, rejected } = validateRecords(parsed.records, refs);
  const report: ImportReport = {
    fileName: options.fileName,
    format: parsed.format,
    totalRows: parsed.records.length,
    warnings: parsed.warnings,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejectedCount: 0,
    rejected,
    applied: options.apply,
    durationMs: 0,
  };
  options.onProgress?.(0, valid.length);
  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize);
    const planned = await planBatch(sql, batch, now, report);
    if (options.apply) {
      try {
        await sql.transaction((tx) => writePlanned(tx, planned, actor, options.fileName, now));
        count(report, planned);
      } catch {
        // Something in the batch clashed (another writer, a constraint): each row on its own, whole or not at all.
        for (const single of batch) {
          try {
            const [again] = await planBatch(sql, [single], now, report);
            if (again) {
              await sql.transaction((tx) => writePlanned(tx, [again], actor, options.fileName, now));
              count(report, [again]);
            }
          } catch (error) {
            report.rejected.push({
              line: single.line,
              identifier: single.uscc ?? single.filingNo,
              name: single.name,
              reasons: [{ key: "orgs.import.row.writeFailed", vars: { detail: describeDbError(error) } }],
            });
          }
        }
      }
    } else {
      count(report, planned);
    }
    options.onProgress?.(Math.min(start + batch.length, valid.length), valid.length);
  }
  report.rejected.sort((a, b) => a.line - b.line);
  report.rejectedCount = report.rejected.length;
  report.durationMs = Date.now() - started;
  return report;
}

async function planBatch(sql: SqlRunner, batch: ValidRow[], now: Date, report: ImportReport) {
  const existing = await loadExisting(sql, batch);
  const planned: Planned[] = [];
  for (const row of batch) {
    const plan = planRow(row, existing.get(keyOf(row)) ?? null, now);
    if ("action" in plan) planned.push(plan);
    else report.rejected.push(plan);
  }
  return planned;
}

function count(report: ImportReport, planned: Planned[]) {
  for (const p of planned) report[p.action === "create" ? "created" : p.action === "update" ? "updated" : "unchanged"]++;
}

function describeDbError(error: unknown) {
  if (isUniqueViolation(error)) return "identifier already exists";
  return error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
}

/** Reads, checks and imports a file: the CLI command and the benchmark call this. Recorded as an ImportJob. */
export async function importOrgsFile(
  actor: Actor,
  file: { fileName: string; content: Buffer | string },
  options: { dryRun?: boolean; onProgress?: ImportProgress; batchSize?: number } = {},
) {
  requireAdminActor(actor);
  const parsed = parseImportFile(file.content, file.fileName);
  const report = await runOrgImport(actor, parsed, { fileName: file.fileName, apply: !options.dryRun, onProgress: options.onProgress, batchSize: options.batchSize });
  if (!options.dryRun) await recordJob(actor, report, null);
  return report;
}

// ───────────────────────────── admin page: upload, preview, confirm ─────────────────────────────

/** At most this many rejected rows are kept in a stored report (the counts stay exact). */
const STORED_REJECTIONS = 1000;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

function storedReport(report: ImportReport) {
  return { ...report, rejected: report.rejected.slice(0, STORED_REJECTIONS) } as unknown as Prisma.InputJsonValue;
}

async function recordJob(actor: Actor, report: ImportReport, jobId: number | null) {
  const createdBy = actor.type === "user" ? actor.userId : null;
  return prisma.$transaction(async (tx) => {
    const job = jobId
      ? await tx.importJob.update({ where: { id: jobId }, data: { status: "applied", report: storedReport(report), rows: undefined, appliedAt: new Date() }, select: { id: true } })
      : await tx.importJob.create({
          data: { kind: "orgs", fileName: report.fileName, status: "applied", report: storedReport(report), createdBy, appliedAt: new Date() },
          select: { id: true },
        });
    if (jobId) await tx.$executeRaw`UPDATE "ImportJob" SET rows = NULL WHERE id = ${jobId}`;
    await recordAudit(tx, {
      actor,
      action: "org.import",
      entityType: "ImportJob",
      entityId: job.id,
      after: { file: report.fileName, total: report.totalRows, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejectedCount },
    });
    return job;
  });
}

/** Upload: parse and check the file, plan it against the database, keep it for confirmation. Writes no organization. */
export async function previewOrgImport(actor: Actor, file: { fileName: string; content: Buffer | string }) {
  requireAdminActor(actor);
  let parsed: ParsedFile;
  try {
    parsed = parseImportFile(file.content, file.fileName);
  } catch (error) {
    if (error instanceof ImportFileError) throw new ServiceError(422, error.reason.key, error.reason.vars);
    throw error;
  }
  const report = await runOrgImport(actor, parsed, { fileName: file.fileName, apply: false });
  const job = await prisma.$transaction(async (tx) => {
    const created = await tx.importJob.create({
      data: {
        kind: "orgs",
        fileName: file.fileName,
        status: "previewed",
        report: storedReport(report),
        rows: { format: parsed.format, warnings: parsed.warnings, records: parsed.records } as unknown as Prisma.InputJsonValue,
        createdBy: actor.type === "user" ? actor.userId : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "org.import.preview",
      entityType: "ImportJob",
      entityId: created.id,
      after: { file: file.fileName, total: report.totalRows, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejectedCount },
    });
    return created;
  });
  return { jobId: job.id, report };
}

/** Confirm: check the kept rows again (the taxonomy may have changed since the preview) and import them. */
export async function confirmOrgImport(actor: Actor, jobId: number) {
  requireAdminActor(actor);
  const job = await prisma.importJob.findUnique({ where: { id: jobId }, select: { id: true, kind: true, status: true, fileName: true, rows: true } });
  if (!job || job.kind !== "orgs") throw new ServiceError(404, "orgs.import.job.notFound");
  if (job.status !== "previewed" || !job.rows) throw new ServiceError(409, "orgs.import.job.notPending");
  // Claim the job first, so a double click never imports twice.
  const claimed = await prisma.importJob.updateMany({ where: { id: jobId, status: "previewed" }, data: { status: "applying" } });
  if (claimed.count === 0) throw new ServiceError(409, "orgs.import.job.notPending");
  const stored = job.rows as unknown as { format: "csv" | "json"; warnings: Reason[]; records: RawRecord[] };
  try {
    const report = await runOrgImport(actor, stored, { fileName: job.fileName, apply: true });
    await recordJob(actor, report, jobId);
    return report;
  } catch (error) {
    await prisma.importJob.update({ where: { id: jobId }, data: { status: "failed" } });
    throw error;
  }
}

export async function discardOrgImport(actor: Actor, jobId: number) {
  requireAdminActor(actor);
  await prisma.$transaction(async (tx) => {
    const updated = await tx.importJob.updateMany({ where: { id: jobId, kind: "orgs", status: "previewed" }, data: { status: "discarded" } });
    if (updated.count === 0) throw new ServiceError(409, "orgs.import.job.notPending");
    await tx.$executeRaw`UPDATE "ImportJob" SET rows = NULL WHERE id = ${jobId}`;
    await recordAudit(tx, { actor, action: "org.import.discard", entityType: "ImportJob", entityId: jobId, before: { status: "previewed" }, after: { status: "discarded" } });
  });
}

export async function listImportJobs(actor: Actor, limit = 20) {
  requireAdminActor(actor);
  const jobs = await prisma.importJob.findMany({
    where: { kind: "orgs" },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, fileName: true, status: true, report: true, createdAt: true, appliedAt: true, createdBy: true },
  });
  const users = await prisma.user.findMany({ where: { id: { in: jobs.flatMap((j) => (j.createdBy ? [j.createdBy] : [])) } }, select: { id: true, displayName: true } });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return jobs.map(({ report, ...job }) => {
    const r = report as unknown as ImportReport;
    return {
      ...job,
      createdByName: job.createdBy ? (names.get(job.createdBy) ?? null) : null,
      summary: { totalRows: r.totalRows, created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejectedCount },
    };
  });
}

export async function getImportJob(actor: Actor, jobId: number) {
  requireAdminActor(actor);
  const job = await prisma.importJob.findUnique({
    where: { id: jobId },
    select: { id: true, kind: true, fileName: true, status: true, report: true, createdAt: true, appliedAt: true },
  });
  if (!job || job.kind !== "orgs") throw new ServiceError(404, "orgs.import.job.notFound");
  return { ...job, report: job.report as unknown as ImportReport };
}
