// The buying unit's needs, by stage: open, to evaluate, drafts, awarded / in delivery, finished.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PhaseBadge } from "#app/components/needs/need-display.tsx";
import { useT } from "#app/components/root-data.ts";
import { EmptyState, PageHeader, Pagination } from "#app/components/ui/basics.tsx";
import { listBuyerNeeds } from "#app/modules/needs/needs.server.ts";
import { BUYER_TABS } from "#app/modules/needs/schemas.ts";
import { needPhase } from "#app/modules/needs/phase.ts";
import { requireBuyerUser } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow } from "#app/utils/responses.server.ts";
import needsStyles from "#app/styles/needs.css?url";


export const links: LinksFunction = () => [{ rel: "stylesheet", href: needsStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "needs.buyerList.title");

const QuerySchema = z.object({
  tab: z.enum(BUYER_TABS).catch("open"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const { tab, page } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return loadOrThrow(() => listBuyerNeeds(actor, { tab, page }));
}

export default function BuyerNeeds() {
  const data = useLoaderData<typeof loader>();
  const { t, dateTime, yuan, number } = useT();
  return (
    <>
      <PageHeader
        title={t("needs.buyerList.title")}
        lead={data.unitName}
        breadcrumbs={[{ to: "/workspace", label: t("nav.workspace") }]}
        actions={
          <Link className="btn" to="/workspace/needs/new">
            {t("nav.buyer.newNeed")}
          </Link>
        }
      />
      <nav className="tabs" aria-label={t("needs.buyerList.tabsLabel")}>
        {BUYER_TABS.map((tab) => (
          <Link key={tab} to={`?tab=${tab}`} aria-current={data.tab === tab ? "page" : undefined}>
            {t(`needs.buyerList.tab.${tab}`)} <span className="tab-count">{number(data.counts[tab])}</span>
          </Link>
        ))}
      </nav>
      <div className="card">
        {data.items.length === 0 ? (
          <EmptyState
            title={t(`needs.buyerList.empty.${data.tab}`)}
            action={
              data.tab === "open" || data.tab === "draft" ? (
                <Link className="btn" to="/workspace/needs/new">
                  {t("nav.buyer.newNeed")}
                </Link>
              ) : null
            }
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t(`needs.buyerList.tab.${data.tab}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("needs.buyerList.col.title")}</th>
                  <th scope="col">{t("needs.buyerList.col.status")}</th>
                  <th scope="col">{t("needs.buyerList.col.deadline")}</th>
                  <th scope="col" className="num">
                    {t("needs.buyerList.col.budget")}
                  </th>
                  <th scope="col" className="num">
                    {t("needs.buyerList.col.bids")}
                  </th>
                  <th scope="col" className="num">
                    {t("needs.buyerList.col.questions")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((need) => (
                  <tr key={need.id}>
                    <td>
                      <Link to={`/workspace/needs/${need.id}`}>{need.title}</Link>
                      <div className="muted small">{t("needs.number", { id: need.id })}</div>
                    </td>
                    <td>
                      <PhaseBadge phase={needPhase(need, new Date(data.now))} />
                    </td>
                    <td className="nowrap">{need.bidDeadline ? dateTime(need.bidDeadline) : "—"}</td>
                    <td className="num nowrap">{need.budget ? yuan(need.budget) : "—"}</td>
                    <td className="num">{need.status === "DRAFT" ? "—" : number(need.bidCount)}</td>
                    <td className="num">{need.openQuestions > 0 ? <strong>{number(need.openQuestions)}</strong> : "0"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={data.page} pageCount={data.pageCount} total={data.total} />
      </div>
    </>
  );
}
