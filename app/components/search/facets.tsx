// Facets as real form controls (checkboxes and radio buttons with labels, grouped in fieldsets) inside the page's
// GET form: they work without JavaScript (the "apply" button submits) and submit themselves with it.
import type { MessageKey } from "#app/i18n/index.ts";
import type { Facet, FacetOption } from "#app/modules/search/view-types.ts";
import { useT } from "../root-data.ts";

/** How many options show before the rest fold into "more", and how many are offered at all (the most frequent). */
const VISIBLE = 8;
const OFFERED = 24;

export type FacetView = Facet & { legend: string; hint?: string; hidden?: boolean };

export function useFacetLabel() {
  const { t, locale } = useT();
  return (facet: Facet, option: FacetOption): string => {
    switch (facet.param) {
      case "phase":
        return option.value === "all" ? t("search.phase.all") : t(`needStatus.${option.value}` as MessageKey);
      case "deadline":
        return t(`search.deadline.${option.value}` as MessageKey);
      case "budget":
        return t(`search.budget.${option.value}` as MessageKey);
      case "kind":
        return t(`orgKind.${option.value}` as MessageKey);
      case "qual":
        return t(`qualification.${option.value}` as MessageKey);
      case "grade":
        return t("search.grade.atLeast", { level: option.value });
      case "cross":
        return t("search.cross.only");
      case "community":
        return t("search.community.only");
      default:
        return locale === "zh" ? option.label : option.labelEn;
    }
  };
}

function OptionControl({ facet, option, label }: { facet: Facet; option: FacetOption; label: string }) {
  const { number } = useT();
  return (
    <label className="choice facet-option">
      <input type={facet.kind} name={facet.param} value={option.value} defaultChecked={option.selected} key={`${option.value}-${option.selected}`} />
      <span className="facet-option__label">{label}</span> <span className="facet-option__count">{number(option.count)}</span>
    </label>
  );
}

export function FacetGroup({ facet }: { facet: FacetView }) {
  const { t } = useT();
  const labelOf = useFacetLabel();
  if (facet.hidden) return null;
  // Long lists (tags, streets, catalog items) offer their most frequent values; the search box finds the rest.
  const options = facet.options.filter((option, index) => option.selected || index < OFFERED);
  const selectedCount = options.filter((option) => option.selected).length;
  // Selected options always show; the rest fold after the first few.
  const visible = options.filter((option, index) => option.selected || index < VISIBLE);
  const folded = options.filter((option, index) => !option.selected && index >= VISIBLE);
  return (
    <fieldset className="facet">
      <legend>
        {facet.legend}
        {selectedCount > 0 && facet.kind === "checkbox" ? <span className="facet__selected"> · {selectedCount}</span> : null}
      </legend>
      {facet.hint ? <p className="hint">{facet.hint}</p> : null}
      {facet.kind === "radio" && !facet.noAny ? (
        <label className="choice facet-option">
          <input type="radio" name={facet.param} value="" defaultChecked={selectedCount === 0} key={`any-${selectedCount === 0}`} />
          <span className="facet-option__label">{t("search.facet.any")}</span>
        </label>
      ) : null}
      {visible.map((option) => (
        <OptionControl key={option.value} facet={facet} option={option} label={labelOf(facet, option)} />
      ))}
      {folded.length > 0 ? (
        <details className="facet__more">
          <summary>{t("search.facet.more", { label: facet.legend })}</summary>
          {folded.map((option) => (
            <OptionControl key={option.value} facet={facet} option={option} label={labelOf(facet, option)} />
          ))}
        </details>
      ) : null}
    </fieldset>
  );
}
