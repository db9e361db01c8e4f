// The audit log viewer: every administrator action and state change, filtered and paged.
import { searchText } from "#app/modules/db/text.ts";
import type { Prisma } from "#app/.server/prisma/client.ts";
import { prisma } from "#app/db.server.ts";
import { requireAdminActor, type Actor } from "#app/modules/accounts/permissions.ts";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  action?: string;
  entityType?: string;
  entityId?: string;
  /** ADMIN | BUYER | ORG | SYSTEM (any system actor, e.g. the CLI) | ANONYMOUS */
  actorRole?: string;
  /** Calendar dates (Asia/Shanghai), inclusive. */
  from?: string;
  to?: string;
  page?: number;
};

/** Start of a calendar day in Shanghai (UTC+8, no daylight saving), as a UTC instant. */
export function shanghaiDayStart(isoDate: string) {
  return new Date(new Date(`${isoDate}T00:00:00+08:00`).getTime());
}

export async function listAuditLog(actor: Actor, filters: AuditFilters = {}) {
  requireAdminActor(actor);
  const page = Math.max(1, filters.page ?? 1);
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = shanghaiDayStart(filters.from);
  if (filters.to) createdAt.lt = new Date(shanghaiDayStart(filters.to).getTime() + 24 * 3600_000);
  const where: Prisma.AuditLogWhereInput = {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(searchText(filters.entityId) ? { entityId: searchText(filters.entityId) } : {}),
    ...(filters.actorRole === "SYSTEM"
      ? { actorRole: { startsWith: "SYSTEM" } }
      : filters.actorRole
        ? { actorRole: filters.actorRole }
        : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
  };
  const [total, rows, actions, entityTypes] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, actorId: true, actorRole: true, action: true, entityType: true, entityId: true, before: true, after: true, reason: true, createdAt: true },
    }),
    prisma.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    prisma.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId !== null ? [row.actorId] : [])))];
  const users = actorIds.length ? await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true, email: true } }) : [];
  const byId = new Map(users.map((user) => [user.id, user]));
  return {
    items: rows.map((row) => ({ ...row, actor: row.actorId !== null ? (byId.get(row.actorId) ?? null) : null })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((row) => row.action),
    entityTypes: entityTypes.map((row) => row.entityType),
  };
}
