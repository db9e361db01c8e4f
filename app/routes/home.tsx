import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, EmptyState } from "#app/components/ui/basics.tsx";
import { useT, useUser } from "#app/components/root-data.ts";
import { listLatestOpenNeeds } from "#app/modules/needs/public.server.ts";
import { getPlatformStatsCached } from "#app/modules/opendata/platform-stats.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "home.title");

export async function loader(_: LoaderFunctionArgs) {
  const [stats, latestNeeds] = await Promise.all([getPlatformStatsCached(), listLatestOpenNeeds(6)]);
  return { stats, latestNeeds };
}

export default function Home() {
  const { stats, latestNeeds } = useLoaderData<typeof loader>();
  const { t, locale, number, date, yuan } = useT();
  const user = useUser();

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("home.heroTitle")}</h1>
        <p>{t("home.heroLead")}</p>
        <div className="row">
          <Link className="btn btn--light" to="/needs">
            {t("home.ctaBrowseNeeds")}
          </Link>
          <Link className="btn btn--ghost-light" to="/orgs">
            {t("home.ctaFindOrgs")}
          </Link>
          {!user ? (
            <Link className="btn btn--ghost-light" to="/signup">
              {t("home.ctaRegisterOrg")}
            </Link>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="stats-title">
        <h2 id="stats-title" className="visually-hidden">
          {t("home.stats")}
        </h2>
        <dl className="stats">
          <div className="stat">
            <dt>{t("home.stat.orgs")}</dt>
            <dd>{number(stats.verifiedOrgs)}</dd>
          </div>
          <div className="stat">
            <dt>{t("home.stat.communityOrgs")}</dt>
            <dd>{number(stats.communityOrgs)}</dd>
          </div>
          <div className="stat">
            <dt>{t("home.stat.openNeeds")}</dt>
            <dd>{number(stats.openNeeds)}</dd>
          </div>
          <div className="stat">
            <dt>{t("home.stat.crossDistrictAwards")}</dt>
            <dd>{number(stats.crossDistrictAwards)}</dd>
          </div>
        </dl>
      </section>

      <div className="layout-aside">
        <section className="card" aria-labelledby="latest-title">
          <div className="row row--between">
            <h2 id="latest-title">{t("home.latestNeeds")}</h2>
            <Link to="/needs">{t("home.viewAllNeeds")}</Link>
          </div>
          {latestNeeds.length === 0 ? (
            <EmptyState title={t("home.latestNeedsEmpty")} />
          ) : (
            <ul className="listing">
              {latestNeeds.map((need) => (
                <li key={need.id}>
                  <h3>
                    <Link to={`/needs/${need.id}`}>{need.title}</Link>
                  </h3>
                  <div className="muted small">{need.buyerUnit.name}</div>
                  {need.summary ? <p className="small" style={{ margin: "4px 0 0" }}>{need.summary}</p> : null}
                  <ul className="meta">
                    <li>{need.districts.map((d) => (locale === "zh" ? d.district.name : d.district.nameEn)).join("、")}</li>
                    {need.budget ? <li>{t("home.budget", { amount: yuan(need.budget) })}</li> : null}
                    <li>{t("home.deadline", { date: date(need.bidDeadline) })}</li>
                    <li>
                      <Badge tone={need.crossDistrict ? "success" : "warning"}>
                        {t(need.crossDistrict ? "crossDistrict.open" : "crossDistrict.closed")}
                      </Badge>
                    </li>
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="how-title">
          <h2 id="how-title">{t("home.howItWorks")}</h2>
          <ol className="steps" style={{ gridTemplateColumns: "1fr" }}>
            <li>
              <h3>{t("home.step.buyer.title")}</h3>
              <p className="small">{t("home.step.buyer.body")}</p>
            </li>
            <li>
              <h3>{t("home.step.org.title")}</h3>
              <p className="small">{t("home.step.org.body")}</p>
            </li>
            <li>
              <h3>{t("home.step.admin.title")}</h3>
              <p className="small">{t("home.step.admin.body")}</p>
            </li>
          </ol>
        </section>
      </div>
    </>
  );
}
