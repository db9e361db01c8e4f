// Keeps the search indexes in step with the database (docs/decisions/013-search.md, "Sync").
//
// Services write an outbox row (`search.org`, `search.need` keyed by id; `search.settings` keyed "synonyms" or
// "reindex") in the same transaction as their change. Applying a row means rebuilding the document from the
// database as it is now — present and public: upsert; missing or no longer public: delete — so applying a row twice,
// or late, or out of order is harmless, and the index converges.
//
// - Meilisearch is shared by every app instance: each row is applied once, claimed with the outbox worker's
//   SELECT … FOR UPDATE SKIP LOCKED (handlers registered per topic), with its retries and backoff.
// - The embedded engine lives in each process: every instance must apply every row, so rows are not claimed but
//   tailed — each instance reads rows above its own cursor, and re-reads the last two minutes to catch rows whose
//   transaction committed after a later id was seen. Rows are marked processed (by whichever instance is first) so
//   the usual purge removes them; the marking means nothing else.
// - `syncNow()` is what pages call before they search: the user sees their own change on the next page load.
import { getDatabase, prisma } from "#app/db.server.ts";
import { getEnv } from "#app/env.server.ts";
import { registerOutboxHandler, runOutboxOnce, type OutboxRow } from "#app/modules/outbox/worker.server.ts";
import {
  allNeedDocuments,
  allOrgDocuments,
  buildNeedDocuments,
  buildOrgDocuments,
  documentIdsWithTags,
  loadBuildContext,
  type BuildContext,
} from "./documents.server.ts";
import type { SearchDoc } from "./documents.ts";
import { EmbeddedEngine } from "./embedded/engine.server.ts";
import { connectMeilisearch } from "./meilisearch/adapter.server.ts";
import type { EngineKind, SearchEngine, SearchIndex } from "./port.ts";
import { settingsFor } from "./settings.ts";
import { loadSynonyms } from "./synonyms.server.ts";
import { warmUpTokenizer } from "./tokenizer.server.ts";

export const SEARCH_TOPICS = ["search.org", "search.need", "search.settings"];

/** How far back each embedded poll re-reads, for rows whose transaction committed late. */
const OVERLAP_SECONDS = 120;
const TAIL_BATCH = 500;
/** After this many failed attempts a batch is logged and skipped; the next reindex (or restart) repairs it. */
const MAX_BATCH_ATTEMPTS = 8;
/** Meilisearch mode: how long a page waits for rows another instance is applying. */
const SHARED_WAIT_MS = 2_000;

type TailRow = { id: number; topic: string; key: string; payload: unknown };

export type SearchStatus = {
  engine: EngineKind;
  state: "starting" | "ready" | "rebuilding" | "failed";
  documents: { needs: number; orgs: number };
  cursor: number;
  lastSyncAt: string | null;
  lastBuildMs: number | null;
  lastError: string | null;
};

type Progress = (index: "needs" | "orgs", done: number, total: number) => void;

