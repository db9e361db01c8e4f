// The whole app in the test process: a Remix server build assembled from the route table (app/routes.ts), the
// route modules and app/entry.server.tsx, served by Remix's own request handler. Requests go through the real
// routing, loaders, actions, services, permission checks and server rendering — everything but server.js (whose
// headers are tested against the production build in tests/e2e/security.test.ts). Each test file has its own
// PGlite database (tests/setup/db.ts).
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { getDatabase } from "#app/db.server.ts";
import routeTable from "#app/routes.ts";

export type RouteEntry = {
  /** The route id, as Remix's Vite plugin makes it: the file under app/ without its extension. */
  id: string;
  file: string;
  parentId: string;
  /** The full URL pattern, e.g. "/workspace/needs/:needId/evaluation" ("/" for the home page). */
  pattern: string;
  index: boolean;
  hasLoader: boolean;
  hasAction: boolean;
  /** The module's source, for the intents its forms post. */
  source: string;
};

type ConfigEntry = { id?: string; path?: string; file: string; index?: boolean; caseSensitive?: boolean; children?: ConfigEntry[] };

const idOf = (file: string) => file.replace(/\.[jt]sx?$/, "");

/** Every route of app/routes.ts, depth first, with its full URL pattern. */
export function flattenRouteTable(entries: ConfigEntry[] = routeTable as ConfigEntry[], parentId = "root", parentPath = ""): (ConfigEntry & { id: string; parentId: string; pattern: string })[] {
  return entries.flatMap((entry) => {
    const id = entry.id ?? idOf(entry.file);
    const pattern = entry.index ? parentPath || "/" : `${parentPath}/${entry.path ?? ""}`.replace(/\/+$/, "") || "/";
    const self = { ...entry, id, parentId, pattern };
    return [self, ...flattenRouteTable(entry.children ?? [], id, pattern === "/" ? "" : pattern)];
  });
}

let build: Promise<{ handler: ReturnType<typeof createRequestHandler>; routes: RouteEntry[] }> | undefined;

async function assemble() {
  const fs = await import("node:fs/promises");
  const appDir = path.resolve("app");
  const flat = flattenRouteTable();
  const modules = await Promise.all(flat.map((entry) => import(/* @vite-ignore */ path.join(appDir, entry.file))));
  const rootModule = await import("#app/root.tsx");
  const entryModule = await import("#app/entry.server.tsx");
  const serverRoutes: ServerBuild["routes"] = {
    root: { id: "root", path: "", module: rootModule },
  };
  const assetRoutes: ServerBuild["assets"]["routes"] = {
    root: { id: "root", path: "", module: "/root.js", hasAction: false, hasLoader: true, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: true },
  };
  const routes: RouteEntry[] = [];
  for (const [i, entry] of flat.entries()) {
    const module = modules[i];
    serverRoutes[entry.id] = { id: entry.id, parentId: entry.parentId, path: entry.path, index: entry.index, caseSensitive: entry.caseSensitive, module };
    assetRoutes[entry.id] = {
      id: entry.id,
      parentId: entry.parentId,
      path: entry.path,
      index: entry.index,
      module: `/${entry.id}.js`,
      hasAction: "action" in module,
      hasLoader: "loader" in module,
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: "ErrorBoundary" in module,
    };
    routes.push({
      id: entry.id,
      file: entry.file,
      parentId: entry.parentId,
      pattern: entry.pattern,
      index: Boolean(entry.index),
      hasLoader: "loader" in module,
      hasAction: "action" in module,
      source: await fs.readFile(path.join(appDir, entry.file), "utf8"),
    });
  }
  const serverBuild: ServerBuild = {
    mode: "production",
    entry: { module: entryModule },
    routes: serverRoutes,
    assets: { entry: { imports: [], module: "/entry.client.js" }, routes: assetRoutes, url: "/manifest.js", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true, v3_routeConfig: true } as ServerBuild["future"],
    isSpaMode: false,
  };
  return { handler: createRequestHandler(serverBuild, "production"), routes };
}

export function app() {
  build ??= assemble();
  return build;
}

