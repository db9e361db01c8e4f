import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { connectPglite, getDatabase, prisma } from "#app/db.server.ts";
import { DatabaseInUseError, acquireDataDirLock } from "#app/modules/db/data-dir-lock.server.ts";
import { applyMigrations, listMigrations } from "#app/modules/db/migrate.server.ts";

describe("database", () => {
  test("every migration is applied and recorded the way prisma migrate records it", async () => {
    const rows = await getDatabase().sql.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(listMigrations().map((m) => m.name));
    expect(rows.map((row) => row.checksum)).toEqual(listMigrations().map((m) => m.checksum));
  });

  test("applying migrations again changes nothing", async () => {
    expect(await applyMigrations(getDatabase().sql)).toEqual([]);
  });

  test("the unique identifiers are enforced by the database", async () => {
    await prisma.district.create({ data: { code: "310104", name: "徐汇区", nameEn: "Xuhui", sortOrder: 1 } });
    const org = { name: "徐汇区长者关爱服务中心", kind: "SOCIAL_SERVICE" as const, districtCode: "310104" };
    await prisma.organization.create({ data: { ...org, uscc: "52310104MJ0000001X" } });
    await expect(prisma.organization.create({ data: { ...org, uscc: "52310104MJ0000001X" } })).rejects.toThrow();
    await prisma.organization.create({ data: { ...org, kind: "MASS_ACTIVITY_TEAM", filingNo: "XH-2024-001" } });
    await expect(
      prisma.organization.create({ data: { ...org, kind: "MASS_ACTIVITY_TEAM", filingNo: "XH-2024-001" } }),
    ).rejects.toThrow();
  });
});

describe("embedded database folder", () => {
  test("a lock held by another live process is refused with its pid; a dead holder's lock is taken over", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duijie-lock-"));
    const other = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(path.join(dir, "duijie.pid"), `${other.pid}\nhost\n`);
      expect(() => acquireDataDirLock(dir)).toThrow(`in use by process ${other.pid}`);
    } finally {
      other.kill("SIGKILL");
    }
    fs.writeFileSync(path.join(dir, "duijie.pid"), `999999\nhost\n`);
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DatabaseInUseError); // a second open in this process
    release();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a second process opening the same folder fails clearly and the data stays intact", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duijie-db-"));
    const first = await connectPglite(path.join(dir, "db"));
    await first.prisma.district.create({ data: { code: "310101", name: "黄浦区", nameEn: "Huangpu", sortOrder: 0 } });
    const script = `import("#app/db.server.ts").then((m) => m.connectPglite(${JSON.stringify(path.join(dir, "db"))}));`;
    const child = spawnSync("npx", ["tsx", "--eval", script], { encoding: "utf8", timeout: 30_000 });
    expect(child.status).not.toBe(0);
    expect(child.stderr).toContain(`in use by process ${process.pid}`);
    expect(await first.prisma.district.count()).toBe(1);
    await first.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  test("an on-disk database keeps its data across close and reopen", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duijie-db-"));
    const first = await connectPglite(path.join(dir, "db"));
    await first.prisma.district.create({ data: { code: "310101", name: "黄浦区", nameEn: "Huangpu", sortOrder: 0 } });
    await expect(connectPglite(path.join(dir, "db"))).rejects.toThrow(DatabaseInUseError);
    await first.close();
    const second = await connectPglite(path.join(dir, "db"));
    expect(await second.prisma.district.count()).toBe(1);
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
