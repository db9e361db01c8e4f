import { adminMessages } from "./messages/admin.ts";
import { commonMessages } from "./messages/common.ts";
import { bidsMessages } from "./messages/bids.ts";
import { needsMessages } from "./messages/needs.ts";
import { orgsMessages } from "./messages/orgs.ts";
import { tagsMessages } from "./messages/tags.ts";
import { searchMessages } from "./messages/search.ts";
import { matchingMessages } from "./messages/matching.ts";
import { DEFAULT_LOCALE, type Locale } from "./define.ts";

export { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from "./define.ts";

// Add an area's dictionary here.
const areas = [commonMessages, orgsMessages, tagsMessages, adminMessages, needsMessages, bidsMessages, searchMessages, matchingMessages] as const;

type Merge<T extends readonly { zh: Record<string, string> }[]> = T extends readonly [
  infer Head extends { zh: Record<string, string> },
  ...infer Tail extends readonly { zh: Record<string, string> }[],
]
  ? Head["zh"] & Merge<Tail>
  : unknown;

export type MessageKey = keyof Merge<typeof areas> & string;
export type Messages = Record<MessageKey, string>;

const dictionaries: Record<Locale, Messages> = {
  zh: Object.assign({}, ...areas.map((area) => area.zh)),
  en: Object.assign({}, ...areas.map((area) => area.en)),
};

export type MessageVars = Record<string, string | number>;

/** Translates a key, filling `{name}` placeholders. Unknown keys come back as the key itself. */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const template = dictionaries[locale][key] ?? dictionaries[DEFAULT_LOCALE][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

export function hasMessage(key: string): key is MessageKey {
  return key in dictionaries.zh;
}

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export function translator(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars);
}

// ── formatting: instants are stored in UTC and always shown in Shanghai time ──

const TIME_ZONE = "Asia/Shanghai";
const intlLocale = (locale: Locale) => (locale === "zh" ? "zh-CN" : "en-GB");

// Intl formatters are costly to create (tens of microseconds); a page formats hundreds of numbers and dates.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDate(locale: Locale, value: Date | string | null | undefined) {
  if (!value) return "";
  return cached(`date:${locale}`, () =>
    new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }),
  ).format(new Date(value));
}

export function formatDateTime(locale: Locale, value: Date | string | null | undefined) {
  if (!value) return "";
  return cached(`dateTime:${locale}`, () =>
    new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }),
  ).format(new Date(value));
}

/** Money is integer 元. */
export function formatYuan(locale: Locale, value: number | null | undefined) {
  if (value === null || value === undefined) return "";
  if (locale === "zh" && value >= 10_000 && value % 100 === 0) {
    return `${cached("wan", () => new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 })).format(value / 10_000)} 万元`;
  }
  return locale === "zh"
    ? `${cached("number:zh", () => new Intl.NumberFormat("zh-CN")).format(value)} 元`
    : `¥${cached("number:en", () => new Intl.NumberFormat("en-GB")).format(value)}`;
}

export function formatNumber(locale: Locale, value: number) {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);
}
