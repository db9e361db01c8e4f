// /needs — search and browse published needs. URL-driven: every search is a link. Default view: open needs,
// newest first.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { AppForm } from "#app/components/csrf.tsx";
import { useT, useUser } from "#app/components/root-data.ts";
import type { FacetView } from "#app/components/search/facets.tsx";
import { Highlight } from "#app/components/search/highlight.tsx";
import { SearchLayout } from "#app/components/search/search-layout.tsx";
import { Badge, TagList } from "#app/components/ui/basics.tsx";
import type { MessageKey } from "#app/i18n/index.ts";
import { PHASE_TONE } from "#app/modules/needs/phase.ts";
import { highlightParts, parseNeedSearchParams } from "#app/modules/search/schemas.ts";
import { runSearchPage, searchNeeds } from "#app/modules/search/pages.server.ts";
import { getActor } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "search.needs.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const actor = await getActor(request);
  const { value: params, invalid } = parseNeedSearchParams(url.searchParams);
  const outcome = await runSearchPage(() => searchNeeds({ params, urlParams: url.searchParams, actor }));
  const sort = url.searchParams.get("sort") && !invalid.includes("sort") ? params.sort : "";
  return data({ params, sort, invalid, summary: outcome.summary }, { status: outcome.status });
}

export default function NeedsSearch() {
  const { params, sort, invalid, summary } = useLoaderData<typeof loader>();
  const { t, locale, date, yuan } = useT();
  const user = useUser();
  const location = useLocation();
  // Signed-in users save the search (words and filters) for alerts on new needs (/workspace/searches).
  const saveSearch = user ? (
    <AppForm action="/workspace/searches" aria-label={t("matching.saved.saveLabel")}>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="search" value={location.search} />
      <button type="submit" className="btn btn--secondary">
        {t("matching.saved.save")}
      </button>
    </AppForm>
  ) : null;
  const facets: FacetView[] = (summary?.facets ?? []).map((facet) => ({
    ...facet,
    legend: facet.label ? (locale === "zh" ? facet.label.zh : facet.label.en) : t(facet.labelKey as MessageKey),
    hidden: facet.options.length === 0 || (facet.param === "deadline" && !facet.options.some((o) => o.count > 0 || o.selected)),
  }));
  const sortOptions = [
    { value: "", label: t(params.q ? "search.sort.relevance" : "search.sort.newest") },
    ...(["relevance", "newest", "deadline", "budget_desc", "budget_asc"] as const)
      .filter((value) => value !== (params.q ? "relevance" : "newest"))
      .map((value) => ({ value, label: t(`search.sort.${value}`) })),
  ];

  return (
    <SearchLayout
      scope="needs"
      title={t("search.needs.title")}
      lead={t("search.needs.lead")}
      q={params.q}
      sort={sort}
      sortOptions={sortOptions}
      summary={summary}
      facets={facets}
      invalid={invalid}
      emptyBody={t("search.empty.needsBody")}
      actions={saveSearch}
    >
      <ol className="listing search-hits">
        {(summary?.results ?? []).map((need) => (
          <li key={need.id}>
            <h3>
              <Link to={`/needs/${need.id}`}>
                <Highlight parts={highlightParts(need.title)} />
              </Link>
            </h3>
            <div className="muted small">
              {need.buyerName} · {need.districts.map((d) => (locale === "zh" ? d.name : d.nameEn)).join(locale === "zh" ? "、" : ", ")}
            </div>
            {need.summary ? (
              <p className="search-hit__text">
                <Highlight parts={highlightParts(need.summary)} />
              </p>
            ) : null}
            <ul className="meta">
              <li>
                <Badge tone={PHASE_TONE[need.phase]}>{t(`needStatus.${need.phase}` as MessageKey)}</Badge>
              </li>
              <li>{need.budget !== null ? t("search.need.budget", { amount: yuan(need.budget) }) : t("search.need.noBudget")}</li>
              {need.bidDeadline ? <li>{t("search.need.deadline", { date: date(need.bidDeadline) })}</li> : null}
              {need.publishedAt ? <li>{t("search.need.published", { date: date(need.publishedAt) })}</li> : null}
              <li>
                <Badge tone={need.crossDistrict ? "success" : "warning"}>{t(need.crossDistrict ? "crossDistrict.open" : "crossDistrict.closed")}</Badge>
              </li>
              {need.catalogName ? <li>{t("search.need.catalog", { name: need.catalogName })}</li> : null}
            </ul>
            <TagList tags={need.tags.map((tag) => ({ id: tag.id, name: locale === "zh" ? tag.name : tag.nameEn }))} label={t("search.need.tags")} />
          </li>
        ))}
      </ol>
    </SearchLayout>
  );
}
