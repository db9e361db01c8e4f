// The one database handle. Embedded PGlite in $DATA_DIR/db by default; a PostgreSQL server when DATABASE_URL is
// set. Both speak the PostgreSQL dialect, share one schema and one migration history.
//
// Services import `prisma`. Whoever starts the process (server boot, CLI, test setup) awaits `openDatabase()`
// first, which takes the folder lock and applies pending migrations.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "#app/.server/prisma/client.ts";
import { getEnv } from "#app/env.server.ts";
import { acquireDataDirLock } from "#app/modules/db/data-dir-lock.server.ts";
import { applyMigrations, type SqlRunner } from "#app/modules/db/migrate.server.ts";

export type DatabaseKind = "pglite" | "postgres";

export type Database = {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlRunner;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** Where the embedded database lives (undefined for PostgreSQL and in-memory databases). */
  folder?: string;
  /** The connection string of a PostgreSQL database. */
  url?: string;
  close(): Promise<void>;
};

declare global {
  var __duijieDb: Promise<Database> | undefined;
  var __duijieDbResolved: Database | undefined;
}

type PgliteQueryable = Pick<PGlite, "exec" | "query">;

function pgliteQueries(client: PgliteQueryable): Omit<SqlRunner, "transaction"> {
  return {
    supportsAdvisoryLocks: false,
    async exec(sql) {
      await client.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query<T>(sql, params)).rows;
    },
  };
}

export function pgliteRunner(client: PGlite): SqlRunner {
  return {
    ...pgliteQueries(client),
    transaction: (fn) =>
      client.transaction((tx) =>
        fn({ ...pgliteQueries(tx), transaction: () => Promise.reject(new Error("nested transactions are not supported")) }),
      ),
  };
}

export function poolRunner(pool: pg.Pool): SqlRunner {
  const clientRunner = (client: pg.PoolClient): SqlRunner => ({
    supportsAdvisoryLocks: true,
    async exec(sql) {
      await client.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    transaction: () => Promise.reject(new Error("nested transactions are not supported")),
  });
  return {
    supportsAdvisoryLocks: true,
    async exec(sql) {
      await pool.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(clientRunner(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export function createPrisma(adapter: PrismaPGlite | PrismaPg) {
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils; the runtime contract is the
  // same (covered by every database test), so the cast only bridges the two copies of the type declarations.
  return new PrismaClient({ adapter: adapter as PrismaPg, log: [{ emit: "event", level: "warn" }] });
}

/** Opens (once per process) the database named by the environment and applies pending migrations. */
export function openDatabase(): Promise<Database> {
  globalThis.__duijieDb ??= connect().then((db) => {
    globalThis.__duijieDbResolved = db;
    return db;
  });
  return globalThis.__duijieDb;
}

/** Installs an already-open database (tests). */
export function useDatabase(db: Database) {
  globalThis.__duijieDb = Promise.resolve(db);
  globalThis.__duijieDbResolved = db;
}

export async function closeDatabase() {
  const pending = globalThis.__duijieDb;
  globalThis.__duijieDb = undefined;
  globalThis.__duijieDbResolved = undefined;
  if (pending) await (await pending).close();
}

async function connect(): Promise<Database> {
  const env = getEnv();
  if (env.DATABASE_URL) return connectPostgres(env.DATABASE_URL);
  return connectPglite(path.join(env.dataDir, "db"));
}

export async function connectPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection that the server closes (a PostgreSQL restart or failover, pg_terminate_backend, an idle
  // timeout) is reported on the pool; without a listener Node treats it as an unhandled 'error' event and the whole
  // process exits. The pool drops that connection and opens a new one when it is next needed.
  pool.on("error", (error) => console.error(`[database] an idle connection was closed: ${error.message}`));
  const sql = poolRunner(pool);
  await applyMigrations(sql);
  const prisma = createPrisma(new PrismaPg(pool));
  return {
    kind: "postgres",
    prisma,
    sql,
    pool,
    url: connectionString,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export async function connectPglite(folder: string | null): Promise<Database> {
  let release = () => {};
  if (folder) {
    fs.mkdirSync(folder, { recursive: true });
    release = acquireDataDirLock(path.dirname(folder));
  }
  try {
    const pglite = folder ? await PGlite.create(folder) : await PGlite.create();
    const sql = pgliteRunner(pglite);
    await applyMigrations(sql);
    const prisma = createPrisma(new PrismaPGlite(pglite));
    return {
      kind: "pglite",
      prisma,
      sql,
      pglite,
      folder: folder ?? undefined,
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function current(): Database {
  const db = globalThis.__duijieDbResolved;
  if (!db) throw new Error("The database is not open yet: await openDatabase() at start-up.");
  return db;
}

export function getDatabase(): Database {
  return current();
}

/**
 * The Prisma client of the open database. A proxy, so that modules can import it at load time while the
 * database itself is opened (and migrated) by whoever starts the process.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = current().prisma as unknown as Record<PropertyKey, unknown>;
    const value = client[property];
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbClient = PrismaClient | Tx;
