// Why an organization matches a need (or a need an organization): structured reasons, rendered in the reader's
// language by the pages (useT) and the CLI (translate). Browser-safe.
import type { MessageKey } from "#app/i18n/index.ts";

export type NamedTag = { id: number; nameZh: string; nameEn: string };
/** "elsewhere" is the organization side: a need in a district the organization neither sits in nor serves. */
export type Locality = "street" | "district" | "serviceDistrict" | "cross" | "elsewhere";

export type MatchReason =
  | { kind: "tags"; tags: NamedTag[] }
  | { kind: "terms"; terms: string[] }
  | { kind: "grade"; level: number; validUntil: string }
  | { kind: "track"; contracts: number; ratingAvg: number | null; ratingCount: number }
  | { kind: "community"; priority: boolean }
  | { kind: "locality"; scope: Locality; district: { zh: string; en: string } | null };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** One reason as a sentence in the translator's language. */
export function reasonText(reason: MatchReason, t: Translate, locale: "zh" | "en"): string {
  const list = (items: string[]) => items.join(locale === "zh" ? "、" : ", ");
  switch (reason.kind) {
    case "tags":
      return t("matching.reason.tags", { tags: list(reason.tags.map((tag) => (locale === "zh" ? tag.nameZh : tag.nameEn))) });
    case "terms":
      return t("matching.reason.terms", { terms: list(reason.terms) });
    case "grade":
      return t("matching.reason.grade", { level: reason.level, until: reason.validUntil.slice(0, 10) });
    case "track":
      return reason.ratingAvg !== null && reason.ratingCount > 0
        ? t("matching.reason.trackRated", { contracts: reason.contracts, rating: reason.ratingAvg.toFixed(1), count: reason.ratingCount })
        : t("matching.reason.track", { contracts: reason.contracts });
    case "community":
      return t(reason.priority ? "matching.reason.communityPriority" : "matching.reason.community");
    case "locality": {
      const district = reason.district ? (locale === "zh" ? reason.district.zh : reason.district.en) : "";
      return t(`matching.reason.locality.${reason.scope}`, { district });
    }
  }
}
