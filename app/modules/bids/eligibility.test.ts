import { describe, expect, test } from "vitest";
import { checkEligibility, isEligible, type NeedRules, type OrgSnapshot } from "./eligibility.ts";

// A 4A social service agency in Xuhui, founded 2015, with every qualification and 3 certified social workers.
const org = (overrides: Partial<OrgSnapshot> = {}): OrgSnapshot => ({
  id: 1,
  status: "VERIFIED",
  kind: "SOCIAL_SERVICE",
  gradeLevel: 4,
  gradeValidUntil: new Date("2028-06-30T00:00:00Z"),
  foundedOn: new Date("2015-03-01T00:00:00Z"),
  taxExempt: true,
  preTaxDeduction: true,
  donationReceipts: true,
  certifiedSocialWorkers: 3,
  districtCode: "310104",
  serviceDistrictCodes: [],
  custodian: null,
  ...overrides,
});

const DEADLINE = new Date("2026-12-10T09:00:00Z"); // 17:00 Shanghai
const need = (overrides: Partial<NeedRules> = {}): NeedRules => ({
  crossDistrict: true,
  districtCodes: ["310104"],
  minGrade: null,
  allowedKinds: [],
  requiredQualifications: [],
  minYearsRegistered: null,
  minSocialWorkers: null,
  bidDeadline: DEADLINE,
  ...overrides,
});
const AT = new Date("2026-12-01T02:00:00Z");
const rules = (o: OrgSnapshot, n: NeedRules, at = AT) => checkEligibility(o, n, at).map((f) => f.rule);

