import { prisma } from "#app/db.server.ts";

/** The taxonomy as forms and search facets offer it: groups in order, each with its active tags and their synonyms. */
export function listActiveTaxonomy() {
  return prisma.tagGroup.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      key: true,
      nameZh: true,
      nameEn: true,
      tags: {
        where: { status: "ACTIVE" },
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, nameZh: true, nameEn: true, synonyms: { select: { term: true } } },
      },
    },
  });
}
