// The search pages end to end over HTTP: the production build (`npm run build` first) serving a seeded corpus,
// autocannon with 50 connections on a rotating set of search URLs, compared in the same run with /healthz on the
// same server. Also reports the server's memory (RSS) with both indexes loaded.
//
//   npm run build
//   DATA_DIR=tests/.artifacts/bench-50k npx tsx tests/bench/search-http.ts [--seconds 20] [--port 3190]
import { spawn } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seconds = arg("seconds", 20);
const port = arg("port", 3190);
const connections = arg("connections", 50);
const dataDir = process.env.DATA_DIR;
if (!dataDir || !fs.existsSync(dataDir)) {
  console.error("Set DATA_DIR to a seeded data folder (see tests/bench/search-engine.ts).");
  process.exit(1);
}
if (!fs.existsSync("build/server/index.js")) {
  console.error("Build first: npm run build");
  process.exit(1);
}

const base = `http://127.0.0.1:${port}`;
const started = Date.now();
const server = spawn(process.execPath, ["server.js"], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DEMO_SEED: "false", SESSION_SECRET: "bench-secret-bench-secret-bench" },
  stdio: ["ignore", "pipe", "inherit"],
});
server.stdout!.on("data", (chunk: Buffer) => process.stdout.write(`  [server] ${chunk}`));
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitForHealth() {
  for (;;) {
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return (await response.json()) as { checks: { search: { detail: string } } };
    } catch {
      /* not up yet */
    }
    if (server.exitCode !== null) throw new Error("the server exited");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function rssOf(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Search URLs a visitor would open: words, facets, sorts, pages, on both pages. */
const SEARCH_PATHS = [
  "/needs",
  "/needs?q=长者食堂",
  "/needs?q=认知障碍&phase=all",
  "/needs?district=310104",
  "/needs?q=助餐&district=310115&sort=deadline",
  "/needs?budget=100k-300k&cross=1",
  "/needs?q=社区&page=2",
  "/needs?q=心理健康 讲座",
  "/orgs",
  "/orgs?q=养老",
  "/orgs?q=阳光之家&grade=3",
  "/orgs?district=310104&kind=SOCIAL_SERVICE",
  "/orgs?q=社工 个案&community=1",
  "/orgs?q=elderly care",
  "/orgs?qual=TAX_EXEMPT&sort=rating",
  "/orgs?q=志愿者&page=3",
].map((path) => encodeURI(path));

function summary({ title, result }: { title: string; result: autocannon.Result }, p95: number) {
  const errors = result.errors + result.timeouts + result.non2xx;
  return `${title.padEnd(34)} ${String(Math.round(result.requests.average)).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p95 ${String(p95).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   errors ${errors}   (${result.requests.total} requests)`;
}

/** autocannon reports p90/p97.5/p99; p95 is measured here from every response time. */
async function measured(title: string, paths: string[]) {
  const samples: number[] = [];
  let index = 0;
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[index++ % paths.length] }) }],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => samples.push(responseTime));
  const result = await instance;
  samples.sort((a, b) => a - b);
  const p95 = Math.round(samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)] ?? 0);
  return summary({ title, result }, p95);
}

try {
  const health = await waitForHealth();
  console.log(`server up in ${((Date.now() - started) / 1000).toFixed(1)} s — search: ${health.checks.search.detail}`);
  console.log(`server memory with both indexes loaded: RSS ${rssOf(server.pid!)} MB (PGlite included)`);
  // Warm up.
  for (const path of SEARCH_PATHS) await fetch(base + path);
  console.log(`autocannon: ${connections} connections, ${seconds} s each, production build, DATA_DIR=${dataDir}`);
  console.log(await measured("/healthz", ["/healthz"]));
  console.log(await measured(`search pages (${SEARCH_PATHS.length} URLs rotating)`, SEARCH_PATHS));
  console.log(await measured("/needs (default view)", ["/needs"]));
  console.log(`server memory after the runs: RSS ${rssOf(server.pid!)} MB`);
} finally {
  stop();
}
