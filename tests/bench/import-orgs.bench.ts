// Registry-import throughput: `npx tsx tests/bench/import-orgs.bench.ts [sizes…]` (default 5000 50000).
// For each size: a fresh embedded database in a temporary folder (on disk, like `npm run cli`), the reference
// data, a CSV of N valid generated organizations (prisma/seed/generators.ts), then the same call the CLI command
// makes (`importOrgsFile`), timed; then the same file again (nothing may change), timed. Not run by `npm test`.
// KEEP_BENCH_DIR=1 keeps the temporary folder (database and CSV) for a closer look.
import "#app/i18n/zod-errors.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, connectPglite, prisma, useDatabase as installDatabase } from "#app/db.server.ts";
import { systemActor } from "#app/modules/accounts/permissions.ts";
import { importOrgsFile } from "#app/modules/orgs/import.server.ts";
import { buildCsv } from "../org-csv.ts";
import { seedReferenceData } from "../../prisma/seed/reference.ts";

function memorySampler() {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      const usage = process.memoryUsage();
      return { peakRss: Math.max(peakRss, usage.rss), peakHeap: Math.max(peakHeap, usage.heapUsed) };
    },
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function run(size: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `duijie-import-bench-${size}-`));
  const db = await connectPglite(path.join(dir, "db"));
  installDatabase(db);
  try {
    await seedReferenceData(db.prisma);
    const file = path.join(dir, `registry-${size}.csv`);
    const generatedAt = Date.now();
    await buildCsv(size, file);
    const bytes = fs.statSync(file).size;
    console.log(`\n${size} rows: generated ${file} (${mb(bytes)}) in ${((Date.now() - generatedAt) / 1000).toFixed(1)} s`);

    const actor = systemActor("bench");
    const sampler = memorySampler();
    const started = performance.now();
    const first = await importOrgsFile(actor, { fileName: path.basename(file), content: fs.readFileSync(file) });
    const seconds = (performance.now() - started) / 1000;
    const memory = sampler.stop();
    const againStarted = performance.now();
    const again = await importOrgsFile(actor, { fileName: path.basename(file), content: fs.readFileSync(file) });
    const againSeconds = (performance.now() - againStarted) / 1000;
    const orgs = await prisma.organization.count();
    const tags = await prisma.orgTag.count();
    if (first.created !== size || first.rejectedCount !== 0) {
      throw new Error(`expected ${size} created and 0 rejected, got ${first.created} created, ${first.rejectedCount} rejected: ${JSON.stringify(first.rejected.slice(0, 3))}`);
    }
    if (again.unchanged !== size || again.created + again.updated !== 0) throw new Error(`second import changed rows: ${JSON.stringify(again)}`);
    return { size, bytes, seconds, rate: size / seconds, againSeconds, memory, orgs, tags };
  } finally {
    await closeDatabase();
    if (process.env.KEEP_BENCH_DIR) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const results = [];
for (const size of sizes.length > 0 ? sizes : [5_000, 50_000]) results.push(await run(size));

console.log(`\nimport orgs — ${os.cpus().length} cores, Node ${process.version}, embedded PGlite on disk`);
console.log("rows    | file   | import  | rows/s | same file again | peak RSS | peak heap | org-tag rows");
for (const r of results) {
  console.log(
    [
      String(r.size).padEnd(7),
      mb(r.bytes).padEnd(6),
      `${r.seconds.toFixed(1)} s`.padEnd(7),
      String(Math.round(r.rate)).padEnd(6),
      `${r.againSeconds.toFixed(1)} s (0 changes)`.padEnd(15),
      mb(r.memory.peakRss).padEnd(8),
      mb(r.memory.peakHeap).padEnd(9),
      String(r.tags),
    ].join(" | "),
  );
}
const big = results.find((r) => r.size === 50_000);
if (big) console.log(`\n50,000 rows in ${big.seconds.toFixed(1)} s — goal: under 60 s ${big.seconds < 60 ? "✔" : "✘"}`);
