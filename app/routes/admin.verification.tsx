import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ChangeRequestCard } from "#app/components/change-request-card.tsx";
import { AppForm } from "#app/components/csrf.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useIntentError } from "#app/components/intent-error.ts";
import { useT } from "#app/components/root-data.ts";
import { Badge, EmptyState, PageHeader, Pagination } from "#app/components/ui/basics.tsx";
import { CheckboxField, Field, FormErrors, SelectField } from "#app/components/ui/field.tsx";
import { listPendingBuyerStaff, setUserStatus } from "#app/modules/accounts/users.server.ts";
import { BuyerStaffDecisionSchema, ChangeRequestDecisionSchema, ORG_KINDS, ORG_STATUSES } from "#app/modules/orgs/schemas.ts";
import { decideChangeRequest, listDistricts, listPendingChangeRequests, listVerificationQueue } from "#app/modules/orgs/verification.server.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/forms.server.ts";
import { runFormService } from "#app/utils/intent.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "admin.verification.title");
export const ErrorBoundary = RouteErrorBoundary;

const QuerySchema = z.object({
  tab: z.enum(["orgs", "changes", "buyers"]).catch("orgs"),
  status: z.enum([...ORG_STATUSES, "ALL"]).catch("PENDING"),
  district: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  kind: z.enum(ORG_KINDS).optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  warning: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = QuerySchema.parse(params);
  const [queue, districts, changes, buyers] = await Promise.all([
    listVerificationQueue(actor, {
      status: query.status,
      districtCode: query.district,
      kind: query.kind,
      q: query.q || undefined,
      warning: query.warning === "1",
      page: query.page,
    }),
    listDistricts(),
    query.tab === "changes" ? listPendingChangeRequests(actor) : Promise.resolve([]),
    query.tab === "buyers" ? listPendingBuyerStaff(actor) : Promise.resolve([]),
  ]);
  return { query, queue, districts, changes, buyers };
}

const ActionSchema = z.union([ChangeRequestDecisionSchema, BuyerStaffDecisionSchema]);

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const formData = await readForm(request);
  const parsed = ActionSchema.safeParse(Object.fromEntries(formData));
  const intent = String(formData.get("intent") ?? "");
  const id = String(formData.get("requestId") ?? formData.get("userId") ?? "");
  if (!parsed.success) {
    return data({ intent, id, formError: { key: parsed.error.issues[0]?.message ?? "form.invalid" } }, { status: 400 });
  }
  const input = parsed.data;
  const tag = { intent, id };
  if ("requestId" in input) {
    const approve = input.intent === "approve-change";
    const result = await runFormService(tag, () => decideChangeRequest(actor, input.requestId, approve, input.reason));
    if (!result.ok) return result.response;
    return redirectWithToast(request, "/admin/verification?tab=changes", { type: "success", key: approve ? "admin.changes.approved" : "admin.changes.rejected" });
  }
  const pending = (await listPendingBuyerStaff(actor)).find((user) => user.id === input.userId);
  const confirm = input.intent === "confirm-buyer";
  const result = await runFormService(tag, () => setUserStatus(actor, input.userId, confirm ? "ACTIVE" : "DISABLED", input.reason));
  if (!result.ok) return result.response;
  return redirectWithToast(request, "/admin/verification?tab=buyers", {
    type: "success",
    key: confirm ? "admin.buyers.confirmed" : "admin.buyers.refused",
    vars: { name: pending?.displayName ?? String(input.userId) },
  });
}

export default function VerificationQueue() {
  const { query, queue } = useLoaderData<typeof loader>();
  const { t } = useT();
  const tabs = [
    { key: "orgs", label: t("admin.tab.orgs", { count: queue.counts.PENDING }) },
    { key: "changes", label: t("admin.tab.changes", { count: queue.pendingChanges }) },
    { key: "buyers", label: t("admin.tab.buyers", { count: queue.pendingBuyers }) },
  ] as const;
  return (
    <>
      <PageHeader title={t("admin.verification.title")} lead={t("admin.verification.lead")} />
      <nav className="tabs" aria-label={t("admin.tabsLabel")}>
        {tabs.map((tab) => (
          <Link key={tab.key} to={`?tab=${tab.key}`} aria-current={query.tab === tab.key ? "page" : undefined}>
            {tab.label}
          </Link>
        ))}
      </nav>
      {query.tab === "orgs" ? <OrgQueue /> : query.tab === "changes" ? <ChangeRequests /> : <BuyerStaff />}
    </>
  );
}

const STATUS_TONE = { PENDING: "warning", VERIFIED: "success", REJECTED: "danger", SUSPENDED: "danger", DEREGISTERED: "neutral" } as const;

