/** The form a tag name or synonym is stored and compared in: NFKC (full-width → half-width), trimmed, single spaces, lower-case Latin. */
export function normalizeTerm(value: string) {
  return value.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
