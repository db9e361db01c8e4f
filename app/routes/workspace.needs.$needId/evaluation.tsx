// Evaluation after the bid deadline: the score table (0–100 per criterion, totals from the weights, live as the
// buyer types), the shortlist, notes for the organizations that do not win, and the award. Before the deadline
// this page shows only how many bids are sealed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert, Badge, EmptyState } from "#app/components/ui/basics.tsx";
import { TextareaField } from "#app/components/ui/field.tsx";
import { translateError } from "#app/i18n/zod-errors.ts";
import { awardBid, getEvaluation, saveScores } from "#app/modules/bids/evaluation.server.ts";
import { AwardFormSchema, ScoresFormSchema } from "#app/modules/bids/schemas.ts";
import { rankOf, totalScore } from "#app/modules/bids/scoring.ts";
import { IdParamSchema } from "#app/modules/needs/schemas.ts";
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
  return loadOrThrow(() => getEvaluation(actor, needIdOf(params)));
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save-scores"), ...ScoresFormSchema.shape }),
  z.object({ intent: z.literal("award"), ...AwardFormSchema.shape }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const needId = needIdOf(params);
  const parsed = await parseForm(request, ActionSchema);
  if (!parsed.ok) return parsed.response;
  const value = parsed.value;
  if (value.intent === "save-scores") {
    const result = await runService(() => saveScores(actor, needId, value.bids));
    if (!result.ok) return result.response;
    return redirectWithToast(request, `/workspace/needs/${needId}/evaluation`, { type: "success", key: "bids.toast.scoresSaved" });
  }
  const result = await runService(() => awardBid(actor, needId, value));
  if (!result.ok) return result.response;
  return redirectWithToast(request, `/workspace/needs/${needId}/contract`, { type: "success", key: "bids.toast.awarded" });
}

type Evaluation = Extract<Awaited<ReturnType<typeof loader>>, { sealed: false }>;

export default function EvaluationPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, dateTime, number } = useT();
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const invalid = actionData && "result" in actionData ? actionData.result : null;

  if (data.sealed) {
    return (
      <Alert tone="info" title={t("bids.eval.sealedTitle")}>
        {data.need.status === "DRAFT" ? (
          <p>{t("bids.eval.notPublished")}</p>
        ) : (
          <>
            <p>{t("bids.eval.sealedBody", { deadline: data.need.bidDeadline ? dateTime(data.need.bidDeadline) : "—" })}</p>
            <p>
              <strong>{t("bids.eval.sealedCount", { count: number(data.bidCount) })}</strong>
            </p>
          </>
        )}
      </Alert>
    );
  }
  return (
    <div className="stack">
      {formError ? <Alert tone="error">{translateError(t, formError.vars ? `${formError.key}|${JSON.stringify(formError.vars)}` : formError.key)}</Alert> : null}
      {invalid ? <Alert tone="error">{t("bids.eval.invalidScores")}</Alert> : null}
      {data.bids.length === 0 ? (
        <div className="card">
          <EmptyState title={t("bids.eval.noBids")} action={data.canEvaluate ? <Link className="btn" to="..">{t("bids.eval.goUnsuccessful")}</Link> : null}>
            <p>{t("bids.eval.noBidsBody")}</p>
          </EmptyState>
        </div>
      ) : (
        <ScoreTable data={data} />
      )}
      {data.award ? (
        <Alert tone="success" title={t("bids.eval.awardedTitle")}>
          <p>
            {t("bids.eval.awardedBody", {
              name: data.bids.find((b) => b.id === data.award!.bidId)?.org.name ?? "",
              time: dateTime(data.award.decidedAt),
            })}
          </p>
          <Link to="../contract">{t("needs.manage.goContract")}</Link>
        </Alert>
      ) : null}
      {data.canEvaluate && data.bids.length > 0 ? <AwardForm data={data} /> : null}
    </div>
  );
}