/** Applies a batch of outbox rows to an engine: settings first, then every touched document rebuilt once. */
export async function applySearchRows(engine: SearchEngine, rows: Pick<OutboxRow, "topic" | "key" | "payload">[]): Promise<void> {
  const orgIds = new Set<number>();
  const needIds = new Set<number>();
  const tagIds = new Set<number>();
  let synonymsChanged = false;
  let reindex = false;
  for (const row of rows) {
    if (row.topic === "search.settings") {
      if (row.key === "reindex") reindex = true;
      else synonymsChanged = true;
      const payload = (row.payload ?? {}) as { tagIds?: unknown; tagId?: unknown };
      const ids = Array.isArray(payload.tagIds) ? payload.tagIds : payload.tagId !== undefined ? [payload.tagId] : [];
      for (const id of ids) if (Number.isInteger(id)) tagIds.add(id as number);
      continue;
    }
    const id = Number(row.key);
    if (!Number.isInteger(id) || id <= 0) {
      console.warn(`[search] ignoring outbox row with a bad key: ${row.topic} ${JSON.stringify(row.key)}`);
      continue;
    }
    if (row.topic === "search.org") orgIds.add(id);
    else if (row.topic === "search.need") needIds.add(id);
  }
  if (reindex) {
    await rebuildFromDatabase(engine);
    return;
  }
  if (synonymsChanged) {
    const synonyms = await loadSynonyms();
    await engine.needs.applySynonyms(synonyms);
    await engine.orgs.applySynonyms(synonyms);
    // Documents carry tag names: those of renamed or merged tags are rebuilt.
    const affected = await documentIdsWithTags([...tagIds]);
    affected.orgIds.forEach((id) => orgIds.add(id));
    affected.needIds.forEach((id) => needIds.add(id));
  }
  if (orgIds.size === 0 && needIds.size === 0) return;
  const ctx = await loadBuildContext({ hiddenField: engine.wantsHiddenField });
  await applyDocuments(engine.orgs, [...orgIds], (ids) => buildOrgDocuments(ids, ctx));
  await applyDocuments(engine.needs, [...needIds], (ids) => buildNeedDocuments(ids, ctx));
}

async function applyDocuments<Doc extends SearchDoc>(index: SearchIndex<Doc>, ids: number[], build: (ids: number[]) => Promise<Map<number, Doc>>) {
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const docs = await build(chunk);
    const present = chunk.filter((id) => docs.has(id)).map((id) => docs.get(id)!);
    const absent = chunk.filter((id) => !docs.has(id));
    await index.upsert(present);
    await index.delete(absent);
  }
}

/** Rebuilds both indexes from the database (the `reindex` command; the embedded engine at start-up). */
export async function rebuildFromDatabase(engine: SearchEngine, onProgress?: Progress): Promise<{ needs: number; orgs: number; ms: number }> {
  const started = performance.now();
  const synonyms = await loadSynonyms();
  await engine.needs.applySynonyms(synonyms);
  await engine.orgs.applySynonyms(synonyms);
  const ctx: BuildContext = await loadBuildContext({ hiddenField: engine.wantsHiddenField });
  const [orgTotal, needTotal] = await Promise.all([
    prisma.organization.count({ where: { status: "VERIFIED" } }),
    prisma.need.count({ where: { status: { not: "DRAFT" } } }),
  ]);
  const orgs = await engine.orgs.replaceAll(allOrgDocuments(ctx), (done) => onProgress?.("orgs", done, orgTotal));
  const needs = await engine.needs.replaceAll(allNeedDocuments(ctx), (done) => onProgress?.("needs", done, needTotal));
  return { needs, orgs, ms: Math.round(performance.now() - started) };
}

export async function maxOutboxId(): Promise<number> {
  const rows = await getDatabase().sql.query<{ max: number | null }>(`SELECT max(id) AS max FROM "OutboxEvent"`);
  return Number(rows[0]?.max ?? 0);
}

/** The sync state of one process: its engine, and (embedded) its outbox cursor. */
export class SearchSync {
  cursor = 0;
  private seen = new Map<number, number>();
  private attempts = 0;
  private inflight: Promise<number> | null = null;
  readonly status: SearchStatus;

  constructor(readonly engine: SearchEngine) {
    this.status = {
      engine: engine.kind,
      state: "starting",
      documents: { needs: 0, orgs: 0 },
      cursor: 0,
      lastSyncAt: null,
      lastBuildMs: null,
      lastError: null,
    };
  }

