import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Duijie-demo-2026";
export const DEMO_ACCOUNTS = {
  admin: "admin@duijie.demo",
  buyer: "buyer@duijie.demo",
  org: "org@duijie.demo",
  org2: "org2@duijie.demo",
} as const;
export type DemoRole = keyof typeof DEMO_ACCOUNTS;

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/workspace/);
}

export async function logInAs(page: Page, role: DemoRole) {
  await logIn(page, DEMO_ACCOUNTS[role]);
}

/** axe on the current page: no serious or critical violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`),
  ).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

export const test = base;
export { expect };
