// Bid and evaluation form schemas, shared by the browser and the server.
import { z } from "zod";
import { msg } from "#app/i18n/zod-errors.ts";
import { IdSchema, plain, YuanSchema } from "#app/modules/needs/schemas.ts";

const text = (max: number) => plain(0, max).optional().default("");

export const TeamMemberSchema = z.object({
  name: plain(1, 30),
  role: plain(1, 30),
  certifiedSocialWorker: z.boolean().optional().default(false),
});

export type TeamMember = z.output<typeof TeamMemberSchema>;

export const BidFormSchema = z.object({
  price: YuanSchema,
  proposal: plain(20, 20_000),
  team: z.array(TeamMemberSchema).min(1, msg("bids.form.teamRequired")).max(30),
});

export type BidInput = z.output<typeof BidFormSchema>;

export const ScoresFormSchema = z.object({
  bids: z
    .array(
      z.object({
        bidId: IdSchema,
        shortlisted: z.boolean().optional().default(false),
        note: text(500),
        scores: z
          .array(z.object({ criterionId: IdSchema, score: z.number().int().min(0).max(100).optional() }))
          .max(20)
          .optional()
          .default([]),
      }),
    )
    .max(500)
    .optional()
    .default([]),
});

export type ScoresInput = z.output<typeof ScoresFormSchema>["bids"];

export const AwardFormSchema = z.object({
  bidId: IdSchema,
  notice: text(1000),
  reason: text(500),
});
