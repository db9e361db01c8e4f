// Runs outbox work. Rows are claimed in a short transaction with SELECT … FOR UPDATE SKIP LOCKED and leased for a
// while (availableAt moves forward), handled outside the transaction, then marked done — so several app instances
// on one PostgreSQL server never do the same row twice, and a crashed instance's rows come back after the lease.
import { prisma } from "#app/db.server.ts";

export type OutboxRow = { id: number; topic: string; key: string; payload: unknown; attempts: number };
export type OutboxHandler = (row: OutboxRow) => Promise<void>;

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;

const handlers = new Map<string, OutboxHandler>();

/** Registers the handler of a topic (each module registers its own at start-up). */
export function registerOutboxHandler(topic: string, handler: OutboxHandler) {
  handlers.set(topic, handler);
}

export function registeredTopics() {
  return [...handlers.keys()];
}

/** Claims up to `limit` due rows of the given topics; the oldest row of each key first. */
export async function claimOutbox(topics: string[], limit = 50, now = new Date()): Promise<OutboxRow[]> {
  if (topics.length === 0) return [];
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<OutboxRow[]>`
      SELECT id, topic, key, payload, attempts FROM "OutboxEvent"
      WHERE "processedAt" IS NULL AND topic = ANY(${topics}::text[]) AND "availableAt" <= ${now}
      ORDER BY id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length > 0) {
      await tx.outboxEvent.updateMany({
        where: { id: { in: rows.map((row) => row.id) } },
        data: { availableAt: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
      });
    }
    return rows;
  });
}

/** Handles one batch; returns how many rows were done. */
export async function runOutboxOnce(topics = registeredTopics(), limit = 50): Promise<number> {
  const rows = await claimOutbox(topics, limit);
  let done = 0;
  const failedKeys = new Set<string>();
  for (const row of rows) {
    const handler = handlers.get(row.topic);
    // Work for one key is applied in order: after a failure, later rows of that key wait for the retry.
    if (!handler || failedKeys.has(`${row.topic}:${row.key}`)) {
      await prisma.outboxEvent.update({ where: { id: row.id }, data: { availableAt: new Date(Date.now() + 1000), attempts: { decrement: 1 } } });
      continue;
    }
    try {
      await handler(row);
      await prisma.outboxEvent.update({ where: { id: row.id }, data: { processedAt: new Date(), lastError: null } });
      done++;
    } catch (error) {
      failedKeys.add(`${row.topic}:${row.key}`);
      const attempts = row.attempts + 1;
      const backoffMs = Math.min(60 * 60_000, 2 ** attempts * 1000);
      await prisma.outboxEvent.update({
        where: { id: row.id },
        data: {
          lastError: String(error instanceof Error ? error.message : error).slice(0, 2000),
          availableAt: attempts >= MAX_ATTEMPTS ? new Date(8.64e15) : new Date(Date.now() + backoffMs),
        },
      });
    }
  }
  return done;
}

/** Drains everything due now (tests, CLI). */
export async function drainOutbox(topics = registeredTopics()) {
  let total = 0;
  for (;;) {
    const done = await runOutboxOnce(topics, 200);
    total += done;
    if (done === 0) return total;
  }
}

export async function purgeProcessedOutbox(olderThanMs = 7 * 24 * 3600_000) {
  await prisma.outboxEvent.deleteMany({ where: { processedAt: { lt: new Date(Date.now() - olderThanMs) } } });
}
