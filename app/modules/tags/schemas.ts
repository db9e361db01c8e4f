// Tag-curation and catalog forms, shared by the browser (conform) and the server. Browser-safe.
import { z } from "zod";
import { msg } from "#app/i18n/zod-errors.ts";

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true" || value === "1");

const id = z.coerce.number().int().positive().max(2_147_483_647);
const optionalId = z.preprocess((value) => (value === "" || value === null ? undefined : value), id.optional());

/** A tag name or synonym: what people type. `|` separates list values in import files, so it cannot be part of one. */
export const TagTermSchema = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .refine((value) => !/[|,，;；\n]/.test(value), { message: msg("tags.term.separator") });

const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(max).optional());

export const CreateTagSchema = z.object({
  intent: z.literal("create-tag"),
  groupId: id,
  parentId: optionalId,
  nameZh: TagTermSchema,
  nameEn: optionalText(80),
  description: optionalText(300),
});

export const RenameTagSchema = z.object({
  intent: z.literal("rename"),
  nameZh: TagTermSchema,
  nameEn: optionalText(80),
  description: optionalText(300),
  keepOldName: checkbox,
});

export const MoveTagSchema = z.object({
  intent: z.literal("move"),
  groupId: id,
  parentId: optionalId,
});

export const AddSynonymSchema = z.object({ intent: z.literal("add-synonym"), term: TagTermSchema });
export const RemoveSynonymSchema = z.object({ intent: z.literal("remove-synonym"), synonymId: id });
export const DeprecateTagSchema = z.object({ intent: z.literal("deprecate"), reason: optionalText(200) });
export const ReactivateTagSchema = z.object({ intent: z.literal("reactivate") });
export const MergeTagSchema = z.object({
  intent: z.literal("merge"),
  targetId: id,
  confirm: checkbox.refine((value) => value, { message: msg("tags.merge.confirmRequired") }),
});

export const TagActionSchema = z.discriminatedUnion("intent", [
  RenameTagSchema,
  MoveTagSchema,
  AddSynonymSchema,
  RemoveSynonymSchema,
  DeprecateTagSchema,
  ReactivateTagSchema,
  MergeTagSchema,
]);
export type TagAction = z.infer<typeof TagActionSchema>;

// ───────────────────────────── catalog guide ─────────────────────────────

const yuan = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : value.replace(/[,，\s]/g, "")) : value),
  z.coerce.number().int().min(0).max(1_000_000_000).optional(),
);

export const CatalogItemSchema = z
  .object({
    code: z
      .string()
      .trim()
      .transform((value) => value.normalize("NFKC").toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2,4}-\d{2,3}$/, msg("tags.catalog.codeFormat"))),
    nameZh: z.string().trim().min(2).max(80),
    nameEn: optionalText(160),
    domain: z.string().trim().min(1).max(40),
    description: optionalText(2000),
    tagIds: z.array(id).max(12).default([]),
    budgetMin: yuan,
    budgetMax: yuan,
    active: checkbox,
  })
  .superRefine((value, ctx) => {
    if (value.budgetMin !== undefined && value.budgetMax !== undefined && value.budgetMin > value.budgetMax) {
      ctx.addIssue({ code: "custom", path: ["budgetMax"], message: msg("tags.catalog.budgetOrder") });
    }
  });
export type CatalogItemInput = z.infer<typeof CatalogItemSchema>;
