import { describe, expect, test } from "vitest";
import { parseUscc, usccKindCharForOrgKind } from "#app/modules/orgs/uscc.ts";
import { CATALOG_ITEMS } from "./catalog.ts";
import divisions from "./data/shanghai-divisions.json";
import {
  createRng,
  generateBuyerUnit,
  generateNeed,
  generateOrganization,
  type GeneratedBuyerUnit,
  type GeneratedNeed,
  type GeneratedOrg,
  type GeneratorContext,
} from "./generators.ts";
import { ALL_TAG_NAMES, COMMUNITY_CLASSES } from "./taxonomy.ts";

const ctx: GeneratorContext = {
  districts: divisions.map((district) => ({
    code: district.code,
    name: district.name,
    streets: district.streets.map((street) => ({ code: street.code, name: street.name, kind: street.kind })),
  })),
  catalog: CATALOG_ITEMS,
};
const TAGS = new Set(ALL_TAG_NAMES);
const DISTRICT_NAME = new Map(ctx.districts.map((district) => [district.code, district.name]));
const STREET_NAME = new Map(ctx.districts.flatMap((district) => district.streets.map((street) => [street.code, street.name] as const)));
const STREET_DISTRICT = new Map(ctx.districts.flatMap((district) => district.streets.map((street) => [street.code, district.code] as const)));
const CATALOG = new Map(CATALOG_ITEMS.map((item) => [item.code, item]));
const ORG_COUNT = 50_000;
const NEED_COUNT = 20_000;
const SEED = 20_261_127;

function generateOrgs(seed: number, count: number): GeneratedOrg[] {
  const rng = createRng(seed);
  const orgs: GeneratedOrg[] = [];
  for (let i = 0; i < count; i++) orgs.push(generateOrganization(rng, i, ctx));
  return orgs;
}

function generateBuyers(seed: number, count: number): GeneratedBuyerUnit[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => generateBuyerUnit(rng, i, ctx));
}

function generateNeeds(seed: number, count: number, buyers: GeneratedBuyerUnit[]): GeneratedNeed[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => generateNeed(rng, i, ctx, buyers[i % buyers.length]));
}

describe("createRng", () => {
  test("is deterministic, in range, and samples without repeats", () => {
    const a = createRng(42);
    const b = createRng(42);
    const seqA = Array.from({ length: 1000 }, () => a.next());
    expect(seqA).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
    const rng = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const value = rng.int(3, 5);
      expect(value >= 3 && value <= 5 && Number.isInteger(value)).toBe(true);
    }
    const sample = rng.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
    expect(rng.sample([1, 2], 5)).toHaveLength(2);
    expect(() => rng.pick([])).toThrow();
  });
});

