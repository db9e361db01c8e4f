/**
 * A unique-constraint violation, however the driver reports it: Prisma's P2002 (PostgreSQL through adapter-pg), or
 * the raw SQLSTATE 23505 that the PGlite adapter passes through as the error's cause.
 */
export function isUniqueViolation(error: unknown) {
  const e = error as { code?: string; cause?: { code?: string; kind?: string; originalCode?: string } } | null;
  if (!e) return false;
  if (e.code === "P2002" || e.code === "23505") return true;
  const cause = e.cause;
  return cause?.code === "23505" || cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation";
}
