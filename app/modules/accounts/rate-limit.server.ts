// Log-in throttling per account and per address. Attempts are rows in the database, so the limit holds across
// several app instances.
import { prisma } from "#app/db.server.ts";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type LoginKeys = { email: string; ip: string };

const keysOf = ({ email, ip }: LoginKeys) => [`email:${email}`, `ip:${ip}`];

/** Minutes until another attempt is allowed, or 0 when the attempt may go ahead. */
export async function loginRetryAfterMinutes(keys: LoginKeys, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [accountKey, addressKey] = keysOf(keys);
  const failures = await prisma.loginAttempt.groupBy({
    by: ["key"],
    where: { key: { in: [accountKey, addressKey] }, succeeded: false, createdAt: { gte: since } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  const blocked = failures.filter(
    (row) => row._count._all >= (row.key === accountKey ? MAX_FAILURES_PER_ACCOUNT : MAX_FAILURES_PER_ADDRESS),
  );
  if (blocked.length === 0) return 0;
  const oldest = Math.min(...blocked.map((row) => row._min.createdAt!.getTime()));
  return Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - now.getTime()) / 60_000));
}

export async function recordLoginAttempt(keys: LoginKeys, succeeded: boolean) {
  if (succeeded) {
    // A successful log-in clears the account's failures (not the address's).
    await prisma.loginAttempt.deleteMany({ where: { key: `email:${keys.email}` } });
    return;
  }
  await prisma.loginAttempt.createMany({ data: keysOf(keys).map((key) => ({ key, succeeded: false })) });
}

export async function purgeOldLoginAttempts(now = new Date()) {
  await prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - LOGIN_WINDOW_MS) } } });
}
