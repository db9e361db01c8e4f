import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { hashPassword } from "./password.server.ts";
import { PermissionError, systemActor, type UserActor } from "./permissions.ts";
import { MAX_FAILURES_PER_ACCOUNT } from "./rate-limit.server.ts";
import { getSessionUser, hashToken, listSessions, revokeAllSessions, revokeSession, SESSION_IDLE_MS } from "./sessions.server.ts";
import { logIn, setUserStatus, signUpBuyerStaff } from "./users.server.ts";

let buyerUnitId: number;

beforeAll(async () => {
  await prisma.district.create({ data: { code: "310104", name: "徐汇区", nameEn: "Xuhui", sortOrder: 1 } });
  buyerUnitId = (await prisma.buyerUnit.create({ data: { name: "徐汇区枫林路街道办事处", kind: "STREET_OFFICE", districtCode: "310104" } })).id;
  const passwordHash = await hashPassword("correct-horse-battery");
  await prisma.user.createMany({
    data: [
      { email: "clerk@example.cn", passwordHash, displayName: "李老师", role: "BUYER", buyerUnitId },
      { email: "other@example.cn", passwordHash, displayName: "王老师", role: "BUYER", buyerUnitId },
      { email: "limited@example.cn", passwordHash, displayName: "赵老师", role: "BUYER", buyerUnitId },
    ],
  });
});

const login = (email: string, password: string, ip = "10.0.0.1") => logIn({ email, password, ip });

describe("log-in", () => {
  test("the right password opens a server-side session; the database keeps only the token's hash", async () => {
    const result = await login("clerk@example.cn", "correct-horse-battery");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await prisma.session.findUnique({ where: { id: result.token } })).toBeNull();
    expect(await prisma.session.findUnique({ where: { id: hashToken(result.token) } })).not.toBeNull();
    const actor = await getSessionUser(result.token);
    expect(actor).toMatchObject({ type: "user", role: "BUYER", buyerUnitId });
  });

  test("a wrong password and an unknown account get the same answer", async () => {
    expect(await login("clerk@example.cn", "wrong-password")).toEqual({ ok: false, reason: "invalid" });
    expect(await login("nobody@example.cn", "wrong-password")).toEqual({ ok: false, reason: "invalid" });
  });

  test("after repeated failures the account is throttled, even with the right password", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await login("limited@example.cn", `nope-${i}`, `10.1.0.${i}`)).ok).toBe(false);
    }
    const blocked = await login("limited@example.cn", "correct-horse-battery", "10.2.0.1");
    expect(blocked).toMatchObject({ ok: false, reason: "rateLimited" });
    if (!blocked.ok && blocked.reason === "rateLimited") expect(blocked.retryAfterMinutes).toBeGreaterThan(0);
  });

  test("one address trying many accounts is throttled too", async () => {
    for (let i = 0; i < 20; i++) await login(`guess-${i}@example.cn`, "x", "10.9.9.9");
    expect(await login("other@example.cn", "correct-horse-battery", "10.9.9.9")).toMatchObject({ reason: "rateLimited" });
    expect((await login("other@example.cn", "correct-horse-battery", "10.9.9.10")).ok).toBe(true);
  });
});

describe("sessions", () => {
  async function loggedIn(email = "other@example.cn") {
    const result = await login(email, "correct-horse-battery", "10.3.0.1");
    if (!result.ok) throw new Error("login failed");
    const actor = (await getSessionUser(result.token)) as UserActor;
    return { token: result.token, actor };
  }

  test("a user lists and revokes their own sessions; the revoked token stops working at once", async () => {
    const a = await loggedIn();
    const b = await loggedIn();
    const sessions = await listSessions(a.actor, a.actor.userId);
    expect(sessions.map((s) => s.id)).toContain(hashToken(b.token));
    await revokeSession(a.actor, a.actor.userId, hashToken(b.token));
    expect(await getSessionUser(b.token)).toBeNull();
    expect(await getSessionUser(a.token)).not.toBeNull();
  });

  test("another user cannot list or revoke someone's sessions; an admin can, and it is audited", async () => {
    const victim = await loggedIn("other@example.cn");
    const attacker = await loggedIn("clerk@example.cn");
    await expect(listSessions(attacker.actor, victim.actor.userId)).rejects.toThrow(PermissionError);
    await expect(revokeAllSessions(attacker.actor, victim.actor.userId)).rejects.toThrow(PermissionError);
    expect(await getSessionUser(victim.token)).not.toBeNull();
    await revokeAllSessions(systemActor("test-admin"), victim.actor.userId);
    expect(await getSessionUser(victim.token)).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "session.revokeAll", entityId: String(victim.actor.userId) } })).toBe(1);
  });

  test("a session unused for longer than the idle limit has expired", async () => {
    const { token } = await loggedIn();
    await prisma.session.update({ where: { id: hashToken(token) }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) } });
    expect(await getSessionUser(token)).toBeNull();
  });

  test("disabling a user ends their sessions", async () => {
    const { token, actor } = await loggedIn("clerk@example.cn");
    await setUserStatus(systemActor("test"), actor.userId, "DISABLED", "离职");
    expect(await getSessionUser(token)).toBeNull();
    expect(await login("clerk@example.cn", "correct-horse-battery", "10.4.0.1")).toEqual({ ok: false, reason: "disabled" });
  });
});

describe("buyer sign-up", () => {
  test("new buyer staff wait for an administrator before they can log in", async () => {
    await signUpBuyerStaff({
      accountType: "buyer",
      email: "new.clerk@example.cn",
      password: "a-long-password",
      confirmPassword: "a-long-password",
      displayName: "新同事",
      phone: "",
      buyerUnitId,
    });
    expect(await login("new.clerk@example.cn", "a-long-password", "10.5.0.1")).toEqual({ ok: false, reason: "pending" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "new.clerk@example.cn" } });
    await setUserStatus(systemActor("test"), user.id, "ACTIVE");
    expect((await login("new.clerk@example.cn", "a-long-password", "10.5.0.1")).ok).toBe(true);
  });
});
