// Test data factories shared by service tests (and usable by Playwright setup). Each call makes a unique record.
import type { Prisma } from "#app/.server/prisma/client.ts";
import { prisma } from "#app/db.server.ts";
import { hashPassword } from "#app/modules/accounts/password.server.ts";
import type { UserActor } from "#app/modules/accounts/permissions.ts";
import { generateUscc } from "#app/modules/orgs/uscc.ts";

let counter = 0;
const next = () => ++counter;
const rng = { next: () => Math.random() };
let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "test-password-123";

export async function makeOrg(data: Partial<Prisma.OrganizationUncheckedCreateInput> & { tagIds?: number[]; serviceDistricts?: string[] } = {}) {
  const n = next();
  const { tagIds = [], serviceDistricts = [], ...fields } = data;
  const kind = fields.kind ?? "SOCIAL_SERVICE";
  const filed = kind === "MASS_ACTIVITY_TEAM" || kind === "COMMUNITY_GROUP";
  const org = await prisma.organization.create({
    data: {
      name: `测试机构${n}号服务中心`,
      kind,
      uscc: filed ? null : generateUscc(rng, { kindChar: kind === "SOCIAL_GROUP" ? "1" : kind === "FOUNDATION" ? "3" : "2", regionCode: "310104", serial: 5_000_000 + n }),
      filingNo: filed ? `沪徐备TEST-${n}` : null,
      districtCode: "310104",
      status: "VERIFIED",
      foundedOn: new Date(Date.UTC(2015, 0, 1)),
      ...fields,
      tags: { create: tagIds.map((tagId) => ({ tagId })) },
      serviceDistricts: { create: serviceDistricts.map((districtCode) => ({ districtCode })) },
    },
  });
  return org;
}

export async function makeBuyerUnit(data: Partial<Prisma.BuyerUnitUncheckedCreateInput> = {}) {
  const n = next();
  return prisma.buyerUnit.create({ data: { name: `测试街道${n}办事处`, kind: "STREET_OFFICE", districtCode: "310104", ...data } });
}

export async function makeUser(data: Partial<Prisma.UserUncheckedCreateInput> & Pick<Prisma.UserUncheckedCreateInput, "role">) {
  const n = next();
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return prisma.user.create({
    data: { email: `user${n}-${Date.now()}@example.cn`, passwordHash: await passwordHash, displayName: `测试用户${n}`, status: "ACTIVE", ...data },
  });
}

/** An actor as a route would pass it to a service. */
export function actorOf(user: { id: number; role: UserActor["role"]; orgId: number | null; buyerUnitId: number | null; displayName: string }): UserActor {
  return { type: "user", userId: user.id, role: user.role, orgId: user.orgId, buyerUnitId: user.buyerUnitId, displayName: user.displayName };
}

export async function makeOrgUser(org?: { id: number }) {
  const target = org ?? (await makeOrg());
  const user = await makeUser({ role: "ORG", orgId: target.id });
  return { org: target, user, actor: actorOf(user) };
}

export async function makeBuyerUser(unit?: { id: number }) {
  const target = unit ?? (await makeBuyerUnit());
  const user = await makeUser({ role: "BUYER", buyerUnitId: target.id });
  return { unit: target, user, actor: actorOf(user) };
}

export async function makeAdmin() {
  const user = await makeUser({ role: "ADMIN" });
  return { user, actor: actorOf(user) };
}

export async function tagId(nameZh: string) {
  return (await prisma.tag.findUniqueOrThrow({ where: { nameZh }, select: { id: true } })).id;
}
