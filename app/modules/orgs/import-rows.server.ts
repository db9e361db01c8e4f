// Registry import, step 1: read a CSV or JSON file and check every row against the rules and the reference data
// (districts, streets, curated tags), without touching the database. Each rejected row carries every reason, so a
// district bureau can fix its file in one pass. Columns: DESIGN.md, "Import columns".
import { parse } from "csv-parse/sync";
import { IMPORT_COLUMNS, OPTIONAL_COLUMNS } from "./import-columns.ts";
import type { TagTermIndex } from "#app/modules/tags/match.ts";
import { normalizeFilingNo } from "./registration.server.ts";
import { isFiledKind, type OrgKindValue, type OrgStatusValue } from "./schemas.ts";
import { normalizeUscc, parseUscc, usccKindMatchesOrgKind } from "./uscc.ts";

export type ImportColumn = (typeof IMPORT_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const KNOWN_COLUMNS = new Set<string>([...IMPORT_COLUMNS, ...OPTIONAL_COLUMNS]);
const REQUIRED_COLUMNS = ["name", "kind", "districtCode"] as const;

/** A problem, as a message key with variables (translated where it is shown: the admin page, the CLI). */
export type Reason = { field?: string; key: string; vars?: Record<string, string | number> };

export class ImportFileError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.key);
    this.name = "ImportFileError";
  }
}

export type RawRecord = { line: number; values: Record<string, string> };

export type ParsedFile = { format: "csv" | "json"; columns: string[]; records: RawRecord[]; warnings: Reason[] };

export const MAX_IMPORT_ROWS = 200_000;

function decode(content: Buffer | string): string {
  const text = typeof content === "string" ? content : new TextDecoder("utf-8", { fatal: false }).decode(content);
  // GBK files (Excel's default "CSV" on Chinese Windows) decode to replacement characters.
  if (text.includes("\uFFFD")) throw new ImportFileError({ key: "orgs.import.file.notUtf8" });
  // PostgreSQL cannot store NUL in text; a file with one is not a register (it was a 500 when the preview was saved).
  if (text.includes("\u0000")) throw new ImportFileError({ key: "orgs.import.file.nul" });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cell).join("|");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export type ColumnSpec = { required: readonly string[]; known: ReadonlySet<string>; identifier: boolean };

