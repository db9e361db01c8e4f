// Several app instances on one PostgreSQL server (runs when TEST_DATABASE_URL is set; .ci/run provides one).
// Both instances start at the same time on an empty database: migrations and demo data happen once.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectPostgres, type Database } from "#app/db.server.ts";
import { notify } from "#app/modules/notify/notifications.server.ts";
import { Client, startInstance, type Instance } from "./instances.ts";

const serverUrl = process.env.TEST_DATABASE_URL;
const name = `duijie_multi_${process.pid}`;
let databaseUrl = "";
let a: Instance;
let b: Instance;
let db: Database;

describe.runIf(Boolean(serverUrl))("two app instances on one PostgreSQL server", () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    const env = { DATABASE_URL: databaseUrl, DEMO_SEED: "true" };
    [a, b] = await Promise.all([startInstance({ port: 3211, env }), startInstance({ port: 3212, env })]);
    db = await connectPostgres(databaseUrl);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  test("starting together, the instances migrate and seed exactly once", async () => {
    const migrations = await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM "_prisma_migrations"`);
    const onDisk = fs.readdirSync("prisma/migrations").filter((entry) => fs.existsSync(path.join("prisma/migrations", entry, "migration.sql")));
    expect(migrations[0].count).toBe(onDisk.length);
    expect(await db.prisma.user.count({ where: { email: "admin@duijie.demo" } })).toBe(1);
    expect(await db.prisma.district.count()).toBe(16);
  });

  test("a session opened on one instance works on the other, and logging out on either ends it", async () => {
    const onA = new Client(a.url);
    await onA.get("/login");
    const login = await onA.post("/login", { email: "buyer@duijie.demo", password: "Duijie-demo-2026" });
    expect(login.status).toBe(302);
    const onB = onA.use(b.url);
    const workspace = await onB.get("/workspace");
    expect(workspace.status).toBe(200);
    expect(workspace.text).toContain("枫林路街道 李老师");
    await onB.post("/logout", {});
    expect((await onA.get("/workspace")).status).toBe(302);
  });

  test("outbox work is done once: every notification is e-mailed exactly once across both instances", async () => {
    const users = await db.prisma.user.findMany({ where: { status: "ACTIVE" }, select: { id: true } });
    await db.prisma.$transaction(async (tx) => {
      for (let i = 0; i < 20; i++) {
        await notify(tx, { userIds: users.map((u) => u.id), kind: "test.broadcast", titleKey: "notifications.title", dedupeKey: `multi-${i}` });
      }
    });
    const expected = users.length * 20;
    const mailCount = () =>
      [a, b].reduce((sum, instance) => {
        const folder = path.join(instance.dataDir, "mail");
        return sum + (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith(".eml")).length : 0);
      }, 0);
    const deadline = Date.now() + 90_000;
    while (mailCount() < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    await new Promise((r) => setTimeout(r, 3000)); // a double send would show up by now
    expect(mailCount()).toBe(expected);
    expect(await db.prisma.notification.count({ where: { kind: "test.broadcast", emailedAt: null } })).toBe(0);
    const perInstance = [a, b].map((instance) => fs.readdirSync(path.join(instance.dataDir, "mail")).length);
    // Both instances took part (the work was shared, not done by one while the other idled).
    expect(perInstance.every((count) => count > 0)).toBe(true);
  }, 120_000);
});
