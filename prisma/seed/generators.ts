// Deterministic demo-data generators for `seed`: organizations, buying units and needs that read like the real
// thing to a Shanghai street-office clerk. Pure functions of a seeded random source — no database, no I/O.
//
// Uniqueness: organization names, filing numbers and buyer names are unique per random source (one `createRng`
// run); USCCs are unique per `index` by construction (the index is scrambled into the organization-code serial).
// Collisions are resolved the way a registry clerk would — another street, another 字号, 第二… — never a bare number.

import { generateUscc, usccKindCharForOrgKind } from "#app/modules/orgs/uscc.ts";
import type { CATALOG_ITEMS, CatalogItemSeed } from "./catalog.ts";
import type { CommunityClass, ServiceDomain } from "./taxonomy.ts";

// ───────────────────────────── public types ─────────────────────────────

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** Up to n distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[];
};

export type GeneratorContext = {
  districts: { code: string; name: string; streets: { code: string; name: string; kind: string }[] }[];
  catalog: typeof CATALOG_ITEMS;
};

export type OrgKind = "SOCIAL_GROUP" | "SOCIAL_SERVICE" | "FOUNDATION" | "MASS_ACTIVITY_TEAM" | "COMMUNITY_GROUP";
export type PartyOrg = "NONE" | "STANDALONE" | "JOINT" | "INSTRUCTOR";
export type BuyerKind = "DISTRICT_DEPARTMENT" | "STREET_OFFICE" | "TOWN_GOVERNMENT" | "RESIDENTS_COMMITTEE" | "FOUNDATION" | "OTHER";
export type ProcurementMethod =
  | "OPEN_TENDER"
  | "COMPETITIVE_CONSULTATION"
  | "COMPETITIVE_NEGOTIATION"
  | "REQUEST_FOR_QUOTATION"
  | "SINGLE_SOURCE"
  | "INVITATION";
export type Qualification = "TAX_EXEMPT" | "PRE_TAX_DEDUCTION" | "DONATION_RECEIPTS";
export type CriterionKind = "PRICE" | "TECHNICAL" | "TRACK_RECORD" | "OTHER";

export type GeneratedOrg = {
  name: string;
  uscc: string | null;
  filingNo: string | null;
  kind: OrgKind;
  isCommunityOrg: boolean;
  communityClass: string | null;
  districtCode: string;
  streetCode: string | null;
  address: string;
  foundedOn: Date;
  gradeLevel: number | null;
  gradeValidUntil: Date | null;
  taxExempt: boolean;
  preTaxDeduction: boolean;
  donationReceipts: boolean;
  partyOrg: PartyOrg;
  certifiedSocialWorkers: number;
  staffCount: number;
  description: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  tagNames: string[];
  serviceDistrictCodes: string[];
  cases: { title: string; year: number; description: string; isBrand: boolean }[];
  lastActiveAt: Date;
};

export type GeneratedBuyerUnit = {
  name: string;
  kind: BuyerKind;
  districtCode: string;
  streetCode: string | null;
  address: string;
  contactPhone: string;
};

export type GeneratedNeed = {
  title: string;
  summary: string;
  description: string;
  catalogCode: string | null;
  tagNames: string[];
  districtCodes: string[];
  streetCodes: string[];
  crossDistrict: boolean;
  crossDistrictReason: string | null;
  budget: number;
  method: ProcurementMethod;
  minGrade: number | null;
  allowedKinds: OrgKind[];
  requiredQualifications: Qualification[];
  minYearsRegistered: number | null;
  minSocialWorkers: number | null;
  communityPriority: boolean;
  criteria: { name: string; kind: CriterionKind; weight: number; description: string }[];
};

/** "Today" for the demo data: grades expire, organizations go quiet and needs are planned relative to it. */
export const GENERATOR_REFERENCE_DATE = new Date(Date.UTC(2026, 10, 27));

// ───────────────────────────── random source ─────────────────────────────

/** mulberry32: tiny, fast and good enough for demo data. Satisfies uscc.ts's `UsccRandomSource`. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int(min: number, max: number): number {
      return min + Math.floor(next() * (max - min + 1));
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[Math.floor(next() * items.length)];
    },
    chance(p: number): boolean {
      return next() < p;
    },
    sample<T>(items: readonly T[], n: number): T[] {
      const copy = items.slice();
      const k = Math.max(0, Math.min(Math.floor(n), copy.length));
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        const tmp = copy[i];
        copy[i] = copy[j];
        copy[j] = tmp;
      }
      copy.length = k;
      return copy;
    },
  };
}

// Names, filing numbers and buyer names already handed out by one random source (one seeding run).
type Registry = { orgNames: Set<string>; buyerNames: Set<string>; filingSeq: Map<string, number> };
const registries = new WeakMap<Rng, Registry>();
function registryFor(rng: Rng): Registry {
  let registry = registries.get(rng);
  if (!registry) {
    registry = { orgNames: new Set(), buyerNames: new Set(), filingSeq: new Map() };
    registries.set(rng, registry);
  }
  return registry;
}

// ───────────────────────────── small helpers ─────────────────────────────

const DAY = 86_400_000;
const REF = GENERATOR_REFERENCE_DATE.getTime();
const REF_YEAR = 2026;

function utc(year: number, month0: number, day: number): number {
  return Date.UTC(year, month0, day);
}
/** A UTC-midnight date in [start, end] (milliseconds). */
function dateBetween(rng: Rng, start: number, end: number): Date {
  const from = Math.ceil(start / DAY);
  const to = Math.max(from, Math.floor(end / DAY));
  return new Date(rng.int(from, to) * DAY);
}
function addYears(date: Date, years: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));
}

function weightedPick<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, weight] of entries) total += weight;
  let roll = rng.next() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1][0];
}

const CN_DIGITS = "零一二三四五六七八九";
/** Chinese numerals for 1…999 (二, 十二, 二十三, 一百零五). */
function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  if (n < 1000) {
    const rest = n % 100;
    const head = `${CN_DIGITS[Math.floor(n / 100)]}百`;
    if (rest === 0) return head;
    if (rest < 10) return `${head}零${CN_DIGITS[rest]}`;
    return head + (rest < 20 ? `一${cnNumber(rest)}` : cnNumber(rest));
  }
  return String(n);
}

function digits(rng: Rng, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(rng.int(0, 9));
  return out;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * The short name people use for a street or town: 枫林路街道 → 枫林, 七宝镇 → 七宝, 川沙新镇 → 川沙, but 四川北路街道 →
 * 四川北路 (a road name ending in a direction or number keeps 路) and 堡镇 → 堡镇 (too short to shorten).
 */
function streetStem(name: string): string {
  let stem = name.replace(/街道$/u, "");
  if (/[东西南北中一二三四五六七八九]路$/u.test(stem)) return stem;
  const full = stem;
  stem = stem.replace(/新镇$/u, "").replace(/新村$/u, "").replace(/[镇乡路]$/u, "");
  // 宝山路街道 is not 宝山, 嘉定镇街道 is not 嘉定: never shorten to a district's name.
  return stem.length >= 2 && !DISTRICT_STEMS.has(stem) ? stem : full;
}
const DISTRICT_STEMS = new Set(["黄浦", "徐汇", "长宁", "静安", "普陀", "虹口", "杨浦", "闵行", "宝山", "嘉定", "浦东", "金山", "松江", "青浦", "奉贤", "崇明"]);

// ───────────────────────────── reference tables ─────────────────────────────

const DISTRICT_INFO: Readonly<
  Record<string, { abbr: string; ascii: string; weight: number; suburban: boolean; neighbours: string[]; roads: string[] }>
> = {
  "310101": {
    abbr: "黄", ascii: "hp", weight: 5, suburban: false,
    neighbours: ["310104", "310106", "310115", "310109"],
    roads: ["中山南路", "西藏南路", "复兴中路", "蒙自路", "制造局路", "陆家浜路", "河南南路", "建国西路", "金陵东路", "福州路"],
  },
  "310104": {
    abbr: "徐", ascii: "xh", weight: 7, suburban: false,
    neighbours: ["310101", "310105", "310112", "310115", "310106"],
    roads: ["漕溪北路", "天钥桥路", "宜山路", "钦州路", "田林路", "虹漕路", "零陵路", "龙吴路", "南丹东路", "中山西路", "桂林路", "龙华西路"],
  },
  "310105": {
    abbr: "长", ascii: "cn", weight: 5, suburban: false,
    neighbours: ["310104", "310106", "310107", "310112"],
    roads: ["天山路", "仙霞路", "延安西路", "长宁路", "遵义路", "古北路", "哈密路", "虹桥路", "剑河路", "威宁路", "愚园路"],
  },
  "310106": {
    abbr: "静", ascii: "ja", weight: 7, suburban: false,
    neighbours: ["310101", "310105", "310107", "310109", "310113", "310104"],
    roads: ["江宁路", "昌平路", "胶州路", "延平路", "康定路", "临汾路", "大统路", "天目中路", "万荣路", "汶水路", "西康路"],
  },
  "310107": {
    abbr: "普", ascii: "pt", weight: 6, suburban: false,
    neighbours: ["310106", "310105", "310114", "310113"],
    roads: ["曹杨路", "兰溪路", "武宁路", "真北路", "铜川路", "金沙江路", "中山北路", "志丹路", "桃浦路"],
  },
  "310109": {
    abbr: "虹", ascii: "hk", weight: 5, suburban: false,
    neighbours: ["310101", "310106", "310110", "310113"],
    roads: ["欧阳路", "水电路", "大连西路", "凉城路", "中州路", "海伦路", "东江湾路", "花园路"],
  },
  "310110": {
    abbr: "杨", ascii: "yp", weight: 7, suburban: false,
    neighbours: ["310109", "310113", "310115"],
    roads: ["长阳路", "国权路", "殷行路", "政立路", "黄兴路", "延吉中路", "隆昌路", "民星路", "营口路"],
  },
  "310112": {
    abbr: "闵", ascii: "mh", weight: 9, suburban: true,
    neighbours: ["310104", "310105", "310117", "310120", "310115", "310118"],
    roads: ["莘松路", "七莘路", "漕宝路", "顾戴路", "古美路", "都市路", "沪闵路", "虹梅南路", "吴中路", "浦锦路", "银都路", "颛兴路"],
  },
  "310113": {
    abbr: "宝", ascii: "bs", weight: 7, suburban: true,
    neighbours: ["310114", "310107", "310106", "310109", "310110"],
    roads: ["牡丹江路", "淞宝路", "长江西路", "通河路", "泰和路", "沪太路", "陆翔路", "殷高西路", "场中路", "月罗公路"],
  },
  "310114": {
    abbr: "嘉", ascii: "jd", weight: 5, suburban: true,
    neighbours: ["310113", "310107", "310118", "310112"],
    roads: ["城中路", "塔城路", "博乐路", "沪宜公路", "曹安公路", "墨玉路", "嘉松北路", "真南路", "清河路", "叶城路"],
  },
  "310115": {
    abbr: "浦", ascii: "pd", weight: 18, suburban: true,
    neighbours: ["310101", "310104", "310110", "310112", "310120", "310109"],
    roads: ["张杨路", "浦东南路", "东方路", "源深路", "杨高南路", "锦绣路", "成山路", "德州路", "金桥路", "川沙路", "沪南公路", "民生路", "上南路", "崂山路"],
  },
  "310116": {
    abbr: "金", ascii: "js", weight: 3, suburban: true,
    neighbours: ["310117", "310120"],
    roads: ["卫清西路", "蒙山路", "龙皓路", "亭卫公路", "沪杭公路", "朱枫公路", "板桥西路"],
  },
  "310117": {
    abbr: "松", ascii: "sj", weight: 6, suburban: true,
    neighbours: ["310112", "310118", "310116", "310120"],
    roads: ["人民北路", "中山中路", "荣乐东路", "谷阳北路", "新松江路", "沪亭北路", "泗通路", "文诚路", "玉树路", "松汇中路"],
  },
  "310118": {
    abbr: "青", ascii: "qp", weight: 4, suburban: true,
    neighbours: ["310114", "310117", "310112"],
    roads: ["公园路", "城中北路", "华青路", "外青松公路", "淀山湖大道", "盈港东路", "华乐路", "青安路", "崧泽大道"],
  },
  "310120": {
    abbr: "奉", ascii: "fx", weight: 4, suburban: true,
    neighbours: ["310112", "310115", "310117", "310116"],
    roads: ["解放东路", "南亭公路", "百齐路", "望园路", "金海公路", "环城东路", "奉浦大道", "南桥路", "八字桥路"],
  },
  "310151": {
    abbr: "崇", ascii: "cm", weight: 3, suburban: true,
    neighbours: ["310113", "310115"],
    roads: ["八一路", "北门路", "东门路", "南门路", "鼓浦路", "堡镇南路", "陈彷公路", "凤凰公路", "人民路"],
  },
};

/** Streets that belonged to 闸北区 until 2015 (their old organizations may carry 310108 in the USCC). */
const FORMER_ZHABEI = new Set(["天目西路街道", "北站街道", "宝山路街道", "共和新路街道", "大宁路街道", "彭浦新村街道", "临汾路街道", "芷江西路街道", "彭浦镇"]);
/** Districts where 旧区改造 (old-neighbourhood redevelopment) work is still a thing. */
const CENTRAL = new Set(["310101", "310104", "310105", "310106", "310107", "310109", "310110"]);

const HOOD_STEMS = [
  "康乐", "华富", "安居", "幸福", "和平", "建新", "新华", "朝阳", "永乐", "明华", "华星", "怡景", "锦绣", "春光", "紫薇",
  "桂花", "玉兰", "香樟", "翠竹", "兰馨", "景秀", "东方", "丽景", "银杏", "海棠", "长青", "祥和", "宝华", "同福", "永安",
  "荣华", "金秋", "馨悦", "枫叶", "梅园", "春华", "秀水", "嘉禾", "福泉", "金杨",
];
const HOOD_SUFFIXES = ["小区", "新村", "苑", "花园", "家园", "一村", "二村", "三村", "四村", "五村", "六村", "七村", "公寓", "南苑", "北苑", "东苑", "西苑"];

const SURNAMES = [
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "林", "何", "高", "罗",
  "郑", "谢", "沈", "陆", "顾", "钱", "蒋", "姚", "施", "俞", "倪", "龚", "金", "范", "汪", "唐", "曹", "袁", "许", "严",
];
const GIVEN_NAMES = [
  "丽华", "建国", "伟", "敏", "静", "晓燕", "志强", "文娟", "海燕", "秀英", "佳怡", "俊杰", "雯", "婷婷", "蓓蕾", "卫东",
  "国平", "美玲", "慧", "磊", "颖", "玲", "红", "琳", "晨", "浩", "倩", "洁", "莉", "芳", "勇", "军", "斌", "华", "平",
  "雪梅", "春燕", "晓东", "建华", "伟民", "立新", "惠娟", "凤英", "晓敏", "诗怡", "雨婷", "思远", "一鸣", "亚萍", "志明",
];

// ───────────────────────────── prepared context ─────────────────────────────

type StreetRef = { code: string; name: string; kind: string };
type PreparedDistrict = {
  code: string;
  name: string;
  abbr: string;
  ascii: string;
  weight: number;
  suburban: boolean;
  streets: StreetRef[];
  subdistricts: StreetRef[]; // 街道
  towns: StreetRef[]; // 镇 and 乡
  neighbours: string[];
  roads: string[];
};
type Prepared = {
  districts: PreparedDistrict[];
  byCode: Map<string, PreparedDistrict>;
  streetByCode: Map<string, { street: StreetRef; district: PreparedDistrict }>;
  districtWeights: (readonly [PreparedDistrict, number])[];
  allSubdistricts: { street: StreetRef; district: PreparedDistrict }[];
  allTowns: { street: StreetRef; district: PreparedDistrict }[];
  catalogByCode: Map<string, CatalogItemSeed>;
  allCodes: string[];
};
const preparedCache = new WeakMap<GeneratorContext, Prepared>();

function prepare(ctx: GeneratorContext): Prepared {
  const cached = preparedCache.get(ctx);
  if (cached) return cached;
  if (ctx.districts.length === 0) throw new RangeError("the generator context has no districts");
  const districts: PreparedDistrict[] = ctx.districts.map((district) => {
    const info = DISTRICT_INFO[district.code];
    const streets = district.streets.filter((street) => street.kind !== "类似乡级单位");
    const known = new Set(ctx.districts.map((d) => d.code));
    return {
      code: district.code,
      name: district.name,
      abbr: info?.abbr ?? district.name.slice(0, 1),
      ascii: info?.ascii ?? "sh",
      weight: info?.weight ?? 4,
      suburban: info?.suburban ?? false,
      streets,
      subdistricts: streets.filter((street) => street.kind === "街道"),
      towns: streets.filter((street) => street.kind === "镇" || street.kind === "乡"),
      neighbours: (info?.neighbours ?? []).filter((code) => known.has(code)),
      roads: info?.roads ?? ["人民路", "中山路", "解放路", "建设路"],
    };
  });
  const streetByCode = new Map<string, { street: StreetRef; district: PreparedDistrict }>();
  for (const district of districts) for (const street of district.streets) streetByCode.set(street.code, { street, district });
  const prepared: Prepared = {
    districts,
    byCode: new Map(districts.map((district) => [district.code, district])),
    streetByCode,
    districtWeights: districts.filter((district) => district.streets.length > 0).map((district) => [district, district.weight] as const),
    allSubdistricts: districts.flatMap((district) => district.subdistricts.map((street) => ({ street, district }))),
    allTowns: districts.flatMap((district) => district.towns.map((street) => ({ street, district }))),
    catalogByCode: new Map(ctx.catalog.map((item) => [item.code, item])),
    allCodes: districts.map((district) => district.code),
  };
  if (prepared.districtWeights.length === 0) throw new RangeError("the generator context has no streets");
  preparedCache.set(ctx, prepared);
  return prepared;
}

function roadFor(rng: Rng, district: PreparedDistrict, street: StreetRef | null): string {
  const own = street ? /^(.+路)街道$/u.exec(street.name) : null;
  if (own && rng.chance(0.6)) return own[1];
  return rng.pick(district.roads);
}

function hoodName(rng: Rng): string {
  return rng.pick(HOOD_STEMS) + rng.pick(HOOD_SUFFIXES);
}

function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}

function landline(rng: Rng, first = "5"): string {
  return `021-${first}${digits(rng, 7)}`;
}

// ───────────────────────────── service themes ─────────────────────────────

type Fill = {
  rng: Rng;
  n: (min: number, max: number) => number;
  district: string;
  street: string;
  /** Where the organization works, as a phrase: 徐汇区枫林路街道, 徐汇区, 本市. */
  area: string;
  hood: string;
  word: string;
  /** Years since the organization was founded (at least 1). */
  years: number;
  /** Members of a filed group (队员, 组员). */
  members: number;
};
type Tpl = (f: Fill) => string;
/** A filed group's name core, what it does, and (when the theme's tags are too broad) its own specific and beneficiary tags. */
type FiledForm = { core: string; act: readonly Tpl[]; tags?: readonly string[]; words?: readonly WordPool[] };
type CaseTpl = { title: Tpl; desc: Tpl; brand?: boolean };
type LegalKind = "SOCIAL_GROUP" | "SOCIAL_SERVICE" | "FOUNDATION";

const WORDS = {
  general: [
    "暖心", "同心", "益家", "安馨", "春晖", "心桥", "邻里", "阳光", "知心", "馨园", "善行", "彩虹", "启明", "连心", "和美",
    "乐邻", "众和", "博爱", "仁爱", "德馨", "尚善", "知行", "携手", "同行", "凝心", "聚善", "怡心", "悦邻", "守望", "晨曦",
    "暖阳", "玉兰", "海棠", "惠民", "家和", "融善", "乐群", "星光", "恒爱", "和煦", "齐心", "益善", "至善", "明德", "友善",
    "合力", "向善", "善邻", "润心", "申爱", "民心", "福源", "康宁", "乐活", "美好", "好邻居", "满天星", "新起点", "百合",
    "久久", "汇爱", "朗润", "晴川", "和乐", "益友", "睿行", "笃行", "共享", "同心圆", "大爱", "爱满家",
  ],
  elder: [
    "乐龄", "夕阳红", "久久", "金色年华", "长青", "颐乐", "银杏", "常青藤", "福寿", "桑榆", "晚晴", "康乐", "松鹤", "金秋",
    "颐康", "银龄", "老来乐", "春晖", "暖阳", "怡年",
  ],
  child: [
    "向日葵", "彩虹", "启明", "雏鹰", "青苗", "小橘灯", "萤火虫", "蒲公英", "七彩", "阳光", "春芽", "新苗", "小荷", "星星",
    "小水滴", "童乐", "成长树", "梦想家",
  ],
  green: ["绿色家园", "绿叶", "绿洲", "四叶草", "青草地", "碧水", "蓝天", "绿动", "小绿芽", "绿意", "青青", "生生"],
  arts: [
    "夕阳红", "金色年华", "霓裳", "飞扬", "活力", "舞韵", "晨光", "欢乐", "红枫", "百合", "彩云", "雅韵", "金秋", "常青",
    "晚晴", "兰韵", "玉兰", "和声", "悦音", "春之声", "快乐", "开心", "芳华",
  ],
  music: ["丝竹", "和声", "悦音", "知音", "春之声", "江南", "夕阳红", "金色年华", "芳华", "欢乐"],
  opera: ["梨园", "雅韵", "兰韵", "金秋", "夕阳红", "玉兰", "晚晴", "票友"],
  ink: ["墨香", "书香", "翰墨", "兰亭", "雅韵", "清风", "丹青", "砚池"],
  craft: ["巧手", "暖心", "馨园", "百合", "彩虹", "玉兰", "心灵手巧", "针线情"],
  lens: ["光影", "视界", "晨光", "飞扬", "彩云", "玉兰"],
  sport: ["活力", "晨光", "飞扬", "阳光", "常青", "松柏", "乐活", "矫健", "龙腾", "朝气", "追风", "健康", "夕阳红", "快乐", "青春"],
  guard: ["守望", "平安", "红袖标", "先锋", "老兵", "护航", "银发", "安心", "卫士", "雷锋"],
  care: [
    "阳光", "心桥", "知心", "向日葵", "彩虹", "春晖", "暖阳", "馨园", "同心", "启明", "蒲公英", "暖心", "连心", "手拉手",
    "康乐", "安馨", "心语", "晴天",
  ],
  mediate: ["和为贵", "和事佬", "老娘舅", "和谐", "安和", "明理", "和睦", "息讼"],
  rural: ["田园", "乡情", "稻香", "新农", "乡音", "禾苗", "麦田", "沃土"],
  career: ["启航", "新航", "筑梦", "远航", "展翅", "新起点", "鹏程", "职引"],
} as const;
type WordPool = keyof typeof WORDS;

const DAYS = ["一、三", "二、四", "二、五", "三、五", "一、四"];

// Activity sentences shared by several filed-group forms.
const ACT_REHEARSE: readonly Tpl[] = [
  (f) => `队员${f.members}人，以${f.hood}的退休居民为主，每周${f.rng.pick(DAYS)}上午在社区文化活动中心排练。`,
  (f) => `团队多次参加${f.district}社区文化节展演，逢年过节还到敬老院慰问演出。`,
];
const ACT_STUDIO: readonly Tpl[] = [
  (f) => `社员${f.members}人，每周${f.rng.pick(DAYS)}下午在社区文化活动中心活动，大家互相切磋、共同提高。`,
  (f) => `社员的作品多次在${f.street}社区文化活动中心展出，春节前还为居民义务写春联。`,
];
const ACT_KNIT: readonly Tpl[] = [
  (f) => `组员${f.members}人，每周聚在一起编织交流，每年冬天为社区独居老人送去亲手织的围巾和帽子。`,
];
const ACT_READ: readonly Tpl[] = [
  (f) => `组员每月共读一本书，轮流做分享，还把读书心得整理成小册子放在${f.street}社区书房。`,
];
const ACT_SPORT: readonly Tpl[] = [
  (f) => `队员${f.members}人，每天清晨在${f.hood}附近的街心花园练习，${f.years >= 2 ? `已坚持${f.years}年` : "风雨无阻"}。`,
  (f) => `团队曾在${f.district}全民健身运动会上获得团体奖项，还经常到其他社区教学交流。`,
];

