// Backups of the embedded database. PGlite's dumpDataDir() runs inside its own exclusive lock, so the copy is
// consistent even while the server is serving requests. For PostgreSQL, backups are pg_dump's job (see
// docs/operations.md); the CLI calls pg_dump/pg_restore for you when DATABASE_URL is set.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Database } from "#app/db.server.ts";

export async function backupPglite(db: Database, file: string) {
  if (!db.pglite) throw new Error("backupPglite needs the embedded database");
  const blob = await db.pglite.dumpDataDir("gzip");
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(tmp, target); // never leave a half-written backup under the real name
  return { file: target, bytes: fs.statSync(target).size };
}

/**
 * Replaces the database folder with a backup. The backup is first loaded into a new folder and checked; only then
 * is the current folder moved aside (kept as `<folder>.before-restore-<time>`) and the new one moved in.
 */
export async function restorePglite(folder: string, file: string) {
  const data = fs.readFileSync(path.resolve(file));
  const staging = `${folder}.restoring-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  const probe = await PGlite.create(staging, { loadDataDir: new Blob([data]) });
  try {
    const check = await probe.query<{ count: number }>(`SELECT count(*)::int AS count FROM "_prisma_migrations"`);
    if (!check.rows[0]) throw new Error("The backup has no migration history: not a Duijie database.");
  } finally {
    await probe.close();
  }
  let previous: string | null = null;
  if (fs.existsSync(folder)) {
    previous = `${folder}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(folder, previous);
  }
  fs.renameSync(staging, folder);
  return { previous };
}
