// Applies pending migrations from prisma/migrations before anything else touches the database. It keeps the
// `_prisma_migrations` table in Prisma's own format, so `prisma migrate deploy/status` agree with it, and it
// takes Prisma's advisory lock on PostgreSQL so two instances starting together never migrate twice.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type SqlRunner = {
  /** Runs several statements (simple query protocol). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn inside a transaction on one connection. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  supportsAdvisoryLocks: boolean;
};

const PRISMA_MIGRATE_LOCK = 72707369; // the key `prisma migrate` uses

export function migrationsDir() {
  return path.resolve(process.env.MIGRATIONS_DIR ?? path.join(process.cwd(), "prisma", "migrations"));
}

export function listMigrations(dir = migrationsDir()) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => {
      const sql = fs.readFileSync(path.join(dir, entry.name, "migration.sql"), "utf8");
      return { name: entry.name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function applyMigrations(db: SqlRunner, dir = migrationsDir()): Promise<string[]> {
  const migrations = listMigrations(dir);
  return db.transaction(async (tx) => {
    if (tx.supportsAdvisoryLocks) await tx.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const applied = await tx.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(applied.map((row) => [row.migration_name, row.checksum]));
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied (checksum mismatch).`);
        }
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      newlyApplied.push(migration.name);
    }
    return newlyApplied;
  });
}