type Theme = {
  key: string;
  slug: string;
  /** What the organization does, for the intro sentence: 从事{phrase}. */
  phrase: string;
  domain: ServiceDomain;
  specific: readonly string[];
  beneficiaries: readonly string[];
  modes: readonly string[];
  communityClass: CommunityClass;
  words: readonly WordPool[];
  weights: Partial<Record<OrgKind, number>>;
  suburbanOnly?: boolean;
  /** Name cores per legal-person kind: 字号 + core, e.g. 暖心 + 助老服务中心. */
  legal: Partial<Record<LegalKind, readonly string[]>>;
  team?: readonly FiledForm[];
  group?: readonly FiledForm[];
  work: readonly Tpl[];
  cases: readonly CaseTpl[];
  filedCases?: readonly CaseTpl[];
};

const THEMES: readonly Theme[] = [
  {
    key: "meals",
    slug: "eldermeals",
    phrase: "社区老年助餐服务",
    domain: "养老服务",
    specific: ["助餐", "居家养老"],
    beneficiaries: ["老年人", "独居老人"],
    modes: ["项目运营", "上门服务"],
    communityClass: "生活服务类",
    words: ["general", "elder"],
    weights: { SOCIAL_SERVICE: 8, SOCIAL_GROUP: 2, MASS_ACTIVITY_TEAM: 2 },
    legal: {
      SOCIAL_SERVICE: ["助老服务中心", "助老服务社", "为老服务中心", "长者服务社", "老年助餐服务中心"],
      SOCIAL_GROUP: ["助老志愿者协会", "为老服务促进会"],
    },
    team: [
      {
        core: "助老志愿者服务队",
        tags: ["助餐", "独居老人"], act: [(f) => `队员每天中午为${f.hood}的${f.n(8, 30)}位高龄独居老人送餐上门，顺带看看老人身体和生活情况。`],
      },
    ],
    work: [
      (f) => `在${f.area}运营社区长者食堂${f.n(1, 4)}家、助餐点${f.n(2, 9)}个，日均供餐${f.n(3, 15) * 50}份，并为高龄、独居老人送餐上门。`,
      () => "建立了食材溯源、48小时留样和每日晨检制度，近年来未发生食品安全事故。",
      () => "根据老人健康状况提供低盐低糖的营养套餐，并配合街镇做好助餐补贴核销和满意度回访。",
    ],
    cases: [
      { title: (f) => `${f.street}社区长者食堂运营项目`, desc: (f) => `承接${f.street}社区长者食堂运营，日均供餐${f.n(2, 6) * 100}份，老人满意度达${f.n(92, 99)}%。` },
      { title: (f) => `${f.district}老年助餐服务点提质项目`, desc: (f) => `对辖区${f.n(5, 20)}个助餐点开展标准化提升和食品安全培训。` },
      { title: (f) => `“${f.word}餐桌”社区助餐品牌`, desc: (f) => `为${f.n(50, 300)}位行动不便的老人提供送餐上门和营养配餐服务。`, brand: true },
    ],
  },
  {
    key: "elderCare",
    slug: "eldercare",
    phrase: "社区养老照护服务",
    domain: "养老服务",
    specific: ["长者照护", "居家养老", "适老化改造"],
    beneficiaries: ["老年人", "失能老人"],
    modes: ["项目运营", "上门服务", "评估"],
    communityClass: "生活服务类",
    words: ["general", "elder"],
    weights: { SOCIAL_SERVICE: 8, SOCIAL_GROUP: 4, FOUNDATION: 3 },
    legal: {
      SOCIAL_SERVICE: ["养老服务中心", "为老服务社", "长者照护服务中心", "居家养老服务社", "颐养服务中心"],
      SOCIAL_GROUP: ["养老服务行业协会", "为老服务促进会", "老年福利协会"],
      FOUNDATION: ["养老公益基金会", "敬老基金会"],
    },
    work: [
      (f) => `受托运营${f.area}长者照护之家${f.n(1, 3)}家，设置床位${f.n(2, 6) * 10}张，提供短期托养、日间照料和喘息服务。`,
      (f) => `组建了由养老护理员、康复师和社工组成的居家照护团队，每月上门服务${f.n(8, 40) * 100}余小时。`,
      (f) => `为辖区老人开展能力评估和居家适老化改造，已完成改造${f.n(40, 400)}户。`,
    ],
    cases: [
      { title: (f) => `${f.street}长者照护之家委托运营`, desc: (f) => `运营床位${f.n(2, 5) * 10}张，年均服务老人${f.n(100, 400)}人次，未发生安全责任事故。` },
      { title: (f) => `${f.district}居家养老服务（生活照料）项目`, desc: (f) => `为${f.n(100, 600)}名居家老人提供助洁、助浴和探访关爱服务。` },
      { title: (f) => `${f.street}居家适老化改造项目`, desc: (f) => `完成${f.n(30, 150)}户老年人家庭入户评估和适老化改造。` },
    ],
  },
  {
    key: "dementia",
    slug: "dementia",
    phrase: "认知障碍照护服务",
    domain: "养老服务",
    specific: ["认知症照护", "居家养老"],
    beneficiaries: ["老年人", "家庭"],
    modes: ["小组工作", "评估", "宣传倡导"],
    communityClass: "生活服务类",
    words: ["general", "elder"],
    weights: { SOCIAL_SERVICE: 4, SOCIAL_GROUP: 1 },
    legal: {
      SOCIAL_SERVICE: ["认知症照护服务中心", "记忆守护服务社", "脑健康服务中心", "长者关爱发展中心"],
      SOCIAL_GROUP: ["认知障碍照护促进会"],
    },
    work: [
      (f) => `长期开展认知障碍科普宣传和风险测评，累计为${f.n(10, 60) * 100}余名老人完成认知筛查。`,
      (f) => `在${f.area}开设“记忆课堂”非药物干预小组${f.n(3, 12)}个，并为家庭照护者提供照护技能培训和喘息支持。`,
      (f) => `参与${f.district}认知障碍友好社区建设，协助街镇建立筛查、干预、转介的服务网络。`,
    ],
    cases: [
      { title: (f) => `${f.street}认知障碍友好社区建设项目`, desc: (f) => `完成认知风险测评${f.n(3, 12) * 100}人次，开展家属支持小组${f.n(6, 24)}期。` },
      { title: () => "“记忆守护”家庭照护者支持计划", desc: (f) => `为${f.n(30, 120)}户认知障碍老人家庭提供照护培训和喘息服务。`, brand: true },
      { title: (f) => `${f.district}老年认知障碍风险筛查项目`, desc: (f) => `覆盖${f.n(3, 10)}个街镇，筛查阳性老人全部纳入跟踪服务。` },
    ],
  },
  {
    key: "elderPeer",
    slug: "elderpeer",
    phrase: "独居老人关爱服务",
    domain: "养老服务",
    specific: ["老伙伴计划", "居家养老"],
    beneficiaries: ["独居老人", "老年人"],
    modes: ["上门服务", "社区活动"],
    communityClass: "公益慈善类",
    words: ["elder", "general"],
    weights: { SOCIAL_SERVICE: 2, SOCIAL_GROUP: 2, MASS_ACTIVITY_TEAM: 5, COMMUNITY_GROUP: 8 },
    legal: {
      SOCIAL_SERVICE: ["为老服务社", "长者关爱服务社"],
      SOCIAL_GROUP: ["助老志愿者协会", "老年志愿者协会"],
    },
    team: [
      {
        core: "助老志愿者服务队",
        tags: ["老伙伴计划", "独居老人"], act: [(f) => `队员多为${f.hood}的低龄老人，与${f.n(10, 40)}位高龄独居老人结对，每周至少上门探访一次。`],
      },
      {
        core: "老伙伴志愿者服务队",
        tags: ["老伙伴计划", "独居老人"], act: [(f) => `队员${f.members}人，都是六七十岁的低龄老人，每人结对四五位高龄独居老人，每周电话问候、上门探望。`],
      },
    ],
    group: [
      { core: "互助小组", tags: ["老伙伴计划", "独居老人"], act: [() => "组员轮流给独居老人打电话问候，节假日一起上门陪老人聊天、包馄饨。"] },
      { core: "老伙伴互助小组", tags: ["老伙伴计划", "老年人"], act: [(f) => `小组由${f.hood}的${f.members}位低龄老人组成，平时互相照应，也结对关心楼里的高龄独居老人。`] },
    ],
    work: [
      (f) => `承接${f.area}老伙伴计划，组织${f.n(60, 400)}名低龄老人志愿者与高龄独居老人结对，每周电话问候、定期上门探访。`,
      () => "建立了结对关爱台账和风险报告机制，志愿者发现异常情况当天就能反馈到居委会。",
    ],
    cases: [
      { title: (f) => `${f.street}老伙伴计划`, desc: (f) => `组织低龄老人志愿者${f.n(40, 150)}名，结对关爱高龄独居老人${f.n(200, 600)}名。` },
      { title: (f) => `“${f.word}牵手”结对关爱行动`, desc: () => "为独居老人提供节日陪伴和应急联络服务。", brand: true },
    ],
  },
  {
    key: "summerCare",
    slug: "kids",
    phrase: "儿童托管与关爱服务",
    domain: "妇女儿童服务",
    specific: ["暑托班", "儿童服务", "家庭教育"],
    beneficiaries: ["儿童", "家庭"],
    modes: ["项目运营", "社区活动"],
    communityClass: "生活服务类",
    words: ["child", "general"],
    weights: { SOCIAL_SERVICE: 6, SOCIAL_GROUP: 1 },
    legal: {
      SOCIAL_SERVICE: ["青少年服务中心", "儿童服务中心", "少儿发展中心", "亲子服务社", "儿童成长指导中心"],
      SOCIAL_GROUP: ["青少年发展促进会", "儿童发展促进会"],
    },
    work: [
      (f) => `连续${f.n(3, 8)}年承办${f.district}小学生爱心暑托班，每年开设办班点${f.n(2, 8)}个，服务学生${f.n(3, 12) * 50}余名。`,
      (f) => `运营${f.area}社区儿童服务站，开展课后看护、亲子阅读和儿童议事会等活动。`,
      () => "建立了接送签到、卫生防疫和突发事件处置等安全管理制度，带班老师和志愿者均经过岗前培训。",
    ],
    cases: [
      { title: (f) => `${f.district}小学生爱心暑托班（${f.street}办班点）`, desc: (f) => `开设${f.n(2, 6)}个班次，服务小学生${f.n(80, 300)}名，家长满意度${f.n(95, 99)}%。` },
      { title: (f) => `${f.street}社区儿童服务站运营`, desc: (f) => `全年开放${f.n(200, 280)}天，开展亲子阅读、科普实验等活动${f.n(80, 200)}场。` },
      { title: (f) => `“${f.word}成长营”儿童友好社区项目`, desc: () => "组织儿童议事会，引导孩子们为社区公共空间改造出主意。", brand: true },
    ],
  },
  {
    key: "family",
    slug: "family",
    phrase: "家庭教育和妇女儿童服务",
    domain: "妇女儿童服务",
    specific: ["家庭教育", "妇女权益", "青少年成长"],
    beneficiaries: ["家庭", "妇女", "青少年"],
    modes: ["咨询", "培训", "小组工作"],
    communityClass: "公益慈善类",
    words: ["general", "child"],
    weights: { SOCIAL_SERVICE: 5, SOCIAL_GROUP: 3, FOUNDATION: 2, COMMUNITY_GROUP: 6 },
    legal: {
      SOCIAL_SERVICE: ["家庭服务中心", "家庭教育指导中心", "妇女儿童服务中心", "婚姻家庭服务社", "青少年事务服务社"],
      SOCIAL_GROUP: ["家庭教育促进会", "妇女儿童发展促进会"],
      FOUNDATION: ["妇女儿童基金会", "儿童公益基金会"],
    },
    group: [
      { core: "亲子读书会", tags: ["家庭教育", "阅读推广", "家庭"], act: [(f) => `成员都是${f.hood}的年轻家长，每月组织一次亲子共读和育儿经验分享。`] },
      { core: "妈妈互助小组", tags: ["家庭教育", "妇女", "家庭"], act: [() => "组员都是全职或二孩妈妈，平时交流育儿心得，周末轮流组织亲子活动。"] },
    ],
    work: [
      (f) => `开设家长课堂和亲子工作坊，年均开展家庭教育讲座${f.n(20, 80)}场，服务家庭${f.n(5, 30) * 100}余户。`,
      () => "为婚姻家庭矛盾、反家暴求助等个案提供咨询和陪伴服务，并与妇联、公安、法院建立了转介机制。",
      () => "关注青少年成长，开展生涯规划、情绪管理和社会实践等小组活动。",
    ],
    cases: [
      { title: (f) => `${f.district}家庭教育指导服务项目`, desc: (f) => `开设家长课堂${f.n(20, 60)}场，提供家庭教育个案咨询${f.n(30, 120)}例。` },
      { title: (f) => `${f.street}妇女儿童权益保护项目`, desc: () => "开展反家暴宣传和婚姻家庭辅导，建立个案转介台账。" },
      { title: (f) => `“${f.word}家长学校”项目`, desc: (f) => `与${f.n(3, 10)}所中小学合作开展家校社协同育人。`, brand: true },
    ],
  },
  {
    key: "disability",
    slug: "disability",
    phrase: "助残服务",
    domain: "残疾人服务",
    specific: ["阳光之家", "康复", "助残就业", "阳光心园"],
    beneficiaries: ["残疾人", "精神障碍康复者"],
    modes: ["项目运营", "个案服务"],
    communityClass: "公益慈善类",
    words: ["care", "general"],
    weights: { SOCIAL_SERVICE: 5, SOCIAL_GROUP: 3, FOUNDATION: 3, MASS_ACTIVITY_TEAM: 2, COMMUNITY_GROUP: 4 },
    legal: {
      SOCIAL_SERVICE: ["助残服务中心", "康复服务中心", "助残服务社", "残疾人服务中心", "特殊儿童康复指导中心"],
      SOCIAL_GROUP: ["助残志愿者协会", "残疾人康复协会"],
      FOUNDATION: ["助残公益基金会", "扶残助残基金会"],
    },
    team: [{ core: "助残志愿者服务队", tags: ["阳光之家", "残疾人"], act: [(f) => `队员每周到${f.street}阳光之家陪学员做手工、练习生活技能，节假日带学员外出参观。`] }],
    group: [{ core: "家属互助小组", tags: ["康复", "残疾人", "家庭"], act: [() => "成员都是辖区残疾人家属，定期聚在一起交流照护经验，互相打气、互相帮衬。"] }],
    work: [
      (f) => `受托运营${f.area}阳光之家，为${f.n(15, 50)}名智力障碍学员提供日间照料、生活技能和简单劳动技能训练。`,
      () => "配备康复师和特教背景的工作人员，为辖区重度残疾人提供上门康复指导和辅具适配咨询。",
      () => "定期组织学员参加社区融合活动和爱心义卖，帮助残疾人家庭建立互助支持网络。",
      () => "运营阳光心园，为精神障碍康复者提供日间康复、社交训练和家属支持。",
    ],
    cases: [
      { title: (f) => `${f.street}阳光之家运营服务`, desc: (f) => `服务学员${f.n(15, 45)}名，学员出勤率${f.n(88, 97)}%，${f.n(2, 6)}名学员实现辅助性就业。` },
      { title: (f) => `${f.district}残疾人社区康复服务项目`, desc: (f) => `为${f.n(100, 400)}名持证残疾人提供康复评估和训练指导。` },
      { title: (f) => `“${f.word}工坊”助残就业项目`, desc: () => "带领学员制作手工皂、布艺等产品，在社区集市义卖。", brand: true },
    ],
  },
  {
    key: "mediation",
    slug: "mediation",
    phrase: "人民调解工作",
    domain: "专业调处",
    specific: ["矛盾调处", "纠纷化解", "旧改征收服务"],
    beneficiaries: ["社区居民"],
    modes: ["个案服务", "咨询"],
    communityClass: "专业调处类",
    words: ["general", "mediate"],
    weights: { SOCIAL_SERVICE: 4, SOCIAL_GROUP: 4, COMMUNITY_GROUP: 5 },
    legal: {
      SOCIAL_SERVICE: ["人民调解服务中心", "调解服务社", "人民调解工作室"],
      SOCIAL_GROUP: ["人民调解协会", "调解员协会"],
    },
    group: [
      { core: "调解小组", tags: ["矛盾调处", "纠纷化解", "社区居民"], act: [() => "组员都是热心的退休居民，平时在小区里帮着化解邻里之间漏水、噪音、停车之类的小矛盾。"] },
      { core: "邻里调解小组", tags: ["矛盾调处", "纠纷化解", "社区居民"], act: [(f) => `组员${f.members}人，每周二在${f.hood}居委会“客堂间”接待居民，调解家庭和邻里纠纷。`] },
    ],
    work: [
      (f) => `派驻专职调解员${f.n(3, 12)}名常驻${f.area}人民调解委员会，年均受理邻里、物业和婚姻家庭纠纷${f.n(100, 600)}件，调解成功率${f.n(90, 98)}%。`,
      () => "建立了矛盾纠纷排查、疑难案件会商和回访制度，配合街镇做好重要节点的矛盾化解工作。",
      () => "调解员多为退休法官、律师和有多年基层工作经验的社区干部。",
    ],
    cases: [
      { title: (f) => `${f.street}人民调解服务项目`, desc: (f) => `全年受理纠纷${f.n(150, 500)}件，调解成功率${f.n(92, 98)}%。` },
      { title: (f) => `${f.district}物业纠纷专业调解项目`, desc: () => "针对物业费、维修基金等纠纷开展专业调解，推动业委会规范运作。" },
      { title: (f) => `“${f.word}调解室”品牌项目`, desc: () => "以金牌调解员命名设立调解室，化解疑难复杂纠纷。", brand: true },
    ],
  },
  {
    key: "selfGov",
    slug: "selfgov",
    phrase: "楼组自治和社区治理",
    domain: "社区治理",
    specific: ["楼组自治", "社区协商"],
    beneficiaries: ["社区居民"],
    modes: ["孵化", "培训", "社区活动"],
    communityClass: "专业调处类",
    words: ["general"],
    weights: { SOCIAL_SERVICE: 5, SOCIAL_GROUP: 3, COMMUNITY_GROUP: 6 },
    legal: {
      SOCIAL_SERVICE: ["社区发展中心", "社区治理服务中心", "社区服务社", "社区自治发展中心"],
      SOCIAL_GROUP: ["社区发展促进会", "社区治理促进会"],
    },
    group: [
      { core: "楼组自治小组", tags: ["楼组自治", "社区居民"], act: [(f) => `小组由${f.hood}的楼组长组成，每月在“客堂间”碰头，商量楼道卫生、晾晒和停车等楼组事务。`] },
      { core: "楼组长互助小组", tags: ["楼组自治", "社区居民"], act: [() => "组员都是居民区的老楼组长，互相传授做群众工作的经验，带动新楼组长尽快上手。"] },
    ],
    work: [
      (f) => `深耕${f.area}楼组自治，累计培育楼组长骨干${f.n(50, 300)}名，指导居民区实施自治金项目${f.n(20, 120)}个。`,
      () => "协助居民制定楼道公约，开展楼道美化和“客堂间”议事活动，推动居民从“旁观者”变为“参与者”。",
      () => "为居委干部提供参与式工作方法培训，并对自治项目开展过程记录和成效评估。",
    ],
    cases: [
      { title: (f) => `${f.street}楼组自治能力提升项目`, desc: (f) => `培育楼组长骨干${f.n(40, 120)}名，打造“美丽楼组”示范点${f.n(3, 10)}个。` },
      { title: (f) => `${f.street}自治金项目指导服务`, desc: (f) => `指导${f.n(10, 30)}个居民区申报实施自治金项目，形成优秀案例汇编。` },
      { title: (f) => `“${f.word}楼组”邻里公约实践`, desc: () => "推动居民共同制定并遵守楼道公约，楼道堆物明显减少。", brand: true },
    ],
  },
  {
    key: "consult",
    slug: "placemaking",
    phrase: "社区协商和社区营造",
    domain: "社区治理",
    specific: ["社区协商", "加装电梯", "社区营造"],
    beneficiaries: ["社区居民"],
    modes: ["社区活动", "培训", "调研"],
    communityClass: "专业调处类",
    words: ["general"],
    weights: { SOCIAL_SERVICE: 3, SOCIAL_GROUP: 2, COMMUNITY_GROUP: 3 },
    legal: {
      SOCIAL_SERVICE: ["社区营造发展中心", "社区规划服务中心", "社区协商服务社"],
      SOCIAL_GROUP: ["社区营造促进会"],
    },
    group: [{ core: "居民议事小组", tags: ["社区协商", "加装电梯", "社区居民"], act: [(f) => `小组成员由${f.hood}的居民代表推选产生，围绕停车、加装电梯等议题定期议事。`] }],
    work: [
      (f) => `协助${f.area}居民区建立议事规则，围绕停车、加装电梯、公共空间改造等议题组织协商议事会${f.n(30, 150)}余场。`,
      (f) => `参与既有多层住宅加装电梯的意见征询和邻里协调，已推动${f.n(5, 60)}台电梯顺利开工。`,
      () => "以参与式设计推进社区花园和微更新项目，带动居民共同设计、共同建设、共同维护。",
    ],
    cases: [
      { title: (f) => `${f.street}社区协商议事能力提升项目`, desc: (f) => `指导${f.n(5, 20)}个居民区完善议事规则，组织议事会${f.n(20, 60)}场。` },
      { title: (f) => `${f.street}加装电梯居民协商服务`, desc: (f) => `协调${f.n(5, 30)}个门栋达成加梯意向，${f.n(2, 12)}台电梯已投入使用。` },
      { title: (f) => `${f.district}社区微更新参与式设计项目`, desc: () => "组织居民设计工作坊，把闲置角落改造成口袋花园。" },
    ],
  },
  {
    key: "charity",
    slug: "charity",
    phrase: "扶贫济困和慈善救助",
    domain: "扶贫济困",
    specific: ["济困", "慈善超市", "助医", "扶贫"],
    beneficiaries: ["困难家庭"],
    modes: ["资源链接", "个案服务"],
    communityClass: "公益慈善类",
    words: ["general", "care"],
    weights: { SOCIAL_SERVICE: 4, SOCIAL_GROUP: 4, FOUNDATION: 8, MASS_ACTIVITY_TEAM: 2 },
    legal: {
      SOCIAL_SERVICE: ["社会救助服务社", "公益服务中心", "慈善服务中心", "帮困服务社"],
      SOCIAL_GROUP: ["公益慈善促进会", "慈善联合会", "扶贫帮困协会"],
      FOUNDATION: ["慈善基金会", "公益基金会", "扶贫帮困基金会", "慈善公益基金会", "爱心基金会"],
    },
    team: [{ core: "爱心志愿者服务队", tags: ["慈善超市", "济困", "困难家庭"], act: [(f) => `队员定期到${f.street}慈善超市帮忙整理爱心物资，逢年过节随居委会一起走访困难家庭。`] }],
    work: [
      (f) => `对接${f.area}低保、低收入和支出型贫困家庭${f.n(100, 800)}户，开展需求评估并提供物资、助学、助医等综合帮扶。`,
      (f) => `运营慈善超市${f.n(1, 4)}家，常年开展爱心物资募集和“一元购”活动。`,
      (f) => `每逢春节、中秋组织节日走访，链接企业和爱心人士资源，年均募集善款物资价值${f.n(20, 300)}万元。`,
    ],
    cases: [
      { title: (f) => `${f.street}困难群众综合帮扶项目`, desc: (f) => `为${f.n(80, 300)}户困难家庭建立“一户一档”，个案跟进${f.n(20, 60)}户。` },
      { title: (f) => `${f.street}慈善超市运营`, desc: (f) => `全年接收爱心捐赠物资${f.n(2, 20) * 1000}件，服务困难群众${f.n(1, 6) * 1000}人次。` },
      { title: (f) => `“${f.word}送温暖”节日帮困行动`, desc: (f) => `春节前走访慰问困难家庭${f.n(100, 500)}户。`, brand: true },
    ],
  },
  {
    key: "disaster",
    slug: "rescue",
    phrase: "防灾减灾和应急救援",
    domain: "防灾减灾",
    specific: ["应急演练", "救灾"],
    beneficiaries: ["社区居民"],
    modes: ["培训", "宣传倡导"],
    communityClass: "公益慈善类",
    words: ["guard", "general"],
    weights: { SOCIAL_SERVICE: 2, SOCIAL_GROUP: 3, FOUNDATION: 1, MASS_ACTIVITY_TEAM: 2 },
    legal: {
      SOCIAL_SERVICE: ["应急救援服务中心", "防灾减灾服务中心", "应急安全服务社"],
      SOCIAL_GROUP: ["应急救援志愿者协会", "救援协会"],
      FOUNDATION: ["救灾公益基金会"],
    },
    team: [{ core: "应急救援志愿者服务队", tags: ["救灾", "应急演练", "社区居民"], act: [() => "队员大多取得了初级救护员证书，台风、暴雨天气时协助居委会转移安置危房居民。"] }],
    work: [
      (f) => `组建了${f.n(30, 200)}人的应急救援志愿者队伍，多次参与台风、暴雨等灾害天气的转移安置和灾后救助。`,
      (f) => `为${f.area}居民区编制应急预案，组织消防、防汛和应急救护演练${f.n(20, 100)}余场。`,
      (f) => `开展应急救护培训，已有${f.n(2, 20) * 100}余名居民取得初级救护员证书。`,
    ],
    cases: [
      { title: (f) => `${f.street}社区应急演练项目`, desc: (f) => `组织消防、防汛演练${f.n(6, 20)}场，参与居民${f.n(5, 20) * 100}人次。` },
      { title: (f) => `${f.district}防汛防台应急志愿服务`, desc: () => "汛期协助转移安置低洼地区居民，做好物资保障。" },
      { title: (f) => `${f.street}综合减灾示范社区创建服务`, desc: () => "协助居民区完成综合减灾示范社区创建验收。" },
    ],
  },
  {
    key: "safety",
    slug: "safety",
    phrase: "平安社区建设",
    domain: "防灾减灾",
    specific: ["平安社区", "防范电信诈骗", "应急演练"],
    beneficiaries: ["社区居民", "老年人"],
    modes: ["宣传倡导", "社区活动"],
    communityClass: "公益慈善类",
    words: ["guard", "general"],
    weights: { SOCIAL_SERVICE: 1, SOCIAL_GROUP: 2, MASS_ACTIVITY_TEAM: 8, COMMUNITY_GROUP: 3 },
    legal: {
      SOCIAL_SERVICE: ["平安建设服务中心", "社区安全服务社"],
      SOCIAL_GROUP: ["平安志愿者协会", "治安志愿者协会"],
    },
    team: [
      {
        core: "巡逻队",
        tags: ["平安社区", "社区居民"], act: [(f) => `队员${f.members}人，多为${f.hood}的退休党员和居民骨干，每天早晚两次在小区内巡逻，重点关注消防通道和电动自行车充电安全。`],
      },
      {
        core: "平安志愿者服务队",
        tags: ["平安社区", "防范电信诈骗", "社区居民"], act: [() => "队员们戴着红袖章在小区里巡逻，还经常在社区广场摆摊宣传防诈知识，劝阻过好几起冒充公检法的电话诈骗。"],
      },
    ],
    group: [{ core: "反诈宣传小组", tags: ["防范电信诈骗", "老年人"], act: [(f) => `组员${f.members}人，用沪语情景剧、快板等形式给${f.hood}的老人讲防骗知识。`] }],
    work: [
      (f) => `组织平安志愿者在${f.area}开展日常巡逻和安全隐患排查，协助派出所做好群防群治。`,
      (f) => `面向老年人开展防范电信网络诈骗宣传，累计举办讲座和情景剧演出${f.n(40, 200)}场。`,
    ],
    cases: [
      { title: (f) => `${f.street}平安志愿者巡逻服务`, desc: (f) => `组织志愿者${f.n(50, 200)}名开展日常巡逻，排查安全隐患${f.n(100, 600)}处。` },
      { title: (f) => `${f.district}老年人防范电信诈骗宣传项目`, desc: (f) => `开展反诈讲座和情景剧${f.n(20, 80)}场，覆盖老人${f.n(2, 10) * 1000}人次。` },
    ],
  },
  {
    key: "studentAid",
    slug: "studentaid",
    phrase: "助学和困境儿童关爱",
    domain: "扶贫济困",
    specific: ["助学", "救孤", "困境儿童关爱"],
    beneficiaries: ["儿童", "青少年", "困难家庭"],
    modes: ["资源链接", "个案服务"],
    communityClass: "公益慈善类",
    words: ["child", "general", "care"],
    weights: { SOCIAL_SERVICE: 2, SOCIAL_GROUP: 3, FOUNDATION: 6 },
    legal: {
      SOCIAL_SERVICE: ["助学服务中心", "儿童关爱服务中心", "青少年关爱服务社"],
      SOCIAL_GROUP: ["助学促进会", "爱心助学志愿者协会"],
      FOUNDATION: ["助学基金会", "教育基金会", "儿童关爱基金会", "教育发展基金会"],
    },
    work: [
      (f) => `长期资助${f.area}困难家庭学生，累计发放助学金${f.n(50, 900)}万元，受助学生${f.n(3, 40) * 100}余人次。`,
      () => "为困境儿童建立“一人一档”，提供学业辅导、心理陪伴和家庭探访服务。",
      () => "组织大学生志愿者与受助学生结对，开展寒暑假学业辅导和成长营活动。",
    ],
    cases: [
      { title: (f) => `${f.district}困境儿童关爱服务项目`, desc: (f) => `为${f.n(30, 150)}名困境儿童提供个案跟进和学业辅导。` },
      { title: (f) => `“${f.word}助学”计划`, desc: (f) => `资助困难家庭学生${f.n(100, 800)}名，发放助学金${f.n(20, 200)}万元。`, brand: true },
      { title: (f) => `${f.street}困难家庭学生学业辅导项目`, desc: () => "组织大学生志愿者一对一辅导，受助学生成绩普遍提高。" },
    ],
  },
  {
    key: "environment",
    slug: "green",
    phrase: "垃圾分类和环境保护",
    domain: "社区治理",
    specific: ["环保", "垃圾分类", "社区花园"],
    beneficiaries: ["社区居民"],
    modes: ["宣传倡导", "社区活动"],
    communityClass: "公益慈善类",
    words: ["green", "general"],
    weights: { SOCIAL_SERVICE: 4, SOCIAL_GROUP: 3, FOUNDATION: 2, MASS_ACTIVITY_TEAM: 6, COMMUNITY_GROUP: 6 },
    legal: {
      SOCIAL_SERVICE: ["绿色生活服务中心", "环境教育服务中心", "生态环保服务社"],
      SOCIAL_GROUP: ["环保志愿者协会", "绿色生活促进会"],
      FOUNDATION: ["环保公益基金会"],
    },
    team: [
      { core: "环保志愿者服务队", tags: ["垃圾分类", "环保", "社区居民"], act: [(f) => `队员每天早晚在${f.hood}的垃圾箱房旁值守，手把手帮居民做好垃圾分类。`] },
      { core: "护绿队", tags: ["社区花园", "环保", "社区居民"], act: [(f) => `队员${f.members}人，负责小区绿地的日常养护，还带着孩子们认养绿植。`] },
    ],
    group: [
      { core: "社区花园小组", tags: ["社区花园", "社区居民"], act: [() => "组员一起打理小区里的社区花园，每月开展一次绿植认养和旧物改造活动。"] },
      { core: "护绿小组", tags: ["社区花园", "环保", "社区居民"], act: [(f) => `小组成员都是${f.hood}的园艺爱好者，自发维护楼道绿化和宅前花坛。`] },
    ],
    work: [
      (f) => `协助${f.area}${f.n(10, 40)}个居民区开展垃圾分类入户宣传和定时定点投放督导，推广绿色账户。`,
      (f) => `以参与式方式建设社区花园${f.n(3, 15)}处，组织居民认养绿植、开展自然教育。`,
      () => "定期协助居委会开展分类实效检查，所服务居民区的湿垃圾分出率稳步提升。",
    ],
    cases: [
      { title: (f) => `${f.street}垃圾分类宣传与督导项目`, desc: (f) => `覆盖${f.n(10, 30)}个居民区，新增绿色账户${f.n(1, 5) * 1000}户。` },
      { title: (f) => `${f.street}社区花园共建项目`, desc: (f) => `与居民共建社区花园${f.n(2, 6)}处，组建养护团队${f.n(2, 6)}支。` },
      { title: (f) => `“${f.word}”低碳生活推广行动`, desc: () => "开展旧物改造、闲置物品交换和低碳家庭评选活动。", brand: true },
    ],
  },
  {
    key: "rural",
    slug: "rural",
    phrase: "乡村振兴公益服务",
    domain: "扶贫济困",
    specific: ["乡村振兴", "扶贫"],
    beneficiaries: ["社区居民", "老年人"],
    modes: ["培训", "社区活动"],
    communityClass: "公益慈善类",
    words: ["rural", "general"],
    weights: { SOCIAL_SERVICE: 3, SOCIAL_GROUP: 2, FOUNDATION: 2, MASS_ACTIVITY_TEAM: 2 },
    suburbanOnly: true,
    legal: {
      SOCIAL_SERVICE: ["乡村振兴服务中心", "农村社区发展中心", "乡村发展服务社"],
      SOCIAL_GROUP: ["乡村振兴促进会", "农村社区发展促进会"],
      FOUNDATION: ["乡村振兴基金会"],
    },
    team: [{ core: "志愿者服务队", tags: ["乡村振兴", "老年人"], act: [(f) => `队员都是本村村民，常年为村里${f.n(20, 80)}位留守老人理发、打扫卫生、陪聊天。`] }],
    work: [
      (f) => `扎根${f.area}的${f.n(3, 12)}个行政村，开展农村老人关爱、村民技能培训和乡风文明建设。`,
      () => "协助村委会开展“美丽庭院”创建，发展乡村民宿、农家乐等特色项目，带动村民增收。",
      () => "组织城区志愿者和企业与村结对，开展农产品消费帮扶和乡村文化活动。",
    ],
    cases: [
      { title: (f) => `${f.street}乡村振兴公益项目`, desc: (f) => `在${f.n(3, 10)}个行政村开展留守老人关爱和村民技能培训。` },
      { title: (f) => `${f.street}农村宅基睦邻点运营`, desc: (f) => `运营宅基睦邻点${f.n(3, 12)}个，每周开展活动，服务老人${f.n(100, 400)}名。` },
      { title: (f) => `${f.street}“美丽庭院”创建服务`, desc: (f) => `指导${f.n(50, 300)}户农户完成庭院整治。` },
    ],
  },
  {
    key: "culture",
    slug: "culture",
    phrase: "社区文化活动",
    domain: "文体活动",
    specific: ["文化", "阅读推广"],
    beneficiaries: ["社区居民", "老年人"],
    modes: ["社区活动"],
    communityClass: "文体活动类",
    words: ["arts"],
    weights: { SOCIAL_SERVICE: 4, SOCIAL_GROUP: 8, FOUNDATION: 2, MASS_ACTIVITY_TEAM: 30, COMMUNITY_GROUP: 14 },
    legal: {
      SOCIAL_SERVICE: ["文化服务中心", "文化艺术服务中心", "文化发展中心", "非遗传承服务中心"],
      SOCIAL_GROUP: ["文化艺术协会", "书画协会", "戏曲协会", "合唱协会", "文化促进会", "摄影协会"],
      FOUNDATION: ["文化发展基金会"],
    },
    team: [
      { core: "舞蹈队", act: ACT_REHEARSE },
      { core: "合唱团", words: ["music", "arts"], act: ACT_REHEARSE },
      { core: "腰鼓队", act: ACT_REHEARSE },
      { core: "时装队", act: ACT_REHEARSE },
      { core: "民乐队", words: ["music"], act: ACT_REHEARSE },
      { core: "沪剧沙龙", words: ["opera"], act: ACT_REHEARSE },
      { core: "京剧社", words: ["opera"], act: ACT_REHEARSE },
      { core: "书画社", words: ["ink"], act: ACT_STUDIO },
      { core: "摄影社", words: ["lens"], act: ACT_STUDIO },
      { core: "编织社", words: ["craft"], act: ACT_KNIT },
    ],
    group: [
      { core: "读书会", tags: ["阅读推广", "社区居民"], words: ["general"], act: ACT_READ },
      { core: "手工兴趣小组", words: ["craft"], act: [() => "组员每周一起做布艺、剪纸和串珠，作品常在社区义卖，所得全部捐给困难家庭。"] },
      { core: "编织小组", words: ["craft"], act: ACT_KNIT },
      { core: "书法兴趣小组", words: ["ink"], act: ACT_STUDIO },
    ],
    work: [
      (f) => `常年在${f.area}组织社区文化节、戏曲展演和非遗进社区活动，年均开展活动${f.n(30, 150)}场。`,
      (f) => `培育和指导群众文艺团队${f.n(10, 60)}支，为团队骨干提供排练指导和展演机会。`,
      () => "运营社区书房和文化活动室，开展读书会、书画班等活动。",
    ],
    cases: [
      { title: (f) => `${f.district}社区文化节`, desc: (f) => `组织${f.n(20, 60)}支群众文艺团队参加展演，观众${f.n(2, 10) * 1000}人次。` },
      { title: (f) => `${f.street}非遗进社区项目`, desc: () => "邀请非遗传承人开设沪剧、剪纸、海派面塑等课程。" },
      { title: (f) => `“${f.word}书房”社区阅读推广`, desc: (f) => `全年举办读书会和亲子共读活动${f.n(30, 100)}场。`, brand: true },
    ],
    filedCases: [
      { title: (f) => `${f.district}社区文化节展演`, desc: () => "团队排演的节目在展演中获得好评。" },
      { title: (f) => `${f.street}“迎新春”社区文艺汇演`, desc: () => "团队作为压轴节目登台演出。" },
    ],
  },
  {
    key: "sport",
    slug: "sport",
    phrase: "全民健身活动",
    domain: "文体活动",
    specific: ["体育"],
    beneficiaries: ["社区居民", "老年人"],
    modes: ["社区活动", "培训"],
    communityClass: "文体活动类",
    words: ["sport"],
    weights: { SOCIAL_SERVICE: 3, SOCIAL_GROUP: 8, MASS_ACTIVITY_TEAM: 25, COMMUNITY_GROUP: 6 },
    legal: {
      SOCIAL_SERVICE: ["体育健身服务中心", "体育发展中心", "全民健身服务中心"],
      SOCIAL_GROUP: ["体育协会", "健身协会", "太极拳协会", "老年人体育协会", "乒乓球协会"],
    },
    team: [
      { core: "太极拳队", act: ACT_SPORT },
      { core: "健身操队", act: ACT_SPORT },
      { core: "木兰拳队", act: ACT_SPORT },
      { core: "柔力球队", act: ACT_SPORT },
      { core: "健步走队", act: ACT_SPORT },
      { core: "排舞队", act: ACT_SPORT },
      { core: "乒乓球队", act: ACT_SPORT },
      { core: "广场舞队", act: ACT_SPORT },
    ],
    group: [
      { core: "健身兴趣小组", act: ACT_SPORT },
      { core: "健步走小组", act: [(f) => `组员每天晚饭后沿着${f.street}的滨河步道健步走，风雨无阻。`] },
    ],
    work: [
      (f) => `在${f.area}开展全民健身指导，组织社区运动会和健身赛事${f.n(10, 60)}场次。`,
      (f) => `培养社会体育指导员${f.n(20, 120)}名，常年指导太极拳、健身操、柔力球等健身团队。`,
    ],
    cases: [
      { title: (f) => `${f.district}社区运动会`, desc: (f) => `设置趣味项目${f.n(8, 20)}个，参赛居民${f.n(1, 5) * 1000}人次。` },
      { title: (f) => `${f.street}全民健身指导服务`, desc: (f) => `指导健身团队${f.n(10, 40)}支，开展科学健身讲座${f.n(6, 20)}场。` },
      { title: (f) => `${f.district}“百姓健身房”运营`, desc: () => "延长开放时间，为上班族提供夜间健身服务。" },
    ],
    filedCases: [
      { title: (f) => `${f.district}全民健身运动会`, desc: () => "团队参加集体项目比赛并获得名次。" },
      { title: (f) => `${f.street}社区健身展示活动`, desc: () => "团队作为示范队伍进行展示表演。" },
    ],
  },
  {
    key: "mental",
    slug: "mentalhealth",
    phrase: "心理健康服务",
    domain: "医疗卫生",
    specific: ["心理健康", "阳光心园"],
    beneficiaries: ["社区居民", "青少年", "精神障碍康复者"],
    modes: ["咨询", "个案服务", "热线", "小组工作"],
    communityClass: "生活服务类",
    words: ["care", "general"],
    weights: { SOCIAL_SERVICE: 5, SOCIAL_GROUP: 2, COMMUNITY_GROUP: 3 },
    legal: {
      SOCIAL_SERVICE: ["心理健康服务中心", "心理咨询服务中心", "心理健康指导中心", "心理服务社"],
      SOCIAL_GROUP: ["心理健康促进会", "心理咨询师协会"],
    },
    group: [
      { core: "心灵成长小组", tags: ["心理健康", "社区居民"], act: [() => "组员在持证心理咨询师的带领下每月聚会一次，学习情绪调节，互相倾听、互相支持。"] },
      { core: "家属互助小组", tags: ["阳光心园", "精神障碍康复者", "家庭"], act: [() => "成员都是精神障碍康复者的家属，定期交流照护经验，一起参加阳光心园的开放日活动。"] },
    ],
    work: [
      (f) => `在${f.area}设立社区心理咨询室${f.n(1, 6)}个，由心理咨询师和持证社工提供个体咨询与团体辅导。`,
      (f) => `开通心理援助热线，年均接听来电${f.n(5, 40) * 100}余通，对高风险个案及时转介精神卫生专业机构。`,
      () => "面向中小学生、新就业群体和独居老人开展心理健康科普讲座和情绪疏导活动。",
    ],
    cases: [
      { title: (f) => `${f.street}社区心理服务站运营`, desc: (f) => `提供个体咨询${f.n(100, 400)}人次，开展团体辅导${f.n(10, 40)}场。` },
      { title: (f) => `${f.district}青少年心理健康关爱项目`, desc: (f) => `走进${f.n(5, 20)}所中小学开展心理健康课程和危机识别培训。` },
      { title: () => "“心灵驿站”社区心理服务项目", desc: () => "在居民区设立心理服务点，每周固定时间接待居民。", brand: true },
    ],
  },
  {
    key: "health",
    slug: "health",
    phrase: "社区健康促进",
    domain: "医疗卫生",
    specific: ["健康促进", "安宁疗护"],
    beneficiaries: ["老年人", "社区居民"],
    modes: ["小组工作", "培训"],
    communityClass: "生活服务类",
    words: ["general", "elder"],
    weights: { SOCIAL_SERVICE: 3, SOCIAL_GROUP: 3, COMMUNITY_GROUP: 10 },
    legal: {
      SOCIAL_SERVICE: ["健康促进服务中心", "健康管理服务中心", "生命关怀服务中心"],
      SOCIAL_GROUP: ["健康促进会", "健康教育协会"],
    },
    group: [
      {
        core: "健康自我管理小组",
        tags: ["健康促进", "老年人"], act: [() => "组员都是患有高血压、糖尿病的老人，每月在社区卫生服务站碰头，请家庭医生讲课，一起学做低盐菜。"],
      },
      { core: "高血压自我管理小组", tags: ["健康促进", "老年人"], act: [(f) => `组员${f.members}人，每周一起量血压、做记录，互相提醒按时吃药。`] },
      { core: "糖尿病自我管理小组", tags: ["健康促进", "老年人"], act: [() => "组员在家庭医生指导下学习控糖饮食和运动，每季度一起复查血糖。"] },
    ],
    work: [
      (f) => `联合社区卫生服务中心开展健康讲座和义诊，年均服务居民${f.n(20, 100) * 100}人次。`,
      (f) => `指导${f.area}${f.n(10, 50)}个慢病自我管理小组，帮助高血压、糖尿病患者科学用药、合理膳食。`,
      () => "为终末期患者及家属提供陪伴、心理疏导和哀伤辅导等安宁疗护社会服务。",
    ],
    cases: [
      { title: (f) => `${f.street}慢病自我管理小组指导项目`, desc: (f) => `指导自我管理小组${f.n(10, 40)}个，组员血压控制率明显提高。` },
      { title: (f) => `${f.district}安宁疗护社区支持项目`, desc: (f) => `为${f.n(30, 150)}户终末期患者家庭提供陪伴和哀伤辅导。` },
      { title: (f) => `${f.street}老年人健康促进项目`, desc: (f) => `开展健康讲座${f.n(12, 40)}场，义诊咨询${f.n(500, 3000)}人次。` },
    ],
  },
  {
    key: "legal",
    slug: "legalaid",
    phrase: "社区法律服务",
    domain: "专业调处",
    specific: ["法律援助", "纠纷化解"],
    beneficiaries: ["困难家庭", "老年人", "社区居民"],
    modes: ["咨询"],
    communityClass: "专业调处类",
    words: ["general", "mediate"],
    weights: { SOCIAL_SERVICE: 3, SOCIAL_GROUP: 2, MASS_ACTIVITY_TEAM: 1 },
    legal: {
      SOCIAL_SERVICE: ["法律服务中心", "法治宣传服务社", "社区法律服务中心"],
      SOCIAL_GROUP: ["法律服务志愿者协会", "普法志愿者协会"],
    },
    team: [{ core: "普法志愿者服务队", tags: ["法律援助", "社区居民"], act: [(f) => `队员中有退休法官和律师，每月到${f.hood}居委会坐班一次，为居民解答法律问题。`] }],
    work: [
      (f) => `在${f.area}${f.n(5, 30)}个居民区设立法律服务点，律师和法律工作者每周定期坐班接待。`,
      (f) => `年均提供法律咨询${f.n(5, 30) * 100}余人次，协助困难群众申请法律援助${f.n(20, 150)}件。`,
      () => "围绕赡养、继承、物业等老百姓关心的问题开展普法讲座和以案释法。",
    ],
    cases: [
      { title: (f) => `${f.street}法律服务进社区项目`, desc: (f) => `在${f.n(5, 20)}个居民区设立法律服务点，提供咨询${f.n(300, 1500)}人次。` },
      { title: (f) => `${f.district}老年人法律维权服务`, desc: () => "针对赡养、以房养老骗局等问题开展普法和个案援助。" },
      { title: (f) => `${f.street}“法律明白人”培养项目`, desc: (f) => `培养居民区“法律明白人”${f.n(20, 60)}名。` },
    ],
  },
  {
    key: "volunteering",
    slug: "volunteer",
    phrase: "志愿服务",
    domain: "志愿服务",
    specific: ["志愿者管理", "时间银行"],
    beneficiaries: ["社区居民"],
    modes: ["社区活动", "线上服务", "培训"],
    communityClass: "公益慈善类",
    words: ["general"],
    weights: { SOCIAL_SERVICE: 3, SOCIAL_GROUP: 6, MASS_ACTIVITY_TEAM: 10, COMMUNITY_GROUP: 5 },
    legal: {
      SOCIAL_SERVICE: ["志愿服务中心", "志愿服务发展中心"],
      SOCIAL_GROUP: ["志愿者协会", "志愿服务联合会"],
    },
    team: [
      {
        core: "志愿者服务队",
        tags: ["社区居民", "老年人"], act: [(f) => `队员${f.members}人，每月5日学雷锋日在社区广场开展便民服务，平时参与助老、环境整治等志愿活动。`],
      },
      { core: "学雷锋志愿服务队", tags: ["便民服务", "老年人"], act: [() => "队员们常年坚持为社区老人磨刀、修伞、量血压，是居民口中的“老面孔”。"] },
    ],
    group: [{ core: "时间银行互助小组", tags: ["时间银行", "邻里互助", "社区居民"], act: [() => "组员之间用时间银行记录互助时长，谁家有事大家搭把手，攒下的时间将来也能兑换服务。"] }],
    work: [
      (f) => `运营${f.area}志愿服务站，注册志愿者${f.n(3, 30) * 100}余名，年均开展志愿服务${f.n(2, 20) * 1000}余小时。`,
      () => "建立志愿者招募、培训、星级评定和时间银行兑换机制，让志愿服务可记录、可激励。",
      () => "组织志愿者参与为老助残、环境整治和大型活动保障等服务。",
    ],
    cases: [
      { title: (f) => `${f.street}志愿服务站运营`, desc: (f) => `新招募志愿者${f.n(100, 500)}名，开展志愿服务活动${f.n(50, 150)}场。` },
      { title: (f) => `${f.district}“时间银行”互助养老试点`, desc: (f) => `累计存储志愿服务时间${f.n(2, 20) * 1000}小时。` },
      { title: () => "进博会城市志愿者服务保障", desc: (f) => `组织志愿者${f.n(50, 300)}名参与城市志愿服务站值守。` },
    ],
  },
  {
    key: "professional",
    slug: "ngosupport",
    phrase: "社会组织培育和专业支持",
    domain: "专业支持",
    specific: ["能力建设", "社会工作", "公益创投"],
    beneficiaries: ["社会组织"],
    modes: ["孵化", "督导", "评估", "培训"],
    communityClass: "公益慈善类",
    words: ["general"],
    weights: { SOCIAL_SERVICE: 6, SOCIAL_GROUP: 4, FOUNDATION: 3 },
    legal: {
      SOCIAL_SERVICE: ["社工师事务所", "社会工作服务社", "社会工作服务中心", "公益发展中心", "社会组织评估中心", "公益组织发展中心", "社会服务评估中心"],
      SOCIAL_GROUP: ["社会组织促进会", "社会工作者协会", "公益组织联合会"],
      FOUNDATION: ["公益发展基金会", "社会工作发展基金会"],
    },
    work: [
      (f) => `运营${f.area}社会组织孵化基地，累计孵化社区社会组织${f.n(20, 150)}家，为群众团队提供场地、财务托管和项目设计辅导。`,
      (f) => `承接${f.district}政府购买服务项目第三方评估，年均评估项目${f.n(30, 200)}个。`,
      () => "为一线社工提供专业督导和继续教育培训，协助街镇开展公益创投大赛。",
    ],
    cases: [
      { title: (f) => `${f.street}社区社会组织孵化基地运营`, desc: (f) => `孵化社区社会组织${f.n(5, 20)}家，托管群众团队${f.n(20, 80)}支。` },
      { title: (f) => `${f.district}政府购买服务项目第三方评估`, desc: (f) => `完成${f.n(30, 150)}个项目的中期和末期评估。` },
      { title: (f) => `${f.district}公益创投大赛组织实施`, desc: (f) => `征集项目${f.n(50, 200)}个，陪伴孵化入围项目${f.n(10, 40)}个。` },
    ],
  },
  {
    key: "employment",
    slug: "employment",
    phrase: "就业援助和职业培训",
    domain: "劳动就业",
    specific: ["就业援助", "职业技能培训", "创业指导"],
    beneficiaries: ["失业人员", "外来务工人员", "新就业群体", "退役军人"],
    modes: ["培训", "个案服务"],
    communityClass: "生活服务类",
    words: ["career", "general"],
    weights: { SOCIAL_SERVICE: 4, SOCIAL_GROUP: 3 },
    legal: {
      SOCIAL_SERVICE: ["就业服务中心", "职业发展服务中心", "就业促进服务社", "创业服务中心"],
      SOCIAL_GROUP: ["就业促进会", "创业促进会"],
    },
    work: [
      (f) => `为${f.area}就业困难人员、长期失业青年提供职业指导、技能培训和岗位推荐，年均帮助${f.n(50, 400)}人实现就业。`,
      (f) => `开设家政、养老护理、电商直播等职业技能培训班，培训合格率达${f.n(85, 98)}%。`,
      () => "关注快递员、外卖骑手等新就业群体，开展权益维护和“暖心驿站”服务。",
    ],
    cases: [
      { title: (f) => `${f.district}就业困难人员就业援助项目`, desc: (f) => `为${f.n(100, 400)}名服务对象提供一对一职业指导，${f.n(40, 70)}%实现就业。` },
      { title: (f) => `${f.street}长期失业青年就业帮扶计划`, desc: () => "通过职业体验和岗位见习帮助青年重返职场。" },
      { title: (f) => `${f.district}新就业群体关爱服务`, desc: (f) => `建设“暖心驿站”${f.n(3, 12)}个，服务快递员、外卖骑手${f.n(2, 10) * 1000}人次。` },
    ],
  },
  {
    key: "neighbourhood",
    slug: "neighbours",
    phrase: "睦邻互助和便民服务",
    domain: "社区服务",
    specific: ["睦邻点", "邻里互助", "便民服务", "社区事务代办", "党群阵地运营"],
    beneficiaries: ["社区居民", "老年人"],
    modes: ["社区活动", "项目运营"],
    communityClass: "生活服务类",
    words: ["general"],
    weights: { SOCIAL_SERVICE: 6, SOCIAL_GROUP: 3, FOUNDATION: 2, MASS_ACTIVITY_TEAM: 5, COMMUNITY_GROUP: 15 },
    legal: {
      SOCIAL_SERVICE: ["社区服务中心", "睦邻服务中心", "邻里服务社", "社区服务社"],
      SOCIAL_GROUP: ["邻里互助促进会"],
      FOUNDATION: ["社区基金会", "社区公益基金会"],
    },
    team: [
      { core: "便民服务队", tags: ["便民服务", "社区居民"], act: [() => "队员里有退休的电工、木匠和理发师，每月第二个周六在小区里摆摊，免费为居民修小家电、理发。"] },
      { core: "睦邻志愿者服务队", tags: ["邻里互助", "社区事务代办", "老年人"], act: [(f) => `队员${f.members}人，平时帮行动不便的老人代买代办，逢年过节组织楼组聚餐。`] },
    ],
    group: [
      { core: "睦邻小组", tags: ["睦邻点", "邻里互助", "社区居民"], act: [(f) => `组员在${f.hood}的睦邻点里每周聚两次，聊聊家常、做做手工，谁家有困难大家帮一把。`] },
      { core: "互助小组", tags: ["邻里互助", "社区居民"], act: [() => "组员之间结成互助对子，平时互相照应，谁家老人生病了大家轮流帮忙买菜送饭。"] },
      { core: "邻里互助小组", tags: ["邻里互助", "独居老人"], act: [(f) => `小组由${f.hood}的${f.members}户邻居自发组成，轮流照看楼里的独居老人。`] },
    ],
    work: [
      (f) => `受托运营${f.area}睦邻中心和${f.n(3, 20)}个睦邻点，每周开展邻里互助、兴趣活动和健康讲座。`,
      () => "组织便民维修、理发、磨刀等便民服务，帮助行动不便的老人代办社区事务。",
      () => "参与党群服务阵地社会化运营，负责日常开放、活动策划和志愿者管理。",
    ],
    cases: [
      { title: (f) => `${f.street}睦邻中心运营`, desc: (f) => `全年开展邻里活动${f.n(150, 400)}场，服务居民${f.n(1, 5)}万人次。` },
      { title: (f) => `${f.street}党群服务站社会化运营`, desc: (f) => `保障站点每周开放${f.n(50, 70)}小时，招募阵地志愿者${f.n(30, 100)}名。` },
      { title: (f) => `“${f.word}集市”便民服务`, desc: () => "每月组织一次便民集市，提供维修、理发、磨刀等服务。", brand: true },
    ],
  },
];

