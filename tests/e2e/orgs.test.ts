import type { Browser, Page } from "@playwright/test";
import { generateUscc } from "#app/modules/orgs/uscc.ts";
import { expect, expectAccessible, logInAs, screenshot, test } from "./fixtures.ts";

const run = Math.floor(Math.random() * 900_000);
const uniqueUscc = (offset: number) => generateUscc({ next: Math.random }, { kindChar: "2", regionCode: "310104", serial: 8_000_000 + ((run + offset * 7919) % 900_000) });

async function asAdmin(browser: Browser) {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await logInAs(page, "admin");
  return page;
}

/** Signs an organization up through /signup and returns the page (logged in as it) and its id. */
async function signUp(page: Page, name: string, uscc: string) {
  await page.goto("/signup");
  await page.getByLabel("机构名称").fill(name);
  await page.getByLabel("统一社会信用代码").fill(uscc);
  await page.getByLabel("所在区").selectOption({ label: "徐汇区" });
  await page.getByLabel("所在街道（镇）").selectOption({ label: "康健新村街道" });
  await page.getByLabel("联系人姓名").fill("周主任");
  await page.getByLabel("电子邮箱").fill(`e2e-${run}-${uscc.slice(-6).toLowerCase()}@example.cn`);
  await page.getByLabel("密码", { exact: true }).fill("e2e-password-2026");
  await page.getByLabel("确认密码").fill("e2e-password-2026");
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/workspace$/);
  await expect(page.getByText("注册成功，机构资料已提交审核")).toBeVisible();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "机构资料" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "机构资料" })).toBeVisible();
  const href = await page.getByRole("link", { name: "查看公开页面" }).getAttribute("href");
  const orgId = Number(href?.split("/").pop());
  expect(orgId).toBeGreaterThan(0);
  return orgId;
}

