// Invitations: find organizations by name, 统一社会信用代码 or 备案编号, see at once whether they meet the need's
// rules, and invite them. (The matching engine will add a ranked list of qualified organizations here.)
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { FailureList } from "#app/components/needs/need-display.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert, Badge, EmptyState } from "#app/components/ui/basics.tsx";
import { translateError } from "#app/i18n/zod-errors.ts";
import { getInvitations, inviteOrg } from "#app/modules/needs/invitations.server.ts";
import { CONTROL_CHARS, IdParamSchema, InviteSchema } from "#app/modules/needs/schemas.ts";
import { requireBuyerUser } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { loadOrThrow, notFound, runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

function needIdOf(params: { needId?: string }) {
  const parsed = IdParamSchema.safeParse(params.needId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

const QuerySchema = z
  .string()
  .max(60)
  .transform((q) => q.replace(new RegExp(CONTROL_CHARS.source, "g"), ""))
  .catch("");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const q = QuerySchema.parse(new URL(request.url).searchParams.get("q") ?? "");
  return loadOrThrow(() => getInvitations(actor, needIdOf(params), q));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const needId = needIdOf(params);
  const parsed = await parseForm(request, InviteSchema);
  if (!parsed.ok) return parsed.response;
  const result = await runService(() => inviteOrg(actor, needId, parsed.value.orgId, parsed.value.message));
  if (!result.ok) return result.response;
  const q = new URL(request.url).searchParams.get("q");
  return redirectWithToast(request, `/workspace/needs/${needId}/invitations${q ? `?q=${encodeURIComponent(q)}` : ""}`, {
    type: "success",
    key: "needs.toast.invited",
    vars: { name: result.value.orgName },
  });
}

export default function Invitations() {
  const { need, open, invitations, results, q } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, dateTime } = useT();
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const districtName = (d: { name: string; nameEn: string }) => (locale === "zh" ? d.name : d.nameEn);
  return (
    <div className="stack">
      {formError ? <Alert tone="error">{translateError(t, formError.vars ? `${formError.key}|${JSON.stringify(formError.vars)}` : formError.key)}</Alert> : null}
      {need.method === "INVITATION" || need.method === "SINGLE_SOURCE" ? <Alert tone="info">{t("needs.invite.methodNote")}</Alert> : null}
      {open ? (
        <section className="card" aria-labelledby="find-title">
          <h2 id="find-title">{t("needs.invite.findTitle")}</h2>
          <Form method="get" className="search-row" role="search">
            <label htmlFor="invite-q" className="visually-hidden">
              {t("needs.invite.search")}
            </label>
            <input id="invite-q" className="input" type="search" name="q" defaultValue={q} placeholder={t("needs.invite.searchPlaceholder")} maxLength={60} />
            <button type="submit" className="btn">
              {t("form.search")}
            </button>
          </Form>
          {q.length >= 2 ? (
            results.length === 0 ? (
              <p className="muted">{t("needs.invite.noResults", { q })}</p>
            ) : (
              <ul className="listing">
                {results.map((org) => (
                  <li key={org.id}>
                    <div className="row row--between">
                      <h3>
                        <Link to={`/orgs/${org.id}`}>{org.name}</Link>
                      </h3>
                      {org.invited ? <Badge tone="success">{t("needs.invite.invited")}</Badge> : org.failures.length === 0 ? <Badge tone="success">{t("needs.invite.eligible")}</Badge> : <Badge tone="warning">{t("needs.invite.ineligibleBadge")}</Badge>}
                    </div>
                    <ul className="meta">
                      <li>{t(`orgKind.${org.kind as "SOCIAL_SERVICE"}`)}</li>
                      <li>{districtName(org.district)}</li>
                      <li>{org.gradeLevel ? t("grade.label", { level: org.gradeLevel }) : t("grade.none")}</li>
                      <li>{org.uscc ?? org.filingNo}</li>
                    </ul>
                    {org.failures.length > 0 ? (
                      <FailureList failures={org.failures} />
                    ) : !org.invited ? (
                      <AppForm className="invite-form" noValidate>
                        <input type="hidden" name="orgId" value={org.id} />
                        <label htmlFor={`msg-${org.id}`} className="visually-hidden">
                          {t("needs.invite.message", { name: org.name })}
                        </label>
                        <input id={`msg-${org.id}`} className="input" name="message" maxLength={300} placeholder={t("needs.invite.messagePlaceholder")} />
                        <button className="btn btn--small" type="submit" disabled={navigation.state === "submitting"} aria-label={t("needs.invite.inviteOrg", { name: org.name })}>
                          {t("needs.invite.invite")}
                        </button>
                      </AppForm>
                    ) : null}
                  </li>
                ))}
              </ul>
            )
          ) : (
            <p className="muted small">{t("needs.invite.searchHint")}</p>
          )}
        </section>
      ) : (
        <Alert tone="info">{t("needs.invite.closed")}</Alert>
      )}
      <section className="card" aria-labelledby="invited-title">
        <h2 id="invited-title">{t("needs.invite.listTitle", { count: invitations.length })}</h2>
        {invitations.length === 0 ? (
          <EmptyState title={t("needs.invite.none")} />
        ) : (
          <ul className="listing">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                <h3>
                  <Link to={`/orgs/${invitation.org.id}`}>{invitation.org.name}</Link>
                </h3>
                <ul className="meta">
                  <li>{t("needs.invite.sentAt", { time: dateTime(invitation.createdAt) })}</li>
                  <li>{invitation.seenAt ? t("needs.invite.seenAt", { time: dateTime(invitation.seenAt) }) : t("needs.invite.notSeen")}</li>
                  {need.status === "DRAFT" ? <li>{t("needs.invite.afterPublish")}</li> : null}
                </ul>
                {invitation.message ? <p className="small">{invitation.message}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