const FILED_GENERIC_CASES: readonly CaseTpl[] = [
  { title: (f) => `${f.street}社区邻里节`, desc: (f) => `组织成员参与邻里节展示和志愿服务，参与居民${f.n(100, 600)}人次。` },
  { title: (f) => `${f.hood}自治金项目`, desc: () => "在居委会指导下实施自治金项目，活动经费按规定公示。" },
  { title: (f) => `${f.district}优秀社区社会组织展示交流`, desc: (f) => `作为${f.street}的代表团队参加区级展示交流。` },
];

const ORG_KINDS: readonly OrgKind[] = ["SOCIAL_SERVICE", "SOCIAL_GROUP", "FOUNDATION", "MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"];
const KIND_WEIGHTS: readonly (readonly [OrgKind, number])[] = [
  ["SOCIAL_SERVICE", 30],
  ["SOCIAL_GROUP", 20],
  ["FOUNDATION", 3],
  ["MASS_ACTIVITY_TEAM", 27],
  ["COMMUNITY_GROUP", 20],
];

type ThemeTable = readonly (readonly [Theme, number])[];
const THEME_TABLES: Record<string, ThemeTable> = {};
for (const kind of ORG_KINDS) {
  for (const suburban of [false, true]) {
    THEME_TABLES[`${kind}:${suburban}`] = THEMES.filter((theme) => (theme.weights[kind] ?? 0) > 0 && (suburban || !theme.suburbanOnly)).map(
      (theme) => [theme, theme.weights[kind] ?? 0] as const,
    );
  }
}

