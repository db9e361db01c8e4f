import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert, Badge, PageHeader } from "#app/components/ui/basics.tsx";
import type { MessageKey } from "#app/i18n/index.ts";
import { translateError } from "#app/i18n/zod-errors.ts";
import { adminRevokeSessions, getUserForAdmin } from "#app/modules/accounts/admin-accounts.server.ts";
import { IdParamSchema, ReasonSchema } from "#app/modules/needs/schemas.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow, notFound, runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { ReasonForm } from "./workspace.needs.$needId/reason-form.tsx";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageMeta(matches, { text: data.user.displayName }) : pageMeta(matches, "admin.users.title");
export const ErrorBoundary = RouteErrorBoundary;

function userIdOf(params: { userId?: string }) {
  const parsed = IdParamSchema.safeParse(params.userId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  return loadOrThrow(() => getUserForAdmin(actor, userIdOf(params)));
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke-session"), sessionId: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal("revoke-all-sessions"), ...ReasonSchema.shape }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const userId = userIdOf(params);
  const parsed = await parseForm(request, ActionSchema);
  if (!parsed.ok) return parsed.response;
  const value = parsed.value;
  const result = await runService(() =>
    value.intent === "revoke-session" ? adminRevokeSessions(actor, userId, { sessionId: value.sessionId }) : adminRevokeSessions(actor, userId, { reason: value.reason }),
  );
  if (!result.ok) return result.response;
  return redirectWithToast(request, `/admin/users/${userId}`, { type: "success", key: "admin.users.revoked", vars: { count: result.value } });
}

export default function AdminUser() {
  const { user, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    | { result?: Parameters<typeof ReasonForm>[0]["lastResult"]; formError?: { key: string; vars?: Record<string, string | number> } }
    | undefined;
  const { t, dateTime } = useT();
  return (
    <>
      <PageHeader
        title={user.displayName}
        lead={user.email}
        breadcrumbs={[{ to: "/admin/users", label: t("admin.users.title") }]}
      />
      <section className="card" aria-labelledby="account-facts">
        <h2 id="account-facts">{t("admin.users.account")}</h2>
        <dl className="facts">
          <dt>{t("admin.users.role")}</dt>
          <dd>{t(`admin.users.role.${user.role}` as MessageKey)}</dd>
          <dt>{t("admin.users.statusLabel")}</dt>
          <dd>
            <Badge tone={user.status === "ACTIVE" ? "success" : "warning"}>{t(`admin.users.status.${user.status}` as MessageKey)}</Badge>
          </dd>
          <dt>{t("admin.users.affiliation")}</dt>
          <dd>{user.org?.name ?? user.buyerUnit?.name ?? "—"}</dd>
          <dt>{t("admin.users.lastLogin")}</dt>
          <dd>{user.lastLoginAt ? dateTime(user.lastLoginAt) : "—"}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t("admin.users.sessionsTitle")}</h2>
        {actionData?.formError ? <Alert tone="error">{translateError(t, actionData.formError.key)}</Alert> : null}
        {sessions.length === 0 ? (
          <p className="muted">{t("admin.users.noSessions")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("admin.users.sessionsTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("auth.sessions.device")}</th>
                  <th scope="col">{t("auth.sessions.address")}</th>
                  <th scope="col">{t("auth.sessions.lastSeenColumn")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("admin.users.revokeOne")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((session) => (
                  <tr key={session.id}>
                    <td className="small">{session.userAgent.slice(0, 80) || "—"}</td>
                    <td className="small">{session.ip || "—"}</td>
                    <td className="small nowrap">{dateTime(session.lastSeenAt)}</td>
                    <td>
                      <AppForm>
                        <input type="hidden" name="sessionId" value={session.id} />
                        <button className="btn btn--secondary btn--small" name="intent" value="revoke-session">
                          {t("admin.users.revokeOne")}
                        </button>
                      </AppForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {sessions.length > 0 ? (
          <ReasonForm
            id="revoke-all-sessions"
            intent="revoke-all-sessions"
            label={t("admin.users.reason")}
            hint={t("admin.users.reasonHint")}
            submit={t("admin.users.revokeAll")}
            confirm={t("admin.users.revokeAllConfirm", { name: user.displayName })}
            lastResult={actionData?.result ?? null}
            danger
          />
        ) : null}
      </section>
    </>
  );
}
