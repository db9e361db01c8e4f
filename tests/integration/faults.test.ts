// Faults with real processes: the CLI killed with SIGKILL in the middle of an organization import and of a reindex,
// the server killed while it builds its index at start. Afterwards the database opens (on PGlite: the stale folder
// lock is taken over and PGlite recovers), it is consistent, the import re-run completes with exactly the rows of an
// uninterrupted import, and the index of a restarted server matches what the database says is public.
// The import scenario runs on the embedded database, and on PostgreSQL too under `npm run test:postgres`
// (TEST_DATABASE_URL: each copy is a database created from a template); the index scenarios are about the embedded
// engine on a PGlite folder and run on the first pass. Needs the production build (`npm run build`) for the server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { connectPglite, connectPostgres, prisma, type Database } from "#app/db.server.ts";
import { seedReferenceData } from "../../prisma/seed/reference.ts";
import { startInstance, type Instance } from "../multi/instances.ts";
import { buildCsv } from "../org-csv.ts";

const ROWS = 6_000;
const PORT = 3214;
let root = "";
let csv = "";
let extraCsv = "";

type Run = { code: number | null; signal: NodeJS.Signals | null; output: string; ms: number };

/** The CLI as `npm run cli` runs it, but as one process (tsx loaded into node), so SIGKILL hits the process doing the work. */
function cli(store: string, args: string[], killAfterMs?: number): Promise<Run> {
  const env = { ...process.env, DATA_DIR: dataDirOf(store), NODE_ENV: "production" } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  delete env.VITEST;
  if (serverUrl) env.DATABASE_URL = databaseUrl(store);
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "cli/index.ts", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  return new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, ms: Date.now() - started });
    }),
  );
}

// A "store" is a name: a data folder under `root` (PGlite), or also a database of that name (PostgreSQL).
const serverUrl = process.env.TEST_DATABASE_URL;
const prefix = `duijie_faults_${process.pid}_`;
const created: string[] = [];
const dataDirOf = (store: string) => path.join(root, store);
function databaseUrl(store: string) {
  const url = new URL(serverUrl!);
  url.pathname = `/${prefix}${store}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new store holding what `from` holds. */
async function copyStore(from: string, to: string) {
  fs.cpSync(dataDirOf(from), dataDirOf(to), { recursive: true });
  fs.rmSync(path.join(dataDirOf(to), "duijie.pid"), { force: true });
  if (serverUrl) {
    await admin((client) => client.query(`CREATE DATABASE ${prefix}${to} TEMPLATE ${prefix}${from}`));
    created.push(to);
  }
}

async function withStore<T>(store: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = serverUrl ? await connectPostgres(databaseUrl(store)) : await connectPglite(path.join(dataDirOf(store), "db"));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Everything an import writes, keyed by identifier (ids and timestamps differ between runs; nothing else may). */
async function importedState(db: Database) {
  const orgs = await db.sql.query<Record<string, unknown>>(`
    SELECT coalesce(o.uscc, o."filingNo") AS key, o.name, o.kind::text, o."districtCode", o."streetCode", o."foundedOn"::text,
           o."gradeLevel", o."gradeValidUntil"::text, o."taxExempt", o."preTaxDeduction", o."donationReceipts",
           o."certifiedSocialWorkers", o."staffCount", o.description, o."lastActiveAt"::text, o.status::text, o."isCommunityOrg",
           (SELECT string_agg(t."nameZh", '|' ORDER BY t."nameZh") FROM "OrgTag" ot JOIN "Tag" t ON t.id = ot."tagId" WHERE ot."orgId" = o.id) AS tags,
           (SELECT string_agg(d."districtCode", '|' ORDER BY d."districtCode") FROM "OrgServiceDistrict" d WHERE d."orgId" = o.id) AS districts
    FROM "Organization" o ORDER BY 1`);
  const [audit] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'org.import.create'`);
  const [outbox] = await db.sql.query<{ n: number }>(`SELECT count(DISTINCT key)::int AS n FROM "OutboxEvent" WHERE topic = 'search.org'`);
  return { orgs, audited: audit.n, indexed: outbox.n };
}

beforeAll(async () => {
  if (!fs.existsSync("build/server/index.js")) throw new Error("Build the app first (npm run build): the fault tests start the production server.");
  root = fs.mkdtempSync(path.join(os.tmpdir(), "duijie-faults-"));
  // The registry files are generated against the reference data (district and street codes, tag names).
  await seedReferenceData(prisma);
  csv = path.join(root, "registry.csv");
  extraCsv = path.join(root, "registry-extra.csv");
  await buildCsv(ROWS, csv);
  await buildCsv(300, extraCsv, 7);
  // A fresh store with the reference data only; every scenario starts from a copy.
  fs.mkdirSync(dataDirOf("base"));
  if (serverUrl) {
    await admin((client) => client.query(`CREATE DATABASE ${prefix}base`));
    created.push("base");
  }
  const seeded = await cli("base", ["seed", "--orgs", "0", "--needs", "0"]);
  expect(seeded.code, seeded.output).toBe(0);
}, 180_000);

afterAll(async () => {
  if (serverUrl) await admin(async (client) => {
    for (const store of created.reverse()) await client.query(`DROP DATABASE IF EXISTS ${prefix}${store} WITH (FORCE)`);
  });
  if (root && !process.env.KEEP_FAULT_DIRS) fs.rmSync(root, { recursive: true, force: true });
});

