// Several app instances on one PostgreSQL server (runs when TEST_DATABASE_URL is set; .ci/run provides one).
// Both instances start at the same time on an empty database: migrations and demo data happen once.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectPostgres, useDatabase, type Database } from "#app/db.server.ts";
import { actorOf, makeUser, TEST_PASSWORD } from "#tests/factories.ts";
import { BID, bidder, closeBidding, publishedNeed } from "#tests/need-factories.ts";
import { getEvaluation, saveScores } from "#app/modules/bids/evaluation.server.ts";
import { submitBid } from "#app/modules/bids/bids.server.ts";
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
    // The services and factories of this file work on the instances' database (not the per-file test database).
    useDatabase(db);
  }, 240_000);

  afterAll(async () => {
    const stopped = await Promise.all([a?.stop(), b?.stop()]);
    // A stop is graceful (exit code 0 within the server's own 10 s bound), never the bound or the test's SIGKILL.
    for (const result of stopped) if (result) expect(result, result.log).toMatchObject({ code: 0, signal: null, killed: false });
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

  test("the one-award rule holds across instances: two buyers on A and B award the same need at once, one wins, the other gets 409", async () => {
    const lead = await db.prisma.user.findUniqueOrThrow({ where: { email: "buyer@duijie.demo" } });
    const leadActor = actorOf(lead);
    const colleague = await makeUser({ role: "BUYER", buyerUnitId: lead.buyerUnitId });
    const onA = new Client(a.url);
    await onA.get("/login");
    expect((await onA.post("/login", { email: lead.email, password: "Duijie-demo-2026" })).status).toBe(302);
    const onB = new Client(b.url);
    await onB.get("/login");
    expect((await onB.post("/login", { email: colleague.email, password: TEST_PASSWORD })).status).toBe(302);

    for (let round = 0; round < 3; round++) {
      // A closed need with three scored, shortlisted bids.
      const needId = await publishedNeed(leadActor);
      const orgs = await Promise.all([bidder(), bidder(), bidder()]);
      for (const [i, org] of orgs.entries()) await submitBid(org.actor, needId, { ...BID, price: 400_000 + i * 10_000 });
      await closeBidding(needId);
      const evaluation = await getEvaluation(leadActor, needId);
      if (evaluation.sealed) throw new Error("expected open bids");
      const bidIds = evaluation.bids.map((bid) => bid.id);
      await saveScores(
        leadActor,
        needId,
        evaluation.bids.map((bid, i) => ({ bidId: bid.id, shortlisted: true, note: "", scores: evaluation.need.criteria.map((c) => ({ criterionId: c.id, score: 90 - i })) })),
      );
      const page = `/workspace/needs/${needId}/evaluation`;
      expect((await onA.get(page)).status).toBe(200);
      expect((await onB.get(page)).status).toBe(200);
      const [fromA, fromB] = await Promise.all([
        onA.post(page, { intent: "award", bidId: String(bidIds[0]), notice: "经评审确定成交机构。", reason: "" }),
        onB.post(page, { intent: "award", bidId: String(bidIds[1]), notice: "经评审确定成交机构。", reason: "本地服务网点更多，综合考虑" }),
      ]);
      const statuses = [fromA.status, fromB.status].sort();
      expect(statuses, `A: ${fromA.status}, B: ${fromB.status}`).toEqual([302, 409]);
      const refused = fromA.status === 409 ? fromA : fromB;
      expect(refused.text).toContain("本项目已确定成交机构，不能重复定标。");
      const awards = await db.prisma.award.findMany({ where: { needId } });
      expect(awards).toHaveLength(1);
      expect(awards[0].bidId).toBe(fromA.status === 302 ? bidIds[0] : bidIds[1]);
      expect(await db.prisma.bid.count({ where: { needId, status: "AWARDED" } })).toBe(1);
      expect(await db.prisma.auditLog.count({ where: { action: "need.award", entityId: String(needId) } })).toBe(1);
    }
  }, 120_000);

  test("an instance survives PostgreSQL closing its connections (restart, failover, pg_terminate_backend)", async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const { rows } = await admin.query(
      `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [name],
    );
    await admin.end();
    expect(rows.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const instance of [a, b]) {
      expect(instance.process.exitCode, instance.log().slice(-2000)).toBeNull();
      expect((await fetch(instance.url("/healthz"))).status).toBe(200);
    }
    expect(await db.prisma.user.count({ where: { email: "admin@duijie.demo" } })).toBe(1);
  }, 60_000);
});
