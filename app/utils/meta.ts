import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, translate, type MessageKey, type MessageVars } from "#app/i18n/index.ts";

type Match = { id: string; data?: unknown };

export function localeFromMatches(matches: readonly (Match | undefined)[]) {
  const root = matches.find((match) => match?.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

/** `<title>` in the page's language: "Page · Platform". A plain string is used as it is (e.g. a need's title). */
export function pageMeta(
  matches: readonly (Match | undefined)[],
  title: MessageKey | { text: string },
  vars?: MessageVars,
): MetaDescriptor[] {
  const locale = localeFromMatches(matches);
  const text = typeof title === "string" ? translate(locale, title, vars) : title.text;
  return [{ title: `${text} · ${translate(locale, "app.name")}` }];
}
