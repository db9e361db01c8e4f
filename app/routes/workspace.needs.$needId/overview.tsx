// Overview of one need for its buyer: what to do next, what still blocks publication, the key facts, and the
// actions that end a need (cancel, declare unsuccessful).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { Stars } from "#app/components/needs/need-display.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert } from "#app/components/ui/basics.tsx";
import { translateError } from "#app/i18n/zod-errors.ts";
import { getNeedOverview } from "#app/modules/needs/manage.server.ts";
import { cancelNeed, declareUnsuccessful, deleteDraft, publishNeed } from "#app/modules/needs/needs.server.ts";
import { IdParamSchema, ReasonSchema } from "#app/modules/needs/schemas.ts";
import { requireBuyerUser } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { loadOrThrow, notFound, runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { ReasonForm } from "./reason-form.tsx";

function needIdOf(params: { needId?: string }) {
  const parsed = IdParamSchema.safeParse(params.needId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBuyerUser(request);
  return loadOrThrow(() => getNeedOverview(actor, needIdOf(params)));
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("delete-draft") }),
  z.object({ intent: z.literal("cancel"), ...ReasonSchema.shape }),
  z.object({ intent: z.literal("unsuccessful"), ...ReasonSchema.shape }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const needId = needIdOf(params);
  const parsed = await parseForm(request, ActionSchema);
  if (!parsed.ok) return parsed.response;
  const value = parsed.value;
  const result = await runService(async () => {
    switch (value.intent) {
      case "publish":
        return publishNeed(actor, needId);
      case "delete-draft":
        return deleteDraft(actor, needId);
      case "cancel":
        return cancelNeed(actor, needId, value.reason);
      case "unsuccessful":
        return declareUnsuccessful(actor, needId, value.reason);
    }
  });
  if (!result.ok) return result.response;
  const toast = {
    publish: "needs.toast.published",
    "delete-draft": "needs.toast.draftDeleted",
    cancel: "needs.toast.cancelled",
    unsuccessful: "needs.toast.unsuccessful",
  } as const;
  return redirectWithToast(request, value.intent === "delete-draft" ? "/workspace/needs?tab=draft" : `/workspace/needs/${needId}`, {
    type: "success",
    key: toast[value.intent],
  });
}

export default function NeedOverview() {
  const { need, issues, phase } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale, dateTime, date, yuan } = useT();
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const lastResult = actionData && "result" in actionData ? actionData.result : null;
  const errorText = formError ? translateError(t, formError.vars ? `${formError.key}|${JSON.stringify(formError.vars)}` : formError.key) : null;
  const issueLabel = (path: (string | number)[]) => t(`needs.field.${String(path[0]) as "title"}`);

  const next =
    need.status === "DRAFT"
      ? issues.length > 0
        ? "needs.manage.next.draftIncomplete"
        : "needs.manage.next.draftReady"
      : phase === "OPEN_FOR_BIDS"
        ? "needs.manage.next.open"
        : phase === "BIDDING_CLOSED" || phase === "EVALUATING"
          ? "needs.manage.next.evaluate"
          : phase === "AWARDED"
            ? "needs.manage.next.contract"
            : phase === "IN_DELIVERY"
              ? "needs.manage.next.delivery"
              : "needs.manage.next.done";

  return (
    <div className="stack">
      <Alert tone={need.status === "DRAFT" && issues.length > 0 ? "warning" : "info"} title={t("needs.manage.nextTitle")}>
        <p>{t(next)}</p>
        {phase === "BIDDING_CLOSED" || phase === "EVALUATING" ? (
          <p>
            <Link className="btn btn--small" to="evaluation">
              {t("needs.manage.goEvaluate")}
            </Link>
          </p>
        ) : null}
        {phase === "AWARDED" || phase === "IN_DELIVERY" ? (
          <p>
            <Link className="btn btn--small" to="contract">
              {t("needs.manage.goContract")}
            </Link>
          </p>
        ) : null}
      </Alert>
      {errorText ? <Alert tone="error">{errorText}</Alert> : null}

      {need.status === "DRAFT" ? (
        <section className="card" aria-labelledby="publish-check">
          <h2 id="publish-check">{t("needs.manage.publishCheck")}</h2>
          {issues.length > 0 ? (
            <>
              <p>{t("needs.manage.issuesLead", { count: issues.length })}</p>
              <ul className="failure-list">
                {issues.map((issue, index) => (
                  <li key={index}>
                    <strong>{t("needs.punct.colon", { label: issueLabel(issue.path) })}</strong>
                    {t(issue.key, issue.vars)}
                  </li>
                ))}
              </ul>
              <Link className="btn" to="edit">
                {t("needs.manage.completeDraft")}
              </Link>
            </>
          ) : (
            <>
              <p>{t("needs.manage.readyLead")}</p>
              <div className="row">
                <AppForm>
                  <button className="btn" name="intent" value="publish">
                    {t("needs.form.submitPublish")}
                  </button>
                </AppForm>
                <Link className="btn btn--secondary" to="edit">
                  {t("needs.manage.tab.edit")}
                </Link>
              </div>
            </>
          )}
          <AppForm
            className="inline-form"
            onSubmit={(event) => {
              if (!window.confirm(t("needs.manage.deleteConfirm"))) event.preventDefault();
            }}
          >
            <button className="link-danger" name="intent" value="delete-draft">
              {t("needs.manage.deleteDraft")}
            </button>
          </AppForm>
        </section>
      ) : null}

      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">{t("needs.manage.facts")}</h2>
        <dl className="facts">
          <dt>{t("needs.field.catalogItemId")}</dt>
          <dd>{need.catalogItem ? (locale === "zh" ? need.catalogItem.nameZh : (need.catalogItem.nameEn ?? need.catalogItem.nameZh)) : "—"}</dd>
          <dt>{t("needs.field.budget")}</dt>
          <dd>{need.budget ? yuan(need.budget) : "—"}</dd>
          <dt>{t("needs.field.method")}</dt>
          <dd>{t(`method.${need.method}`)}</dd>
          <dt>{t("needs.field.crossDistrict")}</dt>
          <dd>{need.crossDistrict ? t("crossDistrict.open") : `${t("needs.punct.colon", { label: t("crossDistrict.closed") })}${need.crossDistrictReason ?? ""}`}</dd>
          <dt>{t("needs.field.enquiryDeadline")}</dt>
          <dd>{need.enquiryDeadline ? dateTime(need.enquiryDeadline) : "—"}</dd>
          <dt>{t("needs.field.bidDeadline")}</dt>
          <dd>{need.bidDeadline ? dateTime(need.bidDeadline) : "—"}</dd>
          <dt>{t("needs.public.servicePeriod")}</dt>
          <dd>{need.servicePeriodStart && need.servicePeriodEnd ? `${date(need.servicePeriodStart)} – ${date(need.servicePeriodEnd)}` : "—"}</dd>
          <dt>{t("needs.field.criteria")}</dt>
          <dd>{need.criteria.length > 0 ? need.criteria.map((c) => `${c.name} ${c.weight}%`).join(t("bids.elig.listSeparator")) : "—"}</dd>
          {need.publishedAt ? (
            <>
              <dt>{t("needs.public.publishedAt")}</dt>
              <dd>{dateTime(need.publishedAt)}</dd>
            </>
          ) : null}
          {need.statusReason ? (
            <>
              <dt>{t(need.status === "CANCELLED" ? "needs.public.cancelReason" : "needs.public.unsuccessfulReason")}</dt>
              <dd>{need.statusReason}</dd>
            </>
          ) : null}
          {need.award ? (
            <>
              <dt>{t("needs.public.winner")}</dt>
              <dd>
                <Link to={`/orgs/${need.award.org.id}`}>{need.award.org.name}</Link> · {yuan(need.award.amount)} · {dateTime(need.award.decidedAt)}
              </dd>
            </>
          ) : null}
          {need.contract?.rating ? (
            <>
              <dt>{t("needs.public.rating")}</dt>
              <dd>
                <Stars rating={need.contract.rating} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {need.status === "PUBLISHED" || need.status === "EVALUATING" ? (
        <section className="card" aria-labelledby="end-title">
          <h2 id="end-title">{t("needs.manage.endTitle")}</h2>
          <div className="grid grid--2">
            {phase === "BIDDING_CLOSED" || phase === "EVALUATING" ? (
              <ReasonForm
                id="unsuccessful"
                intent="unsuccessful"
                label={t("needs.manage.unsuccessfulReason")}
                hint={t("needs.manage.unsuccessfulHint")}
                submit={t("needs.manage.declareUnsuccessful")}
                confirm={t("needs.manage.unsuccessfulConfirm")}
                lastResult={lastResult && lastResult.initialValue?.intent === "unsuccessful" ? lastResult : null}
              />
            ) : null}
            <ReasonForm
              id="cancel"
              intent="cancel"
              label={t("needs.manage.cancelReason")}
              hint={t("needs.manage.cancelHint")}
              submit={t("needs.manage.cancel")}
              confirm={t("needs.manage.cancelConfirm")}
              lastResult={lastResult && lastResult.initialValue?.intent === "cancel" ? lastResult : null}
              danger
            />
          </div>
        </section>
      ) : null}
    </div>
  );
}
