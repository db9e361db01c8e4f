// Choosing curated tags: a type-ahead (ARIA 1.2 combobox with a listbox popup) over the taxonomy's names,
// synonyms and English names, the chosen tags as removable chips, and — the form's actual fields — a grouped list
// of checkboxes under "浏览全部标签", so the picker also works without JavaScript. Free text never becomes a tag.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { matchTags, type TagOption } from "#app/modules/tags/match.ts";
import { FieldErrors } from "./ui/field.tsx";
import { useT } from "./root-data.ts";

type Props = {
  name: string;
  label: string;
  hint?: string;
  errors?: string[] | null;
  options: TagOption[];
  defaultSelected: number[];
  max?: number;
  /** The label stays for screen readers but is not shown (when a heading right above says the same). */
  hideLabel?: boolean;
};

export function TagPicker({ name, label, hint, errors, options, defaultSelected, max = 20, hideLabel }: Props) {
  const { t, locale } = useT();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [selected, setSelected] = useState<number[]>(defaultSelected);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);

  const byId = useMemo(() => new Map(options.map((option) => [option.id, option])), [options]);
  const initiallySelected = useMemo(() => new Set(defaultSelected), [defaultSelected]);
  const matches = useMemo(() => matchTags(options, query, { exclude: new Set(selected), limit: 8 }), [options, query, selected]);
  const tagName = (tag: TagOption) => (locale === "en" && tag.nameEn ? tag.nameEn : tag.nameZh);
  const groupName = (tag: TagOption) => (locale === "en" ? tag.groupNameEn : tag.groupName);
  const expanded = open && query.trim() !== "";

  // Browse list: active tags, plus deprecated ones this record already had (so they can be removed).
  const groups = useMemo(() => {
    const map = new Map<string, TagOption[]>();
    for (const option of options) {
      if (option.status !== "ACTIVE" && !initiallySelected.has(option.id)) continue;
      const key = option.groupName;
      map.set(key, [...(map.get(key) ?? []), option]);
    }
    return [...map.entries()];
  }, [options, initiallySelected]);

  function add(tagId: number) {
    const tag = byId.get(tagId);
    if (!tag || selected.includes(tagId)) return;
    if (selected.length >= max) {
      setAnnouncement(t("tags.picker.max", { max }));
      return;
    }
    setSelected([...selected, tagId]);
    setQuery("");
    setActive(0);
    setAnnouncement(t("tags.picker.added", { name: tagName(tag) }));
  }

  function remove(tagId: number) {
    const tag = byId.get(tagId);
    setSelected(selected.filter((value) => value !== tagId));
    if (tag) setAnnouncement(t("tags.picker.removed", { name: tagName(tag) }));
    inputRef.current?.focus();
  }

  function toggle(tagId: number, checked: boolean) {
    if (checked) add(tagId);
    else setSelected(selected.filter((value) => value !== tagId));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (matches.length === 0 ? 0 : (index + 1) % matches.length));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => (matches.length === 0 ? 0 : (index - 1 + matches.length) % matches.length));
    } else if (event.key === "Enter") {
      // Enter never submits the form from here: it picks the highlighted tag, or explains that free text is not one.
      event.preventDefault();
      const match = matches[active];
      if (expanded && match) add(match.tag.id);
      else if (query.trim()) setAnnouncement(t("tags.picker.chooseFromList"));
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
      }
    }
  }

  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className="field tag-picker" data-invalid={errors?.length ? true : undefined}>
      <label htmlFor={inputId} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      {selected.length > 0 ? (
        <ul className="tag-picker__chosen" aria-label={t("tags.picker.chosen", { count: selected.length })}>
          {selected.map((tagId) => {
            const tag = byId.get(tagId);
            if (!tag) return null;
            const text = tag.status === "ACTIVE" ? tagName(tag) : t("tags.deprecatedSuffix", { name: tagName(tag) });
            return (
              <li key={tagId} className="tag tag--chip">
                <span>{text}</span>
                <button type="button" className="tag__remove" onClick={() => remove(tagId)} aria-label={t("tags.picker.remove", { name: tagName(tag) })}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted small tag-picker__none">{t("tags.picker.noneChosen")}</p>
      )}
      <div className="tag-picker__box">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && matches[active] ? `${listId}-${matches[active].tag.id}` : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          placeholder={t("tags.picker.placeholder")}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setActive(0);
            const count = matchTags(options, event.target.value, { exclude: new Set(selected), limit: 8 }).length;
            setAnnouncement(event.target.value.trim() ? (count > 0 ? t("tags.picker.results", { count }) : t("tags.picker.noMatch")) : "");
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <ul id={listId} role="listbox" aria-label={label} className="tag-picker__options" hidden={!expanded}>
          {expanded
            ? matches.map((match, index) => (
                <li
                  key={match.tag.id}
                  id={`${listId}-${match.tag.id}`}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? "is-active" : undefined}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => add(match.tag.id)}
                  onMouseEnter={() => setActive(index)}
                >
                  <span className="tag-picker__name">{tagName(match.tag)}</span>
                  <span className="tag-picker__meta">
                    {groupName(match.tag)}
                    {match.via ? ` · ${t("tags.picker.via", { term: match.via })}` : ""}
                  </span>
                </li>
              ))
            : null}
        </ul>
        {expanded && matches.length === 0 ? <p className="tag-picker__empty small">{t("tags.picker.noMatch")}</p> : null}
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <details className="tag-picker__browse">
        <summary>{t("tags.picker.browse")}</summary>
        {groups.map(([group, tags]) => (
          <fieldset key={group} className="tag-picker__group">
            <legend>{locale === "en" ? (tags[0]?.groupNameEn ?? group) : group}</legend>
            <div className="choices-inline">
              {tags.map((tag) => (
                <label key={tag.id} className="choice">
                  <input type="checkbox" name={name} value={tag.id} checked={selected.includes(tag.id)} onChange={(event) => toggle(tag.id, event.target.checked)} />
                  <span>{tag.status === "ACTIVE" ? tagName(tag) : t("tags.deprecatedSuffix", { name: tagName(tag) })}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </details>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
