// The outbox → index path on a real database: rows written with a change reach the index, idempotently, in every
// embedded instance (tailing), once with a shared engine (claiming), with retries, and a rebuild converges.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDatabase, prisma } from "#app/db.server.ts";
import { enqueue } from "#app/modules/outbox/outbox.server.ts";
import { registerOutboxHandler } from "#app/modules/outbox/worker.server.ts";
import { makeBuyerUnit, makeOrg, tagId } from "#tests/factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { EmbeddedEngine } from "./embedded/engine.server.ts";
import { settingsFor } from "./settings.ts";
import { applySearchRows, maxOutboxId, rebuildFromDatabase, SEARCH_TOPICS, SearchSync } from "./sync.server.ts";
import { loadSynonyms } from "./synonyms.server.ts";

async function newEngine() {
  const synonyms = await loadSynonyms();
  return new EmbeddedEngine({ needs: settingsFor("needs", synonyms), orgs: settingsFor("orgs", synonyms) });
}

async function newInstance() {
  const sync = new SearchSync(await newEngine());
  await sync.start();
  return sync;
}

const ids = async (sync: SearchSync, index: "needs" | "orgs", q: string) =>
  (await sync.engine[index].search({ q, limit: 100 })).hits.map((hit) => hit.id);

async function makeNeed(data: { title: string; status?: "DRAFT" | "PUBLISHED" | "AWARDED"; tagIds?: number[] }) {
  const unit = await makeBuyerUnit();
  return prisma.need.create({
    data: {
      buyerUnitId: unit.id,
      title: data.title,
      status: data.status ?? "PUBLISHED",
      publishedAt: data.status === "DRAFT" ? null : new Date(),
      bidDeadline: new Date(Date.now() + 10 * 86_400_000),
      districts: { create: [{ districtCode: "310104" }] },
      tags: { create: (data.tagIds ?? []).map((id) => ({ tagId: id })) },
    },
  });
}

beforeAll(async () => {
  await seedReferenceData(prisma);
});

beforeEach(async () => {
  await prisma.outboxEvent.deleteMany();
});

