import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, formatDate, formatDateTime, formatNumber, formatYuan, translator, type Locale } from "#app/i18n/index.ts";
import type { loader as rootLoader } from "#app/root.tsx";

export function useRootData() {
  return useRouteLoaderData<typeof rootLoader>("root");
}

export function useLocale(): Locale {
  return useRootData()?.locale ?? DEFAULT_LOCALE;
}

/** The translate function and formatters for the current page's language. */
export function useT() {
  const locale = useLocale();
  const t = translator(locale);
  return {
    t,
    locale,
    date: (value: Date | string | null | undefined) => formatDate(locale, value),
    dateTime: (value: Date | string | null | undefined) => formatDateTime(locale, value),
    yuan: (value: number | null | undefined) => formatYuan(locale, value),
    number: (value: number) => formatNumber(locale, value),
  };
}

export function useUser() {
  return useRootData()?.user ?? null;
}

export function useCsrfToken() {
  return useRootData()?.csrf ?? "";
}
