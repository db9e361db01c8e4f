// The catalog guide (项目目录指引, Article 8): items buyers pick when they post a need, each with a domain, default
// tags and a typical budget. Curated by administrators; a change to an item's name or tags re-indexes its needs.
import { prisma } from "#app/db.server.ts";
import { requireAdminActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { SERVICE_DOMAINS } from "../../../prisma/seed/taxonomy.ts";
import type { CatalogItemInput } from "./schemas.ts";

const TX_OPTIONS = { timeout: 60_000, maxWait: 30_000 };

/** The 13 domains of Shanghai's recommended-supplier directory, plus any other domain already in use. */
export async function catalogDomains() {
  const used = await prisma.catalogItem.findMany({ distinct: ["domain"], select: { domain: true } });
  return [...new Set<string>([...SERVICE_DOMAINS, ...used.map((row) => row.domain)])];
}

export async function listCatalogItems(actor: Actor) {
  requireAdminActor(actor);
  const items = await prisma.catalogItem.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      domain: true,
      budgetMin: true,
      budgetMax: true,
      active: true,
      tags: { select: { tag: { select: { id: true, nameZh: true, nameEn: true } } } },
      _count: { select: { needs: true } },
    },
  });
  return items.map(({ tags, _count, ...item }) => ({ ...item, tags: tags.map((row) => row.tag), needCount: _count.needs }));
}

export async function getCatalogItem(actor: Actor, itemId: number) {
  requireAdminActor(actor);
  const item = await prisma.catalogItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      domain: true,
      description: true,
      budgetMin: true,
      budgetMax: true,
      active: true,
      tags: { select: { tagId: true } },
      _count: { select: { needs: true } },
    },
  });
  if (!item) throw new ServiceError(404, "tags.catalog.notFound");
  const { tags, _count, ...rest } = item;
  return { ...rest, tagIds: tags.map((row) => row.tagId), needCount: _count.needs };
}

async function assertActiveTags(tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0], tagIds: number[], keep: number[] = []) {
  const added = tagIds.filter((id) => !keep.includes(id));
  if (added.length === 0) return;
  const active = await tx.tag.count({ where: { id: { in: added }, status: "ACTIVE" } });
  if (active !== added.length) throw new ServiceError(422, "orgs.tags.invalid");
}

function columns(input: CatalogItemInput) {
  return {
    code: input.code,
    nameZh: input.nameZh,
    nameEn: input.nameEn ?? null,
    domain: input.domain,
    description: input.description ?? "",
    budgetMin: input.budgetMin ?? null,
    budgetMax: input.budgetMax ?? null,
    active: input.active,
  };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

export async function createCatalogItem(actor: Actor, input: CatalogItemInput) {
  requireAdminActor(actor);
  const tagIds = [...new Set(input.tagIds)];
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.catalogItem.findUnique({ where: { code: input.code }, select: { id: true } })) {
        throw new ServiceError(409, "tags.catalog.codeTaken", { code: input.code });
      }
      await assertActiveTags(tx, tagIds);
      const last = await tx.catalogItem.aggregate({ _max: { sortOrder: true } });
      const item = await tx.catalogItem.create({
        data: { ...columns(input), sortOrder: (last._max.sortOrder ?? 0) + 1, tags: { create: tagIds.map((tagId) => ({ tagId })) } },
        select: { id: true, code: true, nameZh: true },
      });
      await recordAudit(tx, { actor, action: "catalog.create", entityType: "CatalogItem", entityId: item.id, after: { ...columns(input), tagIds } });
      return item;
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError(409, "tags.catalog.codeTaken", { code: input.code });
    throw error;
  }
}

export async function updateCatalogItem(actor: Actor, itemId: number, input: CatalogItemInput) {
  requireAdminActor(actor);
  const tagIds = [...new Set(input.tagIds)];
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.catalogItem.findUnique({
        where: { id: itemId },
        select: { code: true, nameZh: true, nameEn: true, domain: true, description: true, budgetMin: true, budgetMax: true, active: true, tags: { select: { tagId: true } } },
      });
      if (!before) throw new ServiceError(404, "tags.catalog.notFound");
      if (input.code !== before.code && (await tx.catalogItem.findUnique({ where: { code: input.code }, select: { id: true } }))) {
        throw new ServiceError(409, "tags.catalog.codeTaken", { code: input.code });
      }
      const oldTags = before.tags.map((row) => row.tagId);
      await assertActiveTags(tx, tagIds, oldTags);
      await tx.catalogItem.update({ where: { id: itemId }, data: columns(input) });
      await tx.catalogItemTag.deleteMany({ where: { catalogItemId: itemId, tagId: { notIn: tagIds } } });
      await tx.catalogItemTag.createMany({ data: tagIds.map((tagId) => ({ catalogItemId: itemId, tagId })), skipDuplicates: true });
      const { tags: _tags, ...beforeColumns } = before;
      await recordAudit(tx, {
        actor,
        action: "catalog.update",
        entityType: "CatalogItem",
        entityId: itemId,
        before: { ...beforeColumns, tagIds: oldTags },
        after: { ...columns(input), tagIds },
      });
      // Needs are searched by their catalog item's name: they are re-indexed when it changes.
      if (before.nameZh !== input.nameZh || before.nameEn !== (input.nameEn ?? null) || before.code !== input.code) {
        await tx.$executeRaw`INSERT INTO "OutboxEvent" (topic, key) SELECT 'search.need', id::text FROM "Need" WHERE "catalogItemId" = ${itemId} ORDER BY id`;
      }
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError(409, "tags.catalog.codeTaken", { code: input.code });
    throw error;
  }
}

export async function deleteCatalogItem(actor: Actor, itemId: number) {
  requireAdminActor(actor);
  return prisma.$transaction(async (tx) => {
    const item = await tx.catalogItem.findUnique({ where: { id: itemId }, select: { code: true, nameZh: true, _count: { select: { needs: true } } } });
    if (!item) throw new ServiceError(404, "tags.catalog.notFound");
    if (item._count.needs > 0) throw new ServiceError(409, "tags.catalog.inUse", { count: item._count.needs });
    await tx.catalogItem.delete({ where: { id: itemId } });
    await recordAudit(tx, { actor, action: "catalog.delete", entityType: "CatalogItem", entityId: itemId, before: { code: item.code, nameZh: item.nameZh } });
  }, TX_OPTIONS);
}
