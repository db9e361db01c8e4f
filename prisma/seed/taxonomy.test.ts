import { describe, expect, test } from "vitest";
import { CATALOG_ITEMS } from "./catalog.ts";
import { ALL_TAG_NAMES, COMMUNITY_CLASSES, SERVICE_DOMAINS, TAG_GROUPS, tagNamesByGroup } from "./taxonomy.ts";

// The database normalizes synonym terms with NFKC and trims them (TagSynonym.term is globally unique).
const norm = (term: string) => term.normalize("NFKC").trim();

const REQUIRED_NAMES = [
  "助餐",
  "长者照护",
  "认知症照护",
  "暑托班",
  "儿童服务",
  "阳光之家",
  "康复",
  "矛盾调处",
  "纠纷化解",
  "楼组自治",
  "社区协商",
  "扶贫",
  "济困",
  "救孤",
  "救灾",
  "助学",
  "环保",
  "乡村振兴",
  "文化",
  "体育",
  "心理健康",
  "法律援助",
  "志愿服务",
];

describe("TAG_GROUPS", () => {
  test("the four groups, each with Chinese and English names", () => {
    expect(TAG_GROUPS.map((group) => group.key)).toEqual(["domain", "beneficiary", "mode", "community-class"]);
    for (const group of TAG_GROUPS) {
      expect(group.nameZh.trim()).not.toBe("");
      expect(group.nameEn.trim()).not.toBe("");
    }
  });

  test("at least 60 tags, every one with an English name and a description", () => {
    expect(ALL_TAG_NAMES.length).toBeGreaterThanOrEqual(60);
    for (const tag of TAG_GROUPS.flatMap((group) => group.tags)) {
      expect(tag.nameEn.trim(), tag.nameZh).not.toBe("");
      expect(tag.description.trim(), tag.nameZh).not.toBe("");
      expect(tag.nameZh, tag.nameZh).toBe(norm(tag.nameZh));
    }
  });

  test("tag names are unique across all groups", () => {
    const names = ALL_TAG_NAMES.map(norm);
    expect(new Set(names).size).toBe(names.length);
  });

  test("no synonym equals a tag name or another synonym, and none repeats its own tag", () => {
    const names = new Set(ALL_TAG_NAMES.map(norm));
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const tag of TAG_GROUPS.flatMap((group) => group.tags)) {
      for (const synonym of tag.synonyms) {
        const term = norm(synonym);
        if (term === "") problems.push(`${tag.nameZh}: empty synonym`);
        if (names.has(term)) problems.push(`${tag.nameZh}: synonym ${term} is a tag name`);
        const previous = owner.get(term);
        if (previous !== undefined) problems.push(`${tag.nameZh}: synonym ${term} already belongs to ${previous}`);
        owner.set(term, tag.nameZh);
      }
    }
    expect(problems).toEqual([]);
  });

  test("every parent exists in the same group and the tree has no cycles", () => {
    for (const group of TAG_GROUPS) {
      const byName = new Map(group.tags.map((tag) => [tag.nameZh, tag]));
      for (const tag of group.tags) {
        if (tag.parent === undefined) continue;
        expect(byName.has(tag.parent), `${group.key}/${tag.nameZh} → ${tag.parent}`).toBe(true);
        const seen = new Set<string>([tag.nameZh]);
        let current = byName.get(tag.parent);
        while (current) {
          expect(seen.has(current.nameZh), `cycle at ${current.nameZh}`).toBe(false);
          seen.add(current.nameZh);
          current = current.parent === undefined ? undefined : byName.get(current.parent);
        }
      }
    }
  });

  test("the 13 directory domains are the top-level domain tags", () => {
    const domain = TAG_GROUPS.find((group) => group.key === "domain");
    const topLevel = domain?.tags.filter((tag) => tag.parent === undefined).map((tag) => tag.nameZh);
    expect(topLevel).toEqual([...SERVICE_DOMAINS]);
    // Every domain has specific children.
    for (const name of SERVICE_DOMAINS) {
      expect(domain?.tags.some((tag) => tag.parent === name), name).toBe(true);
    }
  });

  test("the community classes are the community-class group", () => {
    expect(tagNamesByGroup()["community-class"]).toEqual([...COMMUNITY_CLASSES]);
  });

  test("the names the issue asks for exist", () => {
    const names = new Set(ALL_TAG_NAMES);
    expect(REQUIRED_NAMES.filter((name) => !names.has(name))).toEqual([]);
  });

  test("terms people type resolve to the expected tag", () => {
    const resolve = new Map<string, string>();
    for (const tag of TAG_GROUPS.flatMap((group) => group.tags)) {
      resolve.set(tag.nameZh, tag.nameZh);
      for (const synonym of tag.synonyms) resolve.set(norm(synonym), tag.nameZh);
    }
    expect(resolve.get("长者食堂")).toBe("助餐");
    expect(resolve.get("老年助餐")).toBe("助餐");
    expect(resolve.get("社区食堂")).toBe("助餐");
    expect(resolve.get("老年痴呆")).toBe("认知症照护");
    expect(resolve.get("认知障碍")).toBe("认知症照护");
    expect(resolve.get("失智")).toBe("认知症照护");
    expect(resolve.get("爱心暑托班")).toBe("暑托班");
    expect(resolve.get("小学生暑期托管")).toBe("暑托班");
    expect(resolve.get("智障人士日间照料")).toBe("阳光之家");
    expect(resolve.get("人民调解")).toBe("矛盾调处");
    expect(resolve.get("物业纠纷")).toBe("纠纷化解");
  });
});

describe("CATALOG_ITEMS", () => {
  const names = new Set(ALL_TAG_NAMES);

  test("about 20 items with unique, well-formed codes", () => {
    expect(CATALOG_ITEMS.length).toBeGreaterThanOrEqual(18);
    const codes = CATALOG_ITEMS.map((item) => item.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}-\d{2}$/);
    const namesZh = CATALOG_ITEMS.map((item) => item.nameZh);
    expect(new Set(namesZh).size).toBe(namesZh.length);
  });

  test("every item has a directory domain, existing tags and a realistic whole-元 budget range", () => {
    for (const item of CATALOG_ITEMS) {
      expect(SERVICE_DOMAINS as readonly string[], item.code).toContain(item.domain);
      expect(item.tags.filter((tag) => !names.has(tag)), item.code).toEqual([]);
      expect(item.tags, item.code).toContain(item.domain);
      expect(new Set(item.tags).size, item.code).toBe(item.tags.length);
      expect(Number.isInteger(item.budgetMin) && Number.isInteger(item.budgetMax), item.code).toBe(true);
      expect(item.budgetMin, item.code).toBeGreaterThanOrEqual(50_000);
      expect(item.budgetMax, item.code).toBeLessThanOrEqual(800_000);
      expect(item.budgetMin, item.code).toBeLessThan(item.budgetMax);
      expect(item.nameEn.trim(), item.code).not.toBe("");
      expect(item.description.length, item.code).toBeGreaterThan(20);
    }
  });
});
