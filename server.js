// The web server: Express in front of the Remix request handler. It applies security headers, refuses
// cross-site form posts, serves static assets, and calls the app's boot() (migrations, demo data, background
// work) before it listens. `npm run dev` serves through Vite; `npm run serve` serves the production build.
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const vite = production
  ? undefined
  : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

async function loadBuild() {
  return vite ? vite.ssrLoadModule("virtual:remix/server-build") : import("./build/server/index.js");
}

const initialBuild = await loadBuild();
const entry = initialBuild.entry.module;
await entry.boot();

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, trust exactly the hops in front of us (TRUST_PROXY=true: one; a number: that many), never
// `true` for all: with "trust everything" the client address is the left-most X-Forwarded-For entry, which the
// client writes itself — and the log-in limit per address could be dodged by changing it on every attempt.
const trustProxy = process.env.TRUST_PROXY ?? "false";
if (trustProxy !== "false") app.set("trust proxy", trustProxy === "true" ? 1 : Number(trustProxy));

// A nonce per response for the inline scripts Remix renders, and the usual security headers.
app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const scriptSrc = production ? `'self' 'nonce-${nonce}'` : `'self' 'unsafe-inline' 'unsafe-eval'`;
  const connectSrc = production ? "'self'" : "'self' ws: wss:";
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src ${scriptSrc}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src ${connectSrc}`,
      "frame-ancestors 'none'",
      "form-action 'self'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
});

// Cross-site requests that change state are refused before they reach the app (CSRF defence in depth;
// every form also carries a token).
app.use((req, res, next) => {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const site = req.get("sec-fetch-site");
  const origin = req.get("origin");
  const expected = `${req.protocol}://${req.get("host")}`;
  if (site === "cross-site" || (origin && origin !== "null" && origin !== expected)) {
    res.status(403).type("text/plain; charset=utf-8").send("跨站请求被拒绝 / Cross-site request refused");
    return;
  }
  next();
});

app.use(compression());

if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}
app.use(express.static("public", { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build: vite ? () => loadBuild() : initialBuild,
    mode: production ? "production" : "development",
    getLoadContext: (req, res) => ({ clientIp: req.ip ?? "unknown", cspNonce: res.locals.cspNonce }),
  }),
);

const server = app.listen(port, host, () => {
  console.log(`Duijie listening on http://localhost:${port} (${production ? "production" : "development"})`);
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  // A stuck connection or job must not keep a stopped instance alive: give shutdown ten seconds.
  setTimeout(() => {
    console.error("shutdown took longer than 10 s; exiting anyway");
    process.exit(1);
  }, 10_000).unref();
  server.close();
  server.closeIdleConnections?.();
  await entry.shutdown().catch((error) => console.error(error));
  console.log("stopped");
  process.exit(0);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