function OrgQueue() {
  const { query, queue, districts } = useLoaderData<typeof loader>();
  const { t, locale, date, number } = useT();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/admin/verification";
  return (
    <>
      <Form method="get" className="card filters" role="search" aria-label={t("form.filter")}>
        <input type="hidden" name="tab" value="orgs" />
        <SelectField
          label={t("admin.filter.status")}
          name="status"
          defaultValue={query.status}
          options={[
            ...ORG_STATUSES.map((status) => ({ value: status, label: t("admin.filter.statusOption", { status: t(`orgStatus.${status}`), count: number(queue.counts[status]) }) })),
            { value: "ALL", label: t("admin.filter.all") },
          ]}
        />
        <SelectField
          label={t("admin.filter.district")}
          name="district"
          defaultValue={query.district ?? ""}
          placeholder={t("admin.filter.anyDistrict")}
          options={districts.map((d) => ({ value: d.code, label: locale === "en" ? d.nameEn : d.name }))}
        />
        <SelectField
          label={t("admin.filter.kind")}
          name="kind"
          defaultValue={query.kind ?? ""}
          placeholder={t("admin.filter.anyKind")}
          options={ORG_KINDS.map((kind) => ({ value: kind, label: t(`orgKind.${kind}`) }))}
        />
        <Field label={t("admin.filter.q")} name="q" type="search" defaultValue={query.q ?? ""} />
        <CheckboxField label={t("admin.filter.warning")} name="warning" value="1" defaultChecked={query.warning === "1"} />
        <div className="form-actions">
          <button className="btn" type="submit">
            {t("admin.filter.submit")}
          </button>
          <Link className="btn btn--secondary" to="?tab=orgs">
            {t("admin.filter.reset")}
          </Link>
        </div>
      </Form>
      <section className="card" aria-labelledby="queue-title" aria-busy={loading || undefined} style={{ marginTop: 16 }}>
        <h2 id="queue-title" className="visually-hidden">
          {t("admin.verification.title")}
        </h2>
        <p className="muted small" role="status">
          {t("admin.queue.results", { count: number(queue.total) })}
        </p>
        {queue.items.length === 0 ? (
          <EmptyState title={query.status === "PENDING" && !query.q && !query.district && !query.kind ? t("admin.queue.emptyPending") : t("admin.queue.empty")} />
        ) : (
          <ul className="listing">
            {queue.items.map((org) => (
              <li key={org.id}>
                <div className="row row--between">
                  <h3>
                    <Link to={`/admin/verification/${org.id}`}>{org.name}</Link>
                  </h3>
                  <Link className="btn btn--small hide-narrow" to={`/admin/verification/${org.id}`} aria-label={`${t("admin.queue.review")}：${org.name}`}>
                    {t("admin.queue.review")}
                  </Link>
                </div>
                <div className="row" style={{ gap: 6 }}>
                  <Badge tone={STATUS_TONE[org.status]}>{t(`orgStatus.${org.status}`)}</Badge>
                  <Badge>{t(`orgKind.${org.kind}`)}</Badge>
                  {org.usccWarning ? <Badge tone="danger">{t("admin.queue.warning")}</Badge> : null}
                  {org.pendingChanges > 0 ? <Badge tone="warning">{t("admin.queue.pendingChange")}</Badge> : null}
                  {org.userCount === 0 ? <Badge>{t("admin.queue.noAccount")}</Badge> : null}
                </div>
                <ul className="meta">
                  <li style={{ fontVariantNumeric: "tabular-nums" }}>{org.uscc ?? org.filingNo}</li>
                  <li>
                    {locale === "en" ? org.district.nameEn : org.district.name}
                    {org.street ? ` · ${org.street.name}` : ""}
                  </li>
                  <li>{org.status === "PENDING" ? t("admin.queue.submitted", { date: date(org.createdAt) }) : t("admin.queue.updated", { date: date(org.updatedAt) })}</li>
                </ul>
                {org.statusReason ? <p className="small muted" style={{ margin: "4px 0 0" }}>{t("admin.review.statusReason", { reason: org.statusReason })}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <Pagination page={queue.page} pageCount={queue.pageCount} />
      </section>
    </>
  );
}

function ChangeRequests() {
  const { changes } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  if (changes.length === 0) {
    return (
      <div className="card">
        <EmptyState title={t("admin.changes.empty")} />
      </div>
    );
  }
  return (
    <div className="stack">
      {changes.map((request) => (
        <ChangeRequestCard key={request.id} request={request} title={<Link to={`/admin/verification/${request.org.id}`}>{request.org.name}</Link>} subtitle={t("admin.changes.submitted", { date: date(request.createdAt) })} />
      ))}
    </div>
  );
}

function BuyerStaff() {
  const { buyers } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  return (
    <section className="card" aria-labelledby="buyers-title">
      <h2 id="buyers-title" className="visually-hidden">
        {t("admin.tab.buyers", { count: buyers.length })}
      </h2>
      <p className="muted">{t("admin.buyers.lead")}</p>
      {buyers.length === 0 ? (
        <EmptyState title={t("admin.buyers.empty")} />
      ) : (
        <ul className="listing">
          {buyers.map((user) => (
            <BuyerRow key={user.id} user={user} requested={t("admin.buyers.requested", { date: date(user.createdAt) })} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BuyerRow({ user, requested }: { user: { id: number; displayName: string; email: string; phone: string; buyerUnit: { name: string } | null }; requested: string }) {
  const { t } = useT();
  const error = useIntentError(["confirm-buyer", "refuse-buyer"], user.id);
  return (
    <li>
      <h3>{user.displayName}</h3>
      <ul className="meta">
        <li>
          {t("admin.buyers.unit")}：{user.buyerUnit?.name ?? "—"}
        </li>
        <li>{user.email}</li>
        {user.phone ? <li>{user.phone}</li> : null}
        <li>{requested}</li>
      </ul>
      <FormErrors errors={[error]} />
      <div className="row" style={{ marginTop: 8, alignItems: "flex-end" }}>
        <AppForm className="inline-form">
          <input type="hidden" name="userId" value={user.id} />
          <button className="btn btn--small" name="intent" value="confirm-buyer">
            {t("admin.buyers.confirm")}
          </button>
        </AppForm>
        <AppForm className="row" style={{ alignItems: "flex-end" }}>
          <input type="hidden" name="userId" value={user.id} />
          <Field label={t("admin.verify.reasonOptional")} name="reason" type="text" className="inline-field" style={{ minWidth: 220 }} />
          <button className="btn btn--secondary btn--small" name="intent" value="refuse-buyer" style={{ marginBottom: 18 }}>
            {t("admin.buyers.refuse")}
          </button>
        </AppForm>
      </div>
    </li>
  );
}
