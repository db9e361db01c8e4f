// Derived work (search index updates, e-mail, alerts) is written as outbox rows in the same transaction as the
// change that causes it, so it is never lost and never done for a change that rolled back.
import type { Prisma } from "#app/.server/prisma/client.ts";
import type { DbClient } from "#app/db.server.ts";

export type OutboxTopic = "search.org" | "search.need" | "search.settings" | "email" | "alerts.need" | "alerts.digest";

export async function enqueue(db: DbClient, topic: OutboxTopic, key: string | number, payload: object = {}) {
  await db.outboxEvent.create({
    data: { topic, key: String(key), payload: payload as Prisma.InputJsonValue },
  });
}

export async function enqueueMany(db: DbClient, rows: { topic: OutboxTopic; key: string | number; payload?: object }[]) {
  if (rows.length === 0) return;
  await db.outboxEvent.createMany({
    data: rows.map((row) => ({
      topic: row.topic,
      key: String(row.key),
      payload: (row.payload ?? {}) as Prisma.InputJsonValue,
    })),
  });
}
