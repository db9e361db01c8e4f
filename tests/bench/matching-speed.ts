// Matching speed on a seeded corpus: ranked eligible organizations for one need (the 匹配机构 tab and `match`),
// p50/p95 over a fixed sample of published needs, and the server's memory with both indexes loaded.
//
//   DATA_DIR=tests/.artifacts/bench-50k npm run cli -- seed --orgs 50000 --needs 20000   (once)
//   DATA_DIR=tests/.artifacts/bench-50k npx tsx --expose-gc tests/bench/matching-speed.ts
import { closeDatabase, openDatabase, prisma } from "#app/db.server.ts";
import { matchNeedsForOrg, matchOrgsForNeed, NEED_SUBJECT_SELECT, toNeedSubject } from "#app/modules/matching/engine.server.ts";
import { startSearch, stopSearch } from "#app/modules/search/sync.server.ts";

const SAMPLE = Number(process.env.SAMPLE ?? 100);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round(bytes / 1e6);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { n: samples.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}
const fmt = (s: ReturnType<typeof stats>) => `p50 ${s.p50.toFixed(1)} ms · p95 ${s.p95.toFixed(1)} ms · p99 ${s.p99.toFixed(1)} ms · max ${s.max.toFixed(1)} ms (n=${s.n})`;

await openDatabase();
const orgCount = await prisma.organization.count();
if (orgCount < 1000) {
  console.error(`DATA_DIR has ${orgCount} organizations; seed a corpus first (see the header of this file).`);
  process.exit(1);
}
gc?.();
const before = process.memoryUsage();
const started = performance.now();
const search = await startSearch();
console.log(`corpus: ${orgCount} organizations (${search.status.documents.orgs} indexed), ${search.status.documents.needs} public needs; index build ${((performance.now() - started) / 1000).toFixed(1)} s`);
gc?.();
const loaded = process.memoryUsage();
console.log(`memory with both indexes: RSS ${mb(loaded.rss)} MB (before ${mb(before.rss)} MB), heap ${mb(loaded.heapUsed)} MB`);

// A fixed sample: every k-th published need (a mix of tags, districts and rules).
const published = await prisma.need.findMany({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" }, select: NEED_SUBJECT_SELECT });
const step = Math.max(1, Math.floor(published.length / SAMPLE));
const sample = published.filter((_, i) => i % step === 0).slice(0, SAMPLE).map((row) => ({ id: row.id, subject: toNeedSubject(row) }));
const withRules = sample.filter((s) => s.subject.rules.minGrade || !s.subject.rules.crossDistrict || s.subject.rules.requiredQualifications.length).length;
console.log(`sample: ${sample.length} needs (${withRules} with eligibility rules)`);
const at = new Date();

for (const need of sample.slice(0, 10)) await matchOrgsForNeed(need.subject, { limit: 20, at }); // warm-up
const times: number[] = [];
let listed = 0;
let eligible = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const need of sample) {
    const t0 = performance.now();
    const result = await matchOrgsForNeed(need.subject, { limit: 20, at });
    times.push(performance.now() - t0);
    listed += result.results.length;
    eligible += result.eligibleTotal;
  }
}
console.log(`match one need → 20 organizations: ${fmt(stats(times))}`);
console.log(`  on average ${(listed / times.length).toFixed(1)} listed, ${Math.round(eligible / times.length)} organizations eligible per need`);

const orgs = await prisma.organization.findMany({ where: { status: "VERIFIED" }, orderBy: { id: "asc" }, take: 2000, select: { id: true } });
const orgSample = orgs.filter((_, i) => i % 40 === 0).slice(0, 50);
const orgTimes: number[] = [];
for (const org of orgSample) {
  const t0 = performance.now();
  await matchNeedsForOrg(org.id, { limit: 20, at });
  orgTimes.push(performance.now() - t0);
}
console.log(`recommend needs for one organization: ${fmt(stats(orgTimes))}`);
gc?.();
console.log(`memory after: RSS ${mb(process.memoryUsage().rss)} MB, heap ${mb(process.memoryUsage().heapUsed)} MB`);
await stopSearch();
await closeDatabase();
