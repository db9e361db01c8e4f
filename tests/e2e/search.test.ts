// Journeys through the two search pages, as a new visitor would try them: search, facets, pagination, the page
// without JavaScript, the empty state, suggestions as you type, English, and a phone.
import { expect, expectAccessible, screenshot, test } from "./fixtures.ts";

test.describe("/needs", () => {
  test("shows open needs, newest first, by default", async ({ page }) => {
    await page.goto("/needs");
    await expect(page.getByRole("heading", { level: 1, name: "服务需求" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /共 \d+ 条结果/ })).toBeVisible();
    await expect(page.getByRole("radio", { name: /接受投标/ })).toBeChecked();
    const results = page.locator(".search-hits > li");
    expect(await results.count()).toBeGreaterThan(0);
    // Every result is open for bids and links to its detail page.
    for (const badge of await results.locator(".badge").filter({ hasText: /^(接受投标|投标截止|已成交|已完成|评审中|履约中|已取消|采购失败)$/ }).allInnerTexts()) {
      expect(badge).toBe("接受投标");
    }
    await expect(results.first().getByRole("link").first()).toHaveAttribute("href", /^\/needs\/\d+$/);
    const dates = await results.locator(".meta li", { hasText: "发布于" }).allInnerTexts();
    const sorted = [...dates].sort().reverse();
    expect(dates).toEqual(sorted);
    await expectAccessible(page);
    await screenshot(page, "needs-zh-desktop");
  });

  test("searches, highlights the words, and narrows with a facet", async ({ page }) => {
    await page.goto("/needs?phase=all");
    const box = page.getByRole("combobox", { name: "搜索" });
    await box.fill("助餐");
    await box.press("Enter");
    await expect(page).toHaveURL(/[?&]q=%E5%8A%A9%E9%A4%90/);
    const status = page.locator(".result-count");
    await expect(status).toContainText("“助餐”共");
    await expect(page.locator(".search-hits mark").first()).toBeVisible();

    // A district facet: the result count becomes the facet's count, and the URL records the choice.
    const xuhui = page.getByRole("checkbox", { name: /^徐汇区/ });
    const label = await page.locator("label.facet-option", { has: xuhui }).locator(".facet-option__count").innerText();
    await xuhui.check();
    await expect(page).toHaveURL(/district=310104/);
    await expect(status).toContainText(`共 ${label} 条结果`);
    for (const line of await page.locator(".search-hits > li > .muted").allInnerTexts()) expect(line).toContain("徐汇区");
    await expectAccessible(page);
    await screenshot(page, "needs-search-facet-zh-desktop");
  });

  test("paginates, keeping the search", async ({ page }) => {
    await page.goto("/needs?phase=all");
    const first = await page.locator(".search-hits > li h3").allInnerTexts();
    await page.getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/phase=all/);
    await expect(page.getByRole("navigation", { name: "分页" })).toContainText("第 2 页");
    const second = await page.locator(".search-hits > li h3").allInnerTexts();
    expect(second.length).toBeGreaterThan(0);
    expect(second.some((title) => first.includes(title))).toBe(false);
  });

  test("explains an empty result and suggests what to change", async ({ page }) => {
    await page.goto("/needs?q=%E9%A3%9E%E6%9C%BA%E7%BB%B4%E4%BF%AE&district=310104");
    await expect(page.getByRole("heading", { name: "没有找到符合条件的结果" })).toBeVisible();
    await expect(page.getByText("可以换一个说法")).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "needs-empty-zh-desktop");
    await page.goto("/needs?q=%E5%8A%A9%E9%A4%90&district=310151&budget=gte1m");
    await expect(page.getByRole("heading", { name: "没有找到符合条件的结果" })).toBeVisible();
    const suggestion = page.getByRole("link", { name: /去掉筛选条件（\d+ 条结果）/ });
    await expect(suggestion).toBeVisible();
    await suggestion.click();
    await expect(page.locator(".search-hits > li").first()).toBeVisible();
  });

  test("a malformed address still shows a page, naming what was ignored", async ({ page }) => {
    const response = await page.goto("/needs?page=abc&district=99&budget=lots&sort=random&tag=-3");
    expect(response?.status()).toBe(200);
    await expect(page.getByText(/部分筛选参数无效，已忽略/)).toContainText("page");
    await expect(page.locator(".search-hits > li").first()).toBeVisible();
  });

  test("suggests tags and needs as you type, by keyboard", async ({ page }) => {
    await page.goto("/needs");
    const box = page.getByRole("combobox", { name: "搜索" });
    await box.pressSequentially("认知", { delay: 60 });
    const list = page.getByRole("listbox", { name: "搜索建议" });
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    const options = list.getByRole("option");
    expect(await options.count()).toBeGreaterThan(1);
    await screenshot(page, "needs-suggestions-zh-desktop");
    await box.press("ArrowDown");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
    await box.press("Enter");
    await expect(page).toHaveURL(/\/needs(\?tag=\d+|\/\d+)$/);
  });
});

