import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { PermissionError, systemActor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { makeAdmin, makeOrgUser } from "#tests/factories.ts";
import { listAuditLog, shanghaiDayStart } from "./audit-log.server.ts";

let admin: Awaited<ReturnType<typeof makeAdmin>>["actor"];
beforeAll(async () => {
  await prisma.district.create({ data: { code: "310104", name: "徐汇区", nameEn: "Xuhui", sortOrder: 1 } });
  admin = (await makeAdmin()).actor;
  await recordAudit(prisma, { actor: admin, action: "org.verify", entityType: "Organization", entityId: 7, reason: "材料齐全" });
  await recordAudit(prisma, { actor: systemActor("cli"), action: "org.import", entityType: "ImportJob", entityId: 1 });
  await prisma.auditLog.create({ data: { action: "tag.merge", entityType: "Tag", entityId: "3", actorRole: "ADMIN", createdAt: new Date("2026-01-01T15:30:00Z") } });
});

describe("audit log", () => {
  test("filters by action, record, role and Shanghai calendar day; names the actor", async () => {
    const verify = await listAuditLog(admin, { action: "org.verify" });
    expect(verify.items).toHaveLength(1);
    expect(verify.items[0]).toMatchObject({ entityId: "7", reason: "材料齐全", actor: { displayName: expect.any(String) } });
    expect((await listAuditLog(admin, { entityType: "Organization", entityId: "7" })).total).toBe(1);
    expect((await listAuditLog(admin, { actorRole: "SYSTEM" })).items.map((i) => i.action)).toEqual(["org.import"]);
    // 2026-01-01T15:30Z is 23:30 on 1 January in Shanghai, and not 2 January.
    expect((await listAuditLog(admin, { from: "2026-01-01", to: "2026-01-01" })).items.map((i) => i.action)).toEqual(["tag.merge"]);
    expect((await listAuditLog(admin, { from: "2026-01-02", to: "2026-01-02" })).total).toBe(0);
    expect(shanghaiDayStart("2026-01-02").toISOString()).toBe("2026-01-01T16:00:00.000Z");
    const all = await listAuditLog(admin);
    expect(all.actions).toEqual(expect.arrayContaining(["org.import", "org.verify", "tag.merge"]));
  });

  test("only administrators read it", async () => {
    await expect(listAuditLog((await makeOrgUser()).actor)).rejects.toBeInstanceOf(PermissionError);
  });
});
