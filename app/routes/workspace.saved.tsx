// Needs the organization user saved (收藏). Saving also brings answers and amendments of the need as messages.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { PhaseBadge } from "#app/components/needs/need-display.tsx";
import { useT } from "#app/components/root-data.ts";
import { Badge, EmptyState, PageHeader, Pagination } from "#app/components/ui/basics.tsx";
import { needPhase } from "#app/modules/needs/phase.ts";
import { listSavedNeeds, unsaveNeed } from "#app/modules/needs/saved.server.ts";
import { IdSchema } from "#app/modules/needs/schemas.ts";
import { requireOrgUser } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow, runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import needsStyles from "#app/styles/needs.css?url";


export const links: LinksFunction = () => [{ rel: "stylesheet", href: needsStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "needs.saved.title");

const PageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireOrgUser(request);
  const page = PageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
  return loadOrThrow(() => listSavedNeeds(actor, { page }));
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireOrgUser(request);
  const parsed = await parseForm(request, z.object({ intent: z.literal("unsave"), needId: IdSchema }));
  if (!parsed.ok) return parsed.response;
  const result = await runService(() => unsaveNeed(actor, parsed.value.needId));
  if (!result.ok) return result.response;
  return redirectWithToast(request, "/workspace/saved", { type: "success", key: "needs.toast.unsaved" });
}

export default function SavedNeeds() {
  const { items, page, pageCount, total, now } = useLoaderData<typeof loader>();
  const { t, locale, yuan, dateTime } = useT();
  return (
    <>
      <PageHeader
        title={t("needs.saved.title")}
        lead={t("needs.saved.lead")}
        breadcrumbs={[{ to: "/workspace", label: t("nav.workspace") }]}
        actions={
          <Link className="btn btn--secondary" to="/needs">
            {t("bids.mine.browse")}
          </Link>
        }
      />
      <div className="card">
        {items.length === 0 ? (
          <EmptyState
            title={t("needs.saved.empty")}
            action={
              <Link className="btn" to="/needs">
                {t("bids.mine.browse")}
              </Link>
            }
          />
        ) : (
          <ul className="listing">
            {items.map(({ need, myBidStatus }) => (
              <li key={need.id}>
                <div className="row row--between">
                  <h3>
                    <Link to={`/needs/${need.id}`}>{need.title}</Link>
                  </h3>
                  <PhaseBadge phase={needPhase(need, new Date(now))} />
                </div>
                <div className="muted small">{need.buyerUnit.name}</div>
                {need.summary ? <p className="small">{need.summary}</p> : null}
                <ul className="meta">
                  <li>{need.districts.map((d) => (locale === "zh" ? d.district.name : d.district.nameEn)).join(t("bids.elig.listSeparator"))}</li>
                  {need.budget ? <li>{t("home.budget", { amount: yuan(need.budget) })}</li> : null}
                  {need.bidDeadline ? <li>{t("bids.mine.deadline", { time: dateTime(need.bidDeadline) })}</li> : null}
                  {myBidStatus ? (
                    <li>
                      <Badge tone="primary">{t(`bidStatus.${myBidStatus}`)}</Badge>
                    </li>
                  ) : null}
                </ul>
                <AppForm className="inline-form">
                  <input type="hidden" name="needId" value={need.id} />
                  <button className="link-button-plain" name="intent" value="unsave" aria-label={t("needs.saved.removeLabel", { title: need.title })}>
                    {t("needs.public.unsave")}
                  </button>
                </AppForm>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pageCount={pageCount} total={total} />
      </div>
    </>
  );
}
