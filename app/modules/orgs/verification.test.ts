import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { ANONYMOUS, PermissionError } from "#app/modules/accounts/permissions.ts";
import { getSessionUser } from "#app/modules/accounts/sessions.server.ts";
import { logIn } from "#app/modules/accounts/users.server.ts";
import { makeAdmin, makeBuyerUser, makeOrg, makeOrgUser, tagId } from "#tests/factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { getPublicProfile, resubmitForVerification } from "./profile.server.ts";
import { registerOrganization } from "./registration.server.ts";
import { OrgSignupSchema } from "./schemas.ts";
import { decideVerification, getOrgForReview, listVerificationQueue } from "./verification.server.ts";

let admin: Awaited<ReturnType<typeof makeAdmin>>["actor"];

beforeAll(async () => {
  await seedReferenceData(prisma);
  admin = (await makeAdmin()).actor;
});

/** Signs an organization up the way /signup does (schema, then service), and logs its user in. */
async function signUp(name: string, uscc: string, extra: Record<string, unknown> = {}) {
  const email = `${Math.random().toString(36).slice(2)}@example.cn`;
  const input = OrgSignupSchema.parse({
    accountType: "org",
    orgName: name,
    kind: "SOCIAL_SERVICE",
    uscc,
    districtCode: "310104",
    displayName: "张主任",
    email,
    password: "a-long-password-1",
    confirmPassword: "a-long-password-1",
    ...extra,
  });
  const { orgId, userId } = await registerOrganization(input);
  const login = await logIn({ email, password: "a-long-password-1", ip: "127.0.0.1" });
  if (!login.ok) throw new Error("log-in failed");
  const actor = await getSessionUser(login.token);
  if (!actor || actor.type !== "user") throw new Error("no session");
  return { orgId, userId, actor };
}

const since = async () => (await prisma.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;

describe("verification life cycle", () => {
  test("a new organization waits in the queue; an admin verifies it; it is told, audited and indexed", async () => {
    const { orgId, userId, actor } = await signUp("上海市徐汇区康乐长者服务中心", "52310104MJ0001010P");
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: orgId } })).status).toBe("PENDING");
    const queue = await listVerificationQueue(admin, { status: "PENDING" });
    expect(queue.items.map((item) => item.id)).toContain(orgId);

    // The organization cannot verify itself, a buyer cannot see the queue, anonymous neither.
    await expect(decideVerification(actor, orgId, "verify")).rejects.toBeInstanceOf(PermissionError);
    const buyer = (await makeBuyerUser()).actor;
    await expect(listVerificationQueue(buyer)).rejects.toBeInstanceOf(PermissionError);
    await expect(getOrgForReview(buyer, orgId)).rejects.toBeInstanceOf(PermissionError);
    await expect(listVerificationQueue(ANONYMOUS)).rejects.toBeInstanceOf(PermissionError);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: orgId } })).status).toBe("PENDING");

    const from = await since();
    await expect(decideVerification(admin, orgId, "verify")).resolves.toEqual({ from: "PENDING", to: "VERIFIED" });
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: orgId } });
    expect(org.status).toBe("VERIFIED");
    expect(org.verifiedAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "org.verify", entityId: String(orgId) } })).toBe(1);
    expect(await prisma.outboxEvent.count({ where: { id: { gt: from }, topic: "search.org", key: String(orgId) } })).toBe(1);
    const note = await prisma.notification.findFirstOrThrow({ where: { userId } });
    expect(note).toMatchObject({ titleKey: "orgs.notify.verified", link: `/orgs/${orgId}` });
  });

  test("reject needs a reason the organization sees; it fixes its profile and asks again", async () => {
    const { orgId, actor } = await signUp("上海市徐汇区同心社会工作服务社", "52310104MJ0001029L");
    await expect(decideVerification(admin, orgId, "reject")).rejects.toMatchObject({ messageKey: "admin.verify.reasonRequired" });
    await expect(decideVerification(admin, orgId, "reject", "   ")).rejects.toMatchObject({ messageKey: "admin.verify.reasonRequired" });
    await decideVerification(admin, orgId, "reject", "登记证书照片不清晰，请重新上传。");
    const rejected = await prisma.organization.findUniqueOrThrow({ where: { id: orgId } });
    expect(rejected).toMatchObject({ status: "REJECTED", statusReason: "登记证书照片不清晰，请重新上传。" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "org.reject", entityId: String(orgId) } });
    expect(audit.reason).toBe("登记证书照片不清晰，请重新上传。");

    await resubmitForVerification(actor);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: orgId } })).status).toBe("PENDING");
    await expect(resubmitForVerification(actor)).rejects.toMatchObject({ messageKey: "orgs.resubmit.notRejected" });
  });

  test("suspend, reinstate, deregister — only from the states that allow them", async () => {
    const org = await makeOrg({ status: "VERIFIED" });
    await expect(decideVerification(admin, org.id, "verify")).rejects.toMatchObject({ messageKey: "admin.verify.wrongState" });
    await expect(decideVerification(admin, org.id, "reinstate")).rejects.toMatchObject({ messageKey: "admin.verify.wrongState" });
    await expect(decideVerification(admin, org.id, "suspend")).rejects.toMatchObject({ messageKey: "admin.verify.reasonRequired" });
    await decideVerification(admin, org.id, "suspend", "年检未通过");
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).status).toBe("SUSPENDED");
    expect((await getOrgForReview(admin, org.id)).actions).toEqual(["reinstate", "deregister"]);
    await decideVerification(admin, org.id, "reinstate");
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ status: "VERIFIED", statusReason: null });
    await decideVerification(admin, org.id, "deregister", "已依法注销登记");
    expect((await getOrgForReview(admin, org.id)).actions).toEqual([]);
    await expect(decideVerification(admin, org.id, "verify")).rejects.toMatchObject({ messageKey: "admin.verify.wrongState" });
    const actions = (await prisma.auditLog.findMany({ where: { entityId: String(org.id), entityType: "Organization" }, orderBy: { id: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["org.suspend", "org.reinstate", "org.deregister"]);
  });

  test("queue filters: status, district, kind, name or code, check-character warning", async () => {
    // 52310104MJ0001037A has a wrong check character (the right one is F): accepted only because it was confirmed.
    await expect(signUp("上海市徐汇区启明青少年服务中心", "52310104MJ0001037A")).rejects.toThrow();
    const warned = await signUp("上海市徐汇区启明青少年服务中心", "52310104MJ0001037A", { confirmUscc: "on" }).catch(() => null);
    expect(warned).not.toBeNull();
    const stored = await prisma.organization.findUniqueOrThrow({ where: { id: warned!.orgId } });
    expect(stored.usccWarning).toBe("orgs.uscc.warning");
    const flagged = await listVerificationQueue(admin, { warning: true });
    expect(flagged.items.map((item) => item.id)).toEqual([warned!.orgId]);
    const review = await getOrgForReview(admin, warned!.orgId);
    expect(review.identifier).toMatchObject({ ok: false, errorCode: "checkChar", expectedCheckChar: "F" });
    expect((await listVerificationQueue(admin, { q: "启明青少年" })).items).toHaveLength(1);
    expect((await listVerificationQueue(admin, { q: "52310104MJ000103" })).items.map((i) => i.id)).toContain(warned!.orgId);
    expect((await listVerificationQueue(admin, { districtCode: "310115" })).items).toHaveLength(0);
    expect((await listVerificationQueue(admin, { kind: "FOUNDATION" })).items).toHaveLength(0);
    const all = await listVerificationQueue(admin, { status: "ALL" });
    expect(all.total).toBeGreaterThan(flagged.total);
    expect(all.counts.PENDING).toBeGreaterThan(0);
  });
});