describe("embedded engine: every instance tails the outbox", () => {
  it("applies an organization's change on the next syncNow, and removes it when it is no longer public", async () => {
    const sync = await newInstance();
    const org = await makeOrg({ name: "静安区晨曦失智老人照护中心", status: "VERIFIED" });
    expect(await ids(sync, "orgs", "晨曦")).toEqual([]); // written without an outbox row: not seen yet
    await enqueue(prisma, "search.org", org.id);
    await sync.syncNow();
    expect(await ids(sync, "orgs", "晨曦")).toEqual([org.id]);

    await prisma.$transaction(async (tx) => {
      await tx.organization.update({ where: { id: org.id }, data: { status: "SUSPENDED" } });
      await enqueue(tx, "search.org", org.id);
    });
    await sync.syncNow();
    expect(await ids(sync, "orgs", "晨曦")).toEqual([]);
    // Applied rows are marked, so the usual purge removes them.
    expect(await prisma.outboxEvent.count({ where: { processedAt: null } })).toBe(0);
  });

  it("indexes a need only once it is published (drafts are private)", async () => {
    const sync = await newInstance();
    const need = await makeNeed({ title: "曹杨新村街道口袋公园微更新", status: "DRAFT" });
    await enqueue(prisma, "search.need", need.id);
    await sync.syncNow();
    expect(await ids(sync, "needs", "口袋公园")).toEqual([]);
    await prisma.$transaction(async (tx) => {
      await tx.need.update({ where: { id: need.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
      await enqueue(tx, "search.need", need.id);
    });
    await sync.syncNow();
    expect(await ids(sync, "needs", "口袋公园")).toEqual([need.id]);
    await prisma.need.delete({ where: { id: need.id } });
    await enqueue(prisma, "search.need", need.id);
    await sync.syncNow();
    expect(await ids(sync, "needs", "口袋公园")).toEqual([]);
  });

  it("lets two instances each apply every row (none claims them)", async () => {
    const a = await newInstance();
    const b = await newInstance();
    const org = await makeOrg({ name: "长宁区彩虹桥社区睦邻中心", status: "VERIFIED" });
    await enqueue(prisma, "search.org", org.id);
    await a.syncNow();
    await b.syncNow();
    expect(await ids(a, "orgs", "彩虹桥")).toEqual([org.id]);
    expect(await ids(b, "orgs", "彩虹桥")).toEqual([org.id]);
  });

  it("catches a row that committed after a later id was seen (the overlap window)", async () => {
    const sync = await newInstance();
    const early = await makeOrg({ name: "奉贤区海湾镇渔村文化团队", status: "VERIFIED" });
    await enqueue(prisma, "search.org", early.id);
    const late = await prisma.outboxEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    // Pretend this instance already saw a later row: the row above is behind its cursor now.
    sync.cursor = late.id + 5;
    await sync.syncNow();
    expect(await ids(sync, "orgs", "渔村")).toEqual([]);
    await sync.poll(true); // the background poll re-reads the last two minutes
    expect(await ids(sync, "orgs", "渔村")).toEqual([early.id]);
  });

  it("retries a batch that failed, and applies each row once it succeeds", async () => {
    const sync = await newInstance();
    const org = await makeOrg({ name: "崇明区绿岛生态志愿者协会", status: "VERIFIED" });
    await enqueue(prisma, "search.org", org.id);
    const upsert = vi.spyOn(sync.engine.orgs, "upsert").mockRejectedValueOnce(new Error("disk full"));
    await expect(sync.syncNow()).rejects.toThrow("disk full");
    expect(sync.status.lastError).toBe("disk full");
    expect(await ids(sync, "orgs", "绿岛")).toEqual([]);
    await sync.syncNow();
    expect(await ids(sync, "orgs", "绿岛")).toEqual([org.id]);
    expect(upsert).toHaveBeenCalledTimes(2);
    expect(sync.status.lastError).toBeNull();
  });

  it("is idempotent: the same row applied twice, or rows out of order, give the database's current state", async () => {
    const sync = await newInstance();
    const org = await makeOrg({ name: "嘉定区菊园新区书香读书会", status: "VERIFIED" });
    const row = { topic: "search.org", key: String(org.id), payload: {} };
    await prisma.organization.update({ where: { id: org.id }, data: { name: "嘉定区菊园新区墨香读书会" } });
    await applySearchRows(sync.engine, [row, row]);
    await applySearchRows(sync.engine, [row]);
    expect(await ids(sync, "orgs", "墨香")).toEqual([org.id]);
    expect(await ids(sync, "orgs", "书香")).toEqual([]);
    expect((await sync.engine.orgs.search({ q: "", filter: `id = ${org.id}`, limit: 0 })).totalHits).toBe(1);
  });

  it("ignores a row with a bad key instead of blocking the others", async () => {
    const sync = await newInstance();
    const org = await makeOrg({ name: "宝山区吴淞街道邻里守望队", status: "VERIFIED" });
    await enqueue(prisma, "search.org", "not-a-number");
    await enqueue(prisma, "search.org", org.id);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await sync.syncNow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("bad key"));
    expect(await ids(sync, "orgs", "邻里守望")).toEqual([org.id]);
  });
});

describe("synonyms and tag edits reach the index", () => {
  it("re-applies synonyms and rebuilds the documents of a renamed tag", async () => {
    const sync = await newInstance();
    const meals = await tagId("助餐");
    const org = await makeOrg({ name: "徐汇区康健街道为老服务社", status: "VERIFIED", tagIds: [meals] });
    await enqueue(prisma, "search.org", org.id);
    await sync.syncNow();
    expect(await ids(sync, "orgs", "银发餐桌")).toEqual([]);

    // An admin adds a synonym and renames the tag (the tags service writes the settings row).
    await prisma.$transaction(async (tx) => {
      await tx.tagSynonym.create({ data: { tagId: meals, term: "银发餐桌" } });
      await tx.tag.update({ where: { id: meals }, data: { nameZh: "老年助餐服务" } });
      await enqueue(tx, "search.settings", "synonyms", { tagIds: [meals] });
    });
    await sync.syncNow();
    expect(await ids(sync, "orgs", "银发餐桌")).toContain(org.id);
    const doc = await sync.engine.orgs.getDocument(org.id);
    expect(doc?.tags).toContain("老年助餐服务");
    await prisma.tag.update({ where: { id: meals }, data: { nameZh: "助餐" } });
  });

  it("makes a merged tag's names find the records of the tag it was merged into", async () => {
    const sync = await newInstance();
    const target = await tagId("长者照护");
    const group = await prisma.tag.findUniqueOrThrow({ where: { id: target }, select: { groupId: true } });
    const old = await prisma.tag.create({ data: { nameZh: "托老所服务", groupId: group.groupId } });
    const org = await makeOrg({ name: "闵行区古美街道长者之家", status: "VERIFIED", tagIds: [target] });
    await enqueue(prisma, "search.org", org.id);
    await sync.syncNow();
    await prisma.$transaction(async (tx) => {
      await tx.tag.update({ where: { id: old.id }, data: { status: "MERGED", mergedIntoId: target } });
      await enqueue(tx, "search.settings", "synonyms", { tagIds: [old.id, target] });
    });
    await sync.syncNow();
    expect(await ids(sync, "orgs", "托老所服务")).toContain(org.id);
  });
});

describe("shared engine (Meilisearch semantics): each row applied once", () => {
  it("claims rows with the outbox worker, so a second instance finds nothing left to do", async () => {
    const engine = Object.assign(await newEngine(), { shared: true });
    const first = new SearchSync(engine);
    const second = new SearchSync(engine);
    for (const topic of SEARCH_TOPICS) registerOutboxHandler(topic, (row) => applySearchRows(engine, [row]));
    const upsert = vi.spyOn(engine.orgs, "upsert");
    const org = await makeOrg({ name: "黄浦区外滩街道老码头讲解队", status: "VERIFIED" });
    await enqueue(prisma, "search.org", org.id);
    await first.syncNow();
    await second.syncNow();
    expect(upsert).toHaveBeenCalledTimes(1);
    expect((await engine.orgs.search({ q: "老码头", limit: 5 })).hits.map((hit) => hit.id)).toEqual([org.id]);
    const row = await prisma.outboxEvent.findFirstOrThrow({ where: { key: String(org.id) } });
    expect(row.processedAt).not.toBeNull();
    expect(row.attempts).toBe(1);
  });
});

describe("rebuild", () => {
  it("converges to the database after the index missed changes (a crash, a bulk import)", async () => {
    const sync = await newInstance();
    const org = await makeOrg({ name: "青浦区朱家角古镇文化志愿队", status: "VERIFIED" });
    // Changes that never reached the index: a new organization and a deleted one still indexed.
    await sync.engine.orgs.upsert([{ ...(await sync.engine.orgs.search({ q: "", limit: 1 })).hits[0], id: 999_999, name: "早已注销的机构" }]);
    expect(await ids(sync, "orgs", "朱家角")).toEqual([]);
    const before = await maxOutboxId();
    const result = await rebuildFromDatabase(sync.engine);
    expect(await ids(sync, "orgs", "朱家角")).toEqual([org.id]);
    expect(await ids(sync, "orgs", "早已注销")).toEqual([]);
    expect(result.orgs).toBe(await prisma.organization.count({ where: { status: "VERIFIED" } }));
    expect(await maxOutboxId()).toBe(before);
  });

  it("a `reindex` row makes every instance rebuild", async () => {
    const sync = await newInstance();
    const org = await makeOrg({ name: "金山区枫泾镇农民画社", status: "VERIFIED" });
    await enqueue(prisma, "search.settings", "reindex");
    await sync.syncNow();
    expect(await ids(sync, "orgs", "农民画")).toEqual([org.id]);
    expect(getDatabase().kind).toBeDefined();
  });
});
