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

const SAME_SITE = "http://same-site.invalid";

/**
 * A path on this site, or undefined. Browsers drop tabs and line breaks from a URL and read `\\` as `/`, so
 * `/<tab>/evil.example` is `//evil.example` to them: the value is resolved the way a browser would, and only a
 * same-origin result without control characters or backslashes is kept.
 */
export function sameSitePath(value: string | undefined): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what browsers silently drop
  if (!value || !value.startsWith("/") || /[\u0000-\u001F\u007F\\]/.test(value)) return undefined;
  try {
    const url = new URL(value, SAME_SITE);
    return url.origin === SAME_SITE ? url.pathname + url.search + url.hash : undefined;
  } catch {
    return undefined;
  }
}

/** A same-site path to go back to after log-in; anything else falls back to the workspace. */
export const RedirectToSchema = z.string().max(500).optional().transform(sameSitePath);

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
