import { describe, expect, test } from "vitest";
import { rankOf, totalScore } from "#app/modules/bids/scoring.ts";
import { renderMarkdown } from "./markdown.server.ts";
import { isOpenForQuestions, needPhase } from "./phase.ts";
import { amendmentRefusal, changedFields, criteriaWeightSum, isMaterialChange, publishIssues, type NeedDraft } from "./rules.ts";
import { draftFromFields, needFormSchema } from "./schemas.ts";
import {
  addYears,
  endOfShanghaiDay,
  parseDateOnly,
  parseShanghaiDateTime,
  shanghaiDateOf,
  toDateInput,
  toShanghaiDateTimeInput,
} from "./time.ts";

const NOW = new Date("2026-12-01T02:00:00Z"); // 10:00 Shanghai
const DAY = 24 * 3600_000;

function draft(overrides: Partial<NeedDraft> = {}): NeedDraft {
  return {
    title: "枫林路街道长者助餐服务",
    summary: "为辖区高龄独居老人提供午餐配送和堂食服务。",
    description: "服务内容：每日为约 120 名高龄、独居老人提供午餐，其中 40 人送餐上门；建立服务台账和满意度回访。",
    catalogItemId: null,
    tagIds: [1, 2],
    districtCodes: ["310104"],
    streetCodes: ["310104011"],
    crossDistrict: true,
    crossDistrictReason: "",
    budget: 480_000,
    method: "OPEN_TENDER",
    minGrade: null,
    allowedKinds: [],
    requiredQualifications: [],
    minYearsRegistered: null,
    minSocialWorkers: null,
    communityPriority: false,
    enquiryDeadline: new Date(NOW.getTime() + 7 * DAY),
    bidDeadline: new Date(NOW.getTime() + 10 * DAY),
    servicePeriodStart: new Date("2027-01-01T00:00:00Z"),
    servicePeriodEnd: new Date("2027-12-31T00:00:00Z"),
    criteria: [
      { name: "价格", kind: "PRICE", weight: 30, description: "" },
      { name: "服务方案", kind: "TECHNICAL", weight: 50, description: "" },
      { name: "过往业绩", kind: "TRACK_RECORD", weight: 20, description: "" },
    ],
    contactName: "李老师",
    contactPhone: "021-54030000",
    ...overrides,
  };
}

const keys = (d: NeedDraft, context = {}) => publishIssues(d, NOW, context).map((i) => i.key);