function ScoreTable({ data }: { data: Evaluation }) {
  const { t, yuan, dateTime, locale } = useT();
  const navigation = useNavigation();
  const editable = data.canEvaluate;
  const [scores, setScores] = useState<Record<string, number | undefined>>(() =>
    Object.fromEntries(data.bids.flatMap((bid) => bid.scores.map((s) => [`${bid.id}:${s.criterionId}`, s.score]))),
  );
  const totals = data.bids.map((bid) =>
    totalScore(
      data.need.criteria,
      data.need.criteria.map((c) => ({ criterionId: c.id, score: scores[`${bid.id}:${c.id}`] })),
    ),
  );
  const rating = (org: Evaluation["bids"][number]["org"]) => (org.ratingCount > 0 ? (org.ratingSum / org.ratingCount).toFixed(1) : null);

  return (
    <section className="card" aria-labelledby="score-title">
      <h2 id="score-title">{t("bids.eval.tableTitle", { count: data.bids.length })}</h2>
      <p className="hint">{editable ? t("bids.eval.tableHint") : t("bids.eval.tableDecided")}</p>
      {data.withdrawn > 0 ? <p className="muted small">{t("bids.eval.withdrawn", { count: data.withdrawn })}</p> : null}
      <AppForm id="scores-form" noValidate>
        <input type="hidden" name="intent" value="save-scores" />
        <div className="table-wrap">
          <table className="table score-table">
            <caption className="visually-hidden">{t("bids.eval.tableTitle", { count: data.bids.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("bids.eval.col.org")}</th>
                <th scope="col" className="num">
                  {t("bids.eval.col.price")}
                </th>
                {data.need.criteria.map((c) => (
                  <th scope="col" key={c.id} className="num">
                    {c.name}
                    <span className="muted small"> {c.weight}%</span>
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("bids.eval.col.total")}
                </th>
                <th scope="col" className="num">
                  {t("bids.eval.col.rank")}
                </th>
                <th scope="col">{t("bids.eval.col.shortlist")}</th>
              </tr>
            </thead>
            <tbody>
              {data.bids.map((bid, i) => (
                <tr key={bid.id} className={bid.status === "AWARDED" ? "row--winner" : undefined}>
                  <th scope="row">
                    <input type="hidden" name={`bids[${i}].bidId`} value={bid.id} />
                    <Link to={`/orgs/${bid.org.id}`}>{bid.org.name}</Link>
                    <div className="muted small">
                      {locale === "zh" ? bid.org.district.name : bid.org.district.nameEn}
                      {bid.org.gradeLevel ? ` · ${t("grade.label", { level: bid.org.gradeLevel })}` : ""}
                      {rating(bid.org) ? ` · ${t("bids.eval.rating", { rating: rating(bid.org)!, count: bid.org.completedContracts })}` : ""}
                    </div>
                    <div className="row row--tight">
                      {bid.org.isCommunityOrg ? <Badge tone="primary">{t("bids.eval.communityOrg")}</Badge> : null}
                      {bid.status === "AWARDED" ? <Badge tone="success">{t("bidStatus.AWARDED")}</Badge> : null}
                    </div>
                  </th>
                  <td className="num nowrap" data-label={t("bids.eval.col.price")}>
                    {yuan(bid.price)}
                  </td>
                  {data.need.criteria.map((c, j) => {
                    const key = `${bid.id}:${c.id}`;
                    return (
                      <td key={c.id} className="num" data-label={`${c.name} ${c.weight}%`}>
                        {editable ? (
                          <>
                            <input type="hidden" name={`bids[${i}].scores[${j}].criterionId`} value={c.id} />
                            <input
                              className="input score-input"
                              type="number"
                              inputMode="numeric"
                              min={0}
                              max={100}
                              step={1}
                              name={`bids[${i}].scores[${j}].score`}
                              defaultValue={scores[key] ?? ""}
                              aria-label={t("bids.eval.scoreLabel", { org: bid.org.name, criterion: c.name })}
                              onChange={(event) => {
                                const raw = event.target.value;
                                const value = raw === "" ? undefined : Math.max(0, Math.min(100, Math.round(Number(raw))));
                                setScores((current) => ({ ...current, [key]: Number.isFinite(value) ? value : undefined }));
                              }}
                            />
                          </>
                        ) : (
                          (scores[key] ?? "—")
                        )}
                      </td>
                    );
                  })}
                  <td className="num" data-label={t("bids.eval.col.total")}>
                    <strong>{totals[i] === null ? "—" : totals[i]!.toFixed(2)}</strong>
                  </td>
                  <td className="num" data-label={t("bids.eval.col.rank")}>
                    {rankOf(totals[i], totals) ?? "—"}
                  </td>
                  <td data-label={t("bids.eval.col.shortlist")}>
                    {editable ? (
                      <label className="choice">
                        <input
                          type="checkbox"
                          name={`bids[${i}].shortlisted`}
                          defaultChecked={bid.shortlisted}
                          aria-label={t("bids.eval.shortlistLabel", { org: bid.org.name })}
                        />
                        <span aria-hidden="true">{t("bids.eval.col.shortlist")}</span>
                      </label>
                    ) : bid.shortlisted ? (
                      t("form.yes")
                    ) : (
                      t("form.no")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>{t("bids.eval.detailsTitle")}</h3>
        {data.bids.map((bid, i) => (
          <details key={bid.id} className="bid-detail">
            <summary>
              {bid.org.name} · {yuan(bid.price)} · {t("bids.eval.submittedAt", { time: dateTime(bid.updatedAt) })}
            </summary>
            {bid.custodian ? <p className="small">{t("bids.eval.viaCustodian", { name: bid.custodian.name })}</p> : null}
            <h4>{t("bids.form.proposal")}</h4>
            <p className="pre-wrap">{bid.proposal}</p>
            <h4>{t("bids.form.team")}</h4>
            <ul>
              {bid.team.map((member, index) => (
                <li key={index}>
                  {member.name}
                  {t("needs.punct.paren", { text: member.role })}{member.certifiedSocialWorker ? ` · ${t("bids.form.certified")}` : ""}
                </li>
              ))}
            </ul>
            {editable ? (
              <TextareaField
                label={t("bids.eval.note", { org: bid.org.name })}
                hint={t("bids.eval.noteHint")}
                name={`bids[${i}].note`}
                defaultValue={bid.outcomeReason ?? ""}
                rows={2}
                maxLength={500}
              />
            ) : bid.outcomeReason ? (
              <p className="small">
                {t("needs.punct.colon", { label: t("bids.eval.noteShown") })}
                {bid.outcomeReason}
              </p>
            ) : null}
          </details>
        ))}
        {editable ? (
          <div className="form-actions">
            <button className="btn" type="submit" disabled={navigation.state === "submitting"}>
              {t("bids.eval.save")}
            </button>
          </div>
        ) : null}
      </AppForm>
    </section>
  );
}

function AwardForm({ data }: { data: Evaluation }) {
  const { t, yuan } = useT();
  const navigation = useNavigation();
  const shortlisted = data.bids.filter((b) => b.shortlisted).sort((a, b) => (b.totalScore ?? -1) - (a.totalScore ?? -1));
  return (
    <section className="card" aria-labelledby="award-title">
      <h2 id="award-title">{t("bids.eval.awardTitle")}</h2>
      {shortlisted.length === 0 ? (
        <p className="muted">{t("bids.eval.awardNeedsShortlist")}</p>
      ) : (
        <AppForm
          noValidate
          onSubmit={(event) => {
            if (!window.confirm(t("bids.eval.awardConfirm"))) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="award" />
          <fieldset className="field">
            <legend>{t("bids.eval.awardChoose")}</legend>
            {shortlisted.map((bid, index) => (
              <label key={bid.id} className="choice">
                <input type="radio" name="bidId" value={bid.id} defaultChecked={index === 0} />
                <span>
                  {bid.org.name} · {t("bids.eval.totalShort", { score: bid.totalScore === null ? "—" : bid.totalScore.toFixed(2) })} · {yuan(bid.price)}
                </span>
              </label>
            ))}
          </fieldset>
          <TextareaField label={t("bids.eval.awardNotice")} hint={t("bids.eval.awardNoticeHint")} name="notice" rows={3} maxLength={1000} optional />
          <TextareaField label={t("bids.eval.awardReason")} hint={t("bids.eval.awardReasonHint")} name="reason" rows={2} maxLength={500} optional />
          <button className="btn" type="submit" disabled={navigation.state === "submitting"}>
            {t("bids.eval.award")}
          </button>
        </AppForm>
      )}
    </section>
  );
}