describe("public profile visibility", () => {
  test("only verified organizations are public; the organization itself and admins always see theirs", async () => {
    const { org, actor: own } = await makeOrgUser(await makeOrg({ status: "PENDING", tagIds: [await tagId("助餐")] }));
    const other = (await makeOrgUser()).actor;
    const buyer = (await makeBuyerUser()).actor;
    for (const viewer of [ANONYMOUS, other, buyer]) {
      await expect(getPublicProfile(viewer, org.id)).rejects.toMatchObject({ status: 404 });
    }
    await expect(getPublicProfile(own, org.id)).resolves.toMatchObject({ viewer: { own: true } });
    await expect(getPublicProfile(admin, org.id)).resolves.toMatchObject({ viewer: { admin: true } });
    await decideVerification(admin, org.id, "verify");
    const page = await getPublicProfile(ANONYMOUS, org.id);
    expect(page.org.tagGroups.flatMap((g) => g.tags.map((t) => t.nameZh))).toEqual(["助餐"]);
    expect(page.contact).toBeNull(); // contact details only for signed-in users
    expect((await getPublicProfile(buyer, org.id)).contact).not.toBeNull();
    await decideVerification(admin, org.id, "suspend", "整改");
    await expect(getPublicProfile(ANONYMOUS, org.id)).rejects.toMatchObject({ status: 404 });
  });

  test("track record: completed contracts, average rating and the buyers' reviews", async () => {
    const org = await makeOrg({ completedContracts: 2, ratingCount: 2, ratingSum: 9, gradeLevel: 4, gradeValidUntil: new Date("2020-12-31") });
    const unit = await prisma.buyerUnit.create({ data: { name: "徐汇区枫林路街道办事处（测试）", kind: "STREET_OFFICE", districtCode: "310104" } });
    for (const [rating, review] of [[5, "服务专业，居民满意。"], [4, "按期完成。"]] as const) {
      const need = await prisma.need.create({ data: { buyerUnitId: unit.id, title: `长者助餐服务 ${rating}`, status: "COMPLETED" } });
      const bid = await prisma.bid.create({ data: { needId: need.id, orgId: org.id, price: 100_000, proposal: "方案", team: [] } });
      const award = await prisma.award.create({ data: { needId: need.id, bidId: bid.id, orgId: org.id, amount: 100_000 } });
      await prisma.contract.create({
        data: {
          needId: need.id,
          awardId: award.id,
          orgId: org.id,
          value: 100_000,
          periodStart: new Date("2025-01-01"),
          periodEnd: new Date("2025-12-31"),
          completedAt: new Date(`2025-12-${20 + rating}`),
          rating,
          review,
        },
      });
    }
    const page = await getPublicProfile(ANONYMOUS, org.id);
    expect(page.trackRecord).toMatchObject({ completedContracts: 2, averageRating: 4.5 });
    expect(page.trackRecord.reviews.map((r) => r.review)).toEqual(["服务专业，居民满意。", "按期完成。"]);
    expect(page.org.gradeExpired).toBe(true);
  });
});
