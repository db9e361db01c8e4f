// Text a person typed into a search or filter box, made safe to compare in SQL. PostgreSQL refuses NUL in a query
// parameter ("invalid byte sequence"), which turned `?q=%00` on an admin list into a 500; other control characters
// never belong in a search either.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The typed text without control characters, NFKC-normalized and trimmed; undefined when nothing is left. */
export function searchText(value: string | null | undefined): string | undefined {
  const text = value?.replace(CONTROL_CHARS, "").normalize("NFKC").trim();
  return text ? text : undefined;
}
