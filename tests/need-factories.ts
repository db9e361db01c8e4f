// Test data for needs and bids, on top of tests/factories.ts: a complete, publishable draft, and helpers to put a
// need on either side of its bid deadline (by the database clock, which is what the services compare against).
import { prisma } from "#app/db.server.ts";
import type { UserActor } from "#app/modules/accounts/permissions.ts";
import { dbNow } from "#app/modules/needs/db.server.ts";
import { createNeed } from "#app/modules/needs/needs.server.ts";
import type { NeedDraft } from "#app/modules/needs/rules.ts";
import { shanghaiDateOf } from "#app/modules/needs/time.ts";
import { makeOrg, makeOrgUser, tagId } from "./factories.ts";

export const DAY = 24 * 3600_000;

/** A complete draft: an elder-care meal service in 枫林路街道, Xuhui, open across districts. */
export async function completeDraft(overrides: Partial<NeedDraft> = {}): Promise<NeedDraft> {
  const now = await dbNow();
  const street = await prisma.street.findFirstOrThrow({ where: { districtCode: "310104" }, select: { code: true } });
  return {
    title: "枫林路街道长者助餐服务",
    summary: "为辖区高龄独居老人提供午餐配送和堂食服务。",
    description: "## 服务内容\n\n每日为约 120 名高龄、独居老人提供午餐，其中 40 人送餐上门；建立服务台账和满意度回访。",
    catalogItemId: null,
    tagIds: [await tagId("助餐"), await tagId("老年人")],
    districtCodes: ["310104"],
    streetCodes: [street.code],
    crossDistrict: true,
    crossDistrictReason: "",
    budget: 480_000,
    method: "OPEN_TENDER",
    minGrade: null,
    allowedKinds: [],
    requiredQualifications: [],
    minYearsRegistered: null,
    minSocialWorkers: null,
    communityPriority: false,
    enquiryDeadline: new Date(now.getTime() + 7 * DAY),
    bidDeadline: new Date(now.getTime() + 10 * DAY),
    servicePeriodStart: shanghaiDateOf(new Date(now.getTime() + 40 * DAY)),
    servicePeriodEnd: shanghaiDateOf(new Date(now.getTime() + 405 * DAY)),
    criteria: [
      { name: "价格", kind: "PRICE", weight: 30, description: "" },
      { name: "服务方案", kind: "TECHNICAL", weight: 50, description: "" },
      { name: "过往业绩", kind: "TRACK_RECORD", weight: 20, description: "" },
    ],
    contactName: "李老师",
    contactPhone: "021-54030000",
    ...overrides,
  };
}

export async function publishedNeed(buyer: UserActor, overrides: Partial<NeedDraft> = {}) {
  const { needId } = await createNeed(buyer, await completeDraft(overrides), { publish: true });
  return needId;
}

/** Moves a need's bid deadline (and question deadline) directly, relative to the database clock. */
export async function setBidDeadline(needId: number, offsetMs: number) {
  const now = await dbNow();
  const bidDeadline = new Date(now.getTime() + offsetMs);
  await prisma.need.update({ where: { id: needId }, data: { bidDeadline, enquiryDeadline: new Date(Math.min(bidDeadline.getTime(), now.getTime() + offsetMs)) } });
  return bidDeadline;
}

export async function closeBidding(needId: number) {
  return setBidDeadline(needId, -1000);
}

/** A verified 4A organization with a user; overrides for its profile. */
export async function bidder(overrides: Parameters<typeof makeOrg>[0] = {}) {
  const org = await makeOrg({ gradeLevel: 4, gradeValidUntil: new Date(Date.UTC(2035, 0, 1)), certifiedSocialWorkers: 3, ...overrides });
  return { ...(await makeOrgUser(org)), org };
}

export const BID = {
  price: 450_000,
  proposal: "组建 6 人专项团队，设中央厨房一处、助餐点两处，按月制定菜单并开展满意度回访。",
  team: [
    { name: "王芳", role: "项目主管", certifiedSocialWorker: true },
    { name: "陈磊", role: "配送协调", certifiedSocialWorker: false },
  ],
};
