// Helpers to run real app instances (production build, server.js) in tests: start, wait for /healthz, stop, and
// a tiny HTTP client with a cookie jar that reads CSRF tokens from the pages it fetches.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** How an instance ended: its exit code or signal, how long the stop took, and whether the helper had to SIGKILL it. */
export type Stopped = { code: number | null; signal: NodeJS.Signals | null; ms: number; killed: boolean; log: string };

export type Instance = { port: number; dataDir: string; process: ChildProcess; log: () => string; stop: () => Promise<Stopped>; url: (p: string) => string };

export async function startInstance(options: { port: number; env?: Record<string, string>; dataDir?: string }): Promise<Instance> {
  if (!fs.existsSync("build/server/index.js")) throw new Error("Build the app first (npm run build).");
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `duijie-instance-${options.port}-`));
  let output = "";
  const child = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      DATA_DIR: dataDir,
      SESSION_SECRET: "multi-instance-secret-0123456789",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = (p: string) => `http://127.0.0.1:${options.port}${p}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance on ${options.port} exited:\n${output}`);
    try {
      const response = await fetch(url("/healthz"));
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`instance on ${options.port} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    port: options.port,
    dataDir,
    process: child,
    log: () => output,
    url,
    stop: () =>
      new Promise<Stopped>((resolve) => {
        const started = Date.now();
        const ended = () => ({ code: child.exitCode, signal: child.signalCode, ms: Date.now() - started, killed, log: output.slice(-4000) });
        let killed = false;
        // Already gone (crashed, or killed by a signal): its 'exit' has fired and will not fire again.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(ended());
        // A graceful stop takes a second or two; one that hangs is reported (with the log) and killed.
        const kill = setTimeout(() => {
          console.error(`instance on ${options.port} did not stop within 20 s; killing it. Its log:\n${output.slice(-4000)}`);
          killed = true;
          child.kill("SIGKILL");
        }, 20_000);
        child.once("exit", () => {
          clearTimeout(kill);
          resolve(ended());
        });
        child.kill("SIGTERM");
      }),
  };
}

/** A browser-like client: keeps cookies, fills the CSRF field from the last page it fetched. */
export class Client {
  cookies = new Map<string, string>();
  csrf = "";

  constructor(public base: (p: string) => string) {}

  use(base: (p: string) => string) {
    const other = new Client(base);
    other.cookies = this.cookies;
    other.csrf = this.csrf;
    return other;
  }

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(p: string) {
    const response = await fetch(this.base(p), { headers: { cookie: this.cookieHeader() }, redirect: "manual" });
    this.remember(response);
    const text = await response.text();
    const match = text.match(/name="csrf" value="([^"]+)"/);
    if (match) this.csrf = match[1];
    return { status: response.status, text, location: response.headers.get("location") };
  }

  async post(p: string, fields: Record<string, string>) {
    const origin = new URL(this.base("/")).origin;
    const response = await fetch(this.base(p), {
      method: "POST",
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded", origin },
      body: new URLSearchParams({ csrf: this.csrf, ...fields }),
      redirect: "manual",
    });
    this.remember(response);
    return { status: response.status, text: await response.text(), location: response.headers.get("location") };
  }
}
