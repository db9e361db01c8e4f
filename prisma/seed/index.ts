// `npm run cli -- seed` and the first start of an empty embedded database.
import { getDatabase, prisma } from "#app/db.server.ts";
import { seedDemo, type DemoOptions } from "./demo.ts";
import { seedReferenceData } from "./reference.ts";

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo.ts";
export { seedReferenceData } from "./reference.ts";

export async function hasDemoData() {
  return (await prisma.organization.count()) > 0 || (await prisma.user.count()) > 0;
}

/** Reference data always; demo data only into a database that has none. */
export type SeedResult =
  | { demo: false; skipped?: "existing data" }
  | { demo: true; orgs: number; buyers: number; needs: number };

export async function seedAll(options: DemoOptions & { demo?: boolean } = {}): Promise<SeedResult> {
  await seedReferenceData(prisma);
  if (options.demo === false || ((options.orgs ?? 200) === 0 && (options.needs ?? 60) === 0)) return { demo: false };
  if (await hasDemoData()) return { demo: false, skipped: "existing data" };
  const result = await seedDemo(prisma, options);
  // Fresh planner statistics: PGlite has no autovacuum, and a bulk load leaves the planner guessing row counts.
  await prisma.$executeRawUnsafe("ANALYZE");
  return { demo: true, ...result };
}

/** Called at server start on the embedded defaults: an empty database gets the demo data. */
export async function seedDemoIfEmpty() {
  // Several instances may start together on one PostgreSQL server: one seeds, the others wait and find data.
  const pool = getDatabase().pool;
  if (!pool) return seedIfEmptyUnlocked();
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [SEED_LOCK]);
    await seedIfEmptyUnlocked();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [SEED_LOCK]).catch(() => {});
    client.release();
  }
}

const SEED_LOCK = 72707370;

async function seedIfEmptyUnlocked() {
  if ((await prisma.district.count()) > 0 && (await hasDemoData())) return;
  const started = Date.now();
  const result = await seedAll();
  if (result.demo) console.log(`Loaded demo data in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/** Empties every table except the migration history (the `seed --reset` option). */
export async function resetDatabase() {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await prisma.$executeRawUnsafe(
    `TRUNCATE TABLE ${tables.map((t) => `"${t.tablename.replace(/"/g, '""')}"`).join(", ")} RESTART IDENTITY CASCADE`,
  );
}
