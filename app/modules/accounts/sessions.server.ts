// Server-side sessions. The browser holds a random token; the database holds only its SHA-256, so a copy of the
// database cannot be used to log in. Deleting/revoking the row ends the session everywhere at once.
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { assertPermission, isAdmin, type Actor, type UserActor } from "./permissions.ts";

export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000; // a session never outlives a week
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000; // and ends after a working day without use
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(userId: number, client: { ip?: string; userAgent?: string } = {}) {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      csrfSecret: randomBytes(16).toString("base64url"),
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip: (client.ip ?? "").slice(0, 64),
      userAgent: (client.userAgent ?? "").slice(0, 300),
    },
  });
  return token;
}

/** The user behind a session token, or null when the session is unknown, revoked, expired or idle too long. */
export async function getSessionUser(token: string, now = new Date()): Promise<UserActor | null> {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const session = await prisma.session.findUnique({
    where: { id },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: { select: { id: true, role: true, orgId: true, buyerUnitId: true, displayName: true, status: true } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  if (session.user.status !== "ACTIVE") return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  return {
    type: "user",
    userId: session.user.id,
    role: session.user.role,
    orgId: session.user.orgId,
    buyerUnitId: session.user.buyerUnitId,
    displayName: session.user.displayName,
    sessionId: session.id,
  };
}

export async function endSession(token: string) {
  await prisma.session.updateMany({ where: { id: hashToken(token), revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function listSessions(actor: Actor, userId: number) {
  assertPermission(isAdmin(actor) || (actor.type === "user" && actor.userId === userId));
  return prisma.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
    orderBy: { lastSeenAt: "desc" },
  });
}

/** Revokes one session of a user: by the user themself or by an admin (audited, in the same transaction). */
export async function revokeSession(actor: Actor, userId: number, sessionId: string, reason?: string) {
  assertPermission(isAdmin(actor) || (actor.type === "user" && actor.userId === userId));
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { id: sessionId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count > 0 && !(actor.type === "user" && actor.userId === userId)) {
      await recordAudit(tx, { actor, action: "session.revoke", entityType: "User", entityId: userId, after: { sessions: count }, reason });
    }
    return count;
  });
}

/** Revokes every session of a user, except (optionally) the one the user is using now. An admin's is audited. */
export async function revokeAllSessions(actor: Actor, userId: number, exceptSessionId?: string, reason?: string) {
  assertPermission(isAdmin(actor) || (actor.type === "user" && actor.userId === userId));
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    if (!(actor.type === "user" && actor.userId === userId)) {
      await recordAudit(tx, { actor, action: "session.revokeAll", entityType: "User", entityId: userId, after: { sessions: count }, reason });
    }
    return count;
  });
}

export async function purgeExpiredSessions(now = new Date()) {
  await prisma.session.deleteMany({
    where: { OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: new Date(now.getTime() - SESSION_ABSOLUTE_MS) } }] },
  });
}