function isFiled(kind: OrgKind): kind is "MASS_ACTIVITY_TEAM" | "COMMUNITY_GROUP" {
  return kind === "MASS_ACTIVITY_TEAM" || kind === "COMMUNITY_GROUP";
}

/** A 字号 (distinctive word) must not echo the name core: no 同心心理…, 益家家庭…, 书香读书会. */
function clashes(word: string, core: string): boolean {
  const head = core.slice(0, 3);
  for (const char of word) if (head.includes(char)) return true;
  return false;
}

function pickWord(rng: Rng, theme: Theme, core: string, legal: boolean): string {
  // Registered organizations draw on the general pool too (上海市暖心文化发展基金会); teams keep their flavour, and
  // some forms have their own (丝竹民乐队, 墨香书画社).
  const form = legal ? undefined : [...(theme.team ?? []), ...(theme.group ?? [])].find((candidate) => candidate.core === core);
  const pools: readonly WordPool[] = form?.words ?? (legal && !theme.words.includes("general") ? [...theme.words, "general"] : theme.words);
  let word = "";
  for (let attempt = 0; attempt < 8; attempt++) {
    word = rng.pick(WORDS[rng.pick(pools)]);
    if (!clashes(word, core)) return word;
  }
  return word;
}

function secondActs(theme: Theme, kind: OrgKind): readonly Tpl[] {
  const forms = kind === "MASS_ACTIVITY_TEAM" ? theme.team : theme.group;
  return (forms ?? []).flatMap((form) => form.act.slice(0, 1));
}

function coresFor(theme: Theme, kind: OrgKind): readonly string[] {
  if (kind === "MASS_ACTIVITY_TEAM") return (theme.team ?? []).map((form) => form.core);
  if (kind === "COMMUNITY_GROUP") return (theme.group ?? []).map((form) => form.core);
  return theme.legal[kind] ?? [];
}

function fallbackCores(kind: OrgKind): readonly string[] {
  switch (kind) {
    case "SOCIAL_SERVICE":
      return ["社区服务中心", "公益服务社"];
    case "SOCIAL_GROUP":
      return ["志愿者协会", "公益促进会"];
    case "FOUNDATION":
      return ["公益基金会"];
    case "MASS_ACTIVITY_TEAM":
      return ["志愿者服务队"];
    case "COMMUNITY_GROUP":
      return ["兴趣小组"];
  }
}

// ───────────────────────────── organizations ─────────────────────────────

type NameStyle = "city" | "cityShort" | "district" | "districtBare" | "districtStreet" | "districtStreetBare" | "street" | "streetHood" | "streetHoodWord" | "communityFoundation";

const AUTHORITY_NAME: Readonly<Record<string, string>> = { "310000": "上海市民政局", "310108": "原闸北区民政局", "310230": "原崇明县民政局" };

export function generateOrganization(rng: Rng, index: number, ctx: GeneratorContext): GeneratedOrg {
  const p = prepare(ctx);
  const registry = registryFor(rng);

  const kind = weightedPick(rng, KIND_WEIGHTS);
  const filed = isFiled(kind);
  const district = weightedPick(rng, p.districtWeights);
  const theme = weightedPick(rng, THEME_TABLES[`${kind}:${district.suburban}`]);
  const pickStreet = (): StreetRef =>
    theme.key === "rural" && district.towns.length > 0 ? rng.pick(district.towns) : rng.pick(district.streets);
  let street = pickStreet();
  const hood = hoodName(rng);

  // ── registration facts ──
  const isCommunityOrg = filed || ((kind === "SOCIAL_SERVICE" || kind === "SOCIAL_GROUP") && rng.chance(0.35));
  const cityLevel = !filed && !isCommunityOrg && rng.chance(kind === "FOUNDATION" ? 0.6 : 0.19);
  const [fromYear, toYear] = filed
    ? weightedPick(rng, [[[2000, 2009], 10], [[2010, 2012], 10], [[2013, 2015], 20], [[2016, 2018], 25], [[2019, 2021], 20], [[2022, 2025], 15]] as const)
    : weightedPick(rng, [[[1995, 2004], 10], [[2005, 2012], 30], [[2013, 2019], 40], [[2020, 2025], 20]] as const);
  const foundedOn = dateBetween(rng, utc(fromYear, 0, 1), toYear === 2025 ? utc(2025, 9, 31) : utc(toYear, 11, 31));
  const foundedYear = foundedOn.getUTCFullYear();

  // ── name ──
  const cores = coresFor(theme, kind).length > 0 ? coresFor(theme, kind) : fallbackCores(kind);
  let core = rng.pick(cores);
  let style: NameStyle;
  if (filed) {
    style = weightedPick(rng, [["street", 45], ["streetHood", 25], ["districtStreet", 15], ["streetHoodWord", 15]] as const);
  } else if (kind === "FOUNDATION") {
    if (cityLevel) style = rng.chance(0.7) ? "city" : "cityShort";
    else if ((theme.key === "neighbourhood" || theme.key === "charity") && rng.chance(0.5)) {
      style = "communityFoundation";
      core = rng.pick(["社区基金会", "社区公益基金会"]);
    }
    else style = "district";
  } else if (cityLevel) {
    style = rng.chance(0.75) ? "city" : "cityShort";
  } else if (isCommunityOrg) {
    style = weightedPick(rng, [["districtStreet", 45], ["district", 25], ["districtStreetBare", 15], ["districtBare", 15]] as const);
  } else {
    style = weightedPick(rng, [["district", 50], ["districtBare", 25], ["districtStreet", 15], ["districtStreetBare", 10]] as const);
  }
  // Social groups often carry no 字号 at all (上海市徐汇区人民调解协会); so do some district foundations.
  let useWord = !(kind === "SOCIAL_GROUP" && rng.chance(0.45)) && style !== "streetHood" && style !== "communityFoundation";
  let word = pickWord(rng, theme, core, !filed);
  let ordinal = "";
  let ordinalCount = 1;
  const compose = (): string => {
    const w = useWord ? word : "";
    const body = `${w}${ordinal}${core}`;
    switch (style) {
      case "city":
        return `上海市${body}`;
      case "cityShort":
        return `上海${body}`;
      case "district":
        return `上海市${district.name}${body}`;
      case "districtBare":
        return `${district.name}${body}`;
      case "districtStreet":
        return filed ? `${district.name}${street.name}${body}` : `上海市${district.name}${street.name}${body}`;
      case "districtStreetBare":
        return `${district.name}${street.name}${body}`;
      case "street":
        return `${street.name}${body}`;
      case "streetHood":
        return `${street.name}${hood}${ordinal}${core}`;
      case "streetHoodWord":
        return `${street.name}${hood}${body}`;
      case "communityFoundation":
        return `上海市${district.name}${streetStem(street.name)}${ordinal}${core}`;
    }
  };
  const streetInName = (): boolean => !["city", "cityShort", "district", "districtBare"].includes(style);
  let name = compose();
  for (let attempt = 1; registry.orgNames.has(name); attempt++) {
    if (attempt <= 6) {
      // another 字号 (and for city-level names, 上海市… or 上海…)
      useWord = style !== "communityFoundation";
      if (style === "city" || style === "cityShort") style = rng.chance(0.5) ? "city" : "cityShort";
      if (style === "streetHood") style = "streetHoodWord";
      word = pickWord(rng, theme, core, !filed);
    } else if (attempt <= 9) {
      // another street (the organization moves with its name), or put the street into the name
      if (streetInName()) street = pickStreet();
      else if (!filed && !cityLevel) style = style === "districtBare" ? "districtStreetBare" : "districtStreet";
      else word = pickWord(rng, theme, core, !filed);
    } else if (style === "communityFoundation") {
      // every street's community foundation is taken: a district foundation with a 字号 instead
      style = "district";
      core = rng.pick(cores);
      useWord = true;
      word = pickWord(rng, theme, core, !filed);
    } else if (attempt <= 12) {
      core = rng.pick(cores);
      word = pickWord(rng, theme, core, !filed);
    } else {
      ordinalCount++;
      ordinal = `第${cnNumber(ordinalCount)}`; // 第二, 第三 …
    }
    name = compose();
  }
  registry.orgNames.add(name);

  // ── identifier ──
  let uscc: string | null = null;
  let filingNo: string | null = null;
  let regionCode = district.code;
  let filingYear = foundedYear;
  if (filed) {
    filingYear = Math.max(foundedYear, rng.int(2010, 2014));
    const key = `${district.abbr}${filingYear}`;
    const seq = (registry.filingSeq.get(key) ?? 0) + 1;
    registry.filingSeq.set(key, seq);
    filingNo = `沪${district.abbr}备${filingYear}-${String(seq).padStart(4, "0")}`;
  } else {
    const kindChar = usccKindCharForOrgKind(kind);
    if (kindChar === null) throw new Error(`no USCC kind for ${kind}`);
    const beforeCoding = foundedOn.getTime() < utc(2015, 10, 1);
    if (cityLevel) regionCode = "310000";
    else if (district.code === "310106" && beforeCoding && FORMER_ZHABEI.has(street.name) && rng.chance(0.7)) regionCode = "310108";
    else if (district.code === "310151" && foundedOn.getTime() < utc(2016, 6, 1) && rng.chance(0.8)) regionCode = "310230";
    // A bijective scramble of the index into 0…8,999,999 keeps every code unique (serials from 9,000,000 up are
    // left to fixed demo records).
    const serial = (((index % 9_000_000) * 7_654_321 + 1_234_567) % 9_000_000 + 9_000_000) % 9_000_000;
    uscc = generateUscc(rng, { kindChar, regionCode, serial, style: beforeCoding && rng.chance(0.85) ? "legacy" : "MJ" });
  }

  // ── grade and qualifications ──
  let gradeLevel: number | null = null;
  let gradeValidUntil: Date | null = null;
  let assessedYear = 0;
  const eligibleFrom = addYears(foundedOn, 2).getTime();
  if (!filed && eligibleFrom < utc(2026, 8, 30) && rng.chance(0.55)) {
    gradeLevel = weightedPick(rng, [[1, 5], [2, 15], [3, 40], [4, 30], [5, 10]] as const);
    const expiredWindowEnd = utc(2021, 10, 26);
    const expired = rng.chance(0.15) && eligibleFrom < expiredWindowEnd;
    const assessedOn = expired
      ? dateBetween(rng, Math.max(eligibleFrom, utc(2012, 0, 1)), expiredWindowEnd)
      : dateBetween(rng, Math.max(eligibleFrom, utc(2021, 11, 1)), utc(2026, 8, 30));
    gradeValidUntil = addYears(assessedOn, 5);
    assessedYear = assessedOn.getUTCFullYear();
  }
  const graded = gradeLevel !== null;
  const gradeBonus = graded ? (gradeLevel ?? 0) * 0.06 : 0;
  const taxExempt = !filed && rng.chance(kind === "FOUNDATION" ? 0.75 : 0.15 + gradeBonus);
  const preTaxDeduction = !filed && rng.chance(kind === "FOUNDATION" ? 0.55 : graded && (gradeLevel ?? 0) >= 4 ? 0.12 : 0.02);
  const donationReceipts = !filed && rng.chance(kind === "FOUNDATION" ? 0.85 : graded && (gradeLevel ?? 0) >= 3 ? 0.25 : 0.05);
  const partyOrg: PartyOrg = filed
    ? weightedPick(rng, [["NONE", 70], ["INSTRUCTOR", 25], ["JOINT", 5]] as const)
    : weightedPick(rng, [["NONE", 15], ["STANDALONE", 15], ["JOINT", 35], ["INSTRUCTOR", 35]] as const);

  // ── people ──
  let staffCount: number;
  let certifiedSocialWorkers: number;
  if (filed) {
    staffCount = rng.int(0, 3);
    certifiedSocialWorkers = 0;
  } else if (kind === "SOCIAL_SERVICE") {
    staffCount = rng.chance(0.7) ? rng.int(3, 20) : rng.int(21, 80);
    const socialWorkHeavy = core.includes("社工") || core.includes("社会工作") || theme.key === "mental" || theme.key === "family";
    certifiedSocialWorkers = Math.round(staffCount * (socialWorkHeavy ? 0.4 + rng.next() * 0.4 : rng.next() * 0.5));
  } else if (kind === "SOCIAL_GROUP") {
    staffCount = rng.int(1, 12);
    certifiedSocialWorkers = rng.chance(0.3) ? rng.int(1, Math.min(3, staffCount)) : 0;
  } else {
    staffCount = rng.int(2, 20);
    certifiedSocialWorkers = rng.chance(0.25) ? rng.int(1, 2) : 0;
  }

  // ── service area ──
  let serviceDistrictCodes: string[];
  if (kind === "FOUNDATION" && (cityLevel || rng.chance(0.5))) {
    serviceDistrictCodes = p.allCodes.slice();
  } else {
    serviceDistrictCodes = [district.code];
    if (rng.chance(filed ? 0.08 : 0.4)) {
      const extra = rng.int(1, 3);
      const pool = district.neighbours.length > 0 && rng.chance(0.75) ? district.neighbours : p.allCodes.filter((code) => code !== district.code);
      serviceDistrictCodes.push(...rng.sample(pool, extra));
    }
    serviceDistrictCodes = unique(serviceDistrictCodes);
  }

  // ── themes, tags ──
  const multi = rng.chance(filed ? 0.05 : kind === "SOCIAL_SERVICE" ? 0.28 : 0.15);
  let second: Theme | null = null;
  if (multi) {
    // Village work only for organizations based in a town (镇/乡), not in an urban 街道.
    const table = THEME_TABLES[`${kind}:${district.suburban && street.kind !== "街道"}`].filter(([candidate]) => candidate.key !== theme.key);
    if (table.length > 0) second = weightedPick(rng, table);
  }
  let tagOrder: string[];
  if (filed) {
    const form = (kind === "MASS_ACTIVITY_TEAM" ? theme.team : theme.group)?.find((candidate) => candidate.core === core);
    const mode = kind === "COMMUNITY_GROUP" && rng.chance(0.5) ? "小组工作" : "社区活动";
    tagOrder = [theme.domain, ...(form?.tags ?? [theme.specific[0], rng.pick(theme.beneficiaries)]), theme.communityClass, mode];
    if (second) tagOrder.splice(1, 0, second.domain);
  } else {
    const specific = rng.sample(theme.specific, rng.int(1, Math.min(2, theme.specific.length)));
    tagOrder = [theme.domain, specific[0]];
    if (second) tagOrder.push(second.domain, rng.pick(second.specific));
    if (isCommunityOrg) tagOrder.push(theme.communityClass);
    tagOrder.push(rng.pick(theme.beneficiaries), rng.pick(theme.modes));
    if (specific[1]) tagOrder.push(specific[1]);
    if (rng.chance(0.4)) tagOrder.push(rng.pick(theme.beneficiaries));
  }
  const tagNames = unique(tagOrder).slice(0, 6);

  // ── description ──
  const area = cityLevel ? "本市" : streetInName() || isCommunityOrg ? `${district.name}${street.name}` : district.name;
  const years = Math.max(1, REF_YEAR - foundedYear);
  const members = kind === "MASS_ACTIVITY_TEAM" ? rng.int(12, 45) : rng.int(6, 25);
  const fill: Fill = {
    rng,
    n: (min, max) => rng.int(min, max),
    district: district.name,
    street: street.name,
    area,
    hood,
    word: word || rng.pick(WORDS.general),
    years,
    members,
  };
  const authority = AUTHORITY_NAME[regionCode] ?? `${district.name}民政局`;
  const sentences: string[] = [];
  if (kind === "SOCIAL_SERVICE") {
    sentences.push(
      rng.chance(0.6)
        ? `机构成立于${foundedYear}年，是经${authority}登记的社会服务机构，${years >= 3 ? `扎根${area}从事${theme.phrase}已有${years}年` : `主要在${area}开展${theme.phrase}`}。`
        : `机构于${foundedYear}年在${authority}登记成立，长期在${cityLevel ? "本市各区" : area}开展${theme.phrase}。`,
    );
  } else if (kind === "SOCIAL_GROUP") {
    sentences.push(
      rng.chance(0.5)
        ? `本会成立于${foundedYear}年，是经${authority}登记的社会团体，由${cityLevel ? "本市" : area}热心${theme.phrase}的单位和个人自愿组成，现有会员${rng.int(30, 600)}名。`
        : `协会成立于${foundedYear}年，现有团体会员${rng.int(8, 80)}家、个人会员${rng.int(50, 800)}名，主要在${cityLevel ? "本市各区" : area}开展${theme.phrase}。`,
    );
  } else if (kind === "FOUNDATION") {
    sentences.push(`基金会成立于${foundedYear}年，经${authority}登记，原始基金${rng.pick([200, 400, 500, 800, 1000, 2000])}万元，致力于${theme.phrase}。`);
  } else if (kind === "MASS_ACTIVITY_TEAM") {
    sentences.push(
      rng.chance(0.5)
        ? `团队成立于${foundedYear}年，由${street.name}${hood}的居民自发组建，${filingYear}年在${street.name}社区社会组织服务中心备案。`
        : `团队组建于${foundedYear}年，是${street.name}备案的群众活动团队，由居委会推荐的热心居民担任负责人。`,
    );
  } else {
    sentences.push(
      rng.chance(0.5)
        ? `小组成立于${foundedYear}年，是在${street.name}备案的社区活动小组。`
        : `小组${foundedYear}年由${hood}的居民发起成立，在${street.name}社区社会组织服务中心备案。`,
    );
  }
  if (filed) {
    const forms = kind === "MASS_ACTIVITY_TEAM" ? theme.team : theme.group;
    const form = forms?.find((candidate) => candidate.core === core);
    const acts = form?.act ?? theme.work;
    sentences.push(acts[0](fill));
    if (acts.length > 1 && rng.chance(0.5)) sentences.push(acts[1](fill));
    else if (second && secondActs(second, kind).length > 0 && rng.chance(0.7)) sentences.push(`此外，${rng.pick(secondActs(second, kind))(fill)}`);
    else if (rng.chance(0.35)) sentences.push(`${rng.int(Math.max(foundedYear, 2015), 2025)}年被${street.name}评为优秀社区社会组织。`);
  } else {
    const works = rng.sample(theme.work, 2);
    sentences.push(works[0](fill));
    if (kind === "SOCIAL_SERVICE") {
      sentences.push(
        certifiedSocialWorkers > 0
          ? rng.chance(0.5)
            ? `现有专职工作人员${staffCount}名，其中持证社工${certifiedSocialWorkers}名，另有登记志愿者${rng.int(20, 300)}名。`
            : `团队现有专职人员${staffCount}名，其中持证社工${certifiedSocialWorkers}名，骨干成员平均从业${rng.int(4, 12)}年。`
          : `现有专职工作人员${staffCount}名，并长期联系志愿者${rng.int(20, 200)}名。`,
      );
    } else if (kind === "SOCIAL_GROUP") {
      sentences.push(`协会设秘书处，现有专职工作人员${staffCount}名${certifiedSocialWorkers > 0 ? `，其中持证社工${certifiedSocialWorkers}名` : ""}。`);
    } else {
      sentences.push(`基金会理事会由${rng.int(5, 11)}名理事组成，秘书处现有专职人员${staffCount}名。`);
    }
    const extras: string[] = [];
    if (second) extras.push(`同时开展${second.phrase}，${rng.pick(second.work)(fill)}`);
    if (works[1]) extras.push(works[1](fill));
    if (graded && gradeValidUntil && gradeValidUntil.getTime() >= REF) extras.push(`${assessedYear}年在社会组织等级评估中被评为${gradeLevel}A级。`);
    if (kind === "FOUNDATION" && preTaxDeduction) extras.push("已取得公益性捐赠税前扣除资格，可为捐赠人开具公益事业捐赠票据。");
    if (extras.length > 0) sentences.push(second && rng.chance(0.7) ? extras[0] : rng.pick(extras));
  }
  const description = sentences.join("");

  // ── cases ──
  const caseCount = filed
    ? weightedPick(rng, [[0, 60], [1, 35], [2, 5]] as const)
    : kind === "SOCIAL_SERVICE"
      ? weightedPick(rng, [[0, 10], [1, 30], [2, 35], [3, 25]] as const)
      : kind === "SOCIAL_GROUP"
        ? weightedPick(rng, [[0, 30], [1, 40], [2, 20], [3, 10]] as const)
        : rng.int(1, 3);
  const casePool = filed ? [...(theme.filedCases ?? []), ...FILED_GENERIC_CASES] : second ? [...theme.cases, ...second.cases.slice(0, 1)] : theme.cases;
  const firstCaseYear = Math.min(REF_YEAR, Math.max(foundedYear, 2012));
  const cases = rng.sample(casePool, caseCount).map((tpl) => ({
    title: tpl.title(fill),
    year: rng.int(firstCaseYear, REF_YEAR),
    description: tpl.desc(fill),
    isBrand: Boolean(tpl.brand),
  }));
  cases.sort((a, b) => b.year - a.year);

  // ── address, contact, activity ──
  const road = roadFor(rng, district, street);
  const townPart = street.kind === "街道" ? "" : street.name;
  const address = filed
    ? `${district.name}${townPart}${road}${rng.int(1, 1200)}弄${rng.int(1, 60)}号（${hood}居委会活动室）`
    : rng.chance(0.55)
      ? `${district.name}${townPart}${road}${rng.int(1, 2000)}号${rng.chance(0.4) ? `${rng.int(2, 12)}楼` : ""}`
      : `${district.name}${townPart}${road}${rng.int(1, 1500)}弄${rng.int(1, 80)}号${rng.int(1, 6)}0${rng.int(1, 4)}室`;
  const contactName = personName(rng);
  const contactPhone = landline(rng);
  const contactEmail =
    filed || rng.chance(0.3)
      ? `${district.ascii}${theme.slug}${index}@${rng.chance(0.7) ? "163" : "126"}.com`
      : `contact@${district.ascii}-${theme.slug}-${index}.org.cn`;
  const activeRoll = rng.next();
  const lastActiveAt =
    activeRoll < 0.8
      ? dateBetween(rng, REF - 120 * DAY, REF)
      : activeRoll < 0.92
        ? dateBetween(rng, REF - 540 * DAY, REF - 121 * DAY)
        : dateBetween(rng, REF - 4 * 365 * DAY, REF - 541 * DAY);
  if (lastActiveAt.getTime() < foundedOn.getTime()) lastActiveAt.setTime(foundedOn.getTime() + 30 * DAY);

  return {
    name,
    uscc,
    filingNo,
    kind,
    isCommunityOrg,
    communityClass: isCommunityOrg ? theme.communityClass : null,
    districtCode: district.code,
    streetCode: kind === "FOUNDATION" && cityLevel && rng.chance(0.5) ? null : street.code,
    address,
    foundedOn,
    gradeLevel,
    gradeValidUntil,
    taxExempt,
    preTaxDeduction,
    donationReceipts,
    partyOrg,
    certifiedSocialWorkers,
    staffCount,
    description,
    contactName,
    contactPhone,
    contactEmail,
    tagNames,
    serviceDistrictCodes,
    cases,
    lastActiveAt,
  };
}

