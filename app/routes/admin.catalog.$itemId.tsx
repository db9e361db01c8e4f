import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CatalogItemForm } from "#app/components/catalog-item-form.tsx";
import { AppForm } from "#app/components/csrf.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useT } from "#app/components/root-data.ts";
import { PageHeader } from "#app/components/ui/basics.tsx";
import { FormErrors } from "#app/components/ui/field.tsx";
import { catalogDomains, deleteCatalogItem, getCatalogItem, updateCatalogItem } from "#app/modules/tags/catalog.server.ts";
import { CatalogItemSchema } from "#app/modules/tags/schemas.ts";
import { listTagOptions } from "#app/modules/tags/tags.server.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/forms.server.ts";
import { runFormService } from "#app/utils/intent.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow, notFound } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

const ParamsSchema = z.object({ itemId: z.coerce.number().int().positive().max(2_147_483_647) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const [item, domains, tagOptions] = await Promise.all([loadOrThrow(() => getCatalogItem(actor, parsed.data.itemId)), catalogDomains(), listTagOptions()]);
  return { item, domains, tagOptions };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageMeta(matches, { text: `${data.item.code} ${data.item.nameZh}` }) : pageMeta(matches, "tags.catalog.title");
export const ErrorBoundary = RouteErrorBoundary;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const { itemId } = parsed.data;
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "delete-item") {
    const result = await runFormService({ intent }, () => deleteCatalogItem(actor, itemId));
    if (!result.ok) return result.response;
    return redirectWithToast(request, "/admin/catalog", { type: "success", key: "tags.catalog.deleted" });
  }
  const submission = parseWithZod(formData, { schema: CatalogItemSchema });
  if (submission.status !== "success") return data({ intent: "update-item", result: submission.reply({ hideFields: ["csrf"] }) }, { status: 400 });
  const result = await runFormService({ intent: "update-item" }, () => updateCatalogItem(actor, itemId, submission.value));
  if (!result.ok) return result.response;
  return redirectWithToast(request, `/admin/catalog/${itemId}`, { type: "success", key: "tags.catalog.saved" });
}

export default function CatalogItemPage() {
  const { item, domains, tagOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { intent?: string; result?: SubmissionResult<string[]>; formError?: { key: string; vars?: Record<string, string | number> } } | undefined;
  const { t } = useT();
  const errorFor = (intent: string) =>
    actionData?.intent === intent && actionData.formError ? `${actionData.formError.key}${actionData.formError.vars ? `|${JSON.stringify(actionData.formError.vars)}` : ""}` : undefined;
  return (
    <>
      <PageHeader breadcrumbs={[{ to: "/admin/catalog", label: t("tags.catalog.title") }]} title={`${item.code} ${item.nameZh}`} />
      <section className="card form" aria-labelledby="edit-item">
        <h2 id="edit-item">{t("tags.catalog.edit")}</h2>
        <CatalogItemForm
          key={item.code + item.nameZh}
          id={`catalog-${item.id}`}
          intent="update-item"
          item={item}
          domains={domains}
          tagOptions={tagOptions}
          lastResult={actionData?.intent === "update-item" ? actionData.result : undefined}
          formError={errorFor("update-item")}
          submitLabel={t("tags.catalog.save")}
        />
      </section>
      <section className="card form danger-zone" aria-labelledby="delete-item" style={{ marginTop: 16 }}>
        <h2 id="delete-item">{t("tags.catalog.delete")}</h2>
        <p className="muted small">{t("tags.catalog.deleteLead")}</p>
        <FormErrors errors={[errorFor("delete-item")]} />
        <AppForm>
          <button className="btn btn--danger" name="intent" value="delete-item" disabled={item.needCount > 0} aria-describedby={item.needCount > 0 ? "in-use" : undefined}>
            {t("tags.catalog.delete")}
          </button>
          {item.needCount > 0 ? (
            <p id="in-use" className="small muted" style={{ marginTop: 8 }}>
              {t("tags.catalog.inUse", { count: item.needCount })}
            </p>
          ) : null}
        </AppForm>
      </section>
    </>
  );
}
