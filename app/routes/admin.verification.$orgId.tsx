import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ChangeRequestCard } from "#app/components/change-request-card.tsx";
import { AppForm } from "#app/components/csrf.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useIntentError } from "#app/components/intent-error.ts";
import { useT } from "#app/components/root-data.ts";
import { Alert, Badge, PageHeader } from "#app/components/ui/basics.tsx";
import { FormErrors, TextareaField } from "#app/components/ui/field.tsx";
import { hasMessage, type MessageKey } from "#app/i18n/index.ts";
import { ChangeRequestDecisionSchema, VERIFICATION_TRANSITIONS, VerificationActionSchema, type VerificationAction } from "#app/modules/orgs/schemas.ts";
import { decideChangeRequest, decideVerification, getOrgForReview } from "#app/modules/orgs/verification.server.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/forms.server.ts";
import { runFormService } from "#app/utils/intent.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow, notFound } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

const ParamsSchema = z.object({ orgId: z.coerce.number().int().positive().max(2_147_483_647) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return loadOrThrow(() => getOrgForReview(actor, parsed.data.orgId));
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageMeta(matches, { text: data.org.name }) : pageMeta(matches, "admin.verification.title");
export const ErrorBoundary = RouteErrorBoundary;

const ActionSchema = z.union([VerificationActionSchema, ChangeRequestDecisionSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const parsedParams = ParamsSchema.safeParse(params);
  if (!parsedParams.success) throw notFound();
  const { orgId } = parsedParams.data;
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const id = String(formData.get("requestId") ?? orgId);
  const parsed = ActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ intent, id, formError: { key: parsed.error.issues[0]?.message ?? "form.invalid" } }, { status: 400 });
  const input = parsed.data;
  const back = `/admin/verification/${orgId}`;
  if ("requestId" in input) {
    const approve = input.intent === "approve-change";
    const result = await runFormService({ intent, id }, () => decideChangeRequest(actor, input.requestId, approve, input.reason));
    if (!result.ok) return result.response;
    return redirectWithToast(request, back, { type: "success", key: approve ? "admin.changes.approved" : "admin.changes.rejected" });
  }
  const result = await runFormService({ intent, id }, () => decideVerification(actor, orgId, input.intent, input.reason));
  if (!result.ok) return result.response;
  const review = await getOrgForReview(actor, orgId);
  return redirectWithToast(request, back, { type: "success", key: `admin.verify.done.${input.intent}` as MessageKey, vars: { name: review.org.name } });
}

const STATUS_TONE = { PENDING: "warning", VERIFIED: "success", REJECTED: "danger", SUSPENDED: "danger", DEREGISTERED: "neutral" } as const;

export default function ReviewOrganization() {
  const { org, identifier, history, actions } = useLoaderData<typeof loader>();
  const { t, locale, date, dateTime } = useT();
  const authority = identifier?.authority;
  const authorityName = authority
    ? authority.level === "retired" && authority.successor
      ? t("orgs.profile.authorityRetired", {
          name: locale === "en" ? authority.nameEn : authority.nameZh,
          successor: locale === "en" ? authority.successor.nameEn : authority.successor.nameZh,
        })
      : authority.level === "municipal"
        ? t("orgs.profile.authorityMunicipal")
        : locale === "en"
          ? authority.nameEn
          : authority.nameZh
    : null;

  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: "/admin/verification", label: t("admin.verification.title") }]}
        title={org.name}
        lead={
          <span className="row" style={{ gap: 6 }}>
            <Badge tone={STATUS_TONE[org.status]}>{t(`orgStatus.${org.status}`)}</Badge>
            <Badge>{t(`orgKind.${org.kind}`)}</Badge>
            {org.isCommunityOrg ? <Badge tone="success">{t("orgs.isCommunityOrg")}</Badge> : null}
          </span>
        }
        actions={
          <Link className="btn btn--secondary" to={`/orgs/${org.id}`}>
            {t("admin.review.viewPublic")}
          </Link>
        }
      />
      {org.statusReason ? <Alert tone="warning">{t("admin.review.statusReason", { reason: org.statusReason })}</Alert> : null}
      <div className="layout-aside">
        <div className="stack">
          <section className="card" aria-labelledby="identity">
            <h2 id="identity">{t("admin.review.identity")}</h2>
            {org.uscc ? (
              <>
                <p>
                  {t("orgs.uscc")}：<strong style={{ fontVariantNumeric: "tabular-nums", letterSpacing: "0.04em" }}>{org.uscc}</strong>
                </p>
                {identifier?.ok ? (
                  <Alert tone="success">{t("admin.review.checkOk")}</Alert>
                ) : identifier?.errorCode === "checkChar" ? (
                  <Alert tone="warning">{t("admin.review.checkFailed", { expected: identifier.expectedCheckChar ?? "" })}</Alert>
                ) : (
                  <Alert tone="error">{t("admin.review.checkError")}</Alert>
                )}
                {authorityName ? <p className="small">{t("admin.review.authority", { name: authorityName, code: org.uscc.slice(2, 8) })}</p> : null}
              </>
            ) : (
              <p>{t("admin.review.filed", { filingNo: org.filingNo ?? "—" })}</p>
            )}
            {org.custodian ? (
              <p className="small">
                {t("orgs.custodianLabel")}：<Link to={`/admin/verification/${org.custodian.id}`}>{org.custodian.name}</Link>
              </p>
            ) : null}
            <dl className="facts">
              <dt>{t("orgs.profile.location")}</dt>
              <dd>
                {locale === "en" ? org.district.nameEn : org.district.name}
                {org.street ? ` · ${org.street.name}` : ""}
              </dd>
              {org.address ? (
                <>
                  <dt>{t("orgs.address")}</dt>
                  <dd>{org.address}</dd>
                </>
              ) : null}
              {org.foundedOn ? (
                <>
                  <dt>{t("orgs.foundedOn")}</dt>
                  <dd>{date(org.foundedOn)}</dd>
                </>
              ) : null}
              <dt>{t("orgs.grade")}</dt>
              <dd>
                {org.gradeLevel ? t("orgs.profile.gradeValid", { grade: t("grade.label", { level: org.gradeLevel }), date: date(org.gradeValidUntil) }) : t("grade.none")}
              </dd>
              <dt>{t("orgs.qualifications")}</dt>
              <dd>
                {[org.taxExempt && t("qualification.TAX_EXEMPT"), org.preTaxDeduction && t("qualification.PRE_TAX_DEDUCTION"), org.donationReceipts && t("qualification.DONATION_RECEIPTS")]
                  .filter(Boolean)
                  .join(locale === "en" ? "; " : "；") || t("orgs.qualificationsNone")}
              </dd>
              <dt>{t("orgs.profile.contact")}</dt>
              <dd>{[org.contactName, org.contactPhone, org.contactEmail].filter(Boolean).join(" · ") || "—"}</dd>
              <dt>{t("admin.review.registeredAt")}</dt>
              <dd>{dateTime(org.createdAt)}</dd>
            </dl>
            {org.description ? <p style={{ marginTop: 12, whiteSpace: "pre-wrap" }}>{org.description}</p> : null}
          </section>

          <section className="card" aria-labelledby="accounts">
            <h2 id="accounts">{t("admin.review.accounts")}</h2>
            {org.users.length === 0 ? (
              <p className="muted">{t("admin.review.noAccounts")}</p>
            ) : (
              <ul className="listing">
                {org.users.map((user) => (
                  <li key={user.id}>
                    <strong>{user.displayName}</strong>
                    <ul className="meta">
                      <li>{user.email}</li>
                      {user.phone ? <li>{user.phone}</li> : null}
                      <li>{user.lastLoginAt ? t("admin.review.lastLogin", { date: dateTime(user.lastLoginAt) }) : t("admin.review.neverLoggedIn")}</li>
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {org.changeRequests.map((request) => (
            <ChangeRequestCard key={request.id} request={request} title={t("admin.review.changeTitle")} subtitle={t("admin.changes.submitted", { date: date(request.createdAt) })} />
          ))}

          <section className="card" aria-labelledby="history">
            <h2 id="history">{t("admin.review.history")}</h2>
            {history.length === 0 ? (
              <p className="muted">{t("admin.review.historyEmpty")}</p>
            ) : (
              <ul className="listing">
                {history.map((row) => {
                  const label = `admin.action.${row.action}`;
                  return (
                    <li key={row.id}>
                      <strong>{hasMessage(label) ? t(label) : row.action}</strong>
                      <ul className="meta">
                        <li>{dateTime(row.createdAt)}</li>
                        <li>{row.actorName ?? (row.actorRole?.startsWith("SYSTEM") ? t("admin.audit.system") : row.actorRole === "ANONYMOUS" ? t("admin.audit.anonymous") : "—")}</li>
                      </ul>
                      {row.reason ? <p className="small" style={{ margin: "4px 0 0" }}>{row.reason}</p> : null}
                    </li>
                  );
                })}
              </ul>
            )}
            <p className="small" style={{ marginTop: 12 }}>
              <Link to={`/admin/audit?entityType=Organization&entityId=${org.id}`}>{t("admin.audit.title")}</Link>
            </p>
          </section>
        </div>

        <aside className="card" aria-labelledby="decision">
          <h2 id="decision">{t("admin.review.decision")}</h2>
          {actions.length === 0 ? <p className="muted">{t("admin.review.noActions")}</p> : null}
          <div className="stack">
            {actions.map((action) => (
              <DecisionForm key={action} action={action} orgId={org.id} />
            ))}
          </div>
        </aside>
      </div>
    </>
  );
}

function DecisionForm({ action, orgId }: { action: VerificationAction; orgId: number }) {
  const { t } = useT();
  const navigation = useNavigation();
  const error = useIntentError([action], orgId);
  const needsReason = VERIFICATION_TRANSITIONS[action].reasonRequired;
  const danger = action === "reject" || action === "suspend" || action === "deregister";
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === action;
  return (
    <AppForm className={danger ? "danger-zone" : undefined} style={{ border: "1px solid var(--c-border)", borderRadius: 6, padding: "12px 14px" }}>
      <h3 style={{ marginBottom: 4 }}>{t(`admin.verify.action.${action}`)}</h3>
      <p className="small muted" style={{ marginBottom: 8 }}>
        {t(`admin.verify.help.${action}`)}
      </p>
      <FormErrors errors={[error]} />
      <TextareaField label={needsReason ? t("admin.verify.reason") : t("admin.verify.reasonOptional")} name="reason" rows={2} aria-required={needsReason || undefined} />
      <button className={danger ? "btn btn--danger" : "btn"} name="intent" value={action} disabled={submitting}>
        {submitting ? t("form.saving") : t(`admin.verify.action.${action}`)}
      </button>
    </AppForm>
  );
}
