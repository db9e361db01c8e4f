// Matching journeys in a real browser against the production build and the demo data:
// - a street office drafts a need (a live count of eligible organizations while it sets the rules), publishes it,
//   opens 匹配机构, narrows to Pudong and invites an organization straight from the list; the organization sees the
//   invitation;
// - an organization opens 推荐项目, goes on to the needs search, saves a search; the buyer publishes a new matching
//   need; the organization is notified.
import type { Browser, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, expectAccessible, logIn, screenshot, test } from "./fixtures.ts";

const SHANGHAI = 8 * 3600_000;
const DAY = 86_400_000;
const shanghaiInput = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 16);

async function newSession(browser: Browser, email: string, viewport?: { width: number; height: number }) {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  await logIn(page, email);
  return page;
}

/** Posts an elder-meal need through the form (starting from the catalog) and returns its id. */
async function postNeed(buyer: Page, title: string, options: { checkLiveCount?: boolean } = {}) {
  await buyer.goto("/workspace/needs/new");
  await buyer.getByRole("radio", { name: /社区长者食堂运营/ }).check();
  await buyer.getByRole("button", { name: "下一步：填写需求" }).click();
  await buyer.getByLabel("项目名称").fill(title);
  await buyer.getByLabel("项目概述").fill("为辖区高龄、独居老人提供午餐堂食和送餐上门服务。");
  await buyer.getByLabel("服务内容与要求").fill("每日供应午餐约 120 份，其中送餐上门 40 份；建立服务台账和满意度回访。");
  const deadline = Date.now() + 5 * DAY;
  await buyer.getByLabel("提问截止时间").fill(shanghaiInput(deadline - DAY));
  await buyer.getByLabel("投标截止时间").fill(shanghaiInput(deadline));
  if (options.checkLiveCount) {
    const live = buyer.getByTestId("live-eligible-count");
    await expect(live).toContainText(/约有 [\d,]+ 家已认证机构可以投标/);
    const before = Number((await live.textContent())!.replace(/[^\d]/g, ""));
    // Rules too strict show at once: 5A only, and every qualification.
    await buyer.getByLabel("最低评估等级").selectOption({ label: "5A 及以上" });
    await buyer.getByRole("checkbox", { name: "公益性捐赠税前扣除资格" }).check();
    await expect(async () => {
      const after = Number((await live.textContent())!.replace(/[^\d]/g, ""));
      expect(after).toBeLessThan(before);
    }).toPass();
    await expectAccessible(buyer);
    await screenshot(buyer, "matching-live-count-zh-desktop");
    await buyer.getByLabel("最低评估等级").selectOption({ label: "不限" });
    await buyer.getByRole("checkbox", { name: "公益性捐赠税前扣除资格" }).uncheck();
  }
  await buyer.getByRole("button", { name: "发布", exact: true }).click();
  await expect(buyer.locator(".toast")).toContainText("项目已发布");
  return Number(/\/workspace\/needs\/(\d+)/.exec(buyer.url())?.[1]);
}

