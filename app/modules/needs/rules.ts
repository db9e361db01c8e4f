// The business rules of a need that do not need a database: what a publishable need must contain, which edits of
// a published need are material, and the minimum notice before the bid deadline. Browser-safe, so the form can
// explain problems before the clerk submits, and the services apply the very same rules.
import type { CriterionKind, OrgKind, ProcurementMethod, Qualification } from "#app/.server/prisma/enums.ts";
import { DAY_MS, shanghaiDateOf } from "./time.ts";

export type CriterionDraft = { name: string; kind: CriterionKind; weight: number; description: string };

export type NeedDraft = {
  title: string;
  summary: string;
  description: string;
  catalogItemId: number | null;
  tagIds: number[];
  districtCodes: string[];
  streetCodes: string[];
  crossDistrict: boolean;
  crossDistrictReason: string;
  budget: number | null;
  method: ProcurementMethod;
  minGrade: number | null;
  allowedKinds: OrgKind[];
  requiredQualifications: Qualification[];
  minYearsRegistered: number | null;
  minSocialWorkers: number | null;
  communityPriority: boolean;
  enquiryDeadline: Date | null;
  bidDeadline: Date | null;
  servicePeriodStart: Date | null;
  servicePeriodEnd: Date | null;
  criteria: CriterionDraft[];
  contactName: string;
  contactPhone: string;
};

export type PublishIssue = { path: (string | number)[]; key: PublishIssueKey; vars?: Record<string, string | number> };

type PublishIssueKey =
  | "needs.publish.titleShort"
  | "needs.publish.summaryMissing"
  | "needs.publish.descriptionShort"
  | "needs.publish.tagsMissing"
  | "needs.publish.districtsMissing"
  | "needs.publish.crossDistrictReason"
  | "needs.publish.budgetMissing"
  | "needs.publish.enquiryDeadlineMissing"
  | "needs.publish.enquiryDeadlinePast"
  | "needs.publish.enquiryAfterBid"
  | "needs.publish.bidDeadlineMissing"
  | "needs.publish.bidDeadlinePast"
  | "needs.publish.periodMissing"
  | "needs.publish.periodOrder"
  | "needs.publish.periodBeforeDeadline"
  | "needs.publish.criteriaMissing"
  | "needs.publish.criteriaSum"
  | "needs.publish.criterionName"
  | "needs.publish.criterionWeight"
  | "needs.publish.criterionDuplicate"
  | "needs.publish.invitationRequired"
  | "needs.publish.singleSource";

/** Days of notice a material amendment must leave before the bid deadline. */
export const MIN_NOTICE_DAYS = 3;
export const MIN_NOTICE_MS = MIN_NOTICE_DAYS * DAY_MS;

export const INVITATION_ONLY_METHODS: readonly ProcurementMethod[] = ["INVITATION", "SINGLE_SOURCE"];

export function isInvitationOnly(method: ProcurementMethod) {
  return INVITATION_ONLY_METHODS.includes(method);
}

export function criteriaWeightSum(criteria: { weight: number | null | undefined }[]) {
  return criteria.reduce((sum, c) => sum + (c.weight ?? 0), 0);
}

/**
 * Everything that stops a need from being published, each with the form field it belongs to. An empty list
 * means the need can be published. `invitedCount` is checked when known (the server knows it; the form does not).
 * `publishedEnquiryDeadline` is the current question deadline of a published need being amended.
 */
export function publishIssues(
  need: NeedDraft,
  now: Date,
  context: { invitedCount?: number; publishedEnquiryDeadline?: Date | null } = {},
): PublishIssue[] {
  const issues: PublishIssue[] = [];
  const add = (path: PublishIssue["path"], key: PublishIssueKey, vars?: PublishIssue["vars"]) => issues.push({ path, key, vars });

  if (need.title.trim().length < 4) add(["title"], "needs.publish.titleShort");
  if (need.summary.trim().length < 10) add(["summary"], "needs.publish.summaryMissing");
  if (need.description.trim().length < 30) add(["description"], "needs.publish.descriptionShort");
  if (need.tagIds.length === 0) add(["tagIds"], "needs.publish.tagsMissing");
  if (need.districtCodes.length === 0) add(["districtCodes"], "needs.publish.districtsMissing");
  if (!need.crossDistrict && need.crossDistrictReason.trim().length < 5) add(["crossDistrictReason"], "needs.publish.crossDistrictReason");
  if (!need.budget) add(["budget"], "needs.publish.budgetMissing");

  if (!need.bidDeadline) add(["bidDeadline"], "needs.publish.bidDeadlineMissing");
  else if (need.bidDeadline.getTime() <= now.getTime()) add(["bidDeadline"], "needs.publish.bidDeadlinePast");
  if (!need.enquiryDeadline) add(["enquiryDeadline"], "needs.publish.enquiryDeadlineMissing");
  else if (need.enquiryDeadline.getTime() <= now.getTime() && need.enquiryDeadline.getTime() !== context.publishedEnquiryDeadline?.getTime()) {
    // An amendment may leave a question deadline that has already passed as it is; it may not set a new one in the past.
    add(["enquiryDeadline"], "needs.publish.enquiryDeadlinePast");
  }
  else if (need.bidDeadline && need.enquiryDeadline.getTime() > need.bidDeadline.getTime()) add(["enquiryDeadline"], "needs.publish.enquiryAfterBid");

  if (!need.servicePeriodStart || !need.servicePeriodEnd) {
    add([need.servicePeriodStart ? "servicePeriodEnd" : "servicePeriodStart"], "needs.publish.periodMissing");
  } else if (need.servicePeriodStart.getTime() > need.servicePeriodEnd.getTime()) {
    add(["servicePeriodEnd"], "needs.publish.periodOrder");
  } else if (need.bidDeadline && need.servicePeriodStart.getTime() < shanghaiDateOf(need.bidDeadline).getTime()) {
    add(["servicePeriodStart"], "needs.publish.periodBeforeDeadline");
  }

  if (need.criteria.length === 0) add(["criteria"], "needs.publish.criteriaMissing");
  const seen = new Set<string>();
  need.criteria.forEach((criterion, index) => {
    const name = criterion.name.trim();
    if (!name) add(["criteria", index, "name"], "needs.publish.criterionName");
    else if (seen.has(name)) add(["criteria", index, "name"], "needs.publish.criterionDuplicate", { name });
    seen.add(name);
    if (!criterion.weight || criterion.weight < 1) add(["criteria", index, "weight"], "needs.publish.criterionWeight");
  });
  const sum = criteriaWeightSum(need.criteria);
  if (need.criteria.length > 0 && sum !== 100) add(["criteria"], "needs.publish.criteriaSum", { sum });

  if (context.invitedCount !== undefined) {
    if (need.method === "SINGLE_SOURCE" && context.invitedCount !== 1) add(["method"], "needs.publish.singleSource", { count: context.invitedCount });
    else if (need.method === "INVITATION" && context.invitedCount < 1) add(["method"], "needs.publish.invitationRequired");
  }
  return issues;
}