// ───────────────────────────── buying units ─────────────────────────────

// Preferences name catalog codes, or free-form themes as "F:<key>"; repeats weigh an entry.
type Department = { name: (district: string) => string; weight: number; prefs: readonly string[]; suburbanOnly?: boolean };

const DEPARTMENTS: readonly Department[] = [
  { name: (d) => `${d}民政局`, weight: 8, prefs: ["YL-01", "YL-02", "YL-03", "YL-04", "YL-05", "FP-01", "ZZ-01", "ZZ-02", "ZY-01", "SQ-01", "ZL-01", "ZL-02", "F:csc", "F:kunjing"] },
  { name: (d) => `${d}卫生健康委员会`, weight: 4, prefs: ["YW-01", "YW-01", "YW-02", "YW-02", "YL-03", "F:anning"] },
  { name: (d) => `${d}残疾人联合会`, weight: 4, prefs: ["ZC-01", "ZC-01", "ZC-02"] },
  { name: (d) => `${d}妇女联合会`, weight: 3, prefs: ["FE-03", "FE-03", "FE-02", "F:kunjing"] },
  { name: (d) => `共青团${d}委员会`, weight: 3, prefs: ["FE-01", "FE-01", "ZY-01", "YW-01", "F:youth"] },
  { name: (d) => `${d}人力资源和社会保障局`, weight: 3, prefs: ["JY-01", "JY-01", "F:xjy", "F:skill"] },
  { name: (d) => `${d}司法局`, weight: 3, prefs: ["TC-01", "TC-01", "TC-02", "TC-02"] },
  { name: (d) => `${d}教育局`, weight: 2, prefs: ["FE-01", "FE-01", "FE-03"] },
  { name: (d) => `${d}绿化和市容管理局`, weight: 2, prefs: ["ZL-03", "ZL-03", "ZL-04"] },
  { name: (d) => `${d}应急管理局`, weight: 2, prefs: ["FZ-01", "FZ-01", "F:fz"] },
  { name: (d) => `${d}文化和旅游局`, weight: 2, prefs: ["WT-01", "F:read"] },
  { name: (d) => `${d}体育局`, weight: 1, prefs: ["WT-01", "F:sport"] },
  { name: (d) => `${d}退役军人事务局`, weight: 1, prefs: ["F:tyjr"] },
  { name: (d) => `${d}农业农村委员会`, weight: 2, prefs: ["FP-02"], suburbanOnly: true },
  { name: (d) => (d.endsWith("新区") ? `中共${d}区委社会工作部` : `中共${d}委社会工作部`), weight: 3, prefs: ["ZZ-01", "ZZ-02", "ZL-01", "ZL-02", "SQ-02", "ZY-01", "F:xjy"] },
  { name: (d) => `${d}老龄工作委员会办公室`, weight: 2, prefs: ["YL-01", "YL-02", "YL-03", "YL-04", "YL-05"] },
  { name: (d) => `${d}总工会`, weight: 1, prefs: ["JY-01", "F:xjy"] },
];

const STREET_PREFS: readonly string[] = [
  "YL-01", "YL-01", "YL-01", "YL-02", "YL-03", "YL-04", "YL-04", "YL-05", "ZC-01", "ZC-02", "FE-01", "FE-01", "FE-02", "FE-03",
  "ZL-01", "ZL-01", "ZL-02", "ZL-02", "ZL-03", "ZL-03", "ZL-04", "SQ-01", "SQ-01", "SQ-02", "YW-01", "YW-02", "JY-01", "WT-01",
  "FP-01", "ZY-01", "ZZ-01", "ZZ-02", "FZ-01", "TC-01", "TC-02", "F:csc", "F:fz", "F:read", "F:jiugai", "F:xjy", "F:tyjr", "F:sport", "F:kunjing",
];
const TOWN_PREFS: readonly string[] = [...STREET_PREFS, "FP-02", "FP-02", "FP-02"];
// A 居民区 buys little and small: its templates scale their counts down (NFill.k).
const COMMITTEE_PREFS: readonly string[] = ["SQ-01", "SQ-01", "ZL-01", "ZL-01", "ZL-04", "YL-04", "WT-01", "FZ-01", "F:fz"];
const FOUNDATION_PREFS: readonly string[] = ["FP-01", "FP-01", "FE-02", "YL-04", "ZC-01", "F:csc", "F:kunjing", "F:anning"];
const OTHER_PREFS: readonly string[] = ["ZZ-01", "ZZ-01", "ZZ-02", "SQ-01", "SQ-02", "ZY-01"];

const BUYER_KIND_WEIGHTS: readonly (readonly [BuyerKind, number])[] = [
  ["DISTRICT_DEPARTMENT", 32],
  ["STREET_OFFICE", 30],
  ["TOWN_GOVERNMENT", 18],
  ["RESIDENTS_COMMITTEE", 10],
  ["FOUNDATION", 6],
  ["OTHER", 4],
];

function committeeName(rng: Rng, street: StreetRef): string {
  return `${street.name}${hoodName(rng)}居民委员会`;
}

function buyerCandidate(rng: Rng, p: Prepared, index: number, forced: BuyerKind | null): GeneratedBuyerUnit {
  // The first buyers are the districts' civil-affairs bureaus, so every district has one.
  if (forced === null && index < p.districts.length) {
    const district = p.districts[index];
    return {
      name: `${district.name}民政局`,
      kind: "DISTRICT_DEPARTMENT",
      districtCode: district.code,
      streetCode: null,
      address: `${district.name}${roadFor(rng, district, null)}${rng.int(1, 1500)}号`,
      contactPhone: landline(rng, rng.pick(["5", "6"])),
    };
  }
  let kind = forced ?? weightedPick(rng, BUYER_KIND_WEIGHTS);
  if (kind === "TOWN_GOVERNMENT" && p.allTowns.length === 0) kind = "STREET_OFFICE";
  if (kind === "STREET_OFFICE" && p.allSubdistricts.length === 0) kind = "TOWN_GOVERNMENT";
  const phone = landline(rng, rng.pick(["5", "6"]));
  switch (kind) {
    case "DISTRICT_DEPARTMENT": {
      const district = weightedPick(rng, p.districtWeights);
      const department = weightedPick(
        rng,
        DEPARTMENTS.filter((d) => !d.suburbanOnly || district.suburban).map((d) => [d, d.weight] as const),
      );
      return {
        name: department.name(district.name),
        kind,
        districtCode: district.code,
        streetCode: null,
        address: `${district.name}${roadFor(rng, district, null)}${rng.int(1, 1500)}号`,
        contactPhone: phone,
      };
    }
    case "STREET_OFFICE":
    case "TOWN_GOVERNMENT": {
      const { street, district } = rng.pick(kind === "STREET_OFFICE" ? p.allSubdistricts : p.allTowns);
      return {
        name: kind === "STREET_OFFICE" ? `${district.name}${street.name}办事处` : `${district.name}${street.name}人民政府`,
        kind,
        districtCode: district.code,
        streetCode: street.code,
        address: `${district.name}${kind === "STREET_OFFICE" ? "" : street.name}${roadFor(rng, district, street)}${rng.int(1, 1500)}号`,
        contactPhone: phone,
      };
    }
    case "RESIDENTS_COMMITTEE": {
      const district = weightedPick(rng, p.districtWeights);
      const street = rng.pick(district.streets);
      return {
        name: committeeName(rng, street),
        kind,
        districtCode: district.code,
        streetCode: street.code,
        address: `${district.name}${street.kind === "街道" ? "" : street.name}${roadFor(rng, district, street)}${rng.int(1, 1200)}弄${rng.int(1, 60)}号`,
        contactPhone: phone,
      };
    }
    case "FOUNDATION": {
      const district = weightedPick(rng, p.districtWeights);
      if (rng.chance(0.55)) {
        return {
          name: `上海市慈善基金会${district.name}代表处`,
          kind,
          districtCode: district.code,
          streetCode: null,
          address: `${district.name}${roadFor(rng, district, null)}${rng.int(1, 1500)}号`,
          contactPhone: phone,
        };
      }
      const street = rng.pick(district.streets);
      return {
        name: `上海市${district.name}${streetStem(street.name)}社区${rng.chance(0.5) ? "公益" : ""}基金会`,
        kind,
        districtCode: district.code,
        streetCode: street.code,
        address: `${district.name}${street.kind === "街道" ? "" : street.name}${roadFor(rng, district, street)}${rng.int(1, 1500)}号`,
        contactPhone: phone,
      };
    }
    case "OTHER": {
      const district = weightedPick(rng, p.districtWeights);
      if (rng.chance(0.5)) {
        return {
          name: `${district.name}社会组织服务中心`,
          kind,
          districtCode: district.code,
          streetCode: null,
          address: `${district.name}${roadFor(rng, district, null)}${rng.int(1, 1500)}号`,
          contactPhone: phone,
        };
      }
      const street = rng.pick(district.streets);
      return {
        name: `${district.name}${street.name}社区党群服务中心`,
        kind,
        districtCode: district.code,
        streetCode: street.code,
        address: `${district.name}${street.kind === "街道" ? "" : street.name}${roadFor(rng, district, street)}${rng.int(1, 1500)}号`,
        contactPhone: phone,
      };
    }
  }
}

export function generateBuyerUnit(rng: Rng, index: number, ctx: GeneratorContext): GeneratedBuyerUnit {
  const p = prepare(ctx);
  const registry = registryFor(rng);
  for (let attempt = 0; attempt < 40; attempt++) {
    const unit = buyerCandidate(rng, p, attempt === 0 ? index : Number.MAX_SAFE_INTEGER, attempt < 20 ? null : "RESIDENTS_COMMITTEE");
    if (!registry.buyerNames.has(unit.name)) {
      registry.buyerNames.add(unit.name);
      return unit;
    }
  }
  // Practically unreachable: number the 新村 of a street until a name is free (长桥一村, 长桥二村 …).
  const district = weightedPick(rng, p.districtWeights);
  const street = rng.pick(district.streets);
  for (let k = 1; ; k++) {
    const name = `${street.name}${streetStem(street.name)}${cnNumber(k)}村居民委员会`;
    if (registry.buyerNames.has(name)) continue;
    registry.buyerNames.add(name);
    return {
      name,
      kind: "RESIDENTS_COMMITTEE",
      districtCode: district.code,
      streetCode: street.code,
      address: `${district.name}${roadFor(rng, district, street)}${rng.int(1, 1200)}弄${rng.int(1, 60)}号`,
      contactPhone: landline(rng),
    };
  }
}

// ───────────────────────────── needs ─────────────────────────────

type NeedVars = {
  meals: number;
  delivery: number;
  beds: number;
  screen: number;
  vol: number;
  pairs: number;
  homes: number;
  learners: number;
  classes: number;
  sessions: number;
  spots: number;
  groups: number;
  teams: number;
  projects: number;
  mediators: number;
};
type NFill = {
  rng: Rng;
  n: (min: number, max: number) => number;
  /** 2027年 or 2027年度. */
  yearLabel: string;
  year: number;
  /** The buyer's own place: 枫林路街道, 七宝镇, 徐汇区, 华富一村居民区. */
  place: string;
  district: string;
  /** A street of the place (the buyer's, or one of the district's for departments). */
  street: string;
  /** What the place covers: 23个居民区, 18个村居, 13个街镇, 36个楼组. */
  units: string;
  /** A facility's location: the buyer's street/town/居民区, or 区+街镇 for district-level buyers (徐汇区斜土路街道). */
  site: string;
  /** The buyer is a residents'/villagers' committee: one 居民区, so counts are small. */
  rc: boolean;
  /** A count that scales with the size of the place (a quarter for a 居民区, half again for a district). */
  k: (min: number, max: number) => number;
  /** How the buyer refers to itself in text: 枫林路街道, 徐汇区民政局, 居委会. */
  buyer: string;
  hood: string;
  batch: string;
  v: NeedVars;
};
type NTpl = (f: NFill) => string;
type NeedTpl = {
  titles: readonly NTpl[];
  summary: readonly NTpl[];
  background: readonly NTpl[];
  content: readonly NTpl[];
  targets: readonly NTpl[];
  requirements: readonly NTpl[];
  /** TECHNICAL criteria specific to this kind of service. */
  technical: readonly string[];
  /** Reasons a buyer gives for keeping the listing to local organizations. */
  noCross?: readonly string[];
  period?: NTpl;
  /** A community public-welfare item: community organizations get priority more often. */
  community?: boolean;
  /** Free-form themes only. */
  tags?: readonly string[];
  budget?: readonly [number, number];
  centralOnly?: boolean;
  socialWork?: boolean;
};

