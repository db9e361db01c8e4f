// Need (procurement listing) form schemas, shared by the browser (conform validates as the clerk types) and the
// server (the source of truth). A draft may be incomplete; publishing runs `publishIssues` on top, so the form
// lists everything that is still missing in one go.
import { z } from "zod";
import type { CriterionKind, OrgKind, ProcurementMethod, Qualification } from "#app/.server/prisma/enums.ts";
import { msg } from "#app/i18n/zod-errors.ts";
import { publishIssues, type NeedDraft } from "./rules.ts";
import { parseDateOnly, parseShanghaiDateTime, toDateInput, toShanghaiDateTimeInput } from "./time.ts";

export const PROCUREMENT_METHODS = [
  "OPEN_TENDER",
  "COMPETITIVE_CONSULTATION",
  "COMPETITIVE_NEGOTIATION",
  "REQUEST_FOR_QUOTATION",
  "SINGLE_SOURCE",
  "INVITATION",
] as const satisfies readonly ProcurementMethod[];
export const NEED_ORG_KINDS = [
  "SOCIAL_GROUP",
  "SOCIAL_SERVICE",
  "FOUNDATION",
  "MASS_ACTIVITY_TEAM",
  "COMMUNITY_GROUP",
] as const satisfies readonly OrgKind[];
export const QUALIFICATION_VALUES = ["TAX_EXEMPT", "PRE_TAX_DEDUCTION", "DONATION_RECEIPTS"] as const satisfies readonly Qualification[];
export const CRITERION_KINDS = ["PRICE", "TECHNICAL", "TRACK_RECORD", "OTHER"] as const satisfies readonly CriterionKind[];
export const ACCEPTANCE_RESULTS = ["PASSED", "PASSED_WITH_NOTES", "FAILED"] as const;

/** The stages of the buyer's list of needs. */
export const BUYER_TABS = ["open", "evaluate", "draft", "delivery", "done"] as const;
export type BuyerTab = (typeof BUYER_TABS)[number];

export const MAX_BUDGET = 100_000_000; // 1 亿元: far above any community service purchase, below Int overflow
export const MAX_TAGS = 12;
export const MAX_CRITERIA = 10;

/** Shanghai's recommended-supplier criteria (上海市承接政府购买服务社会组织推荐目录): the one-click preset. */
export const RECOMMENDED_SUPPLIER_PRESET = { minYearsRegistered: 2, minGrade: 3, minSocialWorkers: 1 } as const;

/** A database id in a form: a positive 32-bit integer (anything larger is invalid input, not a database error). */
export const IdSchema = z.number().int().positive().max(2_147_483_647);

// Control characters (NUL and friends) are refused: PostgreSQL cannot store NUL, and none belongs in a form.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Free text from a form: trimmed, within limits, no control characters (tabs and line breaks are fine). */
export const plain = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !CONTROL_CHARS.test(value), msg("needs.form.controlChars"));

const text = (max: number) => plain(0, max).optional().default("");

/** Whole 元. Accepts "300000", "300,000", "30 0000", "300000元". */
export const YuanSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[,，\s]/g, "").replace(/元$/, ""))
  .pipe(z.string().regex(/^\d{1,9}$/, msg("needs.form.yuanInvalid")))
  .transform(Number)
  .pipe(z.number().int().min(1, msg("needs.form.yuanInvalid")).max(MAX_BUDGET, msg("needs.form.yuanTooBig")));

export const ShanghaiDateTimeSchema = z.string().transform((value, ctx) => {
  const parsed = parseShanghaiDateTime(value);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: msg("form.invalidDate") });
    return z.NEVER;
  }
  return parsed;
});

export const DateOnlySchema = z.string().transform((value, ctx) => {
  const parsed = parseDateOnly(value);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: msg("form.invalidDate") });
    return z.NEVER;
  }
  return parsed;
});

const PhoneSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+\-() 转]*$/, msg("form.invalidPhone"))
  .optional()
  .default("");

