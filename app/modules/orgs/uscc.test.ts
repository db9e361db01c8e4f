import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  USCC_CHARSET,
  computeOrgCodeCheckChar,
  computeUsccCheckChar,
  describeRegistrationAuthority,
  generateUscc,
  isValidOrgCode,
  normalizeUscc,
  parseUscc,
  usccKindMatchesOrgKind,
  type UsccKindChar,
  type UsccRandomSource,
} from "#app/modules/orgs/uscc.ts";

type Vectors = {
  named: { name: string; uscc: string; orgcode_valid: boolean; dept: string; kind: string; region: string }[];
  unnamed_valid: { uscc: string; orgcode_valid: boolean; note: string }[];
  negative: { uscc: string; expected_check: string | null; reason: string; note: string }[];
};

const vectors = JSON.parse(
  fs.readFileSync(path.join(process.cwd(), "tests/fixtures/uscc-test-vectors.json"), "utf8"),
) as Vectors;

const validCodes = [...vectors.named.map((v) => v.uscc), ...vectors.unnamed_valid.map((v) => v.uscc)];

// mulberry32: a tiny deterministic source so failures reproduce.
function testRng(seed: number): UsccRandomSource {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

describe("charset and weights", () => {
  test("31 characters without I, O, S, V, Z", () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(new Set(USCC_CHARSET).size).toBe(31);
    for (const banned of "IOSVZ") expect(USCC_CHARSET).not.toContain(banned);
  });
});

describe("normalizeUscc", () => {
  test("full-width, lower case, spaces and hyphens", () => {
    expect(normalizeUscc(" ５３３１００００-５０１７７５４８８ｗ ")).toBe("53310000501775488W");
    expect(normalizeUscc("5331 0000 5017 7548 8w")).toBe("53310000501775488W");
    expect(normalizeUscc("53310000—501775488W")).toBe("53310000501775488W");
  });
});

describe("named vectors", () => {
  test.each(vectors.named)("$name $uscc passes", (vector) => {
    const result = parseUscc(vector.uscc, { civilAffairsOnly: false });
    expect(result).toMatchObject({
      ok: true,
      code: vector.uscc,
      dept: vector.dept,
      kind: vector.kind,
      regionCode: vector.region,
      orgCodeValid: vector.orgcode_valid,
    });
    // Civil-affairs (5) codes also pass the platform's default, stricter check.
    if (vector.dept === "5") expect(parseUscc(vector.uscc).ok).toBe(true);
    else expect(parseUscc(vector.uscc)).toMatchObject({ ok: false, code: "department" });
  });
});

describe("unnamed valid vectors", () => {
  test.each(vectors.unnamed_valid)("$uscc passes", (vector) => {
    const result = parseUscc(vector.uscc);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.orgCodeValid).toBe(vector.orgcode_valid);
  });
});

describe("negative vectors", () => {
  test.each(vectors.negative)("$uscc fails ($reason)", (vector) => {
    for (const options of [{}, { civilAffairsOnly: false }]) {
      const result = parseUscc(vector.uscc, options);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.code).toBe(vector.reason);
      if (vector.expected_check !== null) expect(result.expected).toBe(vector.expected_check);
    }
  });

  test("the charset failure names the position and character", () => {
    expect(parseUscc("5331000050177548OW")).toMatchObject({ ok: false, code: "charset", position: 17, char: "O" });
  });
});

describe("other failures", () => {
  test("empty and wrong length", () => {
    expect(parseUscc("  ")).toMatchObject({ ok: false, code: "empty" });
    expect(parseUscc("53310000501775488")).toMatchObject({ ok: false, code: "length", length: 17 });
    expect(parseUscc("53310000501775488WW")).toMatchObject({ ok: false, code: "length", length: 19 });
  });

  test("a valid code from another department is rejected by default with the department reason", () => {
    const first17 = "91310000MA1FL0000";
    const code = first17 + computeUsccCheckChar(first17);
    expect(parseUscc(code)).toMatchObject({ ok: false, code: "department" });
    expect(parseUscc(code, { civilAffairsOnly: false }).ok).toBe(true);
  });

  test("a civil-affairs code with an unknown kind character is rejected", () => {
    const first17 = "54310104MJ4996326";
    const code = first17 + computeUsccCheckChar(first17);
    expect(parseUscc(code)).toMatchObject({ ok: false, code: "kind" });
  });

  test("a region that is not six digits is rejected", () => {
    const first17 = "5231A104MJ4996326";
    const code = first17 + computeUsccCheckChar(first17);
    expect(parseUscc(code)).toMatchObject({ ok: false, code: "region" });
  });
});

