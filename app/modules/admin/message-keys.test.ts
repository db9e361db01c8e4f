// Service errors and import reasons carry message keys as plain strings (the type checker cannot see them):
// every key the organizations, tags and admin modules can produce must exist in both dictionaries.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { hasMessage, translate, type MessageKey } from "#app/i18n/index.ts";

const ROOTS = ["app/modules/orgs", "app/modules/tags", "app/modules/admin"];
// Any string literal shaped like a key of these areas (ServiceError keys, import reasons, zod messages, toasts).
const PATTERNS = [/"((?:orgs|tags|admin|form|auth)\.[\w]+(?:\.[\w]+)+)"/g];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("message keys", () => {
  const keys = new Map<string, string>();
  for (const file of ROOTS.flatMap(sourceFiles)) {
    const text = fs.readFileSync(file, "utf8");
    for (const pattern of PATTERNS) for (const match of text.matchAll(pattern)) keys.set(match[1], file);
  }

  test("the scan finds the keys it should (so an empty scan cannot pass)", () => {
    expect(keys.size).toBeGreaterThan(60);
    expect(keys.has("orgs.import.row.tagUnknownVia")).toBe(true);
    expect(keys.has("tags.merge.self")).toBe(true);
  });

  test("every key exists in Chinese and in English", () => {
    const missing = [...keys].filter(([key]) => !hasMessage(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
    const untranslated = [...keys.keys()].filter((key) => translate("en", key as MessageKey) === translate("zh", key as MessageKey) && /[\u4e00-\u9fff]/.test(translate("en", key as MessageKey)) && !/[“”]/.test(translate("en", key as MessageKey)));
    expect(untranslated).toEqual([]);
  });
});
