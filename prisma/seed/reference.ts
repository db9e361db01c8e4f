// Reference data every installation needs: Shanghai's districts and streets, the curated tag taxonomy and the
// catalog guide. Idempotent: running it again updates names and adds what is missing, never duplicates.
import type { PrismaClient } from "#app/.server/prisma/client.ts";
import { normalizeTerm } from "#app/modules/tags/normalize.ts";
import { CATALOG_ITEMS } from "./catalog.ts";
import divisionsJson from "./data/shanghai-divisions.json";
import { TAG_GROUPS } from "./taxonomy.ts";

type Division = {
  code: string;
  name: string;
  streets: { code: string; name: string; kind: string }[];
  otherUnits?: { code: string; name: string; kind: string }[];
};

// English district names (GB/T 2260 pinyin with the usual English forms).
const DISTRICT_EN: Record<string, string> = {
  "310101": "Huangpu",
  "310104": "Xuhui",
  "310105": "Changning",
  "310106": "Jing'an",
  "310107": "Putuo",
  "310109": "Hongkou",
  "310110": "Yangpu",
  "310112": "Minhang",
  "310113": "Baoshan",
  "310114": "Jiading",
  "310115": "Pudong New Area",
  "310116": "Jinshan",
  "310117": "Songjiang",
  "310118": "Qingpu",
  "310120": "Fengxian",
  "310151": "Chongming",
};

export function loadDivisions(): Division[] {
  return divisionsJson as Division[];
}

export async function seedReferenceData(prisma: PrismaClient) {
  const divisions = loadDivisions();
  await prisma.$transaction(async (tx) => {
    for (const [index, district] of divisions.entries()) {
      await tx.district.upsert({
        where: { code: district.code },
        create: { code: district.code, name: district.name, nameEn: DISTRICT_EN[district.code] ?? district.name, sortOrder: index },
        update: { name: district.name, nameEn: DISTRICT_EN[district.code] ?? district.name, sortOrder: index },
      });
    }
    const streets = divisions.flatMap((district) => [
      ...district.streets.map((street, index) => ({ ...street, districtCode: district.code, administrative: true, sortOrder: index })),
      ...(district.otherUnits ?? []).map((unit, index) => ({
        ...unit,
        districtCode: district.code,
        administrative: false,
        sortOrder: 1000 + index,
      })),
    ]);
    const existing = new Set((await tx.street.findMany({ select: { code: true } })).map((street) => street.code));
    await tx.street.createMany({
      data: streets
        .filter((street) => !existing.has(street.code))
        .map(({ code, name, kind, districtCode, administrative, sortOrder }) => ({ code, name, kind, districtCode, administrative, sortOrder })),
    });

    for (const [groupIndex, group] of TAG_GROUPS.entries()) {
      const row = await tx.tagGroup.upsert({
        where: { key: group.key },
        create: { key: group.key, nameZh: group.nameZh, nameEn: group.nameEn, sortOrder: groupIndex },
        update: { nameZh: group.nameZh, nameEn: group.nameEn, sortOrder: groupIndex },
      });
      for (const [tagIndex, tag] of group.tags.entries()) {
        const saved = await tx.tag.upsert({
          where: { nameZh: tag.nameZh },
          create: { groupId: row.id, nameZh: tag.nameZh, nameEn: tag.nameEn, description: tag.description, sortOrder: tagIndex },
          update: {},
        });
        for (const synonym of tag.synonyms) {
          const term = normalizeTerm(synonym);
          const taken = await tx.tagSynonym.findUnique({ where: { term } });
          if (!taken) await tx.tagSynonym.create({ data: { tagId: saved.id, term } });
        }
      }
      for (const tag of group.tags) {
        if (!tag.parent) continue;
        const parent = await tx.tag.findUnique({ where: { nameZh: tag.parent }, select: { id: true } });
        if (parent) await tx.tag.updateMany({ where: { nameZh: tag.nameZh, parentId: null }, data: { parentId: parent.id } });
      }
    }

    const tagIds = new Map((await tx.tag.findMany({ select: { id: true, nameZh: true } })).map((tag) => [tag.nameZh, tag.id]));
    for (const [index, item] of CATALOG_ITEMS.entries()) {
      const saved = await tx.catalogItem.upsert({
        where: { code: item.code },
        create: {
          code: item.code,
          nameZh: item.nameZh,
          nameEn: item.nameEn,
          domain: item.domain,
          description: item.description,
          budgetMin: item.budgetMin,
          budgetMax: item.budgetMax,
          sortOrder: index,
        },
        update: {},
      });
      await tx.catalogItemTag.createMany({
        data: item.tags.flatMap((name) => (tagIds.has(name) ? [{ catalogItemId: saved.id, tagId: tagIds.get(name)! }] : [])),
        skipDuplicates: true,
      });
    }
  }, { timeout: 120_000 });
}