describe("single-character corruptions", () => {
  test.each(validCodes)("every substitution in %s is detected and the expected check character reported", (code) => {
    let checked = 0;
    for (let position = 0; position < 18; position++) {
      for (const replacement of USCC_CHARSET) {
        if (replacement === code[position]) continue;
        const corrupted = code.slice(0, position) + replacement + code.slice(position + 1);
        const result = parseUscc(corrupted, { civilAffairsOnly: false });
        expect(result.ok, corrupted).toBe(false);
        if (result.ok) continue;
        expect(result.code).toBe("checkChar");
        const expected = computeUsccCheckChar(corrupted.slice(0, 17));
        expect(result.expected).toBe(expected);
        if (position === 17) expect(result.expected).toBe(code[17]);
        checked++;
      }
    }
    expect(checked).toBe(18 * 30);
  });

  test("typing a banned letter (O for 0) is a charset error, not a silent pass", () => {
    const code = "52310104MJ49963266";
    expect(parseUscc(code.replace("0", "O"))).toMatchObject({ ok: false, code: "charset", position: 5, char: "O" });
  });
});

describe("organization code (GB 11714)", () => {
  test("all vectors carry a valid organization-code check digit", () => {
    for (const code of validCodes) expect(isValidOrgCode(code.slice(8, 17)), code).toBe(true);
  });

  test("10 → X and 11 → 0", () => {
    expect(computeOrgCodeCheckChar("50177344")).toBe("X");
    expect(computeOrgCodeCheckChar("MJ495177")).toBe("7");
    expect(computeOrgCodeCheckChar("MJ495177")).toBe(validCodes.find((c) => c.includes("MJ495177"))?.[16]);
  });
});

describe("kind matching", () => {
  test("kind characters map to organization kinds, 9 fits all", () => {
    expect(usccKindMatchesOrgKind("1", "SOCIAL_GROUP")).toBe(true);
    expect(usccKindMatchesOrgKind("2", "SOCIAL_SERVICE")).toBe(true);
    expect(usccKindMatchesOrgKind("3", "FOUNDATION")).toBe(true);
    expect(usccKindMatchesOrgKind("1", "FOUNDATION")).toBe(false);
    expect(usccKindMatchesOrgKind("2", "SOCIAL_GROUP")).toBe(false);
    expect(usccKindMatchesOrgKind("3", "MASS_ACTIVITY_TEAM")).toBe(false);
    for (const kind of ["SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION", "MASS_ACTIVITY_TEAM", "COMMUNITY_GROUP"] as const) {
      expect(usccKindMatchesOrgKind("9", kind)).toBe(true);
    }
  });
});

describe("describeRegistrationAuthority", () => {
  test("municipal, district, retired, national, other province", () => {
    expect(describeRegistrationAuthority("310000")).toMatchObject({ level: "municipal", nameZh: "上海市" });
    expect(describeRegistrationAuthority("310110")).toMatchObject({ level: "district", nameZh: "杨浦区" });
    expect(describeRegistrationAuthority("310108")).toMatchObject({
      level: "retired",
      nameZh: "闸北区",
      successor: { code: "310106", nameZh: "静安区", year: 2015 },
    });
    expect(describeRegistrationAuthority("310230")).toMatchObject({
      level: "retired",
      nameZh: "崇明县",
      successor: { code: "310151", nameZh: "崇明区" },
    });
    expect(describeRegistrationAuthority("100000")).toMatchObject({ level: "national" });
    expect(describeRegistrationAuthority("330000")).toMatchObject({ level: "otherProvince", nameZh: "浙江省" });
    expect(describeRegistrationAuthority("310199")).toMatchObject({ level: "unknown" });
  });
});

describe("generateUscc", () => {
  test("generated codes always pass, with the right kind, region and organization-code check digit", () => {
    const rng = testRng(20261127);
    const regions = ["310000", "310104", "310115", "310108", "310230", "310151"];
    const kinds: UsccKindChar[] = ["1", "2", "3", "9"];
    const failures: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const kindChar = kinds[i % kinds.length];
      const regionCode = regions[i % regions.length];
      const style = i % 3 === 0 ? "legacy" : "MJ";
      const code = generateUscc(rng, { kindChar, regionCode, style, serial: i % 2 === 0 ? i * 499 : undefined });
      const result = parseUscc(code);
      const good =
        result.ok &&
        result.kind === kindChar &&
        result.regionCode === regionCode &&
        result.orgCodeValid &&
        code[8] === (style === "legacy" ? "5" : "M");
      if (!good) failures.push(code);
    }
    expect(failures).toEqual([]);
  });

  test("distinct serials give distinct codes", () => {
    const rng = testRng(1);
    const seen = new Set<string>();
    for (let serial = 0; serial < 2_000_000; serial += 97) {
      seen.add(generateUscc(rng, { kindChar: "2", regionCode: "310104", serial }));
    }
    expect(seen.size).toBe(Math.ceil(2_000_000 / 97));
  });

  test("bad options are refused", () => {
    const rng = testRng(2);
    expect(() => generateUscc(rng, { kindChar: "2", regionCode: "31010" })).toThrow(RangeError);
    expect(() => generateUscc(rng, { kindChar: "2", regionCode: "310104", serial: -1 })).toThrow(RangeError);
  });
});