  /** Embedded: build both indexes from the database, then catch up with the outbox. Shared: fill an empty index. */
  async start(onProgress?: Progress) {
    try {
      if (this.engine.shared) {
        const [needs, orgs] = await Promise.all([this.engine.needs.health(), this.engine.orgs.health()]);
        const [publicNeeds, publicOrgs] = await Promise.all([
          prisma.need.count({ where: { status: { not: "DRAFT" } } }),
          prisma.organization.count({ where: { status: "VERIFIED" } }),
        ]);
        if ((needs.documents === 0 && publicNeeds > 0) || (orgs.documents === 0 && publicOrgs > 0)) await this.rebuild(onProgress);
      } else {
        const cursor = await maxOutboxId();
        await this.rebuild(onProgress);
        this.cursor = Math.max(this.cursor, cursor);
        await this.poll(true);
      }
      this.status.state = "ready";
      await this.refreshCounts();
    } catch (error) {
      this.status.state = "failed";
      this.status.lastError = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }

  async rebuild(onProgress?: Progress) {
    const previous = this.status.state;
    this.status.state = "rebuilding";
    try {
      const result = await rebuildFromDatabase(this.engine, onProgress);
      this.status.lastBuildMs = result.ms;
      this.status.documents = { needs: result.needs, orgs: result.orgs };
      return result;
    } finally {
      this.status.state = previous === "starting" ? "starting" : "ready";
    }
  }

  async refreshCounts() {
    const [needs, orgs] = await Promise.all([this.engine.needs.health(), this.engine.orgs.health()]);
    this.status.documents = { needs: needs.documents, orgs: orgs.documents };
  }

  /**
   * Makes sure rows committed before this call are in the index (called by pages before they search). Embedded:
   * one small query when nothing is pending. Shared: applies due rows here and waits briefly for rows that another
   * instance is applying.
   */
  async syncNow(): Promise<void> {
    if (this.engine.shared) {
      await this.syncShared();
      return;
    }
    this.inflight ??= this.poll(false).finally(() => {
      this.inflight = null;
    });
    await this.inflight;
  }

  /** Embedded: applies the rows above the cursor (and, with `overlap`, the recent ones not yet seen). */
  async poll(overlap: boolean): Promise<number> {
    if (this.engine.shared) return 0;
    const rows = await getDatabase().sql.query<TailRow>(
      `SELECT id, topic, key, payload FROM "OutboxEvent"
       WHERE topic = ANY($1::text[])
         AND (id > $2 OR ($3::boolean AND "createdAt" > now() - make_interval(secs => $4)))
       ORDER BY id LIMIT ${TAIL_BATCH}`,
      [SEARCH_TOPICS, this.cursor, overlap, OVERLAP_SECONDS],
    );
    const fresh = rows.filter((row) => !this.seen.has(row.id));
    if (fresh.length === 0) {
      this.prune();
      return 0;
    }
    try {
      await applySearchRows(this.engine, fresh);
      this.attempts = 0;
      this.status.lastError = null;
    } catch (error) {
      this.attempts++;
      const message = error instanceof Error ? error.message : String(error);
      this.status.lastError = message;
      if (this.attempts < MAX_BATCH_ATTEMPTS) throw error;
      console.error(`[search] giving up on outbox rows ${fresh[0].id}…${fresh[fresh.length - 1].id} after ${this.attempts} attempts: ${message}`);
      this.attempts = 0;
    }
    const now = Date.now();
    for (const row of fresh) {
      this.seen.set(row.id, now);
      if (row.id > this.cursor) this.cursor = row.id;
    }
    this.status.cursor = this.cursor;
    this.status.lastSyncAt = new Date(now).toISOString();
    await getDatabase().sql.query(`UPDATE "OutboxEvent" SET "processedAt" = now() WHERE id = ANY($1::int[]) AND "processedAt" IS NULL`, [
      fresh.map((row) => row.id),
    ]);
    this.prune();
    // A full batch means more may be waiting.
    return fresh.length + (rows.length === TAIL_BATCH ? await this.poll(false) : 0);
  }

  private prune() {
    const horizon = Date.now() - (OVERLAP_SECONDS + 60) * 1000;
    for (const [id, at] of this.seen) if (at < horizon) this.seen.delete(id);
  }

  private async syncShared() {
    const pending = await prisma.outboxEvent.findFirst({
      where: { topic: { in: SEARCH_TOPICS }, processedAt: null, lastError: null },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    if (!pending) return;
    await runOutboxOnce(SEARCH_TOPICS, 100);
    const deadline = Date.now() + SHARED_WAIT_MS;
    while (Date.now() < deadline) {
      const left = await prisma.outboxEvent.count({
        where: { topic: { in: SEARCH_TOPICS }, processedAt: null, lastError: null, id: { lte: pending.id } },
      });
      if (left === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.status.lastSyncAt = new Date().toISOString();
  }
}

// ───────────────────────────── the process's search ─────────────────────────────

declare global {
  var __duijieSearch: SearchSync | undefined;
}

/** The running search of this process. Throws before `startSearch()`. */
export function getSearch(): SearchSync {
  const search = globalThis.__duijieSearch;
  if (!search) throw new Error("Search is not started: call startSearch() at boot.");
  return search;
}

export function peekSearch(): SearchSync | undefined {
  return globalThis.__duijieSearch;
}

/** Installs a search (tests). */
export function useSearch(search: SearchSync | undefined) {
  globalThis.__duijieSearch = search;
}

/** Creates the engine named by the environment: Meilisearch when MEILI_URL is set, the embedded engine otherwise. */
export async function createEngine(): Promise<SearchEngine> {
  const env = getEnv();
  const synonyms = await loadSynonyms();
  const settings = { needs: settingsFor("needs", synonyms), orgs: settingsFor("orgs", synonyms) };
  if (env.MEILI_URL) return connectMeilisearch({ url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY, settings });
  warmUpTokenizer();
  return new EmbeddedEngine(settings);
}

/** Boot: builds (embedded) or checks (Meilisearch) the indexes before the server answers. */
export async function startSearch(onProgress?: Progress): Promise<SearchSync> {
  const existing = globalThis.__duijieSearch;
  if (existing && existing.status.state !== "failed") return existing;
  const sync = new SearchSync(await createEngine());
  globalThis.__duijieSearch = sync;
  await sync.start(onProgress);
  return sync;
}

export async function stopSearch() {
  const { flushSearchLogs } = await import("./service.server.ts");
  await flushSearchLogs();
  const sync = globalThis.__duijieSearch;
  globalThis.__duijieSearch = undefined;
  await sync?.engine.close();
}

/**
 * Outbox handlers for the shared engine (Meilisearch): each row is claimed once by one instance. With the embedded
 * engine nothing is registered — every instance tails the rows itself.
 */
export function registerSearchHandlers() {
  if (!getEnv().MEILI_URL) return;
  for (const topic of SEARCH_TOPICS) {
    registerOutboxHandler(topic, async (row) => {
      const search = globalThis.__duijieSearch ?? (await startSearch());
      await applySearchRows(search.engine, [row]);
    });
  }
}

/** The search part of /healthz. */
export async function searchHealth(): Promise<{ ok: boolean; detail: string }> {
  const search = globalThis.__duijieSearch;
  if (!search) return { ok: false, detail: "not started" };
  const { status } = search;
  if (status.state === "failed") return { ok: false, detail: `${status.engine}: failed — ${status.lastError ?? "unknown error"}` };
  const [needs, orgs] = await Promise.all([search.engine.needs.health(), search.engine.orgs.health()]);
  const ok = needs.ok && orgs.ok && status.state !== "starting";
  const parts = [
    `${status.engine} ${status.state}`,
    `needs ${needs.documents}`,
    `orgs ${orgs.documents}`,
    ...(search.engine.shared ? [] : [`outbox #${search.cursor}`]),
    ...(status.lastError ? [`last error: ${status.lastError}`] : []),
    ...(needs.detail ? [needs.detail] : []),
    ...(orgs.detail ? [orgs.detail] : []),
  ];
  return { ok, detail: parts.join(", ") };
}
