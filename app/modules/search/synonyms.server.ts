// Synonyms for both engines, from the curated tags: a tag's Chinese name, its English name and its synonyms all
// stand for each other (both directions, as Meilisearch needs them spelled out). A merged tag's names become
// synonyms of the tag it was merged into, so people who search the old name still find the re-tagged records.
import { prisma, type DbClient } from "#app/db.server.ts";
import { normalizeTerm } from "#app/modules/tags/normalize.ts";

/** Meilisearch looks synonyms up for runs of at most three query words; it allows at most 50 per term. */
const MAX_PER_TERM = 50;

export type SynonymSource = { id: number; nameZh: string; nameEn: string | null; status: string; mergedIntoId: number | null; synonyms: string[] };

export function synonymsFromTags(tags: SynonymSource[]): Record<string, string[]> {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  // Follow merges to the surviving tag.
  const target = (tag: SynonymSource) => {
    let current = tag;
    for (let hops = 0; current.status === "MERGED" && current.mergedIntoId && hops < 10; hops++) {
      const next = byId.get(current.mergedIntoId);
      if (!next) break;
      current = next;
    }
    return current;
  };
  const groups = new Map<number, Set<string>>();
  for (const tag of tags) {
    const root = target(tag);
    const names = groups.get(root.id) ?? new Set<string>();
    for (const term of [tag.nameZh, tag.nameEn ?? "", ...tag.synonyms]) {
      const normalized = normalizeTerm(term);
      if (normalized) names.add(normalized);
    }
    groups.set(root.id, names);
  }
  const synonyms: Record<string, string[]> = {};
  for (const names of groups.values()) {
    if (names.size < 2) continue;
    for (const term of names) {
      const others = [...names].filter((other) => other !== term).slice(0, MAX_PER_TERM);
      synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...others])].slice(0, MAX_PER_TERM);
    }
  }
  return synonyms;
}

export async function loadSynonyms(db: DbClient = prisma): Promise<Record<string, string[]>> {
  const tags = await db.tag.findMany({
    select: { id: true, nameZh: true, nameEn: true, status: true, mergedIntoId: true, synonyms: { select: { term: true } } },
  });
  return synonymsFromTags(tags.map((tag) => ({ ...tag, synonyms: tag.synonyms.map((s) => s.term) })));
}