export const CriterionSchema = z.object({
  name: text(40),
  kind: z.enum(CRITERION_KINDS).default("OTHER"),
  weight: z.number().int().min(0).max(100).optional(),
  description: text(200),
});

/** Every field of the posting form, as a draft: each value must be well-formed, none is required but the title. */
export const NeedFieldsSchema = z.object({
  catalogItemId: IdSchema.optional(),
  title: plain(1, 100),
  summary: text(300),
  description: text(20_000),
  tagIds: z.array(IdSchema).max(MAX_TAGS).optional().default([]),
  districtCodes: z.array(z.string().regex(/^\d{6}$/, msg("form.invalidChoice"))).max(16).optional().default([]),
  streetCodes: z.array(z.string().regex(/^\d{9}$/, msg("form.invalidChoice"))).max(60).optional().default([]),
  crossDistrict: z.boolean().optional().default(false),
  crossDistrictReason: text(300),
  budget: YuanSchema.optional(),
  method: z.enum(PROCUREMENT_METHODS).default("OPEN_TENDER"),
  minGrade: z.number().int().min(1).max(5).optional(),
  allowedKinds: z.array(z.enum(NEED_ORG_KINDS)).max(5).optional().default([]),
  requiredQualifications: z.array(z.enum(QUALIFICATION_VALUES)).max(3).optional().default([]),
  minYearsRegistered: z.number().int().min(0).max(50).optional(),
  minSocialWorkers: z.number().int().min(0).max(500).optional(),
  communityPriority: z.boolean().optional().default(false),
  enquiryDeadline: ShanghaiDateTimeSchema.optional(),
  bidDeadline: ShanghaiDateTimeSchema.optional(),
  servicePeriodStart: DateOnlySchema.optional(),
  servicePeriodEnd: DateOnlySchema.optional(),
  criteria: z.array(CriterionSchema).max(MAX_CRITERIA).optional().default([]),
  contactName: text(50),
  contactPhone: PhoneSchema,
});

export type NeedFields = z.output<typeof NeedFieldsSchema>;

/** The form values as the shape the rules work on. */
export function draftFromFields(fields: NeedFields): NeedDraft {
  return {
    title: fields.title,
    summary: fields.summary,
    description: fields.description,
    catalogItemId: fields.catalogItemId ?? null,
    tagIds: [...new Set(fields.tagIds)],
    districtCodes: [...new Set(fields.districtCodes)],
    streetCodes: [...new Set(fields.streetCodes)],
    crossDistrict: fields.crossDistrict,
    crossDistrictReason: fields.crossDistrict ? "" : fields.crossDistrictReason,
    budget: fields.budget ?? null,
    method: fields.method,
    minGrade: fields.minGrade ?? null,
    allowedKinds: [...new Set(fields.allowedKinds)],
    requiredQualifications: [...new Set(fields.requiredQualifications)],
    minYearsRegistered: fields.minYearsRegistered || null,
    minSocialWorkers: fields.minSocialWorkers || null,
    communityPriority: fields.communityPriority,
    enquiryDeadline: fields.enquiryDeadline ?? null,
    bidDeadline: fields.bidDeadline ?? null,
    servicePeriodStart: fields.servicePeriodStart ?? null,
    servicePeriodEnd: fields.servicePeriodEnd ?? null,
    // Empty rows (no name, no weight) are the blank lines of the form, not criteria.
    criteria: fields.criteria
      .filter((c) => c.name !== "" || (c.weight ?? 0) > 0)
      .map((c) => ({ name: c.name, kind: c.kind, weight: c.weight ?? 0, description: c.description })),
    contactName: fields.contactName,
    contactPhone: fields.contactPhone,
  };
}

export const NEED_INTENTS = ["save-draft", "publish", "save-amendment"] as const;

/**
 * The posting/editing form. `publish` adds every publication rule; `save-amendment` (editing a published need)
 * needs the public 更正说明 and the same rules. `now` is the browser's or the server's clock; the service checks
 * the deadlines again with the database clock.
 */
