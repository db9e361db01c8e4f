import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { PermissionError } from "#app/modules/accounts/permissions.ts";
import { makeAdmin, makeBuyerUnit, makeBuyerUser, makeOrg, makeOrgUser, tagId } from "#tests/factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { matchTags } from "./match.ts";
import {
  addSynonym,
  createTag,
  deprecateTag,
  getTagTree,
  listTagOptions,
  listUnmetSearches,
  loadTagTermIndex,
  mergeTags,
  moveTag,
  reactivateTag,
  removeSynonym,
  renameTag,
} from "./tags.server.ts";

let admin: Awaited<ReturnType<typeof makeAdmin>>["actor"];

beforeAll(async () => {
  await seedReferenceData(prisma);
  admin = (await makeAdmin()).actor;
});

async function makeNeed(tagIds: number[], data: { status?: "PUBLISHED" | "DRAFT"; bidDeadline?: Date } = {}) {
  const unit = await makeBuyerUnit();
  return prisma.need.create({
    data: {
      buyerUnitId: unit.id,
      title: "社区矛盾纠纷调处服务项目",
      status: data.status ?? "PUBLISHED",
      bidDeadline: data.bidDeadline ?? new Date(Date.now() + 7 * 86_400_000),
      tags: { create: tagIds.map((id) => ({ tagId: id })) },
    },
  });
}

const outbox = (topic: string, since: number) =>
  prisma.outboxEvent.findMany({ where: { topic, id: { gt: since } }, select: { key: true }, orderBy: { id: "asc" } });
const lastOutboxId = async () => (await prisma.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
const tagsOf = async (orgId: number) =>
  (await prisma.orgTag.findMany({ where: { orgId }, select: { tag: { select: { nameZh: true } } } })).map((row) => row.tag.nameZh).sort();

describe("merge", () => {
  test("every holder of A ends up with B exactly once, A's names and synonyms point at B, audited, search told", async () => {
    const source = await tagId("纠纷化解");
    const target = await tagId("矛盾调处");
    const other = await tagId("法律援助");
    const onlySource = await makeOrg({ tagIds: [source, other] });
    const both = await makeOrg({ tagIds: [source, target] });
    const onlyTarget = await makeOrg({ tagIds: [target] });
    const untouched = await makeOrg({ tagIds: [other] });
    const need = await makeNeed([source, target]);
    const needOnlySource = await makeNeed([source]);
    const catalog = await prisma.catalogItem.create({
      data: { code: "TC-99", nameZh: "纠纷化解测试项目", domain: "专业调处", tags: { create: [{ tagId: source }] } },
    });
    const pairsBefore = await prisma.orgTag.count();
    const since = await lastOutboxId();

    const result = await mergeTags(admin, source, target);

    expect(result).toMatchObject({ orgsRetagged: 2, orgsAlreadyTagged: 1, needsRetagged: 2, needsAlreadyTagged: 1, catalogItemsRetagged: 1 });
    expect(await tagsOf(onlySource.id)).toEqual(["法律援助", "矛盾调处"]);
    expect(await tagsOf(both.id)).toEqual(["矛盾调处"]); // no duplicate, and the DB key would refuse one anyway
    expect(await tagsOf(onlyTarget.id)).toEqual(["矛盾调处"]);
    expect(await tagsOf(untouched.id)).toEqual(["法律援助"]);
    // No tag lost: only the one duplicate pair disappeared.
    expect(await prisma.orgTag.count()).toBe(pairsBefore - 1);
    expect(await prisma.orgTag.count({ where: { tagId: source } })).toBe(0);
    expect((await prisma.needTag.findMany({ where: { needId: need.id } })).map((r) => r.tagId)).toEqual([target]);
    expect((await prisma.needTag.findMany({ where: { needId: needOnlySource.id } })).map((r) => r.tagId)).toEqual([target]);
    expect((await prisma.catalogItemTag.findMany({ where: { catalogItemId: catalog.id } })).map((r) => r.tagId)).toEqual([target]);

    const merged = await prisma.tag.findUniqueOrThrow({ where: { id: source } });
    expect(merged).toMatchObject({ status: "MERGED", mergedIntoId: target });
    const targetSynonyms = (await prisma.tagSynonym.findMany({ where: { tagId: target } })).map((s) => s.term);
    expect(targetSynonyms).toEqual(expect.arrayContaining(["纠纷化解", "dispute resolution", "纠纷调解", "邻里纠纷", "物业纠纷", "人民调解"]));
    expect(await prisma.tagSynonym.count({ where: { tagId: source } })).toBe(0);

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "tag.merge", entityId: String(source) } });
    expect(audit.actorId).toBe(admin.type === "user" ? admin.userId : null);
    expect(audit.after).toMatchObject({ mergedInto: { id: target, nameZh: "矛盾调处" }, orgsRetagged: 2 });
    expect(await prisma.auditLog.count({ where: { action: "tag.merge.receive", entityId: String(target) } })).toBe(1);

    expect((await outbox("search.org", since)).map((r) => Number(r.key)).sort((a, b) => a - b)).toEqual([onlySource.id, both.id]);
    expect((await outbox("search.need", since)).map((r) => Number(r.key)).sort((a, b) => a - b)).toEqual([need.id, needOnlySource.id]);
    expect(await outbox("search.settings", since)).toEqual([{ key: "synonyms" }]);

    // The old name still finds the surviving tag (imports, search, old links).
    const index = await loadTagTermIndex();
    expect(index.lookup("纠纷化解")).toMatchObject({ tagId: target, nameZh: "矛盾调处" });
    expect(index.lookup("物业纠纷")).toMatchObject({ tagId: target });
  });

  test("the merged tag's children move under the target, and later merges never chain", async () => {
    const parentA = await tagId("扶贫济困");
    const a = await createTag(admin, { groupId: (await prisma.tag.findUniqueOrThrow({ where: { id: parentA } })).groupId, nameZh: "消费扶贫专项" });
    const b = await createTag(admin, { groupId: a.groupId, nameZh: "消费帮扶专项" });
    const child = await createTag(admin, { groupId: a.groupId, parentId: a.id, nameZh: "消费扶贫直播" });
    await mergeTags(admin, a.id, b.id);
    expect((await prisma.tag.findUniqueOrThrow({ where: { id: child.id } })).parentId).toBe(b.id);
    const c = await createTag(admin, { groupId: a.groupId, nameZh: "消费帮扶总项" });
    await mergeTags(admin, b.id, c.id);
    expect((await prisma.tag.findUniqueOrThrow({ where: { id: a.id } })).mergedIntoId).toBe(c.id);
    expect((await loadTagTermIndex()).lookup("消费扶贫专项")).toMatchObject({ tagId: c.id });
  });

  test("refused: into itself, into an inactive tag, a merged tag again, and by anyone but an admin", async () => {
    const a = await tagId("救孤");
    const b = await tagId("助学");
    await expect(mergeTags(admin, a, a)).rejects.toMatchObject({ messageKey: "tags.merge.self" });
    const deprecated = await createTag(admin, { groupId: (await prisma.tag.findUniqueOrThrow({ where: { id: a } })).groupId, nameZh: "旧助学标签" });
    await deprecateTag(admin, deprecated.id, "与助学重复");
    await expect(mergeTags(admin, a, deprecated.id)).rejects.toMatchObject({ messageKey: "tags.merge.targetInactive" });
    const { actor: orgActor } = await makeOrgUser();
    const { actor: buyerActor } = await makeBuyerUser();
    await expect(mergeTags(orgActor, a, b)).rejects.toBeInstanceOf(PermissionError);
    await expect(mergeTags(buyerActor, a, b)).rejects.toBeInstanceOf(PermissionError);
    expect((await prisma.tag.findUniqueOrThrow({ where: { id: a } })).status).toBe("ACTIVE");
    await mergeTags(admin, deprecated.id, b);
    await expect(mergeTags(admin, deprecated.id, a)).rejects.toMatchObject({ messageKey: "tags.merged.readOnly" });
  });
});

