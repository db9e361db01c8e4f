import { DEMO_ACCOUNTS, expect, expectAccessible, logInAs, screenshot, test } from "./fixtures.ts";

test.describe("public pages", () => {
  test("home page explains the platform and shows figures from the database", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "社区服务需求与社会组织精准对接" })).toBeVisible();
    await expect(page.getByRole("link", { name: "上海市社会组织服务供需对接平台" })).toBeVisible();
    const verified = page.locator(".stat", { hasText: "已认证社会组织" }).locator("dd");
    expect(Number((await verified.innerText()).replace(/,/g, ""))).toBeGreaterThan(100);
    await expect(page.getByRole("heading", { name: "最新发布的需求" })).toBeVisible();
    expect(await page.locator(".listing > li").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, "home-zh-desktop");
  });

  test("the language switch changes every label to English and back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "切换为英文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Matching community service needs with social organizations" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Home" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "home-en-desktop");
    await page.getByRole("button", { name: "Switch to Chinese" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });

  test("unknown pages get the Chinese 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await expectAccessible(page);
  });

  test("/healthz reports the database", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.ok).toBe(true);
    expect(body.checks.database.ok).toBe(true);
  });

  test("log-in and sign-up pages are accessible", async ({ page }) => {
    await page.goto("/login");
    await expectAccessible(page);
    await page.goto("/signup");
    await expect(page.getByRole("heading", { name: "注册账户" })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("each role logs in and sees its workspace", () => {
  for (const role of ["admin", "buyer", "org"] as const) {
    test(role, async ({ page }) => {
      await logInAs(page, role);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("您好");
      const expected = { admin: "待审核机构", buyer: "进行中的项目", org: "有效邀请" }[role];
      await expect(page.locator(".stat dt", { hasText: expected })).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `workspace-${role}-zh-desktop`);
      await page.getByRole("button", { name: "切换为英文" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
      await expectAccessible(page);
      await screenshot(page, `workspace-${role}-en-desktop`);
      await page.getByRole("button", { name: "Log out" }).click();
      await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
    });
  }
});

test("a wrong password is refused with a clear message, and the workspace needs a log-in", async ({ page }) => {
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fworkspace/);
  await page.getByLabel("电子邮箱").fill(DEMO_ACCOUNTS.buyer);
  await page.getByLabel("密码").fill("wrong-password-123");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toContainText("邮箱或密码不正确");
});

test("a form posted without its CSRF token is refused", async ({ page, request }) => {
  await page.goto("/login");
  const response = await request.post("/login", {
    form: { email: DEMO_ACCOUNTS.buyer, password: "whatever-123456" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(403);
});

test.describe("phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("home and workspace are readable on a phone", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "home-zh-phone");
    await logInAs(page, "org");
    await screenshot(page, "workspace-org-zh-phone");
    await page.getByRole("button", { name: "切换为英文" }).click();
    await screenshot(page, "workspace-org-en-phone");
    const overflowEn = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflowEn).toBeLessThanOrEqual(0);
  });
});
