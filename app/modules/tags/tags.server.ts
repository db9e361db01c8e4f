// The curated tag taxonomy: what pickers offer, and the administrator's curation — create, rename, move,
// synonyms, deprecate, reactivate and merge — each in one transaction with its audit row and the search-sync
// outbox rows (DESIGN.md: "Merging re-tags every organization and listing atomically and is audited").
import { prisma, type DbClient, type Tx } from "#app/db.server.ts";
import { requireAdminActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { enqueue } from "#app/modules/outbox/outbox.server.ts";
import { TagTermIndex, type TagOption } from "./match.ts";
import { normalizeTerm } from "./normalize.ts";
import type { TagAction } from "./schemas.ts";

const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 };

// ───────────────────────────── reading ─────────────────────────────

/**
 * Tags for the pickers: every active tag, plus deprecated ones (the editor shows them on records that still
 * carry them, and never offers them for new choices). Ordered by group, then tree position.
 */
export async function listTagOptions(db: DbClient = prisma): Promise<TagOption[]> {
  const tags = await db.tag.findMany({
    where: { status: { in: ["ACTIVE", "DEPRECATED"] } },
    orderBy: [{ group: { sortOrder: "asc" } }, { sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      nameZh: true,
      nameEn: true,
      status: true,
      group: { select: { nameZh: true, nameEn: true } },
      synonyms: { select: { term: true }, orderBy: { id: "asc" } },
    },
  });
  return tags.map((tag) => ({
    id: tag.id,
    nameZh: tag.nameZh,
    nameEn: tag.nameEn,
    status: tag.status,
    groupName: tag.group.nameZh,
    groupNameEn: tag.group.nameEn,
    synonyms: tag.synonyms.map((synonym) => synonym.term),
  }));
}

/** Every name and synonym, resolved to its tag (merged names resolve to the surviving tag). For imports. */
export async function loadTagTermIndex(db: DbClient = prisma) {
  const tags = await db.tag.findMany({
    select: { id: true, nameZh: true, nameEn: true, status: true, mergedIntoId: true, synonyms: { select: { term: true } } },
  });
  return new TagTermIndex(tags.map((tag) => ({ ...tag, synonyms: tag.synonyms.map((s) => s.term) })));
}

type UsageRow = { tagId: number; count: bigint | number };

/** Per tag: organizations carrying it, and needs carrying it that are open for bids now. */
export async function tagUsageCounts(db: DbClient = prisma, now = new Date()) {
  const [orgRows, needRows] = await Promise.all([
    db.$queryRaw<UsageRow[]>`SELECT "tagId", count(*) AS count FROM "OrgTag" GROUP BY "tagId"`,
    db.$queryRaw<UsageRow[]>`
      SELECT nt."tagId", count(*) AS count FROM "NeedTag" nt JOIN "Need" n ON n.id = nt."needId"
      WHERE n.status = 'PUBLISHED' AND (n."bidDeadline" IS NULL OR n."bidDeadline" > ${now})
      GROUP BY nt."tagId"`,
  ]);
  const orgs = new Map(orgRows.map((row) => [row.tagId, Number(row.count)]));
  const openNeeds = new Map(needRows.map((row) => [row.tagId, Number(row.count)]));
  return { orgs, openNeeds };
}

/** The administrator's tree: groups, tags with their children, synonyms, status and usage. */
export async function getTagTree(actor: Actor, now = new Date()) {
  requireAdminActor(actor);
  const [groups, tags, usage] = await Promise.all([
    prisma.tagGroup.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, key: true, nameZh: true, nameEn: true } }),
    prisma.tag.findMany({
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: {
        id: true,
        groupId: true,
        parentId: true,
        nameZh: true,
        nameEn: true,
        description: true,
        status: true,
        mergedInto: { select: { id: true, nameZh: true } },
        synonyms: { select: { id: true, term: true }, orderBy: { id: "asc" } },
      },
    }),
    tagUsageCounts(prisma, now),
  ]);
  type Node = (typeof tags)[number] & { orgCount: number; openNeedCount: number; children: Node[] };
  const nodes = new Map<number, Node>(
    tags.map((tag) => [tag.id, { ...tag, orgCount: usage.orgs.get(tag.id) ?? 0, openNeedCount: usage.openNeeds.get(tag.id) ?? 0, children: [] }]),
  );
  const roots = new Map<number, Node[]>(groups.map((group) => [group.id, []]));
  for (const node of nodes.values()) {
    const parent = node.parentId !== null ? nodes.get(node.parentId) : undefined;
    if (parent && parent.groupId === node.groupId) parent.children.push(node);
    else roots.get(node.groupId)?.push(node);
  }
  const counts = { active: 0, deprecated: 0, merged: 0 };
  for (const tag of tags) counts[tag.status === "ACTIVE" ? "active" : tag.status === "DEPRECATED" ? "deprecated" : "merged"]++;
  return { groups: groups.map((group) => ({ ...group, tags: roots.get(group.id) ?? [] })), counts };
}

