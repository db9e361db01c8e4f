// The organization's invitations to bid, newest first (opening the list marks them seen).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PhaseBadge } from "#app/components/needs/need-display.tsx";
import { useT } from "#app/components/root-data.ts";
import { Badge, EmptyState, PageHeader, Pagination } from "#app/components/ui/basics.tsx";
import { listMyInvitations } from "#app/modules/needs/invitations.server.ts";
import { needPhase } from "#app/modules/needs/phase.ts";
import { requireOrgUser } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow } from "#app/utils/responses.server.ts";
import needsStyles from "#app/styles/needs.css?url";


export const links: LinksFunction = () => [{ rel: "stylesheet", href: needsStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "needs.invitations.title");

const PageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireOrgUser(request);
  const page = PageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
  return loadOrThrow(() => listMyInvitations(actor, { page }));
}

export default function MyInvitations() {
  const { items, page, pageCount, total, now } = useLoaderData<typeof loader>();
  const { t, yuan, dateTime } = useT();
  return (
    <>
      <PageHeader title={t("needs.invitations.title")} lead={t("needs.invitations.lead")} breadcrumbs={[{ to: "/workspace", label: t("nav.workspace") }]} />
      <div className="card">
        {items.length === 0 ? (
          <EmptyState title={t("needs.invitations.empty")} />
        ) : (
          <ul className="listing">
            {items.map((invitation) => {
              const phase = needPhase(invitation.need, new Date(now));
              return (
                <li key={invitation.id}>
                  <div className="row row--between">
                    <h3>
                      {!invitation.seenAt ? <Badge tone="primary">{t("needs.invitations.new")}</Badge> : null} <Link to={`/needs/${invitation.need.id}`}>{invitation.need.title}</Link>
                    </h3>
                    <PhaseBadge phase={phase} />
                  </div>
                  <ul className="meta">
                    <li>{invitation.need.buyerUnit.name}</li>
                    {invitation.need.budget ? <li>{t("home.budget", { amount: yuan(invitation.need.budget) })}</li> : null}
                    {invitation.need.bidDeadline ? <li>{t("bids.mine.deadline", { time: dateTime(invitation.need.bidDeadline) })}</li> : null}
                    <li>{t("needs.invitations.invitedAt", { time: dateTime(invitation.createdAt) })}</li>
                    {invitation.myBidStatus ? <li>{t("needs.invitations.myBid", { status: t(`bidStatus.${invitation.myBidStatus}`) })}</li> : null}
                  </ul>
                  {invitation.message ? <p className="small">{invitation.message}</p> : null}
                  {phase === "OPEN_FOR_BIDS" ? (
                    <Link className="btn btn--small" to={`/needs/${invitation.need.id}/bid`}>
                      {invitation.myBidStatus === "SUBMITTED" ? t("bids.mine.edit") : t("needs.public.bid")}
                    </Link>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <Pagination page={page} pageCount={pageCount} total={total} />
      </div>
    </>
  );
}
