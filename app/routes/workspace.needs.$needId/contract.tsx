// After the award: record the contract (value, period), then complete it with the public acceptance result
// (验收结果) and the buyer's rating and review, which become the organization's track record.
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { Stars } from "#app/components/needs/need-display.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert } from "#app/components/ui/basics.tsx";
import { Field, FieldErrors, FormErrors, TextareaField } from "#app/components/ui/field.tsx";
import { completeContract, getDelivery, recordContract } from "#app/modules/needs/delivery.server.ts";
import { ACCEPTANCE_RESULTS, CompletionSchema, ContractFields, ContractSchema, IdParamSchema } from "#app/modules/needs/schemas.ts";
import { toDateInput } from "#app/modules/needs/time.ts";
import { requireBuyerUser } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { loadOrThrow, notFound, runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

function needIdOf(params: { needId?: string }) {
  const parsed = IdParamSchema.safeParse(params.needId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBuyerUser(request);
  return loadOrThrow(() => getDelivery(actor, needIdOf(params)));
}

// The service checks the period order too (ContractSchema's refinement is for the browser).
const ActionSchema = z.discriminatedUnion("intent", [
  ContractFields.extend({ intent: z.literal("contract") }),
  CompletionSchema.extend({ intent: z.literal("complete") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const needId = needIdOf(params);
  const parsed = await parseForm(request, ActionSchema);
  if (!parsed.ok) return parsed.response;
  const value = parsed.value;
  const result = await runService(async () => {
    if (value.intent === "contract") await recordContract(actor, needId, value);
    else await completeContract(actor, needId, value);
  });
  if (!result.ok) return result.response;
  return redirectWithToast(request, `/workspace/needs/${needId}/contract`, {
    type: "success",
    key: value.intent === "contract" ? "needs.toast.contract" : "needs.toast.completed",
  });
}

export default function ContractPage() {
  const data = useLoaderData<typeof loader>();
  const { t, yuan, date, dateTime } = useT();
  if (!data.award) return <Alert tone="info">{t("needs.delivery.notAwarded")}</Alert>;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="award-summary">
        <h2 id="award-summary">{t("needs.delivery.awardTitle")}</h2>
        <dl className="facts">
          <dt>{t("needs.public.winner")}</dt>
          <dd>
            <Link to={`/orgs/${data.award.org.id}`}>{data.award.org.name}</Link>
          </dd>
          <dt>{t("needs.public.awardAmount")}</dt>
          <dd>{yuan(data.award.amount)}</dd>
          <dt>{t("needs.public.awardDate")}</dt>
          <dd>{dateTime(data.award.decidedAt)}</dd>
        </dl>
      </section>
      {data.contract ? (
        <section className="card" aria-labelledby="contract-title">
          <h2 id="contract-title">{t("needs.delivery.contractTitle")}</h2>
          <dl className="facts">
            <dt>{t("needs.delivery.value")}</dt>
            <dd>{yuan(data.contract.value)}</dd>
            <dt>{t("needs.delivery.period")}</dt>
            <dd>
              {date(data.contract.periodStart)} – {date(data.contract.periodEnd)}
            </dd>
            <dt>{t("needs.delivery.signedAt")}</dt>
            <dd>{dateTime(data.contract.signedAt)}</dd>
            {data.contract.completedAt ? (
              <>
                <dt>{t("needs.public.acceptance")}</dt>
                <dd>
                  {t(`needs.acceptance.${data.contract.acceptanceResult!}`)} · {dateTime(data.contract.completedAt)}
                  <p className="small pre-wrap">{data.contract.acceptanceNote}</p>
                </dd>
                <dt>{t("needs.public.rating")}</dt>
                <dd>
                  <Stars rating={data.contract.rating ?? 0} /> <span className="small">{t("needs.rating.value", { rating: data.contract.rating ?? 0 })}</span>
                  <p className="small pre-wrap">{data.contract.review}</p>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : (
        <ContractForm defaults={{ value: String(data.award.amount), periodStart: toDateInput(data.need.servicePeriodStart), periodEnd: toDateInput(data.need.servicePeriodEnd) }} />
      )}
      {data.contract && !data.contract.completedAt ? <CompletionForm orgName={data.award.org.name} /> : null}
    </div>
  );
}

function useActionResult() {
  const actionData = useActionData<typeof action>();
  return {
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    formError: actionData && "formError" in actionData ? actionData.formError.key : null,
  };
}

function ContractForm({ defaults }: { defaults: { value: string; periodStart: string; periodEnd: string } }) {
  const { t } = useT();
  const navigation = useNavigation();
  const { lastResult, formError } = useActionResult();
  const [form, fields] = useForm({
    id: "contract",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ContractSchema }),
  });
  return (
    <section className="card" aria-labelledby="contract-form-title">
      <h2 id="contract-form-title">{t("needs.delivery.recordContract")}</h2>
      <p className="hint">{t("needs.delivery.recordHint")}</p>
      <AppForm {...getFormProps(form)} noValidate>
        <FormErrors errors={[...(form.errors ?? []), formError]} />
        <input type="hidden" name="intent" value="contract" />
        <Field label={t("needs.delivery.value")} hint={t("needs.form.budgetHint")} errors={fields.value.errors} {...getInputProps(fields.value, { type: "text" })} inputMode="numeric" />
        <div className="form-row">
          <Field label={t("needs.delivery.periodStart")} errors={fields.periodStart.errors} {...getInputProps(fields.periodStart, { type: "date" })} />
          <Field label={t("needs.delivery.periodEnd")} errors={fields.periodEnd.errors} {...getInputProps(fields.periodEnd, { type: "date" })} />
        </div>
        <button className="btn" type="submit" disabled={navigation.state === "submitting"}>
          {t("needs.delivery.saveContract")}
        </button>
      </AppForm>
    </section>
  );
}

function CompletionForm({ orgName }: { orgName: string }) {
  const { t } = useT();
  const navigation = useNavigation();
  const { lastResult, formError } = useActionResult();
  const [form, fields] = useForm({
    id: "complete",
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CompletionSchema }),
  });
  return (
    <section className="card" aria-labelledby="complete-title">
      <h2 id="complete-title">{t("needs.delivery.completeTitle")}</h2>
      <p className="hint">{t("needs.delivery.completeHint", { name: orgName })}</p>
      <AppForm {...getFormProps(form)} noValidate>
        <FormErrors errors={[...(form.errors ?? []), formError]} />
        <input type="hidden" name="intent" value="complete" />
        <fieldset className="field" aria-describedby={fields.acceptanceResult.errors ? `${fields.acceptanceResult.id}-error` : undefined}>
          <legend>{t("needs.public.acceptance")}</legend>
          <div className="choices-inline">
            {ACCEPTANCE_RESULTS.map((value) => (
              <label key={value} className="choice">
                <input type="radio" name={fields.acceptanceResult.name} value={value} defaultChecked={fields.acceptanceResult.initialValue === value} />
                <span>{t(`needs.acceptance.${value}`)}</span>
              </label>
            ))}
          </div>
          <FieldErrors id={`${fields.acceptanceResult.id}-error`} errors={fields.acceptanceResult.errors} />
        </fieldset>
        <TextareaField
          label={t("needs.delivery.acceptanceNote")}
          hint={t("needs.delivery.acceptanceNoteHint")}
          errors={fields.acceptanceNote.errors}
          {...getTextareaProps(fields.acceptanceNote)}
          rows={3}
          maxLength={1000}
        />
        <fieldset className="field rating-field" aria-describedby={fields.rating.errors ? `${fields.rating.id}-error` : undefined}>
          <legend>{t("needs.delivery.rating")}</legend>
          <div className="choices-inline">
            {[5, 4, 3, 2, 1].map((value) => (
              <label key={value} className="choice">
                <input type="radio" name={fields.rating.name} value={value} defaultChecked={fields.rating.initialValue === String(value)} />
                <span>
                  <span aria-hidden="true" className="stars">
                    {"★".repeat(value)}
                  </span>{" "}
                  {t("needs.rating.value", { rating: value })}
                </span>
              </label>
            ))}
          </div>
          <FieldErrors id={`${fields.rating.id}-error`} errors={fields.rating.errors} />
        </fieldset>
        <TextareaField label={t("needs.delivery.review")} hint={t("needs.delivery.reviewHint")} errors={fields.review.errors} {...getTextareaProps(fields.review)} rows={3} maxLength={1000} />
        <button className="btn" type="submit" disabled={navigation.state === "submitting"}>
          {t("needs.delivery.complete")}
        </button>
      </AppForm>
    </section>
  );
}
