// Saved searches (搜索提醒): the user's saved /needs searches, with alerts on or off; saving happens from the search
// page (a POST here with the search's query string).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useT } from "#app/components/root-data.ts";
import { Badge, EmptyState, PageHeader } from "#app/components/ui/basics.tsx";
import { deleteSavedSearch, listSavedSearches, saveSearch, setSavedSearchAlerts } from "#app/modules/matching/alerts.server.ts";
import { IdSchema } from "#app/modules/needs/schemas.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow, runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "matching.saved.title");
export const ErrorBoundary = RouteErrorBoundary;

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), search: z.string().max(2000).default(""), name: z.string().max(60).optional() }),
  z.object({ intent: z.literal("alerts-on"), id: IdSchema }),
  z.object({ intent: z.literal("alerts-off"), id: IdSchema }),
  z.object({ intent: z.literal("delete"), id: IdSchema }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request);
  return { searches: await loadOrThrow(() => listSavedSearches(actor)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request);
  const parsed = await parseForm(request, ActionSchema);
  if (!parsed.ok) return parsed.response;
  const input = parsed.value;
  if (input.intent === "save") {
    const result = await runService(() => saveSearch(actor, { search: input.search.replace(/^\?/, ""), name: input.name }));
    if (!result.ok) {
      return redirectWithToast(request, "/workspace/searches", { type: "error", key: "matching.saved.limit", vars: { max: 20 } });
    }
    return redirectWithToast(request, "/workspace/searches", { type: "success", key: "matching.toast.saved", vars: { name: result.value.name } });
  }
  if (input.intent === "delete") {
    const result = await runService(() => deleteSavedSearch(actor, input.id));
    if (!result.ok) return result.response;
    return redirectWithToast(request, "/workspace/searches", { type: "success", key: "matching.toast.deleted" });
  }
  const enabled = input.intent === "alerts-on";
  const result = await runService(() => setSavedSearchAlerts(actor, input.id, enabled));
  if (!result.ok) return result.response;
  return redirectWithToast(request, "/workspace/searches", { type: "success", key: enabled ? "matching.toast.alertsOn" : "matching.toast.alertsOff" });
}

export default function SavedSearches() {
  const { searches } = useLoaderData<typeof loader>();
  const { t, date, number } = useT();
  const browse = (
    <Link className="btn btn--secondary" to="/needs">
      {t("matching.org.browse")}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("matching.saved.title")} lead={t("matching.saved.lead")} breadcrumbs={[{ to: "/workspace", label: t("nav.workspace") }]} actions={browse} />
      <section className="card" aria-labelledby="searches-title">
        <h2 id="searches-title" className="visually-hidden">
          {t("matching.saved.title")}
        </h2>
        {searches.length === 0 ? (
          <EmptyState title={t("matching.saved.empty")} action={browse}>
            <p>{t("matching.saved.emptyBody")}</p>
          </EmptyState>
        ) : (
          <ul className="listing">
            {searches.map((search) => (
              <li key={search.id}>
                <div className="row row--between">
                  <h3>
                    <Link to={search.href}>{search.name}</Link>
                  </h3>
                  <Badge tone={search.alertsEnabled ? "success" : "neutral"}>{t(search.alertsEnabled ? "matching.saved.alertsOn" : "matching.saved.alertsOff")}</Badge>
                </div>
                <ul className="meta">
                  <li>{t("matching.saved.created", { date: date(search.createdAt) })}</li>
                  <li>{t("matching.saved.hits", { count: number(search.hits) })}</li>
                </ul>
                <div className="row">
                  <Link className="btn btn--small btn--secondary" to={search.href}>
                    {t("matching.saved.open")}
                  </Link>
                  <AppForm>
                    <input type="hidden" name="intent" value={search.alertsEnabled ? "alerts-off" : "alerts-on"} />
                    <input type="hidden" name="id" value={search.id} />
                    <button type="submit" className="btn btn--small btn--secondary" aria-label={t("matching.saved.toggleNamed", { name: search.name })}>
                      {t(search.alertsEnabled ? "matching.saved.turnOff" : "matching.saved.turnOn")}
                    </button>
                  </AppForm>
                  <AppForm>
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={search.id} />
                    <button type="submit" className="btn btn--small btn--danger" aria-label={t("matching.saved.deleteNamed", { name: search.name })}>
                      {t("matching.saved.delete")}
                    </button>
                  </AppForm>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