const NEED_TEMPLATES: Readonly<Record<string, NeedTpl>> = {
  "YL-01": {
    titles: [
      (f) => `${f.yearLabel}${f.site}社区长者食堂运营服务项目`,
      (f) => `${f.site}老年助餐服务点委托运营项目`,
      (f) => `${f.district}老年助餐服务（${f.street}长者食堂）运营采购`,
    ],
    summary: [(f) => `委托专业机构运营${f.site}社区长者食堂，每日供餐约${f.v.meals}份，并为高龄、独居、失能老人提供送餐上门服务。`],
    background: [
      (f) => `${f.place}60岁以上户籍老年人口约${f.n(1, 6)}.${f.n(1, 9)}万人，老龄化率达${f.n(30, 42)}%，其中高龄独居老人${f.n(300, 2000)}余人，吃饭难是老人反映最集中的问题之一。`,
      (f) => `为落实本市社区老年助餐服务提升行动，${f.buyer}拟委托专业社会组织运营社区长者食堂，打造“15分钟助餐服务圈”。`,
      (f) => `现有长者食堂于${f.n(2019, 2024)}年建成，建筑面积约${f.n(15, 50) * 10}平方米，设堂食座位${f.n(4, 12) * 10}个。`,
    ],
    content: [
      (f) => `负责长者食堂日常运营，每日供应午餐${f.v.meals}份、晚餐${Math.round(f.v.meals / 30) * 10}份，每周公布菜谱，荤素搭配、少油少盐。`,
      (f) => `为${f.v.delivery}名行动不便的高龄、独居、失能老人提供送餐上门服务，午餐送达时间不晚于11:30。`,
      () => "落实食品安全主体责任，执行原料索证、48小时留样和“明厨亮灶”等制度。",
      () => "做好助餐补贴核销、就餐数据统计和每季度满意度调查，满意度不低于90%。",
      () => "依托食堂开展健康饮食讲座、节日主题餐等活动，每月不少于2次。",
    ],
    targets: [
      (f) => `${f.place}${f.units}内60周岁以上老年人，优先保障80周岁以上高龄、独居、失能和低保低收入老人。`,
      (f) => `预计日均服务老人${f.v.meals}人次，其中送餐上门约${f.v.delivery}户。`,
    ],
    requirements: [
      () => "运营方须具备食品经营许可证，或与具备资质的中央厨房签订供餐协议。",
      (f) => `配备食堂负责人1名、厨师及帮厨不少于${f.n(3, 6)}名，所有从业人员持有效健康证上岗。`,
      () => "送餐车辆须配备保温设备，送餐途中确保餐食温度和卫生。",
    ],
    technical: ["食品安全管理方案", "人员配置", "运营管理方案"],
    noCross: [
      "长者食堂需每日供餐，要求机构在本区具备中央厨房或合规配送能力，确保送餐上门时效",
      "服务需每日入户送餐，要求机构在本区设有服务站点、能够在30分钟内响应",
    ],
  },
  "YL-02": {
    titles: [
      (f) => `${f.site}长者照护之家运营服务项目`,
      (f) => `${f.yearLabel}${f.site}长者照护之家委托运营`,
      (f) => `${f.district}社区嵌入式养老服务机构运营（${f.street}）`,
    ],
    summary: [(f) => `委托运营${f.site}长者照护之家（床位${f.v.beds}张），提供短期托养、日间照料和喘息服务。`],
    background: [
      (f) => `${f.site}长者照护之家位于${f.hood}，建筑面积约${f.n(6, 15) * 100}平方米，设床位${f.v.beds}张，于${f.n(2018, 2025)}年建成。`,
      () => "辖区失能、半失能老人照护需求持续增长，家庭照护者压力大，亟需专业化的社区嵌入式照护服务。",
    ],
    content: [
      (f) => `提供短期托养、日间照料和喘息服务，床位使用率不低于${f.n(16, 19) * 5}%。`,
      () => "入住前开展老年照护需求评估，为每位老人制定个性化照护计划。",
      () => "落实24小时值班、防跌倒、防走失等安全管理制度。",
      () => "每月组织康复训练、文娱活动和家属开放日，每季度开展满意度测评。",
    ],
    targets: [
      (f) => `${f.place}经评估有照护需求的失能、半失能老人及轻中度认知障碍老人。`,
      () => "有短期托养、喘息需求的家庭照护者。",
    ],
    requirements: [
      (f) => `护理员与入住老人配比不低于1:${f.n(3, 5)}，护理员须持有养老护理员职业技能等级证书。`,
      () => "机构须具有养老服务机构运营经验，近三年无重大安全责任事故。",
      () => "严格执行消防安全和食品安全管理规定。",
    ],
    technical: ["照护服务方案", "安全管理制度", "人员配置"],
    noCross: ["照护之家需24小时值守，要求机构在本区设有运营团队并能在30分钟内到岗处置突发情况"],
  },
  "YL-03": {
    titles: [
      (f) => `${f.place}认知障碍友好社区建设项目`,
      (f) => `${f.yearLabel}${f.place}老年认知障碍风险测评与干预服务`,
      (f) => `${f.place}“记忆守护”认知症照护支持项目`,
    ],
    summary: [(f) => `为${f.place}${f.v.screen}名老人开展认知障碍风险测评，组织非药物干预小组，并为家庭照护者提供支持。`],
    background: [
      (f) => `据测算，${f.place}65岁以上老人中认知障碍患病率约为${f.n(5, 8)}%，居民早筛查、早干预的意识仍然不足。`,
      (f) => `根据本市认知障碍友好社区建设工作要求，${f.buyer}拟在前期试点基础上进一步完善筛查、干预、转介服务链。`,
    ],
    content: [
      (f) => `开展认知障碍科普宣传活动不少于${f.n(6, 20)}场，覆盖居民${f.n(5, 20) * 100}人次。`,
      (f) => `为${f.v.screen}名65岁以上老人开展认知障碍风险测评，建立筛查档案。`,
      (f) => `对筛查阳性老人开设“记忆课堂”等非药物干预小组不少于${f.n(3, 8)}个，每组活动不少于${f.n(8, 12)}节。`,
      () => "为家庭照护者开展照护技能培训和支持小组活动，提供喘息服务转介。",
      () => "与社区卫生服务中心、精神卫生中心建立转介机制。",
    ],
    targets: [
      (f) => `${f.place}65周岁以上老年人，重点为独居、高龄及有记忆减退主诉的老人。`,
      () => "认知障碍老人的家庭照护者。",
    ],
    requirements: [
      () => "项目团队须包括持证社工和具有老年心理或康复背景的专业人员。",
      () => "测评须使用经认可的量表，测评人员须经过专门培训。",
      () => "严格保护老人健康信息，测评结果仅用于本项目服务和转介。",
    ],
    technical: ["专业人员配置", "测评与干预方法"],
    socialWork: true,
  },
  "YL-04": {
    titles: [
      (f) => `${f.yearLabel}${f.place}老伙伴计划项目`,
      (f) => `${f.place}“老伙伴计划”低龄老人结对关爱服务`,
      (f) => `${f.district}老伙伴计划（${f.street}）服务采购`,
    ],
    summary: [(f) => `招募培训低龄老人志愿者${f.v.vol}名，与${f.v.pairs}名高龄独居老人结对，开展电话问候和上门探访。`],
    background: [
      (f) => `${f.place}80岁以上高龄独居老人约${f.v.pairs}人，日常生活照应和精神慰藉需求突出。`,
      (f) => `老伙伴计划是本市为老服务实事项目，已在${f.place}连续实施多年，志愿者队伍需要持续补充和培训。`,
    ],
    content: [
      (f) => `招募${f.v.vol}名60至70岁低龄老人担任志愿者，开展岗前培训和每季度一次的能力提升培训。`,
      (f) => `每名志愿者结对${f.n(4, 5)}名高龄独居老人，每周电话问候不少于2次、上门探访不少于1次。`,
      () => "建立结对服务台账，发现老人健康或安全异常时当日报告居委会。",
      (f) => `组织结对老人节日联谊活动，全年不少于${f.n(2, 4)}次。`,
    ],
    targets: [(f) => `${f.place}${f.units}内80周岁以上高龄独居、纯老家庭老人${f.v.pairs}名。`, () => "参与结对服务的低龄老人志愿者。"],
    requirements: [
      () => "项目负责人须具有2年以上为老服务项目管理经验。",
      () => "为全体志愿者购买意外伤害保险。",
      () => "使用本市老伙伴计划信息系统如实记录服务情况。",
    ],
    technical: ["志愿者管理方案", "风险防控措施"],
    community: true,
  },
  "YL-05": {
    titles: [
      (f) => `${f.place}居家适老化改造服务项目`,
      (f) => `${f.yearLabel}${f.district}居家适老化改造（${f.street}）`,
      (f) => `${f.place}老年人居家环境适老化改造服务采购`,
    ],
    summary: [(f) => `为${f.place}${f.v.homes}户老年人家庭开展入户评估和适老化改造，并做好回访。`],
    background: [
      (f) => `${f.place}老旧小区集中，不少高龄老人住在无电梯、卫生间狭小的老房子里，跌倒风险较高。`,
      (f) => `根据本市居家适老化改造工作安排，${f.buyer}计划本年度完成${f.v.homes}户改造任务。`,
    ],
    content: [
      () => "对申请家庭开展入户评估，出具“一户一方案”的改造建议。",
      (f) => `组织实施防滑地面、扶手、夜灯、淋浴椅、坐便器增高等改造，单户改造费用控制在${f.n(3, 8) * 1000}元以内。`,
      (f) => `改造完成后${f.n(1, 4) * 7}日内开展回访，指导老人正确使用适老化产品。`,
      () => "建立改造档案，留存改造前后对比照片。",
    ],
    targets: [(f) => `${f.place}60周岁以上有改造需求的居家老人，优先低保、低收入、失能和高龄独居老人。`],
    requirements: [
      () => "施工人员须持证上岗，改造产品须符合国家相关标准。",
      () => "改造工程质保期不少于2年。",
      () => "入户服务须提前预约，不得向老人推销任何产品。",
    ],
    technical: ["评估与改造方案", "施工质量与安全保障", "售后服务"],
  },
  "ZC-01": {
    titles: [
      (f) => `${f.site}阳光之家助残服务项目`,
      (f) => `${f.place}阳光之家助残服务（第${f.batch}批）`,
      (f) => `${f.yearLabel}${f.site}阳光之家运营服务`,
    ],
    summary: [(f) => `运营${f.site}阳光之家，为${f.v.learners}名智力障碍学员提供日间照料、技能训练和社区融合服务。`],
    background: [
      (f) => `${f.site}阳光之家现有在册学员${f.v.learners}名，以16至45周岁的智力障碍人士为主。`,
      (f) => `为提升阳光之家服务专业化水平，${f.buyer}拟通过购买服务方式委托专业助残社会组织运营。`,
    ],
    content: [
      (f) => `周一至周五开放，提供日间照料和午餐服务，学员出勤率不低于${f.n(17, 19) * 5}%。`,
      () => "开展生活自理、社会适应和简单劳动技能训练，为每位学员制定个别化训练计划。",
      () => "每月组织社区融合活动，每季度召开一次家属交流会。",
      () => "开展辅助性就业训练，帮助有条件的学员进入阳光基地或实现支持性就业。",
    ],
    targets: [(f) => `${f.place}户籍、持有残疾人证的16周岁以上智力障碍人士${f.v.learners}名及其家庭。`],
    requirements: [
      (f) => `配备专职工作人员不少于${f.n(3, 6)}名，其中具有特殊教育、康复或社会工作背景的不少于2名。`,
      () => "建立学员接送交接、服药管理和突发事件处置制度。",
      () => "工作人员须参加区残联组织的阳光之家业务培训。",
    ],
    technical: ["个别化训练计划", "人员配置"],
    noCross: ["学员每日往返，要求机构在本区有稳定的服务团队，熟悉本区残联和阳光之家管理要求"],
    socialWork: true,
  },
  "ZC-02": {
    titles: [
      (f) => `${f.place}残疾人社区康复服务项目`,
      (f) => `${f.yearLabel}${f.district}残疾人居家康复服务（${f.street}）`,
      (f) => `${f.place}重度残疾人上门康复服务采购`,
    ],
    summary: [(f) => `为${f.place}持证残疾人提供康复需求评估、社区和居家康复训练指导及辅具适配咨询。`],
    background: [
      (f) => `${f.place}现有持证残疾人${f.n(8, 30) * 100}余人，其中肢体残疾约占${f.n(40, 60)}%，重度残疾人${f.n(100, 500)}人。`,
      () => "辖区社区康复站设施较为完善，但专业康复人员不足，居家康复覆盖面有待扩大。",
    ],
    content: [
      (f) => `为${f.n(100, 500)}名残疾人开展康复需求评估，建立康复档案。`,
      (f) => `在社区康复站开展康复训练指导，每周开放不少于${f.n(3, 5)}天。`,
      (f) => `为${f.n(3, 12) * 10}名重度残疾人提供上门康复指导，每人每月不少于2次。`,
      () => "提供辅具适配咨询和使用指导，协助办理辅具申领。",
    ],
    targets: [(f) => `${f.place}持证残疾人，重点为肢体残疾、重度残疾和术后康复期人员。`],
    requirements: [
      (f) => `项目团队须有康复治疗师（士）不少于${f.n(1, 3)}名。`,
      () => "上门服务须两人同行，做好服务记录并由服务对象或家属签字确认。",
    ],
    technical: ["康复服务方案", "专业人员配置", "服务质量控制"],
  },
  "FE-01": {
    titles: [
      (f) => `${f.yearLabel}${f.place}小学生爱心暑托班服务项目`,
      (f) => `${f.district}小学生爱心暑托班（${f.street}办班点）服务采购`,
      (f) => `${f.place}爱心暑托班承办服务`,
    ],
    summary: [(f) => `承办${f.place}小学生爱心暑托班，开设${f.v.classes}个班次，每班${f.n(6, 10) * 5}名学生，暑期集中托管${f.n(4, 5)}周。`],
    background: [
      () => "爱心暑托班是本市为民办实事项目，有效缓解了双职工家庭暑期“看护难”问题。",
      (f) => `${f.place}每年报名人数均超过计划名额，今年拟设办班点${f.n(1, 3)}个、班次${f.v.classes}个。`,
    ],
    content: [
      (f) => `暑期开设${f.v.classes}个班次，每期${f.n(4, 5)}周，周一至周五8:30—16:30提供看护服务。`,
      (f) => `安排作业辅导、阅读、体育、艺术和科普等兴趣课程，每天不少于${f.n(3, 4)}课时。`,
      () => "开展防溺水、交通安全、消防安全等安全教育。",
      () => "落实午餐配送和午休安排，做好每日考勤和家长接送交接。",
    ],
    targets: [(f) => `${f.place}就读小学一至五年级、暑期无人看护的双职工家庭子女。`],
    requirements: [
      () => "每班配备带班老师不少于2名及大学生志愿者，所有人员须通过无犯罪记录查询。",
      () => "办班场地须符合消防和卫生要求，并在开班前接受联合检查。",
      () => "须为参班学生购买意外伤害保险，制定突发事件应急预案。",
    ],
    technical: ["课程与活动方案", "安全保障方案", "师资配置"],
    noCross: ["暑托班需在开班前完成本区教育、市场监管等部门联合检查，要求机构在本区有固定办班场地"],
    period: (f) => `${f.year}年7月1日至${f.year}年8月31日`,
  },
  "FE-02": {
    titles: [
      (f) => `${f.site}社区儿童服务站运营项目`,
      (f) => `${f.yearLabel}${f.place}儿童友好社区建设服务`,
      (f) => `${f.district}儿童服务站运营（${f.street}）`,
    ],
    summary: [(f) => `运营${f.site}社区儿童服务站，开展课后看护、亲子阅读和儿童议事活动，跟进困境儿童关爱服务。`],
    background: [
      (f) => `${f.place}现有0—17周岁儿童约${f.n(3, 15) * 1000}名，其中困境儿童${f.n(10, 60)}名。`,
      (f) => `按照儿童友好城市建设要求，${f.place}已建成儿童服务站${f.n(1, 5)}个，需引入专业力量提升运营水平。`,
    ],
    content: [
      (f) => `儿童服务站每周开放不少于${f.n(4, 6)}天，寒暑假延长开放时间。`,
      (f) => `开展课后看护、亲子阅读、科普实验等活动，全年不少于${f.n(8, 20) * 10}场。`,
      () => "组织儿童议事会，引导儿童参与社区公共事务讨论。",
      () => "建立困境儿童关爱台账，开展定期探访和个案跟进。",
    ],
    targets: [(f) => `${f.place}3—14周岁儿童及其家庭，重点关注困境儿童和留守儿童。`],
    requirements: [() => "项目人员须通过无犯罪记录和性侵害违法犯罪信息查询。", () => "建立儿童安全保护和强制报告制度。"],
    technical: ["儿童保护措施", "团队配置"],
    community: true,
    socialWork: true,
  },
  "FE-03": {
    titles: [
      (f) => `${f.place}家庭教育指导服务项目`,
      (f) => `${f.yearLabel}${f.district}家长课堂（${f.street}）服务采购`,
      (f) => `${f.place}“家校社”协同育人家庭教育服务`,
    ],
    summary: [(f) => `开设家长课堂和亲子工作坊${f.v.sessions}场，提供家庭教育个案咨询，提升家长科学育儿能力。`],
    background: [
      () => "随着《家庭教育促进法》的实施，辖区家长对科学育儿和亲子沟通指导的需求明显增加。",
      (f) => `${f.place}已建立家长学校${f.n(2, 10)}所，但课程体系和专业师资仍有欠缺。`,
    ],
    content: [
      (f) => `开设家长课堂${f.v.sessions}场，主题涵盖亲子沟通、青春期教育、隔代教养等。`,
      (f) => `开展亲子工作坊和亲子活动不少于${f.n(6, 20)}场。`,
      (f) => `为有需要的家庭提供家庭教育个案咨询不少于${f.n(20, 60)}个。`,
      (f) => `编印家庭教育指导手册，制作线上微课不少于${f.n(4, 12)}节。`,
    ],
    targets: [(f) => `${f.place}中小学生和学龄前儿童家长，重点关注单亲、隔代抚养等家庭。`],
    requirements: [() => "讲师须具有心理学、教育学或社会工作专业背景，并有家庭教育指导经验。"],
    technical: ["课程方案", "师资配置", "服务成效评估"],
  },
  "ZL-01": {
    titles: [
      (f) => `${f.place}楼组自治能力提升项目`,
      (f) => `${f.yearLabel}${f.place}自治金项目指导服务`,
      (f) => `${f.place}“美丽楼组”创建服务`,
    ],
    summary: [(f) => `培育楼组长和居民骨干，指导${f.units}申报实施自治金项目，开展楼道美化和邻里公约等楼组自治活动。`],
    background: [
      (f) => `${f.place}共有${f.units}，部分楼组长年龄偏大，楼组自治活动参与面较窄。`,
      (f) => `自治金项目已连续实施${f.n(3, 10)}年，但项目设计同质化、居民参与度不高的问题较为突出。`,
    ],
    content: [
      (f) => `开展楼组长和居民骨干培训不少于${f.k(6, 15)}场，培育骨干${f.k(50, 200)}名。`,
      (f) => `指导${f.rc ? "楼组" : "居民区"}申报自治金项目不少于${f.k(10, 40)}个，全过程跟进项目实施。`,
      (f) => `打造“美丽楼组”示范点${f.k(3, 10)}个，推动制定楼道公约。`,
      () => "开展自治项目评估，形成优秀案例汇编。",
    ],
    targets: [(f) => `${f.place}的楼组长、居民骨干和居委干部。`],
    requirements: [() => "团队须有社区治理项目经验，熟悉本市自治金管理规定。"],
    technical: ["骨干培育计划", "成效评估方法"],
    community: true,
  },
  "ZL-02": {
    titles: [
      (f) => `${f.place}社区协商议事能力提升项目`,
      (f) => `${f.yearLabel}${f.place}居民议事会指导服务`,
      (f) => `${f.place}加装电梯居民协商服务采购`,
    ],
    summary: [() => "协助居民区完善议事规则，围绕停车、加装电梯、公共空间等议题组织协商议事，推动协商成果落地。"],
    background: [
      (f) => `${f.place}老旧小区占比较高，停车难、加装电梯、公共空间使用等问题矛盾较多。`,
      () => "各居民区已建立议事会，但议事规则不够规范，议事骨干能力有待提升。",
    ],
    content: [
      (f) => `指导${f.n(5, 20)}个居民区修订完善议事规则。`,
      (f) => `围绕居民关心的议题组织协商议事会不少于${f.n(20, 60)}场，形成议事记录和成果清单。`,
      (f) => `协助开展加装电梯意见征询和邻里协调，推动${f.n(3, 20)}个门栋达成加梯意向。`,
      (f) => `开展议事骨干培训不少于${f.n(4, 10)}场。`,
    ],
    targets: [(f) => `${f.place}居民区议事会成员、楼组长和居民代表。`],
    requirements: [() => "项目团队须有协商议事或社区规划相关经验。"],
    technical: ["议题推进计划", "团队配置"],
    community: true,
  },
  "ZL-03": {
    titles: [
      (f) => `${f.yearLabel}${f.place}垃圾分类宣传与督导服务项目`,
      (f) => `${f.place}生活垃圾分类实效提升服务`,
      (f) => `${f.district}垃圾分类志愿督导（${f.street}）服务采购`,
    ],
    summary: [(f) => `开展垃圾分类入户宣传和定时定点投放督导，覆盖${f.units}，推广绿色账户。`],
    background: [
      (f) => `${f.place}共有生活垃圾投放点${f.n(10, 40) * 10}个，部分居民区湿垃圾分出率仍不稳定。`,
      () => "按照本市生活垃圾分类实效检查要求，需进一步巩固定时定点投放成效。",
    ],
    content: [
      (f) => `在${f.n(10, 40)}个居民区定时定点投放时段安排督导人员值守。`,
      (f) => `开展入户宣传和主题活动不少于${f.n(20, 60)}场，覆盖居民${f.n(5, 30) * 1000}户。`,
      (f) => `推广绿色账户，新增注册用户不少于${f.n(1, 5) * 1000}户。`,
      () => "每月对居民区分类实效开展检查并形成通报。",
    ],
    targets: [(f) => `${f.place}${f.units}的居民和物业、保洁人员。`],
    requirements: [() => "督导人员须经岗前培训，统一着装、持证上岗。", () => "督导时段须与居民区定时投放时间一致，不得缺岗。"],
    technical: ["督导服务方案", "人员配置与管理", "宣传活动方案"],
    noCross: ["督导需在每日早晚投放时段到岗，要求机构在本区有稳定的督导人员队伍"],
    community: true,
  },
  "ZL-04": {
    titles: [
      (f) => `${f.place}社区花园与微更新共建项目`,
      (f) => `${f.yearLabel}${f.place}社区微更新参与式设计服务`,
      (f) => `${f.place}“15分钟社区生活圈”公共空间营造项目`,
    ],
    summary: [(f) => `以居民参与式设计推进${f.k(2, 6)}处社区花园和公共空间微更新，组建居民养护团队。`],
    background: [
      (f) => `${f.place}部分小区公共空间闲置、绿化老化，居民希望改造为可休憩、可交流的场所。`,
      (f) => `按照“15分钟社区生活圈”行动要求，${f.buyer}拟以社区花园为切入点推动居民参与社区营造。`,
    ],
    content: [
      (f) => `组织居民参与式设计工作坊不少于${f.k(4, 10)}场，形成设计方案。`,
      (f) => `协助建设社区花园${f.k(2, 6)}处，组建居民养护团队。`,
      (f) => `开展自然教育和社区营造活动不少于${f.k(10, 30)}场。`,
      () => "建立花园养护公约和长效管理机制。",
    ],
    targets: [(f) => `${f.place}居民，特别是儿童家庭和退休居民。`],
    requirements: [() => "团队须有景观设计或社区营造相关专业人员。"],
    technical: ["参与式设计方案", "专业团队配置", "长效管理机制"],
    community: true,
  },
  "SQ-01": {
    titles: [
      (f) => `${f.place}社区睦邻点运营项目`,
      (f) => `${f.yearLabel}${f.place}睦邻点服务提升项目`,
      (f) => `${f.place}睦邻中心委托运营服务`,
    ],
    summary: [(f) => `运营${f.place}睦邻点${f.v.spots}个，每周开展邻里互助、兴趣活动和健康讲座，培育睦邻骨干。`],
    background: [
      (f) => `${f.place}已建成睦邻点${f.v.spots}个，多设在居民家中或楼组活动室，深受老年居民欢迎。`,
      () => "部分睦邻点活动内容单一、骨干老化，需要专业力量支持。",
    ],
    content: [
      (f) => `指导${f.v.spots}个睦邻点每周开展活动不少于2次。`,
      (f) => `培育睦邻点骨干${f.k(20, 80)}名，开展骨干培训不少于${f.k(4, 10)}次。`,
      (f) => `组织邻里互助、健康讲座、手工编织等活动，全年不少于${f.k(100, 300)}场。`,
      () => "建立睦邻点活动台账和经费使用记录。",
    ],
    targets: [(f) => `${f.place}居民，以老年人和全职照顾家庭的居民为主。`],
    requirements: [() => "项目负责人须熟悉社区工作，有睦邻点或社区活动运营经验。"],
    technical: ["运营方案", "骨干培育计划", "活动设计"],
    community: true,
  },
  "SQ-02": {
    titles: [
      (f) => `${f.site}党群服务中心社会化运营项目`,
      (f) => `${f.yearLabel}${f.place}党群服务站点运营服务采购`,
      (f) => `${f.district}党群服务阵地运营（${f.street}）`,
    ],
    summary: [(f) => `受托运营${f.site}党群服务中心及${f.n(3, 15)}个党群服务站点，负责日常开放、活动策划和志愿者管理。`],
    background: [
      (f) => `${f.site}党群服务中心建筑面积约${f.n(10, 40) * 100}平方米，设有会议室、多功能厅、图书阅览室等功能空间。`,
      (f) => `为提高阵地使用效率，${f.buyer}拟引入专业社会组织开展社会化运营。`,
    ],
    content: [
      (f) => `保障党群服务中心每周开放不少于${f.n(12, 16) * 5}小时，做好来访接待和场地预约。`,
      (f) => `策划组织党建、文化、公益等各类活动，全年不少于${f.n(15, 40) * 10}场。`,
      (f) => `招募管理阵地志愿者不少于${f.n(3, 10) * 10}名。`,
      () => "每月报送服务数据和活动简报。",
    ],
    targets: [(f) => `${f.place}居民、“两新”组织党员、新就业群体和辖区单位职工。`],
    requirements: [(f) => `派驻专职工作人员不少于${f.n(3, 8)}名，项目负责人须为中共党员。`],
    technical: ["运营方案", "活动策划方案", "人员配置"],
    noCross: ["阵地需每日开放并承担区域化党建服务，要求运营团队常驻本区"],
  },
  "YW-01": {
    titles: [
      (f) => `${f.place}社区心理健康服务项目`,
      (f) => `${f.yearLabel}${f.place}社区心理服务站运营`,
      (f) => `${f.district}心理援助热线及社区心理服务（${f.street}）`,
    ],
    summary: [() => "设立社区心理咨询室，提供心理健康科普、个体咨询和小组辅导，对高风险个案及时转介。"],
    background: [
      () => "近年来辖区居民在心理疏导、情绪支持方面的需求明显增加，青少年和独居老人的心理问题尤为突出。",
      (f) => `根据社会心理服务体系建设要求，${f.buyer}拟在社区层面建立常态化心理服务。`,
    ],
    content: [
      (f) => `社区心理咨询室每周开放不少于${f.n(3, 5)}个半天，提供个体咨询不少于${f.n(10, 30) * 10}人次。`,
      (f) => `开展心理健康科普讲座和团体辅导不少于${f.n(12, 40)}场。`,
      () => "开通心理援助热线，工作日9:00—21:00有人接听。",
      () => "建立高风险个案识别和转介机制，与精神卫生中心保持联络。",
    ],
    targets: [(f) => `${f.place}居民，重点为青少年、独居老人、精神障碍康复者家属和新就业群体。`],
    requirements: [() => "咨询师须具有心理咨询相关资质并接受定期督导。", () => "严格遵守保密原则，个案资料单独保管。"],
    technical: ["专业人员资质", "危机干预预案"],
    socialWork: true,
  },
  "YW-02": {
    titles: [
      (f) => `${f.place}老年人健康促进与慢病自我管理项目`,
      (f) => `${f.yearLabel}${f.place}慢病自我管理小组服务`,
      (f) => `${f.place}健康自我管理小组指导服务采购`,
    ],
    summary: [(f) => `联合社区卫生服务中心开展健康讲座，指导${f.v.groups}个慢病自我管理小组。`],
    background: [
      (f) => `${f.place}60岁以上老人中高血压、糖尿病患者比例较高，自我管理意识和技能不足。`,
      () => "社区卫生服务中心家庭医生人手紧张，需要社会组织协助开展健康促进。",
    ],
    content: [
      (f) => `指导${f.v.groups}个高血压、糖尿病自我管理小组，每组每月活动不少于1次。`,
      (f) => `开展健康讲座、义诊咨询不少于${f.n(12, 30)}场。`,
      () => "为小组成员建立健康档案，定期测量血压、血糖。",
      () => "组织健康生活方式评比活动。",
    ],
    targets: [(f) => `${f.place}患有高血压、糖尿病等慢性病的老年人。`],
    requirements: [() => "团队须有医学、护理或公共卫生背景人员。"],
    technical: ["专业人员配置", "健康成效评估"],
  },
  "JY-01": {
    titles: [
      (f) => `${f.place}就业困难人员就业援助服务项目`,
      (f) => `${f.yearLabel}${f.place}长期失业青年就业帮扶项目`,
      (f) => `${f.place}就业援助与职业指导服务采购`,
    ],
    summary: [() => "为辖区就业困难人员和长期失业青年提供职业指导、技能培训、岗位推荐和跟踪服务。"],
    background: [
      (f) => `${f.place}登记就业困难人员${f.n(2, 10) * 100}余人，长期失业青年${f.n(5, 30) * 10}人，就业意愿和能力差异较大。`,
      () => "为落实就业优先政策，需要引入专业社会组织提供个性化就业帮扶。",
    ],
    content: [
      (f) => `为${f.n(10, 40) * 10}名服务对象建立就业需求档案，提供一对一职业指导。`,
      (f) => `组织职业技能培训不少于${f.n(4, 10)}期。`,
      (f) => `举办小型招聘会和岗位对接活动不少于${f.n(4, 12)}场。`,
      () => "对已就业人员开展不少于6个月的跟踪服务，帮助稳定就业。",
    ],
    targets: [(f) => `${f.place}就业困难人员、长期失业青年和残疾人等重点群体。`],
    requirements: [() => "项目团队须有职业指导师或人力资源相关资质人员。"],
    technical: ["岗位资源", "就业成效目标"],
  },
  "WT-01": {
    titles: [
      (f) => `${f.place}社区文体团队培育项目`,
      (f) => `${f.yearLabel}${f.place}群众文化团队指导服务`,
      (f) => `${f.place}社区文化节策划与团队培育服务采购`,
    ],
    summary: [(f) => `对${f.v.teams}支社区文体团队开展骨干培训和规范化指导，组织社区文化节展演。`],
    background: [
      (f) => `${f.place}现有群众文体团队${f.v.teams}支，参与居民${f.k(500, 3000)}余人，但团队管理和艺术水平参差不齐。`,
      () => "为丰富居民精神文化生活，拟引入专业机构加强团队培育。",
    ],
    content: [
      (f) => `为团队骨干开展排练指导和管理培训不少于${f.k(10, 30)}次。`,
      () => "指导团队完成备案和规范化建设。",
      (f) => `策划举办社区文化节，组织展演${f.k(3, 10)}场。`,
      () => "组织优秀团队参加区级比赛和交流。",
    ],
    targets: [(f) => `${f.place}群众文体团队及其骨干成员。`],
    requirements: [() => "指导老师须具有相关艺术或体育专业背景。"],
    technical: ["培育方案", "师资配置", "活动方案"],
    community: true,
  },
  "FP-01": {
    titles: [
      (f) => `${f.place}困难群众综合帮扶项目`,
      (f) => `${f.yearLabel}${f.place}支出型贫困家庭帮扶服务`,
      (f) => `${f.district}困难群众“一户一策”综合帮扶（${f.street}）`,
    ],
    summary: [() => "对辖区低保、低收入和支出型贫困家庭开展需求评估，链接资源提供综合帮扶。"],
    background: [
      (f) => `${f.place}现有低保家庭${f.n(10, 60) * 10}户、低收入家庭${f.n(10, 50) * 10}户，部分家庭因病、因学陷入困境。`,
      () => "单一的物质救助难以满足困难家庭多元需求，需要开展“物质+服务”综合帮扶。",
    ],
    content: [
      (f) => `对${f.n(8, 30) * 10}户困难家庭开展入户需求评估，建立“一户一档”。`,
      () => "链接慈善资源，为困难家庭提供助学、助医等帮扶。",
      (f) => `对重点家庭开展个案管理不少于${f.n(20, 60)}个。`,
      () => "春节、中秋等节日组织走访慰问。",
    ],
    targets: [(f) => `${f.place}低保、低收入和支出型贫困家庭。`],
    requirements: [(f) => `项目团队须有持证社工不少于${f.n(2, 4)}名。`],
    technical: ["资源链接能力", "个案管理"],
    noCross: ["服务对象以本区户籍困难群众为主，需机构熟悉本区救助政策并能每周上门走访"],
    socialWork: true,
  },
  "FP-02": {
    titles: [
      (f) => `${f.place}乡村振兴公益服务项目`,
      (f) => `${f.yearLabel}${f.place}农村宅基睦邻点运营`,
      (f) => `${f.place}“美丽庭院”与乡风文明建设服务`,
    ],
    summary: [(f) => `围绕乡村振兴，在${f.place}${f.n(3, 12)}个行政村开展农村老人关爱、村民技能培训和乡风文明建设。`],
    background: [
      (f) => `${f.place}共有行政村${f.n(8, 25)}个，农村老龄化程度高，留守老人照护和村民文化生活需求突出。`,
      (f) => `为落实乡村振兴战略，${f.buyer}拟引入社会组织参与乡村治理和公益服务。`,
    ],
    content: [
      (f) => `运营农村宅基睦邻点${f.n(3, 10)}个，为留守老人提供助餐、陪伴和健康服务。`,
      (f) => `开展村民技能培训不少于${f.n(4, 10)}期。`,
      () => "组织“美丽庭院”创建和乡风文明活动。",
      () => "挖掘乡村文化资源，开展民俗文化活动。",
    ],
    targets: [(f) => `${f.place}农村老年人、村民和返乡青年。`],
    requirements: [() => "项目团队须有农村社区服务经验。"],
    technical: ["在地资源整合", "可持续机制"],
    noCross: ["服务点分散在各行政村，要求机构在本区设有服务站点并熟悉当地村情"],
    community: true,
  },
  "ZY-01": {
    titles: [
      (f) => `${f.place}志愿服务站运营与时间银行项目`,
      (f) => `${f.yearLabel}${f.place}志愿服务管理项目`,
      (f) => `${f.site}“时间银行”互助养老服务项目`,
    ],
    summary: [() => "运营社区志愿服务站，开展志愿者招募培训和星级评定，建立时间银行服务记录与兑换机制。"],
    background: [
      (f) => `${f.place}注册志愿者${f.n(3, 15) * 1000}余人，但活跃度不高，志愿服务供需对接不够精准。`,
      () => "为推进志愿服务制度化，拟建立时间银行激励机制。",
    ],
    content: [
      (f) => `新招募志愿者不少于${f.n(10, 50) * 10}名，开展志愿者培训不少于${f.n(6, 12)}场。`,
      () => "建立志愿服务时间银行，记录、存储和兑换服务时长。",
      (f) => `组织开展助老、环境、便民等志愿服务活动不少于${f.n(5, 15) * 10}场。`,
      () => "开展年度志愿者星级评定和表彰。",
    ],
    targets: [(f) => `${f.place}志愿者和有服务需求的居民。`],
    requirements: [() => "须使用“上海志愿者网”如实记录志愿服务时长。"],
    technical: ["志愿者激励机制", "信息化管理"],
    community: true,
  },
  "ZZ-01": {
    titles: [
      (f) => `${f.place}社区社会组织孵化基地运营项目`,
      (f) => `${f.yearLabel}${f.place}社会组织能力建设服务`,
      (f) => `${f.place}社区社会组织培育发展服务`,
    ],
    summary: [() => "运营社区社会组织孵化基地，为初创组织和群众团队提供场地、财务托管、项目设计和能力建设培训。"],
    background: [
      (f) => `${f.place}现有社区社会组织${f.n(5, 30) * 10}家，其中备案类群众团队占多数，规范化程度不高。`,
      () => "根据本市关于培育发展社区社会组织的工作要求，需进一步完善孵化培育和支持体系。",
    ],
    content: [
      (f) => `孵化培育社区社会组织不少于${f.n(5, 20)}家，协助完成登记或备案。`,
      (f) => `为备案团队提供财务托管服务，托管团队不少于${f.n(2, 8) * 10}支。`,
      (f) => `开展项目设计、财务管理等能力建设培训不少于${f.n(8, 20)}场。`,
      () => "组织公益创投和项目路演活动。",
    ],
    targets: [(f) => `${f.place}社区社会组织、群众活动团队及其骨干。`],
    requirements: [() => "项目团队须有社会组织孵化或支持性服务经验，并配备财务专业人员。"],
    technical: ["孵化培育计划", "专业团队"],
    socialWork: true,
  },
  "ZZ-02": {
    titles: [
      (f) => `${f.yearLabel}${f.place}政府购买服务项目第三方评估`,
      (f) => `${f.place}社会服务项目绩效评估服务采购`,
      (f) => `${f.place}公益项目中期及末期评估（第${f.batch}批）`,
    ],
    summary: [(f) => `对${f.v.projects}个政府购买社会服务项目开展中期和末期评估，出具评估报告并提出改进建议。`],
    background: [
      (f) => `${f.buyer}本年度购买社会服务项目${f.v.projects}个，涉及为老、助残、社区治理等领域。`,
      () => "为加强项目过程管理和资金绩效，需委托独立第三方开展评估。",
    ],
    content: [
      () => "制定评估指标体系和评估方案。",
      (f) => `对${f.v.projects}个项目开展中期评估和末期评估，包括资料审核、实地查看和服务对象访谈。`,
      () => "出具单个项目评估报告和年度综合评估报告。",
      () => "召开评估反馈会，提出改进建议。",
    ],
    targets: [(f) => `${f.buyer}购买的社会服务项目及承接机构。`],
    requirements: [() => "评估机构须与被评估项目的承接机构无利害关系。", () => "评估团队须包括社会工作、财务等专业人员。"],
    technical: ["评估方案", "评估团队", "指标体系"],
  },
  "FZ-01": {
    titles: [
      (f) => `${f.place}社区应急演练与平安社区建设项目`,
      (f) => `${f.yearLabel}${f.place}综合防灾减灾服务`,
      (f) => `${f.place}平安社区建设与防范电信诈骗宣传服务`,
    ],
    summary: [() => "编制居民区应急预案，组织消防、防汛和应急救护演练，培训社区应急志愿者，开展防范电信诈骗宣传。"],
    background: [
      (f) => `${f.place}老旧小区和群租房较多，消防、防汛等安全隐患不容忽视。`,
      () => "近年来针对老年人的电信网络诈骗案件时有发生，防范宣传需要进一步深入。",
    ],
    content: [
      (f) => (f.rc ? "协助居委会修订居民区应急预案，明确楼组应急联络人。" : `协助${f.k(5, 20)}个居民区编制或修订应急预案。`),
      (f) => `组织消防、防汛、应急救护等演练不少于${f.k(6, 20)}场。`,
      (f) => `培训社区应急志愿者${f.k(50, 200)}名。`,
      (f) => `开展防范电信诈骗宣传活动不少于${f.k(10, 30)}场。`,
    ],
    targets: [(f) => `${f.place}居民，重点为老年人和居民区安全骨干。`],
    requirements: [() => "培训师须持有应急救护培训师等相关资质。"],
    technical: ["演练组织方案", "专业资质"],
    noCross: ["应急响应需在接报后1小时内到场，要求机构在本区设有常驻团队"],
    community: true,
  },
  "TC-01": {
    titles: [
      (f) => `${f.yearLabel}${f.place}矛盾纠纷人民调解服务项目`,
      (f) => `${f.place}专职人民调解员派驻服务`,
      (f) => `${f.district}物业纠纷专业调解（${f.street}）服务采购`,
    ],
    summary: [(f) => `派驻专业调解员${f.v.mediators}名参与${f.place}人民调解工作，开展矛盾纠纷排查和调解。`],
    background: [
      (f) => `${f.place}年均受理各类矛盾纠纷${f.n(3, 15) * 100}件，以邻里、物业和婚姻家庭纠纷为主。`,
      () => "随着旧区改造和城市更新推进，矛盾纠纷类型更加复杂，需要专业调解力量。",
    ],
    content: [
      (f) => `派驻专职调解员${f.v.mediators}名，工作日全天在街镇调解室值班。`,
      () => "每月开展矛盾纠纷排查，建立工作台账。",
      (f) => `调解成功率不低于${f.n(18, 19) * 5}%，重大疑难纠纷组织会商。`,
      () => "对调解案件开展回访，防止矛盾反复。",
    ],
    targets: [(f) => `${f.place}居民、辖区单位及物业企业。`],
    requirements: [() => "调解员须具有人民调解员资格，其中具有法律职业资格的不少于1名。"],
    technical: ["调解员配置", "工作制度"],
    noCross: ["人民调解员需常驻街镇调解室，并熟悉本区基层情况和方言"],
  },
  "TC-02": {
    titles: [
      (f) => `${f.place}法律援助进社区服务项目`,
      (f) => `${f.yearLabel}${f.place}居民区法律服务点运营`,
      (f) => `${f.place}“法律明白人”培养与普法服务`,
    ],
    summary: [(f) => `在${f.units}设立法律服务点，提供法律咨询、普法讲座和法律援助申请指引。`],
    background: [
      () => "辖区居民在赡养、继承、物业、劳动争议等方面的法律咨询需求较大。",
      () => "为推进公共法律服务体系建设，拟引入专业机构提供常态化社区法律服务。",
    ],
    content: [
      (f) => `在${f.n(5, 20)}个居民区设立法律服务点，每点每月坐班不少于${f.n(2, 4)}次。`,
      (f) => `开展普法讲座不少于${f.n(12, 40)}场。`,
      () => "为困难群众提供法律援助申请指引和代书服务。",
      (f) => `培养“法律明白人”${f.n(2, 6) * 10}名。`,
    ],
    targets: [(f) => `${f.place}居民，重点为老年人和困难群众。`],
    requirements: [() => "坐班人员须为执业律师或法律工作者。"],
    technical: ["律师团队", "服务时长安排"],
  },
};