/** One tag with everything the curation page needs, including its history from the audit log. */
export async function getTagDetail(actor: Actor, tagId: number, now = new Date()) {
  requireAdminActor(actor);
  const tag = await prisma.tag.findUnique({
    where: { id: tagId },
    select: {
      id: true,
      groupId: true,
      parentId: true,
      nameZh: true,
      nameEn: true,
      description: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      group: { select: { id: true, nameZh: true, nameEn: true } },
      parent: { select: { id: true, nameZh: true } },
      mergedInto: { select: { id: true, nameZh: true } },
      mergedFrom: { select: { id: true, nameZh: true } },
      children: { select: { id: true, nameZh: true, status: true }, orderBy: { sortOrder: "asc" } },
      synonyms: { select: { id: true, term: true }, orderBy: { id: "asc" } },
    },
  });
  if (!tag) throw new ServiceError(404, "tags.notFound");
  const [orgCount, openNeedCount, allNeedCount, catalogCount, history, groups, candidates] = await Promise.all([
    prisma.orgTag.count({ where: { tagId } }),
    prisma.needTag.count({ where: { tagId, need: { status: "PUBLISHED", OR: [{ bidDeadline: null }, { bidDeadline: { gt: now } }] } } }),
    prisma.needTag.count({ where: { tagId } }),
    prisma.catalogItemTag.count({ where: { tagId } }),
    tagHistory(tagId),
    prisma.tagGroup.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, nameZh: true, nameEn: true } }),
    // Possible parents (same group) and merge targets (any active tag but itself).
    prisma.tag.findMany({
      where: { status: "ACTIVE", id: { not: tagId } },
      orderBy: [{ group: { sortOrder: "asc" } }, { sortOrder: "asc" }],
      select: { id: true, nameZh: true, groupId: true, parentId: true, group: { select: { nameZh: true, nameEn: true } } },
    }),
  ]);
  const descendants = await descendantIds(prisma, tagId);
  return {
    tag,
    usage: { orgs: orgCount, openNeeds: openNeedCount, needs: allNeedCount, catalogItems: catalogCount },
    history,
    groups,
    parentOptions: candidates.filter((candidate) => !descendants.has(candidate.id)),
    mergeTargets: candidates,
  };
}

/** Audit rows about a tag: its own changes and merges into it, newest first. */
export async function tagHistory(tagId: number, limit = 50) {
  const rows = await prisma.auditLog.findMany({
    where: { entityType: "Tag", entityId: String(tagId) },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, action: true, actorId: true, actorRole: true, before: true, after: true, reason: true, createdAt: true },
  });
  return withActorNames(rows);
}

/** The latest tag-curation changes across the taxonomy. */
export async function recentTagChanges(actor: Actor, limit = 15) {
  requireAdminActor(actor);
  const rows = await prisma.auditLog.findMany({
    where: { entityType: "Tag" },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, action: true, entityId: true, actorId: true, actorRole: true, before: true, after: true, reason: true, createdAt: true },
  });
  const ids = [...new Set(rows.map((row) => Number(row.entityId)).filter(Number.isInteger))];
  const names = new Map((await prisma.tag.findMany({ where: { id: { in: ids } }, select: { id: true, nameZh: true } })).map((tag) => [String(tag.id), tag.nameZh]));
  return (await withActorNames(rows)).map((row) => ({ ...row, tagName: names.get(row.entityId) ?? null }));
}

