// Registration: an organization signs up with its identifier and starts as pending verification.
import { prisma } from "#app/db.server.ts";
import { hashPassword } from "#app/modules/accounts/password.server.ts";
import { ServiceError } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { isUniqueViolation } from "#app/modules/db/errors.server.ts";
import { enqueue } from "#app/modules/outbox/outbox.server.ts";
import { isFiledKind, type OrgSignup } from "./schemas.ts";
import { normalizeUscc, parseUscc } from "./uscc.ts";

export function normalizeFilingNo(value: string) {
  return value.normalize("NFKC").trim().replace(/\s+/g, "").toUpperCase();
}

/** Options for the sign-up form: districts with streets, and the service centres that can be custodians. */
export async function getRegistrationOptions() {
  const [districts, custodians] = await Promise.all([
    prisma.district.findMany({
      orderBy: { sortOrder: "asc" },
      select: {
        code: true,
        name: true,
        nameEn: true,
        streets: { orderBy: { sortOrder: "asc" }, select: { code: true, name: true, administrative: true } },
      },
    }),
    prisma.organization.findMany({
      where: { isServiceCentre: true, status: "VERIFIED" },
      orderBy: [{ districtCode: "asc" }, { name: "asc" }],
      select: { id: true, name: true, districtCode: true },
    }),
  ]);
  return { districts, custodians };
}

export async function registerOrganization(input: OrgSignup) {
  const filed = isFiledKind(input.kind);
  const parsedUscc = !filed && input.uscc ? parseUscc(input.uscc) : null;
  const uscc = !filed && input.uscc ? normalizeUscc(input.uscc) : null;
  const usccWarning = parsedUscc && !parsedUscc.ok && parsedUscc.code === "checkChar" ? "orgs.uscc.warning" : null;
  const filingNo = filed && input.filingNo ? normalizeFilingNo(input.filingNo) : null;

  if ((await prisma.user.count({ where: { email: input.email } })) > 0) throw new ServiceError(409, "auth.signup.emailTaken");
  if (uscc && (await prisma.organization.count({ where: { uscc } })) > 0) throw new ServiceError(409, "orgs.uscc.taken");
  if (filingNo && (await prisma.organization.count({ where: { filingNo } })) > 0) throw new ServiceError(409, "orgs.filingNo.taken");

  const district = await prisma.district.findUnique({ where: { code: input.districtCode }, select: { code: true } });
  if (!district) throw new ServiceError(422, "orgs.district.invalid");
  if (input.streetCode) {
    const street = await prisma.street.findFirst({ where: { code: input.streetCode, districtCode: input.districtCode } });
    if (!street) throw new ServiceError(422, "orgs.street.mismatch");
  }
  if (filed) {
    const custodian = await prisma.organization.findFirst({
      where: { id: input.custodianId, isServiceCentre: true, status: "VERIFIED" },
      select: { id: true },
    });
    if (!custodian) throw new ServiceError(422, "orgs.custodian.required");
  }

  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: {
          name: input.orgName,
          kind: input.kind,
          uscc,
          usccWarning,
          filingNo,
          custodianId: filed ? input.custodianId : null,
          isCommunityOrg: filed,
          districtCode: input.districtCode,
          streetCode: input.streetCode ?? null,
          contactName: input.displayName,
          contactPhone: input.phone,
          contactEmail: input.email,
          status: "PENDING",
          lastActiveAt: new Date(),
        },
        select: { id: true },
      });
      const user = await tx.user.create({
        data: {
          email: input.email,
          passwordHash,
          displayName: input.displayName,
          phone: input.phone,
          role: "ORG",
          status: "ACTIVE",
          orgId: org.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: { type: "user", userId: user.id, role: "ORG", orgId: org.id, buyerUnitId: null, displayName: input.displayName },
        action: "org.register",
        entityType: "Organization",
        entityId: org.id,
        after: { name: input.orgName, kind: input.kind, uscc, filingNo, usccWarning },
      });
      await enqueue(tx, "search.org", org.id);
      return { orgId: org.id, userId: user.id };
    });
  } catch (error) {
    // Two sign-ups racing for the same identifier: the unique constraint decides, the loser gets a clear answer.
    if (isUniqueViolation(error)) throw new ServiceError(409, uscc ? "orgs.uscc.taken" : "orgs.filingNo.taken");
    throw error;
  }
}
