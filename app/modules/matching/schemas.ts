// URL and form input of the matching pages (browser-safe). Bad values are dropped, never a 500.
import { z } from "zod";
import { ORG_KINDS } from "#app/modules/search/schemas.ts";

const DISTRICT = z.string().regex(/^\d{6}$/);

export type MatchFilterParams = { district: string[]; kind: (typeof ORG_KINDS)[number][]; grade: number | null; limit: number };

export function parseMatchFilters(params: URLSearchParams): MatchFilterParams {
  const many = <T,>(name: string, schema: z.ZodType<T>) =>
    [...new Set(params.getAll(name).flatMap((v) => v.split(",")))].slice(0, 20).flatMap((v) => {
      const parsed = schema.safeParse(v);
      return parsed.success ? [parsed.data] : [];
    });
  return {
    district: many("district", DISTRICT),
    kind: many("kind", z.enum(ORG_KINDS)),
    grade: z.coerce.number().int().min(1).max(5).nullable().catch(null).parse(params.get("grade") || null),
    limit: z.coerce.number().int().refine((n) => [20, 50, 100].includes(n)).catch(20).parse(params.get("limit") ?? 20),
  };
}

/** The rules being drafted on the posting form, for the live count (GET parameters of the count endpoint). */
export const LiveCountSchema = z.object({
  crossDistrict: z.enum(["true", "false"]).transform((v) => v === "true").catch(true),
  districtCodes: z.array(DISTRICT).max(16).catch([]),
  minGrade: z.coerce.number().int().min(1).max(5).nullable().catch(null),
  allowedKinds: z.array(z.enum(ORG_KINDS)).max(5).catch([]),
  requiredQualifications: z.array(z.enum(["TAX_EXEMPT", "PRE_TAX_DEDUCTION", "DONATION_RECEIPTS"])).max(3).catch([]),
  minYearsRegistered: z.coerce.number().int().min(1).max(50).nullable().catch(null),
  minSocialWorkers: z.coerce.number().int().min(1).max(1000).nullable().catch(null),
  bidDeadline: z.coerce.date().nullable().catch(null),
});

export const SaveSearchSchema = z.object({
  intent: z.literal("save"),
  search: z.string().max(2000).default(""),
  name: z.string().max(60).optional(),
});