async function withActorNames<T extends { actorId: number | null }>(rows: T[]) {
  const ids = [...new Set(rows.map((row) => row.actorId).filter((id): id is number => id !== null))];
  const users = ids.length ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
  const names = new Map(users.map((user) => [user.id, user.displayName]));
  return rows.map((row) => ({ ...row, actorName: row.actorId !== null ? (names.get(row.actorId) ?? null) : null }));
}

/**
 * What people searched for and found nothing (SearchLog rows with no results), grouped by the normalized query,
 * most frequent first — candidates for a new tag or a synonym. The search pages write these rows.
 */
export async function listUnmetSearches(actor: Actor, { days = 90, limit = 30, now = new Date() } = {}) {
  requireAdminActor(actor);
  const since = new Date(now.getTime() - days * 24 * 3600_000);
  const rows = await prisma.$queryRaw<{ query: string; scope: string; searches: bigint | number; lastAt: Date }[]>`
    SELECT lower(btrim(query)) AS query, scope::text AS scope, count(*) AS searches, max("createdAt") AS "lastAt"
    FROM "SearchLog"
    WHERE "resultCount" = 0 AND btrim(query) <> '' AND "createdAt" >= ${since}
    GROUP BY lower(btrim(query)), scope
    ORDER BY searches DESC, "lastAt" DESC
    LIMIT ${limit}`;
  const index = await loadTagTermIndex();
  return rows.map((row) => {
    const known = index.lookup(row.query);
    return {
      query: row.query,
      scope: row.scope as "NEEDS" | "ORGS",
      searches: Number(row.searches),
      lastAt: row.lastAt,
      // A term that names a tag by now (someone added it) or one that is close to a tag.
      knownTag: known ? known.nameZh : null,
      closest: known ? null : index.closest(row.query),
    };
  });
}

// ───────────────────────────── helpers for writes ─────────────────────────────

async function lockTags(tx: Tx, ids: number[]) {
  await tx.$queryRaw`SELECT id FROM "Tag" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
}

async function descendantIds(db: DbClient, tagId: number) {
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE sub AS (
      SELECT id FROM "Tag" WHERE "parentId" = ${tagId}
      UNION SELECT t.id FROM "Tag" t JOIN sub ON t."parentId" = sub.id
    ) SELECT id FROM sub`;
  return new Set(rows.map((row) => row.id));
}

/**
 * A term (new name or synonym) must not already name another tag: not another tag's Chinese name and not a
 * synonym of another tag. One term names one tag, so search synonyms stay unambiguous.
 */
async function assertTermFree(tx: Tx, term: string, ownTagId: number | null) {
  const normalized = normalizeTerm(term);
  const tags = await tx.tag.findMany({ select: { id: true, nameZh: true } });
  const clash = tags.find((tag) => tag.id !== ownTagId && normalizeTerm(tag.nameZh) === normalized);
  if (clash) throw new ServiceError(409, "tags.term.takenByName", { name: clash.nameZh });
  const synonym = await tx.tagSynonym.findUnique({ where: { term: normalized }, select: { tag: { select: { id: true, nameZh: true } } } });
  if (synonym && synonym.tag.id !== ownTagId) throw new ServiceError(409, "tags.term.takenBySynonym", { name: synonym.tag.nameZh });
}

/** Outbox rows so search re-reads every organization and need that carries one of these tags. */
async function enqueueTagHolders(tx: Tx, tagIds: number[]) {
  const orgs = await tx.$executeRaw`
    INSERT INTO "OutboxEvent" (topic, key) SELECT 'search.org', "orgId"::text FROM (
      SELECT DISTINCT "orgId" FROM "OrgTag" WHERE "tagId" = ANY(${tagIds}::int[]) ORDER BY "orgId") AS held`;
  const needs = await tx.$executeRaw`
    INSERT INTO "OutboxEvent" (topic, key) SELECT 'search.need', "needId"::text FROM (
      SELECT DISTINCT "needId" FROM "NeedTag" WHERE "tagId" = ANY(${tagIds}::int[]) ORDER BY "needId") AS held`;
  return { orgs, needs };
}

const enqueueSynonyms = (tx: Tx) => enqueue(tx, "search.settings", "synonyms");

