// Who is acting, and the rules every route *and* service applies. Services receive an Actor and check it
// themselves, so a service called from the CLI or a background job is protected the same way.
import type { Role } from "#app/.server/prisma/enums.ts";

export type UserActor = {
  type: "user";
  userId: number;
  role: Role;
  orgId: number | null;
  buyerUnitId: number | null;
  displayName: string;
  sessionId?: string;
};

export type Actor = { type: "anonymous" } | UserActor | { type: "system"; name: string };

export const ANONYMOUS: Actor = { type: "anonymous" };
export const systemActor = (name: string): Actor => ({ type: "system", name });

/** Thrown when an actor may not do something. Routes turn it into a 403 page. */
export class PermissionError extends Error {
  readonly status = 403;
  constructor(message = "forbidden") {
    super(message);
    this.name = "PermissionError";
  }
}

/**
 * An expected failure of a business rule (validation, conflict, deadline). `messageKey` is an i18n key so the UI
 * explains it in the reader's language.
 */
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 410 | 422 | 429,
    readonly messageKey: string,
    readonly vars?: Record<string, string | number>,
    readonly details?: unknown,
  ) {
    super(messageKey);
    this.name = "ServiceError";
  }
}

export function isUser(actor: Actor): actor is UserActor {
  return actor.type === "user";
}

export function isSystem(actor: Actor): boolean {
  return actor.type === "system";
}

export function isAdmin(actor: Actor): boolean {
  return actor.type === "system" || (actor.type === "user" && actor.role === "ADMIN");
}

export function isOrgMember(actor: Actor, orgId: number): boolean {
  return actor.type === "user" && actor.role === "ORG" && actor.orgId === orgId;
}

export function isBuyerStaff(actor: Actor, buyerUnitId: number): boolean {
  return actor.type === "user" && actor.role === "BUYER" && actor.buyerUnitId === buyerUnitId;
}

export function assertPermission(condition: unknown, message?: string): asserts condition {
  if (!condition) throw new PermissionError(message);
}

export function requireAdminActor(actor: Actor): void {
  assertPermission(isAdmin(actor), "admin only");
}

/** The organization the actor acts for; throws unless the actor is an organization user. */
export function requireOrgActor(actor: Actor): UserActor & { orgId: number } {
  assertPermission(actor.type === "user" && actor.role === "ORG" && actor.orgId !== null, "organization only");
  return actor as UserActor & { orgId: number };
}

/** The buying unit the actor works for; throws unless the actor is buyer staff. */
export function requireBuyerActor(actor: Actor): UserActor & { buyerUnitId: number } {
  assertPermission(
    actor.type === "user" && actor.role === "BUYER" && actor.buyerUnitId !== null,
    "buyer staff only",
  );
  return actor as UserActor & { buyerUnitId: number };
}

export function actorLabel(actor: Actor): { actorId: number | null; actorRole: string } {
  if (actor.type === "user") return { actorId: actor.userId, actorRole: actor.role };
  if (actor.type === "system") return { actorId: null, actorRole: `SYSTEM:${actor.name}` };
  return { actorId: null, actorRole: "ANONYMOUS" };
}
