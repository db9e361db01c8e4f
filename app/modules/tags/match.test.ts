import { describe, expect, test } from "vitest";
import { editDistance, matchTags, TagTermIndex, type TagOption } from "./match.ts";

const option = (id: number, nameZh: string, synonyms: string[] = [], extra: Partial<TagOption> = {}): TagOption => ({
  id,
  nameZh,
  nameEn: null,
  groupName: "服务领域",
  groupNameEn: "Service domain",
  synonyms,
  status: "ACTIVE",
  ...extra,
});

const OPTIONS = [
  option(1, "助餐", ["老年助餐", "长者食堂", "送餐上门"], { nameEn: "Meal services for older people" }),
  option(2, "长者照护", ["日间照料", "喘息服务"]),
  option(3, "老年人", ["老人", "长者"]),
  option(4, "独居老人", ["空巢老人"]),
  option(5, "热线", [], { status: "DEPRECATED" }),
  option(6, "心理健康", ["心理咨询", "心理疏导"]),
];

describe("matchTags (type-ahead)", () => {
  test("exact name first, then prefix, then synonyms, then substrings", () => {
    expect(matchTags(OPTIONS, "老年").map((m) => m.tag.nameZh)).toEqual(["老年人", "助餐"]);
    expect(matchTags(OPTIONS, "长者").map((m) => [m.tag.nameZh, m.via])).toEqual([
      ["长者照护", null],
      ["老年人", "长者"],
      ["助餐", "长者食堂"],
    ]);
  });

  test("English names, full-width input and case do not matter", () => {
    expect(matchTags(OPTIONS, "ＭＥＡＬ")[0]).toMatchObject({ tag: { id: 1 }, via: "Meal services for older people" });
  });

  test("deprecated and already chosen tags are not offered; free text matches nothing", () => {
    expect(matchTags(OPTIONS, "热线")).toEqual([]);
    expect(matchTags(OPTIONS, "老人", { exclude: new Set([3]) }).map((m) => m.tag.id)).toEqual([4]);
    expect(matchTags(OPTIONS, "宠物寄养")).toEqual([]);
    expect(matchTags(OPTIONS, "   ")).toEqual([]);
  });
});

describe("TagTermIndex", () => {
  const index = new TagTermIndex([
    { id: 1, nameZh: "助餐", nameEn: "Meals", status: "ACTIVE", mergedIntoId: null, synonyms: ["长者食堂", "老年助餐"] },
    { id: 2, nameZh: "纠纷化解", nameEn: null, status: "MERGED", mergedIntoId: 3, synonyms: [] },
    { id: 3, nameZh: "矛盾调处", nameEn: null, status: "ACTIVE", mergedIntoId: null, synonyms: ["纠纷化解", "人民调解"] },
    { id: 4, nameZh: "心理健康", nameEn: null, status: "ACTIVE", mergedIntoId: null, synonyms: ["心理咨询"] },
    { id: 5, nameZh: "热线", nameEn: null, status: "DEPRECATED", mergedIntoId: null, synonyms: [] },
  ]);

  test("names, English names and synonyms resolve; merged names resolve to the survivor", () => {
    expect(index.lookup("长者食堂")).toMatchObject({ tagId: 1 });
    expect(index.lookup(" meals ")).toMatchObject({ tagId: 1 });
    expect(index.lookup("纠纷化解")).toMatchObject({ tagId: 3, nameZh: "矛盾调处" });
    expect(index.lookup("热线")).toMatchObject({ status: "DEPRECATED" });
    expect(index.lookup("宠物")).toBeUndefined();
  });

  test("the closest known tag for typos and longer or shorter wordings, never a deprecated one", () => {
    expect(index.closest("长者食掌")).toEqual({ nameZh: "助餐", via: "长者食堂" }); // one wrong character
    expect(index.closest("社区助餐服务")).toEqual({ nameZh: "助餐", via: null }); // contains a tag name
    expect(index.closest("心理")).toEqual({ nameZh: "心理健康", via: null }); // contained in one
    expect(index.closest("人民调解员")).toEqual({ nameZh: "矛盾调处", via: "人民调解" });
    expect(index.closest("热线电话")).toBeNull();
    expect(index.closest("宠物寄养")).toBeNull();
  });

  test("edit distance counts Chinese characters, not bytes", () => {
    expect(editDistance("长者食堂", "长者食掌")).toBe(1);
    expect(editDistance("", "助餐")).toBe(2);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});