export type Answer = { status: number; location: string | null; text: string; headers: Headers };

/** One request through the app, with the load context server.js would give it. */
export async function send(request: Request, clientIp = "127.0.0.1"): Promise<Answer> {
  const { handler } = await app();
  const response = await handler(request, { clientIp, cspNonce: "test-nonce" });
  return { status: response.status, location: response.headers.get("location"), text: await response.text(), headers: response.headers };
}

const HOST = "duijie.test";
const BASE = `http://${HOST}`;

/** A browser-like client: a cookie jar, and the CSRF token of the last page it read. */
export class Client {
  cookies = new Map<string, string>();
  csrf = "";

  constructor(
    readonly name: string,
    readonly clientIp = "127.0.0.1",
  ) {}

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  remember(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(p: string, headers: Record<string, string> = {}) {
    const answer = await send(new Request(BASE + p, { headers: { cookie: this.cookieHeader(), host: HOST, ...headers } }), this.clientIp);
    this.remember(answer.headers);
    const match = answer.text.match(/name="csrf" value="([^"]+)"/);
    if (match) this.csrf = match[1];
    return answer;
  }

  /** Makes sure the client holds a CSRF cookie and token (reading a page issues them). */
  async ensureCsrf() {
    if (!this.csrf) await this.get("/login");
    if (!this.csrf) await this.get("/");
    return this.csrf;
  }

  /** Posts form fields (a list of pairs, so a field may be repeated), with the CSRF token unless `csrf: false`. */
  async post(p: string, fields: [string, string | Blob][] | Record<string, string>, options: { csrf?: boolean; multipart?: boolean; headers?: Record<string, string> } = {}) {
    await this.ensureCsrf();
    const pairs: [string, string | Blob][] = Array.isArray(fields) ? fields : Object.entries(fields);
    const all: [string, string | Blob][] = options.csrf === false ? pairs : [["csrf", this.csrf], ...pairs];
    let body: BodyInit;
    const headers: Record<string, string> = { cookie: this.cookieHeader(), origin: BASE, host: HOST, ...options.headers };
    if (options.multipart || all.some(([, value]) => typeof value !== "string")) {
      const form = new FormData();
      for (const [name, value] of all) form.append(name, value);
      body = form;
    } else {
      body = new URLSearchParams(all as [string, string][]).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    const answer = await send(new Request(BASE + p, { method: "POST", headers, body }), this.clientIp);
    this.remember(answer.headers);
    return answer;
  }

  async raw(p: string, init: RequestInit) {
    const answer = await send(new Request(BASE + p, { ...init, headers: { cookie: this.cookieHeader(), origin: BASE, host: HOST, ...(init.headers as Record<string, string>) } }), this.clientIp);
    this.remember(answer.headers);
    return answer;
  }

  /** Logs in through the real log-in form. */
  async logIn(email: string, password: string) {
    const answer = await this.post("/login", { email, password });
    if (answer.status !== 302 && answer.status !== 303) throw new Error(`${this.name} could not log in (${answer.status}): ${answer.text.slice(0, 300)}`);
    this.csrf = "";
    await this.ensureCsrf();
    return answer;
  }
}

/**
 * A fingerprint of the business data: one md5 per table over all its rows. Tables that change on every request by
 * design (sessions touched, log-in attempts, search logs) are left out.
 */
export async function fingerprint(tables?: string[]): Promise<Record<string, string>> {
  const db = getDatabase();
  const names =
    tables ??
    (
      await db.sql.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
         AND table_name NOT IN ('Session', 'LoginAttempt', 'SearchLog', '_prisma_migrations') ORDER BY table_name`,
      )
    ).map((row) => row.name);
  const sql = names.map((name) => `SELECT '${name}' AS name, count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS sum FROM "${name}" t`).join(" UNION ALL ");
  const rows = await db.sql.query<{ name: string; n: number; sum: string }>(sql);
  return Object.fromEntries(rows.map((row) => [row.name, `${row.n}:${row.sum}`]));
}

/** The tables whose fingerprints differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}
