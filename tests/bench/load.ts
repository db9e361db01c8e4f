// Load: the production build serving the seeded 50k corpus, autocannon with 200 connections for 60 s on a mix of
// home, search (/needs?q=…, /orgs?q=…), need and organization pages, and at the same time a write mix — bids and
// questions by logged-in organizations, with their CSRF tokens — at 20 requests per second. Reports requests per
// second, latency percentiles, errors and non-2xx answers for both, and the server's memory. Not run by `npm test`.
//
//   npm run build
//   DATA_DIR=/tmp/duijie-bench npm run cli -- seed --orgs 50000 --needs 20000
//   DATA_DIR=/tmp/duijie-bench npx tsx tests/bench/load.ts [--seconds 60] [--connections 200] [--writes 20] [--port 3215]
//
// Before the server starts, the script adds 40 organization accounts (password below) to the corpus, on verified
// organizations, and picks open needs that any verified organization may bid on; it changes nothing else.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { closeDatabase, openDatabase, prisma } from "#app/db.server.ts";
import { hashPassword } from "#app/modules/accounts/password.server.ts";
import { Client } from "../multi/instances.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seconds = arg("seconds", 60);
const connections = arg("connections", 200);
const writesPerSecond = arg("writes", 20);
const port = arg("port", 3215);
const dataDir = process.env.DATA_DIR;
if (!dataDir || !fs.existsSync(path.join(dataDir, "db"))) {
  console.error("Set DATA_DIR to a seeded data folder: DATA_DIR=… npm run cli -- seed --orgs 50000 --needs 20000");
  process.exit(1);
}
if (!fs.existsSync("build/server/index.js")) {
  console.error("Build first: npm run build");
  process.exit(1);
}
const PASSWORD = "Load-bench-2026";
const WRITERS = 40;

// ── prepare: accounts and targets (the server is not running yet; the folder is ours) ──
await openDatabase();
const passwordHash = await hashPassword(PASSWORD);
const now = new Date();
const orgs = await prisma.organization.findMany({
  where: { status: "VERIFIED", users: { none: {} } },
  orderBy: { id: "asc" },
  take: WRITERS,
  select: { id: true },
});
const writers: string[] = [];
for (const [i, org] of orgs.entries()) {
  const email = `load-writer-${i}@bench.duijie`;
  await prisma.user.upsert({
    where: { email },
    create: { email, passwordHash, displayName: `压测机构用户${i}`, role: "ORG", status: "ACTIVE", orgId: org.id },
    update: { passwordHash, orgId: org.id, status: "ACTIVE" },
  });
  writers.push(email);
}
const openNeeds = await prisma.need.findMany({
  where: {
    status: "PUBLISHED",
    bidDeadline: { gt: new Date(now.getTime() + 24 * 3600_000) },
    enquiryDeadline: { gt: new Date(now.getTime() + 3600_000) },
    method: { in: ["OPEN_TENDER", "COMPETITIVE_CONSULTATION", "COMPETITIVE_NEGOTIATION", "REQUEST_FOR_QUOTATION"] },
    minGrade: null,
    allowedKinds: { isEmpty: true },
    requiredQualifications: { isEmpty: true },
    crossDistrict: true,
    minYearsRegistered: null,
    minSocialWorkers: null,
  },
  orderBy: { id: "asc" },
  take: 50,
  select: { id: true, budget: true },
});
const someNeeds = await prisma.need.findMany({ where: { status: { not: "DRAFT" } }, orderBy: { id: "asc" }, select: { id: true }, take: 20000 });
const someOrgs = await prisma.organization.findMany({ where: { status: "VERIFIED" }, orderBy: { id: "asc" }, select: { id: true }, take: 50000 });
const counts = { orgs: await prisma.organization.count(), needs: await prisma.need.count() };
await closeDatabase();
if (openNeeds.length === 0) throw new Error("no open need without eligibility rules in this corpus");
console.log(`corpus: ${counts.orgs} organizations, ${counts.needs} needs; ${writers.length} writer accounts; ${openNeeds.length} open needs to bid on`);

// ── the server ──
const base = `http://127.0.0.1:${port}`;
const bootStarted = Date.now();
const server = spawn(process.execPath, ["server.js"], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DEMO_SEED: "false", SESSION_SECRET: "load-bench-secret-load-bench-secret" },
  stdio: ["ignore", "pipe", "pipe"],
});
let serverLog = "";
server.stdout!.on("data", (chunk: Buffer) => (serverLog += chunk));
server.stderr!.on("data", (chunk: Buffer) => (serverLog += chunk));
process.on("exit", () => server.kill("SIGTERM"));
for (;;) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    /* not up yet */
  }
  if (server.exitCode !== null) throw new Error(`the server exited:\n${serverLog}`);
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.log(`server up in ${((Date.now() - bootStarted) / 1000).toFixed(1)} s; ${serverLog.trim().split("\n").slice(-2).join(" | ")}`);

