// Who may bid on a need. One pure function over a snapshot of the organization, the need's rules and the time it
// is evaluated at; it returns every rule the organization fails (an empty list means eligible). The bid form,
// the transaction that accepts a bid and the matching engine (as a hard filter) all call this same function.
// Browser-safe: no database, no clock of its own.
//
// Time-dependent rules (grade validity, years since registration) are judged at the need's bid deadline — a
// grade that expires before the deadline does not qualify — or at `at` when the need has no deadline yet.
import type { OrgKind, OrgStatus, Qualification } from "#app/.server/prisma/enums.ts";
import { addYears, endOfShanghaiDay, shanghaiDateOf } from "#app/modules/needs/time.ts";

export const FILED_KINDS: readonly OrgKind[] = ["MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"];
export const QUALIFICATIONS: readonly Qualification[] = ["TAX_EXEMPT", "PRE_TAX_DEDUCTION", "DONATION_RECEIPTS"];

export type OrgSnapshot = {
  id: number;
  status: OrgStatus;
  kind: OrgKind;
  gradeLevel: number | null;
  gradeValidUntil: Date | string | null;
  foundedOn: Date | string | null;
  taxExempt: boolean;
  preTaxDeduction: boolean;
  donationReceipts: boolean;
  certifiedSocialWorkers: number;
  districtCode: string;
  serviceDistrictCodes: string[];
  /** The custodian service centre of a filed group (null for legal-person organizations). */
  custodian: { id: number; status: OrgStatus } | null;
};

export type NeedRules = {
  crossDistrict: boolean;
  districtCodes: string[];
  minGrade: number | null;
  allowedKinds: OrgKind[];
  requiredQualifications: Qualification[];
  minYearsRegistered: number | null;
  minSocialWorkers: number | null;
  bidDeadline: Date | string | null;
};

export type EligibilityFailure =
  | { rule: "status"; status: OrgStatus }
  | { rule: "custodian" }
  | { rule: "kind"; kind: OrgKind; allowed: OrgKind[] }
  | { rule: "grade"; min: number; grade: number | null }
  | { rule: "gradeExpired"; grade: number; validUntil: string; deadline: string }
  | { rule: "qualification"; qualification: Qualification }
  | { rule: "yearsRegistered"; min: number; foundedOn: string | null }
  | { rule: "socialWorkers"; min: number; count: number }
  | { rule: "locality"; districtCodes: string[]; orgDistrictCode: string };

export type EligibilityRule = EligibilityFailure["rule"];

/** The message key that explains a failure (see app/i18n/messages/bids.ts). */
export const FAILURE_MESSAGE = {
  status: "bids.elig.status",
  custodian: "bids.elig.custodian",
  kind: "bids.elig.kind",
  grade: "bids.elig.grade",
  gradeExpired: "bids.elig.gradeExpired",
  qualification: "bids.elig.qualification",
  yearsRegistered: "bids.elig.yearsRegistered",
  socialWorkers: "bids.elig.socialWorkers",
  locality: "bids.elig.locality",
} as const satisfies Record<EligibilityRule, string>;

const iso = (value: Date | string) => new Date(value).toISOString();

export function isFiledKind(kind: OrgKind) {
  return FILED_KINDS.includes(kind);
}

/** Every rule of the need that the organization fails, in a stable order. */
export function checkEligibility(org: OrgSnapshot, need: NeedRules, at: Date): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  const reference = need.bidDeadline ? new Date(need.bidDeadline) : at;

  if (org.status !== "VERIFIED") failures.push({ rule: "status", status: org.status });
  if (isFiledKind(org.kind) && (!org.custodian || org.custodian.status !== "VERIFIED")) failures.push({ rule: "custodian" });

  if (need.allowedKinds.length > 0 && !need.allowedKinds.includes(org.kind)) {
    failures.push({ rule: "kind", kind: org.kind, allowed: [...need.allowedKinds] });
  }

  if (need.minGrade) {
    if (!org.gradeLevel || org.gradeLevel < need.minGrade) {
      failures.push({ rule: "grade", min: need.minGrade, grade: org.gradeLevel });
    } else if (!org.gradeValidUntil || reference.getTime() >= endOfShanghaiDay(org.gradeValidUntil).getTime()) {
      // A grade is valid through the last day of its validity, Shanghai time.
      failures.push({
        rule: "gradeExpired",
        grade: org.gradeLevel,
        validUntil: org.gradeValidUntil ? iso(org.gradeValidUntil) : "",
        deadline: iso(reference),
      });
    }
  }

  const held: Record<Qualification, boolean> = {
    TAX_EXEMPT: org.taxExempt,
    PRE_TAX_DEDUCTION: org.preTaxDeduction,
    DONATION_RECEIPTS: org.donationReceipts,
  };
  for (const qualification of QUALIFICATIONS) {
    if (need.requiredQualifications.includes(qualification) && !held[qualification]) {
      failures.push({ rule: "qualification", qualification });
    }
  }

  if (need.minYearsRegistered && need.minYearsRegistered > 0) {
    // Full calendar years from the founding date to the (Shanghai) date of the reference instant.
    const enough = org.foundedOn && addYears(org.foundedOn, need.minYearsRegistered).getTime() <= shanghaiDateOf(reference).getTime();
    if (!enough) {
      failures.push({ rule: "yearsRegistered", min: need.minYearsRegistered, foundedOn: org.foundedOn ? iso(org.foundedOn) : null });
    }
  }

  if (need.minSocialWorkers && need.minSocialWorkers > 0 && org.certifiedSocialWorkers < need.minSocialWorkers) {
    failures.push({ rule: "socialWorkers", min: need.minSocialWorkers, count: org.certifiedSocialWorkers });
  }

  if (!need.crossDistrict && need.districtCodes.length > 0) {
    const local = need.districtCodes.includes(org.districtCode) || org.serviceDistrictCodes.some((code) => need.districtCodes.includes(code));
    if (!local) failures.push({ rule: "locality", districtCodes: [...need.districtCodes], orgDistrictCode: org.districtCode });
  }

  return failures;
}

export function isEligible(org: OrgSnapshot, need: NeedRules, at: Date) {
  return checkEligibility(org, need, at).length === 0;
}
