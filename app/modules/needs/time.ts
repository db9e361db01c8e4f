// Shanghai wall-clock time for forms and rules. Instants are stored in UTC; people type and read Shanghai time
// (UTC+8 all year: China has no daylight saving). Date-only values (service period, founded on, grade valid
// until) are stored as UTC midnight of the calendar date. Browser-safe.

export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 24 * 3600_000;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function validParts(y: number, m: number, d: number) {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** "2026-12-01T17:00" (as a `datetime-local` input sends it), read as Shanghai time. */
export function parseShanghaiDateTime(value: string): Date | null {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [y, m, d, hh, mm, ss] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (!validParts(y, m, d) || hh > 23 || mm > 59 || ss > 59) return null;
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss) - SHANGHAI_OFFSET_MS);
}

/** The value for a `datetime-local` input, in Shanghai time (minutes; seconds only when not zero). */
export function toShanghaiDateTimeInput(value: Date | string | null | undefined): string {
  if (!value) return "";
  const local = new Date(new Date(value).getTime() + SHANGHAI_OFFSET_MS);
  const iso = local.toISOString();
  return local.getUTCSeconds() === 0 ? iso.slice(0, 16) : iso.slice(0, 19);
}

/** "2026-12-01" → UTC midnight of that calendar date. */
export function parseDateOnly(value: string): Date | null {
  const match = DATE_ONLY.exec(value.trim());
  if (!match) return null;
  const [y, m, d] = match.slice(1).map(Number);
  if (!validParts(y, m, d)) return null;
  return new Date(Date.UTC(y, m - 1, d));
}

export function toDateInput(value: Date | string | null | undefined): string {
  if (!value) return "";
  return new Date(value).toISOString().slice(0, 10);
}

/** The Shanghai calendar date of an instant, as UTC midnight of that date. */
export function shanghaiDateOf(instant: Date | string): Date {
  const local = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/** The first instant after a calendar date has ended in Shanghai (midnight that starts the next day). */
export function endOfShanghaiDay(date: Date | string): Date {
  const day = new Date(date);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1) - SHANGHAI_OFFSET_MS);
}

/** Calendar arithmetic on a date-only value (29 February plus one year is 1 March). */
export function addYears(date: Date | string, years: number): Date {
  const day = new Date(date);
  return new Date(Date.UTC(day.getUTCFullYear() + years, day.getUTCMonth(), day.getUTCDate()));
}

/** "2026-12-01 17:00" in Shanghai time: readable in either language (for notification texts stored once). */
export function formatShanghaiPlain(value: Date | string): string {
  return toShanghaiDateTimeInput(value).slice(0, 16).replace("T", " ");
}
