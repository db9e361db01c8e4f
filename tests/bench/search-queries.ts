// A fixed mix of 200 realistic searches (100 on needs, 100 on organizations), the way the pages send them: words
// people type (tag names and their synonyms, catalog items, place names, organization-name fragments, English, a
// typo, half-typed words, codes), and the filters, facets and sorts the pages add. Deterministic (a fixed seed).
import { prisma } from "#app/db.server.ts";
import { fairFieldFor } from "#app/modules/search/documents.ts";
import { f } from "#app/modules/search/filter.ts";
import type { SearchRequest } from "#app/modules/search/port.ts";
import { createRng } from "../../prisma/seed/generators.ts";

export type BenchQuery = { index: "needs" | "orgs"; label: string; request: SearchRequest; urlParams: URLSearchParams };

const NEED_FACETS = ["districts", "streets", "tagIds", "catalogId", "budgetBand", "crossDistrict"];
const ORG_FACETS = ["serviceDistricts", "street", "tagIds", "kind", "qualifications", "isCommunityOrg"];
const PRE = "\uE000";
const POST = "\uE001";

export async function benchQueries(now = Date.now()): Promise<BenchQuery[]> {
  const rng = createRng(20_261_128);
  const tags = await prisma.tag.findMany({ select: { id: true, nameZh: true, nameEn: true, synonyms: { select: { term: true } } } });
  const catalog = await prisma.catalogItem.findMany({ select: { id: true, nameZh: true, code: true } });
  const districts = await prisma.district.findMany({ select: { code: true, name: true } });
  const orgNames = (await prisma.organization.findMany({ where: { status: "VERIFIED" }, select: { name: true, uscc: true }, take: 400, orderBy: { id: "asc" } })).filter((_, i) => i % 4 === 0);
  const needTitles = (await prisma.need.findMany({ where: { status: { not: "DRAFT" } }, select: { title: true }, take: 400, orderBy: { id: "asc" } })).filter((_, i) => i % 4 === 0);

  const fair = fairFieldFor(new Date(now));
  const words: string[] = [];
  const pick = <T,>(items: T[]) => items[rng.int(0, items.length - 1)];
  const synonym = () => {
    const tag = pick(tags.filter((t) => t.synonyms.length > 0));
    return pick(tag.synonyms).term;
  };
  const fragment = (text: string) => {
    const chars = [...text.replace(/^(上海市|上海)/, "")];
    const start = rng.int(0, Math.max(0, chars.length - 4));
    return chars.slice(start, start + rng.int(2, 4)).join("");
  };
  const typo = (word: string) => {
    const i = rng.int(1, word.length - 2);
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  };
  // What people type, in proportions a search log would show.
  const texts = (kind: "needs" | "orgs"): string => {
    const roll = rng.next();
    if (roll < 0.12) return "";
    if (roll < 0.3) return pick(tags).nameZh;
    if (roll < 0.42) return synonym();
    if (roll < 0.5) return `${pick(districts).name.replace(/区$/, "")} ${pick(tags).nameZh}`;
    if (roll < 0.58) return kind === "needs" ? pick(catalog).nameZh.replace(/（.*）/, "") : fragment(pick(orgNames).name);
    if (roll < 0.66) return fragment(kind === "needs" ? pick(needTitles).title : pick(orgNames).name);
    if (roll < 0.72) return (pick(tags.filter((t) => t.nameEn)).nameEn ?? "elderly care").toLowerCase();
    if (roll < 0.76) return typo("rehabilitation");
    if (roll < 0.84) return [...pick(tags).nameZh].slice(0, -1).join("") || "社";
    if (roll < 0.88) return kind === "needs" ? pick(catalog).code : (pick(orgNames).uscc ?? "社区");
    if (roll < 0.94) return `${synonym()} ${pick(["服务", "项目", "社区", "培训", "运营"])}`;
    return pick(["社区", "服务", "社区服务", "老年人", "志愿者", "心理", "儿童", "养老"]);
  };

  const out: BenchQuery[] = [];
  for (let i = 0; i < 100; i++) {
    const q = texts("needs");
    words.push(q);
    const filters: (string | null)[] = [];
    const url = new URLSearchParams();
    if (q) url.set("q", q);
    const phase = rng.next();
    if (phase < 0.75) filters.push(f.and(f.eq("status", "PUBLISHED"), f.or(f.gt("bidDeadline", now), f.isNull("bidDeadline"))));
    else url.set("phase", "all");
    if (rng.chance(0.35)) {
      const d = pick(districts).code;
      filters.push(f.in("districts", [d]));
      url.append("district", d);
    }
    if (rng.chance(0.2)) {
      const band = pick(["lt100k", "100k-300k", "300k-500k", "500k-1m", "gte1m"]);
      filters.push(f.in("budgetBand", [band]));
      url.append("budget", band);
    }
    if (rng.chance(0.15)) {
      const tag = pick(tags);
      filters.push(f.in("tagIds", [tag.id]));
      url.append("tag", String(tag.id));
    }
    if (rng.chance(0.1)) {
      filters.push(f.eq("crossDistrict", true));
      url.set("cross", "1");
    }
    const sort = q ? (rng.chance(0.8) ? [] : ["bidDeadline:asc"]) : rng.chance(0.7) ? ["publishedAt:desc"] : ["budget:desc"];
    if (sort[0] === "bidDeadline:asc") url.set("sort", "deadline");
    if (sort[0] === "budget:desc") url.set("sort", "budget_desc");
    const page = rng.chance(0.1) ? rng.int(2, 5) : 1;
    if (page > 1) url.set("page", String(page));
    out.push({
      index: "needs",
      label: q || "(browse)",
      urlParams: url,
      request: {
        q,
        filter: f.and(...filters),
        facets: NEED_FACETS,
        sort: [...sort, `${fair}:asc`],
        offset: (page - 1) * 20,
        limit: 20,
        attributesToHighlight: ["title", "summary"],
        attributesToCrop: ["summary:40"],
        highlightPreTag: PRE,
        highlightPostTag: POST,
      },
    });
  }
  for (let i = 0; i < 100; i++) {
    const q = texts("orgs");
    const filters: (string | null)[] = [f.eq("status", "VERIFIED")];
    const url = new URLSearchParams();
    if (q) url.set("q", q);
    if (rng.chance(0.35)) {
      const d = pick(districts).code;
      filters.push(f.in("serviceDistricts", [d]));
      url.append("district", d);
    }
    if (rng.chance(0.25)) {
      const kind = pick(["SOCIAL_SERVICE", "SOCIAL_GROUP", "FOUNDATION", "MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"]);
      filters.push(f.in("kind", [kind]));
      url.append("kind", kind);
    }
    if (rng.chance(0.2)) {
      const grade = rng.int(2, 5);
      filters.push(f.and(f.gte("grade", grade), f.gte("gradeValidUntil", now)));
      url.set("grade", String(grade));
    }
    if (rng.chance(0.1)) {
      filters.push(f.eq("qualifications", "TAX_EXEMPT"));
      url.append("qual", "TAX_EXEMPT");
    }
    if (rng.chance(0.15)) {
      filters.push(f.eq("isCommunityOrg", true));
      url.set("community", "1");
    }
    const sort = rng.chance(0.8) ? [] : [pick(["grade:desc", "completedContracts:desc", "ratingAvg:desc"])];
    if (sort[0]) url.set("sort", { "grade:desc": "grade", "completedContracts:desc": "contracts", "ratingAvg:desc": "rating" }[sort[0]]!);
    const page = rng.chance(0.1) ? rng.int(2, 5) : 1;
    if (page > 1) url.set("page", String(page));
    out.push({
      index: "orgs",
      label: q || "(browse)",
      urlParams: url,
      request: {
        q,
        filter: f.and(...filters),
        facets: ORG_FACETS,
        sort: [...sort, `${fair}:asc`],
        offset: (page - 1) * 20,
        limit: 20,
        attributesToHighlight: ["name", "description"],
        attributesToCrop: ["description:40"],
        highlightPreTag: PRE,
        highlightPostTag: POST,
      },
    });
  }
  return out;
}
