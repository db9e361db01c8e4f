// CSRF: a random token in an HttpOnly, signed, SameSite cookie, repeated in a hidden field of every form
// (signed double submit). The server also refuses cross-site POSTs by their Origin/Sec-Fetch-Site headers
// (server.js) — two independent checks.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { readCookie, writeCookie } from "./cookies.server.ts";

export const CSRF_FIELD = "csrf";

/** The visitor's token, and a Set-Cookie header when a new one had to be issued. */
export async function getCsrfToken(request: Request): Promise<{ token: string; setCookie?: string }> {
  const existing = await readCookie<string>(request, "csrf");
  if (typeof existing === "string" && existing.length >= 20) return { token: existing };
  const token = randomBytes(24).toString("base64url");
  return { token, setCookie: await writeCookie(request, "csrf", token) };
}

export async function isValidCsrf(request: Request, formData: FormData) {
  const expected = await readCookie<string>(request, "csrf");
  const given = formData.get(CSRF_FIELD);
  if (typeof expected !== "string" || typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
