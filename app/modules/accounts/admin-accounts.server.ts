import { prisma } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { searchText } from "#app/modules/db/text.ts";
import { hashPassword } from "./password.server.ts";
import { revokeAllSessions, revokeSession } from "./sessions.server.ts";
import { requireAdminActor, ServiceError, type Actor } from "./permissions.ts";

/** Administrators are created only by the CLI and the seed (system actors) or by another administrator. */
export async function createAdmin(actor: Actor, input: { email: string; name: string; password: string }) {
  requireAdminActor(actor);
  if ((await prisma.user.count({ where: { email: input.email } })) > 0) throw new ServiceError(409, "auth.signup.emailTaken");
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, passwordHash, displayName: input.name, role: "ADMIN", status: "ACTIVE" },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "user.createAdmin", entityType: "User", entityId: user.id, after: { email: input.email } });
    return user;
  });
}

const PAGE_SIZE = 30;

/** Accounts for the administrators' user list: search by e-mail or name, filter by role; active sessions counted. */
export async function listUsersForAdmin(actor: Actor, filters: { q?: string; role?: "ADMIN" | "BUYER" | "ORG"; page?: number } = {}) {
  requireAdminActor(actor);
  const now = new Date();
  const page = Math.max(1, filters.page ?? 1);
  const q = searchText(filters.q);
  const where = {
    ...(filters.role ? { role: filters.role } : {}),
    ...(q ? { OR: [{ email: { contains: q.toLowerCase() } }, { displayName: { contains: q } }] } : {}),
  };
  const [total, users] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        email: true,
        displayName: true,
        role: true,
        status: true,
        lastLoginAt: true,
        org: { select: { name: true } },
        buyerUnit: { select: { name: true } },
        _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: now } } } } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    users: users.map(({ _count, org, buyerUnit, ...user }) => ({ ...user, affiliation: org?.name ?? buyerUnit?.name ?? null, activeSessions: _count.sessions })),
  };
}

/** One account for an administrator: who it is, and the browsers signed in to it now. */
export async function getUserForAdmin(actor: Actor, userId: number) {
  requireAdminActor(actor);
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      phone: true,
      role: true,
      status: true,
      createdAt: true,
      lastLoginAt: true,
      org: { select: { id: true, name: true } },
      buyerUnit: { select: { id: true, name: true } },
    },
  });
  if (!user) throw new ServiceError(404, "admin.users.notFound");
  const sessions = await prisma.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
    orderBy: { lastSeenAt: "desc" },
  });
  return { user, sessions };
}

/**
 * An administrator ends one session, or all sessions, of an account (a lost phone, a departed clerk, a suspected
 * break-in). Audited with the reason; the account's next request goes to the log-in page.
 */
export async function adminRevokeSessions(actor: Actor, userId: number, input: { sessionId?: string; reason?: string }) {
  requireAdminActor(actor);
  if ((await prisma.user.count({ where: { id: userId } })) === 0) throw new ServiceError(404, "admin.users.notFound");
  const count = input.sessionId ? await revokeSession(actor, userId, input.sessionId, input.reason) : await revokeAllSessions(actor, userId, undefined, input.reason);
  if (input.sessionId && count === 0) throw new ServiceError(409, "admin.users.sessionGone");
  return count;
}
