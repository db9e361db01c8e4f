// The query box with search-as-you-type suggestions (ARIA 1.2 combobox with a listbox popup). Without JavaScript it
// is a plain search field in a GET form; with it, suggestions load from /api/v1/search/suggest as the user types.
import { useFetcher, useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { highlightParts } from "#app/modules/search/schemas.ts";
import { useT } from "../root-data.ts";
import { Highlight } from "./highlight.tsx";

type Suggestion =
  | { kind: "tag"; id: number; label: string; labelEn: string; href: string }
  | { kind: "need" | "org"; id: number; label: string; href: string };

export function SearchBox({
  scope,
  defaultValue,
  placeholder,
  label,
}: {
  scope: "needs" | "orgs";
  defaultValue: string;
  placeholder: string;
  label: string;
}) {
  const { t, locale } = useT();
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const fetcher = useFetcher<{ suggestions: Suggestion[] }>();
  const navigate = useNavigate();
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const lastQuery = useRef("");

  // A new search (back/forward, a link) brings a new default value.
  useEffect(() => {
    setValue(defaultValue);
    setOpen(false);
  }, [defaultValue]);

  const suggestions = fetcher.data?.suggestions ?? [];
  const expanded = open && value.trim() !== "" && suggestions.length > 0;

  function load(next: string) {
    clearTimeout(timer.current);
    const q = next.trim();
    if (!q) {
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => {
      if (q === lastQuery.current && fetcher.data) return;
      lastQuery.current = q;
      fetcher.load(`/api/v1/search/suggest?scope=${scope}&q=${encodeURIComponent(q)}`);
    }, 150);
    setOpen(true);
    setActive(-1);
  }

  function choose(suggestion: Suggestion) {
    setOpen(false);
    navigate(suggestion.href);
  }

  return (
    <div className="search-box">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-describedby={hintId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        maxLength={100}
        enterKeyHint="search"
        onChange={(event) => {
          setValue(event.target.value);
          load(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && suggestions.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((index) => (index + 1) % suggestions.length);
          } else if (event.key === "ArrowUp" && suggestions.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((index) => (index <= 0 ? suggestions.length - 1 : index - 1));
          } else if (event.key === "Escape") {
            setOpen(false);
            setActive(-1);
          } else if (event.key === "Enter" && expanded && active >= 0) {
            event.preventDefault();
            choose(suggestions[active]);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => value.trim() && suggestions.length > 0 && setOpen(true)}
      />
      <span id={hintId} className="visually-hidden">
        {t("search.form.hint")}
      </span>
      <ul id={listId} role="listbox" aria-label={t("search.suggest.label")} className="suggestions" hidden={!expanded}>
        {suggestions.map((suggestion, index) => (
          <li
            key={`${suggestion.kind}-${suggestion.id}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? "suggestion suggestion--active" : "suggestion"}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(suggestion);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span className="suggestion__kind">{t(`search.suggest.${suggestion.kind}`)}</span>
            <span className="suggestion__label">
              {suggestion.kind === "tag" ? (locale === "zh" ? suggestion.label : suggestion.labelEn) : <Highlight parts={highlightParts(suggestion.label)} />}
            </span>
          </li>
        ))}
      </ul>
      <span className="visually-hidden" role="status" aria-live="polite">
        {open && value.trim() && fetcher.state === "idle" && fetcher.data ? (suggestions.length > 0 ? t("search.suggest.count", { count: suggestions.length }) : t("search.suggest.none")) : ""}
      </span>
    </div>
  );
}
