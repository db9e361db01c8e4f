// Posting a need: step 1 picks a catalog item (or none), step 2 is the form, prefilled with the item's tags and
// typical budget, ready to save as a draft or publish. Both steps work without JavaScript (step 1 is a GET form).
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { NeedForm } from "#app/components/needs/need-form.tsx";
import { useT } from "#app/components/root-data.ts";
import { PageHeader } from "#app/components/ui/basics.tsx";
import { dbNow } from "#app/modules/needs/db.server.ts";
import { emptyDraft } from "#app/modules/needs/defaults.ts";
import { createNeed, getBuyerUnitHome, getNeedFormOptions } from "#app/modules/needs/needs.server.ts";
import { draftFromFields, needFormSchema, needFormValue } from "#app/modules/needs/schemas.ts";
import { requireBuyerUser } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { runNeedFormService } from "./workspace.needs.$needId/need-form-action.server.ts";
import needsStyles from "#app/styles/needs.css?url";


export const links: LinksFunction = () => [{ rel: "stylesheet", href: needsStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "needs.new.title");

const StepSchema = z.object({
  catalog: z.string().regex(/^[A-Z]{2}-\d{2}$/).optional().catch(undefined),
  blank: z.literal("1").optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const params = StepSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [options, now, home] = await Promise.all([getNeedFormOptions(), dbNow(), getBuyerUnitHome(actor)]);
  const item = params.catalog ? options.catalog.find((c) => c.code === params.catalog) : undefined;
  const step = item || params.blank ? "form" : "catalog";
  const draft = emptyDraft(now, actor.displayName);
  draft.districtCodes = [home.districtCode];
  draft.streetCodes = home.streetCode ? [home.streetCode] : [];
  draft.contactPhone = home.contactPhone;
  if (item) {
    draft.catalogItemId = item.id;
    draft.tagIds = item.tagIds.slice(0, 12);
    if (item.budgetMin && item.budgetMax) draft.budget = Math.round((item.budgetMin + item.budgetMax) / 2 / 10_000) * 10_000;
  }
  return { step, options, defaultValue: needFormValue(draft), catalogCode: item?.code ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const parsed = await parseForm(request, needFormSchema(new Date()));
  if (!parsed.ok) return parsed.response;
  const publish = parsed.value.intent === "publish";
  const result = await runNeedFormService(parsed.submission, () => createNeed(actor, draftFromFields(parsed.value), { publish }));
  if (!result.ok) return result.response;
  return redirectWithToast(request, `/workspace/needs/${result.value.needId}`, {
    type: "success",
    key: publish ? "needs.toast.published" : "needs.toast.draftSaved",
  });
}

export default function NewNeed() {
  const { step, options, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale, yuan } = useT();
  const breadcrumbs = [
    { to: "/workspace", label: t("nav.workspace") },
    { to: "/workspace/needs", label: t("nav.buyer.needs") },
  ];

  if (step === "catalog") {
    const domains = [...new Set(options.catalog.map((item) => item.domain))];
    return (
      <>
        <PageHeader title={t("needs.new.title")} lead={t("needs.new.catalogLead")} breadcrumbs={breadcrumbs} />
        <ol className="steps-indicator" aria-label={t("needs.new.stepsLabel")}>
          <li aria-current="step">{t("needs.new.step1")}</li>
          <li>{t("needs.new.step2")}</li>
        </ol>
        <Form method="get" className="card">
          <fieldset className="field catalog-picker">
            <legend>{t("needs.new.catalogLegend")}</legend>
            {domains.map((domain) => (
              <fieldset key={domain} className="catalog-picker__domain">
                <legend>{domain}</legend>
                <div className="catalog-grid">
                  {options.catalog
                    .filter((item) => item.domain === domain)
                    .map((item) => (
                      <label key={item.code} className="catalog-option">
                        <input type="radio" name="catalog" value={item.code} required />
                        <span>
                          <strong>{locale === "zh" ? item.nameZh : (item.nameEn ?? item.nameZh)}</strong>
                          <span className="muted small">
                            {item.code}
                            {item.budgetMin && item.budgetMax ? ` · ${t("needs.new.typicalBudget", { min: yuan(item.budgetMin), max: yuan(item.budgetMax) })}` : ""}
                          </span>
                          <span className="small catalog-option__desc">{item.description}</span>
                        </span>
                      </label>
                    ))}
                </div>
              </fieldset>
            ))}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="btn">
              {t("needs.new.next")}
            </button>
            <Link to="?blank=1" className="btn btn--secondary">
              {t("needs.new.skipCatalog")}
            </Link>
          </div>
        </Form>
      </>
    );
  }

  const lastResult = actionData && "result" in actionData ? actionData.result : null;
  return (
    <>
      <PageHeader title={t("needs.new.title")} lead={t("needs.new.formLead")} breadcrumbs={breadcrumbs} />
      <ol className="steps-indicator" aria-label={t("needs.new.stepsLabel")}>
        <li>
          <Link to=".">{t("needs.new.step1")}</Link>
        </li>
        <li aria-current="step">{t("needs.new.step2")}</li>
      </ol>
      <NeedForm id="need-new" options={options} defaultValue={defaultValue} mode="new" lastResult={lastResult} />
    </>
  );
}
