// A registry file of N valid generated organizations (prisma/seed/generators.ts), as a district bureau would send
// it: the import benchmark and the fault tests use it. Needs the reference data in the open database.
import fs from "node:fs";
import { prisma } from "#app/db.server.ts";
import { IMPORT_COLUMNS } from "#app/modules/orgs/import-columns.ts";
import { CATALOG_ITEMS } from "../prisma/seed/catalog.ts";
import { createRng, generateOrganization, type GeneratorContext } from "../prisma/seed/generators.ts";

const KIND_ZH = { SOCIAL_GROUP: "社会团体", SOCIAL_SERVICE: "社会服务机构", FOUNDATION: "基金会", MASS_ACTIVITY_TEAM: "群众活动团队", COMMUNITY_GROUP: "社区活动小组" };
const yesNo = (value: boolean) => (value ? "是" : "否");
const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : "");
const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export async function buildCsv(size: number, file: string, seed = 20_261_127) {
  const districts = await prisma.district.findMany({
    orderBy: { sortOrder: "asc" },
    select: { code: true, name: true, streets: { where: { administrative: true }, select: { code: true, name: true, kind: true } } },
  });
  const ctx: GeneratorContext = { districts, catalog: CATALOG_ITEMS };
  const rng = createRng(seed);
  const out = fs.createWriteStream(file);
  out.write("\uFEFF" + IMPORT_COLUMNS.join(",") + "\n");
  const seen = new Set<string>();
  for (let i = 0; i < size; i++) {
    const org = generateOrganization(rng, i, ctx);
    const id = org.uscc ?? org.filingNo ?? "";
    if (seen.has(id)) throw new Error(`generator repeated identifier ${id}`);
    seen.add(id);
    const row: Record<(typeof IMPORT_COLUMNS)[number], string> = {
      uscc: org.uscc ?? "",
      filingNo: org.filingNo ?? "",
      name: org.name,
      kind: KIND_ZH[org.kind],
      districtCode: org.districtCode,
      streetCode: org.streetCode ?? "",
      foundedOn: day(org.foundedOn),
      grade: org.gradeLevel ? `${org.gradeLevel}A` : "",
      gradeValidUntil: org.gradeLevel ? day(org.gradeValidUntil) : "",
      taxExempt: yesNo(org.taxExempt),
      preTaxDeduction: yesNo(org.preTaxDeduction),
      donationReceipts: yesNo(org.donationReceipts),
      certifiedSocialWorkers: String(org.certifiedSocialWorkers),
      staffCount: String(org.staffCount),
      serviceDistricts: org.serviceDistrictCodes.join("|"),
      tags: org.tagNames.join("|"),
      description: org.description,
      lastActiveOn: day(org.lastActiveAt),
    };
    if (!out.write(IMPORT_COLUMNS.map((column) => csvCell(row[column])).join(",") + "\n")) {
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

