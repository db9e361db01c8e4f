// The public notice of a need (采购公告), readable without logging in: the need, the buyer, the timeline, the
// eligibility rules, answered questions, amendments (更正公告) and, after the award, the result (结果公告) and the
// delivery record. A logged-in organization can save the need, ask a question and go to its bid; the buyer that
// owns it gets a link to manage it; administrators see its history.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { AmendmentChanges, FailureList, PhaseBadge, RulesList, Stars, type ChangeView } from "#app/components/needs/need-display.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert, Badge, PageHeader, TagList } from "#app/components/ui/basics.tsx";
import { translateError } from "#app/i18n/zod-errors.ts";
import { getActor } from "#app/utils/auth.server.ts";
import { askQuestion } from "#app/modules/needs/enquiries.server.ts";
import { listNeedHistory } from "#app/modules/needs/history.server.ts";
import { needPhase, isOpenForQuestions } from "#app/modules/needs/phase.ts";
import { getPublicNeed } from "#app/modules/needs/public.server.ts";
import { saveNeed, unsaveNeed } from "#app/modules/needs/saved.server.ts";
import { EnquirySchema, IdParamSchema } from "#app/modules/needs/schemas.ts";
import { requireOrgUser } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow, notFound, runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { Timeline } from "./timeline.tsx";
import needsStyles from "#app/styles/needs.css?url";


