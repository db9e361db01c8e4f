// In-app notifications, and the e-mail that follows each one (through the outbox, so a notification created in
// a transaction that rolls back never goes out, and a retried job never sends twice).
import type { Prisma } from "#app/.server/prisma/client.ts";
import { prisma, type DbClient } from "#app/db.server.ts";
import { assertPermission, type Actor } from "#app/modules/accounts/permissions.ts";
import { enqueueMany } from "#app/modules/outbox/outbox.server.ts";

export type NewNotification = {
  userIds: number[];
  kind: string;
  titleKey: string;
  vars?: Record<string, string | number>;
  body?: string;
  link?: string;
  /** Per-user de-duplication: the same key for the same user is stored once. */
  dedupeKey?: string;
  email?: boolean;
};

/** Creates one notification per user inside the caller's transaction; returns how many were new. */
export async function notify(db: DbClient, n: NewNotification): Promise<number> {
  const userIds = [...new Set(n.userIds)];
  if (userIds.length === 0) return 0;
  const rows = userIds.map((userId) => ({
    userId,
    kind: n.kind,
    titleKey: n.titleKey,
    vars: (n.vars ?? {}) as Prisma.InputJsonValue,
    body: n.body ?? "",
    link: n.link ?? null,
    dedupeKey: n.dedupeKey ? `${n.dedupeKey}:u${userId}` : null,
  }));
  const created = await db.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
  if (n.email !== false && created.length > 0) {
    await enqueueMany(
      db,
      created.map((row) => ({ topic: "email" as const, key: `notification:${row.id}`, payload: { notificationId: row.id } })),
    );
  }
  return created.length;
}

/** Users who act for an organization (to notify "the organization"). */
export async function orgUserIds(db: DbClient, orgIds: number[]) {
  if (orgIds.length === 0) return [];
  const users = await db.user.findMany({ where: { orgId: { in: orgIds }, status: "ACTIVE" }, select: { id: true } });
  return users.map((user) => user.id);
}

export async function buyerUserIds(db: DbClient, buyerUnitId: number) {
  const users = await db.user.findMany({ where: { buyerUnitId, status: "ACTIVE" }, select: { id: true } });
  return users.map((user) => user.id);
}

export async function countUnread(userId: number) {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(actor: Actor, { page = 1, pageSize = 20 }: { page?: number; pageSize?: number } = {}) {
  assertPermission(actor.type === "user");
  const where = { userId: actor.userId };
  const [items, total] = await Promise.all([
    prisma.notification.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, kind: true, titleKey: true, vars: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    prisma.notification.count({ where }),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function markAllRead(actor: Actor) {
  assertPermission(actor.type === "user");
  await prisma.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
}

export async function markRead(actor: Actor, notificationId: number) {
  assertPermission(actor.type === "user");
  // Ownership is in the where clause: another user's notification is simply not found.
  await prisma.notification.updateMany({
    where: { id: notificationId, userId: actor.userId, readAt: null },
    data: { readAt: new Date() },
  });
}