/** Reads a CSV (UTF-8, with or without BOM) or a JSON array of objects with the same keys; `spec` names the columns (organizations by default). */
export function parseImportFile(content: Buffer | string, fileName: string, spec?: ColumnSpec): ParsedFile {
  const text = decode(content);
  const trimmed = text.trimStart();
  const isJson = /\.json$/i.test(fileName) || (!/\.csv$/i.test(fileName) && (trimmed.startsWith("[") || trimmed.startsWith("{")));
  let columns: string[];
  let records: RawRecord[];
  const warnings: Reason[] = [];
  if (isJson) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ImportFileError({ key: "orgs.import.file.badJson", vars: { detail: error instanceof Error ? error.message : String(error) } });
    }
    if (!Array.isArray(data)) throw new ImportFileError({ key: "orgs.import.file.jsonNotArray" });
    const seen = new Set<string>();
    records = data.map((item, index) => {
      if (!item || typeof item !== "object" || Array.isArray(item)) return { line: index + 1, values: { __invalid: "1" } };
      const values: Record<string, string> = {};
      for (const [key, value] of Object.entries(item)) {
        const text = cell(value);
        if (key.includes("\u0000") || text.includes("\u0000")) throw new ImportFileError({ key: "orgs.import.file.nul" });
        values[key.trim()] = text;
        seen.add(key.trim());
      }
      return { line: index + 1, values };
    });
    columns = [...seen];
  } else {
    let rows: { record: string[]; info: { lines: number } }[];
    try {
      rows = parse(text, { skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof rows;
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      throw new ImportFileError({ key: "orgs.import.file.badCsv", vars: { line: line ?? "?", detail: error instanceof Error ? error.message : String(error) } });
    }
    if (rows.length === 0) throw new ImportFileError({ key: "orgs.import.file.empty" });
    columns = rows[0].record.map((name) => name.trim());
    const duplicates = columns.filter((name, index) => name && columns.indexOf(name) !== index);
    if (duplicates.length > 0) throw new ImportFileError({ key: "orgs.import.file.duplicateColumns", vars: { columns: [...new Set(duplicates)].join(", ") } });
    records = rows.slice(1).map(({ record, info }) => {
      const values: Record<string, string> = {};
      columns.forEach((name, index) => {
        if (name) values[name] = record[index] ?? "";
      });
      if (record.length !== columns.length) values.__columns = String(record.length);
      return { line: info.lines, values };
    });
  }
  if (records.length === 0) throw new ImportFileError({ key: "orgs.import.file.empty" });
  if (records.length > MAX_IMPORT_ROWS) throw new ImportFileError({ key: "orgs.import.file.tooManyRows", vars: { max: MAX_IMPORT_ROWS } });
  const required = spec?.required ?? REQUIRED_COLUMNS;
  const known = spec?.known ?? KNOWN_COLUMNS;
  const missing: string[] = required.filter((name) => !columns.includes(name));
  if ((spec?.identifier ?? true) && !columns.includes("uscc") && !columns.includes("filingNo")) missing.push("uscc | filingNo");
  if (missing.length > 0 && !isJson) throw new ImportFileError({ key: "orgs.import.file.missingColumns", vars: { columns: missing.join(", ") } });
  const unknown = columns.filter((name) => name && !known.has(name));
  if (unknown.length > 0) warnings.push({ key: "orgs.import.file.unknownColumns", vars: { columns: unknown.join(", ") } });
  return { format: isJson ? "json" : "csv", columns, records, warnings };
}

// ───────────────────────────── value parsers ─────────────────────────────

export const KIND_NAMES: Record<string, OrgKindValue> = {
  社会团体: "SOCIAL_GROUP",
  社会服务机构: "SOCIAL_SERVICE",
  民办非企业单位: "SOCIAL_SERVICE",
  民非: "SOCIAL_SERVICE",
  基金会: "FOUNDATION",
  群众活动团队: "MASS_ACTIVITY_TEAM",
  社区活动小组: "COMMUNITY_GROUP",
  SOCIAL_GROUP: "SOCIAL_GROUP",
  SOCIAL_SERVICE: "SOCIAL_SERVICE",
  FOUNDATION: "FOUNDATION",
  MASS_ACTIVITY_TEAM: "MASS_ACTIVITY_TEAM",
  COMMUNITY_GROUP: "COMMUNITY_GROUP",
};

const STATUS_NAMES: Record<string, OrgStatusValue> = {
  待审核: "PENDING",
  待认证: "PENDING",
  已认证: "VERIFIED",
  正常: "VERIFIED",
  未通过: "REJECTED",
  已暂停: "SUSPENDED",
  暂停: "SUSPENDED",
  已注销: "DEREGISTERED",
  注销: "DEREGISTERED",
  PENDING: "PENDING",
  VERIFIED: "VERIFIED",
  ACTIVE: "VERIFIED",
  REJECTED: "REJECTED",
  SUSPENDED: "SUSPENDED",
  DEREGISTERED: "DEREGISTERED",
};

export const TRUE = new Set(["是", "有", "true", "1", "yes", "y"]);
export const FALSE = new Set(["否", "无", "false", "0", "no", "n"]);

/**
 * Empty cells are null: they leave an existing organization's value as it is (and use the default for a new one).
 * Free text (names, descriptions) is only trimmed — an official name keeps its full-width （） — while codes and
 * keywords are NFKC-normalized, so full-width digits and letters typed in Excel still match.
 */
function text(value: string | undefined): string | null {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? null : trimmed;
}

function keyword(value: string | undefined): string | null {
  const trimmed = (value ?? "").trim();
  if (trimmed === "") return null;
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(trimmed) ? trimmed : trimmed.normalize("NFKC").trim() || null;
}

function parseDate(value: string): string | null {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value);
  if (!match) return null;
  const iso = `${match[1]}-${match[2].padStart(2, "0")}-${match[3].padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

function parseGrade(value: string): number | null {
  const upper = value.toUpperCase().replace(/\s+/g, "").replace(/级$/, "");
  const digit = /^([1-5])A$/.exec(upper);
  if (digit) return Number(digit[1]);
  if (/^A{1,5}$/.test(upper)) return upper.length;
  return null;
}

export const listValues = (value: string | null) =>
  value
    ? value
        .split(/[|｜]/)
        .map((item) => item.normalize("NFKC").trim())
        .filter(Boolean)
    : [];

// ───────────────────────────── rows ─────────────────────────────

export type ImportRefs = {
  districts: ReadonlySet<string>;
  /** street code → district code */
  streets: ReadonlyMap<string, string>;
  tags: TagTermIndex;
};

/** A row that passed every check. Null means "no value in the file". */
export type ValidRow = {
  line: number;
  uscc: string | null;
  filingNo: string | null;
  name: string;
  kind: OrgKindValue;
  districtCode: string;
  streetCode: string | null;
  foundedOn: string | null;
  gradeLevel: number | null;
  gradeValidUntil: string | null;
  taxExempt: boolean | null;
  preTaxDeduction: boolean | null;
  donationReceipts: boolean | null;
  certifiedSocialWorkers: number | null;
  staffCount: number | null;
  serviceDistricts: string[] | null;
  tags: { term: string; tagId: number; nameZh: string; deprecated: boolean }[] | null;
  description: string | null;
  lastActiveOn: string | null;
  status: OrgStatusValue | null;
};

export type RejectedRow = { line: number; identifier: string | null; name: string | null; reasons: Reason[] };

export type ValidationResult = { valid: ValidRow[]; rejected: RejectedRow[] };

const USCC_REASONS: Record<string, string> = {
  empty: "orgs.uscc.empty",
  length: "orgs.uscc.length",
  charset: "orgs.uscc.charset",
  checkChar: "orgs.import.uscc.checkChar",
  department: "orgs.uscc.department",
  kind: "orgs.uscc.kind",
  region: "orgs.uscc.region",
};

export function validateRecord(record: RawRecord, refs: ImportRefs): { row: ValidRow | null; reasons: Reason[] } {
  const v = record.values;
  const reasons: Reason[] = [];
  const fail = (field: string, key: string, vars?: Record<string, string | number>) => reasons.push({ field, key, vars });
  if (v.__invalid) return { row: null, reasons: [{ key: "orgs.import.row.notObject" }] };
  if (v.__columns) fail("", "orgs.import.row.columnCount", { count: Number(v.__columns) });

  const name = text(v.name);
  if (!name) fail("name", "orgs.import.row.required");
  else if ([...name].length < 2 || name.length > 100) fail("name", "orgs.import.row.nameLength");

  const kindText = keyword(v.kind);
  const kind = kindText ? (KIND_NAMES[kindText] ?? KIND_NAMES[kindText.toUpperCase()]) : undefined;
  if (!kindText) fail("kind", "orgs.import.row.required");
  else if (!kind) fail("kind", "orgs.import.row.kind", { value: kindText });

  // Identifier: a legal-person organization has a 统一社会信用代码, a filed group a 备案编号.
  const usccText = keyword(v.uscc);
  const filingText = keyword(v.filingNo);
  let uscc: string | null = null;
  let filingNo: string | null = null;
  if (!usccText && !filingText) fail("uscc", "orgs.import.row.identifierMissing");
  else if (usccText && filingText) fail("uscc", "orgs.import.row.identifierBoth");
  if (kind && isFiledKind(kind)) {
    if (usccText && !filingText) fail("uscc", "orgs.usccNotForFiled");
    if (filingText) {
      filingNo = normalizeFilingNo(filingText);
      if (filingNo.length < 3 || filingNo.length > 40) fail("filingNo", "orgs.import.row.filingNo", { value: filingText });
    }
  } else if (kind) {
    if (filingText && !usccText) fail("filingNo", "orgs.filingNo.notForLegal");
    if (usccText) {
      const parsed = parseUscc(usccText);
      if (!parsed.ok) {
        fail("uscc", USCC_REASONS[parsed.code], {
          value: usccText,
          expected: parsed.expected ?? "",
          length: parsed.length ?? parsed.normalized.length,
          position: parsed.position ?? 0,
          char: parsed.char ?? "",
        });
      } else if (!usccKindMatchesOrgKind(parsed.kind, kind)) {
        fail("uscc", "orgs.uscc.kindMismatch", { codeKind: `orgs.usccKind.${parsed.kind}`, kind: `orgKind.${kind}` });
      }
      uscc = normalizeUscc(usccText);
    }
  }

  const districtCode = keyword(v.districtCode);
  if (!districtCode) fail("districtCode", "orgs.import.row.required");
  else if (!refs.districts.has(districtCode)) fail("districtCode", "orgs.import.row.district", { value: districtCode });

  const streetCode = keyword(v.streetCode);
  if (streetCode) {
    const streetDistrict = refs.streets.get(streetCode);
    if (!streetDistrict) fail("streetCode", "orgs.import.row.street", { value: streetCode });
    else if (districtCode && streetDistrict !== districtCode) fail("streetCode", "orgs.import.row.streetDistrict", { value: streetCode, district: districtCode });
  }

  const date = (field: "foundedOn" | "gradeValidUntil" | "lastActiveOn") => {
    const raw = keyword(v[field]);
    if (!raw) return null;
    const iso = parseDate(raw);
    if (!iso) fail(field, "orgs.import.row.date", { value: raw });
    return iso;
  };
  const foundedOn = date("foundedOn");
  if (foundedOn && (foundedOn > new Date().toISOString().slice(0, 10) || foundedOn < "1949-01-01")) fail("foundedOn", "orgs.foundedOn.range");
  const gradeValidUntil = date("gradeValidUntil");
  const lastActiveOn = date("lastActiveOn");

  const gradeText = keyword(v.grade);
  const gradeLevel = gradeText ? parseGrade(gradeText) : null;
  if (gradeText && gradeLevel === null) fail("grade", "orgs.import.row.grade", { value: gradeText });
  if (gradeLevel !== null && !gradeValidUntil && !keyword(v.gradeValidUntil)) fail("gradeValidUntil", "orgs.grade.validUntilRequired");
  if (!gradeText && gradeValidUntil) fail("grade", "orgs.grade.levelRequired");

  const bool = (field: "taxExempt" | "preTaxDeduction" | "donationReceipts") => {
    const raw = keyword(v[field]);
    if (!raw) return null;
    const lower = raw.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
    fail(field, "orgs.import.row.boolean", { value: raw });
    return null;
  };
  const taxExempt = bool("taxExempt");
  const preTaxDeduction = bool("preTaxDeduction");
  const donationReceipts = bool("donationReceipts");

  const int = (field: "certifiedSocialWorkers" | "staffCount") => {
    const raw = keyword(v[field]);
    if (!raw) return null;
    if (!/^\d{1,6}$/.test(raw) || Number(raw) > 100_000) {
      fail(field, "orgs.import.row.count", { value: raw });
      return null;
    }
    return Number(raw);
  };
  const certifiedSocialWorkers = int("certifiedSocialWorkers");
  const staffCount = int("staffCount");

  const serviceText = keyword(v.serviceDistricts);
  let serviceDistricts: string[] | null = null;
  if (serviceText) {
    serviceDistricts = [...new Set(listValues(serviceText))];
    for (const code of serviceDistricts) if (!refs.districts.has(code)) fail("serviceDistricts", "orgs.import.row.serviceDistrict", { value: code });
  }

  const tagsText = text(v.tags);
  let tags: ValidRow["tags"] = null;
  if (tagsText) {
    tags = [];
    const seen = new Set<number>();
    for (const term of listValues(tagsText)) {
      const found = refs.tags.lookup(term);
      if (!found) {
        const closest = refs.tags.closest(term);
        if (closest) fail("tags", closest.via ? "orgs.import.row.tagUnknownVia" : "orgs.import.row.tagUnknown", { value: term, suggestion: closest.nameZh, via: closest.via ?? "" });
        else fail("tags", "orgs.import.row.tagUnknownNoSuggestion", { value: term });
        continue;
      }
      if (seen.has(found.tagId)) continue;
      seen.add(found.tagId);
      tags.push({ term, tagId: found.tagId, nameZh: found.nameZh, deprecated: found.status !== "ACTIVE" });
    }
    if (tags.length > 20) fail("tags", "orgs.tags.tooMany", { max: 20 });
  }

  const description = text(v.description);
  if (description && description.length > 3000) fail("description", "orgs.import.row.tooLong", { max: 3000 });

  const statusText = keyword(v.status);
  const status = statusText ? (STATUS_NAMES[statusText] ?? STATUS_NAMES[statusText.toUpperCase()] ?? null) : null;
  if (statusText && !status) fail("status", "orgs.import.row.status", { value: statusText });

  if (reasons.length > 0 || !name || !kind || !districtCode) return { row: null, reasons };
  return {
    reasons,
    row: {
      line: record.line,
      uscc,
      filingNo,
      name,
      kind,
      districtCode,
      streetCode,
      foundedOn,
      gradeLevel,
      gradeValidUntil,
      taxExempt,
      preTaxDeduction,
      donationReceipts,
      certifiedSocialWorkers,
      staffCount,
      serviceDistricts,
      tags,
      description,
      lastActiveOn,
      status,
    },
  };
}

/** Checks every record; the same identifier twice in one file rejects the later rows. */
export function validateRecords(records: RawRecord[], refs: ImportRefs): ValidationResult {
  const valid: ValidRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  for (const record of records) {
    const { row, reasons } = validateRecord(record, refs);
    // The same organization twice in one file is ambiguous: every later row naming it is refused, whether or not
    // the earlier row itself passed.
    const usccText = keyword(record.values.uscc);
    const filingText = keyword(record.values.filingNo);
    const key = usccText ? `u:${normalizeUscc(usccText)}` : filingText ? `f:${normalizeFilingNo(filingText)}` : null;
    const identifier = row ? (row.uscc ?? row.filingNo) : (usccText ?? filingText);
    const earlier = key ? firstLine.get(key) : undefined;
    if (key && earlier === undefined) firstLine.set(key, record.line);
    if (earlier !== undefined) {
      reasons.push({ field: usccText ? "uscc" : "filingNo", key: "orgs.import.row.duplicate", vars: { line: earlier } });
      rejected.push({ line: record.line, identifier, name: row?.name ?? text(record.values.name), reasons });
    } else if (row) {
      valid.push(row);
    } else {
      rejected.push({ line: record.line, identifier, name: text(record.values.name), reasons });
    }
  }
  return { valid, rejected };
}
