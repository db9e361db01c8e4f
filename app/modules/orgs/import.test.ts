import { beforeAll, describe, expect, test } from "vitest";
import { getDatabase, prisma } from "#app/db.server.ts";
import { PermissionError, systemActor } from "#app/modules/accounts/permissions.ts";
import { deprecateTag } from "#app/modules/tags/tags.server.ts";
import { makeAdmin, makeOrg, makeOrgUser, tagId } from "#tests/factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { ImportFileError, parseImportFile } from "./import-rows.server.ts";
import { confirmOrgImport, discardOrgImport, importOrgsFile, previewOrgImport } from "./import.server.ts";
import { generateUscc } from "./uscc.ts";

const cli = systemActor("cli");
let admin: Awaited<ReturnType<typeof makeAdmin>>["actor"];
beforeAll(async () => {
  await seedReferenceData(prisma);
  admin = (await makeAdmin()).actor;
});

let serial = 7_000_000;
const code = (kindChar: "1" | "2" | "3" = "2", regionCode = "310104") => generateUscc({ next: Math.random }, { kindChar, regionCode, serial: serial++ });
const withWrongCheck = (uscc: string) => uscc.slice(0, 17) + (uscc[17] === "A" ? "B" : "A");

const HEADER =
  "uscc,filingNo,name,kind,districtCode,streetCode,foundedOn,grade,gradeValidUntil,taxExempt,preTaxDeduction,donationReceipts,certifiedSocialWorkers,staffCount,serviceDistricts,tags,description,lastActiveOn";

function csv(rows: string[][], header = HEADER) {
  return [header, ...rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(","))].join("\n") + "\n";
}

const counts = async () => ({
  orgs: await prisma.organization.count(),
  audit: await prisma.auditLog.count(),
  outbox: await prisma.outboxEvent.count(),
  tags: await prisma.orgTag.count(),
});

