import { expect, expectAccessible, logInAs, screenshot, test } from "./fixtures.ts";

const run = Math.floor(Math.random() * 900_000);

test("an admin merges two tags: the organization's tag becomes the surviving one, the old name is a synonym, history shows it", async ({ page, browser }) => {
  const duplicate = `喘息照护${run}`;
  const survivor = `家庭照护者支持${run}`;
  await logInAs(page, "admin");
  await page.goto("/admin/tags");
  await expect(page.getByRole("heading", { level: 1, name: "标签管理" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "搜索了但没有找到" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "tag-tree-zh-desktop");

  // Create the two tags (an official found the same service under two names).
  for (const name of [survivor, duplicate]) {
    await page.goto("/admin/tags#new-tag");
    const form = page.locator("#new-tag");
    await form.getByLabel("标签组").selectOption({ label: "服务领域" });
    await form.getByLabel("上级标签").selectOption({ label: "养老服务" });
    await form.getByLabel("中文名称").fill(name);
    await form.getByRole("button", { name: "新建标签" }).click();
    await expect(page.getByText(`已新建标签“${name}”。`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  }
  // A name that is already a synonym elsewhere is refused with the tag it belongs to.
  await page.goto("/admin/tags#new-tag");
  await page.locator("#new-tag").getByLabel("标签组").selectOption({ label: "服务领域" });
  await page.locator("#new-tag").getByLabel("中文名称").fill("长者食堂");
  await page.locator("#new-tag").getByRole("button", { name: "新建标签" }).click();
  await expect(page.getByText("该词已是标签“助餐”的同义词。一个词只能对应一个标签。")).toBeVisible();

  // An organization tags itself with the duplicate.
  const org = await (await browser.newContext()).newPage();
  await logInAs(org, "org2");
  await org.goto("/workspace/profile");
  const picker = org.getByRole("combobox", { name: "服务标签" });
  await picker.fill(duplicate);
  await org.getByRole("option", { name: new RegExp(duplicate) }).click();
  await org.getByRole("button", { name: "保存资料" }).click();
  await expect(org.getByText("资料已保存并公开。")).toBeVisible();
  const publicHref = await org.getByRole("link", { name: "查看公开页面" }).getAttribute("href");

  // The admin merges the duplicate into the survivor.
  await page.goto(`/admin/tags?q=${encodeURIComponent(duplicate)}`);
  await page.getByRole("region", { name: "服务领域" }).getByRole("link", { name: duplicate, exact: true }).click();
  await expect(page.getByText(/机构 1 家/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "tag-detail-zh-desktop");
  const merge = page.getByRole("region", { name: "合并到其他标签" });
  await merge.getByLabel("合并到").selectOption({ label: survivor });
  await merge.getByRole("button", { name: "合并标签" }).click();
  await expect(merge.getByText("请勾选确认后再合并。")).toBeVisible();
  await merge.getByRole("checkbox", { name: /我已确认/ }).check();
  await merge.getByRole("button", { name: "合并标签" }).click();
  await expect(page.getByText(`已合并：1 家机构、0 个需求改用“${survivor}”。`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: survivor })).toBeVisible();
  const synonyms = page.getByRole("region", { name: "同义词" });
  await expect(synonyms.getByText(duplicate.toLowerCase(), { exact: true })).toBeVisible();
  const history = page.getByRole("region", { name: "历史记录" });
  await expect(history.getByText("并入标签")).toBeVisible();
  await expect(history.getByText(`← ${duplicate}（1 / 0）`)).toBeVisible();

  // The organization's public profile now shows the surviving tag, and its picker finds it by the old name.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(publicHref!);
  const tags = visitor.getByRole("region", { name: "服务标签" });
  await expect(tags.getByText(survivor, { exact: true })).toBeVisible();
  await expect(tags.getByText(duplicate, { exact: true })).toHaveCount(0);
  await org.goto("/workspace/profile");
  await expect(org.getByRole("list", { name: /已选标签/ }).getByText(survivor)).toBeVisible();
  // (Chosen tags are not offered again: remove it first, then the old name finds the surviving tag.)
  await org.getByRole("button", { name: `移除标签“${survivor}”` }).click();
  await picker.fill(duplicate);
  await expect(org.getByRole("option", { name: new RegExp(survivor) })).toContainText(`匹配“${duplicate.toLowerCase()}”`);

  // The tree marks the merged tag; the audit log has the merge.
  await page.goto(`/admin/tags?q=${encodeURIComponent(duplicate)}&merged=1`);
  await expect(page.getByText(`已合并到“${survivor}”`)).toBeVisible();
  await page.goto("/admin/audit?action=tag.merge");
  await expect(page.getByRole("cell", { name: /合并标签/ }).first()).toBeVisible();
});

test("synonyms are added and removed, tags deprecated and reactivated, the catalog guide edited", async ({ page }) => {
  await logInAs(page, "admin");
  await page.goto("/admin/tags?q=热线");
  await page.getByRole("link", { name: "热线", exact: true }).click();
  const synonyms = page.getByRole("region", { name: "同义词" });
  const term = `心理热线${run}`;
  await synonyms.getByLabel("新同义词").fill(term);
  await synonyms.getByRole("button", { name: "添加同义词" }).click();
  await expect(page.getByText(`已添加同义词“${term}”。`)).toBeVisible();
  await page.getByRole("region", { name: "同义词" }).getByRole("button", { name: `删除同义词“${term}”` }).click();
  await expect(page.getByText("已删除同义词。")).toBeVisible();
  await page.getByRole("region", { name: "停用" }).getByLabel("停用原因").fill("e2e 测试");
  await page.getByRole("button", { name: "停用标签" }).click();
  await expect(page.getByText("标签已停用。")).toBeVisible();
  await page.getByRole("button", { name: "恢复启用" }).click();
  await expect(page.getByText("标签已恢复启用。")).toBeVisible();

  await page.goto("/admin/catalog");
  await expectAccessible(page);
  await screenshot(page, "catalog-zh-desktop");
  const form = page.locator("#new-item");
  await form.getByLabel("编号").fill(`zz-${String(run % 900 + 100)}`);
  await form.getByLabel("服务领域").selectOption("专业支持");
  await form.getByLabel("项目名称", { exact: true }).fill(`社区社会组织能力建设培训 ${run}`);
  await form.getByLabel("预算下限（元）").fill("200000");
  await form.getByLabel("预算上限（元）").fill("100000");
  await form.getByRole("button", { name: "新增目录项" }).click();
  await expect(page.getByText("预算上限不能小于下限。")).toBeVisible();
  await form.getByLabel("预算上限（元）").fill("300000");
  await form.getByRole("button", { name: "新增目录项" }).click();
  await expect(page.getByText(`已新增目录项“社区社会组织能力建设培训 ${run}”。`)).toBeVisible();
  await page.getByRole("link", { name: `社区社会组织能力建设培训 ${run}` }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "删除目录项" }).click();
  await expect(page.getByText("目录项已删除。")).toBeVisible();
});

test.describe("phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the tag tree is readable on a phone, in both languages", async ({ page }) => {
    // A search nobody could answer puts a table of unmet searches on the page; it must scroll inside its card.
    await page.goto(`/needs?q=${encodeURIComponent(`飞机维修${Date.now()}`)}`);
    await logInAs(page, "admin");
    await page.goto("/admin/tags");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "tag-tree-zh-phone");
    await page.getByRole("button", { name: "切换为英文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tags" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "tag-tree-en-phone");
  });
});
