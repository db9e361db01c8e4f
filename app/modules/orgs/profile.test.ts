import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { PermissionError } from "#app/modules/accounts/permissions.ts";
import { deprecateTag, mergeTags } from "#app/modules/tags/tags.server.ts";
import { makeAdmin, makeBuyerUser, makeOrg, makeOrgUser, tagId } from "#tests/factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { addCase, deleteCase, getProfileEditor, getPublicProfile, saveProfile, updateCase } from "./profile.server.ts";
import { ProfileSchema, type ProfileInput } from "./schemas.ts";
import { decideChangeRequest, listPendingChangeRequests } from "./verification.server.ts";

let admin: Awaited<ReturnType<typeof makeAdmin>>["actor"];
beforeAll(async () => {
  await seedReferenceData(prisma);
  admin = (await makeAdmin()).actor;
});

/** The profile form as the editor would post it, starting from what the editor loads. */
async function formFor(actor: Parameters<typeof getProfileEditor>[0], overrides: Record<string, unknown> = {}): Promise<ProfileInput> {
  const editor = await getProfileEditor(actor);
  const { org, requested } = editor;
  const raw: Record<string, unknown> = {
    intent: "save-profile",
    isCommunityOrg: org.isCommunityOrg ? "on" : undefined,
    communityClass: org.communityClass ?? "",
    districtCode: org.districtCode,
    streetCode: org.streetCode ?? "",
    address: org.address,
    serviceDistricts: editor.serviceDistricts,
    tagIds: editor.tagIds.map(String),
    partyOrg: org.partyOrg,
    certifiedSocialWorkers: String(org.certifiedSocialWorkers),
    staffCount: String(org.staffCount),
    foundedOn: org.foundedOn ?? "",
    description: org.description,
    contactName: org.contactName,
    contactPhone: org.contactPhone,
    contactEmail: org.contactEmail,
    website: org.website,
    name: requested.name,
    kind: requested.kind,
    uscc: requested.uscc ?? "",
    filingNo: requested.filingNo ?? "",
    gradeLevel: requested.gradeLevel ? String(requested.gradeLevel) : "",
    gradeValidUntil: requested.gradeValidUntil ?? "",
    taxExempt: requested.taxExempt ? "on" : undefined,
    preTaxDeduction: requested.preTaxDeduction ? "on" : undefined,
    donationReceipts: requested.donationReceipts ? "on" : undefined,
    ...overrides,
  };
  return ProfileSchema.parse(raw);
}

const published = (id: number) =>
  prisma.organization.findUniqueOrThrow({ where: { id }, include: { tags: { include: { tag: true } }, serviceDistricts: true } });

