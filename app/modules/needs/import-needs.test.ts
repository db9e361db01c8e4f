// `import needs`: rows are checked and reported with reasons, valid rows create published needs by externalId,
// the same file twice changes nothing, a changed row updates the need, and an imported need is ready for `match`.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/db.server.ts";
import { PermissionError, systemActor } from "#app/modules/accounts/permissions.ts";
import { makeBuyerUnit, makeOrgUser } from "#tests/factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { importNeedsFile } from "./import-needs.server.ts";

const HEADER = "externalId,buyer,title,summary,description,districtCode,catalogCode,tags,budget,crossDistrict,minGrade,allowedKinds,requiredQualifications,communityPriority,bidDeadline";
const cli = systemActor("cli");

beforeAll(async () => {
  await seedReferenceData(prisma);
  await makeBuyerUnit({ name: "徐汇区测试街道办事处" });
});

describe("import needs", () => {
  it("creates published needs by externalId, reports bad rows with reasons, and changes nothing the second time", async () => {
    const file = [
      HEADER,
      "EXT-1,徐汇区测试街道办事处,认知症友好社区建设,早筛与照护者支持,,310104,,失智|老年人,300000,否,3A,社会服务机构,非营利组织免税资格,是,2031-12-20T17:00:00+08:00",
      "EXT-2,没有这个单位,标题,,,310199,,没有的标签,abc,也许,6A,公司,,否,2031-12-20",
    ].join("\n");
    const first = await importNeedsFile(cli, file, "needs.csv");
    expect(first).toMatchObject({ totalRows: 2, created: 1, updated: 0, unchanged: 0 });
    expect(first.rejected).toHaveLength(1);
    expect(first.rejected[0].reasons.map((r) => r.field)).toEqual(["buyer", "districtCode", "tags", "budget", "crossDistrict", "minGrade", "allowedKinds", "bidDeadline"]);
    const need = await prisma.need.findUniqueOrThrow({
      where: { externalId: "EXT-1" },
      select: { status: true, crossDistrict: true, minGrade: true, allowedKinds: true, requiredQualifications: true, communityPriority: true, bidDeadline: true, tags: { select: { tag: { select: { nameZh: true } } } } },
    });
    expect(need).toMatchObject({ status: "PUBLISHED", crossDistrict: false, minGrade: 3, allowedKinds: ["SOCIAL_SERVICE"], requiredQualifications: ["TAX_EXEMPT"], communityPriority: true });
    expect(need.bidDeadline!.toISOString()).toBe("2031-12-20T09:00:00.000Z");
    expect(need.tags.map((t) => t.tag.nameZh).sort()).toEqual(["老年人", "认知症照护"]); // 失智 is a synonym
    expect(await prisma.outboxEvent.count({ where: { topic: "alerts.need" } })).toBe(1);

    const again = await importNeedsFile(cli, file, "needs.csv");
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const changed = await importNeedsFile(cli, file.replace("300000", "320000"), "needs.csv");
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
  });

  it("is for administrators and the command line only", async () => {
    const member = await makeOrgUser();
    await expect(importNeedsFile(member.actor, HEADER, "needs.csv")).rejects.toBeInstanceOf(PermissionError);
  });
});