const FREE_TEMPLATES: Readonly<Record<string, NeedTpl>> = {
  xjy: {
    tags: ["劳动就业", "新就业群体", "社区服务", "社区活动"],
    budget: [50_000, 200_000],
    titles: [(f) => `${f.place}新就业群体关爱服务项目`, (f) => `${f.yearLabel}${f.place}“暖心驿站”新就业群体服务`],
    summary: [() => "为快递员、外卖骑手、网约车司机等新就业群体提供驿站服务、权益维护和融入社区活动。"],
    background: [
      (f) => `${f.place}活跃着快递员、外卖骑手等新就业群体约${f.n(2, 8) * 1000}人，歇脚难、融入难问题突出。`,
      (f) => `${f.buyer}已建成“暖心驿站”${f.n(3, 12)}个，需专业机构提供常态化运营和服务。`,
    ],
    content: [
      (f) => `保障${f.n(3, 12)}个暖心驿站日常开放，提供饮水、充电、休息等服务。`,
      (f) => `开展法律咨询、心理疏导和健康体检活动不少于${f.n(6, 20)}场。`,
      () => "组织新就业群体参与社区治理，招募“骑手观察员”。",
    ],
    targets: [(f) => `${f.place}快递员、外卖骑手、网约车司机等新就业群体。`],
    requirements: [() => "服务时间须兼顾新就业群体作息，晚间和周末安排专人值守。"],
    technical: ["服务方案", "驿站运营方案"],
  },
  tyjr: {
    tags: ["社区服务", "退役军人", "个案服务", "社区活动"],
    budget: [60_000, 250_000],
    titles: [(f) => `${f.place}退役军人关爱服务项目`, (f) => `${f.place}退役军人服务站运营服务`],
    summary: [() => "为辖区退役军人和其他优抚对象提供走访慰问、政策咨询、就业创业和困难帮扶服务。"],
    background: [
      (f) => `${f.place}共有退役军人和其他优抚对象${f.n(5, 30) * 100}余人，高龄、困难退役军人的关爱需求日益突出。`,
      (f) => `${f.buyer}拟引入专业社会组织，协助退役军人服务站开展常态化服务。`,
    ],
    content: [
      (f) => `对${f.n(10, 50) * 10}名重点对象开展定期走访，建立关爱台账。`,
      () => "提供政策咨询和就业创业指导。",
      (f) => `组织“八一”、春节等节点走访慰问和主题活动不少于${f.n(4, 10)}场。`,
    ],
    targets: [(f) => `${f.place}退役军人、烈士遗属和其他优抚对象。`],
    requirements: [() => "项目团队中具有退役军人身份的工作人员优先。"],
    technical: ["服务方案", "走访关爱机制"],
  },
  csc: {
    tags: ["扶贫济困", "慈善超市", "困难家庭", "项目运营"],
    budget: [80_000, 300_000],
    titles: [(f) => `${f.site}慈善超市运营服务项目`, (f) => `${f.yearLabel}${f.site}慈善超市社会化运营`],
    summary: [() => "受托运营慈善超市，开展爱心物资募集、困难群众物资发放和“一元购”公益活动。"],
    background: [
      (f) => `${f.site}慈善超市建于${f.n(2008, 2020)}年，承担着辖区困难群众物资救助和社会捐赠接收的功能。`,
      () => "为提升慈善超市运营效率和公益属性，拟委托专业社会组织运营。",
    ],
    content: [
      () => "保障慈善超市每周开放不少于5天，规范物资出入库管理。",
      (f) => `全年募集爱心物资不少于${f.n(2, 10) * 1000}件，发放困难群众物资${f.n(1, 5) * 1000}人次。`,
      () => "开展“一元购”、爱心义卖等公益活动，拓展社会捐赠渠道。",
    ],
    targets: [(f) => `${f.place}低保、低收入家庭和其他困难群众。`],
    requirements: [() => "物资发放须登记造册、公开透明，定期向社会公示。"],
    technical: ["运营方案", "物资管理制度"],
  },
  fz: {
    tags: ["防灾减灾", "防范电信诈骗", "老年人", "宣传倡导"],
    budget: [30_000, 150_000],
    titles: [(f) => `${f.place}老年人防范电信诈骗宣传项目`, (f) => `${f.yearLabel}${f.place}反诈宣传进社区服务`],
    summary: [() => "面向老年人开展防范电信网络诈骗宣传，组织反诈讲座、情景剧和入户提醒。"],
    background: [
      () => "冒充公检法、养老投资、保健品推销等针对老年人的诈骗手法层出不穷，老年人受骗案件时有发生。",
      (f) => `${f.buyer}联合派出所开展反诈宣传，需社会组织提供更贴近老人的宣传方式。`,
    ],
    content: [
      (f) => `开展反诈讲座和沪语情景剧演出不少于${f.k(10, 30)}场。`,
      (f) => `组织志愿者对${f.k(300, 1500)}户独居老人开展入户提醒。`,
      () => "制作通俗易懂的反诈宣传折页和短视频。",
    ],
    targets: [(f) => `${f.place}老年居民，特别是独居和高龄老人。`],
    requirements: [() => "宣传内容须经辖区派出所审核。"],
    technical: ["宣传方案", "活动形式创新"],
  },
  anning: {
    tags: ["医疗卫生", "安宁疗护", "家庭", "个案服务"],
    budget: [100_000, 300_000],
    titles: [(f) => `${f.place}安宁疗护社区支持服务项目`, (f) => `${f.place}居家安宁疗护社工服务`],
    summary: [() => "配合社区卫生服务中心安宁疗护病区，为终末期患者及家属提供陪伴、心理支持和哀伤辅导。"],
    background: [
      (f) => `${f.place}社区卫生服务中心设有安宁疗护床位${f.n(5, 20)}张，并开展居家安宁疗护服务。`,
      () => "患者和家属在心理支持、生前预嘱、哀伤辅导方面的需求尚未得到充分满足。",
    ],
    content: [
      (f) => `为${f.n(30, 120)}名终末期患者提供陪伴和心理支持服务。`,
      () => "为家属开展照护技能培训和哀伤辅导。",
      () => "培训安宁疗护志愿者，开展生命教育宣传。",
    ],
    targets: [() => "终末期患者及其家属。"],
    requirements: [() => "服务人员须接受安宁疗护专业培训，项目须配备持证社工。"],
    technical: ["服务方案", "专业人员配置"],
    socialWork: true,
  },
  read: {
    tags: ["文体活动", "阅读推广", "社区居民", "社区活动"],
    budget: [50_000, 200_000],
    titles: [(f) => `${f.place}社区书房运营与全民阅读推广`, (f) => `${f.yearLabel}${f.place}全民阅读推广服务`],
    summary: [() => "运营社区书房，组织读书会、亲子共读和阅读分享活动，推动书香社区建设。"],
    background: [
      (f) => `${f.place}已建成社区书房${f.n(2, 8)}个，但开放时间短、活动少，利用率不高。`,
      () => "为推进书香社区建设，拟委托专业机构开展社会化运营。",
    ],
    content: [
      (f) => `保障社区书房每周开放不少于${f.n(8, 12) * 5}小时。`,
      (f) => `组织读书会、亲子共读和作家分享活动不少于${f.n(20, 60)}场。`,
      () => "培育居民阅读骨干和读书会团队。",
    ],
    targets: [(f) => `${f.place}居民，特别是儿童家庭和老年读者。`],
    requirements: [() => "须建立图书借阅和活动记录台账。"],
    technical: ["运营方案", "活动策划方案"],
    community: true,
  },
  jiugai: {
    tags: ["专业调处", "旧改征收服务", "社区居民", "咨询"],
    budget: [150_000, 500_000],
    centralOnly: true,
    titles: [(f) => `${f.place}旧区改造征收群众工作服务项目`, (f) => `${f.place}城市更新居民协调服务采购`],
    summary: [() => "协助开展旧区改造征收中的政策宣传、意见征询、矛盾调处和居民安置后续服务。"],
    background: [
      (f) => `${f.place}旧区改造地块涉及居民${f.n(5, 30) * 100}余户，居民诉求多样，家庭内部矛盾较多。`,
      () => "为依法、和谐推进征收工作，需要专业社会力量参与群众工作。",
    ],
    content: [
      () => "开展征收政策宣传和一对一答疑。",
      () => "对家庭内部分配矛盾开展调解，必要时引入法律服务。",
      () => "为困难家庭、独居老人提供搬迁协助和安置后关爱。",
    ],
    targets: [(f) => `${f.place}旧改地块内的居民家庭。`],
    requirements: [() => "团队须有旧改征收群众工作或人民调解经验。"],
    technical: ["服务方案", "矛盾调处机制"],
  },
  kunjing: {
    tags: ["妇女儿童服务", "困境儿童关爱", "儿童", "个案服务"],
    budget: [100_000, 300_000],
    titles: [(f) => `${f.place}困境儿童关爱服务项目`, (f) => `${f.yearLabel}${f.place}困境儿童个案服务`],
    summary: [() => "为困境儿童提供个案跟进、学业辅导、心理支持和家庭探访服务。"],
    background: [
      (f) => `${f.place}共有困境儿童${f.n(20, 120)}名，部分儿童家庭监护能力不足。`,
      () => "根据本市困境儿童关爱保护工作要求，需为困境儿童提供专业化个案服务。",
    ],
    content: [
      () => "为每名困境儿童建立“一人一档”，制定个案服务计划。",
      () => "每月开展家庭探访，评估儿童生活和监护状况。",
      (f) => `组织学业辅导和成长小组活动不少于${f.n(10, 30)}场。`,
    ],
    targets: [(f) => `${f.place}困境儿童、事实无人抚养儿童及其家庭。`],
    requirements: [() => "项目人员须通过无犯罪记录和性侵害违法犯罪信息查询，项目须配备持证社工。"],
    technical: ["个案服务方案", "儿童保护措施"],
    socialWork: true,
  },
  youth: {
    tags: ["妇女儿童服务", "青少年成长", "青少年", "社区活动"],
    budget: [30_000, 120_000],
    titles: [(f) => `${f.place}青少年暑期社会实践服务`, (f) => `${f.yearLabel}${f.place}青少年社区实践活动`],
    summary: [() => "组织中学生在社区开展志愿服务和社会实践，提供岗位、带教和活动记录。"],
    background: [
      () => "中学生社会实践纳入综合素质评价，社区实践岗位需求大、质量参差不齐。",
      (f) => `${f.buyer}拟委托专业机构统筹开发社区实践岗位并组织带教。`,
    ],
    content: [
      (f) => `开发社区实践岗位不少于${f.n(5, 20) * 10}个。`,
      () => "组织岗前培训和带教，做好实践记录和评价。",
      (f) => `开展青少年主题活动不少于${f.n(6, 20)}场。`,
    ],
    targets: [(f) => `${f.place}在读初高中学生。`],
    requirements: [() => "须为参与学生购买意外伤害保险。"],
    technical: ["实践岗位方案", "安全保障方案"],
  },
  skill: {
    tags: ["劳动就业", "职业技能培训", "外来务工人员", "培训"],
    budget: [50_000, 200_000],
    titles: [(f) => `${f.place}来沪务工人员职业技能培训项目`, (f) => `${f.yearLabel}${f.place}家政养老护理技能培训`],
    summary: [() => "为来沪务工人员开展家政服务、养老护理等职业技能培训，并提供岗位对接。"],
    background: [
      (f) => `${f.place}来沪务工人员约${f.n(1, 6)}万人，家政、养老护理等岗位缺口较大。`,
      () => "通过技能培训可以帮助务工人员提升就业质量，也能缓解社区服务人员短缺。",
    ],
    content: [
      (f) => `开设培训班${f.n(4, 12)}期，培训人数不少于${f.n(10, 40) * 10}人。`,
      () => "组织职业技能等级认定。",
      () => "举办岗位对接会，推荐就业。",
    ],
    targets: [(f) => `${f.place}来沪务工人员和失业人员。`],
    requirements: [() => "培训师资须具有相关职业资格。"],
    technical: ["培训方案", "就业对接"],
  },
  sport: {
    tags: ["文体活动", "体育", "社区居民", "社区活动"],
    budget: [50_000, 200_000],
    titles: [(f) => `${f.yearLabel}${f.place}社区运动会承办服务`, (f) => `${f.place}全民健身赛事活动服务`],
    summary: [() => "承办社区运动会和全民健身赛事，组织居民和健身团队参与。"],
    background: [
      () => "为推进全民健身，拟举办覆盖全年龄段的社区运动会。",
      (f) => `${f.place}各类健身团队${f.n(20, 80)}支，参与热情高。`,
    ],
    content: [
      (f) => `设置趣味项目和竞技项目不少于${f.n(8, 20)}个。`,
      () => "负责赛事组织、裁判、安全保障和医疗保障。",
      () => "赛后形成赛事总结和影像资料。",
    ],
    targets: [(f) => `${f.place}居民和社区健身团队。`],
    requirements: [() => "须制定安全预案并购买公众责任保险。"],
    technical: ["赛事组织方案", "安全保障方案"],
    community: true,
  },
};

