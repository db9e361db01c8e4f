import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useT } from "#app/components/root-data.ts";
import { Badge, EmptyState, PageHeader, Pagination } from "#app/components/ui/basics.tsx";
import { Field, SelectField } from "#app/components/ui/field.tsx";
import type { MessageKey } from "#app/i18n/index.ts";
import { listUsersForAdmin } from "#app/modules/accounts/admin-accounts.server.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "admin.users.title");
export const ErrorBoundary = RouteErrorBoundary;

const QuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(["ADMIN", "BUYER", "ORG"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { query, ...(await listUsersForAdmin(actor, { q: query.q || undefined, role: query.role, page: query.page })) };
}

export default function AdminUsers() {
  const { query, users, total, page, pageCount } = useLoaderData<typeof loader>();
  const { t, dateTime, number } = useT();
  return (
    <>
      <PageHeader title={t("admin.users.title")} lead={t("admin.users.lead")} />
      <Form method="get" className="card filters" role="search" aria-label={t("form.filter")}>
        <Field label={t("admin.users.search")} name="q" type="search" defaultValue={query.q ?? ""} />
        <SelectField
          label={t("admin.users.role")}
          name="role"
          defaultValue={query.role ?? ""}
          placeholder={t("admin.users.anyRole")}
          options={(["ADMIN", "BUYER", "ORG"] as const).map((role) => ({ value: role, label: t(`admin.users.role.${role}` as MessageKey) }))}
        />
        <button type="submit" className="btn btn--secondary">
          {t("form.filter")}
        </button>
      </Form>
      {users.length === 0 ? (
        <EmptyState title={t("admin.users.empty")} />
      ) : (
        <div className="card card--flush table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("admin.users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.users.name")}</th>
                <th scope="col">{t("admin.users.role")}</th>
                <th scope="col">{t("admin.users.affiliation")}</th>
                <th scope="col">{t("admin.users.lastLogin")}</th>
                <th scope="col">{t("admin.users.sessions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>
                    <div className="small muted">{user.email}</div>
                    {user.status !== "ACTIVE" ? <Badge tone="warning">{t(`admin.users.status.${user.status}` as MessageKey)}</Badge> : null}
                  </td>
                  <td>{t(`admin.users.role.${user.role}` as MessageKey)}</td>
                  <td className="small">{user.affiliation ?? "—"}</td>
                  <td className="small nowrap">{user.lastLoginAt ? dateTime(user.lastLoginAt) : "—"}</td>
                  <td>{number(user.activeSessions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} total={total} />
    </>
  );
}
