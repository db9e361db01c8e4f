// Route-side authentication. Every loader/action that needs a user calls one of the require* helpers, which
// throw a redirect (not logged in) or a 403 (wrong role); services check permissions again themselves.
import { redirect } from "@remix-run/node";
import type { Role } from "#app/.server/prisma/enums.ts";
import { ANONYMOUS, type Actor, type UserActor } from "#app/modules/accounts/permissions.ts";
import { endSession, getSessionUser } from "#app/modules/accounts/sessions.server.ts";
import { clearCookie, readCookie, writeCookie } from "./cookies.server.ts";
import { forbidden } from "./responses.server.ts";

const actors = new WeakMap<Request, Promise<Actor>>();

/** The acting user, or ANONYMOUS. Cached per request (the root loader and the route loader both ask). */
export function getActor(request: Request): Promise<Actor> {
  let actor = actors.get(request);
  if (!actor) {
    actor = (async () => {
      const token = await readCookie<string>(request, "session");
      if (typeof token !== "string") return ANONYMOUS;
      return (await getSessionUser(token)) ?? ANONYMOUS;
    })();
    actors.set(request, actor);
  }
  return actor;
}

function loginUrl(request: Request) {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return `/login?redirectTo=${encodeURIComponent(back)}`;
}

export async function requireUser(request: Request, roles?: Role[]): Promise<UserActor> {
  const actor = await getActor(request);
  if (actor.type !== "user") throw redirect(loginUrl(request));
  if (roles && !roles.includes(actor.role)) throw forbidden();
  return actor;
}

export async function requireAdmin(request: Request) {
  return requireUser(request, ["ADMIN"]);
}

export async function requireOrgUser(request: Request): Promise<UserActor & { orgId: number }> {
  const actor = await requireUser(request, ["ORG"]);
  if (actor.orgId === null) throw forbidden();
  return actor as UserActor & { orgId: number };
}

export async function requireBuyerUser(request: Request): Promise<UserActor & { buyerUnitId: number }> {
  const actor = await requireUser(request, ["BUYER"]);
  if (actor.buyerUnitId === null) throw forbidden();
  return actor as UserActor & { buyerUnitId: number };
}

export async function requireAnonymous(request: Request) {
  const actor = await getActor(request);
  if (actor.type === "user") throw redirect("/workspace");
}

export async function sessionCookieHeader(request: Request, token: string) {
  return writeCookie(request, "session", token);
}

export async function logOut(request: Request) {
  const token = await readCookie<string>(request, "session");
  if (typeof token === "string") await endSession(token);
  return clearCookie(request, "session");
}
