// Demo data: organizations of every kind across all 16 districts, buying units, needs in every status with bids,
// awards, contracts and ratings, and one demo account per role. Deterministic (a fixed random seed), and fast
// enough for the 50,000-organization benchmark corpus (bulk inserts in batches).
import type { PrismaClient } from "#app/.server/prisma/client.ts";
import type { OrgKind } from "#app/.server/prisma/enums.ts";
import { getDatabase } from "#app/db.server.ts";
import type { SqlRunner } from "#app/modules/db/migrate.server.ts";
import { hashPassword } from "#app/modules/accounts/password.server.ts";
import { generateUscc } from "#app/modules/orgs/uscc.ts";
import { bulkInsert, type ColumnType } from "./bulk.ts";
import { CATALOG_ITEMS } from "./catalog.ts";
import {
  createRng,
  generateBuyerUnit,
  generateNeed,
  generateOrganization,
  type GeneratedNeed,
  type GeneratedOrg,
  type GeneratorContext,
  type Rng,
} from "./generators.ts";

export const DEMO_PASSWORD = "Duijie-demo-2026";
export const DEMO_ACCOUNTS = {
  admin: "admin@duijie.demo",
  buyer: "buyer@duijie.demo",
  buyer2: "buyer2@duijie.demo",
  org: "org@duijie.demo",
  org2: "org2@duijie.demo",
} as const;

export type DemoOptions = {
  orgs?: number;
  needs?: number;
  buyers?: number;
  seed?: number;
  now?: Date;
  onProgress?: (stage: string, done: number, total: number) => void;
};

const DAY = 24 * 3600 * 1000;
const BATCH = 2000;

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type OrgForBidding = {
  id: number;
  kind: OrgKind;
  districtCode: string;
  serviceDistricts: string[];
  gradeLevel: number | null;
  gradeValidUntil: Date | null;
  foundedOn: Date | null;
  certifiedSocialWorkers: number;
  taxExempt: boolean;
  preTaxDeduction: boolean;
  donationReceipts: boolean;
  custodianId: number | null;
};

// The seed's own plausibility check for demo bids (the real eligibility rules live in the bids module).
function couldBid(org: OrgForBidding, need: GeneratedNeed, deadline: Date) {
  if (need.allowedKinds.length > 0 && !need.allowedKinds.includes(org.kind)) return false;
  if (need.minGrade && (!org.gradeLevel || org.gradeLevel < need.minGrade || !org.gradeValidUntil || org.gradeValidUntil < deadline)) return false;
  if (need.minSocialWorkers && org.certifiedSocialWorkers < need.minSocialWorkers) return false;
  if (need.minYearsRegistered && (!org.foundedOn || deadline.getTime() - org.foundedOn.getTime() < need.minYearsRegistered * 365.25 * DAY)) return false;
  const quals = { TAX_EXEMPT: org.taxExempt, PRE_TAX_DEDUCTION: org.preTaxDeduction, DONATION_RECEIPTS: org.donationReceipts };
  if (need.requiredQualifications.some((q) => !quals[q])) return false;
  if (!need.crossDistrict && !need.districtCodes.some((code) => code === org.districtCode || org.serviceDistricts.includes(code))) return false;
  return true;
}

type NeedPlan = "DRAFT" | "OPEN" | "CLOSED" | "EVALUATING" | "AWARDED" | "IN_DELIVERY" | "COMPLETED" | "CANCELLED" | "UNSUCCESSFUL";

/** Statuses in realistic proportions; the first needs of a small seed cover every status. */
function planFor(index: number, rng: Rng): NeedPlan {
  const cycle: NeedPlan[] = ["OPEN", "COMPLETED", "AWARDED", "DRAFT", "EVALUATING", "IN_DELIVERY", "CLOSED", "CANCELLED", "UNSUCCESSFUL"];
  if (index < cycle.length) return cycle[index];
  const roll = rng.next();
  if (roll < 0.4) return "OPEN";
  if (roll < 0.5) return "DRAFT";
  if (roll < 0.56) return "CLOSED";
  if (roll < 0.62) return "EVALUATING";
  if (roll < 0.7) return "AWARDED";
  if (roll < 0.78) return "IN_DELIVERY";
  if (roll < 0.94) return "COMPLETED";
  if (roll < 0.97) return "CANCELLED";
  return "UNSUCCESSFUL";
}