test("匹配机构 → invite → the organization sees the invitation", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `潍坊路长者助餐服务（匹配测试${Date.now() % 100000}）`;
  const buyer = await newSession(browser, DEMO_ACCOUNTS.buyer);
  const needId = await postNeed(buyer, title, { checkLiveCount: true });

  await buyer.getByRole("link", { name: "匹配机构" }).click();
  await expect(buyer.getByRole("heading", { level: 2, name: "匹配机构" })).toBeVisible();
  await expect(buyer.getByText(/按当前资格条件，共 [\d,]+ 家机构符合/)).toBeVisible();
  const first = buyer.locator(".match-list > li").first();
  await expect(first.getByRole("list", { name: "匹配理由" })).toContainText("服务标签相符");
  await expectAccessible(buyer);
  await screenshot(buyer, "matching-buyer-zh-desktop");

  // Narrow to organizations serving Pudong, and invite one straight from the list.
  await buyer.getByLabel("服务区域").selectOption({ label: "浦东新区" });
  await buyer.getByRole("button", { name: "应用" }).click();
  await expect(buyer).toHaveURL(/district=310115/);
  const yijia = buyer.locator(".match-list > li").filter({ hasText: "上海浦东新区益家社会工作服务社" });
  await expect(yijia).toContainText("服务区域包括徐汇区");
  await yijia.getByRole("button", { name: "邀请“上海浦东新区益家社会工作服务社”投标" }).click();
  await expect(buyer.locator(".toast")).toContainText("已邀请“上海浦东新区益家社会工作服务社”投标");
  await expect(yijia.getByText("已邀请")).toBeVisible();

  const org2 = await newSession(browser, DEMO_ACCOUNTS.org2);
  await org2.goto("/workspace/invitations");
  await expect(org2.getByRole("link", { name: title })).toBeVisible();
  await org2.goto("/notifications");
  await expect(org2.getByText(title).first()).toBeVisible();

  // English, and a phone.
  await buyer.getByRole("button", { name: "切换为英文" }).click();
  await buyer.goto(`/workspace/needs/${needId}/matches`);
  await expect(buyer.getByRole("heading", { level: 2, name: "Matching organizations" })).toBeVisible();
  await expect(buyer.locator(".match-list").first()).toContainText("Matching service tags");
  await expectAccessible(buyer);
  await screenshot(buyer, "matching-buyer-en-desktop");
  await buyer.getByRole("button", { name: "Switch to Chinese" }).click();
  const phone = await newSession(browser, DEMO_ACCOUNTS.buyer, { width: 390, height: 844 });
  await phone.goto(`/workspace/needs/${needId}/matches`);
  await expect(phone.locator(".match-list > li").first()).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(phone);
  await screenshot(phone, "matching-buyer-zh-phone");
});

test("推荐项目 → save search → new need → notification", async ({ browser }) => {
  test.setTimeout(180_000);
  const org = await newSession(browser, DEMO_ACCOUNTS.org);
  await org.getByRole("link", { name: "推荐项目" }).first().click();
  await expect(org.getByRole("heading", { level: 1, name: "推荐项目" })).toBeVisible();
  await expect(org.locator(".match-list > li").first().getByRole("list", { name: "匹配理由" })).toBeVisible();
  await expect(org.getByRole("heading", { name: "扩大可投标的项目范围" })).toBeVisible();
  await expectAccessible(org);
  await screenshot(org, "matching-recommended-zh-desktop");

  await org.getByRole("link", { name: "浏览全部项目" }).first().click();
  await expect(org).toHaveURL(/\/needs/);
  await org.goto("/needs?q=%E5%8A%A9%E9%A4%90&district=310104");
  await org.getByRole("button", { name: "保存搜索" }).click();
  await expect(org.locator(".toast")).toContainText("已保存搜索“助餐”");
  await expect(org.getByRole("heading", { level: 1, name: "保存的搜索与提醒" })).toBeVisible();
  await expect(org.getByRole("link", { name: "助餐", exact: true })).toBeVisible();
  await expectAccessible(org);
  await screenshot(org, "matching-saved-searches-zh-desktop");

  const title = `枫林路街道助餐点运营（提醒测试${Date.now() % 100000}）`;
  const buyer = await newSession(browser, DEMO_ACCOUNTS.buyer);
  await postNeed(buyer, title);

  // The alert is made by the outbox worker (every second) on the server.
  await expect(async () => {
    await org.goto("/notifications");
    await expect(org.getByText(`有新项目符合您保存的搜索“助餐”：${title}`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await screenshot(org, "matching-alert-notification-zh-desktop");

  await org.getByRole("button", { name: "切换为英文" }).click();
  await org.goto("/workspace/recommended");
  await expect(org.getByRole("heading", { level: 1, name: "Recommended needs" })).toBeVisible();
  await expectAccessible(org);
  await screenshot(org, "matching-recommended-en-desktop");
  await org.getByRole("button", { name: "Switch to Chinese" }).click();
  const phone = await newSession(browser, DEMO_ACCOUNTS.org, { width: 390, height: 844 });
  await phone.goto("/workspace/recommended");
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(phone);
  await screenshot(phone, "matching-recommended-zh-phone");
});

test("an unsubscribe link works without logging in", async ({ page }) => {
  await page.goto("/alerts/unsubscribe/not-a-valid-token-at-all-xyz");
  await expect(page.getByText("退订链接无效或已失效。")).toBeVisible();
  await expectAccessible(page);
});
