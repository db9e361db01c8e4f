import { DEFAULT_LOCALE, isLocale, translator, type Locale } from "#app/i18n/index.ts";
import { readCookie } from "./cookies.server.ts";

/** Simplified Chinese unless the visitor chose English with the language switch. */
export async function getLocale(request: Request): Promise<Locale> {
  const value = await readCookie(request, "locale");
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getTranslator(request: Request) {
  return translator(await getLocale(request));
}