const GENERAL_REQUIREMENTS: readonly string[] = [
  "服务期内项目负责人不得更换，确需更换的须经采购人书面同意。",
  "按月报送服务台账和工作简报，配合采购人开展中期和末期评估。",
  "严格遵守个人信息保护相关规定，服务对象信息不得用于本项目以外的用途。",
  "项目人员须依法参加社会保险，并为志愿者购买意外伤害保险。",
  "项目结束后30日内提交总结报告和成效评估材料。",
];
const GENERIC_NO_CROSS: readonly string[] = [
  "服务需每日入户，要求机构在本区设有服务站点、能够在30分钟内响应",
  "项目需与本区现有服务网络和信息平台对接，要求机构在本区设有常驻团队",
  "服务对象以本区户籍居民为主，需机构熟悉本区政策并能每周上门走访",
];

const CRITERION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  报价: "以满足采购需求的最低报价为评审基准价，按（基准价/报价）×权重计分。",
  投标报价: "以满足采购需求的最低有效报价为基准价，其余报价按比例计分。",
  服务方案: "服务方案的针对性、可行性和完整性，服务目标是否明确、措施是否具体。",
  项目实施方案: "实施步骤、进度安排和质量控制措施是否清晰可行。",
  过往业绩: "近三年承接同类项目的数量、规模及采购人评价。",
  同类项目经验: "近三年同类服务项目经验，以合同和验收材料为准。",
  社区资源整合能力: "链接和整合社区、志愿者及社会资源的能力与具体安排。",
  本地化服务能力: "在服务区域内的服务站点、响应时效和对本地情况的熟悉程度。",
  创新性与可持续性: "服务模式的创新点及项目结束后的可持续机制。",
};

function buildCriteria(rng: Rng, tpl: NeedTpl, method: ProcurementMethod, communityPriority: boolean): GeneratedNeed["criteria"] {
  const priceName = rng.pick(["报价", "投标报价"]);
  const price = method === "REQUEST_FOR_QUOTATION" ? rng.pick([30, 40]) : rng.pick([10, 15, 20, 20, 25, 30]);
  const others: { name: string; kind: CriterionKind; share: number }[] = [];
  const main = rng.pick(["服务方案", "服务方案", "项目实施方案"]);
  others.push({ name: main, kind: "TECHNICAL", share: 3 });
  const extras = tpl.technical.filter((name) => name !== "服务方案" && name !== "项目实施方案");
  if (extras.length > 0 && rng.chance(0.65)) others.push({ name: rng.pick(extras), kind: "TECHNICAL", share: 1.5 });
  if (rng.chance(0.75)) others.push({ name: rng.pick(["过往业绩", "同类项目经验"]), kind: "TRACK_RECORD", share: 1 });
  if (rng.chance(communityPriority ? 0.7 : 0.35)) {
    others.push({
      name: communityPriority ? "社区资源整合能力" : rng.pick(["本地化服务能力", "创新性与可持续性", "社区资源整合能力"]),
      kind: "OTHER",
      share: 1,
    });
  }
  if (others.length < 2) others.push({ name: "同类项目经验", kind: "TRACK_RECORD", share: 1 });
  // Each non-price criterion gets at least 10; the rest goes out in steps of 5, mostly to the service plan.
  const weights = others.map(() => 10);
  let units = (100 - price - 10 * others.length) / 5;
  const table = others.map((criterion, position) => [position, criterion.share] as const);
  while (units > 0) {
    weights[weightedPick(rng, table)] += 5;
    units--;
  }
  const top = weights.indexOf(Math.max(...weights));
  [weights[0], weights[top]] = [weights[top], weights[0]];
  return [
    { name: priceName, kind: "PRICE", weight: price, description: CRITERION_DESCRIPTIONS[priceName] },
    ...others.map((criterion, position) => ({
      name: criterion.name,
      kind: criterion.kind,
      weight: weights[position],
      description: CRITERION_DESCRIPTIONS[criterion.name] ?? `评价${criterion.name}的完整性、针对性和可操作性。`,
    })),
  ];
}

function genericTemplate(item: CatalogItemSeed): NeedTpl {
  const short = item.nameZh.replace(/（[^）]*）/gu, "");
  const clauses = item.description.split(/[，。；]/u).filter((clause) => clause.length > 3);
  return {
    titles: [(f) => `${f.yearLabel}${f.place}${short}项目`, (f) => `${f.place}${short}服务采购`],
    summary: [() => item.description],
    background: [
      (f) => `为更好满足${f.place}居民的服务需求，${f.buyer}拟通过政府购买服务方式引入专业社会组织开展${short}。`,
      () => "本项目列入社区公益服务项目目录指引，实施情况将纳入年度绩效评价。",
    ],
    content: clauses.length > 0 ? clauses.map((clause) => () => `${clause}。`) : [() => item.description],
    targets: [(f) => `${f.place}${f.units}的居民。`],
    requirements: [() => "项目团队须有同类服务经验。"],
    technical: ["团队配置"],
  };
}

function sampleInOrder<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const picked = new Set(rng.sample(items.map((_, position) => position), count));
  return items.filter((_, position) => picked.has(position));
}

function roundBudget(rng: Rng, min: number, max: number): number {
  const low = Math.ceil(min / 1000) * 1000;
  const high = Math.floor(max / 1000) * 1000;
  if (low > high) return min;
  return rng.int(low / 1000, high / 1000) * 1000;
}

const LEGAL_KINDS: readonly OrgKind[] = ["SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION"];

export function generateNeed(
  rng: Rng,
  _index: number,
  ctx: GeneratorContext,
  buyer: { name: string; kind: BuyerKind; districtCode: string; streetCode: string | null },
): GeneratedNeed {
  const p = prepare(ctx);
  const district = p.byCode.get(buyer.districtCode) ?? p.districts[0];
  const own = buyer.streetCode ? p.streetByCode.get(buyer.streetCode)?.street : undefined;

  // ── what is bought: the catalog item first (≈85%), or a free-form theme ──
  let prefs: readonly string[];
  if (buyer.kind === "DISTRICT_DEPARTMENT") prefs = DEPARTMENTS.find((d) => d.name(district.name) === buyer.name)?.prefs ?? DEPARTMENTS[0].prefs;
  else if (buyer.kind === "STREET_OFFICE") prefs = STREET_PREFS;
  else if (buyer.kind === "TOWN_GOVERNMENT") prefs = TOWN_PREFS;
  else if (buyer.kind === "RESIDENTS_COMMITTEE") prefs = COMMITTEE_PREFS;
  else if (buyer.kind === "FOUNDATION") prefs = FOUNDATION_PREFS;
  else prefs = OTHER_PREFS;
  const fits = (key: string): boolean => {
    if (key === "FP-02" && !district.suburban) return false;
    if (key === "F:jiugai" && !CENTRAL.has(district.code)) return false;
    return key.startsWith("F:") ? key.slice(2) in FREE_TEMPLATES : p.catalogByCode.has(key);
  };
  const catalogPrefs = prefs.filter((key) => !key.startsWith("F:") && fits(key));
  const freePrefs = prefs.filter((key) => key.startsWith("F:") && fits(key));
  let item: CatalogItemSeed | null = null;
  let tpl: NeedTpl;
  let freeKey = "";
  // Buyers whose remit has no free-form theme always use the catalog; the others go free-form a little more often.
  const useCatalog =
    ctx.catalog.length > 0 && (freePrefs.length === 0 || (catalogPrefs.length > 0 && rng.chance(0.83)));
  if (useCatalog) {
    const candidates = catalogPrefs.length > 0 ? catalogPrefs : ctx.catalog.filter((c) => fits(c.code)).map((c) => c.code);
    item = p.catalogByCode.get(rng.pick(candidates.length > 0 ? candidates : ctx.catalog.map((c) => c.code))) ?? ctx.catalog[0];
    tpl = NEED_TEMPLATES[item.code] ?? genericTemplate(item);
  } else {
    const pool = freePrefs.length > 0 ? freePrefs : Object.keys(FREE_TEMPLATES).map((key) => `F:${key}`).filter(fits);
    freeKey = rng.pick(pool).slice(2);
    tpl = FREE_TEMPLATES[freeKey];
  }

  // ── money ──
  const [budgetMin, budgetMax] = item ? [item.budgetMin, item.budgetMax] : (tpl.budget ?? [50_000, 200_000]);
  const budget = roundBudget(rng, budgetMin, buyer.kind === "RESIDENTS_COMMITTEE" ? budgetMin + (budgetMax - budgetMin) * 0.3 : budgetMax);

  // ── the place, as the text names it ──
  const districtStreets = district.streets.length > 0 ? district.streets : [{ code: "", name: district.name, kind: "街道" }];
  let place: string;
  let street: StreetRef;
  let units: string;
  let buyerShort: string;
  if (buyer.kind === "DISTRICT_DEPARTMENT" || (!own && buyer.kind !== "RESIDENTS_COMMITTEE")) {
    place = district.name;
    street = rng.pick(districtStreets);
    units = `${district.streets.length}个街镇`;
    buyerShort = buyer.name;
  } else if (buyer.kind === "RESIDENTS_COMMITTEE") {
    street = own ?? rng.pick(districtStreets);
    const rest = buyer.name.startsWith(street.name) ? buyer.name.slice(street.name.length) : buyer.name;
    const hood = rest.replace(/(居民|村民)委员会$/u, "");
    place = hood.endsWith("小区") ? `${hood.slice(0, -2)}居民区` : `${hood}居民区`;
    units = `${rng.int(15, 60)}个楼组`;
    buyerShort = "居委会";
  } else {
    street = own ?? rng.pick(districtStreets);
    place = street.name;
    units = street.kind === "街道" ? `${rng.int(8, 30)}个居民区` : `${rng.int(10, 35)}个村居`;
    buyerShort = buyer.kind === "STREET_OFFICE" || buyer.kind === "TOWN_GOVERNMENT" ? street.name : buyer.name;
  }
  const year = 2027;
  const clamp = (value: number, low: number, high: number): number => Math.max(low, Math.min(high, value));
  const rc = buyer.kind === "RESIDENTS_COMMITTEE";
  const scale = rc ? 0.25 : place === district.name ? 1.5 : 1;
  const k = (min: number, max: number): number => {
    const raw = Math.max(1, Math.round(rng.int(min, max) * scale));
    return raw >= 1000 ? Math.round(raw / 100) * 100 : raw >= 100 ? Math.round(raw / 10) * 10 : raw;
  };
  const vol = rc ? rng.int(6, 15) : rng.int(2, 8) * 10;
  const f: NFill = {
    rng,
    n: (min, max) => rng.int(min, max),
    year,
    yearLabel: rng.chance(0.5) ? `${year}年` : `${year}年度`,
    place,
    district: district.name,
    street: street.name,
    units,
    site: place === district.name ? `${district.name}${street.name}` : place,
    rc,
    k,
    buyer: buyerShort,
    hood: hoodName(rng),
    batch: rng.pick(["二", "二", "三"]),
    v: {
      meals: clamp(Math.round(budget / 25_000) * 10, 80, 400),
      delivery: rng.int(3, 15) * 10,
      beds: clamp(Math.round(budget / 20_000), 15, 49),
      screen: clamp(Math.round(budget / 25_000) * 50, 200, 1000),
      vol,
      pairs: vol * rng.int(4, 5),
      homes: clamp(Math.round(budget / rng.int(2500, 4000)), 20, 200),
      learners: rng.int(15, 45),
      classes: clamp(Math.round(budget / 40_000), 1, 6),
      sessions: rng.int(12, 40),
      spots: rc ? rng.int(2, 5) : rng.int(5, 30),
      groups: rc ? rng.int(1, 3) : rng.int(5, 20),
      teams: rc ? rng.int(3, 8) : rng.int(8, 40),
      projects: clamp(Math.round(budget / 4000), 8, 80),
      mediators: clamp(Math.round(budget / 60_000), 2, 8),
    },
  };

  // ── text ──
  const titles = tpl.titles.map((t) => t(f));
  const ownTitles = titles.filter((t) => t.includes(place));
  let title = rng.pick(ownTitles.length > 0 ? ownTitles : titles);
  if (buyer.kind === "DISTRICT_DEPARTMENT" && !title.endsWith("）") && !title.includes(street.name) && rng.chance(0.08)) title += `（第${f.batch}批）`;
  const summary = rng.pick(tpl.summary)(f);
  const background = sampleInOrder(rng, tpl.background, 2).map((t) => t(f)).join("");
  const content = sampleInOrder(rng, tpl.content, rng.int(Math.min(3, tpl.content.length), tpl.content.length)).map((t) => t(f));
  const targets = sampleInOrder(rng, tpl.targets, rng.int(1, tpl.targets.length)).map((t) => t(f));

  // ── eligibility ──
  const method: ProcurementMethod =
    budget < 100_000
      ? weightedPick(rng, [["REQUEST_FOR_QUOTATION", 35], ["COMPETITIVE_CONSULTATION", 40], ["COMPETITIVE_NEGOTIATION", 10], ["INVITATION", 10], ["SINGLE_SOURCE", 5]] as const)
      : budget < 400_000
        ? weightedPick(rng, [["COMPETITIVE_CONSULTATION", 50], ["OPEN_TENDER", 20], ["COMPETITIVE_NEGOTIATION", 12], ["REQUEST_FOR_QUOTATION", 8], ["INVITATION", 5], ["SINGLE_SOURCE", 5]] as const)
        : weightedPick(rng, [["OPEN_TENDER", 50], ["COMPETITIVE_CONSULTATION", 35], ["COMPETITIVE_NEGOTIATION", 8], ["SINGLE_SOURCE", 4], ["INVITATION", 3]] as const);
  let minGrade: number | null = null;
  let minYearsRegistered: number | null = null;
  let minSocialWorkers: number | null = null;
  const eligibilityRoll = rng.next();
  if (eligibilityRoll < 0.1) {
    // the recommended-supplier preset (推荐目录 entry conditions)
    minGrade = 3;
    minYearsRegistered = 2;
    minSocialWorkers = 1;
  } else if (eligibilityRoll < 0.4) {
    minGrade = rng.pick([2, 3, 3, 3, 4]);
    if (rng.chance(0.3)) minYearsRegistered = rng.int(1, 3);
    if (rng.chance(tpl.socialWork ? 0.5 : 0.15)) minSocialWorkers = rng.int(1, 4);
  } else {
    if (rng.chance(0.12)) minYearsRegistered = rng.int(1, 3);
    if (rng.chance(tpl.socialWork ? 0.25 : 0.06)) minSocialWorkers = rng.int(1, 3);
  }
  const communityPriority = rng.chance((tpl.community ? 0.55 : 0.28) * (minGrade === null ? 1.1 : 0.6));
  const kindsRoll = rng.next();
  let allowedKinds: OrgKind[] = [];
  if (communityPriority) {
    if (kindsRoll < 0.2) allowedKinds = ["SOCIAL_GROUP", "SOCIAL_SERVICE", "MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"];
  } else if (kindsRoll < 0.18) allowedKinds = LEGAL_KINDS.slice();
  else if (kindsRoll < 0.3) allowedKinds = ["SOCIAL_GROUP", "SOCIAL_SERVICE"];
  else if (kindsRoll < 0.36) allowedKinds = ["SOCIAL_GROUP", "SOCIAL_SERVICE", "MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"];
  const qualificationsRoll = rng.next();
  const charity = item?.domain === "扶贫济困" || freeKey === "csc";
  const requiredQualifications: Qualification[] =
    qualificationsRoll < 0.06
      ? ["TAX_EXEMPT"]
      : qualificationsRoll < (charity ? 0.16 : 0.08)
        ? ["DONATION_RECEIPTS"]
        : qualificationsRoll < (charity ? 0.19 : 0.09)
          ? ["PRE_TAX_DEDUCTION", "DONATION_RECEIPTS"]
          : [];
  const crossDistrict = rng.chance(0.85);
  const crossDistrictReason = crossDistrict ? null : rng.pick(tpl.noCross ?? GENERIC_NO_CROSS);

  const requirements = [
    ...sampleInOrder(rng, tpl.requirements, rng.int(Math.min(2, tpl.requirements.length), tpl.requirements.length)).map((t) => t(f)),
    ...rng.sample(GENERAL_REQUIREMENTS, rng.int(1, 2)),
  ];
  if (minGrade !== null) requirements.push(`投标机构须为${minGrade}A级及以上社会组织，且评估等级在投标截止时仍在有效期内。`);
  if (minSocialWorkers !== null) requirements.push(`项目团队中持证社工不少于${minSocialWorkers}名。`);
  if (communityPriority) requirements.push("同等条件下优先选择社区社会组织承接。");
  requirements.push(`服务期限：${tpl.period ? tpl.period(f) : `${year}年1月1日至${year}年12月31日`}。`);
  const bullets = (lines: readonly string[]): string => lines.map((line) => `- ${line}`).join("\n");
  const description = [
    "## 项目背景",
    "",
    background,
    "",
    "## 服务内容",
    "",
    bullets(content),
    "",
    "## 服务对象",
    "",
    bullets(targets),
    "",
    "## 服务要求",
    "",
    bullets(requirements),
  ].join("\n");

  // ── where ──
  const districtCodes = [district.code];
  if (buyer.kind === "DISTRICT_DEPARTMENT" && !title.includes(street.name) && rng.chance(0.15) && district.neighbours.length > 0) {
    districtCodes.push(...rng.sample(district.neighbours, rng.int(1, 2)));
  }
  const streetCodes: string[] = [];
  if (own) streetCodes.push(own.code);
  else if (street.code && (title.includes(street.name) || description.includes(street.name))) streetCodes.push(street.code);

  return {
    title,
    summary,
    description,
    catalogCode: item ? item.code : null,
    tagNames: unique(item ? item.tags : (tpl.tags ?? [])),
    districtCodes,
    streetCodes,
    crossDistrict,
    crossDistrictReason,
    budget,
    method,
    minGrade,
    allowedKinds,
    requiredQualifications,
    minYearsRegistered,
    minSocialWorkers,
    communityPriority,
    criteria: buildCriteria(rng, tpl, method, communityPriority),
  };
}
