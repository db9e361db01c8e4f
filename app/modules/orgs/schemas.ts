// Organization form schemas, shared by the browser and the server.
import { z } from "zod";
import { msg } from "#app/i18n/zod-errors.ts";
import { ACCOUNT_FIELDS } from "#app/modules/accounts/schemas.ts";
import { parseUscc, usccKindMatchesOrgKind } from "./uscc.ts";

export const ORG_KINDS = ["SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION", "MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"] as const;
export type OrgKindValue = (typeof ORG_KINDS)[number];
export const FILED_KINDS: readonly OrgKindValue[] = ["MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"];
export const isFiledKind = (kind: OrgKindValue) => FILED_KINDS.includes(kind);

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
  custodianId: z.coerce.number().int().positive().optional(),
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
