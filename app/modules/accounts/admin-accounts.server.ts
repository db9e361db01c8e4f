import { prisma } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { hashPassword } from "./password.server.ts";
import { requireAdminActor, ServiceError, type Actor } from "./permissions.ts";

/** Administrators are created only by the CLI and the seed (system actors) or by another administrator. */
export async function createAdmin(actor: Actor, input: { email: string; name: string; password: string }) {
  requireAdminActor(actor);
  if ((await prisma.user.count({ where: { email: input.email } })) > 0) throw new ServiceError(409, "auth.signup.emailTaken");
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, passwordHash, displayName: input.name, role: "ADMIN", status: "ACTIVE" },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "user.createAdmin", entityType: "User", entityId: user.id, after: { email: input.email } });
    return user;
  });
}
