// Organization form schemas, shared by the browser and the server.
import { z } from "zod";
import { msg } from "#app/i18n/zod-errors.ts";
import { ACCOUNT_FIELDS } from "#app/modules/accounts/schemas.ts";
import { parseUscc, usccKindMatchesOrgKind } from "./uscc.ts";

export const ORG_KINDS = ["SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION", "MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"] as const;
export type OrgKindValue = (typeof ORG_KINDS)[number];
export const FILED_KINDS: readonly OrgKindValue[] = ["MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"];
export const isFiledKind = (kind: OrgKindValue) => FILED_KINDS.includes(kind);

/** A row id from a form or URL: a positive integer that fits the database's int column (anything else is refused, not a 500). */
export const DbIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const DistrictCodeSchema = z.string().regex(/^\d{6}$/, msg("orgs.district.invalid"));
export const StreetCodeSchema = z.string().regex(/^\d{9}$/, msg("form.invalidChoice"));

/**
 * Checks a 统一社会信用代码 against the organization kind. A wrong check character is reported with the expected
 * character; it is accepted only when the organization confirms (a few genuine early codes fail the check).
 * Positions 3–8 name the registering authority and are never compared with the organization's district.
 */
export function usccIssue(uscc: string, kind: OrgKindValue, confirmed: boolean): string | null {
  const result = parseUscc(uscc);
  if (!result.ok) {
    switch (result.code) {
      case "empty":
        return msg("orgs.uscc.empty");
      case "length":
        return msg("orgs.uscc.length", { length: result.length ?? result.normalized.length });
      case "charset":
        return msg("orgs.uscc.charset", { position: result.position ?? 0, char: result.char ?? "" });
      case "checkChar": {
        if (!confirmed) return msg("orgs.uscc.checkChar", { expected: result.expected ?? "" });
        // Confirmed: the rest of the structure must still be right.
        const structure = parseUscc(`${result.normalized.slice(0, 17)}${result.expected}`);
        if (structure.ok) return kindIssue(structure.kind, kind);
        return usccIssue(`${result.normalized.slice(0, 17)}${result.expected}`, kind, false);
      }
      case "department":
        return msg("orgs.uscc.department");
      case "kind":
        return msg("orgs.uscc.kind");
      case "region":
        return msg("orgs.uscc.region");
    }
  }
  return kindIssue(result.kind, kind);
}

function kindIssue(kindChar: string, kind: OrgKindValue) {
  if (usccKindMatchesOrgKind(kindChar, kind)) return null;
  // Variables that are message keys are translated too (see translateError).
  return msg("orgs.uscc.kindMismatch", { codeKind: `orgs.usccKind.${kindChar}`, kind: `orgKind.${kind}` });
}

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true" || value === "1");

/** The organization part of a registration (sign-up, and the admin's "add organization"). */
export const OrgRegistrationFields = z.object({
  orgName: z.string().trim().min(2).max(100),
  kind: z.enum(ORG_KINDS),
  uscc: z.string().trim().max(40).optional(),
  confirmUscc: checkbox,
  filingNo: z.string().trim().max(40).optional(),
  custodianId: DbIdSchema.optional(),
  districtCode: DistrictCodeSchema,
  streetCode: StreetCodeSchema.optional(),
});

type RegistrationShape = z.infer<typeof OrgRegistrationFields>;

export function refineRegistration(value: RegistrationShape, ctx: z.RefinementCtx) {
  if (isFiledKind(value.kind)) {
    if (!value.filingNo) ctx.addIssue({ code: "custom", path: ["filingNo"], message: msg("orgs.filingNo.required") });
    if (!value.custodianId) ctx.addIssue({ code: "custom", path: ["custodianId"], message: msg("orgs.custodian.required") });
    if (value.uscc) ctx.addIssue({ code: "custom", path: ["uscc"], message: msg("orgs.usccNotForFiled") });
  } else {
    const issue = usccIssue(value.uscc ?? "", value.kind, value.confirmUscc);
    if (issue) ctx.addIssue({ code: "custom", path: ["uscc"], message: issue });
  }
  if (value.streetCode && !value.streetCode.startsWith(value.districtCode)) {
    ctx.addIssue({ code: "custom", path: ["streetCode"], message: msg("orgs.street.mismatch") });
  }
}

