// A small HTTP stand-in for a Meilisearch server, on 127.0.0.1, for testing the *requests the adapter sends* and how
// it reads responses and errors. It answers from canned responses; it does not search. It proves nothing about
// relevance — the contract suite does that against a real server (MEILI_URL).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: unknown;
};

export type CannedResponse = { status?: number; body?: unknown };
type Handler = (request: RecordedRequest) => CannedResponse | undefined;

export class MeilisearchStandIn {
  readonly requests: RecordedRequest[] = [];
  private handlers: { method: string; path: RegExp; handler: Handler }[] = [];
  private server = http.createServer((req, res) => this.handle(req, res));
  private nextTask = 1;
  /** Task uid → the statuses it reports on successive polls (the last one sticks). */
  readonly taskStatuses = new Map<number, { status: string; error?: unknown }[]>();

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  on(method: string, path: RegExp, handler: Handler | CannedResponse) {
    this.handlers.unshift({ method, path, handler: typeof handler === "function" ? handler : () => handler });
    return this;
  }

  /** An enqueued-task answer (202) whose task then reports the given statuses when polled. */
  enqueue(statuses: { status: string; error?: unknown }[] = [{ status: "enqueued" }, { status: "succeeded" }], type = "settingsUpdate"): CannedResponse {
    const taskUid = this.nextTask++;
    this.taskStatuses.set(taskUid, statuses);
    return { status: 202, body: { taskUid, indexUid: null, status: "enqueued", type, enqueuedAt: new Date().toISOString() } };
  }

  find(method: string, path: string | RegExp) {
    return this.requests.filter((r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path)));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* keep the raw text */
      }
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      this.requests.push(recorded);
      let answer: CannedResponse | undefined;
      const task = /^\/tasks\/(\d+)$/.exec(url.pathname);
      if (req.method === "GET" && task) {
        const uid = Number(task[1]);
        const statuses = this.taskStatuses.get(uid);
        if (statuses) {
          const current = statuses.length > 1 ? statuses.shift()! : statuses[0];
          answer = { status: 200, body: { uid, batchUid: uid, indexUid: null, status: current.status, type: "settingsUpdate", canceledBy: null, error: current.error ?? null, duration: null, enqueuedAt: new Date().toISOString(), startedAt: null, finishedAt: null } };
        }
      }
      for (const { method, path, handler } of this.handlers) {
        if (answer) break;
        if (method === recorded.method && path.test(recorded.path)) answer = handler(recorded);
      }
      answer ??= { status: 404, body: { message: `stand-in has no answer for ${recorded.method} ${recorded.path}`, code: "not_found", type: "invalid_request", link: "" } };
      res.writeHead(answer.status ?? 200, { "Content-Type": "application/json" });
      res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    });
  }
}
