// 统一社会信用代码 (GB 32100-2015) for social organizations. Browser-safe: no node imports, no server code, so the
// registration form can check a code while it is typed and the server can run exactly the same rules.
//
// Layout of the 18 characters:
//   1     registration-authority department (登记管理部门): 5 = 民政 (civil affairs)
//   2     organization kind within that department: for 民政 1 社会团体, 2 民办非企业单位/社会服务机构, 3 基金会, 9 其他
//   3–8   division code of the registering authority AT THE TIME OF CODING (310000 for the city bureau, a district
//         code, or a retired code such as 310108 闸北区) — never compare it with the organization's district
//   9–17  GB 11714 organization code (its own 9th character is a mod-11 check digit)
//   18    GB 32100 check character (mod 31)

export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 organization-code weights for its eight body characters. */
export const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Department character of the civil-affairs registration authority (民政部门). */
export const CIVIL_AFFAIRS_DEPT = "5";

const CHAR_VALUE: ReadonlyMap<string, number> = new Map([...USCC_CHARSET].map((char, value) => [char, value]));

/** The organization kinds of this platform (same literals as the Prisma `OrgKind` enum). */
export type UsccOrgKind = "SOCIAL_GROUP" | "SOCIAL_SERVICE" | "FOUNDATION" | "MASS_ACTIVITY_TEAM" | "COMMUNITY_GROUP";

/** Kind characters (position 2) used by the civil-affairs department. */
export type UsccKindChar = "1" | "2" | "3" | "9";

export const USCC_CIVIL_AFFAIRS_KINDS: Readonly<
  Record<UsccKindChar, { orgKind: UsccOrgKind | null; nameZh: string; nameEn: string }>
> = {
  "1": { orgKind: "SOCIAL_GROUP", nameZh: "社会团体", nameEn: "Social group" },
  "2": { orgKind: "SOCIAL_SERVICE", nameZh: "民办非企业单位（社会服务机构）", nameEn: "Social service organization" },
  "3": { orgKind: "FOUNDATION", nameZh: "基金会", nameEn: "Foundation" },
  "9": { orgKind: null, nameZh: "其他", nameEn: "Other" },
};

export function isUsccKindChar(value: string): value is UsccKindChar {
  return value === "1" || value === "2" || value === "3" || value === "9";
}

/** The USCC kind character a legal-person organization of this kind carries; null for filed groups. */
export function usccKindCharForOrgKind(orgKind: UsccOrgKind): UsccKindChar | null {
  switch (orgKind) {
    case "SOCIAL_GROUP":
      return "1";
    case "SOCIAL_SERVICE":
      return "2";
    case "FOUNDATION":
      return "3";
    default:
      return null;
  }
}

/**
 * Whether a code's kind character (position 2) fits the organization's declared kind. `9` (其他) fits any kind;
 * filed groups (群众活动团队, 社区活动小组) have no code, so only `9` fits them.
 */
export function usccKindMatchesOrgKind(kindChar: string, orgKind: UsccOrgKind): boolean {
  if (kindChar === "9") return true;
  return usccKindCharForOrgKind(orgKind) === kindChar;
}

const DASHES = /[\s\-‐‑‒–—―−]+/gu;

/** NFKC (full-width → ASCII), trim, upper-case, and drop spaces and hyphens people type or paste. */
export function normalizeUscc(input: string): string {
  return input.normalize("NFKC").trim().toUpperCase().replace(DASHES, "");
}