test("an organization registers, an admin verifies it, it chooses its tags and its public profile shows them", async ({ page, browser }) => {
  const name = `上海市徐汇区康健乐龄e2e${run}服务中心`;
  const orgId = await signUp(page, name, uniqueUscc(1));

  // Not public while it waits for verification.
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(`/orgs/${orgId}`))?.status()).toBe(404);

  // The organization picks tags with the type-ahead: a synonym finds the curated tag; free text finds nothing.
  await expect(page.getByText("机构正在审核中")).toBeVisible();
  const picker = page.getByRole("combobox", { name: "服务标签" });
  await picker.fill("长者食堂");
  const option = page.getByRole("option", { name: /助餐/ });
  await expect(option).toBeVisible();
  await expect(option).toContainText("匹配“长者食堂”");
  await picker.press("Enter");
  await expect(page.getByRole("list", { name: /已选标签/ }).getByText("助餐")).toBeVisible();
  await picker.fill("独居");
  await page.getByRole("option", { name: /独居老人/ }).click();
  await picker.fill("宠物寄养服务");
  await expect(page.getByText("没有匹配的标签").first()).toBeVisible();
  await picker.press("Enter"); // free text never becomes a tag
  await expect(page.getByRole("list", { name: /已选标签（2 个）/ })).toBeVisible();
  await page.getByLabel("机构简介").fill("为康健新村街道独居老人提供助餐、探访和健康讲座服务。");
  await page.getByRole("checkbox", { name: "长宁区" }).check();
  await expectAccessible(page);
  await screenshot(page, "profile-editor-zh-desktop");
  await page.getByRole("button", { name: "保存资料" }).click();
  await expect(page.getByText("资料已保存并公开。")).toBeVisible();
  await expect(page.getByRole("list", { name: /已选标签（2 个）/ })).toBeVisible();

  // An administrator finds it in the queue and verifies it.
  const admin = await asAdmin(browser);
  await admin.goto("/admin/verification");
  await expect(admin.getByRole("heading", { level: 1, name: "机构审核" })).toBeVisible();
  await expectAccessible(admin);
  await screenshot(admin, "verification-queue-zh-desktop");
  await admin.getByLabel("名称或代码").fill(`e2e${run}`);
  await admin.getByRole("button", { name: "筛选" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "共 1 家机构" })).toBeVisible();
  await admin.getByRole("link", { name: `审核：${name}` }).click();
  await expect(admin.getByText("校验码正确。")).toBeVisible();
  await expect(admin.getByText(/登记管理机关：徐汇区/)).toBeVisible();
  await expectAccessible(admin);
  await screenshot(admin, "verification-review-zh-desktop");
  await admin.getByRole("button", { name: "通过审核" }).click();
  await expect(admin.getByText(`已通过审核：${name}`)).toBeVisible();
  await expect(admin.getByText("已认证").first()).toBeVisible();

  // The public profile now shows the organization and its tags.
  const response = await visitor.goto(`/orgs/${orgId}`);
  expect(response?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1, name })).toBeVisible();
  const tags = visitor.getByRole("region", { name: "服务标签" });
  await expect(tags.getByText("助餐", { exact: true })).toBeVisible();
  await expect(tags.getByText("独居老人", { exact: true })).toBeVisible();
  await expect(visitor.getByText("为康健新村街道独居老人提供助餐")).toBeVisible();
  await expect(visitor.getByRole("link", { name: "登录后查看联系方式" })).toBeVisible();
  await expectAccessible(visitor);
  await screenshot(visitor, "org-profile-zh-desktop");
  await visitor.getByRole("button", { name: "切换为英文" }).click();
  await expect(visitor.getByRole("heading", { name: "Service tags" })).toBeVisible();
  await expect(visitor.getByText("Meal services for older people")).toBeVisible();
  await expectAccessible(visitor);
  await screenshot(visitor, "org-profile-en-desktop");

  // The organization is told.
  await page.goto("/notifications");
  await expect(page.getByText(`“${name}”已通过审核`)).toBeVisible();

  // A change to its name is reviewed before it is published.
  await page.goto("/workspace/profile");
  await page.getByLabel("机构名称").fill(`${name}（更名）`);
  await page.getByRole("button", { name: "保存资料" }).click();
  await expect(page.getByText("以下修改已提交管理员复核：机构名称。")).toBeVisible();
  await expect(page.getByText(/以下修改正在等待管理员复核/)).toBeVisible();
  await visitor.goto(`/orgs/${orgId}`);
  await expect(visitor.getByRole("heading", { level: 1, name })).toBeVisible();
  await admin.goto("/admin/verification?tab=changes");
  const card = admin.getByRole("region", { name, exact: true });
  await expect(card.getByRole("cell", { name: `${name}（更名）` })).toBeVisible();
  await expectAccessible(admin);
  await card.getByRole("button", { name: "同意变更" }).click();
  await expect(admin.getByText("已同意变更并公开。")).toBeVisible();
  await visitor.goto(`/orgs/${orgId}`);
  await expect(visitor.getByRole("heading", { level: 1, name: `${name}（更名）` })).toBeVisible();
});

test("an administrator rejects with a reason; the organization sees it, fixes its profile and asks again", async ({ page, browser }) => {
  const name = `上海市徐汇区启航e2e${run}青少年服务社`;
  const orgId = await signUp(page, name, uniqueUscc(2));
  const admin = await asAdmin(browser);
  await admin.goto(`/admin/verification/${orgId}`);
  await admin.getByRole("button", { name: "不予通过" }).click();
  await expect(admin.getByText("请填写理由，机构会看到它。")).toBeVisible();
  const rejectForm = admin.locator("form", { has: admin.getByRole("button", { name: "不予通过" }) });
  await rejectForm.getByLabel("理由（机构可见）").fill("请补充机构简介和服务案例。");
  await rejectForm.getByRole("button", { name: "不予通过" }).click();
  await expect(admin.getByText(`已不予通过：${name}`)).toBeVisible();

  await page.goto("/workspace/profile");
  await expect(page.getByText("审核未通过：请补充机构简介和服务案例。")).toBeVisible();
  await page.getByLabel("机构简介").fill("为青少年提供课后托管和心理辅导。");
  await page.getByRole("button", { name: "保存资料" }).click();
  await expect(page.getByText("资料已保存并公开。")).toBeVisible();
  await page.getByRole("textbox", { name: "项目名称" }).fill("康健街道暑托班");
  await page.getByLabel("年份").fill("2025");
  await page.getByRole("checkbox", { name: "品牌项目" }).check();
  await page.getByRole("button", { name: "添加案例" }).click();
  await expect(page.getByText("案例已添加。")).toBeVisible();
  await page.getByRole("button", { name: "重新提交审核" }).click();
  await expect(page.getByText("已重新提交审核")).toBeVisible();
  await expect(page.getByText("待审核").first()).toBeVisible();
});

