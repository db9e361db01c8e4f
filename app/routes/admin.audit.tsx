import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useT } from "#app/components/root-data.ts";
import { EmptyState, PageHeader, Pagination } from "#app/components/ui/basics.tsx";
import { Field, SelectField } from "#app/components/ui/field.tsx";
import { hasMessage, type MessageKey } from "#app/i18n/index.ts";
import { listAuditLog } from "#app/modules/admin/audit-log.server.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "admin.audit.title");
export const ErrorBoundary = RouteErrorBoundary;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const QuerySchema = z.object({
  action: z.string().trim().max(60).regex(/^[a-z0-9.\-_]*$/i).optional().catch(undefined),
  entityType: z.string().trim().max(40).regex(/^[A-Za-z]*$/).optional().catch(undefined),
  entityId: z.string().trim().max(40).optional().catch(undefined),
  actorRole: z.enum(["ADMIN", "BUYER", "ORG", "SYSTEM", "ANONYMOUS"]).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listAuditLog(actor, {
    action: query.action || undefined,
    entityType: query.entityType || undefined,
    entityId: query.entityId || undefined,
    actorRole: query.actorRole,
    from: query.from,
    to: query.to,
    page: query.page,
  });
  return { query, ...result };
}

const ENTITY_LINKS: Record<string, (id: string) => string> = {
  Organization: (id) => `/admin/verification/${id}`,
  Tag: (id) => `/admin/tags/${id}`,
  CatalogItem: (id) => `/admin/catalog/${id}`,
  ImportJob: (id) => `/admin/import/${id}`,
  User: (id) => `/admin/users/${id}`,
};

export default function AuditLog() {
  const { query, items, total, page, pageCount, actions, entityTypes } = useLoaderData<typeof loader>();
  const { t, dateTime, number } = useT();
  const navigation = useNavigation();
  const actionLabel = (action: string) => (hasMessage(`admin.action.${action}`) ? `${t(`admin.action.${action}` as MessageKey)}（${action}）` : action);
  return (
    <>
      <PageHeader title={t("admin.audit.title")} lead={t("admin.audit.lead")} />
      <Form method="get" className="card filters" role="search" aria-label={t("form.filter")}>
        <SelectField label={t("admin.audit.action")} name="action" defaultValue={query.action ?? ""} placeholder={t("admin.audit.anyAction")} options={actions.map((action) => ({ value: action, label: actionLabel(action) }))} />
        <SelectField label={t("admin.audit.entityType")} name="entityType" defaultValue={query.entityType ?? ""} placeholder={t("admin.audit.anyEntity")} options={entityTypes.map((type) => ({ value: type, label: type }))} />
        <Field label={t("admin.audit.entityId")} name="entityId" type="text" defaultValue={query.entityId ?? ""} inputMode="numeric" />
        <SelectField
          label={t("admin.audit.actorRole")}
          name="actorRole"
          defaultValue={query.actorRole ?? ""}
          placeholder={t("admin.audit.anyRole")}
          options={[
            { value: "ADMIN", label: t("role.ADMIN") },
            { value: "BUYER", label: t("role.BUYER") },
            { value: "ORG", label: t("role.ORG") },
            { value: "SYSTEM", label: t("admin.audit.role.SYSTEM") },
            { value: "ANONYMOUS", label: t("admin.audit.anonymous") },
          ]}
        />
        <Field label={t("admin.audit.from")} name="from" type="date" defaultValue={query.from ?? ""} />
        <Field label={t("admin.audit.to")} name="to" type="date" defaultValue={query.to ?? ""} />
        <div className="form-actions">
          <button className="btn" type="submit">
            {t("admin.filter.submit")}
          </button>
          <Link className="btn btn--secondary" to=".">
            {t("admin.filter.reset")}
          </Link>
        </div>
      </Form>
      <section className="card card--flush" aria-labelledby="entries" style={{ marginTop: 16 }} aria-busy={navigation.state === "loading" || undefined}>
        <h2 id="entries" className="visually-hidden">
          {t("admin.audit.title")}
        </h2>
        {items.length === 0 ? (
          <EmptyState title={t("admin.audit.empty")} />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("list.total", { count: number(total) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("admin.audit.time")}</th>
                  <th scope="col">{t("admin.audit.actor")}</th>
                  <th scope="col">{t("admin.audit.action")}</th>
                  <th scope="col">{t("admin.audit.entity")}</th>
                  <th scope="col">{t("admin.audit.details")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((row) => {
                  const link = ENTITY_LINKS[row.entityType]?.(row.entityId);
                  const who = row.actor
                    ? `${row.actor.displayName} · ${row.actorRole && hasMessage(`role.${row.actorRole}`) ? t(`role.${row.actorRole}` as MessageKey) : (row.actorRole ?? "")}`
                    : row.actorRole?.startsWith("SYSTEM")
                      ? `${t("admin.audit.system")}（${row.actorRole.replace(/^SYSTEM:?/, "") || "—"}）`
                      : t("admin.audit.anonymous");
                  return (
                    <tr key={row.id}>
                      <td className="nowrap small">{dateTime(row.createdAt)}</td>
                      <td className="small">{who}</td>
                      <td className="small">{actionLabel(row.action)}</td>
                      <td className="small nowrap">
                        {link ? <Link to={link}>{`${row.entityType} #${row.entityId}`}</Link> : `${row.entityType} #${row.entityId}`}
                      </td>
                      <td className="small" style={{ minWidth: 220 }}>
                        {row.reason ? (
                          <p style={{ margin: 0 }}>
                            {t("admin.audit.reason")}：{row.reason}
                          </p>
                        ) : null}
                        {row.before !== null || row.after !== null ? (
                          <details>
                            <summary style={{ cursor: "pointer", color: "var(--c-primary)" }}>{t("admin.audit.details")}</summary>
                            {row.before !== null ? (
                              <>
                                <div className="muted">{t("admin.audit.before")}</div>
                                <pre className="json">{JSON.stringify(row.before, null, 2)}</pre>
                              </>
                            ) : null}
                            {row.after !== null ? (
                              <>
                                <div className="muted">{t("admin.audit.after")}</div>
                                <pre className="json">{JSON.stringify(row.after, null, 2)}</pre>
                              </>
                            ) : null}
                          </details>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div style={{ padding: "0 16px 16px" }}>
          <Pagination page={page} pageCount={pageCount} total={total} />
        </div>
      </section>
    </>
  );
}