describe("import orgs", () => {
  const good = code();
  const foundation = code("3", "310000");
  const closedDistrictCode = code("2", "310108"); // registered by the former 闸北区: positions 3–8 are never the district
  const original = code();
  const badCheck = withWrongCheck(original);
  const rows = [
    [good, "", "上海市徐汇区康健长者综合服务中心", "社会服务机构", "310104", "310104013", "2016-03-18", "4A", "2028-12-31", "是", "否", "否", "6", "25", "310104|310105", "助餐|长者食堂|老年人", "运营康健街道长者食堂两处，日均供餐 350 份。", "2026-10-08"],
    ["", "沪徐枫备2019-003", "枫林路街道银杏合唱队", "群众活动团队", "310104", "", "2019-05-01", "", "", "", "", "", "", "", "", "文化|老年人", "退休居民合唱队，队员 32 人。", ""],
    [foundation, "", "上海市某某公益基金会", "基金会", "310101", "", "2008-01-01", "5A", "2027-06-30", "true", "true", "true", "3", "12", "", "助学", "", ""],
    [closedDistrictCode, "", "上海市静安区大宁社区服务社", "民办非企业单位", "310106", "", "2012-09-09", "", "", "", "", "", "", "", "", "", "", ""],
    [code(), "", "上海市浦江镇不存在区服务社", "社会服务机构", "310199", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    [badCheck, "", "上海市校验码错误服务中心", "社会服务机构", "310104", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    [code(), "", "上海市未知标签服务中心", "社会服务机构", "310104", "", "", "", "", "", "", "", "", "", "", "长者食掌|宠物寄养", "", ""],
    [code(), "", "上海市多处错误服务中心", "社会服务机构", "310104", "310115005", "2019-02-30", "6A", "", "也许", "", "", "-3", "", "", "", "", ""],
    [good, "", "重复代码的机构", "社会服务机构", "310104", "", "", "", "", "", "", "", "", "", "", "", "", ""],
  ];
  let firstReport: Awaited<ReturnType<typeof importOrgsFile>>;

  test("valid rows are imported verified; every rejected row says why, and nothing of it is written", async () => {
    const content = "\uFEFF" + csv(rows); // Excel's UTF-8 CSV starts with a BOM
    firstReport = await importOrgsFile(cli, { fileName: "xuhui-registry.csv", content });
    expect(firstReport).toMatchObject({ totalRows: 9, created: 4, updated: 0, unchanged: 0, rejectedCount: 5 });

    const reasons = Object.fromEntries(firstReport.rejected.map((r) => [r.line, r.reasons.map((reason) => [reason.key, reason.vars])]));
    expect(reasons[6]).toEqual([["orgs.import.row.district", { value: "310199" }]]);
    expect(reasons[7]).toEqual([["orgs.import.uscc.checkChar", expect.objectContaining({ value: badCheck, expected: original[17] })]]);
    expect(reasons[8]).toEqual([
      ["orgs.import.row.tagUnknownVia", { value: "长者食掌", suggestion: "助餐", via: "长者食堂" }],
      ["orgs.import.row.tagUnknownNoSuggestion", { value: "宠物寄养" }],
    ]);
    expect(reasons[9].map(([key]) => key)).toEqual([
      "orgs.import.row.streetDistrict",
      "orgs.import.row.date",
      "orgs.import.row.grade",
      "orgs.import.row.boolean",
      "orgs.import.row.count",
    ]);
    expect(reasons[10]).toEqual([["orgs.import.row.duplicate", { line: 2 }]]);

    const org = await prisma.organization.findUniqueOrThrow({ where: { uscc: good }, include: { tags: { include: { tag: true } }, serviceDistricts: true } });
    expect(org).toMatchObject({ status: "VERIFIED", kind: "SOCIAL_SERVICE", gradeLevel: 4, taxExempt: true, staffCount: 25, streetCode: "310104013" });
    expect(org.verifiedAt).not.toBeNull();
    expect(org.tags.map((t) => t.tag.nameZh).sort()).toEqual(["助餐", "老年人"].sort()); // 长者食堂 is 助餐: once
    expect(org.serviceDistricts.map((s) => s.districtCode).sort()).toEqual(["310104", "310105"]);
    const team = await prisma.organization.findUniqueOrThrow({ where: { filingNo: "沪徐枫备2019-003" } });
    expect(team).toMatchObject({ kind: "MASS_ACTIVITY_TEAM", isCommunityOrg: true, uscc: null });
    expect(await prisma.organization.count({ where: { name: { in: ["上海市浦江镇不存在区服务社", "上海市校验码错误服务中心", "上海市未知标签服务中心", "上海市多处错误服务中心", "重复代码的机构"] } } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "org.import.create" } })).toBe(4);
    expect(await prisma.outboxEvent.count({ where: { topic: "search.org", key: String(org.id) } })).toBe(1);
    expect(await prisma.importJob.count({ where: { status: "applied" } })).toBe(1);
  });

  test("the same file twice changes nothing — not a row, not an audit entry, not an index update", async () => {
    const before = await counts();
    const updatedAt = (await prisma.organization.findUniqueOrThrow({ where: { uscc: good } })).updatedAt;
    const again = await importOrgsFile(cli, { fileName: "xuhui-registry.csv", content: csv(rows) }); // and without the BOM
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, rejectedCount: 5 });
    const after = await counts();
    expect({ ...after, audit: after.audit - 1 }).toEqual(before); // only the job's own audit row
    expect((await prisma.organization.findUniqueOrThrow({ where: { uscc: good } })).updatedAt).toEqual(updatedAt);
    // The same data as JSON is the same data.
    const json = JSON.stringify(
      rows.slice(0, 4).map((row) => Object.fromEntries(HEADER.split(",").map((key, i) => [key, key === "tags" || key === "serviceDistricts" ? row[i].split("|").filter(Boolean) : row[i]]))),
    );
    expect(await importOrgsFile(cli, { fileName: "registry.json", content: json })).toMatchObject({ created: 0, updated: 0, unchanged: 4, rejectedCount: 0 });
  });

  test("a changed row updates; empty cells keep what the organization has; lists add, never remove", async () => {
    const org = await prisma.organization.findUniqueOrThrow({ where: { uscc: good } });
    await prisma.orgTag.create({ data: { orgId: org.id, tagId: await tagId("心理健康") } }); // chosen by the organization itself
    const changed = [[good, "", "上海市徐汇区康健长者综合服务中心", "社会服务机构", "310104", "", "", "5A", "2030-12-31", "", "", "", "", "", "", "认知症照护", "", ""]];
    const report = await importOrgsFile(cli, { fileName: "update.csv", content: csv(changed) });
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const now = await prisma.organization.findUniqueOrThrow({ where: { id: org.id }, include: { tags: { include: { tag: true } } } });
    expect(now).toMatchObject({ gradeLevel: 5, staffCount: 25, taxExempt: true, streetCode: "310104013", description: org.description });
    expect(now.tags.map((t) => t.tag.nameZh).sort()).toEqual(["助餐", "心理健康", "认知症照护", "老年人"].sort());
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "org.import.update", entityId: String(org.id) } });
    expect(audit.after).toMatchObject({ file: "update.csv", changes: { gradeLevel: 5, gradeValidUntil: "2030-12-31", addTags: [await tagId("认知症照护")] } });
  });

  test("a self-registered organization in the registry keeps its pending status unless the file says otherwise", async () => {
    const org = await makeOrg({ status: "PENDING", name: "自己注册的名称" });
    await makeOrgUser(org);
    const row = [org.uscc!, "", "上海市徐汇区登记名称服务中心", "社会服务机构", "310104", "", "", "", "", "", "", "", "", "", "", "", "", ""];
    await importOrgsFile(cli, { fileName: "a.csv", content: csv([row]) });
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ status: "PENDING", name: "上海市徐汇区登记名称服务中心" });
    await importOrgsFile(cli, { fileName: "b.csv", content: csv([[...row, "已认证"]], `${HEADER},status`) });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).status).toBe("VERIFIED");
    const suspended = [code(), "", "上海市已暂停的服务社", "社会服务机构", "310104", "", "", "", "", "", "", "", "", "", "", "", "", "", "已暂停"];
    await importOrgsFile(cli, { fileName: "c.csv", content: csv([suspended], `${HEADER},status`) });
    expect((await prisma.organization.findUniqueOrThrow({ where: { uscc: suspended[0] } })).status).toBe("SUSPENDED");
  });

  test("a deprecated tag is refused for a new organization", async () => {
    await deprecateTag(admin, await tagId("线上服务"), "测试");
    const row = [code(), "", "上海市线上服务社", "社会服务机构", "310104", "", "", "", "", "", "", "", "", "", "", "线上服务", "", ""];
    const report = await importOrgsFile(cli, { fileName: "d.csv", content: csv([row]) });
    expect(report.rejected[0].reasons).toEqual([{ field: "tags", key: "orgs.import.row.tagDeprecated", vars: { value: "线上服务", name: "线上服务" } }]);
    expect(await prisma.organization.count({ where: { name: "上海市线上服务社" } })).toBe(0);
  });

  test("a row that fails while writing is rolled back alone; the rest of its batch is imported", async () => {
    const sql = getDatabase().sql;
    await sql.exec(`
      CREATE FUNCTION refuse_test_org() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = '写入失败的测试机构' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_test_org BEFORE INSERT OR UPDATE ON "Organization" FOR EACH ROW EXECUTE FUNCTION refuse_test_org();`);
    try {
      const batch = ["写入失败的测试机构", "上海市第一个正常机构", "上海市第二个正常机构"].map((name) => [code(), "", name, "社会服务机构", "310104", "", "", "", "", "", "", "", "", "", "310104", "助餐", "", ""]);
      const before = await counts();
      const report = await importOrgsFile(cli, { fileName: "e.csv", content: csv(batch) });
      expect(report).toMatchObject({ created: 2, rejectedCount: 1 });
      expect(report.rejected[0]).toMatchObject({ line: 2, reasons: [{ key: "orgs.import.row.writeFailed" }] });
      const after = await counts();
      expect(after.orgs - before.orgs).toBe(2);
      expect(after.tags - before.tags).toBe(2); // no tag row for the refused organization
      expect(after.outbox - before.outbox).toBe(2);
    } finally {
      await sql.exec(`DROP TRIGGER refuse_test_org ON "Organization"; DROP FUNCTION refuse_test_org();`);
    }
  });

  test("the same organization twice in a file is refused the second time, even when the first row failed", async () => {
    const twice = code();
    const report = await importOrgsFile(cli, {
      fileName: "twice.csv",
      content: csv([
        [twice, "", "上海市第一行有误的服务社", "社会服务机构", "310199", "", "", "", "", "", "", "", "", "", "", "", "", ""],
        [twice.toLowerCase(), "", "上海市第二行正确的服务社", "社会服务机构", "310104", "", "", "", "", "", "", "", "", "", "", "", "", ""],
      ]),
    });
    expect(report.created).toBe(0);
    expect(report.rejected.map((r) => r.reasons.map((reason) => reason.key))).toEqual([["orgs.import.row.district"], ["orgs.import.row.duplicate"]]);
  });

  test("files that cannot be read are refused as a whole, with the reason", () => {
    const gbk = Buffer.from([0xc9, 0xcf, 0xba, 0xa3, 0x2c, 0x61, 0x0a]); // "上海,a" in GBK
    expect(() => parseImportFile(gbk, "gbk.csv")).toThrow(expect.objectContaining({ reason: { key: "orgs.import.file.notUtf8" } }));
    expect(() => parseImportFile("name,kind\nx,y\n", "a.csv")).toThrow(ImportFileError);
    expect(() => parseImportFile("{\"a\":1}", "a.json")).toThrow(expect.objectContaining({ reason: { key: "orgs.import.file.jsonNotArray" } }));
    expect(() => parseImportFile("", "a.csv")).toThrow(expect.objectContaining({ reason: { key: "orgs.import.file.empty" } }));
    expect(parseImportFile(`${HEADER},remark\n`.replace("\n", "\n" + ",".repeat(18) + "\n"), "a.csv").warnings).toEqual([
      { key: "orgs.import.file.unknownColumns", vars: { columns: "remark" } },
    ]);
  });

  test("only administrators import; the admin page previews first and imports on confirmation, once", async () => {
    const { actor: orgActor } = await makeOrgUser();
    await expect(importOrgsFile(orgActor, { fileName: "x.csv", content: csv(rows) })).rejects.toBeInstanceOf(PermissionError);
    const fresh = [[code(), "", "上海市预览后导入的服务社", "社会服务机构", "310104", "", "", "", "", "", "", "", "", "", "", "", "", ""]];
    const { jobId, report } = await previewOrgImport(admin, { fileName: "preview.csv", content: csv(fresh) });
    expect(report).toMatchObject({ created: 1, applied: false });
    expect(await prisma.organization.count({ where: { name: "上海市预览后导入的服务社" } })).toBe(0);
    await expect(confirmOrgImport(orgActor, jobId)).rejects.toBeInstanceOf(PermissionError);
    await expect(confirmOrgImport(admin, jobId)).resolves.toMatchObject({ created: 1, applied: true });
    expect(await prisma.organization.count({ where: { name: "上海市预览后导入的服务社" } })).toBe(1);
    await expect(confirmOrgImport(admin, jobId)).rejects.toMatchObject({ messageKey: "orgs.import.job.notPending" });
    expect((await prisma.auditLog.findMany({ where: { entityType: "ImportJob", entityId: String(jobId) }, orderBy: { id: "asc" } })).map((r) => r.action)).toEqual([
      "org.import.preview",
      "org.import",
    ]);
    const second = await previewOrgImport(admin, { fileName: "again.csv", content: csv(fresh) });
    expect(second.report).toMatchObject({ created: 0, unchanged: 1 });
    await discardOrgImport(admin, second.jobId);
    await expect(confirmOrgImport(admin, second.jobId)).rejects.toMatchObject({ messageKey: "orgs.import.job.notPending" });
    await expect(previewOrgImport(admin, { fileName: "bad.csv", content: "foo,bar\n1,2\n" })).rejects.toMatchObject({ messageKey: "orgs.import.file.missingColumns" });
  });
});