function isUniqueViolation(error: unknown) {
  return (error as { code?: string } | null)?.code === "P2002";
}

// ───────────────────────────── writes ─────────────────────────────

export async function createTag(
  actor: Actor,
  input: { groupId: number; parentId?: number; nameZh: string; nameEn?: string; description?: string },
) {
  requireAdminActor(actor);
  const nameZh = input.nameZh.normalize("NFKC").trim();
  try {
    return await prisma.$transaction(async (tx) => {
      const group = await tx.tagGroup.findUnique({ where: { id: input.groupId }, select: { id: true } });
      if (!group) throw new ServiceError(422, "tags.group.invalid");
      if (input.parentId !== undefined) {
        const parent = await tx.tag.findUnique({ where: { id: input.parentId }, select: { groupId: true, status: true } });
        if (!parent || parent.groupId !== input.groupId || parent.status !== "ACTIVE") throw new ServiceError(422, "tags.parent.invalid");
      }
      await assertTermFree(tx, nameZh, null);
      const last = await tx.tag.aggregate({ where: { groupId: input.groupId }, _max: { sortOrder: true } });
      const tag = await tx.tag.create({
        data: {
          groupId: input.groupId,
          parentId: input.parentId ?? null,
          nameZh,
          nameEn: input.nameEn ?? null,
          description: input.description ?? "",
          sortOrder: (last._max.sortOrder ?? 0) + 1,
        },
        select: { id: true, nameZh: true, nameEn: true, groupId: true, parentId: true },
      });
      await recordAudit(tx, { actor, action: "tag.create", entityType: "Tag", entityId: tag.id, after: tag });
      await enqueueSynonyms(tx);
      return tag;
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError(409, "tags.term.takenByName", { name: nameZh });
    throw error;
  }
}

/** Applies one curation action to a tag (the tag page's forms). */
export async function applyTagAction(actor: Actor, tagId: number, action: TagAction) {
  requireAdminActor(actor);
  switch (action.intent) {
    case "rename":
      return renameTag(actor, tagId, action);
    case "move":
      return moveTag(actor, tagId, action);
    case "add-synonym":
      return addSynonym(actor, tagId, action.term);
    case "remove-synonym":
      return removeSynonym(actor, tagId, action.synonymId);
    case "deprecate":
      return deprecateTag(actor, tagId, action.reason);
    case "reactivate":
      return reactivateTag(actor, tagId);
    case "merge":
      return mergeTags(actor, tagId, action.targetId);
  }
}

async function loadForWrite(tx: Tx, tagId: number) {
  await lockTags(tx, [tagId]);
  const tag = await tx.tag.findUnique({
    where: { id: tagId },
    select: { id: true, groupId: true, parentId: true, nameZh: true, nameEn: true, description: true, status: true, mergedIntoId: true },
  });
  if (!tag) throw new ServiceError(404, "tags.notFound");
  return tag;
}

export async function renameTag(
  actor: Actor,
  tagId: number,
  input: { nameZh: string; nameEn?: string; description?: string; keepOldName?: boolean },
) {
  requireAdminActor(actor);
  const nameZh = input.nameZh.normalize("NFKC").trim();
  try {
    return await prisma.$transaction(async (tx) => {
      const tag = await loadForWrite(tx, tagId);
      if (tag.status === "MERGED") throw new ServiceError(409, "tags.merged.readOnly", { name: tag.nameZh });
      const nameChanged = nameZh !== tag.nameZh;
      const englishChanged = (input.nameEn ?? null) !== tag.nameEn;
      if (nameChanged) {
        // The new name may be one of the tag's own synonyms: it stops being a synonym and becomes the name.
        await assertTermFree(tx, nameZh, tagId);
        await tx.tagSynonym.deleteMany({ where: { tagId, term: normalizeTerm(nameZh) } });
      }
      const after = { nameZh, nameEn: input.nameEn ?? null, description: input.description ?? "" };
      await tx.tag.update({ where: { id: tagId }, data: after });
      let keptAsSynonym = false;
      if (nameChanged && input.keepOldName) {
        const term = normalizeTerm(tag.nameZh);
        const taken = await tx.tagSynonym.findUnique({ where: { term }, select: { tagId: true } });
        if (!taken) {
          await tx.tagSynonym.create({ data: { tagId, term } });
          keptAsSynonym = true;
        }
      }
      await recordAudit(tx, {
        actor,
        action: "tag.rename",
        entityType: "Tag",
        entityId: tagId,
        before: { nameZh: tag.nameZh, nameEn: tag.nameEn, description: tag.description },
        after: { ...after, keptOldNameAsSynonym: keptAsSynonym },
      });
      if (nameChanged || englishChanged) {
        await enqueueTagHolders(tx, [tagId]);
        await enqueueSynonyms(tx);
      }
      return { nameChanged, keptAsSynonym };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError(409, "tags.term.takenByName", { name: nameZh });
    throw error;
  }
}

export async function moveTag(actor: Actor, tagId: number, input: { groupId: number; parentId?: number }) {
  requireAdminActor(actor);
  return prisma.$transaction(async (tx) => {
    const tag = await loadForWrite(tx, tagId);
    if (tag.status === "MERGED") throw new ServiceError(409, "tags.merged.readOnly", { name: tag.nameZh });
    const group = await tx.tagGroup.findUnique({ where: { id: input.groupId }, select: { id: true } });
    if (!group) throw new ServiceError(422, "tags.group.invalid");
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      if (parentId === tagId) throw new ServiceError(422, "tags.parent.cycle");
      const parent = await tx.tag.findUnique({ where: { id: parentId }, select: { groupId: true, status: true } });
      if (!parent || parent.groupId !== input.groupId || parent.status !== "ACTIVE") throw new ServiceError(422, "tags.parent.invalid");
      if ((await descendantIds(tx, tagId)).has(parentId)) throw new ServiceError(422, "tags.parent.cycle");
    }
    if (tag.groupId === input.groupId && tag.parentId === parentId) return { changed: false };
    await tx.tag.update({ where: { id: tagId }, data: { groupId: input.groupId, parentId } });
    // Children move with their parent into the new group, so the subtree stays whole.
    const descendants = [...(await descendantIds(tx, tagId))];
    if (descendants.length > 0 && tag.groupId !== input.groupId) {
      await tx.tag.updateMany({ where: { id: { in: descendants } }, data: { groupId: input.groupId } });
    }
    await recordAudit(tx, {
      actor,
      action: "tag.move",
      entityType: "Tag",
      entityId: tagId,
      before: { groupId: tag.groupId, parentId: tag.parentId },
      after: { groupId: input.groupId, parentId, movedDescendants: tag.groupId !== input.groupId ? descendants.length : 0 },
    });
    // Facets group tags by group: holders of the moved tags are re-indexed when the group changes.
    if (tag.groupId !== input.groupId) await enqueueTagHolders(tx, [tagId, ...descendants]);
    return { changed: true };
  }, TX_OPTIONS);
}

export async function addSynonym(actor: Actor, tagId: number, rawTerm: string) {
  requireAdminActor(actor);
  const term = normalizeTerm(rawTerm);
  if (!term) throw new ServiceError(422, "form.required");
  try {
    return await prisma.$transaction(async (tx) => {
      const tag = await loadForWrite(tx, tagId);
      if (tag.status === "MERGED") throw new ServiceError(409, "tags.merged.readOnly", { name: tag.nameZh });
      if (normalizeTerm(tag.nameZh) === term) throw new ServiceError(409, "tags.synonym.isName");
      const own = await tx.tagSynonym.findUnique({ where: { term }, select: { tagId: true } });
      if (own?.tagId === tagId) throw new ServiceError(409, "tags.synonym.exists", { term });
      await assertTermFree(tx, term, tagId);
      const synonym = await tx.tagSynonym.create({ data: { tagId, term }, select: { id: true, term: true } });
      await recordAudit(tx, { actor, action: "tag.synonym.add", entityType: "Tag", entityId: tagId, after: { term } });
      await enqueueSynonyms(tx);
      return synonym;
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError(409, "tags.term.takenBySynonym", { name: term });
    throw error;
  }
}

export async function removeSynonym(actor: Actor, tagId: number, synonymId: number) {
  requireAdminActor(actor);
  return prisma.$transaction(async (tx) => {
    await loadForWrite(tx, tagId);
    const synonym = await tx.tagSynonym.findFirst({ where: { id: synonymId, tagId }, select: { id: true, term: true } });
    if (!synonym) throw new ServiceError(404, "tags.synonym.notFound");
    await tx.tagSynonym.delete({ where: { id: synonym.id } });
    await recordAudit(tx, { actor, action: "tag.synonym.remove", entityType: "Tag", entityId: tagId, before: { term: synonym.term } });
    await enqueueSynonyms(tx);
    return synonym;
  }, TX_OPTIONS);
}

/** Deprecated: kept on the records that carry it, never offered for new ones. */
export async function deprecateTag(actor: Actor, tagId: number, reason?: string) {
  requireAdminActor(actor);
  return prisma.$transaction(async (tx) => {
    const tag = await loadForWrite(tx, tagId);
    if (tag.status !== "ACTIVE") throw new ServiceError(409, "tags.deprecate.notActive");
    await tx.tag.update({ where: { id: tagId }, data: { status: "DEPRECATED" } });
    await recordAudit(tx, {
      actor,
      action: "tag.deprecate",
      entityType: "Tag",
      entityId: tagId,
      before: { status: tag.status },
      after: { status: "DEPRECATED" },
      reason: reason ?? null,
    });
    await enqueueTagHolders(tx, [tagId]);
    await enqueueSynonyms(tx);
  }, TX_OPTIONS);
}

export async function reactivateTag(actor: Actor, tagId: number) {
  requireAdminActor(actor);
  return prisma.$transaction(async (tx) => {
    const tag = await loadForWrite(tx, tagId);
    if (tag.status !== "DEPRECATED") throw new ServiceError(409, "tags.reactivate.notDeprecated");
    await tx.tag.update({ where: { id: tagId }, data: { status: "ACTIVE" } });
    await recordAudit(tx, { actor, action: "tag.reactivate", entityType: "Tag", entityId: tagId, before: { status: tag.status }, after: { status: "ACTIVE" } });
    await enqueueTagHolders(tx, [tagId]);
    await enqueueSynonyms(tx);
  }, TX_OPTIONS);
}

export type MergeResult = {
  sourceId: number;
  targetId: number;
  orgsRetagged: number;
  orgsAlreadyTagged: number;
  needsRetagged: number;
  needsAlreadyTagged: number;
  catalogItemsRetagged: number;
  synonymsMoved: string[];
  childrenMoved: number;
};

/**
 * Merges tag A (source) into tag B (target) in one transaction: every organization, need and catalog item tagged
 * A is tagged B (once — never twice), A's synonyms move to B, A's names become synonyms of B, A's children move
 * under B, and A is kept as MERGED (pointing at B) so old links and imports still resolve. Audited on both tags;
 * search re-reads every affected organization and need, and the synonym settings.
 */
export async function mergeTags(actor: Actor, sourceId: number, targetId: number): Promise<MergeResult> {
  requireAdminActor(actor);
  if (sourceId === targetId) throw new ServiceError(422, "tags.merge.self");
  return prisma.$transaction(async (tx) => {
    await lockTags(tx, [sourceId, targetId]);
    const select = { id: true, nameZh: true, nameEn: true, groupId: true, parentId: true, status: true } as const;
    const source = await tx.tag.findUnique({ where: { id: sourceId }, select });
    const target = await tx.tag.findUnique({ where: { id: targetId }, select });
    if (!source || !target) throw new ServiceError(404, "tags.notFound");
    if (source.status === "MERGED") throw new ServiceError(409, "tags.merged.readOnly", { name: source.nameZh });
    if (target.status !== "ACTIVE") throw new ServiceError(409, "tags.merge.targetInactive", { name: target.nameZh });
    if ((await descendantIds(tx, sourceId)).has(targetId)) throw new ServiceError(422, "tags.merge.intoDescendant");

    // Search must re-read everything that carried A (before the rows move) — and B's holders need nothing new.
    const affectedOrgs = (await tx.orgTag.findMany({ where: { tagId: sourceId }, select: { orgId: true }, orderBy: { orgId: "asc" } })).map((r) => r.orgId);
    const affectedNeeds = (await tx.needTag.findMany({ where: { tagId: sourceId }, select: { needId: true }, orderBy: { needId: "asc" } })).map((r) => r.needId);

    const orgsRetagged = await tx.$executeRaw`
      INSERT INTO "OrgTag" ("orgId", "tagId") SELECT "orgId", ${targetId} FROM "OrgTag" WHERE "tagId" = ${sourceId}
      ON CONFLICT DO NOTHING`;
    await tx.orgTag.deleteMany({ where: { tagId: sourceId } });
    const needsRetagged = await tx.$executeRaw`
      INSERT INTO "NeedTag" ("needId", "tagId") SELECT "needId", ${targetId} FROM "NeedTag" WHERE "tagId" = ${sourceId}
      ON CONFLICT DO NOTHING`;
    await tx.needTag.deleteMany({ where: { tagId: sourceId } });
    const catalogItemsRetagged = await tx.$executeRaw`
      INSERT INTO "CatalogItemTag" ("catalogItemId", "tagId") SELECT "catalogItemId", ${targetId} FROM "CatalogItemTag" WHERE "tagId" = ${sourceId}
      ON CONFLICT DO NOTHING`;
    await tx.catalogItemTag.deleteMany({ where: { tagId: sourceId } });

    // Synonyms: A's move to B; A's own names become synonyms of B (unless B is already called that).
    const moved = await tx.tagSynonym.findMany({ where: { tagId: sourceId }, select: { term: true }, orderBy: { id: "asc" } });
    await tx.tagSynonym.updateMany({ where: { tagId: sourceId }, data: { tagId: targetId } });
    const targetName = normalizeTerm(target.nameZh);
    await tx.tagSynonym.deleteMany({ where: { tagId: targetId, term: targetName } });
    const newTerms = [source.nameZh, source.nameEn]
      .filter((name): name is string => Boolean(name))
      .map(normalizeTerm)
      .filter((term) => term !== targetName);
    for (const term of new Set(newTerms)) {
      const taken = await tx.tagSynonym.findUnique({ where: { term }, select: { tagId: true } });
      if (!taken) await tx.tagSynonym.create({ data: { tagId: targetId, term } });
    }
    const synonymsMoved = [...moved.map((s) => s.term).filter((term) => term !== targetName), ...new Set(newTerms)];

    // A's children hang under B when B is in the same group, otherwise under A's parent.
    const childrenMoved = await tx.tag.updateMany({
      where: { parentId: sourceId },
      data: { parentId: target.groupId === source.groupId ? targetId : source.parentId },
    });
    // Tags merged into A earlier now point straight at B (no chains).
    await tx.tag.updateMany({ where: { mergedIntoId: sourceId }, data: { mergedIntoId: targetId } });
    await tx.tag.update({ where: { id: sourceId }, data: { status: "MERGED", mergedIntoId: targetId, parentId: null } });

    const result: MergeResult = {
      sourceId,
      targetId,
      orgsRetagged: affectedOrgs.length,
      orgsAlreadyTagged: affectedOrgs.length - orgsRetagged,
      needsRetagged: affectedNeeds.length,
      needsAlreadyTagged: affectedNeeds.length - needsRetagged,
      catalogItemsRetagged,
      synonymsMoved,
      childrenMoved: childrenMoved.count,
    };
    await recordAudit(tx, {
      actor,
      action: "tag.merge",
      entityType: "Tag",
      entityId: sourceId,
      before: { nameZh: source.nameZh, nameEn: source.nameEn, status: source.status },
      after: { status: "MERGED", mergedInto: { id: target.id, nameZh: target.nameZh }, ...result },
    });
    await recordAudit(tx, {
      actor,
      action: "tag.merge.receive",
      entityType: "Tag",
      entityId: targetId,
      after: { mergedFrom: { id: source.id, nameZh: source.nameZh }, ...result },
    });

    if (affectedOrgs.length > 0) {
      await tx.outboxEvent.createMany({ data: affectedOrgs.map((orgId) => ({ topic: "search.org", key: String(orgId) })) });
    }
    if (affectedNeeds.length > 0) {
      await tx.outboxEvent.createMany({ data: affectedNeeds.map((needId) => ({ topic: "search.need", key: String(needId) })) });
    }
    await enqueueSynonyms(tx);
    return result;
  }, TX_OPTIONS);
}
