// The bid form of an organization: price, proposal and team. Eligibility is checked when the page opens (every
// failed rule is listed with its reason) and again when the bid is submitted. Until the deadline the bid can be
// changed or withdrawn; only the organization itself can read it.
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { FailureList } from "#app/components/needs/need-display.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert, Badge, PageHeader } from "#app/components/ui/basics.tsx";
import { CheckboxField, ErrorSummary, Field, FieldErrors, TextareaField } from "#app/components/ui/field.tsx";
import { translateError } from "#app/i18n/zod-errors.ts";
import { getBidPage, submitBid, withdrawBid } from "#app/modules/bids/bids.server.ts";
import type { EligibilityFailure } from "#app/modules/bids/eligibility.ts";
import { BidFormSchema } from "#app/modules/bids/schemas.ts";
import { IdParamSchema } from "#app/modules/needs/schemas.ts";
import { requireOrgUser } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow, notFound, runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import needsStyles from "#app/styles/needs.css?url";


export const links: LinksFunction = () => [{ rel: "stylesheet", href: needsStyles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageMeta(matches, "bids.page.metaTitle", { title: data.need.title }) : pageMeta(matches, "error.notFound.title");

function needIdOf(params: { needId?: string }) {
  const parsed = IdParamSchema.safeParse(params.needId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireOrgUser(request);
  return loadOrThrow(() => getBidPage(actor, needIdOf(params)));
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit-bid"), ...BidFormSchema.shape }),
  z.object({ intent: z.literal("withdraw-bid") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireOrgUser(request);
  const needId = needIdOf(params);
  const parsed = await parseForm(request, ActionSchema);
  if (!parsed.ok) return parsed.response;
  const value = parsed.value;
  if (value.intent === "withdraw-bid") {
    const result = await runService(() => withdrawBid(actor, needId));
    if (!result.ok) return result.response;
    return redirectWithToast(request, `/needs/${needId}/bid`, { type: "success", key: "bids.toast.withdrawn" });
  }
  const result = await runService(() => submitBid(actor, needId, value));
  if (!result.ok) return result.response;
  return redirectWithToast(request, `/needs/${needId}/bid`, {
    type: "success",
    key: result.value.action === "bid.update" ? "bids.toast.updated" : "bids.toast.submitted",
  });
}

export default function BidPage() {
  const data = useLoaderData<typeof loader>();
  const { need, bid, open, failures, invitationRequired, org } = data;
  const actionData = useActionData<typeof action>();
  const { t, yuan, dateTime } = useT();
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const refusedFailures = formError?.key === "bids.ineligible" ? (formError.details as unknown as EligibilityFailure[]) : null;
  const canBid = open && failures.length === 0 && !invitationRequired;
  const live = bid && bid.status === "SUBMITTED";

  return (
    <>
      <PageHeader
        title={t("bids.page.title")}
        lead={need.title}
        breadcrumbs={[
          { to: "/needs", label: t("nav.needs") },
          { to: `/needs/${need.id}`, label: t("needs.number", { id: need.id }) },
        ]}
      />
      <div className="layout-aside">
        <div className="stack">
          {formError ? (
            <Alert tone="error" title={translateError(t, formError.vars ? `${formError.key}|${JSON.stringify(formError.vars)}` : formError.key)}>
              {refusedFailures ? <FailureList failures={refusedFailures} districts={[]} /> : null}
            </Alert>
          ) : null}
          {!open ? (
            <Alert tone="warning" title={t("bids.page.closedTitle")}>
              <p>{t("bids.page.closedBody")}</p>
            </Alert>
          ) : null}
          {open && failures.length > 0 ? (
            <Alert tone="error" title={t("bids.elig.title")}>
              <FailureList failures={failures} />
              <p className="small">{t("bids.elig.fixHint")}</p>
            </Alert>
          ) : null}
          {open && invitationRequired ? <Alert tone="warning">{t("bids.invitationOnly")}</Alert> : null}
          {bid ? (
            <section className="card" aria-labelledby="mine-title">
              <div className="row row--between">
                <h2 id="mine-title">{t("bids.page.mineTitle")}</h2>
                <Badge tone={bid.status === "WITHDRAWN" ? "neutral" : bid.status === "AWARDED" ? "success" : "primary"}>{t(`bidStatus.${bid.status}`)}</Badge>
              </div>
              <dl className="facts">
                <dt>{t("bids.form.price")}</dt>
                <dd>{yuan(bid.price)}</dd>
                <dt>{t("bids.page.submittedAt")}</dt>
                <dd>{dateTime(bid.submittedAt)}</dd>
                <dt>{t("bids.page.updatedAt")}</dt>
                <dd>{dateTime(bid.updatedAt)}</dd>
                {bid.withdrawnAt ? (
                  <>
                    <dt>{t("bids.page.withdrawnAt")}</dt>
                    <dd>{dateTime(bid.withdrawnAt)}</dd>
                  </>
                ) : null}
                {bid.custodian ? (
                  <>
                    <dt>{t("bids.page.custodian")}</dt>
                    <dd>{bid.custodian.name}</dd>
                  </>
                ) : null}
              </dl>
              {!open ? (
                <>
                  <h3>{t("bids.form.proposal")}</h3>
                  <p className="pre-wrap">{bid.proposal}</p>
                  <h3>{t("bids.form.team")}</h3>
                  <ul>
                    {bid.team.map((m, i) => (
                      <li key={i}>
                        {m.name}
                        {t("needs.punct.paren", { text: m.role })}{m.certifiedSocialWorker ? ` · ${t("bids.form.certified")}` : ""}
                      </li>
                    ))}
                  </ul>
                  <p>
                    <Link to="/workspace/bids">{t("bids.page.toMyBids")}</Link>
                  </p>
                </>
              ) : null}
            </section>
          ) : null}
          {canBid ? <BidForm data={data} lastResult={actionData && "result" in actionData ? actionData.result : undefined} /> : null}
          {open && live ? (
            <section className="card" aria-labelledby="withdraw-title">
              <h2 id="withdraw-title">{t("bids.page.withdrawTitle")}</h2>
              <p className="small">{t("bids.page.withdrawHint")}</p>
              <AppForm
                onSubmit={(event) => {
                  if (!window.confirm(t("bids.page.withdrawConfirm"))) event.preventDefault();
                }}
              >
                <button className="btn btn--danger" name="intent" value="withdraw-bid">
                  {t("bids.page.withdraw")}
                </button>
              </AppForm>
            </section>
          ) : null}
        </div>
        <aside className="stack" aria-label={t("bids.page.asideLabel")}>
          <section className="card">
            <h2>{t("bids.page.needTitle")}</h2>
            <dl className="facts facts--stacked">
              <dt>{t("needs.public.buyer")}</dt>
              <dd>{need.buyerUnit.name}</dd>
              <dt>{t("needs.field.budget")}</dt>
              <dd>{need.budget ? yuan(need.budget) : "—"}</dd>
              <dt>{t("needs.field.bidDeadline")}</dt>
              <dd>
                <strong>{need.bidDeadline ? dateTime(need.bidDeadline) : "—"}</strong>
              </dd>
              <dt>{t("needs.field.criteria")}</dt>
              <dd>
                <ul className="plain-list">
                  {need.criteria.map((c) => (
                    <li key={c.id}>
                      {c.name} {c.weight}%
                    </li>
                  ))}
                </ul>
              </dd>
            </dl>
            <Link to={`/needs/${need.id}`}>{t("bids.page.readNotice")}</Link>
          </section>
          <section className="card">
            <h2>{t("bids.page.bidderTitle")}</h2>
            <p>{org.name}</p>
            {org.custodian ? <p className="small">{t("bids.page.viaCustodian", { name: org.custodian.name })}</p> : null}
          </section>
        </aside>
      </div>
    </>
  );
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

function BidForm({ data, lastResult }: { data: LoaderData; lastResult?: SubmissionResult<string[]> }) {
  const { t, yuan } = useT();
  const navigation = useNavigation();
  const bid = data.bid && data.bid.status === "SUBMITTED" ? data.bid : null;
  const [form, fields] = useForm({
    id: "bid",
    lastResult,
    defaultValue: {
      price: bid ? String(bid.price) : "",
      proposal: bid?.proposal ?? "",
      team: bid?.team.map((m) => ({ name: m.name, role: m.role, certifiedSocialWorker: m.certifiedSocialWorker ? "on" : "" })) ?? [{ name: "", role: "", certifiedSocialWorker: "" }],
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BidFormSchema }),
  });
  const team = fields.team.getFieldList();
  const certified = team.filter((m) => m.getFieldset().certifiedSocialWorker.value === "on").length;
  const labels: Record<string, string> = { price: t("bids.form.price"), proposal: t("bids.form.proposal"), team: t("bids.form.team") };
  team.forEach((_, i) => {
    labels[`team[${i}].name`] = t("bids.form.memberN", { n: i + 1 });
    labels[`team[${i}].role`] = t("bids.form.memberN", { n: i + 1 });
  });
  return (
    <section className="card" aria-labelledby="bid-form-title">
      <h2 id="bid-form-title">{bid ? t("bids.page.editTitle") : t("bids.page.formTitle")}</h2>
      <Alert tone="info">{t("bids.page.sealedNote")}</Alert>
      <AppForm {...getFormProps(form)} noValidate>
        <ErrorSummary errors={form.allErrors} labels={labels} />
        <input type="hidden" name="intent" value="submit-bid" />
        <Field
          label={t("bids.form.price")}
          hint={data.need.budget ? t("bids.form.priceHint", { budget: yuan(data.need.budget) }) : t("needs.form.budgetHint")}
          errors={fields.price.errors}
          {...getInputProps(fields.price, { type: "text" })}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextareaField label={t("bids.form.proposal")} hint={t("bids.form.proposalHint")} errors={fields.proposal.errors} {...getTextareaProps(fields.proposal)} rows={10} />
        <fieldset className="field">
          <legend>{t("bids.form.team")}</legend>
          <span className="hint">{t("bids.form.teamHint")}</span>
          <FieldErrors id="team-error" errors={fields.team.errors} />
          <ol className="team-list">
            {team.map((member, index) => {
              const m = member.getFieldset();
              return (
                <li key={member.key} className="team-row">
                  <Field label={t("bids.form.memberName", { n: index + 1 })} errors={m.name.errors} {...getInputProps(m.name, { type: "text" })} maxLength={30} />
                  <Field label={t("bids.form.memberRole")} errors={m.role.errors} {...getInputProps(m.role, { type: "text" })} maxLength={30} />
                  <CheckboxField label={t("bids.form.certified")} {...getInputProps(m.certifiedSocialWorker, { type: "checkbox" })} />
                  {team.length > 1 ? (
                    <button className="btn btn--secondary btn--small" {...form.remove.getButtonProps({ name: fields.team.name, index })} aria-label={t("bids.form.memberRemove", { n: index + 1 })}>
                      {t("needs.form.remove")}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <div className="row row--between">
            {team.length < 30 ? (
              <button className="btn btn--secondary btn--small" {...form.insert.getButtonProps({ name: fields.team.name, defaultValue: { name: "", role: "", certifiedSocialWorker: "" } })}>
                {t("bids.form.memberAdd")}
              </button>
            ) : (
              <span />
            )}
            <span className="small muted" aria-live="polite">
              {t("bids.form.teamSummary", { count: team.length, certified })}
            </span>
          </div>
        </fieldset>
        <div className="form-actions">
          <button className="btn" type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("form.saving") : bid ? t("bids.form.saveChanges") : t("bids.form.submit")}
          </button>
        </div>
      </AppForm>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