test("a district bureau imports its registry: preview with reasons, then confirm", async ({ browser }) => {
  const admin = await asAdmin(browser);
  const good = uniqueUscc(3);
  const bad = uniqueUscc(4);
  const wrongCheck = bad.slice(0, 17) + (bad[17] === "A" ? "B" : "A");
  const header =
    "uscc,filingNo,name,kind,districtCode,streetCode,foundedOn,grade,gradeValidUntil,taxExempt,preTaxDeduction,donationReceipts,certifiedSocialWorkers,staffCount,serviceDistricts,tags,description,lastActiveOn";
  const csv = [
    header,
    `${good},,上海市徐汇区名录导入e2e${run}服务社,社会服务机构,310104,,2015-06-01,3A,2027-12-31,是,否,否,2,8,,助餐|独居老人,,`,
    `${uniqueUscc(5)},,上海市徐汇区标签有误e2e${run}服务社,社会服务机构,310104,,2015-06-01,3A,2027-12-31,是,否,否,2,8,,助餐|长者食掌,,`,
    `${wrongCheck},,上海市校验码错误e2e${run}服务社,社会服务机构,310199,,,,,,,,,,,,,`,
  ].join("\n");
  await admin.goto("/admin/import");
  await expectAccessible(admin);
  await admin.getByLabel("名录文件").setInputFiles({ name: "xuhui.csv", mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + csv) });
  await admin.getByRole("button", { name: "上传并预览" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "xuhui.csv" })).toBeVisible();
  await expect(admin.getByText("标签“长者食掌”不存在，最接近的是“助餐”（同义词“长者食堂”）。")).toBeVisible();
  await expect(admin.getByText(/区代码“310199”不存在/)).toBeVisible();
  await expect(admin.getByText(/校验码错误：最后一位应为/)).toBeVisible();
  await expectAccessible(admin);
  await screenshot(admin, "import-preview-zh-desktop");
  await admin.getByRole("button", { name: /确认导入 1 家机构/ }).click();
  await expect(admin.getByText("导入完成：新建 1，更新 0，无变化 0，未通过 2。")).toBeVisible();
  await admin.goto("/admin/audit?action=org.import");
  await expect(admin.getByRole("cell", { name: /名录导入/ }).first()).toBeVisible();
  await expectAccessible(admin);
  await screenshot(admin, "audit-log-zh-desktop");
});

test("a buyer cannot open the administrator pages; an organization cannot either", async ({ page, browser }) => {
  await logInAs(page, "buyer");
  for (const path of ["/admin/verification", "/admin/tags", "/admin/import", "/admin/audit", "/admin/catalog", "/admin/verification/1"]) {
    expect((await page.goto(path))?.status()).toBe(403);
  }
  expect((await page.goto("/workspace/profile"))?.status()).toBe(403);
  const org = await (await browser.newContext()).newPage();
  await logInAs(org, "org");
  for (const path of ["/admin/verification", "/admin/tags", "/admin/import/template.csv"]) {
    expect((await org.goto(path))?.status()).toBe(403);
  }
});

test.describe("phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the profile, the editor and the verification queue are readable on a phone", async ({ page, browser }) => {
    await logInAs(page, "org");
    await page.goto("/workspace/profile");
    await expect(page.getByRole("combobox", { name: "服务标签" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "profile-editor-zh-phone");
    await page.getByRole("link", { name: "查看公开页面" }).click();
    await expect(page.getByRole("heading", { name: "履约记录" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "org-profile-zh-phone");
    const admin = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await logInAs(admin, "admin");
    await admin.goto("/admin/verification");
    expect(await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(admin, "verification-queue-zh-phone");
    await admin.getByRole("button", { name: "切换为英文" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Verification" })).toBeVisible();
    await screenshot(admin, "verification-queue-en-phone");
  });
});