describe("editing a verified profile", () => {
  test("ordinary fields and tags publish at once; name and grade wait for review", async () => {
    const { org, actor } = await makeOrgUser(await makeOrg({ name: "上海市徐汇区乐龄长者服务中心", gradeLevel: 3, gradeValidUntil: new Date("2027-12-31") }));
    const meals = await tagId("助餐");
    const elders = await tagId("老年人");
    const since = (await prisma.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const result = await saveProfile(
      actor,
      await formFor(actor, {
        description: "为枫林路街道 300 余名独居老人提供助餐和探访服务。",
        tagIds: [String(meals), String(elders)],
        serviceDistricts: ["310104", "310105"],
        name: "上海市徐汇区乐龄长者关爱服务中心",
        gradeLevel: "4",
        gradeValidUntil: "2030-12-31",
      }),
    );
    expect(result.published.sort()).toEqual(["description", "serviceDistricts", "tagIds"]);
    expect(result.sentForReview.sort()).toEqual(["gradeLevel", "gradeValidUntil", "name"]);

    const now = await published(org.id);
    expect(now.description).toContain("独居老人");
    expect(now.tags.map((t) => t.tag.nameZh).sort()).toEqual(["助餐", "老年人"].sort());
    expect(now.serviceDistricts.map((s) => s.districtCode).sort()).toEqual(["310104", "310105"]);
    expect(now.name).toBe("上海市徐汇区乐龄长者服务中心"); // not yet
    expect(now.gradeLevel).toBe(3);
    expect(await prisma.outboxEvent.count({ where: { id: { gt: since }, topic: "search.org", key: String(org.id) } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { entityId: String(org.id), action: { in: ["org.profile.update", "org.change.request"] } } })).toBe(2);

    // The public page keeps the published values; the owner sees the pending request.
    const page = await getPublicProfile((await makeBuyerUser()).actor, org.id);
    expect(page.org.name).toBe("上海市徐汇区乐龄长者服务中心");
    expect(page.pendingChange).toBeNull();
    expect((await getPublicProfile(actor, org.id)).pendingChange?.changes.name).toEqual({
      before: "上海市徐汇区乐龄长者服务中心",
      after: "上海市徐汇区乐龄长者关爱服务中心",
    });

    // Saving the form again (it now shows the requested values) files nothing new.
    await saveProfile(actor, await formFor(actor));
    expect(await prisma.orgChangeRequest.count({ where: { orgId: org.id } })).toBe(1);

    // The administrator approves: the new name and grade are published, the organization is told.
    const [request] = (await listPendingChangeRequests(admin)).filter((r) => r.org.id === org.id);
    await expect(decideChangeRequest(actor, request.id, true)).rejects.toBeInstanceOf(PermissionError);
    await decideChangeRequest(admin, request.id, true);
    const approved = await published(org.id);
    expect(approved).toMatchObject({ name: "上海市徐汇区乐龄长者关爱服务中心", gradeLevel: 4 });
    expect(approved.gradeValidUntil?.toISOString().slice(0, 10)).toBe("2030-12-31");
    await expect(decideChangeRequest(admin, request.id, false, "重复")).rejects.toMatchObject({ messageKey: "admin.changes.decided" });
    expect(await prisma.auditLog.count({ where: { entityId: String(org.id), action: "org.change.approve" } })).toBe(1);
  });

  test("a rejected change request keeps the published values and tells the organization why", async () => {
    const { org, user, actor } = await makeOrgUser(await makeOrg({ taxExempt: false }));
    await saveProfile(actor, await formFor(actor, { taxExempt: "on" }));
    const request = await prisma.orgChangeRequest.findFirstOrThrow({ where: { orgId: org.id, status: "PENDING" } });
    await expect(decideChangeRequest(admin, request.id, false)).rejects.toMatchObject({ messageKey: "admin.verify.reasonRequired" });
    await decideChangeRequest(admin, request.id, false, "请上传免税资格认定文件。");
    expect((await published(org.id)).taxExempt).toBe(false);
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: user.id, titleKey: "orgs.notify.changeRejected" } });
    expect(note.body).toBe("请上传免税资格认定文件。");
    expect((await getProfileEditor(actor)).rejectedChange?.reason).toBe("请上传免税资格认定文件。");
  });

  test("putting the reviewed fields back withdraws the pending request", async () => {
    const { org, actor } = await makeOrgUser(await makeOrg({ name: "上海市徐汇区彩虹青少年服务社" }));
    await saveProfile(actor, await formFor(actor, { name: "上海市徐汇区彩虹青少年发展服务社" }));
    expect(await prisma.orgChangeRequest.count({ where: { orgId: org.id, status: "PENDING" } })).toBe(1);
    const result = await saveProfile(actor, await formFor(actor, { name: "上海市徐汇区彩虹青少年服务社" }));
    expect(result.withdrawn).toBe(true);
    expect(await prisma.orgChangeRequest.count({ where: { orgId: org.id } })).toBe(0);
  });

  test("a code another organization holds is refused, nothing changes", async () => {
    const holder = await makeOrg();
    const { org, actor } = await makeOrgUser(await makeOrg({ description: "原简介" }));
    await expect(saveProfile(actor, await formFor(actor, { uscc: holder.uscc!, description: "新简介" }))).rejects.toMatchObject({
      messageKey: "orgs.uscc.taken",
    });
    expect((await published(org.id)).description).toBe("原简介");
    expect(await prisma.orgChangeRequest.count({ where: { orgId: org.id } })).toBe(0);
  });
});