// ── amendments (更正公告) ──

export const NEED_FIELDS = [
  "title",
  "summary",
  "description",
  "catalogItemId",
  "tagIds",
  "districtCodes",
  "streetCodes",
  "crossDistrict",
  "crossDistrictReason",
  "budget",
  "method",
  "minGrade",
  "allowedKinds",
  "requiredQualifications",
  "minYearsRegistered",
  "minSocialWorkers",
  "communityPriority",
  "enquiryDeadline",
  "bidDeadline",
  "servicePeriodStart",
  "servicePeriodEnd",
  "criteria",
  "contactName",
  "contactPhone",
] as const satisfies readonly (keyof NeedDraft)[];

export type NeedField = (typeof NEED_FIELDS)[number];

/**
 * Changes to these fields alter what an organization bids for — the requirements, who may bid, the money and the
 * deadlines — so they need the minimum notice. Title, tags, catalog item and contact details do not.
 */
export const MATERIAL_FIELDS: readonly NeedField[] = [
  "summary",
  "description",
  "districtCodes",
  "streetCodes",
  "crossDistrict",
  "crossDistrictReason",
  "budget",
  "method",
  "minGrade",
  "allowedKinds",
  "requiredQualifications",
  "minYearsRegistered",
  "minSocialWorkers",
  "communityPriority",
  "enquiryDeadline",
  "bidDeadline",
  "servicePeriodStart",
  "servicePeriodEnd",
  "criteria",
];

function comparable(field: NeedField, value: NeedDraft[NeedField]): string {
  if (value instanceof Date) return String(value.getTime());
  if (Array.isArray(value)) {
    if (field === "criteria") {
      return JSON.stringify((value as CriterionDraft[]).map((c) => [c.name.trim(), c.kind, c.weight, c.description.trim()]));
    }
    return JSON.stringify([...(value as (string | number)[])].map(String).sort());
  }
  if (typeof value === "string") return value.trim();
  return JSON.stringify(value ?? null);
}

/** The fields whose value differs between two versions of a need. */
export function changedFields(before: NeedDraft, after: NeedDraft): NeedField[] {
  return NEED_FIELDS.filter((field) => comparable(field, before[field]) !== comparable(field, after[field]));
}

export type AmendmentRefusal =
  | { key: "needs.amend.tooLate"; vars: { days: number } }
  | { key: "needs.amend.deadlineTooSoon"; vars: { days: number } }
  | { key: "needs.amend.nothingChanged" };

/**
 * Whether an edit of a published need may go out as an amendment. A material change less than 3 days before the
 * bid deadline is refused unless the bid deadline moves out to at least 3 days from now with it; a changed bid
 * deadline must itself leave 3 days.
 */
export function amendmentRefusal(before: NeedDraft, after: NeedDraft, now: Date): AmendmentRefusal | null {
  const changes = changedFields(before, after);
  if (changes.length === 0) return { key: "needs.amend.nothingChanged" };
  const earliest = now.getTime() + MIN_NOTICE_MS;
  if (changes.includes("bidDeadline") && (!after.bidDeadline || after.bidDeadline.getTime() < earliest)) {
    return { key: "needs.amend.deadlineTooSoon", vars: { days: MIN_NOTICE_DAYS } };
  }
  const material = changes.some((field) => MATERIAL_FIELDS.includes(field));
  const closeToDeadline = !before.bidDeadline || before.bidDeadline.getTime() < earliest;
  if (material && closeToDeadline && !changes.includes("bidDeadline")) {
    return { key: "needs.amend.tooLate", vars: { days: MIN_NOTICE_DAYS } };
  }
  return null;
}

export function isMaterialChange(fields: NeedField[]) {
  return fields.some((field) => MATERIAL_FIELDS.includes(field));
}