const REVIEWS = [
  "服务团队专业负责，台账规范，居民满意度调查达到96%。",
  "项目按计划推进，能主动与居委沟通，建议进一步加强志愿者培训。",
  "整体完成情况良好，个别活动参与人数略低于预期。",
  "响应及时，突发情况处置得当，服务对象反馈很好。",
  "服务内容基本完成，材料提交略有延迟，已整改。",
];

export async function seedDemo(prisma: PrismaClient, options: DemoOptions = {}) {
  const orgCount = options.orgs ?? 200;
  const needCount = options.needs ?? 60;
  const buyerCount = options.buyers ?? Math.max(40, Math.min(400, Math.round(needCount / 50)));
  const now = options.now ?? new Date();
  const rng = createRng(options.seed ?? 20_261_127);
  const progress = options.onProgress ?? (() => {});

  const districts = await prisma.district.findMany({
    orderBy: { sortOrder: "asc" },
    select: { code: true, name: true, streets: { where: { administrative: true }, select: { code: true, name: true, kind: true } } },
  });
  if (districts.length === 0) throw new Error("Load the reference data first (seedReferenceData).");
  const ctx: GeneratorContext = { districts, catalog: CATALOG_ITEMS };
  const tagIds = new Map((await prisma.tag.findMany({ select: { id: true, nameZh: true } })).map((tag) => [tag.nameZh, tag.id]));
  const catalogIds = new Map((await prisma.catalogItem.findMany({ select: { id: true, code: true } })).map((item) => [item.code, item.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const sql = getDatabase().sql;

  // ── service centres: each district's 社区社会组织服务中心, the custodian of its filed groups ──
  // Serials from 9,000,000 keep these codes apart from the generated organizations' codes.
  const centreRows = districts.map((district, index) => ({
    name: `上海市${district.name}社区社会组织服务中心`,
    uscc: generateUscc(rng, { kindChar: "2", regionCode: district.code, serial: 9_000_000 + index }),
    kind: "SOCIAL_SERVICE" as const,
    isServiceCentre: true,
    isCommunityOrg: false,
    districtCode: district.code,
    streetCode: district.streets[0]?.code ?? null,
    address: `${district.name}${district.streets[0]?.name ?? ""}社区服务大楼3楼`,
    foundedOn: new Date(Date.UTC(2012 + rng.int(0, 6), rng.int(0, 11), rng.int(1, 28))),
    gradeLevel: 4,
    gradeValidUntil: new Date(Date.UTC(2028, 11, 31)),
    taxExempt: true,
    certifiedSocialWorkers: rng.int(6, 15),
    staffCount: rng.int(12, 30),
    description: `${district.name}社区社会组织服务中心为辖区社区社会组织提供孵化培育、能力建设、财务代管和项目督导服务，是群众活动团队和社区活动小组的托管单位。`,
    status: "VERIFIED" as const,
    verifiedAt: new Date(now.getTime() - 900 * DAY),
    lastActiveAt: now,
  }));
  const centres = await prisma.organization.createManyAndReturn({ data: centreRows, select: { id: true, districtCode: true } });
  const centreByDistrict = new Map(centres.map((centre) => [centre.districtCode, centre.id]));
  const centreTags = ["专业支持", "孵化", "能力建设", "社会组织"].filter((name) => tagIds.has(name));
  await prisma.orgTag.createMany({
    data: centres.flatMap((centre) => centreTags.map((name) => ({ orgId: centre.id, tagId: tagIds.get(name)! }))),
    skipDuplicates: true,
  });

  // ── organizations ──
  const generated: GeneratedOrg[] = [];
  for (let i = 0; i < orgCount; i++) generated.push(generateOrganization(rng, i, ctx));
  // The two demo organizations: an elder-care agency in Xuhui, and one in Pudong that bids across the district line.
  const demoOrgs = demoOrganizations(rng, ctx);
  const allOrgs = [...demoOrgs, ...generated];

  const statusFor = (index: number): "VERIFIED" | "PENDING" | "REJECTED" | "SUSPENDED" | "DEREGISTERED" => {
    if (index < demoOrgs.length) return "VERIFIED";
    const roll = rng.next();
    if (roll < 0.86) return "VERIFIED";
    if (roll < 0.93) return "PENDING";
    if (roll < 0.96) return "REJECTED";
    if (roll < 0.98) return "SUSPENDED";
    return "DEREGISTERED";
  };
  const orgIds: number[] = [];
  const forBidding: (OrgForBidding & { tags: string[] })[] = [];
  let inserted = 0;
  for (const batch of chunks(allOrgs.map((org, index) => ({ org, index })))) {
    const rows = batch.map(({ org, index }) => {
      const status = statusFor(index);
      const filed = org.kind === "MASS_ACTIVITY_TEAM" || org.kind === "COMMUNITY_GROUP";
      return {
        name: org.name,
        uscc: org.uscc,
        filingNo: org.filingNo,
        kind: org.kind,
        isCommunityOrg: org.isCommunityOrg,
        communityClass: org.communityClass,
        districtCode: org.districtCode,
        streetCode: org.streetCode,
        address: org.address,
        foundedOn: org.foundedOn,
        gradeLevel: org.gradeLevel,
        gradeValidUntil: org.gradeValidUntil,
        taxExempt: org.taxExempt,
        preTaxDeduction: org.preTaxDeduction,
        donationReceipts: org.donationReceipts,
        partyOrg: org.partyOrg,
        certifiedSocialWorkers: org.certifiedSocialWorkers,
        staffCount: org.staffCount,
        description: org.description,
        contactName: org.contactName,
        contactPhone: org.contactPhone,
        contactEmail: org.contactEmail,
        custodianId: filed ? (centreByDistrict.get(org.districtCode) ?? null) : null,
        status,
        statusReason:
          status === "REJECTED"
            ? "登记证书照片不清晰，且统一社会信用代码与证书不一致，请核对后重新提交。"
            : status === "SUSPENDED"
              ? "年度检查未通过，暂停承接项目，整改后可申请恢复。"
              : status === "DEREGISTERED"
                ? "已依法办理注销登记。"
                : null,
        verifiedAt: status === "VERIFIED" ? new Date(now.getTime() - rng.int(30, 1500) * DAY) : null,
        lastActiveAt: org.lastActiveAt,
        updatedAt: now,
      };
    });
    const created = (await bulkInsert(sql, "Organization", ORG_COLUMNS, rows)) as { id: number }[];
    const tags: { orgId: number; tagId: number }[] = [];
    const serviceDistricts: { orgId: number; districtCode: string }[] = [];
    const cases: { orgId: number; title: string; year: number; description: string; isBrand: boolean; sortOrder: number }[] = [];
    created.forEach(({ id }, position) => {
      const { org } = batch[position];
      const row = rows[position];
      orgIds.push(id);
      for (const name of new Set(org.tagNames)) {
        const tagId = tagIds.get(name);
        if (tagId) tags.push({ orgId: id, tagId });
      }
      for (const code of new Set(org.serviceDistrictCodes)) serviceDistricts.push({ orgId: id, districtCode: code });
      org.cases.forEach((c, sortOrder) => cases.push({ orgId: id, ...c, sortOrder }));
      if (row.status === "VERIFIED") {
        forBidding.push({
          id,
          kind: org.kind,
          districtCode: org.districtCode,
          serviceDistricts: org.serviceDistrictCodes,
          gradeLevel: org.gradeLevel,
          gradeValidUntil: org.gradeValidUntil,
          foundedOn: org.foundedOn,
          certifiedSocialWorkers: org.certifiedSocialWorkers,
          taxExempt: org.taxExempt,
          preTaxDeduction: org.preTaxDeduction,
          donationReceipts: org.donationReceipts,
          custodianId: row.custodianId,
          tags: org.tagNames,
        });
      }
    });
    await bulkInsert(sql, "OrgTag", { orgId: "int", tagId: "int" }, tags, "");
    await bulkInsert(sql, "OrgServiceDistrict", { orgId: "int", districtCode: "text" }, serviceDistricts, "");
    await bulkInsert(sql, "OrgCase", { orgId: "int", title: "text", year: "int", description: "text", isBrand: "bool", sortOrder: "int" }, cases, "");
    inserted += batch.length;
    progress("organizations", inserted, allOrgs.length);
  }

  // ── buying units and demo accounts ──
  const buyerRows = [];
  const seenBuyerNames = new Set<string>();
  for (let i = 0; buyerRows.length < buyerCount && i < buyerCount * 5; i++) {
    const unit = generateBuyerUnit(rng, i, ctx);
    if (seenBuyerNames.has(unit.name)) continue;
    seenBuyerNames.add(unit.name);
    buyerRows.push(unit);
  }
  // The demo buyers: a street office in Xuhui and a district bureau in Pudong (fixed, so the README and the
  // tests can name them).
  const xuhui = districts.find((d) => d.code === "310104")!;
  const fenglin = xuhui.streets.find((s) => s.name.includes("枫林")) ?? xuhui.streets[0];
  const demoBuyerName = `徐汇区${fenglin.name}办事处`;
  const pudong = districts.find((d) => d.code === "310115")!;
  const demoBuyer2Name = "浦东新区民政局";
  const fixedBuyers = [
    { name: demoBuyerName, kind: "STREET_OFFICE" as const, districtCode: xuhui.code, streetCode: fenglin.code, address: "徐汇区枫林路街道社区事务受理服务中心", contactPhone: "021-54030000" },
    { name: demoBuyer2Name, kind: "DISTRICT_DEPARTMENT" as const, districtCode: pudong.code, streetCode: null, address: "浦东新区世纪大道2001号", contactPhone: "021-58880000" },
  ];
  const buyerData = [...fixedBuyers, ...buyerRows.filter((row) => !fixedBuyers.some((f) => f.name === row.name))];
  const buyers = await prisma.buyerUnit.createManyAndReturn({
    data: buyerData,
    select: { id: true, name: true, kind: true, districtCode: true, streetCode: true },
  });
  progress("buying units", buyers.length, buyers.length);
  const demoBuyer = buyers.find((b) => b.name === demoBuyerName)!;
  const demoBuyer2 = buyers.find((b) => b.name === demoBuyer2Name)!;

  await prisma.user.createMany({
    data: [
      { email: DEMO_ACCOUNTS.admin, passwordHash, displayName: "市民政局 王管理员", role: "ADMIN", status: "ACTIVE" },
      { email: DEMO_ACCOUNTS.buyer, passwordHash, displayName: "枫林路街道 李老师", role: "BUYER", status: "ACTIVE", buyerUnitId: demoBuyer.id },
      { email: DEMO_ACCOUNTS.buyer2, passwordHash, displayName: "浦东民政 陈科长", role: "BUYER", status: "ACTIVE", buyerUnitId: demoBuyer2.id },
      { email: DEMO_ACCOUNTS.org, passwordHash, displayName: "乐龄中心 张主任", role: "ORG", status: "ACTIVE", orgId: orgIds[0] },
      { email: DEMO_ACCOUNTS.org2, passwordHash, displayName: "益家社工 刘社工", role: "ORG", status: "ACTIVE", orgId: orgIds[1] },
    ],
  });

  // ── needs, with their bids, evaluations, awards, contracts and ratings ──
  const byTag = new Map<string, number[]>();
  forBidding.forEach((org, index) => {
    for (const tag of org.tags) {
      const list = byTag.get(tag);
      if (list) list.push(index);
      else byTag.set(tag, [index]);
    }
  });
  const track = new Map<number, { completed: number; ratingSum: number; ratingCount: number }>();

  let needsDone = 0;
  for (const batch of chunks(Array.from({ length: needCount }, (_, i) => i), 1000)) {
    const plans = batch.map((index) => {
      // The demo buyers own the first needs, so their workspaces show every status.
      const buyer = index < 9 ? demoBuyer : index < 14 ? demoBuyer2 : buyers[rng.int(0, buyers.length - 1)];
      const plan = planFor(index < 9 ? index : index < 14 ? index - 9 : index + 9, rng);
      const need = generateNeed(rng, index, ctx, buyer);
      const publishedAt = plan === "DRAFT" ? null : new Date(now.getTime() - rng.int(plan === "OPEN" ? 1 : 25, plan === "OPEN" ? 10 : 400) * DAY);
      const bidDeadline =
        plan === "DRAFT"
          ? new Date(now.getTime() + rng.int(15, 40) * DAY)
          : plan === "OPEN"
            ? new Date(now.getTime() + rng.int(3, 30) * DAY + rng.int(0, 23) * 3600_000)
            : new Date(publishedAt!.getTime() + rng.int(10, 20) * DAY);
      const start = new Date(bidDeadline.getTime() + rng.int(15, 40) * DAY);
      return { index, buyer, plan, need, publishedAt, bidDeadline, start, end: new Date(start.getTime() + 365 * DAY) };
    });
    const created = (await bulkInsert(
      sql,
      "Need",
      NEED_COLUMNS,
      plans.map((p) => ({
        buyerUnitId: p.buyer.id,
        title: p.need.title,
        summary: p.need.summary,
        description: p.need.description,
        catalogItemId: p.need.catalogCode ? (catalogIds.get(p.need.catalogCode) ?? null) : null,
        crossDistrict: p.need.crossDistrict,
        crossDistrictReason: p.need.crossDistrictReason,
        budget: p.need.budget,
        method: p.need.method,
        minGrade: p.need.minGrade,
        allowedKinds: p.need.allowedKinds,
        requiredQualifications: p.need.requiredQualifications,
        minYearsRegistered: p.need.minYearsRegistered,
        minSocialWorkers: p.need.minSocialWorkers,
        communityPriority: p.need.communityPriority,
        enquiryDeadline: new Date(p.bidDeadline.getTime() - 3 * DAY),
        bidDeadline: p.bidDeadline,
        servicePeriodStart: p.start,
        servicePeriodEnd: p.end,
        status: statusOfPlan(p.plan),
        statusReason:
          p.plan === "CANCELLED"
            ? "因辖区服务点改造，项目需求发生重大变化，本次采购取消，调整后将重新发布。"
            : p.plan === "UNSUCCESSFUL"
              ? "截止时间内符合资格条件的投标机构不足三家，本次采购失败。"
              : null,
        publishedAt: p.publishedAt,
        evaluationStartedAt: ["EVALUATING", "AWARDED", "IN_DELIVERY", "COMPLETED"].includes(p.plan) ? p.bidDeadline : null,
        closedAt: ["CANCELLED", "UNSUCCESSFUL"].includes(p.plan) ? new Date(p.bidDeadline.getTime() + 2 * DAY) : null,
        contactName: "项目联系人",
        contactPhone: "021-6" + String(rng.int(1000000, 9999999)),
        createdAt: p.publishedAt ?? now,
        updatedAt: now,
      })),
    )) as { id: number }[];
    const districtsRows: { needId: number; districtCode: string }[] = [];
    const streetRows: { needId: number; streetCode: string }[] = [];
    const tagRows: { needId: number; tagId: number }[] = [];
    const criteriaRows: { needId: number; name: string; kind: string; weight: number; description: string; sortOrder: number }[] = [];
    created.forEach(({ id }, position) => {
      const { need } = plans[position];
      for (const code of new Set(need.districtCodes)) districtsRows.push({ needId: id, districtCode: code });
      for (const code of new Set(need.streetCodes)) streetRows.push({ needId: id, streetCode: code });
      for (const name of new Set(need.tagNames)) if (tagIds.has(name)) tagRows.push({ needId: id, tagId: tagIds.get(name)! });
      need.criteria.forEach((criterion, sortOrder) => criteriaRows.push({ needId: id, ...criterion, sortOrder }));
    });
    await bulkInsert(sql, "NeedDistrict", { needId: "int", districtCode: "text" }, districtsRows, "");
    await bulkInsert(sql, "NeedStreet", { needId: "int", streetCode: "text" }, streetRows, "");
    await bulkInsert(sql, "NeedTag", { needId: "int", tagId: "int" }, tagRows, "");
    const criteria = (await bulkInsert(
      sql,
      "EvaluationCriterion",
      { needId: "int", name: "text", kind: "enum:CriterionKind", weight: "int", description: "text", sortOrder: "int" },
      criteriaRows,
      `id, "needId", weight`,
    )) as { id: number; needId: number; weight: number }[];

    // Bids for needs past publication (for a large corpus, a share of them, to keep seeding fast).
    const withBids = created
      .map(({ id }, position) => ({ id, ...plans[position] }))
      .filter((p) => !["DRAFT", "CANCELLED"].includes(p.plan) && (needCount <= 2000 || rng.chance(0.25)));
    await seedBids(sql, rng, now, withBids, criteria, forBidding, byTag, track);
    needsDone += batch.length;
    progress("needs", needsDone, needCount);
  }

  // Track record on the profiles, from the contracts.
  const records = [...track.entries()];
  if (records.length > 0) {
    await sql.query(
      `UPDATE "Organization" o SET "completedContracts" = t.completed, "ratingSum" = t.sum, "ratingCount" = t.count
       FROM unnest($1::int[], $2::int[], $3::int[], $4::int[]) AS t(id, completed, sum, count) WHERE o.id = t.id`,
      [records.map(([id]) => id), records.map(([, r]) => r.completed), records.map(([, r]) => r.ratingSum), records.map(([, r]) => r.ratingCount)],
    );
  }
  return { orgs: allOrgs.length + centres.length, buyers: buyers.length, needs: needCount };
}

const ORG_COLUMNS: Record<string, ColumnType> = {
  name: "text",
  uscc: "text",
  filingNo: "text",
  kind: "enum:OrgKind",
  isCommunityOrg: "bool",
  communityClass: "text",
  districtCode: "text",
  streetCode: "text",
  address: "text",
  foundedOn: "date",
  gradeLevel: "int",
  gradeValidUntil: "date",
  taxExempt: "bool",
  preTaxDeduction: "bool",
  donationReceipts: "bool",
  partyOrg: "enum:PartyOrgStatus",
  certifiedSocialWorkers: "int",
  staffCount: "int",
  description: "text",
  contactName: "text",
  contactPhone: "text",
  contactEmail: "text",
  custodianId: "int",
  status: "enum:OrgStatus",
  statusReason: "text",
  verifiedAt: "timestamp",
  lastActiveAt: "timestamp",
  updatedAt: "timestamp",
};

const NEED_COLUMNS: Record<string, ColumnType> = {
  buyerUnitId: "int",
  title: "text",
  summary: "text",
  description: "text",
  catalogItemId: "int",
  crossDistrict: "bool",
  crossDistrictReason: "text",
  budget: "int",
  method: "enum:ProcurementMethod",
  minGrade: "int",
  allowedKinds: "enum[]:OrgKind",
  requiredQualifications: "enum[]:Qualification",
  minYearsRegistered: "int",
  minSocialWorkers: "int",
  communityPriority: "bool",
  enquiryDeadline: "timestamp",
  bidDeadline: "timestamp",
  servicePeriodStart: "date",
  servicePeriodEnd: "date",
  status: "enum:NeedStatus",
  statusReason: "text",
  publishedAt: "timestamp",
  evaluationStartedAt: "timestamp",
  closedAt: "timestamp",
  contactName: "text",
  contactPhone: "text",
  createdAt: "timestamp",
  updatedAt: "timestamp",
};

function statusOfPlan(plan: NeedPlan) {
  if (plan === "OPEN" || plan === "CLOSED") return "PUBLISHED" as const;
  return plan;
}

type PlannedNeed = { id: number; plan: NeedPlan; need: GeneratedNeed; bidDeadline: Date; start: Date; end: Date };

/** Bids from organizations that could really bid, then scores, awards, contracts and ratings by the need's stage. */
async function seedBids(
  sql: SqlRunner,
  rng: Rng,
  now: Date,
  needs: PlannedNeed[],
  criteria: { id: number; needId: number; weight: number }[],
  orgs: OrgForBidding[],
  byTag: Map<string, number[]>,
  track: Map<number, { completed: number; ratingSum: number; ratingCount: number }>,
) {
  const criteriaByNeed = new Map<number, typeof criteria>();
  for (const c of criteria) criteriaByNeed.set(c.needId, [...(criteriaByNeed.get(c.needId) ?? []), c]);
  type PlannedBid = { need: PlannedNeed; org: OrgForBidding; price: number; scores: { criterionId: number; score: number }[]; total: number };
  const planned: PlannedBid[] = [];
  const ranked = new Map<number, PlannedBid[]>();
  for (const need of needs) {
    const candidates = new Set<number>();
    for (const tag of need.need.tagNames) for (const index of (byTag.get(tag) ?? []).slice(0, 300)) candidates.add(index);
    const pool = [...candidates].map((index) => orgs[index]).filter((org) => couldBid(org, need.need, need.bidDeadline));
    const wanted = need.plan === "UNSUCCESSFUL" ? rng.int(0, 2) : rng.int(2, 5);
    const evaluated = ["EVALUATING", "AWARDED", "IN_DELIVERY", "COMPLETED"].includes(need.plan);
    const bids = rng.sample(pool, Math.min(wanted, pool.length)).map((org) => {
      const scores = evaluated ? (criteriaByNeed.get(need.id) ?? []).map((c) => ({ criterionId: c.id, score: rng.int(62, 98), weight: c.weight })) : [];
      const total = Math.round(scores.reduce((sum, s) => sum + (s.score * s.weight) / 100, 0) * 100) / 100;
      return {
        need,
        org,
        price: Math.round(((need.need.budget ?? 200_000) * (0.82 + rng.next() * 0.17)) / 100) * 100,
        scores: scores.map(({ criterionId, score }) => ({ criterionId, score })),
        total,
      };
    });
    bids.sort((a, b) => b.total - a.total);
    planned.push(...bids);
    if (evaluated && bids.length > 0) ranked.set(need.id, bids);
  }
  const settled = (need: PlannedNeed) => ["AWARDED", "IN_DELIVERY", "COMPLETED"].includes(need.plan);
  const bidRows = planned.map((bid) => {
    const rank = ranked.get(bid.need.id)?.indexOf(bid) ?? -1;
    const done = settled(bid.need) && rank >= 0;
    return {
      needId: bid.need.id,
      orgId: bid.org.id,
      custodianId: bid.org.custodianId,
      price: bid.price,
      proposal: `针对“${bid.need.need.title}”，我机构拟组建专项服务团队，按服务要求制定月度计划，建立服务台账和满意度回访机制，确保服务质量与安全。`,
      team: [
        { name: "项目负责人", role: "项目主管", certifiedSocialWorker: true },
        { name: "一线社工", role: "社工", certifiedSocialWorker: rng.chance(0.6) },
      ],
      status: done ? (rank === 0 ? "AWARDED" : "NOT_AWARDED") : "SUBMITTED",
      totalScore: rank >= 0 ? bid.total : null,
      outcomeReason: done && rank > 0 ? `综合得分 ${bid.total} 分，排名第 ${rank + 1}，低于成交机构。` : null,
      submittedAt: new Date(bid.need.bidDeadline.getTime() - rng.int(1, 7) * DAY),
      updatedAt: now,
    };
  });
  const bidIds = (await bulkInsert(
    sql,
    "Bid",
    {
      needId: "int",
      orgId: "int",
      custodianId: "int",
      price: "int",
      proposal: "text",
      team: "jsonb",
      status: "enum:BidStatus",
      totalScore: "float",
      outcomeReason: "text",
      submittedAt: "timestamp",
      updatedAt: "timestamp",
    },
    bidRows,
  )) as { id: number }[];
  const idOf = new Map(planned.map((bid, i) => [bid, bidIds[i].id]));
  await bulkInsert(
    sql,
    "BidScore",
    { bidId: "int", criterionId: "int", score: "int", updatedAt: "timestamp" },
    planned.flatMap((bid) => bid.scores.map((s) => ({ bidId: idOf.get(bid)!, criterionId: s.criterionId, score: s.score, updatedAt: now }))),
    "",
  );

  const winners = [...ranked.values()].filter((bids) => settled(bids[0].need)).map((bids) => bids[0]);
  const awards = (await bulkInsert(
    sql,
    "Award",
    { needId: "int", bidId: "int", orgId: "int", amount: "int", notice: "text", decidedAt: "timestamp" },
    winners.map((bid) => ({
      needId: bid.need.id,
      bidId: idOf.get(bid)!,
      orgId: bid.org.id,
      amount: bid.price,
      notice: `经评审小组综合评审，确定成交机构，成交金额 ${bid.price} 元。`,
      decidedAt: new Date(bid.need.bidDeadline.getTime() + 5 * DAY),
    })),
  )) as { id: number }[];
  const contracts = winners.flatMap((bid, i) => {
    const need = bid.need;
    if (need.plan === "AWARDED") return [];
    const completed = need.plan === "COMPLETED";
    const rating = completed ? rng.pick([5, 5, 4, 4, 4, 3]) : null;
    if (completed && rating) {
      const record = track.get(bid.org.id) ?? { completed: 0, ratingSum: 0, ratingCount: 0 };
      record.completed += 1;
      record.ratingSum += rating;
      record.ratingCount += 1;
      track.set(bid.org.id, record);
    }
    return [
      {
        needId: need.id,
        awardId: awards[i].id,
        orgId: bid.org.id,
        value: bid.price,
        periodStart: need.start,
        periodEnd: completed ? new Date(Math.min(need.end.getTime(), now.getTime() - 2 * DAY)) : need.end,
        signedAt: new Date(need.bidDeadline.getTime() + 10 * DAY),
        completedAt: completed ? new Date(now.getTime() - rng.int(2, 60) * DAY) : null,
        acceptanceResult: completed ? (rating && rating >= 4 ? "PASSED" : "PASSED_WITH_NOTES") : null,
        acceptanceNote: completed ? "按合同约定完成全部服务内容，服务台账齐全。" : null,
        rating,
        review: completed ? rng.pick(REVIEWS) : null,
        ratedAt: completed ? new Date(now.getTime() - rng.int(1, 30) * DAY) : null,
      },
    ];
  });
  await bulkInsert(
    sql,
    "Contract",
    {
      needId: "int",
      awardId: "int",
      orgId: "int",
      value: "int",
      periodStart: "date",
      periodEnd: "date",
      signedAt: "timestamp",
      completedAt: "timestamp",
      acceptanceResult: "enum:AcceptanceResult",
      acceptanceNote: "text",
      rating: "int",
      review: "text",
      ratedAt: "timestamp",
    },
    contracts,
    "",
  );
}

/** The two fixed demo organizations (their accounts are in the README). */
function demoOrganizations(rng: Rng, ctx: GeneratorContext): GeneratedOrg[] {
  const xuhui = ctx.districts.find((d) => d.code === "310104")!;
  const pudong = ctx.districts.find((d) => d.code === "310115")!;
  const fenglin = xuhui.streets.find((s) => s.name.includes("枫林")) ?? xuhui.streets[0];
  const weifang = pudong.streets.find((s) => s.name.includes("潍坊")) ?? pudong.streets[0];
  const base = {
    isCommunityOrg: true,
    communityClass: "生活服务类",
    partyOrg: "JOINT" as const,
    taxExempt: true,
    preTaxDeduction: false,
    donationReceipts: false,
    lastActiveAt: new Date(),
  };
  return [
    {
      ...base,
      name: "上海市徐汇区乐龄长者关爱服务中心",
      uscc: generateUscc(rng, { kindChar: "2", regionCode: "310104", serial: 9_100_000 }),
      filingNo: null,
      kind: "SOCIAL_SERVICE",
      districtCode: xuhui.code,
      streetCode: fenglin.code,
      address: "徐汇区医学院路80弄12号",
      foundedOn: new Date(Date.UTC(2014, 4, 16)),
      gradeLevel: 4,
      gradeValidUntil: new Date(Date.UTC(2029, 5, 30)),
      certifiedSocialWorkers: 9,
      staffCount: 26,
      description:
        "机构成立于2014年，长期扎根枫林路街道，运营两家社区长者食堂和一家长者照护之家，日均供餐400余份。团队现有专职社工26名，其中持证社工9名、养老护理员12名，擅长老年助餐、认知障碍照护和独居老人关爱。",
      contactName: "张主任",
      contactPhone: "021-54031234",
      contactEmail: "contact@leling-care.org.cn",
      tagNames: ["养老服务", "助餐", "长者照护", "认知症照护", "老年人", "独居老人"],
      serviceDistrictCodes: [xuhui.code, "310105"],
      cases: [
        { title: "枫林路街道长者食堂运营项目", year: 2024, description: "运营社区长者食堂，日均供餐260份，送餐上门80份。", isBrand: true },
        { title: "记忆家园——认知障碍友好社区建设", year: 2023, description: "开展认知风险测评1200人次，家属支持小组24期。", isBrand: false },
      ],
    },
    {
      ...base,
      name: "上海浦东新区益家社会工作服务社",
      uscc: generateUscc(rng, { kindChar: "2", regionCode: "310115", serial: 9_100_001 }),
      filingNo: null,
      kind: "SOCIAL_SERVICE",
      districtCode: pudong.code,
      streetCode: weifang.code,
      address: "浦东新区潍坊路389号2楼",
      foundedOn: new Date(Date.UTC(2011, 8, 1)),
      gradeLevel: 5,
      gradeValidUntil: new Date(Date.UTC(2028, 11, 31)),
      certifiedSocialWorkers: 15,
      staffCount: 40,
      description:
        "益家社工服务社是浦东新区5A级社会服务机构，服务覆盖浦东、徐汇、黄浦等区，专注老年助餐、居家养老和家庭支持服务，近三年承接政府购买服务项目30余个。",
      contactName: "刘社工",
      contactPhone: "021-58761234",
      contactEmail: "service@yijia-sw.org.cn",
      tagNames: ["养老服务", "助餐", "老年人", "个案服务", "家庭教育"],
      serviceDistrictCodes: [pudong.code, xuhui.code, "310101"],
      cases: [{ title: "潍坊新村街道老年助餐服务", year: 2025, description: "为高龄老人提供助餐及送餐服务。", isBrand: true }],
    },
  ];
}
