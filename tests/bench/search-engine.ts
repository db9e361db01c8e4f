// Embedded search engine on a seeded corpus: index build time from the database, memory with both indexes loaded,
// and latency of a fixed mix of 200 searches — one engine request per search (filters, facets, sort, highlighting),
// and the whole page's search (the service: disjunctive facet counts, shaping) — p50/p95/p99.
//
//   DATA_DIR=tests/.artifacts/bench-50k npm run cli -- seed --orgs 50000 --needs 20000   (once, ~40 s)
//   DATA_DIR=tests/.artifacts/bench-50k npx tsx --expose-gc tests/bench/search-engine.ts
//
// Prints a summary, and one line of JSON (prefixed "RESULT ") to compare runs on corpora of different sizes.
import { closeDatabase, openDatabase, prisma } from "#app/db.server.ts";
import { ANONYMOUS } from "#app/modules/accounts/permissions.ts";
import { parseNeedSearchParams, parseOrgSearchParams } from "#app/modules/search/schemas.ts";
import { searchNeeds, searchOrgs } from "#app/modules/search/service.server.ts";
import { startSearch, stopSearch } from "#app/modules/search/sync.server.ts";
import { benchQueries } from "./search-queries.ts";

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round(bytes / 1e6);

function memory() {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, rss: usage.rss, external: usage.external + usage.arrayBuffers };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return { n: samples.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1], mean };
}

const fmt = (s: ReturnType<typeof stats>) =>
  `p50 ${s.p50.toFixed(2)} ms · p95 ${s.p95.toFixed(2)} ms · p99 ${s.p99.toFixed(2)} ms · max ${s.max.toFixed(1)} ms · mean ${s.mean.toFixed(2)} ms (n=${s.n})`;

await openDatabase();
const [orgCount, needCount] = await Promise.all([prisma.organization.count(), prisma.need.count()]);
if (orgCount < 100) {
  console.error(`The database in DATA_DIR has ${orgCount} organizations. Seed a corpus first, e.g.\n  DATA_DIR=${process.env.DATA_DIR ?? "./data"} npm run cli -- seed --orgs 50000 --needs 20000`);
  process.exit(1);
}
if (!gc) console.warn("(run with --expose-gc for steadier memory figures)");
const before = memory();
const started = performance.now();
const search = await startSearch();
const buildMs = performance.now() - started;
const after = memory();
const { documents } = search.status;
console.log(`corpus: ${orgCount} organizations (${documents.orgs} verified, indexed), ${needCount} needs (${documents.needs} public, indexed)`);
console.log(`index build from the database: ${(buildMs / 1000).toFixed(1)} s (both indexes, reading, segmenting and indexing)`);
console.log(`memory with both indexes: heap +${mb(after.heap - before.heap)} MB (heap ${mb(after.heap)} MB), RSS ${mb(after.rss)} MB (before: ${mb(before.rss)} MB)`);

const queries = await benchQueries();
const engineTimes: number[] = [];
const pageTimes: number[] = [];
const slowest: { ms: number; label: string; index: string }[] = [];
const now = new Date();
// Warm up (JIT, caches), then measure.
for (const query of queries) await search.engine[query.index].search(query.request);
for (let round = 0; round < ROUNDS; round++) {
  for (const query of queries) {
    const t = performance.now();
    await search.engine[query.index].search(query.request);
    const ms = performance.now() - t;
    engineTimes.push(ms);
    slowest.push({ ms, label: query.label, index: query.index });
  }
}
for (let round = 0; round < ROUNDS; round++) {
  for (const query of queries) {
    const t = performance.now();
    if (query.index === "needs") await searchNeeds({ params: parseNeedSearchParams(query.urlParams).value, urlParams: query.urlParams, actor: ANONYMOUS, now });
    else await searchOrgs({ params: parseOrgSearchParams(query.urlParams).value, urlParams: query.urlParams, actor: ANONYMOUS, now });
    pageTimes.push(performance.now() - t);
  }
}
const engine = stats(engineTimes);
const page = stats(pageTimes);
console.log(`search, one engine request with filters and facets (${queries.length} queries × ${ROUNDS}): ${fmt(engine)}`);
console.log(`search, a whole page (service: main + disjunctive facet requests, shaping; includes the outbox check): ${fmt(page)}`);
console.log(
  "slowest engine requests:",
  slowest
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((s) => `${s.index} "${s.label}" ${s.ms.toFixed(1)} ms`)
    .join("; "),
);
console.log(
  "RESULT " +
    JSON.stringify({ orgs: documents.orgs, needs: documents.needs, buildMs: Math.round(buildMs), heapMB: mb(after.heap - before.heap), rssMB: mb(after.rss), engine, page }),
);
await stopSearch();
await closeDatabase();