test.describe("/orgs", () => {
  test("lists verified organizations and filters by grade, kind and qualification", async ({ page }) => {
    await page.goto("/orgs");
    await expect(page.getByRole("heading", { level: 1, name: "社会组织名录" })).toBeVisible();
    await expect(page.locator(".search-hits > li").first()).toBeVisible();
    await page.getByRole("radio", { name: /^4A 及以上/ }).check();
    await expect(page).toHaveURL(/grade=4/);
    for (const badge of await page.locator(".search-hits .badge--primary").allInnerTexts()) expect(["4A", "5A"]).toContain(badge);
    await page.getByRole("checkbox", { name: /^社会服务机构/ }).check();
    await expect(page).toHaveURL(/kind=SOCIAL_SERVICE/);
    await page.getByRole("checkbox", { name: /^非营利组织免税资格/ }).check();
    await expect(page).toHaveURL(/qual=TAX_EXEMPT/);
    await expect(page.locator(".search-hits > li").first()).toBeVisible();
    for (const item of await page.locator(".search-hits > li").allInnerTexts()) {
      expect(item).toContain("社会服务机构");
      expect(item).toContain("非营利组织免税资格");
    }
    await expectAccessible(page);
    await screenshot(page, "orgs-filters-zh-desktop");
  });

  test("finds an organization by the words people use (synonyms) and highlights them", async ({ page }) => {
    await page.goto("/orgs?q=%E9%95%BF%E8%80%85%E9%A3%9F%E5%A0%82");
    await expect(page.locator(".result-count")).toContainText("“长者食堂”共");
    await expect(page.locator(".search-hits > li").first()).toBeVisible();
    await expect(page.getByRole("link", { name: /乐龄长者关爱服务中心/ })).toBeVisible();
  });

  test("works without JavaScript: a plain GET form", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto("/orgs");
    await page.getByRole("combobox", { name: "搜索" }).fill("养老");
    await page.getByRole("checkbox", { name: /^只看社区社会组织/ }).check();
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/q=%E5%85%BB%E8%80%81/);
    await expect(page).toHaveURL(/community=1/);
    await expect(page.locator(".result-count")).toContainText("“养老”共");
    expect(await page.locator(".search-hits > li").count()).toBeGreaterThan(0);
    for (const item of await page.locator(".search-hits > li").allInnerTexts()) expect(item).toContain("社区社会组织");
    await screenshot(page, "orgs-nojs-zh-desktop");
    // Pagination links keep every parameter.
    await page.goto("/orgs?kind=SOCIAL_GROUP&kind=SOCIAL_SERVICE");
    await page.getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/kind=SOCIAL_GROUP&kind=SOCIAL_SERVICE/);
    await expect(page.getByRole("checkbox", { name: /^社会团体/ })).toBeChecked();
    await context.close();
  });

  test("reads in English", async ({ page }) => {
    await page.goto("/orgs");
    await page.getByRole("button", { name: "切换为英文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Directory of social organizations" })).toBeVisible();
    await expect(page.locator(".result-count")).toContainText(/\d+ results/);
    await expect(page.getByRole("group", { name: "Kind of organization" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "orgs-en-desktop");
    await page.goto("/needs?q=elderly%20care");
    await expect(page.locator(".result-count")).toContainText("results for “elderly care”");
    await screenshot(page, "needs-search-en-desktop");
    await page.getByRole("button", { name: "Switch to Chinese" }).click();
  });
});

test.describe("phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the search pages fit a phone, with the filters folded", async ({ page }) => {
    for (const path of ["/needs", "/orgs?q=%E5%85%BB%E8%80%81"]) {
      await page.goto(path);
      await expect(page.locator(".search-hits > li").first()).toBeVisible();
      const filters = page.locator("details.search-filters");
      await expect(filters).not.toHaveAttribute("open", "");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await screenshot(page, `${path.startsWith("/needs") ? "needs" : "orgs"}-zh-phone`);
    }
    await page.locator("details.search-filters > summary").click();
    await expect(page.getByRole("group", { name: /机构类型/ })).toBeVisible();
    await screenshot(page, "orgs-filters-open-zh-phone");
    await page.getByRole("button", { name: "切换为英文" }).click();
    await expect(page.locator(".result-count")).toContainText("results");
    await screenshot(page, "orgs-en-phone");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test("/healthz reports the search index", async ({ request }) => {
  const response = await request.get("/healthz");
  const body = await response.json();
  expect(body.checks.search.ok).toBe(true);
  expect(body.checks.search.detail).toMatch(/embedded ready, needs \d+, orgs \d+/);
});
