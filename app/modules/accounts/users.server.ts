import { prisma } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server.ts";
import { requireAdminActor, ServiceError, type Actor } from "./permissions.ts";
import { loginRetryAfterMinutes, recordLoginAttempt } from "./rate-limit.server.ts";
import type { BuyerSignup } from "./schemas.ts";
import { createSession } from "./sessions.server.ts";

export type LoginResult =
  | { ok: true; token: string; user: { id: number; displayName: string; role: string } }
  | { ok: false; reason: "invalid" | "disabled" | "pending" }
  | { ok: false; reason: "rateLimited"; retryAfterMinutes: number };

export async function logIn(input: {
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
}): Promise<LoginResult> {
  const keys = { email: input.email, ip: input.ip };
  const retryAfterMinutes = await loginRetryAfterMinutes(keys);
  if (retryAfterMinutes > 0) return { ok: false, reason: "rateLimited", retryAfterMinutes };

  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, status: true, displayName: true, role: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  await recordLoginAttempt(keys, valid);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  if (user.status === "DISABLED") return { ok: false, reason: "disabled" };
  if (user.status === "PENDING") return { ok: false, reason: "pending" };

  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  const token = await createSession(user.id, { ip: input.ip, userAgent: input.userAgent });
  return { ok: true, token, user: { id: user.id, displayName: user.displayName, role: user.role } };
}

export async function isEmailTaken(email: string) {
  return (await prisma.user.count({ where: { email } })) > 0;
}

/** Buyer staff sign up for an existing unit and wait until an administrator confirms them. */
export async function signUpBuyerStaff(input: BuyerSignup) {
  if (await isEmailTaken(input.email)) throw new ServiceError(409, "auth.signup.emailTaken");
  const unit = await prisma.buyerUnit.findUnique({ where: { id: input.buyerUnitId }, select: { id: true } });
  if (!unit) throw new ServiceError(422, "form.invalidChoice");
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email,
        passwordHash,
        displayName: input.displayName,
        phone: input.phone,
        role: "BUYER",
        status: "PENDING",
        buyerUnitId: unit.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: { type: "anonymous" },
      action: "user.signup",
      entityType: "User",
      entityId: user.id,
      after: { role: "BUYER", buyerUnitId: unit.id },
    });
    return user;
  });
}

export async function listPendingBuyerStaff(actor: Actor) {
  requireAdminActor(actor);
  return prisma.user.findMany({
    where: { role: "BUYER", status: "PENDING" },
    select: { id: true, email: true, displayName: true, phone: true, createdAt: true, buyerUnit: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export async function setUserStatus(actor: Actor, userId: number, status: "ACTIVE" | "DISABLED", reason?: string) {
  requireAdminActor(actor);
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { status: true } });
    if (!before) throw new ServiceError(404, "error.notFound.title");
    await tx.user.update({ where: { id: userId }, data: { status } });
    if (status === "DISABLED") await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actor, action: `user.${status.toLowerCase()}`, entityType: "User", entityId: userId, before, after: { status }, reason });
  });
}

export async function getAccount(userId: number) {
  return prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      phone: true,
      role: true,
      locale: true,
      org: { select: { id: true, name: true, status: true, statusReason: true } },
      buyerUnit: { select: { id: true, name: true } },
    },
  });
}

/** Buying units a new staff member can choose from at sign-up. */
export async function listBuyerUnitsForSignup() {
  return prisma.buyerUnit.findMany({
    orderBy: [{ districtCode: "asc" }, { name: "asc" }],
    select: { id: true, name: true, district: { select: { name: true, nameEn: true } } },
  });
}