describe("names and synonyms", () => {
  test("a term names one tag: another tag's name or synonym is refused with the tag it belongs to", async () => {
    const help = await tagId("助餐");
    await expect(addSynonym(admin, help, "老年人")).rejects.toMatchObject({ messageKey: "tags.term.takenByName", vars: { name: "老年人" } });
    await expect(addSynonym(admin, help, "日间照料")).rejects.toMatchObject({ messageKey: "tags.term.takenBySynonym", vars: { name: "长者照护" } });
    await expect(addSynonym(admin, help, "长者食堂")).rejects.toMatchObject({ messageKey: "tags.synonym.exists" });
    // Full-width and case are normalized: ＭＥＡＬ is meal.
    const added = await addSynonym(admin, help, " 中央厨房 ");
    expect(added.term).toBe("中央厨房");
    const since = await lastOutboxId();
    await removeSynonym(admin, help, added.id);
    expect(await outbox("search.settings", since)).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { entityId: String(help), action: { in: ["tag.synonym.add", "tag.synonym.remove"] } } })).toBe(2);
  });

  test("renaming keeps the old name as a synonym, can promote a synonym, and re-indexes the holders", async () => {
    const id = await tagId("睦邻点");
    const org = await makeOrg({ tagIds: [id] });
    const since = await lastOutboxId();
    await renameTag(admin, id, { nameZh: "睦邻点运营", nameEn: "Neighbourhood hubs", keepOldName: true });
    expect((await prisma.tagSynonym.findMany({ where: { tagId: id } })).map((s) => s.term)).toContain("睦邻点");
    expect((await outbox("search.org", since)).map((r) => Number(r.key))).toEqual([org.id]);
    expect(await outbox("search.settings", since)).toHaveLength(1);
    // The old name is now a synonym; renaming back promotes it again and removes the synonym.
    await renameTag(admin, id, { nameZh: "睦邻点", nameEn: "Neighbourhood hubs" });
    expect((await prisma.tagSynonym.findMany({ where: { tagId: id } })).map((s) => s.term)).not.toContain("睦邻点");
    await expect(renameTag(admin, id, { nameZh: "助餐" })).rejects.toMatchObject({ messageKey: "tags.term.takenByName" });
    expect((await prisma.tag.findUniqueOrThrow({ where: { id } })).nameZh).toBe("睦邻点");
  });

  test("a new tag's name may not be an existing synonym", async () => {
    const groupId = (await prisma.tagGroup.findUniqueOrThrow({ where: { key: "domain" } })).id;
    await expect(createTag(admin, { groupId, nameZh: "长者食堂" })).rejects.toMatchObject({ messageKey: "tags.term.takenBySynonym" });
    await expect(createTag(admin, { groupId, nameZh: "ＡＢＣ" })).resolves.toMatchObject({ nameZh: "ABC" });
    await expect(createTag(admin, { groupId, nameZh: "abc" })).rejects.toMatchObject({ messageKey: "tags.term.takenByName" });
  });
});

