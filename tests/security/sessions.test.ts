// Accounts and sessions through the real app (./app.ts): cookies, log-in throttling, session expiry, revocation by
// the user and by an administrator, and where a log-in may send the browser afterwards.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { adminRevokeSessions } from "#app/modules/accounts/admin-accounts.server.ts";
import { PermissionError } from "#app/modules/accounts/permissions.ts";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "#app/modules/accounts/rate-limit.server.ts";
import { createSession, getSessionUser, hashToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "#app/modules/accounts/sessions.server.ts";
import { startSearch } from "#app/modules/search/sync.server.ts";
import { makeOrgUser, makeUser, TEST_PASSWORD } from "#tests/factories.ts";
import { seedReferenceData } from "../../prisma/seed/reference.ts";
import { app, Client, send } from "./app.ts";
import { buildWorld, clientFor, type World } from "./world.ts";

process.env.SESSION_SECRET ??= "security-tests-secret-0123456789";

let world: World;

beforeAll(async () => {
  await seedReferenceData(prisma);
  world = await buildWorld();
  await startSearch();
  await app();
}, 120_000);

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

/** The attributes of one Set-Cookie line, by lower-case name. */
function cookieAttributes(headers: Headers, name: string) {
  const line = headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
  if (!line) return null;
  return Object.fromEntries(
    line
      .split(";")
      .slice(1)
      .map((part) => part.trim().split("="))
      .map(([key, value]) => [key.toLowerCase(), value ?? true]),
  ) as Record<string, string | true>;
}

async function logInAnswer(email: string, password: string, { url = "http://duijie.test", headers = {} as Record<string, string>, ip = "10.9.0.1" } = {}) {
  const client = new Client("login", ip);
  await client.ensureCsrf();
  return send(
    new Request(`${url}/login`, {
      method: "POST",
      headers: { cookie: client.cookieHeader(), origin: url, host: new URL(url).host, "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ csrf: client.csrf, email, password }).toString(),
    }),
    ip,
  );
}

describe("cookies", () => {
  test("the session and CSRF cookies are HttpOnly and SameSite=Lax; the session lasts at most a week; no Secure over plain HTTP", async () => {
    const { user } = await makeOrgUser();
    const answer = await logInAnswer(user.email, TEST_PASSWORD);
    expect(answer.status).toBe(302);
    const session = cookieAttributes(answer.headers, "duijie_session")!;
    expect(session).toMatchObject({ httponly: true, samesite: "Lax", path: "/" });
    expect(Number(session["max-age"])).toBeLessThanOrEqual(SESSION_ABSOLUTE_MS / 1000);
    expect(session.secure).toBeUndefined();
    const page = await send(new Request("http://duijie.test/login", { headers: { host: "duijie.test" } }));
    expect(cookieAttributes(page.headers, "duijie_csrf")).toMatchObject({ httponly: true, samesite: "Lax" });
  });

  test("over HTTPS, and behind a trusted proxy that says so, every cookie is Secure", async () => {
    const { user } = await makeOrgUser();
    const direct = await logInAnswer(user.email, TEST_PASSWORD, { url: "https://duijie.test" });
    expect(cookieAttributes(direct.headers, "duijie_session")).toMatchObject({ secure: true, httponly: true, samesite: "Lax" });
    process.env.TRUST_PROXY = "true";
    const proxied = await logInAnswer(user.email, TEST_PASSWORD, { headers: { "x-forwarded-proto": "https" } });
    expect(cookieAttributes(proxied.headers, "duijie_session")).toMatchObject({ secure: true });
    const page = await send(new Request("http://duijie.test/login", { headers: { host: "duijie.test", "x-forwarded-proto": "https" } }));
    expect(cookieAttributes(page.headers, "duijie_csrf")).toMatchObject({ secure: true });
  });

  test("a client's own X-Forwarded-Proto is not believed unless the proxy is trusted", async () => {
    const { user } = await makeOrgUser();
    const answer = await logInAnswer(user.email, TEST_PASSWORD, { headers: { "x-forwarded-proto": "https" } });
    expect(cookieAttributes(answer.headers, "duijie_session")?.secure).toBeUndefined();
  });

  test("pages that may show a user's data are not kept by shared caches", async () => {
    const client = await clientFor(world, "orgA");
    for (const path of ["/workspace", "/needs", "/no-such-page"]) {
      const answer = await client.get(path);
      expect(answer.headers.get("cache-control"), path).toMatch(/private|no-store/);
    }
  });
});

describe("log-in throttling, through the log-in form", () => {
  test(`per account: after ${MAX_FAILURES_PER_ACCOUNT} failures even the right password is refused with 429 and a clear message`, async () => {
    const { user } = await makeOrgUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      // Different addresses: the account's own limit is what stops this.
      expect((await logInAnswer(user.email, "wrong-password", { ip: `10.20.0.${i}` })).status).toBe(400);
    }
    const blocked = await logInAnswer(user.email, TEST_PASSWORD, { ip: "10.20.1.1" });
    expect(blocked.status).toBe(429);
    expect(blocked.text).toMatch(/登录尝试过多|分钟后再试/);
    expect(blocked.headers.getSetCookie().some((line) => line.startsWith("duijie_session="))).toBe(false);
  });

  test(`per address: after ${MAX_FAILURES_PER_ADDRESS} failures from one address on any accounts, that address is refused; others are not`, async () => {
    const ip = "10.30.0.1";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) expect((await logInAnswer(`nobody${i}@example.cn`, "wrong-password", { ip })).status).toBe(400);
    const { user } = await makeOrgUser();
    expect((await logInAnswer(user.email, TEST_PASSWORD, { ip })).status).toBe(429);
    expect((await logInAnswer(user.email, TEST_PASSWORD, { ip: "10.30.0.2" })).status).toBe(302);
  });
});

