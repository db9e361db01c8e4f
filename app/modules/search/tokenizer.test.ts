import { describe, expect, it } from "vitest";
import { analyse, normalizeText, searchModeExtras, words } from "./tokenizer.server.ts";

describe("tokenizer (jieba, cut the way Meilisearch's charabia cuts Chinese)", () => {
  it("cuts with the dictionary, HMM off", () => {
    expect(words("社区长者食堂运营项目")).toEqual(["社区", "长者", "食堂", "运营", "项目"]);
    // Without HMM 助餐 is not a dictionary word: two one-character words, as in Meilisearch.
    expect(words("助餐")).toEqual(["助", "餐"]);
  });

  it("splits long words into dictionary pieces: bigram first, then trigram, then a character", () => {
    expect(words("老年人")).toEqual(["老年", "人"]);
    expect(words("认知障碍友好社区")).toEqual(["认知", "障碍", "友好", "社区"]);
    expect(words("人人生而自由")).toEqual(["人人", "生", "自由"]); // 而 is a stop word
    expect(words("待处理")).toEqual(["待处理"]); // 待处 is no word; the trigram is
  });

  it("puts jieba's search-mode words inside long words in the hidden field", () => {
    expect(searchModeExtras("待处理事项")).toEqual(["处理"]);
    expect(searchModeExtras("长者食堂")).toEqual([]);
  });

  it("normalizes full-width and case, keeps Latin words and numbers, drops punctuation and stop words", () => {
    expect(words("２０２５年ＩＴ助老培训（Rust）")).toEqual(["2025", "年", "it", "助老", "培训", "rust"]);
    expect(words("YL-01 的 居家养老")).toEqual(["yl", "01", "居家", "养老"]);
    expect(normalizeText("Ａ\uE000B")).toBe("ab");
  });

  it("reports offsets into the normalized text", () => {
    const text = normalizeText("老年人助餐");
    const { tokens } = analyse(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(["老年", "人", "助", "餐"]);
  });
});
