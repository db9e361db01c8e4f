import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import pg from "pg";
import { connectPglite, connectPostgres, getDatabase, type Database } from "#app/db.server.ts";
import { startControlSocket } from "#app/modules/db/control-socket.server.ts";
import { seedReferenceData } from "../../prisma/seed/reference.ts";

/** A fingerprint of every table's contents, to compare two databases. */
async function fingerprint(db: Database) {
  const tables = await db.sql.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const result: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await db.sql.query<{ digest: string | null; count: number }>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*)::int AS count FROM "${tablename}" t`,
    );
    result[tablename] = `${row.count}:${row.digest}`;
  }
  return result;
}

// Asynchronous on purpose: this test process plays the server, and must keep answering while the CLI runs.
function cli(args: string[], dataDir: string, env: Record<string, string> = { DATABASE_URL: "" }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", "cli/index.ts", ...args], { env: { ...process.env, DATA_DIR: dataDir, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("backup and restore of the embedded database", () => {
  test("a backup taken through the running server restores to an identical database", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duijie-backup-"));
    const restoreDir = fs.mkdtempSync(path.join(os.tmpdir(), "duijie-restore-"));
    const file = path.join(os.tmpdir(), `duijie-${process.pid}.tar.gz`);
    const db = await connectPglite(path.join(dataDir, "db"));
    const stop = startControlSocket(dataDir, db);
    await seedReferenceData(db.prisma);
    await db.prisma.organization.create({
      data: { name: "备份测试社区服务中心", kind: "SOCIAL_SERVICE", districtCode: "310104", uscc: "52310104MJ0000000X" },
    });
    const before = await fingerprint(db);

    // The server (this process) holds the folder; the CLI asks it for the backup through the control socket.
    const backup = await cli(["backup", file], dataDir);
    expect(backup.stderr).not.toContain("Error");
    expect(backup.stdout).toContain("Backup written by the running server");

    // Later changes are not in the backup.
    await db.prisma.organization.deleteMany({});
    stop();
    await db.close();

    const restore = await cli(["restore", file], restoreDir);
    expect(restore.status, restore.stderr).toBe(0);
    const restored = await connectPglite(path.join(restoreDir, "db"));
    expect(await fingerprint(restored)).toEqual(before);
    await restored.close();

    // Restoring over an existing database keeps the previous folder beside it.
    const again = await cli(["restore", file], restoreDir);
    expect(again.stdout).toContain("The previous database was kept");
    for (const dir of [dataDir, restoreDir]) fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(file, { force: true });
  }, 180_000);

  test("restore refuses to run while a server holds the folder", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duijie-busy-"));
    const db = await connectPglite(path.join(dataDir, "db"));
    const result = await cli(["restore", "/nonexistent.tar.gz"], dataDir);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Stop the server before restoring");
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("backup and restore on PostgreSQL (pg_dump / pg_restore)", () => {
  test("pg_dump through the CLI restores into a fresh database identical to the original", async () => {
    const db = getDatabase();
    await seedReferenceData(db.prisma);
    await db.prisma.organization.create({
      data: { name: "备份测试社区服务中心", kind: "SOCIAL_SERVICE", districtCode: "310104", uscc: "52310104MJ0000000X" },
    });
    const before = await fingerprint(db);
    const file = path.join(os.tmpdir(), `duijie-pg-${process.pid}.dump`);
    const backup = await cli(["backup", file], os.tmpdir(), { DATABASE_URL: db.url! });
    expect(backup.status, backup.stderr).toBe(0);

    const name = `duijie_restore_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const restore = await cli(["restore", file], os.tmpdir(), { DATABASE_URL: url.toString() });
    expect(restore.status, restore.stderr).toBe(0);
    const restored = await connectPostgres(url.toString());
    expect(await fingerprint(restored)).toEqual(before);
    await restored.close();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(file, { force: true });
  }, 180_000);
});
