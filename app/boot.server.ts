// Process start-up and shutdown for the web server. The database is opened and migrated before the server
// listens; demo data is loaded into an empty embedded database; background work starts last.
import { closeDatabase, getDatabase, openDatabase } from "#app/db.server.ts";
import { getEnv } from "#app/env.server.ts";
import { startControlSocket } from "#app/modules/db/control-socket.server.ts";
import { purgeOldLoginAttempts } from "#app/modules/accounts/rate-limit.server.ts";
import { purgeExpiredSessions } from "#app/modules/accounts/sessions.server.ts";
import { runDeadlineNotifications } from "#app/modules/needs/deadlines.server.ts";
import { registerAlertHandlers, runAlertDigests } from "#app/modules/matching/alerts.server.ts";
import { registerEmailHandler } from "#app/modules/notify/email-worker.server.ts";
import { purgeProcessedOutbox, runOutboxOnce } from "#app/modules/outbox/worker.server.ts";
import { peekSearch, registerSearchHandlers, searchHealth, startSearch, stopSearch } from "#app/modules/search/index.server.ts";

const timers: NodeJS.Timeout[] = [];
/** Background tasks in flight: shutdown lets them finish before the database closes. */
const inFlight = new Set<Promise<unknown>>();
let stopControlSocket: (() => void) | undefined;
let booted: Promise<void> | undefined;

/** Registers every module's outbox handlers (server, CLI and tests call this). */
export function registerHandlers() {
  registerEmailHandler();
  registerSearchHandlers();
  registerAlertHandlers();
}

export function boot(): Promise<void> {
  booted ??= (async () => {
    const env = getEnv();
    const db = await openDatabase();
    registerHandlers();
    const seedDemo = env.DEMO_SEED ? env.DEMO_SEED === "true" : db.kind === "pglite";
    if (seedDemo) {
      const { seedDemoIfEmpty } = await import("../prisma/seed/index.ts");
      await seedDemoIfEmpty();
    }
    if (db.kind === "pglite" && db.folder) stopControlSocket = startControlSocket(env.dataDir, db);
    // The search index is ready before the first request: built from the database (embedded engine) or checked
    // and, when empty, filled (Meilisearch).
    const started = Date.now();
    const search = await startSearch();
    const { documents } = search.status;
    console.log(
      `Search (${search.engine.kind}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${documents.needs} needs, ${documents.orgs} organizations.`,
    );
    if (env.BACKGROUND_JOBS === "true") startBackgroundJobs();
  })();
  return booted;
}

function every(ms: number, task: () => Promise<unknown>) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    const run = task().catch((error) => console.error("[background]", error));
    inFlight.add(run);
    await run;
    inFlight.delete(run);
    running = false;
  }, ms);
  timer.unref();
  timers.push(timer);
}

function startBackgroundJobs() {
  every(1_000, () => runOutboxOnce());
  // "Bidding has closed" for buyers and "closes tomorrow" reminders; idempotent, safe on every instance.
  every(60_000, () => runDeadlineNotifications());
  // Saved-search digests: once the day's digest time has passed, unsent hits are claimed (FOR UPDATE SKIP LOCKED)
  // and queued as one e-mail per user; safe on every instance.
  every(10 * 60_000, () => runAlertDigests());
  // The embedded index of this process follows the outbox itself (Meilisearch rows go through runOutboxOnce).
  every(1_000, async () => {
    const search = peekSearch();
    if (search && !search.engine.shared) await search.poll(true);
  });
  every(60 * 60_000, async () => {
    await purgeExpiredSessions();
    await purgeOldLoginAttempts();
    await purgeProcessedOutbox();
  });
}

export async function shutdown() {
  for (const timer of timers.splice(0)) clearInterval(timer);
  await Promise.all(inFlight);
  stopControlSocket?.();
  await stopSearch();
  await closeDatabase();
}

export async function health() {
  const checks: Record<string, { ok: boolean; detail?: string }> = {};
  try {
    const db = getDatabase();
    await db.sql.query("SELECT 1");
    checks.database = { ok: true, detail: db.kind };
  } catch (error) {
    checks.database = { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    checks.search = await searchHealth();
  } catch (error) {
    checks.search = { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  return { ok: Object.values(checks).every((check) => check.ok), checks };
}
