import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CatalogItemForm } from "#app/components/catalog-item-form.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useT } from "#app/components/root-data.ts";
import { Badge, EmptyState, PageHeader } from "#app/components/ui/basics.tsx";
import { catalogDomains, createCatalogItem, listCatalogItems } from "#app/modules/tags/catalog.server.ts";
import { CatalogItemSchema } from "#app/modules/tags/schemas.ts";
import { listTagOptions } from "#app/modules/tags/tags.server.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "tags.catalog.title");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const [items, domains, tagOptions] = await Promise.all([listCatalogItems(actor), catalogDomains(), listTagOptions()]);
  return { items, domains, tagOptions };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const submission = parseWithZod(await readForm(request), { schema: CatalogItemSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["csrf"] }) }, { status: 400 });
  const result = await runService(() => createCatalogItem(actor, submission.value));
  if (!result.ok) return result.response;
  return redirectWithToast(request, "/admin/catalog", { type: "success", key: "tags.catalog.created", vars: { name: result.value.nameZh } });
}

export default function CatalogAdmin() {
  const { items, domains, tagOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { result?: SubmissionResult<string[]>; formError?: { key: string; vars?: Record<string, string | number> } } | undefined;
  const { t, locale, yuan, number } = useT();
  const formError = actionData?.formError ? `${actionData.formError.key}${actionData.formError.vars ? `|${JSON.stringify(actionData.formError.vars)}` : ""}` : undefined;
  return (
    <>
      <PageHeader
        title={t("tags.catalog.title")}
        lead={t("tags.catalog.lead")}
        actions={
          <a className="btn" href="#new-item">
            {t("tags.catalog.create")}
          </a>
        }
      />
      <section className="card card--flush" aria-labelledby="items">
        <h2 id="items" className="visually-hidden">
          {t("tags.catalog.title")}
        </h2>
        {items.length === 0 ? (
          <EmptyState title={t("tags.catalog.empty")} />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("tags.catalog.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("tags.catalog.code")}</th>
                  <th scope="col">{t("tags.catalog.name")}</th>
                  <th scope="col">{t("tags.catalog.domain")}</th>
                  <th scope="col">{t("tags.catalog.budget")}</th>
                  <th scope="col">{t("tags.catalog.tags")}</th>
                  <th scope="col" className="num">
                    {t("tags.catalog.needs")}
                  </th>
                  <th scope="col">{t("tags.catalog.status")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <td className="nowrap">{item.code}</td>
                    <th scope="row" style={{ fontWeight: 400 }}>
                      <Link to={`/admin/catalog/${item.id}`}>{locale === "en" && item.nameEn ? item.nameEn : item.nameZh}</Link>
                    </th>
                    <td className="nowrap">{item.domain}</td>
                    <td className="nowrap small">
                      {item.budgetMin !== null || item.budgetMax !== null ? t("tags.catalog.budgetRange", { min: yuan(item.budgetMin) || "—", max: yuan(item.budgetMax) || "—" }) : "—"}
                    </td>
                    <td className="small">{item.tags.map((tag) => (locale === "en" && tag.nameEn ? tag.nameEn : tag.nameZh)).join(locale === "en" ? ", " : "、")}</td>
                    <td className="num">{number(item.needCount)}</td>
                    <td>{item.active ? <Badge tone="success">{t("tags.catalog.statusActive")}</Badge> : <Badge>{t("tags.catalog.statusInactive")}</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card form" aria-labelledby="create-item" id="new-item" style={{ marginTop: 16 }}>
        <h2 id="create-item">{t("tags.catalog.create")}</h2>
        <CatalogItemForm id="catalog-new" intent="create-item" domains={domains} tagOptions={tagOptions} lastResult={actionData?.result} formError={formError} submitLabel={t("tags.catalog.create")} />
      </section>
    </>
  );
}