describe("sessions end", () => {
  test("after a week in all, and after eight hours unused", async () => {
    const { user } = await makeOrgUser();
    const token = await createSession(user.id);
    const start = new Date();
    expect(await getSessionUser(token, start)).not.toBeNull();
    // Used every few hours, it still ends a week after it began.
    const row = await prisma.session.findUniqueOrThrow({ where: { id: hashToken(token) } });
    await prisma.session.update({ where: { id: row.id }, data: { lastSeenAt: new Date(start.getTime() + SESSION_ABSOLUTE_MS - 60_000) } });
    expect(await getSessionUser(token, new Date(start.getTime() + SESSION_ABSOLUTE_MS + 1000))).toBeNull();
    // Unused for longer than the idle limit.
    const idle = await createSession(user.id);
    expect(await getSessionUser(idle, new Date(Date.now() + SESSION_IDLE_MS + 60_000))).toBeNull();
  });

  test("an expired session sends the browser to the log-in page", async () => {
    const client = await clientFor(world, "orgA");
    expect((await client.get("/workspace")).status).toBe(200);
    await prisma.session.updateMany({ where: { userId: world.parties.orgA.userId, revokedAt: null }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 60_000) } });
    expect((await client.get("/workspace")).location).toMatch(/^\/login\?redirectTo=/);
  });

  test("a user ends their other devices; a session id of someone else's posted to the same form ends nothing", async () => {
    const mine = await clientFor(world, "orgB");
    const other = await clientFor(world, "orgB");
    const victim = await clientFor(world, "orgA");
    const victimSession = (await prisma.session.findMany({ where: { userId: world.parties.orgA.userId, revokedAt: null }, orderBy: { createdAt: "desc" }, take: 1 }))[0];
    await mine.post("/account/sessions", { intent: "revoke", sessionId: victimSession.id });
    expect((await victim.get("/workspace")).status).toBe(200);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: victimSession.id } })).revokedAt).toBeNull();
    await mine.post("/account/sessions", { intent: "revoke-others" });
    expect((await other.get("/workspace")).location).toMatch(/^\/login/);
    expect((await mine.get("/workspace")).status).toBe(200);
  });

  test("an administrator ends all of a user's sessions from the account page; it is audited with the reason", async () => {
    const { user } = await makeOrgUser();
    const victim = new Client("victim");
    await victim.logIn(user.email, TEST_PASSWORD);
    expect((await victim.get("/workspace")).status).toBe(200);
    const admin = await clientFor(world, "admin");
    const page = await admin.get(`/admin/users/${user.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(user.email);
    const answer = await admin.post(`/admin/users/${user.id}`, { intent: "revoke-all-sessions", reason: "手机遗失，结束全部会话" });
    expect(answer.status).toBe(302);
    expect((await victim.get("/workspace")).location).toMatch(/^\/login/);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "session.revokeAll", entityId: String(user.id) } });
    expect(audit).toMatchObject({ actorId: world.parties.admin.userId, actorRole: "ADMIN", reason: "手机遗失，结束全部会话", after: { sessions: 1 } });
  });

  test("an administrator ends one session; a reason is required to end them all; nobody else may", async () => {
    const { user, actor } = await makeOrgUser();
    const keep = await createSession(user.id);
    const end = await createSession(user.id);
    const admin = await clientFor(world, "admin");
    expect((await admin.post(`/admin/users/${user.id}`, { intent: "revoke-session", sessionId: hashToken(end) })).status).toBe(302);
    expect(await getSessionUser(end)).toBeNull();
    expect(await getSessionUser(keep)).not.toBeNull();
    expect((await admin.post(`/admin/users/${user.id}`, { intent: "revoke-all-sessions", reason: "" })).status).toBe(400);
    expect(await getSessionUser(keep)).not.toBeNull();
    await expect(adminRevokeSessions(actor, world.parties.orgA.userId, { reason: "不是管理员" })).rejects.toThrow(PermissionError);
    await expect(adminRevokeSessions(world.parties.buyerX.actor, user.id, { reason: "不是管理员" })).rejects.toThrow(PermissionError);
    expect(await getSessionUser(keep)).not.toBeNull();
  });
});

describe("after log-in the browser goes back only to a page of this site", () => {
  const hostile = ["//evil.example/x", "/\t/evil.example/x", "/\n/evil.example", "/\\evil.example", "/\\\\evil.example", "https://evil.example", "javascript:alert(1)", "/%09/evil.example"];
  test.each(hostile)("redirectTo %j", async (redirectTo) => {
    const user = await makeUser({ role: "ADMIN" });
    const client = new Client("redirect", `10.40.0.${Math.floor(Math.random() * 250)}`);
    const answer = await client.post("/login", { email: user.email, password: TEST_PASSWORD, redirectTo });
    expect(answer.status).toBe(302);
    const target = new URL(answer.location!, "https://duijie.test");
    expect(target.origin).toBe("https://duijie.test");
    const locale = await client.post("/locale", { locale: "en", redirectTo });
    expect(new URL(locale.location!, "https://duijie.test").origin).toBe("https://duijie.test");
  });

  test("a same-site path with its query is kept", async () => {
    const user = await makeUser({ role: "ADMIN" });
    const client = new Client("redirect-ok", "10.40.1.1");
    const answer = await client.post("/login", { email: user.email, password: TEST_PASSWORD, redirectTo: "/needs?q=助餐#top" });
    expect(answer.location).toBe("/needs?q=%E5%8A%A9%E9%A4%90#top");
  });
});
