// The timeline of a need: publication, question deadline, bid deadline, evaluation, award, contract, acceptance —
// what has happened is marked done, the next step is highlighted.
import { useT } from "#app/components/root-data.ts";
import type { MessageKey } from "#app/i18n/index.ts";

type TimelineNeed = {
  publishedAt: string | Date | null;
  enquiryDeadline: string | Date | null;
  bidDeadline: string | Date | null;
  evaluationStartedAt: string | Date | null;
  closedAt: string | Date | null;
  status: string;
  award: { decidedAt: string | Date } | null;
  contract: { signedAt: string | Date; completedAt: string | Date | null } | null;
};

export function Timeline({ need, now, bidCount }: { need: TimelineNeed; now: string | Date; bidCount: number | null }) {
  const { t, dateTime, number } = useT();
  const at = new Date(now).getTime();
  const steps: { key: MessageKey; time: string | Date | null; done: boolean; note?: string }[] = [
    { key: "needs.timeline.published", time: need.publishedAt, done: Boolean(need.publishedAt) },
    { key: "needs.timeline.enquiryDeadline", time: need.enquiryDeadline, done: Boolean(need.enquiryDeadline && new Date(need.enquiryDeadline).getTime() <= at) },
    {
      key: "needs.timeline.bidDeadline",
      time: need.bidDeadline,
      done: Boolean(need.bidDeadline && new Date(need.bidDeadline).getTime() <= at),
      note: bidCount !== null ? t("needs.timeline.bids", { count: number(bidCount) }) : undefined,
    },
    { key: "needs.timeline.evaluation", time: need.evaluationStartedAt, done: Boolean(need.evaluationStartedAt) },
    { key: "needs.timeline.award", time: need.award?.decidedAt ?? null, done: Boolean(need.award) },
    { key: "needs.timeline.contract", time: need.contract?.signedAt ?? null, done: Boolean(need.contract) },
    { key: "needs.timeline.completed", time: need.contract?.completedAt ?? null, done: Boolean(need.contract?.completedAt) },
  ];
  const ended = need.status === "CANCELLED" || need.status === "UNSUCCESSFUL";
  const nextIndex = ended ? -1 : steps.findIndex((step) => !step.done);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("needs.timeline.title")}</h2>
      <ol className="timeline">
        {steps.map((step, index) => {
          if (ended && !step.done && !step.time) return null;
          const state = step.done ? "done" : index === nextIndex ? "next" : "todo";
          return (
            <li key={step.key} className={`timeline__step timeline__step--${state}`} aria-current={state === "next" ? "step" : undefined}>
              <span className="timeline__label">
                {t(step.key)}
                <span className="visually-hidden"> ({t(`needs.timeline.state.${state}`)})</span>
              </span>
              <span className="timeline__time">{step.time ? dateTime(step.time) : "—"}</span>
              {step.note ? <span className="timeline__note">{step.note}</span> : null}
            </li>
          );
        })}
        {ended ? (
          <li className="timeline__step timeline__step--ended">
            <span className="timeline__label">{t(need.status === "CANCELLED" ? "needStatus.CANCELLED" : "needStatus.UNSUCCESSFUL")}</span>
            <span className="timeline__time">{need.closedAt ? dateTime(need.closedAt) : "—"}</span>
          </li>
        ) : null}
      </ol>
    </section>
  );
}
