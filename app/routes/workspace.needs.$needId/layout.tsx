// The buyer's manage page of one need: a header (status, phase, counts) and tabs for each part of its life.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { PhaseBadge } from "#app/components/needs/need-display.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useT } from "#app/components/root-data.ts";
import { PageHeader } from "#app/components/ui/basics.tsx";
import { getManageHeader } from "#app/modules/needs/manage.server.ts";
import { IdParamSchema } from "#app/modules/needs/schemas.ts";
import { requireBuyerUser } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow, notFound } from "#app/utils/responses.server.ts";
import needsStyles from "#app/styles/needs.css?url";


export const links: LinksFunction = () => [{ rel: "stylesheet", href: needsStyles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageMeta(matches, { text: data.need.title }) : pageMeta(matches, "error.notFound.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const needId = IdParamSchema.safeParse(params.needId);
  if (!needId.success) throw notFound();
  return loadOrThrow(() => getManageHeader(actor, needId.data));
}

export default function ManageNeedLayout() {
  const { need, phase, counts } = useLoaderData<typeof loader>();
  const { t, dateTime, number } = useT();
  const editable = need.status === "DRAFT" || phase === "OPEN_FOR_BIDS";
  const tabs = [
    { to: ".", label: t("needs.manage.tab.overview"), end: true, show: true },
    { to: "edit", label: t(need.status === "DRAFT" ? "needs.manage.tab.edit" : "needs.manage.tab.amend"), show: editable },
    { to: "questions", label: t("needs.manage.tab.questions"), count: counts.openQuestions, show: need.status !== "DRAFT" },
    { to: "matches", label: t("matching.tab"), show: true },
    { to: "invitations", label: t("needs.manage.tab.invitations"), count: counts.invitations, show: true },
    { to: "evaluation", label: t("needs.manage.tab.evaluation"), show: need.status !== "DRAFT" },
    { to: "contract", label: t("needs.manage.tab.contract"), show: ["AWARDED", "IN_DELIVERY", "COMPLETED"].includes(need.status) },
  ];
  return (
    <>
      <PageHeader
        title={need.title}
        breadcrumbs={[
          { to: "/workspace", label: t("nav.workspace") },
          { to: "/workspace/needs", label: t("nav.buyer.needs") },
        ]}
        lead={
          <span className="row">
            <PhaseBadge phase={phase} />
            <span>{t("needs.number", { id: need.id })}</span>
            {need.bidDeadline ? <span>{t("needs.manage.deadline", { time: dateTime(need.bidDeadline) })}</span> : null}
            {need.status !== "DRAFT" ? <span>{t("needs.manage.bidCount", { count: number(counts.bids) })}</span> : null}
          </span>
        }
        actions={
          <Link className="btn btn--secondary" to={`/needs/${need.id}`}>
            {t(need.status === "DRAFT" ? "needs.manage.preview" : "needs.manage.viewNotice")}
          </Link>
        }
      />
      <nav className="tabs" aria-label={t("needs.manage.tabsLabel")}>
        {tabs
          .filter((tab) => tab.show)
          .map((tab) => (
            <NavLink key={tab.to} to={tab.to} end={tab.end}>
              {tab.label}
              {tab.count ? <span className="tab-count">{number(tab.count)}</span> : null}
            </NavLink>
          ))}
      </nav>
      <Outlet />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
