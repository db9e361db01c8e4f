// Clarification questions of one need: the buyer answers; answers are published on the notice and sent to
// everyone who bid on or saved the need. Who asked is never shown.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AppForm } from "#app/components/csrf.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert, EmptyState } from "#app/components/ui/basics.tsx";
import { TextareaField } from "#app/components/ui/field.tsx";
import { translateError } from "#app/i18n/zod-errors.ts";
import { answerQuestion, listEnquiriesForBuyer } from "#app/modules/needs/enquiries.server.ts";
import { AnswerSchema, IdParamSchema } from "#app/modules/needs/schemas.ts";
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
  return loadOrThrow(() => listEnquiriesForBuyer(actor, needIdOf(params)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const needId = needIdOf(params);
  const parsed = await parseForm(request, AnswerSchema);
  if (!parsed.ok) return parsed.response;
  const result = await runService(() => answerQuestion(actor, needId, parsed.value.enquiryId, parsed.value.answer));
  if (!result.ok) return result.response;
  return redirectWithToast(request, `/workspace/needs/${needId}/questions`, { type: "success", key: "needs.toast.answered" });
}

export default function Questions() {
  const { unanswered, answered, canAnswer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, dateTime } = useT();
  const failedFor = actionData && "result" in actionData ? Number(actionData.result.initialValue?.enquiryId) : null;
  const fieldErrors = actionData && "result" in actionData ? actionData.result.error?.answer : undefined;
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  return (
    <div className="stack">
      <p className="muted">{t("needs.questions.lead")}</p>
      {formError ? <Alert tone="error">{translateError(t, formError.key)}</Alert> : null}
      <section className="card" aria-labelledby="unanswered-title">
        <h2 id="unanswered-title">{t("needs.questions.unanswered", { count: unanswered.length })}</h2>
        {unanswered.length === 0 ? (
          <EmptyState title={t("needs.questions.noneOpen")} />
        ) : (
          <ol className="qa-list">
            {unanswered.map((enquiry, index) => (
              <li key={enquiry.id}>
                <p className="qa-question">
                  <span className="qa-label">{t("needs.questions.q", { n: index + 1 })}</span> {enquiry.question}
                </p>
                <p className="muted small">{t("needs.questions.askedAt", { time: dateTime(enquiry.createdAt) })}</p>
                {canAnswer ? (
                  <AppForm noValidate>
                    <input type="hidden" name="enquiryId" value={enquiry.id} />
                    <TextareaField
                      label={t("needs.questions.answerLabel", { n: index + 1 })}
                      hint={t("needs.questions.answerHint")}
                      name="answer"
                      rows={3}
                      maxLength={3000}
                      required
                      errors={failedFor === enquiry.id ? fieldErrors : undefined}
                    />
                    <button className="btn btn--small" type="submit" disabled={navigation.state === "submitting"}>
                      {t("needs.questions.publishAnswer")}
                    </button>
                  </AppForm>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="answered-title">
        <h2 id="answered-title">{t("needs.questions.answered", { count: answered.length })}</h2>
        {answered.length === 0 ? (
          <p className="muted">{t("needs.questions.noneAnswered")}</p>
        ) : (
          <ol className="qa-list">
            {answered.map((enquiry) => (
              <li key={enquiry.id}>
                <p className="qa-question">
                  <span className="qa-label">{t("needs.public.questionLabel")}</span> {enquiry.question}
                </p>
                <p className="qa-answer">
                  <span className="qa-label">{t("needs.public.answerLabel")}</span> {enquiry.answer}
                </p>
                <p className="muted small">{t("needs.questions.answeredAt", { time: dateTime(enquiry.answeredAt) })}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
