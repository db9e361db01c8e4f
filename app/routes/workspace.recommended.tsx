// 推荐项目: open needs the organization is eligible for, ranked for its tags, districts and profile, with reasons,
// and what would widen its reach. Needs it may not bid on are never recommended.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { ReachAdvice, ReasonList } from "#app/components/matching/match-display.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert, EmptyState, PageHeader } from "#app/components/ui/basics.tsx";
import { getRecommendations } from "#app/modules/matching/service.server.ts";
import { requireOrgUser } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow } from "#app/utils/responses.server.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "matching.org.title");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireOrgUser(request);
  return loadOrThrow(() => getRecommendations(actor, { limit: 20 }));
}

export default function Recommended() {
  const { verified, results, openEligible, reach } = useLoaderData<typeof loader>();
  const { t, locale, yuan, dateTime, number } = useT();
  const navigation = useNavigation();
  const browse = (
    <Link className="btn btn--secondary" to="/needs">
      {t("matching.org.browse")}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("matching.org.title")} lead={t("matching.org.lead")} breadcrumbs={[{ to: "/workspace", label: t("nav.workspace") }]} actions={browse} />
      {!verified ? (
        <Alert tone="info">{t("matching.org.noProfile")}</Alert>
      ) : (
        <div className="stack">
          <section className="card" aria-labelledby="recommended-title" aria-busy={navigation.state === "loading"}>
            <h2 id="recommended-title" className="visually-hidden">
              {t("matching.org.title")}
            </h2>
            {results.length === 0 ? (
              <EmptyState title={t("matching.org.empty")} action={browse}>
                <p>{t("matching.org.emptyBody")}</p>
              </EmptyState>
            ) : (
              <>
                <p role="status">{t("matching.org.count", { count: number(openEligible) })}</p>
                <ol className="listing match-list">
                  {results.map((need) => (
                    <li key={need.id}>
                      <div className="row row--between">
                        <h3>
                          <Link to={`/needs/${need.id}`}>{need.title}</Link>
                        </h3>
                        <span className="match-score">{t("matching.score", { score: Math.round(need.score) })}</span>
                      </div>
                      <div className="muted small">
                        {need.buyerName} · {need.districts.map((d) => (locale === "zh" ? d.name : d.nameEn)).join(locale === "zh" ? "、" : ", ")}
                      </div>
                      <ul className="meta">
                        {need.budget !== null ? <li>{t("matching.org.budget", { amount: yuan(need.budget) })}</li> : null}
                        {need.bidDeadline ? <li>{t("matching.org.deadline", { time: dateTime(need.bidDeadline) })}</li> : null}
                      </ul>
                      <ReasonList reasons={need.reasons} />
                    </li>
                  ))}
                </ol>
              </>
            )}
            <p className="muted small">
              {t("matching.org.saveHint")} <Link to="/needs">{t("matching.org.browse")}</Link>
            </p>
          </section>
          {reach ? <ReachAdvice advice={reach} showEditLink /> : null}
        </div>
      )}
    </>
  );
}
