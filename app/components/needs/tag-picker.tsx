// Tags from the curated taxonomy: real checkboxes grouped by tag group (so it works without JavaScript and with any
// screen reader), with a type-ahead filter that also matches synonyms ("长者食堂" finds 助餐). No free text: only
// taxonomy tags can be chosen.
import { useId, useMemo, useState } from "react";
import { useT } from "#app/components/root-data.ts";
import { FieldErrors } from "#app/components/ui/field.tsx";

export type TagOption = { id: number; nameZh: string; nameEn: string | null; synonyms: string[] };
export type TagGroupOption = { key: string; nameZh: string; nameEn: string; tags: TagOption[] };

const normalize = (value: string) => value.normalize("NFKC").trim().toLowerCase();

export function TagPicker({
  name,
  groups,
  selected,
  onChange,
  max,
  errors,
}: {
  name: string;
  groups: TagGroupOption[];
  selected: number[];
  onChange: (next: number[]) => void;
  max: number;
  errors?: string[];
}) {
  const { t, locale } = useT();
  const id = useId();
  const [filter, setFilter] = useState("");
  const query = normalize(filter);
  const label = (tag: TagOption) => (locale === "zh" ? tag.nameZh : (tag.nameEn ?? tag.nameZh));
  const byId = useMemo(() => new Map(groups.flatMap((g) => g.tags).map((tag) => [tag.id, tag])), [groups]);
  const matches = (tag: TagOption) =>
    !query ||
    normalize(tag.nameZh).includes(query) ||
    normalize(tag.nameEn ?? "").includes(query) ||
    tag.synonyms.some((synonym) => synonym.includes(query));
  const visibleCount = groups.reduce((sum, g) => sum + g.tags.filter(matches).length, 0);
  const full = selected.length >= max;
  const toggle = (tagId: number, checked: boolean) =>
    onChange(checked ? [...new Set([...selected, tagId])] : selected.filter((value) => value !== tagId));
  const hasErrors = Boolean(errors?.length);

  return (
    <fieldset className="field tag-picker" data-invalid={hasErrors || undefined} aria-describedby={`${id}-hint${hasErrors ? ` ${id}-error` : ""}`}>
      <legend>{t("needs.form.tagsLegend")}</legend>
      <span id={`${id}-hint`} className="hint">
        {t("needs.form.tagsHint", { max })}
      </span>
      {selected.length > 0 ? (
        <ul className="chip-list" aria-label={t("needs.form.tagsSelected")}>
          {selected.map((tagId) => {
            const tag = byId.get(tagId);
            if (!tag) return null;
            return (
              <li key={tagId}>
                <button type="button" className="chip" onClick={() => toggle(tagId, false)} aria-label={t("needs.form.tagRemove", { name: label(tag) })}>
                  {label(tag)} <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="tag-picker__search">
        <label htmlFor={`${id}-filter`} className="visually-hidden">
          {t("needs.form.tagsFilter")}
        </label>
        <input
          id={`${id}-filter`}
          type="search"
          className="input"
          placeholder={t("needs.form.tagsFilterPlaceholder")}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={(event) => {
            // Enter picks the only match instead of submitting the form.
            if (event.key !== "Enter") return;
            event.preventDefault();
            const only = groups.flatMap((g) => g.tags).filter(matches);
            if (only.length === 1 && !full) {
              toggle(only[0].id, true);
              setFilter("");
            }
          }}
          aria-controls={`${id}-groups`}
        />
        <span className="visually-hidden" aria-live="polite">
          {query ? t("needs.form.tagsMatches", { count: visibleCount }) : ""}
        </span>
      </div>
      <div className="tag-picker__groups" id={`${id}-groups`}>
        {groups.map((group) => {
          const visible = group.tags.filter((tag) => matches(tag) || selected.includes(tag.id));
          if (visible.length === 0) return null;
          return (
            <fieldset key={group.key} className="tag-picker__group">
              <legend>{locale === "zh" ? group.nameZh : group.nameEn}</legend>
              <div className="choices-grid">
                {group.tags.map((tag) => {
                  const checked = selected.includes(tag.id);
                  return (
                    <label key={tag.id} className="choice" hidden={!visible.includes(tag)}>
                      <input
                        type="checkbox"
                        name={name}
                        value={tag.id}
                        checked={checked}
                        disabled={!checked && full}
                        onChange={(event) => toggle(tag.id, event.target.checked)}
                      />
                      <span>{label(tag)}</span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        {visibleCount === 0 ? <p className="muted small">{t("needs.form.tagsNoMatch")}</p> : null}
      </div>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
