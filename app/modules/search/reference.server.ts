// Labels for facets: tags by group, districts with their streets, catalog items. Small, read on every search page,
// so kept in memory for a short while (a renamed tag shows within a minute; the index itself follows the outbox).
import { prisma } from "#app/db.server.ts";
import { listActiveTaxonomy } from "#app/modules/tags/taxonomy.server.ts";
import { cachedFor } from "#app/utils/cached.server.ts";

export type FacetReference = {
  tagGroups: { key: string; nameZh: string; nameEn: string; tags: { id: number; nameZh: string; nameEn: string | null }[] }[];
  tags: Map<number, { id: number; nameZh: string; nameEn: string | null; groupKey: string; terms: string[] }>;
  districts: { code: string; name: string; nameEn: string; streets: { code: string; name: string }[] }[];
  streets: Map<string, { code: string; name: string; districtCode: string }>;
  catalog: { id: number; code: string; nameZh: string; nameEn: string | null }[];
};

export const loadFacetReference = cachedFor(
  60_000,
  async (): Promise<FacetReference> => {
    const [groups, districts, catalog] = await Promise.all([
      listActiveTaxonomy(),
      prisma.district.findMany({
        orderBy: { sortOrder: "asc" },
        select: { code: true, name: true, nameEn: true, streets: { orderBy: { sortOrder: "asc" }, select: { code: true, name: true } } },
      }),
      prisma.catalogItem.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, nameZh: true, nameEn: true } }),
    ]);
    return {
      tagGroups: groups.map((group) => ({ ...group, tags: group.tags.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })) })),
      tags: new Map(
        groups.flatMap((group) =>
          group.tags.map((tag) => [
            tag.id,
            { id: tag.id, nameZh: tag.nameZh, nameEn: tag.nameEn, groupKey: group.key, terms: [tag.nameZh, tag.nameEn ?? "", ...tag.synonyms.map((s) => s.term)].filter(Boolean) },
          ]),
        ),
      ),
      districts,
      streets: new Map(districts.flatMap((d) => d.streets.map((s) => [s.code, { ...s, districtCode: d.code }]))),
      catalog,
    };
  },
  { serveStale: false },
);

/** Forget the cached labels (tests, and after a synonyms/tag change is applied). */
export function clearFacetReference() {
  loadFacetReference.clear();
}
