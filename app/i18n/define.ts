// Dictionaries are split by area (one file per module in ./messages) so that each area owns its text.
// `defineMessages` makes the English dictionary carry exactly the Chinese keys: a missing translation is a type
// error, so "English complete" is checked by `npm run typecheck`.
export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";

export function defineMessages<const Zh extends Record<string, string>>(messages: {
  zh: Zh;
  en: { [K in keyof Zh]: string };
}) {
  return messages;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
