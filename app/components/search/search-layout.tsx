// The shared frame of the two search pages: one GET form holding the query box, the sort and the facets (so every
// search is a link and the page works without JavaScript), the result count announced to screen readers, notices,
// the empty state and pagination.
import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { MessageKey } from "#app/i18n/index.ts";
import type { SearchSummary } from "#app/modules/search/view-types.ts";
import { useT } from "../root-data.ts";
import { Alert, EmptyState, PageHeader, Pagination } from "../ui/basics.tsx";
import { FacetGroup, type FacetView } from "./facets.tsx";
import { SearchBox } from "./search-box.tsx";

export type SortOption = { value: string; label: string };

export function SearchLayout({
  scope,
  title,
  lead,
  q,
  sort,
  sortOptions,
  summary,
  facets,
  invalid,
  emptyBody,
  actions,
  children,
}: {
  scope: "needs" | "orgs";
  title: string;
  lead: string;
  q: string;
  /** The sort chosen in the URL ("" for the default). */
  sort: string;
  sortOptions: SortOption[];
  summary: SearchSummary | null;
  facets: FacetView[];
  invalid: string[];
  emptyBody: string;
  /** Page actions beside the title (e.g. "save this search"). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t, number } = useT();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [hydrated, setHydrated] = useState(false);
  const filtersRef = useRef<HTMLDetailsElement>(null);
  const searching = navigation.state !== "idle" && navigation.location?.pathname === `/${scope}`;

  useEffect(() => {
    setHydrated(true);
    // On a phone the filters start folded (without JavaScript they stay open, so they are never out of reach).
    if (filtersRef.current && window.matchMedia("(max-width: 900px)").matches) filtersRef.current.open = false;
  }, []);

  const selectedFilters = facets.reduce((sum, facet) => sum + facet.options.filter((option) => option.selected && !option.implicit && option.value !== "all").length, 0);
  const total = summary?.total ?? 0;
  const countText = q ? t("search.results.countWithQuery", { q, count: number(total) }) : t("search.results.count", { count: number(total) });

  return (
    <>
      <PageHeader title={title} lead={lead} actions={actions} />
      <Form
        method="get"
        action={`/${scope}`}
        className="search-page"
        role="search"
        aria-label={title}
        preventScrollReset
        onChange={(event) => {
          const target = event.target as HTMLInputElement;
          // Facets and sort apply at once; the query box waits for Enter or the button.
          if (target.name === "q") return;
          submit(event.currentTarget, { preventScrollReset: true });
        }}
      >
        <div className="search-bar">
          <SearchBox
            scope={scope}
            defaultValue={q}
            label={t("search.form.label")}
            placeholder={t(scope === "needs" ? "search.form.needsPlaceholder" : "search.form.orgsPlaceholder")}
          />
          <button type="submit" className="btn">
            {t("search.form.submit")}
          </button>
        </div>

        <div className="layout-sidebar search-layout">
          <details className="search-filters" open ref={filtersRef}>
            <summary>{t("search.filters.show", { count: selectedFilters })}</summary>
            <div className="search-filters__body">
              <h2 className="visually-hidden">{t("search.filters")}</h2>
              {facets.map((facet) => (
                <FacetGroup key={`${facet.param}-${facet.legend}`} facet={facet} />
              ))}
              <div className="search-filters__actions">
                {!hydrated ? (
                  <button type="submit" className="btn btn--secondary btn--small">
                    {t("search.form.apply")}
                  </button>
                ) : null}
                {selectedFilters > 0 || q ? (
                  <Link to={`/${scope}`} className="small">
                    {t("search.form.clearAll")}
                  </Link>
                ) : null}
              </div>
            </div>
          </details>

          <section className="search-results" aria-labelledby="results-heading" aria-busy={searching || undefined}>
            <h2 id="results-heading" className="visually-hidden">
              {t("search.results.label")}
            </h2>
            <div className="row row--between results-bar">
              <p className="result-count" role="status" aria-live="polite">
                {searching ? t("search.results.loading") : summary ? countText : ""}
              </p>
              <div className="sort-control">
                <label htmlFor={`${scope}-sort`}>{t("search.sort.label")}</label>
                <select id={`${scope}-sort`} name="sort" defaultValue={sort} key={sort}>
                  {sortOptions.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {invalid.length > 0 ? <Alert tone="warning">{t("search.invalidParams", { names: invalid.join("、") })}</Alert> : null}
            {summary === null ? <Alert tone="error">{t("search.unavailable")}</Alert> : null}
            {summary && summary.ignoredWords.length > 0 ? <Alert tone="info">{t("search.ignoredWords", { words: summary.ignoredWords.join(" ") })}</Alert> : null}
            {summary?.relaxed ? <Alert tone="info">{t("search.relaxed")}</Alert> : null}
            {summary && summary.total === 0 ? (
              <div className="card">
                <EmptyState title={t("search.empty.title")}>
                  <p>{emptyBody}</p>
                  {summary.suggestions.length > 0 ? (
                    <>
                      <p>{t("search.empty.tryInstead")}</p>
                      <ul className="empty-suggestions">
                        {summary.suggestions.map((suggestion) => (
                          <li key={suggestion.kind}>
                            <Link to={suggestion.href}>{t(`search.empty.${suggestion.kind}` as MessageKey, { count: number(suggestion.count) })}</Link>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </EmptyState>
              </div>
            ) : null}
            {summary && summary.total > 0 ? (
              <>
                <div className="card">{children}</div>
                <Pagination page={summary.page} pageCount={summary.pageCount} total={summary.total} />
              </>
            ) : null}
          </section>
        </div>
      </Form>
    </>
  );
}
