// Loads what the eligibility rules look at, from the database, and runs them. Used by the bid form, by the
// transaction that accepts a bid (with the transaction's client, so the check sees the same data it writes
// against) and by invitations. The rules themselves are the pure `checkEligibility` in eligibility.ts.
import { prisma, type DbClient } from "#app/db.server.ts";
import { dbNow } from "#app/modules/needs/db.server.ts";
import { checkEligibility, type NeedRules, type OrgSnapshot } from "./eligibility.ts";

export const ORG_SNAPSHOT_SELECT = {
  id: true,
  name: true,
  status: true,
  kind: true,
  gradeLevel: true,
  gradeValidUntil: true,
  foundedOn: true,
  taxExempt: true,
  preTaxDeduction: true,
  donationReceipts: true,
  certifiedSocialWorkers: true,
  districtCode: true,
  serviceDistricts: { select: { districtCode: true } },
  custodian: { select: { id: true, name: true, status: true } },
} as const;

export const NEED_RULES_SELECT = {
  crossDistrict: true,
  minGrade: true,
  allowedKinds: true,
  requiredQualifications: true,
  minYearsRegistered: true,
  minSocialWorkers: true,
  bidDeadline: true,
  districts: { select: { districtCode: true } },
} as const;

type OrgRow = {
  id: number;
  status: OrgSnapshot["status"];
  kind: OrgSnapshot["kind"];
  gradeLevel: number | null;
  gradeValidUntil: Date | null;
  foundedOn: Date | null;
  taxExempt: boolean;
  preTaxDeduction: boolean;
  donationReceipts: boolean;
  certifiedSocialWorkers: number;
  districtCode: string;
  serviceDistricts: { districtCode: string }[];
  custodian: { id: number; status: OrgSnapshot["status"] } | null;
};

export function toOrgSnapshot(org: OrgRow): OrgSnapshot {
  return {
    id: org.id,
    status: org.status,
    kind: org.kind,
    gradeLevel: org.gradeLevel,
    gradeValidUntil: org.gradeValidUntil,
    foundedOn: org.foundedOn,
    taxExempt: org.taxExempt,
    preTaxDeduction: org.preTaxDeduction,
    donationReceipts: org.donationReceipts,
    certifiedSocialWorkers: org.certifiedSocialWorkers,
    districtCode: org.districtCode,
    serviceDistrictCodes: org.serviceDistricts.map((d) => d.districtCode),
    custodian: org.custodian ? { id: org.custodian.id, status: org.custodian.status } : null,
  };
}

type NeedRow = Omit<NeedRules, "districtCodes" | "bidDeadline"> & { bidDeadline: Date | null; districts: { districtCode: string }[] };

export function toNeedRules(need: NeedRow): NeedRules {
  return {
    crossDistrict: need.crossDistrict,
    districtCodes: need.districts.map((d) => d.districtCode),
    minGrade: need.minGrade,
    allowedKinds: need.allowedKinds,
    requiredQualifications: need.requiredQualifications,
    minYearsRegistered: need.minYearsRegistered,
    minSocialWorkers: need.minSocialWorkers,
    bidDeadline: need.bidDeadline,
  };
}

export async function loadOrgSnapshot(db: DbClient, orgId: number) {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: ORG_SNAPSHOT_SELECT });
  return org ? { org, snapshot: toOrgSnapshot(org) } : null;
}

export async function loadNeedRules(db: DbClient, needId: number) {
  const need = await db.need.findUnique({ where: { id: needId }, select: NEED_RULES_SELECT });
  return need ? toNeedRules(need) : null;
}

/** The failed rules of one organization for one need, at the database clock (or `at`). Null when either is missing. */
export async function checkOrgForNeed(orgId: number, needId: number, options: { db?: DbClient; at?: Date } = {}) {
  const db = options.db ?? prisma;
  const [loaded, rules] = await Promise.all([loadOrgSnapshot(db, orgId), loadNeedRules(db, needId)]);
  if (!loaded || !rules) return null;
  return checkEligibility(loaded.snapshot, rules, options.at ?? (await dbNow(db)));
}
