// What server.js adds in front of the app, against the production build: security headers and a per-response
// Content-Security-Policy nonce on pages, error pages, JSON and static files; cross-site posts refused; and
// X-Forwarded-* believed only from a trusted proxy — one hop, so a client cannot pick its own address.
import { expect, test } from "@playwright/test";
import { startInstance, type Instance } from "../multi/instances.ts";

const HEADERS: Record<string, RegExp> = {
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "x-frame-options": /^DENY$/,
  "permissions-policy": /camera=\(\)/,
  "cross-origin-opener-policy": /^same-origin$/,
  "content-security-policy": /default-src 'self'.*frame-ancestors 'none'.*object-src 'none'/,
};

test.describe("security headers", () => {
  for (const path of ["/", "/needs", "/no-such-page", "/login", "/api/v1/search/suggest?q=%E5%8A%A9", "/healthz", "/favicon.svg"]) {
    test(`on ${path}`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBeLessThan(500);
      const headers = response.headers();
      for (const [name, pattern] of Object.entries(HEADERS)) expect(headers[name], `${name} on ${path}`).toMatch(pattern);
      expect(headers["x-powered-by"]).toBeUndefined();
      // Over plain HTTP without a trusted proxy there is no HSTS.
      expect(headers["strict-transport-security"]).toBeUndefined();
    });
  }

  test("scripts run only with this response's nonce: every script carries it, and it changes on every response", async ({ request }) => {
    const nonces: string[] = [];
    for (const path of ["/", "/", "/no-such-page"]) {
      const response = await request.get(path);
      const csp = response.headers()["content-security-policy"];
      const scriptSrc = csp.split(";").find((part) => part.trim().startsWith("script-src"))!;
      expect(scriptSrc).not.toContain("unsafe-inline");
      expect(scriptSrc).not.toContain("unsafe-eval");
      const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1];
      nonces.push(nonce);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  test("a client's own X-Forwarded-Proto earns no HSTS and no Secure cookies when no proxy is trusted", async ({ request }) => {
    const response = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toBeUndefined();
    const cookies = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie");
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie.value).not.toMatch(/;\s*Secure/i);
  });
});

test.describe("cross-site form posts", () => {
  test("are refused by their Origin or Sec-Fetch-Site, before the app sees them", async ({ request }) => {
    for (const headers of [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }] as Record<string, string>[]) {
      const response = await request.post("/logout", { form: { csrf: "x" }, headers, maxRedirects: 0 });
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain("Cross-site request refused");
    }
  });
});

test.describe("behind a trusted reverse proxy (TRUST_PROXY=true)", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let instance: Instance;
  const port = Number(process.env.E2E_PROXY_PORT ?? 3151);

  test.beforeAll(async () => {
    instance = await startInstance({ port, env: { TRUST_PROXY: "true", DEMO_SEED: "false", BACKGROUND_JOBS: "false" } });
  });
  test.afterAll(async () => {
    await instance?.stop();
  });

  test("HTTPS as reported by the proxy gives HSTS and Secure, HttpOnly, SameSite cookies", async () => {
    const response = await fetch(instance.url("/login"), { headers: { "X-Forwarded-Proto": "https" } });
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    }
  });

  test("the log-in limit per address holds when a client writes its own X-Forwarded-For on every attempt", async () => {
    const page = await fetch(instance.url("/login"));
    const cookie = page.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    const csrf = (await page.text()).match(/name="csrf" value="([^"]+)"/)![1];
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const response = await fetch(instance.url("/login"), {
        method: "POST",
        redirect: "manual",
        headers: {
          cookie,
          origin: `http://127.0.0.1:${port}`,
          "content-type": "application/x-www-form-urlencoded",
          // What a proxy appending the real address would pass on: a forged entry, then the client it saw.
          "X-Forwarded-For": `203.0.113.${i}, 198.51.100.7`,
        },
        body: new URLSearchParams({ csrf, email: `nobody${i}@example.cn`, password: "wrong-password" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});

test.describe("an administrator ends a user's session", () => {
  test("from the accounts page: the session's browser is back at the log-in page, and the page is accessible", async ({ browser }) => {
    // buyer2's own session in a browser marked by its user agent; only that session is ended.
    const agent = `E2E-revoke-${Date.now()}`;
    const userContext = await browser.newContext({ userAgent: agent });
    const user = await userContext.newPage();
    await user.goto("/login");
    await user.getByLabel("电子邮箱").fill("buyer2@duijie.demo");
    await user.getByLabel("密码").fill("Duijie-demo-2026");
    await user.getByRole("button", { name: "登录" }).click();
    await expect(user).toHaveURL(/\/workspace/);

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto("/login");
    await admin.getByLabel("电子邮箱").fill("admin@duijie.demo");
    await admin.getByLabel("密码").fill("Duijie-demo-2026");
    await admin.getByRole("button", { name: "登录" }).click();
    await admin.getByRole("link", { name: "用户账户" }).first().click();
    await expect(admin.getByRole("heading", { level: 1, name: "用户账户" })).toBeVisible();
    await admin.getByLabel("邮箱或姓名").fill("buyer2@duijie.demo");
    await admin.getByRole("button", { name: "筛选" }).click();
    await admin.getByRole("link", { name: "浦东民政 陈科长" }).click();
    await expect(admin.getByRole("heading", { name: "当前登录的设备" })).toBeVisible();
    const { expectAccessible } = await import("./fixtures.ts");
    await expectAccessible(admin);
    await admin.getByRole("row", { name: new RegExp(agent) }).getByRole("button", { name: "结束此会话" }).click();
    await expect(admin.getByText(/已结束 1 个会话/)).toBeVisible();

    await user.goto("/workspace");
    await expect(user).toHaveURL(/\/login\?redirectTo=/);
    await userContext.close();
    await adminContext.close();
  });
});
