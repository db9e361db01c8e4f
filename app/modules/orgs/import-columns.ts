// The registry import's columns (DESIGN.md, "Import columns"). Browser-safe: the admin page lists them too.
export const IMPORT_COLUMNS = [
  "uscc",
  "filingNo",
  "name",
  "kind",
  "districtCode",
  "streetCode",
  "foundedOn",
  "grade",
  "gradeValidUntil",
  "taxExempt",
  "preTaxDeduction",
  "donationReceipts",
  "certifiedSocialWorkers",
  "staffCount",
  "serviceDistricts",
  "tags",
  "description",
  "lastActiveOn",
] as const;
/** Optional: registry rows are verified and active unless this column says otherwise. */
export const OPTIONAL_COLUMNS = ["status"] as const;