export const OrgSignupSchema = z
  .object({ accountType: z.literal("org"), ...ACCOUNT_FIELDS, ...OrgRegistrationFields.shape })
  .superRefine((value, ctx) => {
    if (value.password !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: msg("auth.passwordMismatch") });
    }
    refineRegistration(value, ctx);
  });

export type OrgSignup = z.infer<typeof OrgSignupSchema>;

// ───────────────────────────── profile editing ─────────────────────────────

export const COMMUNITY_CLASSES = ["生活服务类", "公益慈善类", "文体活动类", "专业调处类"] as const;
export const PARTY_ORG_VALUES = ["NONE", "STANDALONE", "JOINT", "INSTRUCTOR"] as const;
export const GRADE_LEVELS = [1, 2, 3, 4, 5] as const;

/** Fields an administrator re-checks before they are published (the rest publish at once). */
export const REVIEW_FIELDS = [
  "name",
  "kind",
  "uscc",
  "usccWarning",
  "filingNo",
  "gradeLevel",
  "gradeValidUntil",
  "taxExempt",
  "preTaxDeduction",
  "donationReceipts",
] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = (max: number) => z.preprocess(emptyToUndefined, z.string().trim().max(max).optional());

/** A calendar date from `<input type="date">` (YYYY-MM-DD), as a UTC-midnight Date. */
export const DateInputSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("form.invalidDate"))
  .transform((value, ctx) => {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      ctx.addIssue({ code: "custom", message: msg("form.invalidDate") });
      return z.NEVER;
    }
    return date;
  });

const count = (max: number) => z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(max).default(0));

const phone = z.preprocess(emptyToUndefined, z.string().trim().max(30).regex(/^[0-9+\-() ]+$/, msg("form.invalidPhone")).optional());
const email = z.preprocess(emptyToUndefined, z.string().trim().max(254).email().optional());
const website = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .max(200)
    .regex(/^https?:\/\/[^\s]+\.[^\s]+$/i, msg("orgs.website.invalid"))
    .optional(),
);

export const ProfileSchema = z
  .object({
    intent: z.literal("save-profile"),
    // publish at once
    isCommunityOrg: checkbox,
    communityClass: z.preprocess(emptyToUndefined, z.enum(COMMUNITY_CLASSES).optional()),
    districtCode: DistrictCodeSchema,
    streetCode: z.preprocess(emptyToUndefined, StreetCodeSchema.optional()),
    address: optionalText(200),
    serviceDistricts: z.array(DistrictCodeSchema).max(16).default([]),
    tagIds: z.array(DbIdSchema).max(20, msg("orgs.tags.tooMany", { max: 20 })).default([]),
    partyOrg: z.enum(PARTY_ORG_VALUES).default("NONE"),
    certifiedSocialWorkers: count(10_000),
    staffCount: count(100_000),
    foundedOn: z.preprocess(emptyToUndefined, DateInputSchema.optional()),
    description: optionalText(3000),
    contactName: optionalText(50),
    contactPhone: phone,
    contactEmail: email,
    website,
    // re-checked by an administrator
    name: z.string().trim().min(2).max(100),
    kind: z.enum(ORG_KINDS),
    uscc: z.preprocess(emptyToUndefined, z.string().trim().max(40).optional()),
    confirmUscc: checkbox,
    filingNo: z.preprocess(emptyToUndefined, z.string().trim().max(40).optional()),
    gradeLevel: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(5).optional()),
    gradeValidUntil: z.preprocess(emptyToUndefined, DateInputSchema.optional()),
    taxExempt: checkbox,
    preTaxDeduction: checkbox,
    donationReceipts: checkbox,
  })
  .superRefine((value, ctx) => {
    if (isFiledKind(value.kind)) {
      if (!value.filingNo) ctx.addIssue({ code: "custom", path: ["filingNo"], message: msg("orgs.filingNo.required") });
      if (value.uscc) ctx.addIssue({ code: "custom", path: ["uscc"], message: msg("orgs.usccNotForFiled") });
    } else {
      const issue = usccIssue(value.uscc ?? "", value.kind, value.confirmUscc);
      if (issue) ctx.addIssue({ code: "custom", path: ["uscc"], message: issue });
      if (value.filingNo) ctx.addIssue({ code: "custom", path: ["filingNo"], message: msg("orgs.filingNo.notForLegal") });
    }
    if (value.streetCode && !value.streetCode.startsWith(value.districtCode)) {
      ctx.addIssue({ code: "custom", path: ["streetCode"], message: msg("orgs.street.mismatch") });
    }
    if (value.gradeLevel !== undefined && !value.gradeValidUntil) {
      ctx.addIssue({ code: "custom", path: ["gradeValidUntil"], message: msg("orgs.grade.validUntilRequired") });
    }
    if (value.gradeLevel === undefined && value.gradeValidUntil) {
      ctx.addIssue({ code: "custom", path: ["gradeLevel"], message: msg("orgs.grade.levelRequired") });
    }
    if (value.foundedOn && (value.foundedOn.getTime() > Date.now() || value.foundedOn.getUTCFullYear() < 1949)) {
      ctx.addIssue({ code: "custom", path: ["foundedOn"], message: msg("orgs.foundedOn.range") });
    }
  });
