// Database helpers for the listing and bidding services: the database server's clock, the need-row lock, and
// transactions with waits long enough for PGlite's single connection (transactions queue one after another).
import type { Prisma } from "#app/.server/prisma/client.ts";
import { prisma, type DbClient, type Tx } from "#app/db.server.ts";

/**
 * The database server's clock. Deadlines are compared with this, never with the app server's clock, so several
 * app instances (and their clock skew) cannot disagree about whether a bid was in time. `clock_timestamp()` is the
 * real time of the call (unlike `now()`, which is the start of the transaction).
 */
export async function dbNow(db: DbClient = prisma): Promise<Date> {
  const rows = await db.$queryRaw<{ now: Date | string }[]>`SELECT clock_timestamp() AS now`;
  return new Date(rows[0].now);
}

/**
 * Locks a need row until the transaction ends (SELECT … FOR UPDATE). Every write that depends on a need's status
 * or deadline takes this lock first, so a bid, an amendment of the deadline, an award and a cancellation on the
 * same need happen one after another, never interleaved. Returns false when the need does not exist.
 */
export async function lockNeed(tx: Tx, needId: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Need" WHERE id = ${needId} FOR UPDATE`;
  return rows.length > 0;
}

const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;

export function transaction<T>(fn: (tx: Tx) => Promise<T>, options: { isolationLevel?: Prisma.TransactionIsolationLevel } = {}) {
  return prisma.$transaction(fn, { ...TX_OPTIONS, ...options });
}

export { isUniqueViolation } from "#app/modules/db/errors.server.ts";