function rss() {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

// ── the read mix ──
const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length];
const QUERIES = ["长者", "助餐", "社区", "心理", "青少年", "养老服务", "残疾人", "志愿者", "家庭教育", "社工", "助老", "环保", "文化", "法律援助", "徐汇"];
const readPaths: string[] = [];
for (let i = 0; i < 400; i++) {
  const kind = i % 6;
  if (kind === 0) readPaths.push("/");
  else if (kind === 1) readPaths.push(`/needs?q=${encodeURIComponent(pick(QUERIES, i))}`);
  else if (kind === 2) readPaths.push(`/orgs?q=${encodeURIComponent(pick(QUERIES, i + 3))}`);
  else if (kind === 3) readPaths.push(`/needs/${pick(someNeeds, i).id}`);
  else if (kind === 4) readPaths.push(`/orgs/${pick(someOrgs, i).id}`);
  else readPaths.push(i % 12 === 5 ? "/needs" : "/orgs");
}

// ── the write mix: log in, then bids and questions at a steady rate ──
type WriteStats = { sent: number; ok: number; non2xx: Record<string, number>; errors: number; errorKinds: Record<string, number>; latencies: number[] };
const writes: WriteStats = { sent: 0, ok: 0, non2xx: {}, errors: 0, errorKinds: {}, latencies: [] };
const clients: Client[] = [];
for (const email of writers) {
  const client = new Client((p) => `${base}${p}`);
  await client.get("/login");
  const login = await client.post("/login", { email, password: PASSWORD });
  if (login.status !== 302) throw new Error(`log-in failed for ${email}: ${login.status}`);
  clients.push(client);
}
// A CSRF token per session: read once from a page that has a form.
for (const client of clients) await client.get(`/needs/${openNeeds[0].id}/bid`);

async function oneWrite(i: number) {
  const client = clients[i % clients.length];
  const need = openNeeds[Math.floor(i / clients.length) % openNeeds.length];
  const started = performance.now();
  writes.sent++;
  try {
    const response =
      i % 2 === 0
        ? await client.post(`/needs/${need.id}/bid`, {
            intent: "submit-bid",
            price: String(Math.max(1000, Math.floor((need.budget ?? 100_000) * 0.9) - (i % 97))),
            proposal: `压测投标方案第 ${i} 版：组建专项团队，按月制定服务计划并开展满意度回访。`,
            "team[0].name": "王芳",
            "team[0].role": "项目主管",
            "team[0].certifiedSocialWorker": "on",
          })
        : await client.post(`/needs/${need.id}`, { intent: "ask", question: `压测提问 ${i}：服务人数和场地是否由街道提供？` });
    writes.latencies.push(performance.now() - started);
    if (response.status === 302 || (response.status >= 200 && response.status < 300)) writes.ok++;
    else writes.non2xx[response.status] = (writes.non2xx[response.status] ?? 0) + 1;
  } catch (error) {
    writes.errors++;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const kind = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    writes.errorKinds[kind] = (writes.errorKinds[kind] ?? 0) + 1;
  }
}

const rssSamples: number[] = [rss()];
const sampler = setInterval(() => rssSamples.push(rss()), 1000);
const loadStarted = Date.now();
const inFlight: Promise<void>[] = [];
let writeIndex = 0;
const writer = setInterval(() => {
  if (Date.now() - loadStarted >= seconds * 1000) return;
  inFlight.push(oneWrite(writeIndex++));
}, 1000 / writesPerSecond);

const readLatencies: number[] = [];
const readStatuses: Record<string, number> = {};
const instance = autocannon({
  url: base,
  connections,
  duration: seconds,
  requests: readPaths.map((p) => ({ method: "GET", path: p })),
});
instance.on("response", (_client, statusCode, _bytes, responseTime) => {
  readLatencies.push(responseTime);
  readStatuses[statusCode] = (readStatuses[statusCode] ?? 0) + 1;
});
const result = await instance;
clearInterval(writer);
await Promise.all(inFlight);
clearInterval(sampler);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};
const load = os.loadavg().map((v) => v.toFixed(2)).join(" ");
console.log(`\nload — ${os.cpus().length} cores, Node ${process.version}, embedded PGlite and search; load average after the run: ${load}`);
console.log(`reads  (${connections} connections, ${seconds} s, ${readPaths.length} URLs: home, /needs?q=, /orgs?q=, need and organization pages):`);
console.log(
  `  ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s; latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
);
console.log(`  exact from every response: p50 ${percentile(readLatencies, 50).toFixed(0)} ms, p95 ${percentile(readLatencies, 95).toFixed(0)} ms, p99 ${percentile(readLatencies, 99).toFixed(0)} ms; statuses ${JSON.stringify(readStatuses)}`);
console.log(`  errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
const p95 = percentile(readLatencies, 95);
console.log(`  goal p95 under 200 ms ${p95 < 200 ? "✔" : "✘"}; zero errors and non-2xx ${result.errors === 0 && result.non2xx === 0 ? "✔" : "✘"}`);
console.log(`writes (${writesPerSecond}/s: bids and questions, ${clients.length} logged-in organizations, CSRF tokens):`);
console.log(
  `  ${writes.sent} sent, ${(writes.sent / seconds).toFixed(1)}/s; ${writes.ok} ok (302), non-2xx ${JSON.stringify(writes.non2xx)}, errors ${writes.errors} ${JSON.stringify(writes.errorKinds)}; latency p50 ${percentile(writes.latencies, 50).toFixed(0)} ms, p95 ${percentile(writes.latencies, 95).toFixed(0)} ms, p99 ${percentile(writes.latencies, 99).toFixed(0)} ms`,
);
console.log(`server RSS: ${rssSamples[0]} MB before, ${Math.max(...rssSamples)} MB peak, ${rssSamples[rssSamples.length - 1]} MB after`);
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
