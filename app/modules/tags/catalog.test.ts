import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { PermissionError } from "#app/modules/accounts/permissions.ts";
import { makeAdmin, makeBuyerUnit, makeBuyerUser, tagId } from "#tests/factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { createCatalogItem, deleteCatalogItem, getCatalogItem, listCatalogItems, updateCatalogItem } from "./catalog.server.ts";
import { CatalogItemSchema } from "./schemas.ts";
import { deprecateTag } from "./tags.server.ts";

let admin: Awaited<ReturnType<typeof makeAdmin>>["actor"];
beforeAll(async () => {
  await seedReferenceData(prisma);
  admin = (await makeAdmin()).actor;
});

const form = (values: Record<string, unknown>) =>
  CatalogItemSchema.parse({ code: "ws-09", nameZh: "社区睦邻点运营", domain: "社区服务", active: "on", ...values });

describe("catalog guide", () => {
  test("create, edit (needs re-indexed when the name changes), delete only when unused — all audited", async () => {
    const hub = await tagId("睦邻点");
    const item = await createCatalogItem(admin, form({ tagIds: [String(hub)], budgetMin: "80,000", budgetMax: "150000" }));
    expect(item.code).toBe("WS-09"); // normalized to capitals
    expect(await getCatalogItem(admin, item.id)).toMatchObject({ budgetMin: 80_000, budgetMax: 150_000, tagIds: [hub], active: true });
    await expect(createCatalogItem(admin, form({}))).rejects.toMatchObject({ messageKey: "tags.catalog.codeTaken" });

    const unit = await makeBuyerUnit();
    const need = await prisma.need.create({ data: { buyerUnitId: unit.id, title: "睦邻点运营服务", catalogItemId: item.id } });
    const since = (await prisma.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    await updateCatalogItem(admin, item.id, form({ nameZh: "社区睦邻点运营与管理", tagIds: [String(hub), String(await tagId("邻里互助"))] }));
    expect(await prisma.outboxEvent.findMany({ where: { id: { gt: since } }, select: { topic: true, key: true } })).toEqual([
      { topic: "search.need", key: String(need.id) },
    ]);
    expect((await getCatalogItem(admin, item.id)).tagIds.sort()).toEqual([hub, await tagId("邻里互助")].sort());
    await expect(deleteCatalogItem(admin, item.id)).rejects.toMatchObject({ messageKey: "tags.catalog.inUse", vars: { count: 1 } });
    await prisma.need.delete({ where: { id: need.id } });
    await deleteCatalogItem(admin, item.id);
    expect((await prisma.auditLog.findMany({ where: { entityType: "CatalogItem", entityId: String(item.id) }, orderBy: { id: "asc" } })).map((r) => r.action)).toEqual([
      "catalog.create",
      "catalog.update",
      "catalog.delete",
    ]);
  });

  test("budgets in order, codes in the house format, deprecated tags not newly added, admins only", async () => {
    expect(CatalogItemSchema.safeParse({ code: "YL-1", nameZh: "测试项目", domain: "养老服务" }).error?.issues[0].message).toBe("tags.catalog.codeFormat");
    expect(CatalogItemSchema.safeParse({ code: "YL-77", nameZh: "测试项目", domain: "养老服务", budgetMin: "9", budgetMax: "1" }).error?.issues[0].message).toBe(
      "tags.catalog.budgetOrder",
    );
    const old = await tagId("热线");
    await deprecateTag(admin, old);
    await expect(createCatalogItem(admin, form({ code: "SQ-88", tagIds: [String(old)] }))).rejects.toMatchObject({ messageKey: "orgs.tags.invalid" });
    const buyer = (await makeBuyerUser()).actor;
    await expect(listCatalogItems(buyer)).rejects.toBeInstanceOf(PermissionError);
    await expect(createCatalogItem(buyer, form({ code: "SQ-89" }))).rejects.toBeInstanceOf(PermissionError);
  });
});
