// The unsubscribe link of the alert e-mails: no log-in needed (the token names the saved search). The GET shows a
// confirmation; the POST turns the alerts off (mutations never happen on GET: mail scanners follow links).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AppForm } from "#app/components/csrf.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert, PageHeader } from "#app/components/ui/basics.tsx";
import { findByUnsubscribeToken, unsubscribeByToken } from "#app/modules/matching/alerts.server.ts";
import { readForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { runService } from "#app/utils/responses.server.ts";

export const meta: MetaFunction = ({ matches }) => [...pageMeta(matches, "matching.unsubscribe.title"), { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const saved = await findByUnsubscribeToken(params.token ?? "");
  return { saved: saved ? { name: saved.name, alertsEnabled: saved.alertsEnabled } : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request);
  const result = await runService(() => unsubscribeByToken(params.token ?? ""));
  if (!result.ok) return result.response;
  return { done: result.value.name };
}

export default function Unsubscribe() {
  const { saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const done = actionData && "done" in actionData ? actionData.done : null;
  return (
    <>
      <PageHeader title={t("matching.unsubscribe.title")} />
      <section className="card stack">
        {done ? (
          <Alert tone="success">{t("matching.unsubscribe.done", { name: done })}</Alert>
        ) : !saved ? (
          <Alert tone="error">{t("matching.unsubscribe.invalid")}</Alert>
        ) : !saved.alertsEnabled ? (
          <Alert tone="info">{t("matching.unsubscribe.already", { name: saved.name })}</Alert>
        ) : (
          <>
            <p>{t("matching.unsubscribe.lead", { name: saved.name })}</p>
            <AppForm>
              <button type="submit" className="btn">
                {t("matching.unsubscribe.confirm")}
              </button>
            </AppForm>
          </>
        )}
        <p className="muted small">
          {t("matching.unsubscribe.manage")} <Link to="/workspace/searches">{t("matching.saved.nav")}</Link>
        </p>
      </section>
    </>
  );
}
