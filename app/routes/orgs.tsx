// /orgs — the directory of verified social organizations, searchable and filterable. URL-driven.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/components/root-data.ts";
import type { FacetView } from "#app/components/search/facets.tsx";
import { Highlight } from "#app/components/search/highlight.tsx";
import { SearchLayout } from "#app/components/search/search-layout.tsx";
import { Badge, TagList } from "#app/components/ui/basics.tsx";
import type { MessageKey } from "#app/i18n/index.ts";
import { highlightParts, parseOrgSearchParams } from "#app/modules/search/schemas.ts";
import { runSearchPage, searchOrgs } from "#app/modules/search/pages.server.ts";
import { getActor } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "search.orgs.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const actor = await getActor(request);
  const { value: params, invalid } = parseOrgSearchParams(url.searchParams);
  const outcome = await runSearchPage(() => searchOrgs({ params, urlParams: url.searchParams, actor }));
  const sort = url.searchParams.get("sort") && !invalid.includes("sort") ? params.sort : "";
  return data({ params, sort, invalid, summary: outcome.summary }, { status: outcome.status });
}

const SORT_KEYS: Record<string, MessageKey> = {
  relevance: "search.sort.relevance",
  grade: "search.sort.grade",
  contracts: "search.sort.contracts",
  rating: "search.sort.rating",
  newest: "search.sort.orgsNewest",
};

export default function OrgsSearch() {
  const { params, sort, invalid, summary } = useLoaderData<typeof loader>();
  const { t, locale, number } = useT();
  const facets: FacetView[] = (summary?.facets ?? []).map((facet) => ({
    ...facet,
    legend: facet.label ? (locale === "zh" ? facet.label.zh : facet.label.en) : t(facet.labelKey as MessageKey),
    hidden: facet.options.length === 0,
  }));
  const sortOptions = [
    { value: "", label: t("search.sort.relevance") },
    ...["grade", "contracts", "rating", "newest"].map((value) => ({ value, label: t(SORT_KEYS[value]) })),
  ];

  return (
    <SearchLayout
      scope="orgs"
      title={t("search.orgs.title")}
      lead={t("search.orgs.lead")}
      q={params.q}
      sort={sort === "relevance" ? "" : sort}
      sortOptions={sortOptions}
      summary={summary}
      facets={facets}
      invalid={invalid}
      emptyBody={t("search.empty.orgsBody")}
    >
      <ol className="listing search-hits">
        {(summary?.results ?? []).map((org) => (
          <li key={org.id}>
            <h3>
              <Link to={`/orgs/${org.id}`}>
                <Highlight parts={highlightParts(org.name)} />
              </Link>
            </h3>
            <div className="muted small">
              {t(`orgKind.${org.kind}` as MessageKey)}
              {org.district ? ` · ${locale === "zh" ? org.district.name : org.district.nameEn}` : ""}
              {org.streetName ? ` · ${org.streetName}` : ""}
            </div>
            {org.description ? (
              <p className="search-hit__text">
                <Highlight parts={highlightParts(org.description)} />
              </p>
            ) : null}
            <ul className="meta">
              <li>
                {org.grade ? (
                  <Badge tone={org.gradeValid ? "primary" : "neutral"}>
                    {t(org.gradeValid ? "search.org.grade" : "search.org.gradeExpired", { level: org.grade })}
                  </Badge>
                ) : (
                  <Badge>{t("search.org.noGrade")}</Badge>
                )}
              </li>
              {org.isCommunityOrg ? (
                <li>
                  <Badge tone="success">{t("search.org.community")}</Badge>
                </li>
              ) : null}
              {org.completedContracts > 0 ? <li>{t("search.org.contracts", { count: number(org.completedContracts) })}</li> : null}
              {org.ratingAvg !== null ? <li>{t("search.org.rating", { rating: org.ratingAvg.toFixed(1) })}</li> : null}
              {org.qualifications.map((qual) => (
                <li key={qual}>{t(`qualification.${qual}` as MessageKey)}</li>
              ))}
            </ul>
            <TagList tags={org.tags.map((tag) => ({ id: tag.id, name: locale === "zh" ? tag.name : tag.nameEn }))} label={t("search.org.tags")} />
          </li>
        ))}
      </ol>
    </SearchLayout>
  );
}