describe("tags on a profile", () => {
  test("only active curated tags can be added; a deprecated tag already held may stay", async () => {
    const hotline = await tagId("热线");
    const consult = await tagId("咨询");
    const { org, actor } = await makeOrgUser(await makeOrg({ tagIds: [hotline] }));
    await deprecateTag(admin, hotline, "并入咨询");
    await saveProfile(actor, await formFor(actor, { tagIds: [String(hotline), String(consult)] }));
    expect((await published(org.id)).tags.map((t) => t.tag.nameZh).sort()).toEqual(["咨询", "热线"].sort());
    const other = await makeOrgUser();
    await expect(saveProfile(other.actor, await formFor(other.actor, { tagIds: [String(hotline)] }))).rejects.toMatchObject({
      messageKey: "orgs.tags.invalid",
    });
    await expect(saveProfile(other.actor, await formFor(other.actor, { tagIds: ["999999"] }))).rejects.toMatchObject({ messageKey: "orgs.tags.invalid" });
    // Free text is not a tag: the form carries tag ids only.
    expect(() => ProfileSchema.parse({ ...Object.fromEntries([]), intent: "save-profile", tagIds: ["长者食堂"] })).toThrow();
  });

  test("a tag merged away while the form was open is saved as the tag it was merged into, once", async () => {
    const { org, actor } = await makeOrgUser();
    const source = await prisma.tag.create({ data: { nameZh: "测试合并源标签", groupId: (await prisma.tag.findFirstOrThrow({ where: { status: "ACTIVE" } })).groupId } });
    const target = await tagId("咨询");
    const form = await formFor(actor, { tagIds: [String(source.id), String(target)] }); // opened before the merge
    await mergeTags(admin, source.id, target);
    await saveProfile(actor, form);
    expect((await published(org.id)).tags.map((t) => t.tagId)).toEqual([target]);
  });
});

describe("a profile awaiting verification", () => {
  test("changes everything at once — it will be reviewed as a whole", async () => {
    const { org, actor } = await makeOrgUser(await makeOrg({ status: "PENDING", name: "上海市徐汇区知行公益服务社" }));
    const result = await saveProfile(actor, await formFor(actor, { name: "上海市徐汇区知行社区公益服务社" }));
    expect(result.published).toContain("name");
    expect(result.sentForReview).toEqual([]);
    expect((await published(org.id)).name).toBe("上海市徐汇区知行社区公益服务社");
  });
});

describe("the identifier on the form", () => {
  const base = {
    intent: "save-profile",
    districtCode: "310104",
    name: "上海市徐汇区阳光社工服务社",
    kind: "SOCIAL_SERVICE",
  };
  test("a wrong check character names the right one and passes only when confirmed", () => {
    const wrong = ProfileSchema.safeParse({ ...base, uscc: "52310104MJ0001037A" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0].message).toBe('orgs.uscc.checkChar|{"expected":"F"}');
    expect(ProfileSchema.safeParse({ ...base, uscc: "52310104MJ0001037A", confirmUscc: "on" }).success).toBe(true);
    expect(ProfileSchema.safeParse({ ...base, uscc: "52310104MJ0001037F" }).success).toBe(true);
    // Positions 3–8 are never compared with the district: a 闸北 (310108) code in 徐汇 is fine.
    expect(ProfileSchema.safeParse({ ...base, uscc: "53310000501775488W", kind: "FOUNDATION" }).success).toBe(true);
  });
  test("grades come with a valid-until date; founded dates are not in the future", () => {
    const noDate = ProfileSchema.safeParse({ ...base, uscc: "52310104MJ0001037F", gradeLevel: "4" });
    expect(noDate.error?.issues.map((i) => i.message)).toEqual(["orgs.grade.validUntilRequired"]);
    const future = ProfileSchema.safeParse({ ...base, uscc: "52310104MJ0001037F", foundedOn: "2999-01-01" });
    expect(future.error?.issues.map((i) => i.message)).toEqual(["orgs.foundedOn.range"]);
    const bad = ProfileSchema.safeParse({ ...base, uscc: "52310104MJ0001037F", foundedOn: "2024-02-30" });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(["form.invalidDate"]);
  });
});

describe("cases and brand projects", () => {
  test("an organization edits only its own cases", async () => {
    const { org, actor } = await makeOrgUser();
    const other = await makeOrgUser();
    const created = await addCase(actor, { title: "枫林路街道长者食堂运营", year: 2024, description: "日均供餐 280 份。", isBrand: true });
    await expect(updateCase(other.actor, created.id, { title: "改掉别人的案例", isBrand: false })).rejects.toMatchObject({ status: 404 });
    await expect(deleteCase(other.actor, created.id)).rejects.toMatchObject({ status: 404 });
    await expect(addCase((await makeBuyerUser()).actor, { title: "采购方不能加", isBrand: false })).rejects.toBeInstanceOf(PermissionError);
    await updateCase(actor, created.id, { title: "枫林路街道长者食堂运营（二期）", year: 2025, isBrand: true });
    expect((await getPublicProfile(actor, org.id)).org.cases.map((c) => c.title)).toEqual(["枫林路街道长者食堂运营（二期）"]);
    await deleteCase(actor, created.id);
    expect(await prisma.orgCase.count({ where: { orgId: org.id } })).toBe(0);
  });
});
