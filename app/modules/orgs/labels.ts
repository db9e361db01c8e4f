// How organization fields are named and shown on pages (browser-safe): the labels of the fields an administrator
// re-checks, and a change's values in words.
import type { MessageKey, Translate } from "#app/i18n/index.ts";
import type { ReviewField } from "./schemas.ts";

export const REVIEW_FIELD_LABELS: Record<ReviewField, MessageKey> = {
  name: "orgs.name",
  kind: "orgs.kind",
  uscc: "orgs.uscc",
  usccWarning: "orgs.profile.usccCheckFailed",
  filingNo: "orgs.filingNo",
  gradeLevel: "orgs.grade",
  gradeValidUntil: "orgs.gradeValidUntil",
  taxExempt: "qualification.TAX_EXEMPT",
  preTaxDeduction: "qualification.PRE_TAX_DEDUCTION",
  donationReceipts: "qualification.DONATION_RECEIPTS",
};

/** Shanghai's four classes of community social organization (stored by their Chinese names). */
export const COMMUNITY_CLASS_LABELS: Record<string, MessageKey> = {
  生活服务类: "orgs.communityClass.life",
  公益慈善类: "orgs.communityClass.charity",
  文体活动类: "orgs.communityClass.culture",
  专业调处类: "orgs.communityClass.mediation",
};

export function communityClassText(t: Translate, value: string) {
  const key = COMMUNITY_CLASS_LABELS[value];
  return key ? t(key) : value;
}

/** The fields of a change set a person needs to see (the check-character flag travels with the code). */
export function visibleChangeFields(changes: Partial<Record<ReviewField, unknown>>): ReviewField[] {
  return (Object.keys(changes) as ReviewField[]).filter((field) => field !== "usccWarning" && field in REVIEW_FIELD_LABELS);
}

export function changeFieldList(t: Translate, changes: Partial<Record<ReviewField, unknown>>, separator = "、") {
  return visibleChangeFields(changes)
    .map((field) => t(REVIEW_FIELD_LABELS[field]))
    .join(separator);
}

/** One value of a reviewed field, in words. */
export function reviewValueText(t: Translate, field: ReviewField, value: unknown): string {
  if (value === null || value === undefined || value === "") return t("admin.changes.empty.value");
  switch (field) {
    case "kind":
      return t(`orgKind.${String(value)}` as MessageKey);
    case "gradeLevel":
      return t("grade.label", { level: Number(value) });
    case "taxExempt":
    case "preTaxDeduction":
    case "donationReceipts":
      return value ? t("form.yes") : t("form.no");
    default:
      return String(value);
  }
}