export function needFormSchema(now: Date, published?: { enquiryDeadline: Date | null }) {
  return NeedFieldsSchema.extend({
    // The button that submitted the form. Absent while conform validates as the clerk types: then `validateFor`
    // (set once the clerk has tried to publish) says whether the publication rules apply.
    intent: z.enum(NEED_INTENTS).optional(),
    validateFor: z.enum(["publish"]).optional(),
    version: z.number().int().min(1).optional(),
    amendmentSummary: text(500),
  }).superRefine((value, ctx) => {
    for (const [index, code] of value.streetCodes.entries()) {
      if (!value.districtCodes.some((district) => code.startsWith(district))) {
        ctx.addIssue({ code: "custom", path: ["streetCodes", index], message: msg("needs.form.streetOutsideDistricts") });
      }
    }
    const intent = value.intent ?? (value.validateFor === "publish" ? (published ? "save-amendment" : "publish") : "save-draft");
    if (intent === "save-draft") return;
    if (intent === "save-amendment" && value.amendmentSummary.length < 4) {
      ctx.addIssue({ code: "custom", path: ["amendmentSummary"], message: msg("needs.amend.summaryRequired") });
    }
    const context = { publishedEnquiryDeadline: published?.enquiryDeadline ?? null };
    for (const issue of publishIssues(draftFromFields(value), now, context)) {
      ctx.addIssue({ code: "custom", path: issue.path, message: msg(issue.key, issue.vars) });
    }
  });
}

export const EnquirySchema = z.object({ question: plain(5, 1000) });
export const AnswerSchema = z.object({ enquiryId: IdSchema, answer: plain(2, 3000) });
export const ReasonSchema = z.object({ reason: plain(5, 500) });
export const InviteSchema = z.object({ orgId: IdSchema, message: text(300) });

export const ContractFields = z.object({ value: YuanSchema, periodStart: DateOnlySchema, periodEnd: DateOnlySchema });
export const ContractSchema = ContractFields.refine((value) => value.periodStart.getTime() <= value.periodEnd.getTime(), {
    path: ["periodEnd"],
    message: msg("needs.form.periodOrder"),
  });

export const CompletionSchema = z.object({
  acceptanceResult: z.enum(ACCEPTANCE_RESULTS),
  acceptanceNote: plain(5, 1000),
  rating: z.number().int().min(1).max(5),
  review: plain(5, 1000),
});

/** An id from the URL; anything else is a 404, never a 500. */
export const IdParamSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** A need as the posting form's values (strings, as the inputs hold them). */
export function needFormValue(draft: NeedDraft) {
  const str = (value: number | null) => (value === null || value === undefined ? "" : String(value));
  return {
    catalogItemId: str(draft.catalogItemId),
    title: draft.title,
    summary: draft.summary,
    description: draft.description,
    tagIds: draft.tagIds.map(String),
    districtCodes: draft.districtCodes,
    streetCodes: draft.streetCodes,
    crossDistrict: draft.crossDistrict ? "on" : "",
    crossDistrictReason: draft.crossDistrictReason,
    budget: str(draft.budget),
    method: draft.method,
    minGrade: str(draft.minGrade),
    allowedKinds: draft.allowedKinds,
    requiredQualifications: draft.requiredQualifications,
    minYearsRegistered: str(draft.minYearsRegistered),
    minSocialWorkers: str(draft.minSocialWorkers),
    communityPriority: draft.communityPriority ? "on" : "",
    enquiryDeadline: toShanghaiDateTimeInput(draft.enquiryDeadline),
    bidDeadline: toShanghaiDateTimeInput(draft.bidDeadline),
    servicePeriodStart: toDateInput(draft.servicePeriodStart),
    servicePeriodEnd: toDateInput(draft.servicePeriodEnd),
    criteria: draft.criteria.map((c) => ({ name: c.name, kind: c.kind, weight: String(c.weight), description: c.description })),
    contactName: draft.contactName,
    contactPhone: draft.contactPhone,
  };
}

export type NeedFormValue = ReturnType<typeof needFormValue>;