describe("generateOrganization", () => {
  let orgs: GeneratedOrg[] = [];

  test(`${ORG_COUNT.toLocaleString()} organizations in under 5 s`, () => {
    const started = performance.now();
    orgs = generateOrgs(SEED, ORG_COUNT);
    const elapsed = performance.now() - started;
    console.log(`generated ${ORG_COUNT} organizations in ${Math.round(elapsed)} ms`);
    expect(orgs).toHaveLength(ORG_COUNT);
    expect(elapsed).toBeLessThan(5000);
  });

  test("names, USCCs and filing numbers are unique", () => {
    expect(new Set(orgs.map((org) => org.name)).size).toBe(ORG_COUNT);
    const usccs = orgs.flatMap((org) => (org.uscc ? [org.uscc] : []));
    expect(new Set(usccs).size).toBe(usccs.length);
    const filingNos = orgs.flatMap((org) => (org.filingNo ? [org.filingNo] : []));
    expect(new Set(filingNos).size).toBe(filingNos.length);
    // Names read like names: no bare numbers, no placeholder patterns.
    expect(orgs.filter((org) => /\d/.test(org.name))).toEqual([]);
  });

  test("identifiers fit the kind: valid USCCs for legal persons, filing numbers for filed groups", () => {
    const problems: string[] = [];
    const classes: readonly string[] = COMMUNITY_CLASSES;
    for (const org of orgs) {
      const bad = (what: string) => problems.push(`${org.name}: ${what}`);
      const filed = org.kind === "MASS_ACTIVITY_TEAM" || org.kind === "COMMUNITY_GROUP";
      if (filed) {
        if (org.uscc !== null) bad("filed group with a USCC");
        if (!/^沪[黄徐长静普虹杨闵宝嘉浦金松青奉崇]备20\d\d-\d{4}$/u.test(org.filingNo ?? "")) bad(`filing number ${org.filingNo}`);
        if (org.gradeLevel !== null || org.gradeValidUntil !== null) bad("filed group with a grade");
        if (!org.isCommunityOrg) bad("filed group not a community organization");
        if (org.certifiedSocialWorkers !== 0) bad("filed group with certified social workers");
        if (org.staffCount > 3) bad("filed group with a large staff");
      } else {
        if (org.filingNo !== null) bad("legal person with a filing number");
        const parsed = parseUscc(org.uscc ?? "");
        if (!parsed.ok) bad(`invalid USCC ${org.uscc} (${parsed.code})`);
        else {
          if (parsed.kind !== usccKindCharForOrgKind(org.kind)) bad(`USCC kind ${parsed.kind} for ${org.kind}`);
          if (![org.districtCode, "310000", "310108", "310230"].includes(parsed.regionCode)) bad(`USCC region ${parsed.regionCode}`);
          if (parsed.regionCode === "310108" && org.districtCode !== "310106") bad("闸北 code outside 静安");
          if (parsed.regionCode === "310230" && org.districtCode !== "310151") bad("崇明县 code outside 崇明");
        }
      }
      if (org.isCommunityOrg ? !classes.includes(org.communityClass ?? "") : org.communityClass !== null) bad(`community class ${org.communityClass}`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  test("every kind and every district appears, in roughly the intended shares", () => {
    const byKind = new Map<string, number>();
    for (const org of orgs) byKind.set(org.kind, (byKind.get(org.kind) ?? 0) + 1);
    expect([...byKind.keys()].sort()).toEqual(["COMMUNITY_GROUP", "FOUNDATION", "MASS_ACTIVITY_TEAM", "SOCIAL_GROUP", "SOCIAL_SERVICE"]);
    const share = (kind: string) => (byKind.get(kind) ?? 0) / ORG_COUNT;
    expect(share("SOCIAL_SERVICE")).toBeCloseTo(0.3, 1);
    expect(share("SOCIAL_GROUP")).toBeCloseTo(0.2, 1);
    expect(share("FOUNDATION")).toBeGreaterThan(0.015);
    expect(share("FOUNDATION")).toBeLessThan(0.045);
    expect(share("MASS_ACTIVITY_TEAM")).toBeCloseTo(0.27, 1);
    expect(share("COMMUNITY_GROUP")).toBeCloseTo(0.2, 1);
    expect(new Set(orgs.map((org) => org.districtCode)).size).toBe(16);

    const legal = orgs.filter((org) => org.uscc);
    const graded = legal.filter((org) => org.gradeLevel !== null);
    expect(graded.length / legal.length).toBeGreaterThan(0.4);
    expect(graded.length / legal.length).toBeLessThan(0.6);
    const expired = graded.filter((org) => org.gradeValidUntil && org.gradeValidUntil < new Date(Date.UTC(2026, 10, 27)));
    expect(expired.length / graded.length).toBeGreaterThan(0.08);
    expect(expired.length / graded.length).toBeLessThan(0.22);
    const cityLevel = legal.filter((org) => org.uscc?.slice(2, 8) === "310000");
    expect(cityLevel.length / legal.length).toBeGreaterThan(0.1);
    expect(cityLevel.length / legal.length).toBeLessThan(0.25);
  });

  test("tags exist, streets belong to their district, dates and service areas hang together", () => {
    const problems: string[] = [];
    for (const org of orgs) {
      const bad = (what: string) => problems.push(`${org.name}: ${what}`);
      if (org.tagNames.length < 2 || org.tagNames.length > 6) bad(`${org.tagNames.length} tags`);
      for (const tag of org.tagNames) if (!TAGS.has(tag)) bad(`unknown tag ${tag}`);
      if (new Set(org.tagNames).size !== org.tagNames.length) bad("duplicate tags");
      if (org.streetCode && STREET_DISTRICT.get(org.streetCode) !== org.districtCode) bad(`street ${org.streetCode} not in ${org.districtCode}`);
      if (!org.streetCode && org.kind !== "FOUNDATION") bad("no street");
      if (!org.serviceDistrictCodes.includes(org.districtCode)) bad("own district not served");
      if (new Set(org.serviceDistrictCodes).size !== org.serviceDistrictCodes.length) bad("duplicate service districts");
      const year = org.foundedOn.getUTCFullYear();
      if (year < 1995 || year > 2025) bad(`founded ${year}`);
      if (org.gradeLevel !== null) {
        if (org.gradeLevel < 1 || org.gradeLevel > 5 || !org.gradeValidUntil) bad(`grade ${org.gradeLevel}`);
        // assessed at least two years after founding, valid for five years
        else if (org.gradeValidUntil.getTime() < org.foundedOn.getTime() + 7 * 365 * 86_400_000 - 2 * 86_400_000) bad("graded too early");
      }
      if (org.lastActiveAt.getTime() < org.foundedOn.getTime()) bad("active before founded");
      if (org.cases.length > 3) bad(`${org.cases.length} cases`);
      for (const c of org.cases) if (c.year < year || c.year > 2026) bad(`case year ${c.year}`);
      if (!/^021-5\d{7}$/.test(org.contactPhone)) bad(`phone ${org.contactPhone}`);
      if (!/^[a-z0-9.-]+@[a-z0-9.-]+\.(org\.cn|com)$/.test(org.contactEmail)) bad(`email ${org.contactEmail}`);
      if (org.description.length < 30 || /undefined|NaN|\$\{/.test(org.description + org.name)) bad("description");
      if (!org.name.startsWith("上海") && !org.name.startsWith(DISTRICT_NAME.get(org.districtCode) ?? "?") && !org.name.startsWith(STREET_NAME.get(org.streetCode ?? "") ?? "?")) bad("name does not start with its place");
    }
    expect(problems.slice(0, 20)).toEqual([]);
    const foundations = orgs.filter((org) => org.kind === "FOUNDATION");
    expect(foundations.some((org) => org.serviceDistrictCodes.length === 16)).toBe(true);
    const rural = orgs.filter((org) => org.tagNames.includes("乡村振兴"));
    const suburban = new Set(["310112", "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151"]);
    expect(rural.length).toBeGreaterThan(0);
    expect(rural.every((org) => suburban.has(org.districtCode))).toBe(true);
  });

  test("the same seed gives the same organizations; another seed does not", () => {
    const again = generateOrgs(SEED, 2000);
    expect(again).toEqual(orgs.slice(0, 2000));
    const other = generateOrgs(SEED + 1, 50);
    expect(other.map((org) => org.name)).not.toEqual(orgs.slice(0, 50).map((org) => org.name));
  });

  test.runIf(Boolean(process.env.SHOW_SAMPLES))("samples for a reader", () => {
    const rng = createRng(3);
    const picks = rng.sample(orgs, 15);
    console.log(`\n── 15 sample organizations ──\n${picks.map((org) => `${org.kind.padEnd(18)} ${org.name}`).join("\n")}`);
    const describe = (org: GeneratedOrg) =>
      [
        `${org.name}（${org.uscc ?? org.filingNo}）`,
        `  ${org.address} · ${org.gradeLevel ? `${org.gradeLevel}A` : "未评级"} · 标签：${org.tagNames.join("、")}`,
        `  ${org.description}`,
        ...org.cases.map((c) => `  案例：${c.year} ${c.title}${c.isBrand ? "（品牌）" : ""} — ${c.description}`),
      ].join("\n");
    const service = orgs.find((org) => org.kind === "SOCIAL_SERVICE" && org.cases.length >= 2);
    const team = orgs.find((org) => org.kind === "MASS_ACTIVITY_TEAM");
    console.log(`\n── 2 organization profiles ──\n${[service, team].flatMap((org) => (org ? [describe(org)] : [])).join("\n\n")}`);
  });
});

describe("generateBuyerUnit", () => {
  test("200 buying units with unique, real-place names", () => {
    const buyers = generateBuyers(SEED, 200);
    expect(new Set(buyers.map((buyer) => buyer.name)).size).toBe(200);
    for (const buyer of buyers) {
      if (buyer.streetCode) expect(STREET_DISTRICT.get(buyer.streetCode)).toBe(buyer.districtCode);
      if (buyer.kind === "STREET_OFFICE") expect(buyer.name).toMatch(/街道办事处$/u);
      if (buyer.kind === "TOWN_GOVERNMENT") expect(buyer.name).toMatch(/[镇乡]人民政府$/u);
      if (buyer.kind === "RESIDENTS_COMMITTEE") expect(buyer.name).toMatch(/(居民|村民)委员会$/u);
    }
    const kinds = new Set(buyers.map((buyer) => buyer.kind));
    expect(kinds).toContain("DISTRICT_DEPARTMENT");
    expect(kinds).toContain("STREET_OFFICE");
    expect(kinds).toContain("TOWN_GOVERNMENT");
    const mostly = buyers.filter((b) => ["DISTRICT_DEPARTMENT", "STREET_OFFICE", "TOWN_GOVERNMENT"].includes(b.kind));
    expect(mostly.length / buyers.length).toBeGreaterThan(0.7);
    expect(generateBuyers(SEED, 200)).toEqual(buyers);
    // Far more than exist as offices: falls back to residents' committees, still unique.
    const many = generateBuyers(SEED, 3000);
    expect(new Set(many.map((buyer) => buyer.name)).size).toBe(3000);
    if (process.env.SHOW_SAMPLES) console.log(`\n── 8 sample buying units ──\n${createRng(5).sample(buyers, 8).map((b) => `${b.kind.padEnd(20)} ${b.name}（${b.address}）`).join("\n")}`);
  });
});

describe("generateNeed", () => {
  const buyers = generateBuyers(SEED, 200);
  let needs: GeneratedNeed[] = [];

  test(`${NEED_COUNT.toLocaleString()} needs, fast`, () => {
    const started = performance.now();
    needs = generateNeeds(SEED, NEED_COUNT, buyers);
    const elapsed = performance.now() - started;
    console.log(`generated ${NEED_COUNT} needs in ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeLessThan(3000);
  });

  test("criteria weights sum to 100, tags exist, budgets fit the catalog", () => {
    let withCatalog = 0;
    let crossDistrict = 0;
    let minGrade = 0;
    let communityPriority = 0;
    const problems: string[] = [];
    needs.forEach((need, i) => {
      const bad = (what: string) => problems.push(`${need.title}: ${what}`);
      const buyer = buyers[i % buyers.length];
      if (need.criteria.length < 3 || need.criteria.length > 5) bad(`${need.criteria.length} criteria`);
      if (need.criteria.reduce((sum, c) => sum + c.weight, 0) !== 100) bad("weights do not sum to 100");
      if (!need.criteria.every((c) => c.weight > 0 && c.name && c.description)) bad("empty criterion");
      if (need.criteria.filter((c) => c.kind === "PRICE").length !== 1) bad("no single price criterion");
      if (new Set(need.criteria.map((c) => c.name)).size !== need.criteria.length) bad("duplicate criterion");
      if (need.tagNames.length < 2) bad("too few tags");
      for (const tag of need.tagNames) if (!TAGS.has(tag)) bad(`unknown tag ${tag}`);
      if (!Number.isInteger(need.budget) || need.budget % 1000 !== 0 || need.budget <= 0) bad(`budget ${need.budget}`);
      if (need.catalogCode) {
        withCatalog++;
        const item = CATALOG.get(need.catalogCode);
        if (!item) bad(`unknown catalog item ${need.catalogCode}`);
        else if (need.budget < item.budgetMin || need.budget > item.budgetMax) bad(`budget ${need.budget} outside ${item.budgetMin}–${item.budgetMax}`);
      }
      if (need.districtCodes[0] !== buyer.districtCode) bad("not in the buyer's district");
      for (const code of need.streetCodes) if (!need.districtCodes.includes(STREET_DISTRICT.get(code) ?? "")) bad(`street ${code} outside the need's districts`);
      if ((buyer.kind === "STREET_OFFICE" || buyer.kind === "TOWN_GOVERNMENT") && need.streetCodes.join() !== buyer.streetCode) bad("street office need without its street");
      if (need.crossDistrict) {
        crossDistrict++;
        if (need.crossDistrictReason !== null) bad("reason on a cross-district need");
      } else if ((need.crossDistrictReason?.length ?? 0) < 10) bad("no reason for a local-only need");
      if (need.minGrade !== null) {
        minGrade++;
        if (need.minGrade < 2 || need.minGrade > 4) bad(`minGrade ${need.minGrade}`);
      }
      if (need.communityPriority) communityPriority++;
      for (const heading of ["## 项目背景", "## 服务内容", "## 服务对象", "## 服务要求"]) if (!need.description.includes(heading)) bad(`missing ${heading}`);
      if (/undefined|NaN|\$\{/.test(need.title + need.summary + need.description)) bad("template leak");
    });
    expect(problems.slice(0, 20)).toEqual([]);
    expect(withCatalog / NEED_COUNT).toBeGreaterThan(0.8);
    expect(withCatalog / NEED_COUNT).toBeLessThan(0.9);
    expect(crossDistrict / NEED_COUNT).toBeCloseTo(0.85, 1);
    expect(minGrade / NEED_COUNT).toBeCloseTo(0.4, 1);
    expect(communityPriority / NEED_COUNT).toBeGreaterThan(0.25);
    expect(communityPriority / NEED_COUNT).toBeLessThan(0.45);
    const methods = new Set(needs.map((need) => need.method));
    expect(methods.size).toBe(6);
  });

  test("the same seed gives the same needs", () => {
    expect(generateNeeds(SEED, 500, buyers)).toEqual(needs.slice(0, 500));
  });

  // SHOW_SAMPLES=1 npx vitest run prisma/seed/generators.test.ts prints a few needs to read.
  test.runIf(Boolean(process.env.SHOW_SAMPLES))("samples for a reader", () => {
    const rng = createRng(11);
    console.log(`\n── 8 sample need titles ──\n${rng.sample(needs, 8).map((need) => `${need.title}（${need.budget.toLocaleString("en-US")}元，${need.catalogCode ?? "自拟"}）`).join("\n")}`);
    for (const need of rng.sample(needs, 2)) {
      console.log(
        `\n── need ──\n# ${need.title}\n${need.summary}\n\n${need.description}\n\n评分：${need.criteria.map((c) => `${c.name} ${c.weight}`).join("，")}` +
          `\n资格：${need.minGrade ? `${need.minGrade}A及以上` : "不限等级"}；${need.crossDistrict ? "跨区开放" : `限本区（${need.crossDistrictReason}）`}；${need.communityPriority ? "社区社会组织优先" : ""}`,
      );
    }
  });
});