/** The GB 32100 check character for the first 17 characters (already normalized). Throws on malformed input. */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHAR_VALUE.get(first17[i]);
    if (value === undefined) throw new RangeError(`character ${JSON.stringify(first17[i])} at position ${i + 1} is not allowed`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

function orgCodeCharValue(char: string): number | undefined {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A=10 … Z=35
  return undefined;
}

/** The GB 11714 check digit for an 8-character organization-code body (mod 11; 10 → X, 11 → 0). */
export function computeOrgCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new RangeError(`expected 8 characters, got ${body8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = orgCodeCharValue(body8[i]);
    if (value === undefined) throw new RangeError(`character ${JSON.stringify(body8[i])} at position ${i + 1} is not allowed`);
    sum += value * ORG_CODE_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/** Whether a 9-character GB 11714 organization code (positions 9–17 of a USCC) has a correct check digit. */
export function isValidOrgCode(orgCode: string): boolean {
  if (orgCode.length !== 9) return false;
  try {
    return computeOrgCodeCheckChar(orgCode.slice(0, 8)) === orgCode[8];
  } catch {
    return false;
  }
}

export type UsccErrorCode =
  | "empty" // nothing entered
  | "length" // not 18 characters after normalization
  | "charset" // a character outside 0-9 and ABCDEFGHJKLMNPQRTUWXY (often O/I/S/V/Z typed for 0/1/5/U/2)
  | "checkChar" // the 18th character does not match; `expected` holds the right one (nearly always a typo)
  | "department" // position 1 is not 5: not registered by a civil-affairs bureau
  | "kind" // position 2 is not a civil-affairs kind (1, 2, 3, 9)
  | "region"; // positions 3–8 are not a six-digit division code

export type UsccParseSuccess = {
  ok: true;
  /** The normalized 18-character code. */
  code: string;
  /** Position 1: registration-authority department (5 = 民政). */
  dept: string;
  /** Position 2: organization kind within the department. */
  kind: string;
  /** Positions 3–8: the registering authority's division code at the time of coding. */
  regionCode: string;
  /** Positions 9–17: the GB 11714 organization code. */
  orgCode: string;
  /** Whether the organization code's own mod-11 check digit is right (informational; a few real codes fail it). */
  orgCodeValid: boolean;
};

export type UsccParseFailure = {
  ok: false;
  code: UsccErrorCode;
  /** The normalized input the rules were applied to. */
  normalized: string;
  /** For `checkChar`: the check character the first 17 characters call for. */
  expected?: string;
  /** For `charset` (1-based position and the offending character) and `length` (the actual length). */
  position?: number;
  char?: string;
  length?: number;
};

export type UsccParseResult = UsccParseSuccess | UsccParseFailure;

export type ParseUsccOptions = {
  /**
   * Require the civil-affairs department (`5`) and a civil-affairs kind character. Default true: the platform
   * serves organizations registered by 民政. Pass false to check only the GB 32100 structure and check character.
   */
  civilAffairsOnly?: boolean;
};

/**
 * Validate a 统一社会信用代码. Checks run in the order most useful to a person typing: length, characters, the check
 * character (reporting the expected one), then department, kind and region.
 */
export function parseUscc(input: string, options: ParseUsccOptions = {}): UsccParseResult {
  const civilAffairsOnly = options.civilAffairsOnly ?? true;
  const normalized = normalizeUscc(input);
  if (normalized.length === 0) return { ok: false, code: "empty", normalized };
  if (normalized.length !== 18) return { ok: false, code: "length", normalized, length: normalized.length };
  for (let i = 0; i < 18; i++) {
    if (!CHAR_VALUE.has(normalized[i])) {
      return { ok: false, code: "charset", normalized, position: i + 1, char: normalized[i] };
    }
  }
  const expected = computeUsccCheckChar(normalized.slice(0, 17));
  if (normalized[17] !== expected) return { ok: false, code: "checkChar", normalized, expected };

  const dept = normalized[0];
  const kind = normalized[1];
  const regionCode = normalized.slice(2, 8);
  if (civilAffairsOnly) {
    if (dept !== CIVIL_AFFAIRS_DEPT) return { ok: false, code: "department", normalized };
    if (!isUsccKindChar(kind)) return { ok: false, code: "kind", normalized };
  }
  if (!/^\d{6}$/.test(regionCode)) return { ok: false, code: "region", normalized };
  const orgCode = normalized.slice(8, 17);
  return { ok: true, code: normalized, dept, kind, regionCode, orgCode, orgCodeValid: isValidOrgCode(orgCode) };
}

/** Convenience: true when `parseUscc(input, options)` succeeds. */
export function isValidUscc(input: string, options?: ParseUsccOptions): boolean {
  return parseUscc(input, options).ok;
}

// ───────────────────────────── registration authority (positions 3–8) ─────────────────────────────

type Area = { nameZh: string; nameEn: string };

/** Shanghai's 16 current districts (GB/T 2260, as of 2023). */
const SHANGHAI_DISTRICTS: Readonly<Record<string, Area>> = {
  "310101": { nameZh: "黄浦区", nameEn: "Huangpu District" },
  "310104": { nameZh: "徐汇区", nameEn: "Xuhui District" },
  "310105": { nameZh: "长宁区", nameEn: "Changning District" },
  "310106": { nameZh: "静安区", nameEn: "Jing'an District" },
  "310107": { nameZh: "普陀区", nameEn: "Putuo District" },
  "310109": { nameZh: "虹口区", nameEn: "Hongkou District" },
  "310110": { nameZh: "杨浦区", nameEn: "Yangpu District" },
  "310112": { nameZh: "闵行区", nameEn: "Minhang District" },
  "310113": { nameZh: "宝山区", nameEn: "Baoshan District" },
  "310114": { nameZh: "嘉定区", nameEn: "Jiading District" },
  "310115": { nameZh: "浦东新区", nameEn: "Pudong New Area" },
  "310116": { nameZh: "金山区", nameEn: "Jinshan District" },
  "310117": { nameZh: "松江区", nameEn: "Songjiang District" },
  "310118": { nameZh: "青浦区", nameEn: "Qingpu District" },
  "310120": { nameZh: "奉贤区", nameEn: "Fengxian District" },
  "310151": { nameZh: "崇明区", nameEn: "Chongming District" },
};

/**
 * Retired Shanghai county-level codes that still appear in positions 3–8 of codes assigned before the change
 * (shared/data/shanghai-legacy-district-codes.json; display mapping only). Only 310108 and 310230 were current
 * when USCC coding began in 2015-10; the others are kept for old documents and addresses.
 */
export const SHANGHAI_RETIRED_DIVISIONS: ReadonlyArray<{
  code: string;
  nameZh: string;
  nameEn: string;
  mergedInto: string;
  year: number;
}> = [
  { code: "310108", nameZh: "闸北区", nameEn: "Zhabei District", mergedInto: "310106", year: 2015 },
  { code: "310230", nameZh: "崇明县", nameEn: "Chongming County", mergedInto: "310151", year: 2016 },
  { code: "310103", nameZh: "卢湾区", nameEn: "Luwan District", mergedInto: "310101", year: 2011 },
  { code: "310119", nameZh: "南汇区", nameEn: "Nanhui District", mergedInto: "310115", year: 2009 },
  { code: "310102", nameZh: "南市区", nameEn: "Nanshi District", mergedInto: "310101", year: 2000 },
];

/** Province-level prefixes (GB/T 2260), for codes registered outside Shanghai. */
const PROVINCES: Readonly<Record<string, Area>> = {
  "11": { nameZh: "北京市", nameEn: "Beijing" },
  "12": { nameZh: "天津市", nameEn: "Tianjin" },
  "13": { nameZh: "河北省", nameEn: "Hebei" },
  "14": { nameZh: "山西省", nameEn: "Shanxi" },
  "15": { nameZh: "内蒙古自治区", nameEn: "Inner Mongolia" },
  "21": { nameZh: "辽宁省", nameEn: "Liaoning" },
  "22": { nameZh: "吉林省", nameEn: "Jilin" },
  "23": { nameZh: "黑龙江省", nameEn: "Heilongjiang" },
  "31": { nameZh: "上海市", nameEn: "Shanghai" },
  "32": { nameZh: "江苏省", nameEn: "Jiangsu" },
  "33": { nameZh: "浙江省", nameEn: "Zhejiang" },
  "34": { nameZh: "安徽省", nameEn: "Anhui" },
  "35": { nameZh: "福建省", nameEn: "Fujian" },
  "36": { nameZh: "江西省", nameEn: "Jiangxi" },
  "37": { nameZh: "山东省", nameEn: "Shandong" },
  "41": { nameZh: "河南省", nameEn: "Henan" },
  "42": { nameZh: "湖北省", nameEn: "Hubei" },
  "43": { nameZh: "湖南省", nameEn: "Hunan" },
  "44": { nameZh: "广东省", nameEn: "Guangdong" },
  "45": { nameZh: "广西壮族自治区", nameEn: "Guangxi" },
  "46": { nameZh: "海南省", nameEn: "Hainan" },
  "50": { nameZh: "重庆市", nameEn: "Chongqing" },
  "51": { nameZh: "四川省", nameEn: "Sichuan" },
  "52": { nameZh: "贵州省", nameEn: "Guizhou" },
  "53": { nameZh: "云南省", nameEn: "Yunnan" },
  "54": { nameZh: "西藏自治区", nameEn: "Tibet" },
  "61": { nameZh: "陕西省", nameEn: "Shaanxi" },
  "62": { nameZh: "甘肃省", nameEn: "Gansu" },
  "63": { nameZh: "青海省", nameEn: "Qinghai" },
  "64": { nameZh: "宁夏回族自治区", nameEn: "Ningxia" },
  "65": { nameZh: "新疆维吾尔自治区", nameEn: "Xinjiang" },
  "71": { nameZh: "台湾省", nameEn: "Taiwan" },
  "81": { nameZh: "香港特别行政区", nameEn: "Hong Kong SAR" },
  "82": { nameZh: "澳门特别行政区", nameEn: "Macao SAR" },
};

export type RegistrationAuthority = {
  regionCode: string;
  level:
    | "national" // 100000-style codes: a national (中央) registration authority
    | "municipal" // 310000: the Shanghai city bureau
    | "district" // a current Shanghai district
    | "retired" // a retired Shanghai code; see `successor`
    | "otherProvince" // registered outside Shanghai
    | "unknown";
  /** The area whose authority registered the organization, e.g. 上海市, 徐汇区, 闸北区. */
  nameZh: string;
  nameEn: string;
  /** For retired codes: the district that took over, and the year of the change. */
  successor?: { code: string; nameZh: string; nameEn: string; year: number };
};

/**
 * Who registered the organization, from positions 3–8 of its code. For display only: the code records the
 * authority at the time of coding, so an organization in 静安区 may carry 310108 (闸北区) or 310000 (市级).
 */
export function describeRegistrationAuthority(regionCode: string): RegistrationAuthority {
  if (regionCode === "310000") return { regionCode, level: "municipal", nameZh: "上海市", nameEn: "Shanghai" };
  const district = SHANGHAI_DISTRICTS[regionCode];
  if (district) return { regionCode, level: "district", ...district };
  const retired = SHANGHAI_RETIRED_DIVISIONS.find((division) => division.code === regionCode);
  if (retired) {
    const successor = SHANGHAI_DISTRICTS[retired.mergedInto];
    return {
      regionCode,
      level: "retired",
      nameZh: retired.nameZh,
      nameEn: retired.nameEn,
      successor: { code: retired.mergedInto, nameZh: successor.nameZh, nameEn: successor.nameEn, year: retired.year },
    };
  }
  if (/^1000\d\d$/.test(regionCode)) return { regionCode, level: "national", nameZh: "国家级", nameEn: "National" };
  const province = PROVINCES[regionCode.slice(0, 2)];
  if (province && regionCode.slice(0, 2) !== "31") return { regionCode, level: "otherProvince", ...province };
  return { regionCode, level: "unknown", nameZh: regionCode, nameEn: regionCode };
}

// ───────────────────────────── demo codes ─────────────────────────────

/** Anything with a `next()` returning a float in [0, 1): the seed's PRNG, or `{ next: Math.random }`. */
export type UsccRandomSource = { next(): number };

export type GenerateUsccOptions = {
  kindChar: UsccKindChar;
  /** Registering authority: 310000, a district code, or a retired code such as 310108. */
  regionCode: string;
  /**
   * Organization codes issued by civil affairs since 2015 look like `MJ` + 6 digits; older ones like `50` + 6 digits.
   * Default "MJ".
   */
  style?: "MJ" | "legacy";
  /**
   * A distinct number per organization makes the organization code (and so the whole code) unique across a data
   * set without a lookup table: pass 0…9,999,999. Without it the digits are random.
   */
  serial?: number;
};

// Second letters used after M when a serial overflows six digits, in charset order (never I, O, S, V, Z).
const MJ_SECOND_LETTERS = "JKLNPQRTUWXY";

/** A valid demo 统一社会信用代码 for a civil-affairs organization, with a valid GB 11714 check digit at position 17. */
export function generateUscc(rng: UsccRandomSource, options: GenerateUsccOptions): string {
  const { kindChar, regionCode } = options;
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`regionCode must be six digits, got ${JSON.stringify(regionCode)}`);
  const serial = options.serial ?? Math.floor(rng.next() * 1_000_000);
  if (!Number.isInteger(serial) || serial < 0 || serial >= 10_000_000) {
    throw new RangeError(`serial must be an integer in 0…9,999,999, got ${serial}`);
  }
  const digits = String(serial % 1_000_000).padStart(6, "0");
  const block = Math.floor(serial / 1_000_000);
  let body: string;
  if (options.style === "legacy") {
    body = `5${block}${digits}`;
  } else {
    body = `M${MJ_SECOND_LETTERS[block]}${digits}`;
  }
  const orgCode = body + computeOrgCodeCheckChar(body);
  const first17 = `${CIVIL_AFFAIRS_DEPT}${kindChar}${regionCode}${orgCode}`;
  return first17 + computeUsccCheckChar(first17);
}