export const links: LinksFunction = () => [{ rel: "stylesheet", href: needsStyles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageMeta(matches, { text: data.need.title }) : pageMeta(matches, "error.notFound.title");

function needIdOf(params: { needId?: string }) {
  const parsed = IdParamSchema.safeParse(params.needId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const needId = needIdOf(params);
  const page = await loadOrThrow(() => getPublicNeed(actor, needId));
  const history = page.isAdmin ? await loadOrThrow(() => listNeedHistory(actor, needId)) : null;
  return { ...page, history };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save") }),
  z.object({ intent: z.literal("unsave") }),
  z.object({ intent: z.literal("ask"), ...EnquirySchema.shape }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireOrgUser(request);
  const needId = needIdOf(params);
  const parsed = await parseForm(request, ActionSchema);
  if (!parsed.ok) return parsed.response;
  const value = parsed.value;
  const result = await runService(async () => {
    if (value.intent === "save") return saveNeed(actor, needId);
    if (value.intent === "unsave") return unsaveNeed(actor, needId);
    return askQuestion(actor, needId, value.question);
  });
  if (!result.ok) return result.response;
  const toast = { save: "needs.toast.saved", unsave: "needs.toast.unsaved", ask: "needs.toast.asked" } as const;
  return redirectWithToast(request, `/needs/${needId}${value.intent === "ask" ? "#questions" : ""}`, { type: "success", key: toast[value.intent] });
}

export default function NeedNotice() {
  const { need, now, bidCount, isOwner, viewer, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const { t, locale, yuan, date, dateTime, number } = useT();
  const phase = needPhase(need, new Date(now));
  const open = phase === "OPEN_FOR_BIDS";
  const questionsOpen = isOpenForQuestions(need, new Date(now));
  const districtName = (d: { name: string; nameEn: string }) => (locale === "zh" ? d.name : d.nameEn);
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const askErrors = actionData && "result" in actionData ? actionData.result.error?.question : undefined;
  const sep = t("bids.elig.listSeparator");

  const actions = viewer ? (
    <>
      <AppForm>
        <button className="btn btn--secondary" name="intent" value={viewer.saved ? "unsave" : "save"} aria-pressed={viewer.saved}>
          {viewer.saved ? t("needs.public.unsave") : t("needs.public.save")}
        </button>
      </AppForm>
      {open || viewer.bid ? (
        <Link className="btn" to="bid">
          {viewer.bid && viewer.bid.status !== "WITHDRAWN" ? t("needs.public.myBid") : t("needs.public.bid")}
        </Link>
      ) : null}
    </>
  ) : isOwner ? (
    <Link className="btn" to={`/workspace/needs/${need.id}`}>
      {t("needs.public.manage")}
    </Link>
  ) : open ? (
    <Link className="btn" to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>
      {t("needs.public.loginToBid")}
    </Link>
  ) : null;

  return (
    <>
      <PageHeader
        title={need.title}
        breadcrumbs={[
          { to: "/", label: t("nav.home") },
          { to: "/needs", label: t("nav.needs") },
        ]}
        lead={
          <span className="row">
            <PhaseBadge phase={phase} />
            <Badge tone={need.crossDistrict ? "success" : "warning"}>{t(need.crossDistrict ? "crossDistrict.open" : "crossDistrict.closed")}</Badge>
            {need.communityPriority ? <Badge tone="primary">{t("needs.public.communityPriority")}</Badge> : null}
            <span>{t("needs.number", { id: need.id })}</span>
            {need.bidDeadline && need.status !== "DRAFT" ? <strong>{t("needs.manage.deadline", { time: dateTime(need.bidDeadline) })}</strong> : null}
          </span>
        }
        actions={actions}
      />
      {need.status === "DRAFT" ? <Alert tone="warning">{t("needs.public.draftPreview")}</Alert> : null}
      {formError ? <Alert tone="error">{translateError(t, formError.key)}</Alert> : null}
      {need.status === "CANCELLED" || need.status === "UNSUCCESSFUL" ? (
        <Alert tone="error" title={t(need.status === "CANCELLED" ? "needs.public.cancelledTitle" : "needs.public.unsuccessfulTitle")}>
          <p>{need.statusReason}</p>
        </Alert>
      ) : null}
      {viewer?.invitation ? (
        <Alert tone="info" title={t("needs.public.invitedTitle")}>
          {viewer.invitation.message ? <p>{viewer.invitation.message}</p> : null}
        </Alert>
      ) : null}

      <div className="layout-aside">
        <div className="stack">
          {need.summary ? <p className="need-summary">{need.summary}</p> : null}

          {need.award ? (
            <section className="card result-card" id="result" aria-labelledby="result-title">
              <h2 id="result-title">{t("needs.public.resultTitle")}</h2>
              <dl className="facts">
                <dt>{t("needs.public.winner")}</dt>
                <dd>
                  <Link to={`/orgs/${need.award.org.id}`}>{need.award.org.name}</Link>
                  <span className="muted small">
                    {" "}
                    · {t(`orgKind.${need.award.org.kind}`)} · {districtName(need.award.org.district)}
                  </span>
                </dd>
                <dt>{t("needs.public.awardAmount")}</dt>
                <dd>{yuan(need.award.amount)}</dd>
                {need.award.bid.totalScore !== null ? (
                  <>
                    <dt>{t("needs.public.awardScore")}</dt>
                    <dd>{need.award.bid.totalScore.toFixed(2)}</dd>
                  </>
                ) : null}
                <dt>{t("needs.public.awardDate")}</dt>
                <dd>{dateTime(need.award.decidedAt)}</dd>
                {bidCount !== null ? (
                  <>
                    <dt>{t("needs.public.bidCount")}</dt>
                    <dd>{number(bidCount)}</dd>
                  </>
                ) : null}
              </dl>
              {need.award.notice ? <p className="pre-wrap">{need.award.notice}</p> : null}
              {need.contract ? (
                <>
                  <h3>{t("needs.public.deliveryTitle")}</h3>
                  <dl className="facts">
                    <dt>{t("needs.delivery.value")}</dt>
                    <dd>{yuan(need.contract.value)}</dd>
                    <dt>{t("needs.delivery.period")}</dt>
                    <dd>
                      {date(need.contract.periodStart)} – {date(need.contract.periodEnd)}
                    </dd>
                    {need.contract.completedAt ? (
                      <>
                        <dt>{t("needs.public.acceptance")}</dt>
                        <dd>
                          <strong>{t(`needs.acceptance.${need.contract.acceptanceResult!}`)}</strong>
                          {t("needs.punct.paren", { text: date(need.contract.completedAt) })}
                          {need.contract.acceptanceNote ? <p className="small pre-wrap">{need.contract.acceptanceNote}</p> : null}
                        </dd>
                        <dt>{t("needs.public.rating")}</dt>
                        <dd>
                          <Stars rating={need.contract.rating ?? 0} /> <span className="small">{t("needs.rating.value", { rating: need.contract.rating ?? 0 })}</span>
                          {need.contract.review ? <p className="small pre-wrap">{need.contract.review}</p> : null}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                </>
              ) : null}
            </section>
          ) : null}

          <section className="card" aria-labelledby="info-title">
            <h2 id="info-title">{t("needs.public.infoTitle")}</h2>
            <dl className="facts">
              <dt>{t("needs.public.buyer")}</dt>
              <dd>
                {need.buyerUnit.name}
                <span className="muted small">
                  {" "}
                  · {t(`buyerKind.${need.buyerUnit.kind}`)} · {districtName(need.buyerUnit.district)}
                  {need.buyerUnit.street ? ` ${need.buyerUnit.street.name}` : ""}
                </span>
              </dd>
              {need.catalogItem ? (
                <>
                  <dt>{t("needs.field.catalogItemId")}</dt>
                  <dd>
                    {need.catalogItem.code} {locale === "zh" ? need.catalogItem.nameZh : (need.catalogItem.nameEn ?? need.catalogItem.nameZh)}
                  </dd>
                </>
              ) : null}
              <dt>{t("needs.field.method")}</dt>
              <dd>{t(`method.${need.method}`)}</dd>
              <dt>{t("needs.field.budget")}</dt>
              <dd>{need.budget ? yuan(need.budget) : "—"}</dd>
              <dt>{t("needs.public.area")}</dt>
              <dd>
                {need.districts.map((d) => districtName(d.district)).join(sep)}
                {need.streets.length > 0 ? <span className="muted small"> · {need.streets.map((s) => s.street.name).join(sep)}</span> : null}
              </dd>
              <dt>{t("needs.field.crossDistrict")}</dt>
              <dd>{need.crossDistrict ? t("needs.public.crossDistrictYes") : t("needs.public.crossDistrictNo", { reason: need.crossDistrictReason ?? "" })}</dd>
              <dt>{t("needs.public.servicePeriod")}</dt>
              <dd>{need.servicePeriodStart && need.servicePeriodEnd ? `${date(need.servicePeriodStart)} – ${date(need.servicePeriodEnd)}` : "—"}</dd>
              {need.contactName || need.contactPhone || need.buyerUnit.contactPhone ? (
                <>
                  <dt>{t("needs.public.contact")}</dt>
                  <dd>
                    {need.contactName} {need.contactPhone || need.buyerUnit.contactPhone}
                  </dd>
                </>
              ) : null}
            </dl>
            {need.tags.length > 0 ? (
              <div className="tags-block">
                <TagList label={t("needs.form.tags")} tags={need.tags.map(({ tag }) => ({ id: tag.id, name: locale === "zh" ? tag.nameZh : (tag.nameEn ?? tag.nameZh) }))} />
              </div>
            ) : null}
          </section>

          <section className="card" aria-labelledby="desc-title">
            <h2 id="desc-title">{t("needs.public.descriptionTitle")}</h2>
            {need.descriptionHtml ? <div className="prose" dangerouslySetInnerHTML={{ __html: need.descriptionHtml }} /> : <p className="muted">—</p>}
          </section>

          <section className="card" aria-labelledby="rules-title">
            <h2 id="rules-title">{t("needs.public.rulesTitle")}</h2>
            <RulesList rules={need} />
            {viewer && need.status !== "DRAFT" && (open || !viewer.bid) ? (
              viewer.failures.length === 0 && !viewer.invitationRequired ? (
                <Alert tone="success">{t("bids.elig.ok")}</Alert>
              ) : (
                <Alert tone="warning" title={t("bids.elig.title")}>
                  <FailureList failures={viewer.failures} districts={need.districts.map((d) => d.district)} />
                  {viewer.invitationRequired ? <p>{t("bids.invitationOnly")}</p> : null}
                </Alert>
              )
            ) : null}
          </section>

          <section className="card" aria-labelledby="criteria-title">
            <h2 id="criteria-title">{t("needs.public.criteriaTitle")}</h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("needs.public.criterion")}</th>
                    <th scope="col">{t("needs.form.criterionKind")}</th>
                    <th scope="col" className="num">
                      {t("needs.form.criterionWeight")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {need.criteria.map((c) => (
                    <tr key={c.id}>
                      <td>
                        {c.name}
                        {c.description ? <div className="muted small">{c.description}</div> : null}
                      </td>
                      <td>{t(`needs.criterionKind.${c.kind}`)}</td>
                      <td className="num">{c.weight}%</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section className="card" id="questions" aria-labelledby="questions-title">
            <h2 id="questions-title">{t("needs.public.questionsTitle", { count: need.enquiries.length })}</h2>
            {need.enquiries.length === 0 ? (
              <p className="muted">{t("needs.public.noQuestions")}</p>
            ) : (
              <ol className="qa-list">
                {need.enquiries.map((enquiry) => (
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
            {viewer && viewer.myQuestions.some((q) => !q.answeredAt) ? (
              <div className="my-questions">
                <h3>{t("needs.public.myPending")}</h3>
                <ul>
                  {viewer.myQuestions
                    .filter((q) => !q.answeredAt)
                    .map((q) => (
                      <li key={q.id}>
                        {q.question} <span className="muted small">{t("needs.punct.paren", { text: dateTime(q.createdAt) })}</span>
                      </li>
                    ))}
                </ul>
              </div>
            ) : null}
            {viewer && questionsOpen ? (
              // Keyed by the number of questions asked, so the text box empties once a question is sent.
              <AppForm noValidate className="ask-form" key={viewer.myQuestions.length}>
                <input type="hidden" name="intent" value="ask" />
                <div className={`field${askErrors ? "" : ""}`} data-invalid={askErrors ? true : undefined}>
                  <label htmlFor="ask-question">{t("needs.public.askLabel")}</label>
                  <span className="hint" id="ask-hint">
                    {t("needs.public.askHint", { time: need.enquiryDeadline ? dateTime(need.enquiryDeadline) : "—" })}
                  </span>
                  <textarea
                    id="ask-question"
                    name="question"
                    rows={3}
                    maxLength={1000}
                    aria-describedby={askErrors ? "ask-hint ask-error" : "ask-hint"}
                    aria-invalid={askErrors ? true : undefined}
                  />
                  {askErrors ? (
                    <p className="field-error" id="ask-error">
                      {askErrors.map((e) => translateError(t, e)).join(" ")}
                    </p>
                  ) : null}
                </div>
                <button className="btn btn--secondary" type="submit">
                  {t("needs.public.ask")}
                </button>
              </AppForm>
            ) : !viewer && questionsOpen ? (
              <p className="small">
                <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t("needs.public.loginToAsk")}</Link>
              </p>
            ) : need.status === "PUBLISHED" ? (
              <p className="muted small">{t("needs.enquiry.closed")}</p>
            ) : null}
          </section>

          {need.amendments.length > 0 ? (
            <section className="card" id="amendments" aria-labelledby="amend-title">
              <h2 id="amend-title">{t("needs.public.amendmentsTitle", { count: need.amendments.length })}</h2>
              <ol className="amendment-list">
                {need.amendments.map((amendment) => (
                  <li key={amendment.id}>
                    <p>
                      <strong>{dateTime(amendment.createdAt)}</strong> {amendment.material ? <Badge tone="warning">{t("needs.public.material")}</Badge> : null}
                    </p>
                    <p className="pre-wrap">{amendment.summary}</p>
                    <AmendmentChanges changes={amendment.changes as ChangeView[]} />
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          {history ? (
            <section className="card" aria-labelledby="history-title">
              <h2 id="history-title">{t("needs.history.title")}</h2>
              <p className="hint">{t("needs.history.hint")}</p>
              <div className="table-wrap">
                <table className="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">{t("needs.history.time")}</th>
                      <th scope="col">{t("needs.history.action")}</th>
                      <th scope="col">{t("needs.history.actor")}</th>
                      <th scope="col">{t("needs.history.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {history.map((row) => (
                      <tr key={row.id}>
                        <td className="nowrap">{dateTime(row.createdAt)}</td>
                        <td>
                          <code>{row.action}</code>
                          {row.entityType === "Bid" && row.entityId ? <span className="muted small"> #{row.entityId}</span> : null}
                        </td>
                        <td>{row.actorName ?? row.actorRole ?? "—"}</td>
                        <td>{row.reason ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </div>

        <aside className="stack" aria-label={t("needs.public.asideLabel")}>
          <Timeline need={need} now={now} bidCount={bidCount} />
          {viewer?.bid ? (
            <section className="card">
              <h2>{t("needs.public.myBidTitle")}</h2>
              <p>
                <Badge tone={viewer.bid.status === "WITHDRAWN" ? "neutral" : "primary"}>{t(`bidStatus.${viewer.bid.status}`)}</Badge>{" "}
                <span className="small">{dateTime(viewer.bid.updatedAt)}</span>
              </p>
              <Link to="bid">{t("needs.public.myBidOpen")}</Link>
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
