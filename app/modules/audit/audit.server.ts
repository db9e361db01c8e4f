import type { Prisma } from "#app/.server/prisma/client.ts";
import { type DbClient } from "#app/db.server.ts";
import { actorLabel, type Actor } from "#app/modules/accounts/permissions.ts";

export type AuditEntry = {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

const toJson = (value: unknown) =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** Records who did what; call it with the transaction that makes the change so both commit together. */
export async function recordAudit(db: DbClient, entry: AuditEntry) {
  await db.auditLog.create({
    data: {
      ...actorLabel(entry.actor),
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
      reason: entry.reason ?? null,
    },
  });
}
