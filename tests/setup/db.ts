// Every test file gets its own real database with the migrations applied: an in-memory PGlite by default, or a
// fresh database on the PostgreSQL server named by TEST_DATABASE_URL (.ci/run sets it for the second pass).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { connectPglite, connectPostgres, useDatabase, type Database } from "#app/db.server.ts";

let db: Database | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `duijie_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    db = await connectPostgres(url.toString());
    dropDatabase = async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      // pg's Pool.end() resolves before its sockets have closed; dropping WITH (FORCE) while they are still closing
      // makes the server kill them, and the dying client's error surfaces as an unhandled exception. Wait (briefly)
      // until the server has seen every connection of the test database go.
      for (let i = 0; i < 50; i++) {
        const { rows } = await dropper.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    };
  } else {
    db = await connectPglite(null);
  }
  useDatabase(db);
});

afterAll(async () => {
  await db?.close();
  await dropDatabase?.();
});