describe("eligibility: each rule", () => {
  test("a verified organization that meets everything is eligible", () => {
    expect(checkEligibility(org(), need({ minGrade: 3, minYearsRegistered: 2, minSocialWorkers: 1 }), AT)).toEqual([]);
    expect(isEligible(org(), need(), AT)).toBe(true);
  });

  test.each(["PENDING", "REJECTED", "SUSPENDED", "DEREGISTERED"] as const)("status %s cannot bid", (status) => {
    expect(checkEligibility(org({ status }), need(), AT)).toEqual([{ rule: "status", status }]);
  });

  test("kind must be allowed when the need restricts kinds; an empty list allows every kind", () => {
    expect(rules(org({ kind: "FOUNDATION" }), need({ allowedKinds: ["SOCIAL_SERVICE", "SOCIAL_GROUP"] }))).toEqual(["kind"]);
    expect(checkEligibility(org({ kind: "FOUNDATION" }), need({ allowedKinds: ["SOCIAL_SERVICE"] }), AT)[0]).toMatchObject({
      kind: "FOUNDATION",
      allowed: ["SOCIAL_SERVICE"],
    });
    expect(rules(org({ kind: "SOCIAL_GROUP" }), need({ allowedKinds: ["SOCIAL_SERVICE", "SOCIAL_GROUP"] }))).toEqual([]);
    expect(rules(org({ kind: "FOUNDATION" }), need({ allowedKinds: [] }))).toEqual([]);
  });

  test("grade must reach the minimum; no grade fails", () => {
    expect(checkEligibility(org({ gradeLevel: 4 }), need({ minGrade: 5 }), AT)).toEqual([{ rule: "grade", min: 5, grade: 4 }]);
    expect(checkEligibility(org({ gradeLevel: null, gradeValidUntil: null }), need({ minGrade: 1 }), AT)).toEqual([{ rule: "grade", min: 1, grade: null }]);
    expect(rules(org({ gradeLevel: 5 }), need({ minGrade: 5 }))).toEqual([]);
    expect(rules(org({ gradeLevel: 3 }), need({ minGrade: 3 }))).toEqual([]);
  });

  test("grade must still be valid at the bid deadline, not just today", () => {
    // Valid today (1 December) but expires on 5 December, before the 10 December deadline.
    const expiring = org({ gradeValidUntil: new Date("2026-12-05T00:00:00Z") });
    expect(rules(expiring, need({ minGrade: 3 }))).toEqual(["gradeExpired"]);
    // Without a minimum grade the expiry does not matter.
    expect(rules(expiring, need({ minGrade: null }))).toEqual([]);
    // Valid through the deadline's own day (Shanghai time): valid until 10 December covers a 17:00 deadline that day.
    expect(rules(org({ gradeValidUntil: new Date("2026-12-10T00:00:00Z") }), need({ minGrade: 3 }))).toEqual([]);
    // …but not a deadline at 00:00 Shanghai on 11 December.
    const midnight = need({ minGrade: 3, bidDeadline: new Date("2026-12-10T16:00:00Z") });
    expect(rules(org({ gradeValidUntil: new Date("2026-12-10T00:00:00Z") }), midnight)).toEqual(["gradeExpired"]);
    expect(rules(org({ gradeValidUntil: null }), need({ minGrade: 3 }))).toEqual(["gradeExpired"]);
  });

  test("without a deadline (a draft) the grade is judged at the time of evaluation", () => {
    const expiring = org({ gradeValidUntil: new Date("2026-12-05T00:00:00Z") });
    expect(rules(expiring, need({ minGrade: 3, bidDeadline: null }), AT)).toEqual([]);
    expect(rules(expiring, need({ minGrade: 3, bidDeadline: null }), new Date("2026-12-06T00:00:00Z"))).toEqual(["gradeExpired"]);
  });

  test("each required qualification is its own failure", () => {
    const none = org({ taxExempt: false, preTaxDeduction: false, donationReceipts: false });
    expect(checkEligibility(none, need({ requiredQualifications: ["TAX_EXEMPT", "DONATION_RECEIPTS"] }), AT)).toEqual([
      { rule: "qualification", qualification: "TAX_EXEMPT" },
      { rule: "qualification", qualification: "DONATION_RECEIPTS" },
    ]);
    expect(rules(org({ preTaxDeduction: false }), need({ requiredQualifications: ["PRE_TAX_DEDUCTION"] }))).toEqual(["qualification"]);
    expect(rules(org(), need({ requiredQualifications: ["TAX_EXEMPT", "PRE_TAX_DEDUCTION", "DONATION_RECEIPTS"] }))).toEqual([]);
  });

  test("years since registration count full calendar years to the bid deadline", () => {
    // Deadline 10 December 2026: founded 10 December 2024 has exactly 2 years; 11 December 2024 does not.
    expect(rules(org({ foundedOn: new Date("2024-12-10T00:00:00Z") }), need({ minYearsRegistered: 2 }))).toEqual([]);
    expect(rules(org({ foundedOn: new Date("2024-12-11T00:00:00Z") }), need({ minYearsRegistered: 2 }))).toEqual(["yearsRegistered"]);
    expect(checkEligibility(org({ foundedOn: null }), need({ minYearsRegistered: 1 }), AT)).toEqual([
      { rule: "yearsRegistered", min: 1, foundedOn: null },
    ]);
    expect(rules(org({ foundedOn: null }), need({ minYearsRegistered: 0 }))).toEqual([]);
  });

  test("certified social workers must reach the minimum", () => {
    expect(checkEligibility(org({ certifiedSocialWorkers: 0 }), need({ minSocialWorkers: 1 }), AT)).toEqual([
      { rule: "socialWorkers", min: 1, count: 0 },
    ]);
    expect(rules(org({ certifiedSocialWorkers: 2 }), need({ minSocialWorkers: 3 }))).toEqual(["socialWorkers"]);
    expect(rules(org({ certifiedSocialWorkers: 3 }), need({ minSocialWorkers: 3 }))).toEqual([]);
  });

  test("when the need is not cross-district open, the organization must be registered in or serve one of its districts", () => {
    const pudong = org({ districtCode: "310115" });
    expect(rules(pudong, need({ crossDistrict: true }))).toEqual([]);
    expect(checkEligibility(pudong, need({ crossDistrict: false }), AT)).toEqual([
      { rule: "locality", districtCodes: ["310104"], orgDistrictCode: "310115" },
    ]);
    expect(rules(org({ districtCode: "310115", serviceDistrictCodes: ["310101", "310104"] }), need({ crossDistrict: false }))).toEqual([]);
    expect(rules(org({ districtCode: "310104" }), need({ crossDistrict: false, districtCodes: ["310101", "310104"] }))).toEqual([]);
  });

  test("a filed group bids through a verified custodian service centre", () => {
    const team = org({ kind: "COMMUNITY_GROUP", gradeLevel: null, gradeValidUntil: null });
    expect(rules({ ...team, custodian: { id: 9, status: "VERIFIED" } }, need())).toEqual([]);
    expect(rules({ ...team, custodian: null }, need())).toEqual(["custodian"]);
    expect(rules({ ...team, custodian: { id: 9, status: "SUSPENDED" } }, need())).toEqual(["custodian"]);
    // A legal-person organization needs no custodian.
    expect(rules(org({ custodian: null }), need())).toEqual([]);
  });

  test("every failed rule is reported, in a stable order", () => {
    const weak = org({
      status: "PENDING",
      kind: "FOUNDATION",
      gradeLevel: 2,
      taxExempt: false,
      foundedOn: new Date("2026-01-01T00:00:00Z"),
      certifiedSocialWorkers: 0,
      districtCode: "310151",
    });
    const strict = need({
      crossDistrict: false,
      minGrade: 3,
      allowedKinds: ["SOCIAL_SERVICE"],
      requiredQualifications: ["TAX_EXEMPT"],
      minYearsRegistered: 2,
      minSocialWorkers: 1,
    });
    expect(rules(weak, strict)).toEqual(["status", "kind", "grade", "qualification", "yearsRegistered", "socialWorkers", "locality"]);
  });

  test("accepts dates as ISO strings (snapshots that crossed the network)", () => {
    const serialized = JSON.parse(JSON.stringify(org({ gradeValidUntil: new Date("2026-12-05T00:00:00Z") }))) as OrgSnapshot;
    expect(rules(serialized, JSON.parse(JSON.stringify(need({ minGrade: 3 }))) as NeedRules)).toEqual(["gradeExpired"]);
  });
});
