import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFilter, f, FilterSyntaxError, parseFilter, parseFilterString, quote } from "./filter.ts";

const doc = {
  district: "310104",
  tags: ["助餐", "养老服务"],
  grade: 4,
  budget: null,
  crossDistrict: true,
  communityClass: 'A "quoted" \\ class',
  name: "乐龄",
};
const matches = (filter: string | (string | string[])[]) => compileFilter(parseFilter(filter))(doc);

describe("filter grammar (Meilisearch's, for the embedded engine)", () => {
  it("parses comparisons, ranges, IN, EXISTS, IS NULL and EMPTY", () => {
    expect(matches("district = 310104")).toBe(true);
    expect(matches('district = "310104"')).toBe(true);
    expect(matches("grade >= 4 AND grade < 5")).toBe(true);
    expect(matches("grade 1 TO 3")).toBe(false);
    expect(matches("grade 4 TO 5")).toBe(true);
    expect(matches("tags IN [助餐, 康复]")).toBe(true);
    expect(matches("tags NOT IN [康复]")).toBe(true);
    expect(matches("budget IS NULL")).toBe(true);
    expect(matches("budget IS NOT NULL")).toBe(false);
    expect(matches("budget EXISTS")).toBe(true);
    expect(matches("missing EXISTS")).toBe(false);
    expect(matches("missing NOT EXISTS")).toBe(true);
    expect(matches("tags IS EMPTY")).toBe(false);
    expect(matches("crossDistrict = true")).toBe(true);
  });

  it("gives AND precedence over OR, and honours NOT and parentheses", () => {
    expect(matches("grade = 1 OR grade = 4 AND district = 310104")).toBe(true);
    expect(matches("(grade = 1 OR grade = 4) AND district = 310105")).toBe(false);
    expect(matches("NOT grade = 4")).toBe(false);
    expect(matches("NOT (grade = 1 OR district = 310105)")).toBe(true);
    expect(matches("grade = 4 and district = 310104")).toBe(true); // keywords are case-insensitive
  });

  it("treats != as 'does not contain', matching documents without the attribute", () => {
    expect(matches("tags != 助餐")).toBe(false);
    expect(matches("tags != 康复")).toBe(true);
    expect(matches("missing != x")).toBe(true);
  });

  it("reads the array form: items ANDed, inner arrays ORed", () => {
    expect(matches(["grade = 4", ["district = 1", "district = 310104"]])).toBe(true);
    expect(matches(["grade = 4", ["district = 1", "district = 2"]])).toBe(false);
  });

  it("refuses broken filters with the position of the problem", () => {
    expect(() => parseFilterString("grade >=")).toThrow(FilterSyntaxError);
    expect(() => parseFilterString("(grade = 1")).toThrow(/expected \)/);
    expect(() => parseFilterString('name = "open')).toThrow(/unterminated/);
    expect(() => parseFilterString("grade = 1 grade = 2")).toThrow(/unexpected/);
    expect(() => parseFilterString("tags IN [a b]")).toThrow(/expected , or \]/);
  });

  it("builds filters with safe quoting of any text, Chinese included", () => {
    expect(quote('A "quoted" \\ class')).toBe('"A \\"quoted\\" \\\\ class"');
    expect(matches(f.eq("communityClass", 'A "quoted" \\ class'))).toBe(true);
    expect(f.in("districts", ["310104", "徐汇区"])).toBe('districts IN ["310104", "徐汇区"]');
    expect(f.and(f.eq("a", 1), null, f.or(f.eq("b", "x"), f.eq("b", "y")))).toBe('(a = 1) AND ((b = "x") OR (b = "y"))');
    expect(f.and()).toBe("");
  });

  it("round-trips any string value through quote() and the parser", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (value) => {
        const node = parseFilterString(f.eq("name", value));
        expect(node).toEqual({ type: "cmp", attr: "name", op: "=", value });
      }),
    );
  });
});