export type ProfileInput = z.infer<typeof ProfileSchema>;

const caseFields = {
  title: z.string().trim().min(2).max(100),
  year: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1980).max(2100).optional()),
  description: optionalText(2000),
  isBrand: checkbox,
};
export const AddCaseSchema = z.object({ intent: z.literal("add-case"), ...caseFields });
export const UpdateCaseSchema = z.object({ intent: z.literal("update-case"), caseId: DbIdSchema, ...caseFields });
export const DeleteCaseSchema = z.object({ intent: z.literal("delete-case"), caseId: DbIdSchema });
export const ResubmitSchema = z.object({ intent: z.literal("resubmit") });
export type CaseInput = z.infer<typeof AddCaseSchema>;

export const ProfilePageSchema = z.discriminatedUnion("intent", [ProfileSchema, AddCaseSchema, UpdateCaseSchema, DeleteCaseSchema, ResubmitSchema]);

// ───────────────────────────── verification (admin) ─────────────────────────────

export const ORG_STATUSES = ["PENDING", "VERIFIED", "REJECTED", "SUSPENDED", "DEREGISTERED"] as const;
export type OrgStatusValue = (typeof ORG_STATUSES)[number];
export const VERIFICATION_ACTIONS = ["verify", "reject", "suspend", "reinstate", "deregister"] as const;
export type VerificationAction = (typeof VERIFICATION_ACTIONS)[number];

/** Which status each administrator action moves an organization from and to, and whether it needs a reason. */
export const VERIFICATION_TRANSITIONS: Record<VerificationAction, { from: readonly OrgStatusValue[]; to: OrgStatusValue; reasonRequired: boolean }> = {
  verify: { from: ["PENDING", "REJECTED"], to: "VERIFIED", reasonRequired: false },
  reject: { from: ["PENDING"], to: "REJECTED", reasonRequired: true },
  suspend: { from: ["VERIFIED"], to: "SUSPENDED", reasonRequired: true },
  reinstate: { from: ["SUSPENDED"], to: "VERIFIED", reasonRequired: false },
  deregister: { from: ["PENDING", "VERIFIED", "REJECTED", "SUSPENDED"], to: "DEREGISTERED", reasonRequired: true },
};

export const VerificationActionSchema = z
  .object({
    intent: z.enum(VERIFICATION_ACTIONS),
    reason: optionalText(500),
  })
  .superRefine((value, ctx) => {
    if (VERIFICATION_TRANSITIONS[value.intent].reasonRequired && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: msg("admin.verify.reasonRequired") });
    }
  });

export const ChangeRequestDecisionSchema = z
  .object({
    intent: z.enum(["approve-change", "reject-change"]),
    requestId: DbIdSchema,
    reason: optionalText(500),
  })
  .superRefine((value, ctx) => {
    if (value.intent === "reject-change" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: msg("admin.verify.reasonRequired") });
    }
  });

export const BuyerStaffDecisionSchema = z.object({
  intent: z.enum(["confirm-buyer", "refuse-buyer"]),
  userId: DbIdSchema,
  reason: optionalText(500),
});
