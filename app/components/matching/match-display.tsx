// Matching reasons and "what would widen your reach", shared by the buyer's 匹配机构 tab, the organization's 推荐项目
// page and its profile editor.
import { Link } from "@remix-run/react";
import type { MessageKey } from "#app/i18n/index.ts";
import type { EligibilityFailure } from "#app/modules/bids/eligibility.ts";
import { reasonText, type MatchReason } from "#app/modules/matching/reasons.ts";
import { useT } from "../root-data.ts";

export function ReasonList({ reasons }: { reasons: MatchReason[] }) {
  const { t, locale } = useT();
  return (
    <ul className="match-reasons" aria-label={t("matching.reasonsLabel")}>
      {reasons.map((reason, i) => (
        <li key={i} className={`match-reason match-reason--${reason.kind}`}>
          {reasonText(reason, t, locale)}
        </li>
      ))}
    </ul>
  );
}

export type ReachAdviceView = {
  relevant: number;
  eligible: number;
  blockers: { rule: EligibilityFailure["rule"]; count: number; example: EligibilityFailure }[];
};

export function ReachAdvice({ advice, showEditLink = false }: { advice: ReachAdviceView; showEditLink?: boolean }) {
  const { t, date } = useT();
  const qualificationName = (q: string) => t(`qualification.${q}` as MessageKey);
  const line = (blocker: ReachAdviceView["blockers"][number]) => {
    const { example, count } = blocker;
    switch (example.rule) {
      case "gradeExpired":
        return t("matching.reach.gradeExpired", { count, grade: example.grade, validUntil: example.validUntil ? date(example.validUntil) : "—" });
      case "grade":
        return t("matching.reach.grade", { count, min: example.min });
      case "qualification":
        return t("matching.reach.qualification", { count, qualification: qualificationName(example.qualification) });
      case "yearsRegistered":
        return t("matching.reach.yearsRegistered", { count, min: example.min });
      case "socialWorkers":
        return t("matching.reach.socialWorkers", { count, min: example.min });
      default:
        return t(`matching.reach.${example.rule}`, { count });
    }
  };
  return (
    <section className="card reach-advice" aria-labelledby="reach-title">
      <h2 id="reach-title">{t("matching.reach.title")}</h2>
      {advice.relevant === 0 ? (
        <p className="muted">{t("matching.reach.none")}</p>
      ) : advice.blockers.length === 0 ? (
        <p>{t("matching.reach.allGood", { relevant: advice.relevant })}</p>
      ) : (
        <>
          <p>{t("matching.reach.summary", { relevant: advice.relevant, eligible: advice.eligible })}</p>
          <ul className="reach-list">
            {advice.blockers.map((blocker) => (
              <li key={blocker.rule}>{line(blocker)}</li>
            ))}
          </ul>
          {showEditLink ? (
            <p>
              <Link to="/workspace/profile">{t("matching.reach.edit")}</Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
