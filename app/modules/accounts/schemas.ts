// Form schemas shared by the browser (conform validates as you type) and the server (the source of truth).
import { z } from "zod";
import { msg } from "#app/i18n/zod-errors.ts";

export const EmailSchema = z
  .string()
  .trim()
  .min(1)
  .max(254)
  .email()
  .transform((value) => value.toLowerCase());

export const PasswordSchema = z.string().min(10).max(200);

/** A same-site path to go back to after log-in; anything else falls back to the workspace. */
export const RedirectToSchema = z
  .string()
  .max(500)
  .optional()
  .transform((value) => (value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : undefined));

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(200),
  redirectTo: RedirectToSchema,
});

const PhoneSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+\-() ]*$/, msg("form.invalidPhone"))
  .optional()
  .default("");

const AccountFields = {
  email: EmailSchema,
  password: PasswordSchema,
  confirmPassword: z.string().min(1).max(200),
  displayName: z.string().trim().min(1).max(50),
  phone: PhoneSchema,
};

export const BuyerSignupSchema = z
  .object({
    accountType: z.literal("buyer"),
    ...AccountFields,
    buyerUnitId: z.coerce.number().int().positive(),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: msg("auth.passwordMismatch"),
    path: ["confirmPassword"],
  });

export type BuyerSignup = z.infer<typeof BuyerSignupSchema>;
export const ACCOUNT_FIELDS = AccountFields;
