import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp?: string;
    cspNonce?: string;
  }
}

export function getClientIp(context: AppLoadContext | undefined) {
  return context?.clientIp ?? "unknown";
}