describe("deprecate, reactivate, move", () => {
  test("a deprecated tag stays on its holders, is not offered, and comes back when reactivated", async () => {
    const id = await tagId("热线");
    const org = await makeOrg({ tagIds: [id] });
    const since = await lastOutboxId();
    await deprecateTag(admin, id, "并入咨询");
    expect(await tagsOf(org.id)).toContain("热线");
    const options = await listTagOptions();
    expect(options.find((o) => o.id === id)?.status).toBe("DEPRECATED");
    expect(matchTags(options, "热线").map((m) => m.tag.id)).not.toContain(id);
    expect((await outbox("search.org", since)).map((r) => Number(r.key))).toEqual([org.id]);
    await expect(deprecateTag(admin, id)).rejects.toMatchObject({ messageKey: "tags.deprecate.notActive" });
    await reactivateTag(admin, id);
    expect(matchTags(await listTagOptions(), "热线").map((m) => m.tag.id)).toContain(id);
  });

  test("moving refuses cycles and parents from another group; a subtree moves whole", async () => {
    const elder = await tagId("养老服务");
    const meals = await tagId("助餐");
    await expect(moveTag(admin, elder, { groupId: (await prisma.tag.findUniqueOrThrow({ where: { id: elder } })).groupId, parentId: meals })).rejects.toMatchObject({
      messageKey: "tags.parent.cycle",
    });
    const beneficiary = (await prisma.tagGroup.findUniqueOrThrow({ where: { key: "beneficiary" } })).id;
    await expect(moveTag(admin, meals, { groupId: beneficiary, parentId: elder })).rejects.toMatchObject({ messageKey: "tags.parent.invalid" });
    const groupId = (await prisma.tagGroup.findUniqueOrThrow({ where: { key: "domain" } })).id;
    const top = await createTag(admin, { groupId, nameZh: "测试领域" });
    const sub = await createTag(admin, { groupId, parentId: top.id, nameZh: "测试子领域" });
    await moveTag(admin, top.id, { groupId: beneficiary });
    expect(await prisma.tag.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({ groupId: beneficiary, parentId: top.id });
  });

  test("the tree counts organizations and open needs per tag", async () => {
    const id = await tagId("加装电梯");
    await makeOrg({ tagIds: [id] });
    await makeOrg({ tagIds: [id] });
    await makeNeed([id]);
    await makeNeed([id], { status: "DRAFT" });
    await makeNeed([id], { bidDeadline: new Date(Date.now() - 86_400_000) });
    const tree = await getTagTree(admin);
    const node = tree.groups.flatMap((g) => g.tags.flatMap((t) => [t, ...t.children])).find((t) => t.id === id);
    expect(node).toMatchObject({ orgCount: 2, openNeedCount: 1 });
    await expect(getTagTree((await makeBuyerUser()).actor)).rejects.toBeInstanceOf(PermissionError);
  });
});

describe("searched for but not found", () => {
  test("zero-result searches grouped by query, with the closest tag", async () => {
    const rows = [
      { query: "喘息照护", resultCount: 0 },
      { query: " 喘息照护", resultCount: 0 },
      { query: "喘息照护", resultCount: 0 },
      { query: "宠物寄养", resultCount: 0 },
      { query: "助餐", resultCount: 12 },
    ];
    await prisma.searchLog.createMany({ data: rows.map((row) => ({ ...row, scope: "ORGS" as const })) });
    const unmet = await listUnmetSearches(admin);
    expect(unmet[0]).toMatchObject({ query: "喘息照护", searches: 3 });
    expect(unmet.map((u) => u.query)).toContain("宠物寄养");
    expect(unmet.map((u) => u.query)).not.toContain("助餐");
    await expect(listUnmetSearches((await makeOrgUser()).actor)).rejects.toBeInstanceOf(PermissionError);
  });
});