describe("SIGKILL in the middle of an organization import", () => {
  test("the database opens, is consistent, and the re-run ends with exactly the rows of an uninterrupted import", async () => {
    await copyStore("base", "whole");
    const uninterrupted = await cli("whole", ["import", "orgs", csv]);
    expect(uninterrupted.code, uninterrupted.output).toBe(0);
    const expected = await withStore("whole", importedState);
    expect(expected.orgs).toHaveLength(ROWS);

    // Kill part-way through the writing. The first attempt aims at 70% of the uninterrupted run (reading and checking
    // the file come first); later attempts move the kill until it lands between the first and the last batch.
    let delay = uninterrupted.ms * 0.7;
    let partial = -1;
    let killed = "";
    for (let attempt = 0; attempt < 5 && !(partial > 0 && partial < ROWS); attempt++) {
      killed = `killed${attempt}`;
      await copyStore("base", killed);
      const run = await cli(killed, ["import", "orgs", csv], delay);
      if (run.signal !== "SIGKILL") {
        console.info(`import finished before the kill at ${Math.round(delay)} ms`);
        delay *= 0.6;
        continue;
      }
      // The killed process left its lock behind and was stopped mid-write: the database still opens.
      partial = await withStore(killed, (db) => db.prisma.organization.count());
      console.info(`import killed after ${Math.round(delay)} ms: ${partial} of ${ROWS} organizations were written`);
      if (partial === 0) delay *= 1.25;
      if (partial === ROWS) delay *= 0.8;
    }
    expect(partial, "the kill landed in the middle of the import").toBeGreaterThan(0);
    expect(partial).toBeLessThan(ROWS);
    // Consistent: every organization written so far came with its whole row (batches are transactions).
    await withStore(killed, async (db) => {
      const state = await importedState(db);
      const byKey = new Map(expected.orgs.map((row) => [row.key, row]));
      for (const row of state.orgs) expect(row).toEqual(byKey.get(row.key));
      expect(state.audited).toBe(partial);
    });

    const rerun = await cli(killed, ["import", "orgs", csv]);
    expect(rerun.code, rerun.output).toBe(0);
    expect(rerun.output).toContain(`${ROWS - partial} created, 0 updated, ${partial} unchanged, 0 rejected`);
    const after = await withStore(killed, importedState);
    expect(after.orgs).toEqual(expected.orgs);
    expect(after.audited).toBe(ROWS);
    expect(after.indexed).toBe(ROWS);
  }, 300_000);
});

describe.skipIf(Boolean(serverUrl))("SIGKILL in the middle of a reindex and of the server's index build", () => {
  let instance: Instance | undefined;
  afterAll(async () => {
    await instance?.stop();
  });

  test("after the kills, a restarted server's index holds exactly the public organizations and needs", async () => {
    const dir = dataDirOf("reindex");
    if (fs.existsSync(dataDirOf("whole"))) await copyStore("whole", "reindex");
    else {
      await copyStore("base", "reindex");
      expect((await cli("reindex", ["import", "orgs", csv])).code).toBe(0);
    }

    // The reindex command, killed half-way through its run.
    const full = await cli("reindex", ["reindex"]);
    expect(full.code, full.output).toBe(0);
    const killedReindex = await cli("reindex", ["reindex"], full.ms * 0.6);
    expect(killedReindex.signal).toBe("SIGKILL");

    // The server, killed while it builds its index at start (before it listens).
    const env = { DEMO_SEED: "false", BACKGROUND_JOBS: "true" };
    const booting = spawn(process.execPath, ["server.js"], {
      env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), DATA_DIR: dir, SESSION_SECRET: "faults-secret-0123456789abcdef", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let bootLog = "";
    booting.stdout.on("data", (chunk) => (bootLog += chunk));
    booting.stderr.on("data", (chunk) => (bootLog += chunk));
    const exited = new Promise((resolve) => booting.once("exit", resolve));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Still building its index: a server that already exited (no build, a crash) proves nothing.
    expect(booting.exitCode, `the server exited before it was killed:\n${bootLog}`).toBeNull();
    booting.kill("SIGKILL");
    await exited;
    expect(bootLog, "the server was killed before it was ready").not.toContain("listening");

    // While no server runs, the registry grows and an organization is suspended: the next start must show both.
    expect((await cli("reindex", ["import", "orgs", extraCsv])).code).toBe(0);
    const truth = await withStore("reindex", async (db) => {
      const suspended = await db.prisma.organization.findFirstOrThrow({ where: { status: "VERIFIED" }, orderBy: { id: "desc" }, select: { id: true, name: true } });
      await db.prisma.organization.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
      const orgs = await db.prisma.organization.count({ where: { status: "VERIFIED" } });
      const needs = await db.prisma.need.count({ where: { status: { not: "DRAFT" } } });
      const sample = await db.prisma.organization.findMany({ where: { status: "VERIFIED" }, orderBy: { id: "desc" }, take: 5, select: { id: true, name: true } });
      return { orgs, needs, sample, suspended };
    });

    instance = await startInstance({ port: PORT, dataDir: dir, env });
    const health = (await (await fetch(instance.url("/healthz"))).json()) as { ok: boolean; checks: { search: { detail: string } } };
    expect(health.ok).toBe(true);
    const counts = health.checks.search.detail.match(/needs (\d+), orgs (\d+)/);
    expect(counts, health.checks.search.detail).not.toBeNull();
    expect({ needs: Number(counts![1]), orgs: Number(counts![2]) }).toEqual({ needs: truth.needs, orgs: truth.orgs });
    // The newest organizations (imported while no server ran) are found by name; the suspended one is not.
    for (const org of truth.sample) {
      const page = await (await fetch(instance.url(`/orgs?q=${encodeURIComponent(org.name)}`))).text();
      expect(page, org.name).toContain(`/orgs/${org.id}"`);
    }
    const page = await (await fetch(instance.url(`/orgs?q=${encodeURIComponent(truth.suspended.name)}`))).text();
    expect(page).not.toContain(`/orgs/${truth.suspended.id}"`);
  }, 600_000);
});
