import { createCookie, type Cookie, type CookieSerializeOptions } from "@remix-run/node";
import { getSecrets } from "#app/modules/accounts/secrets.server.ts";
import { SESSION_ABSOLUTE_MS } from "#app/modules/accounts/sessions.server.ts";

// Cookies are HttpOnly and SameSite=Lax; `Secure` is added whenever the request came over HTTPS (directly or
// through a trusted proxy), so the plain-HTTP localhost demo still works.
let cookies: { session: Cookie; csrf: Cookie; flash: Cookie; locale: Cookie } | undefined;

function getCookies() {
  if (cookies) return cookies;
  const secrets = getSecrets();
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secrets };
  cookies = {
    session: createCookie("duijie_session", { ...base, maxAge: SESSION_ABSOLUTE_MS / 1000 }),
    csrf: createCookie("duijie_csrf", { ...base }),
    flash: createCookie("duijie_flash", { ...base, maxAge: 60 }),
    locale: createCookie("duijie_lang", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600 }),
  };
  return cookies;
}

export function isHttps(request: Request) {
  if (new URL(request.url).protocol === "https:") return true;
  // server.js builds the request URL from Express's req.protocol, which already honours X-Forwarded-Proto from a
  // trusted proxy; this is for other hosts of the handler (tests, another adapter).
  const trusted = (process.env.TRUST_PROXY ?? "false") !== "false";
  return trusted && request.headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
}

type Name = keyof ReturnType<typeof getCookies>;

export async function readCookie<T = unknown>(request: Request, name: Name): Promise<T | null> {
  try {
    return ((await getCookies()[name].parse(request.headers.get("Cookie"))) as T | null) ?? null;
  } catch {
    return null;
  }
}

export function writeCookie(request: Request, name: Name, value: unknown, options: CookieSerializeOptions = {}) {
  return getCookies()[name].serialize(value, { secure: isHttps(request), ...options });
}

export function clearCookie(request: Request, name: Name) {
  return getCookies()[name].serialize("", { secure: isHttps(request), maxAge: 0, expires: new Date(0) });
}
