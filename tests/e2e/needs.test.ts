// The whole life of a need, in a real browser, with a real (short) bid deadline:
// a street office posts a cross-district need; an organization from Pudong asks a question, saves the need, bids
// and changes its bid; a 4A organization is refused with the reasons (the need asks for 5A); the buyer cannot
// see the bid before the deadline; after it the buyer scores, awards, records the contract, completes and rates;
// the winner sees its outcome and rating, and its public profile shows the review.
import type { Browser, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, expectAccessible, logIn, screenshot, test } from "./fixtures.ts";

const SHANGHAI = 8 * 3600_000;
/** A Shanghai wall-clock value for a datetime-local input, with seconds. */
const shanghaiInput = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 19);

/** How far the page scrolls sideways, and the elements that stick out (for the failure message). */
async function horizontalOverflow(page: Page) {
  await expect(page.locator(".progress-bar")).toHaveCount(0); // the loading bar slides beyond the edge while it runs
  return page.evaluate(() => {
    const extra = document.documentElement.scrollWidth - window.innerWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${getComputedStyle(el).position})`)
      .slice(0, 8);
    return extra > 0 ? { extra, culprits } : { extra: 0, culprits: [] };
  });
}

async function newSession(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  page.on("dialog", (dialog) => dialog.accept());
  await logIn(page, email);
  return page;
}

async function expectToast(page: Page, text: string | RegExp) {
  await expect(page.locator(".toast")).toContainText(text);
}

test("a need from posting to rating: sealed bids, a real deadline, award, delivery and track record", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = `枫林路街道长者助餐服务（测试${Date.now() % 100000}）`;
  const buyer = await newSession(browser, DEMO_ACCOUNTS.buyer);

  // ── the street office posts the need, starting from the catalog ──
  await buyer.goto("/workspace/needs/new");
  await expect(buyer.getByRole("heading", { level: 1, name: "发布服务需求" })).toBeVisible();
  await expectAccessible(buyer);
  await screenshot(buyer, "need-new-catalog-zh-desktop");
  await buyer.getByRole("radio", { name: /社区长者食堂运营/ }).check();
  await buyer.getByRole("button", { name: "下一步：填写需求" }).click();
  await expect(buyer.getByLabel("项目目录")).toHaveValue(/\d+/);
  // The catalog item proposed its tags and a typical budget; cross-district is on by default.
  await expect(buyer.getByRole("button", { name: "移除标签 助餐" })).toBeVisible();
  await expect(buyer.getByLabel("预算（元）")).toHaveValue("550000");
  await expect(buyer.getByRole("checkbox", { name: /跨区开放/ })).toBeChecked();

  // Publishing an incomplete need explains what is missing, field by field.
  await buyer.getByLabel("项目名称").fill(title);
  await buyer.getByRole("button", { name: "发布", exact: true }).click();
  const summary = buyer.getByRole("alert").filter({ hasText: "提交未成功" });
  await expect(summary).toContainText("项目概述");
  await expect(summary).toContainText("服务内容与要求");
  await expectAccessible(buyer);
  await screenshot(buyer, "need-form-errors-zh-desktop");

  await buyer.getByLabel("项目概述").fill("为枫林路街道高龄、独居老人提供午餐堂食和送餐上门服务。");
  await buyer
    .getByLabel("服务内容与要求")
    .fill("## 服务内容\n\n- 每日供应午餐约 120 份，其中送餐上门 40 份\n- 建立服务台账和满意度回访\n\n## 服务要求\n\n持有食品经营许可证，配备持证社工。");
  // The tag type-ahead finds tags by synonym ("失智" → 认知症照护); Enter picks the only match.
  await buyer.getByPlaceholder(/输入关键词查找标签/).fill("失智");
  await expect(buyer.getByRole("checkbox", { name: "认知症照护", exact: true })).toBeVisible();
  await expect(buyer.getByRole("checkbox", { name: "儿童服务", exact: true })).toBeHidden();
  await buyer.getByPlaceholder(/输入关键词查找标签/).press("Enter");
  await expect(buyer.getByRole("button", { name: "移除标签 认知症照护" })).toBeVisible();
  await buyer.getByLabel("最低评估等级").selectOption({ label: "5A 及以上" });
  const bidDeadline = Date.now() + 130_000;
  await buyer.getByLabel("提问截止时间").fill(shanghaiInput(bidDeadline - 20_000));
  await buyer.getByLabel("投标截止时间").fill(shanghaiInput(bidDeadline));
  await expect(buyer.getByText("权重合计 100 / 100")).toBeVisible();
  await screenshot(buyer, "need-form-filled-zh-desktop");
  await buyer.getByRole("button", { name: "发布", exact: true }).click();
  await expectToast(buyer, "项目已发布");
  const needId = Number(/\/workspace\/needs\/(\d+)/.exec(buyer.url())?.[1]);
  expect(needId).toBeGreaterThan(0);
  await expect(buyer.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // ── an organization from another district (Pudong) reads the notice, asks, saves and bids ──
  const org2 = await newSession(browser, DEMO_ACCOUNTS.org2);
  await org2.goto(`/needs/${needId}`);
  await expect(org2.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(org2.locator(".page-header .badge", { hasText: "跨区开放" })).toBeVisible();
  await expect(org2.getByText("贵机构符合本项目的全部资格条件。")).toBeVisible();
  await org2.getByLabel("向采购单位提问").fill("送餐上门的老人名单由居委会提供吗？");
  await org2.getByRole("button", { name: "提交问题" }).click();
  await expectToast(org2, "问题已提交");
  await expect(org2.getByText("贵机构待答复的提问")).toBeVisible();
  await org2.getByRole("button", { name: "收藏" }).click();
  await expectToast(org2, "已收藏");
  await expectAccessible(org2);
  await screenshot(org2, "need-notice-org-zh-desktop");

  await org2.getByRole("link", { name: "投标", exact: true }).click();
  await expect(org2.getByRole("heading", { level: 1, name: "投标" })).toBeVisible();
  await expect(org2.getByText(/投标截止前，投标内容只有贵机构可以查看/)).toBeVisible();
  await org2.getByLabel("报价（元）").fill("498,000");
  await org2
    .getByLabel("服务方案")
    .fill("设中央厨房一处、助餐点两处；配送员 4 名，每日 10:30 前完成送餐；每月满意度回访，季度提交服务报告。");
  await org2.getByLabel("成员 1 姓名").fill("刘敏");
  await org2.getByLabel("岗位").first().fill("项目主管");
  await org2.getByRole("checkbox", { name: "持证社工" }).first().check();
  await org2.getByRole("button", { name: "添加成员" }).click();
  await org2.getByLabel("成员 2 姓名").fill("周强");
  await org2.getByLabel("岗位").nth(1).fill("配送协调");
  await expect(org2.getByText("共 2 人，其中持证社工 1 人")).toBeVisible();
  await expectAccessible(org2);
  await screenshot(org2, "bid-form-zh-desktop");
  await org2.getByRole("button", { name: "提交投标" }).click();
  await expectToast(org2, "投标已提交");
  // …and changes it before the deadline.
  await org2.getByLabel("报价（元）").fill("486000");
  await org2.getByRole("button", { name: "保存修改" }).click();
  await expectToast(org2, "投标已修改");
  await expect(org2.locator("section[aria-labelledby=mine-title] dl.facts")).toContainText("48.6 万元");

  // ── the 4A demo organization is refused, with the reason ──
  const org = await newSession(browser, DEMO_ACCOUNTS.org);
  await org.goto(`/needs/${needId}/bid`);
  const refusal = org.getByRole("alert").filter({ hasText: "贵机构暂不符合本项目的投标资格条件" });
  await expect(refusal).toContainText("本项目要求社会组织评估等级达到 5A 及以上，贵机构为 4A。");
  await expect(org.getByRole("button", { name: "提交投标" })).toHaveCount(0);
  await expectAccessible(org);
  await screenshot(org, "bid-refused-zh-desktop");

  // ── before the deadline the buyer sees a count, never the bid ──
  await buyer.goto(`/workspace/needs/${needId}/evaluation`);
  await expect(buyer.getByText("投标密封中")).toBeVisible();
  await expect(buyer.getByText("目前已收到 1 份投标。")).toBeVisible();
  const sealedText = await buyer.locator("main").innerText();
  expect(sealedText).not.toContain("益家");
  expect(sealedText).not.toContain("486");
  expect(sealedText).not.toContain("中央厨房");
  await screenshot(buyer, "evaluation-sealed-zh-desktop");
  // The buyer answers the question; the answer becomes public without the asker.
  await buyer.getByRole("navigation", { name: "项目管理" }).getByRole("link", { name: /答疑/ }).click();
  await buyer.getByLabel("答复问题 1").fill("名单由各居委会提供，街道每月更新一次。");
  await buyer.getByRole("button", { name: "发布答复" }).click();
  await expectToast(buyer, "答复已公开发布");

  // ── wait for the real deadline ──
  await buyer.waitForTimeout(Math.max(0, bidDeadline - Date.now() + 1500));
  await org2.goto(`/needs/${needId}/bid`);
  await expect(org2.getByText("本项目已不接受投标")).toBeVisible();
  await expect(org2.getByRole("button", { name: "保存修改" })).toHaveCount(0);

  // ── evaluation: score, shortlist, award ──
  await buyer.goto(`/workspace/needs/${needId}/evaluation`);
  await expect(buyer.getByRole("heading", { name: "评分表（1 份投标）" })).toBeVisible();
  const orgName = "上海浦东新区益家社会工作服务社";
  await buyer.getByLabel(`${orgName}：价格得分`).fill("90");
  await buyer.getByLabel(`${orgName}：服务方案得分`).fill("85");
  await buyer.getByLabel(`${orgName}：过往业绩得分`).fill("88");
  await expect(buyer.locator("tbody tr").first()).toContainText("87.10");
  await buyer.getByRole("checkbox", { name: `${orgName} 入围` }).check();
  await expectAccessible(buyer);
  await screenshot(buyer, "evaluation-table-zh-desktop");
  await buyer.getByRole("button", { name: "保存评分" }).click();
  await expectToast(buyer, "评分已保存");
  await buyer.getByRole("button", { name: "确定成交并公告" }).click();
  await expectToast(buyer, "已确定成交机构");

  // ── delivery: contract, acceptance, rating ──
  await expect(buyer.getByRole("heading", { name: "登记合同" })).toBeVisible();
  await expect(buyer.getByLabel("合同金额")).toHaveValue("486000");
  await buyer.getByRole("button", { name: "保存合同" }).click();
  await expectToast(buyer, "合同已登记");
  await buyer.getByRole("radio", { name: "验收合格" }).check();
  await buyer.getByLabel("验收意见").fill("按合同完成全部送餐和堂食服务，台账齐全。");
  await buyer.getByRole("radio", { name: "5 星", exact: true }).check();
  await buyer.getByLabel("评价内容").fill("送餐准时，老人满意度高，服务记录规范。");
  await expectAccessible(buyer);
  await screenshot(buyer, "contract-complete-zh-desktop");
  await buyer.getByRole("button", { name: "保存验收与评价" }).click();
  await expectToast(buyer, "验收与评价已保存");
  await expect(buyer.locator("main")).toContainText("5 星");

  // ── the winner sees the outcome and the rating; the public notice shows the result ──
  await org2.goto("/workspace/bids");
  const card = org2.locator(".bid-cards > li").filter({ hasText: title });
  await expect(card).toContainText("贵机构成交");
  await expect(card).toContainText("综合得分 87.10 分，排名第 1（共 1 家）");
  await expect(card).toContainText("验收合格");
  await expect(card).toContainText("5 星");
  await expectAccessible(org2);
  await screenshot(org2, "my-bids-zh-desktop");
  await org2.goto("/notifications");
  await expect(org2.getByText(`恭喜！“${title}”已确定由贵机构成交`)).toBeVisible();

  await org2.goto(`/needs/${needId}`);
  const result = org2.locator("#result");
  await expect(result).toContainText(orgName);
  await expect(result).toContainText("验收合格");
  await expect(org2.locator("#questions")).toContainText("名单由各居委会提供");
  await screenshot(org2, "need-notice-completed-zh-desktop");
  // The winner's public profile carries the delivery into its track record.
  await result.getByRole("link", { name: orgName }).click();
  await expect(org2).toHaveURL(/\/orgs\/\d+$/);
  const reviews = org2.locator("main");
  await expect(reviews).toContainText(title);
  await expect(reviews).toContainText("送餐准时，老人满意度高，服务记录规范。");
  await expectAccessible(org2);
});

test("the notice, the bid form and the evaluation table read well in English and on a phone", async ({ browser }) => {
  test.setTimeout(120_000);
  const buyerContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 390, height: 844 } });
  const buyer = await buyerContext.newPage();
  buyer.on("dialog", (dialog) => dialog.accept());
  await logIn(buyer, DEMO_ACCOUNTS.buyer);
  // A seeded need under evaluation (the demo buyer has one in every stage).
  await buyer.goto("/workspace/needs?tab=evaluate");
  await buyer.locator("tbody tr").filter({ hasText: "评审中" }).first().getByRole("link").click();
  await expect(buyer).toHaveURL(/\/workspace\/needs\/\d+$/);
  await buyer.getByRole("navigation", { name: "项目管理" }).getByRole("link", { name: "评审", exact: true }).click();
  await expect(buyer.getByRole("heading", { name: /评分表/ })).toBeVisible();
  // Wide tables scroll inside their card; the page itself never scrolls sideways.
  expect(await horizontalOverflow(buyer)).toEqual({ extra: 0, culprits: [] });
  await expectAccessible(buyer);
  await screenshot(buyer, "evaluation-table-zh-phone");
  await buyer.getByRole("button", { name: "切换为英文" }).click();
  await expect(buyer.getByRole("heading", { name: /Scores/ })).toBeVisible();
  await screenshot(buyer, "evaluation-table-en-phone");
  await buyer.goto("/workspace/needs/new?catalog=YL-01");
  await expect(buyer.getByRole("heading", { level: 1, name: "Post a service need" })).toBeVisible();
  await expectAccessible(buyer);
  await screenshot(buyer, "need-form-en-phone");

  const orgContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 390, height: 844 } });
  const org2 = await orgContext.newPage();
  await logIn(org2, DEMO_ACCOUNTS.org2);
  await org2.goto("/");
  await org2.locator(".listing h3 a").first().click();
  await expect(org2.locator("h1")).toBeVisible();
  expect(await horizontalOverflow(org2)).toEqual({ extra: 0, culprits: [] });
  await expectAccessible(org2);
  await screenshot(org2, "need-notice-zh-phone");
  await org2.getByRole("button", { name: "切换为英文" }).click();
  await expect(org2.getByRole("heading", { name: "Who may bid" })).toBeVisible();
  await screenshot(org2, "need-notice-en-phone");
  const bidLink = org2.getByRole("link", { name: /^(Bid|My bid)$/ });
  if ((await bidLink.count()) > 0) {
    await bidLink.first().click();
    await expect(org2.getByRole("heading", { level: 1, name: "Bid" })).toBeVisible();
    await expectAccessible(org2);
    await screenshot(org2, "bid-form-en-phone");
  }
});

test("without JavaScript a clerk can still save a draft and see what publishing needs", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", javaScriptEnabled: false });
  const page = await context.newPage();
  await logIn(page, DEMO_ACCOUNTS.buyer);
  await page.goto("/workspace/needs/new");
  await page.getByRole("radio", { name: /社区长者食堂运营/ }).check();
  await page.getByRole("button", { name: "下一步：填写需求" }).click();
  await page.getByLabel("项目名称").fill("无脚本草稿：长者助餐");
  // Turning cross-district off without a reason is refused on publish, with the field named.
  await page.getByRole("checkbox", { name: /跨区开放/ }).uncheck();
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "提交未成功" })).toContainText("不跨区开放的理由");
  // The submitted choices survive the round trip.
  await expect(page.getByRole("checkbox", { name: "助餐", exact: true })).toBeChecked();
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "无脚本草稿：长者助餐" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "发布前检查" })).toBeVisible();
  await expect(page.locator("main")).toContainText("项目概述");
});

test("pages of needs refuse the wrong people", async ({ browser, request }) => {
  // Anonymous users are sent to log in; other roles get 403; unknown and non-numeric ids are 404, never 500.
  const anonymous = await request.get("/workspace/needs/new", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect((await request.get("/needs/999999999")).status()).toBe(404);
  expect((await request.get("/needs/abc")).status()).toBe(404);
  const org = await newSession(browser, DEMO_ACCOUNTS.org);
  expect((await org.goto("/workspace/needs/new"))?.status()).toBe(403);
  expect((await org.goto("/workspace/needs/1/evaluation"))?.status()).toBe(403);
  const buyer2 = await newSession(browser, "buyer2@duijie.demo");
  // Need 1 belongs to the Xuhui street office, not to buyer2's Pudong bureau.
  expect((await buyer2.goto("/workspace/needs/1"))?.status()).toBe(404);
  expect((await buyer2.goto("/needs/1/bid"))?.status()).toBe(403);
});