describe("Shanghai time", () => {
  test("datetime-local values are Shanghai wall-clock time, with or without seconds", () => {
    expect(parseShanghaiDateTime("2026-12-10T17:00")?.toISOString()).toBe("2026-12-10T09:00:00.000Z");
    expect(parseShanghaiDateTime("2026-12-10T17:00:30")?.toISOString()).toBe("2026-12-10T09:00:30.000Z");
    expect(parseShanghaiDateTime("2026-02-30T10:00")).toBeNull();
    expect(parseShanghaiDateTime("2026-12-10T24:00")).toBeNull();
    expect(parseShanghaiDateTime("tomorrow")).toBeNull();
    expect(toShanghaiDateTimeInput(new Date("2026-12-10T09:00:00Z"))).toBe("2026-12-10T17:00");
    expect(toShanghaiDateTimeInput(new Date("2026-12-10T09:00:30Z"))).toBe("2026-12-10T17:00:30");
  });

  test("date-only values and calendar arithmetic", () => {
    expect(parseDateOnly("2027-01-01")?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(parseDateOnly("2027-13-01")).toBeNull();
    expect(toDateInput(new Date("2027-01-01T00:00:00Z"))).toBe("2027-01-01");
    // 23:30 UTC on 31 December is already 1 January in Shanghai.
    expect(shanghaiDateOf(new Date("2026-12-31T23:30:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(endOfShanghaiDay(new Date("2026-12-10T00:00:00Z")).toISOString()).toBe("2026-12-10T16:00:00.000Z");
    expect(addYears(new Date("2024-02-29T00:00:00Z"), 1).toISOString()).toBe("2025-03-01T00:00:00.000Z");
  });
});

describe("the phase of a need, from its status and the clock", () => {
  const deadline = new Date("2026-12-10T09:00:00Z");
  const published = { status: "PUBLISHED" as const, bidDeadline: deadline, enquiryDeadline: new Date("2026-12-09T09:00:00Z") };
  test("open until the deadline instant; at and after it bidding is closed", () => {
    expect(needPhase(published, new Date(deadline.getTime() - 1000))).toBe("OPEN_FOR_BIDS");
    expect(needPhase(published, new Date(deadline.getTime() - 1))).toBe("OPEN_FOR_BIDS");
    expect(needPhase(published, deadline)).toBe("BIDDING_CLOSED");
    expect(needPhase(published, new Date(deadline.getTime() + 1))).toBe("BIDDING_CLOSED");
    expect(needPhase({ ...published, status: "CANCELLED" }, new Date(deadline.getTime() - 1000))).toBe("CANCELLED");
  });
  test("questions close at the question deadline, or with bidding", () => {
    expect(isOpenForQuestions(published, new Date("2026-12-09T08:59:59Z"))).toBe(true);
    expect(isOpenForQuestions(published, new Date("2026-12-09T09:00:00Z"))).toBe(false);
    expect(isOpenForQuestions({ ...published, enquiryDeadline: null }, new Date(deadline.getTime() - 1))).toBe(true);
    expect(isOpenForQuestions({ ...published, enquiryDeadline: null }, deadline)).toBe(false);
  });
});

describe("publication rules", () => {
  test("a complete need has no issues", () => {
    expect(publishIssues(draft(), NOW)).toEqual([]);
  });

  test("an empty draft lists everything that is missing, each on its field", () => {
    const empty = draft({
      title: "草稿",
      summary: "",
      description: "",
      tagIds: [],
      districtCodes: [],
      streetCodes: [],
      budget: null,
      enquiryDeadline: null,
      bidDeadline: null,
      servicePeriodStart: null,
      servicePeriodEnd: null,
      criteria: [],
    });
    const issues = publishIssues(empty, NOW);
    expect(issues.map((i) => i.path[0])).toEqual([
      "title",
      "summary",
      "description",
      "tagIds",
      "districtCodes",
      "budget",
      "bidDeadline",
      "enquiryDeadline",
      "servicePeriodStart",
      "criteria",
    ]);
  });

  test("turning cross-district off needs a public reason", () => {
    expect(keys(draft({ crossDistrict: false, crossDistrictReason: "" }))).toEqual(["needs.publish.crossDistrictReason"]);
    expect(keys(draft({ crossDistrict: false, crossDistrictReason: "需熟悉本街道老年人情况" }))).toEqual([]);
  });

  test("deadlines: in the future, questions close no later than bids, service starts after bidding", () => {
    expect(keys(draft({ bidDeadline: new Date(NOW.getTime() - 1000) }))).toContain("needs.publish.bidDeadlinePast");
    expect(keys(draft({ bidDeadline: NOW }))).toContain("needs.publish.bidDeadlinePast");
    expect(keys(draft({ enquiryDeadline: new Date(NOW.getTime() - 1) }))).toEqual(["needs.publish.enquiryDeadlinePast"]);
    expect(keys(draft({ enquiryDeadline: new Date(NOW.getTime() + 11 * DAY) }))).toEqual(["needs.publish.enquiryAfterBid"]);
    expect(keys(draft({ servicePeriodStart: new Date("2026-12-05T00:00:00Z") }))).toEqual(["needs.publish.periodBeforeDeadline"]);
    expect(keys(draft({ servicePeriodEnd: new Date("2026-12-31T00:00:00Z") }))).toEqual(["needs.publish.periodOrder"]);
    expect(keys(draft({ servicePeriodEnd: null }))).toEqual(["needs.publish.periodMissing"]);
  });

  test("an amendment may keep a question deadline that has passed, but not set a new past one", () => {
    const passed = new Date(NOW.getTime() - DAY);
    expect(keys(draft({ enquiryDeadline: passed }), { publishedEnquiryDeadline: passed })).toEqual([]);
    expect(keys(draft({ enquiryDeadline: passed }), { publishedEnquiryDeadline: new Date(NOW.getTime() - 2 * DAY) })).toEqual([
      "needs.publish.enquiryDeadlinePast",
    ]);
  });

  test("criteria: weights sum to exactly 100, names present and unique, each weight at least 1", () => {
    const c = draft().criteria;
    expect(keys(draft({ criteria: [c[0], c[1]] }))).toEqual(["needs.publish.criteriaSum"]);
    expect(publishIssues(draft({ criteria: [c[0], c[1]] }), NOW)[0].vars).toEqual({ sum: 80 });
    expect(keys(draft({ criteria: [{ ...c[0], weight: 50 }, { ...c[1], name: "价格" }] }))).toEqual(["needs.publish.criterionDuplicate"]);
    expect(keys(draft({ criteria: [{ ...c[0], weight: 100 }, { ...c[1], weight: 0 }] }))).toEqual(["needs.publish.criterionWeight"]);
    expect(keys(draft({ criteria: [{ ...c[0], name: " ", weight: 100 }] }))).toEqual(["needs.publish.criterionName"]);
    expect(criteriaWeightSum(c)).toBe(100);
  });

  test("invitation and single-source needs must invite before publishing (when the count is known)", () => {
    expect(keys(draft({ method: "INVITATION" }), { invitedCount: 0 })).toEqual(["needs.publish.invitationRequired"]);
    expect(keys(draft({ method: "INVITATION" }), { invitedCount: 2 })).toEqual([]);
    expect(keys(draft({ method: "SINGLE_SOURCE" }), { invitedCount: 2 })).toEqual(["needs.publish.singleSource"]);
    expect(keys(draft({ method: "SINGLE_SOURCE" }), { invitedCount: 1 })).toEqual([]);
    expect(keys(draft({ method: "INVITATION" }))).toEqual([]);
  });
});

describe("the posting form schema", () => {
  const form = (entries: Record<string, string | string[]>) => {
    const data: Record<string, unknown> = { title: "长者助餐", ...entries };
    return needFormSchema(NOW).safeParse(data);
  };

  test("a draft needs only a title; publishing reports every missing field as a message key", () => {
    expect(form({ intent: "save-draft" }).success).toBe(true);
    expect(form({}).success).toBe(true);
    // While typing after a first attempt to publish, the publication rules keep applying.
    expect(form({ validateFor: "publish" }).success).toBe(false);
    expect(form({ intent: "save-draft", validateFor: "publish" }).success).toBe(true);
    const result = form({ intent: "publish" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message.split("|")[0]) ?? [];
    expect(messages).toContain("needs.publish.budgetMissing");
    expect(messages).toContain("needs.publish.tagsMissing");
  });

  test("budgets are whole yuan; commas, spaces and a trailing 元 are accepted", () => {
    const parse = (budget: string) => needFormSchema(NOW).safeParse({ title: "长者助餐", budget });
    expect(parse("300,000").data?.budget).toBe(300_000);
    expect(parse("30 0000元").data?.budget).toBe(300_000);
    expect(parse("12.5").success).toBe(false);
    expect(parse("-5").success).toBe(false);
    expect(parse("9999999999").success).toBe(false);
  });

  test("streets must lie in the chosen districts", () => {
    const result = needFormSchema(NOW).safeParse({ title: "长者助餐", districtCodes: ["310104"], streetCodes: ["310115001"] });
    expect(result.error?.issues[0].message).toBe("needs.form.streetOutsideDistricts");
  });

  test("an amendment needs its public explanation", () => {
    const base = { ...fieldsOf(draft()), intent: "save-amendment" };
    expect(needFormSchema(NOW).safeParse(base).error?.issues.map((i) => i.message)).toEqual(["needs.amend.summaryRequired"]);
    expect(needFormSchema(NOW).safeParse({ ...base, amendmentSummary: "延长投标截止时间" }).success).toBe(true);
  });

  test("hostile input is refused by the schema, never passed on: control characters, ids beyond 32 bits, oversize lists", () => {
    const parse = (extra: Record<string, unknown>) => needFormSchema(NOW).safeParse({ title: "长者助餐", ...extra });
    expect(parse({ title: "长者\u0000助餐" }).error?.issues[0].message).toBe("needs.form.controlChars");
    expect(parse({ summary: "a\u001bb" }).success).toBe(false);
    expect(parse({ description: "第一行\n第二行\t缩进" }).success).toBe(true);
    expect(parse({ catalogItemId: 2 ** 31 }).success).toBe(false);
    expect(parse({ tagIds: Array.from({ length: 13 }, (_, i) => i + 1) }).success).toBe(false);
    expect(parse({ title: "长".repeat(101) }).success).toBe(false);
    expect(parse({ criteria: [{ name: "<script>alert(1)</script>", weight: 100 }] }).success).toBe(true); // stored as text, escaped when shown
    expect(parse({ method: "BRIBERY" }).success).toBe(false);
    expect(parse({ bidDeadline: "2026-12-01'; DROP TABLE \"Need\";--" }).success).toBe(false);
  });

  test("blank criterion rows are ignored", () => {
    const parsed = needFormSchema(NOW).parse({ title: "长者助餐", criteria: [{ name: "价格", weight: 100 }, { kind: "OTHER" }] });
    expect(draftFromFields(parsed).criteria).toEqual([{ name: "价格", kind: "OTHER", weight: 100, description: "" }]);
  });
});

/** A draft as typed form values (what zod parses). */
function fieldsOf(d: NeedDraft) {
  return {
    title: d.title,
    summary: d.summary,
    description: d.description,
    tagIds: d.tagIds,
    districtCodes: d.districtCodes,
    streetCodes: d.streetCodes,
    crossDistrict: d.crossDistrict,
    budget: String(d.budget),
    method: d.method,
    enquiryDeadline: toShanghaiDateTimeInput(d.enquiryDeadline),
    bidDeadline: toShanghaiDateTimeInput(d.bidDeadline),
    servicePeriodStart: toDateInput(d.servicePeriodStart),
    servicePeriodEnd: toDateInput(d.servicePeriodEnd),
    criteria: d.criteria,
  };
}

describe("amendments: what is material and when it may change", () => {
  const before = draft();

  test("changed fields are found; order of tags does not matter", () => {
    expect(changedFields(before, draft({ tagIds: [2, 1] }))).toEqual([]);
    expect(changedFields(before, draft({ title: "新标题", budget: 500_000 }))).toEqual(["title", "budget"]);
    expect(isMaterialChange(["title", "tagIds", "contactPhone"])).toBe(false);
    expect(isMaterialChange(["title", "budget"])).toBe(true);
  });

  test("well before the deadline any change may go out", () => {
    expect(amendmentRefusal(before, draft({ budget: 520_000 }), NOW)).toBeNull();
  });

  test("less than 3 days before the deadline a material change is refused…", () => {
    const close = draft({ bidDeadline: new Date(NOW.getTime() + 2 * DAY), enquiryDeadline: new Date(NOW.getTime() + DAY) });
    expect(amendmentRefusal(close, { ...close, budget: 520_000 }, NOW)?.key).toBe("needs.amend.tooLate");
    expect(amendmentRefusal(close, { ...close, minGrade: 3 }, NOW)?.key).toBe("needs.amend.tooLate");
    expect(amendmentRefusal(close, { ...close, description: close.description + "另需提供节假日送餐。" }, NOW)?.key).toBe("needs.amend.tooLate");
    // …but a title or contact correction is not material.
    expect(amendmentRefusal(close, { ...close, contactPhone: "021-54039999" }, NOW)).toBeNull();
    // …and moving the deadline out to 3 days or more makes the material change acceptable.
    const moved = { ...close, budget: 520_000, bidDeadline: new Date(NOW.getTime() + 3 * DAY) };
    expect(amendmentRefusal(close, moved, NOW)).toBeNull();
    const notFarEnough = { ...close, budget: 520_000, bidDeadline: new Date(NOW.getTime() + 3 * DAY - 1000) };
    expect(amendmentRefusal(close, notFarEnough, NOW)?.key).toBe("needs.amend.deadlineTooSoon");
  });

  test("a new bid deadline must leave 3 days even far from the old one; an unchanged edit is refused", () => {
    expect(amendmentRefusal(before, draft({ bidDeadline: new Date(NOW.getTime() + DAY) }), NOW)?.key).toBe("needs.amend.deadlineTooSoon");
    expect(amendmentRefusal(before, draft(), NOW)?.key).toBe("needs.amend.nothingChanged");
  });
});

describe("scores", () => {
  const criteria = [
    { id: 1, weight: 30 },
    { id: 2, weight: 50 },
    { id: 3, weight: 20 },
  ];
  test("the total is Σ score × weight / 100, exact to two decimals; null until every criterion is scored", () => {
    expect(totalScore(criteria, [{ criterionId: 1, score: 85 }, { criterionId: 2, score: 77 }, { criterionId: 3, score: 91 }])).toBe(82.2);
    expect(totalScore(criteria, [{ criterionId: 1, score: 33 }, { criterionId: 2, score: 33 }, { criterionId: 3, score: 33 }])).toBe(33);
    expect(totalScore(criteria, [{ criterionId: 1, score: 85 }, { criterionId: 2, score: 77 }])).toBeNull();
    expect(totalScore([], [])).toBeNull();
  });
  test("ranking: highest first, ties share a rank", () => {
    const totals = [90, 85.5, 90, null, 70];
    expect(totals.map((t) => rankOf(t, totals))).toEqual([1, 3, 1, null, 4]);
  });
});

describe("Markdown descriptions are rendered safely", () => {
  test("formatting is kept; headings are shifted below the page's own", () => {
    const html = renderMarkdown("# 服务内容\n\n- 每日**午餐**配送\n- 节假日不间断\n\n| 项目 | 数量 |\n| --- | --- |\n| 送餐 | 40 |");
    expect(html).toContain("<h3>服务内容</h3>");
    expect(html).toContain("<strong>午餐</strong>");
    expect(html).toContain("<li>");
    expect(html).toContain("<table>");
  });

  test("scripts, event handlers, styles, images, iframes and javascript: links are removed", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror="alert(2)"><iframe src="https://evil.example"></iframe><p style="color:red" onclick="x()">文字</p>\n\n[点我](javascript:alert(3)) [官网](https://mzj.sh.gov.cn)',
    );
    expect(html).not.toMatch(/script|onerror|onclick|iframe|<img|style=|javascript:/i);
    expect(html).toContain("文字");
    expect(html).toContain('<a href="https://mzj.sh.gov.cn" rel="nofollow noopener noreferrer">官网</a>');
  });

  test("empty input renders nothing", () => {
    expect(renderMarkdown("   ")).toBe("");
  });
});
