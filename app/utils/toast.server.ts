import { redirect } from "@remix-run/node";
import type { MessageKey, MessageVars } from "#app/i18n/index.ts";
import { clearCookie, readCookie, writeCookie } from "./cookies.server.ts";

export type Toast = { type: "success" | "info" | "error"; key: MessageKey; vars?: MessageVars };

/** POST → redirect → GET with a one-time message shown on the next page. */
export async function redirectWithToast(request: Request, url: string, toast: Toast, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await writeCookie(request, "flash", toast));
  return redirect(url, { ...init, headers });
}

export async function takeToast(request: Request): Promise<{ toast: Toast | null; setCookie?: string }> {
  const toast = await readCookie<Toast>(request, "flash");
  if (!toast) return { toast: null };
  return { toast, setCookie: await clearCookie(request, "flash") };
}
