// Small pieces shared by the need and bid pages: the phase badge, eligibility failures in words, the rules of a
// need as a list, star ratings, and amendment changes.
import type { NeedPhase } from "#app/modules/needs/phase.ts";
import { PHASE_TONE } from "#app/modules/needs/phase.ts";
import type { EligibilityFailure } from "#app/modules/bids/eligibility.ts";
import { FAILURE_MESSAGE } from "#app/modules/bids/eligibility.ts";
import type { Translate } from "#app/i18n/index.ts";
import { Badge } from "#app/components/ui/basics.tsx";
import { useT } from "#app/components/root-data.ts";

type District = { code: string; name: string; nameEn: string };

export function PhaseBadge({ phase }: { phase: NeedPhase }) {
  const { t } = useT();
  return <Badge tone={PHASE_TONE[phase]}>{t(`needStatus.${phase}`)}</Badge>;
}

/** One failed eligibility rule as a sentence in the reader's language. */
export function describeFailure(
  t: Translate,
  failure: EligibilityFailure,
  helpers: { date: (value: string | Date | null) => string; dateTime: (value: string | Date | null) => string; districtName: (code: string) => string },
): string {
  const key = FAILURE_MESSAGE[failure.rule];
  const sep = t("bids.elig.listSeparator");
  switch (failure.rule) {
    case "status":
      return t(key, { status: t(`orgStatus.${failure.status}`) });
    case "custodian":
      return t(key);
    case "kind":
      return t(key, { kind: t(`orgKind.${failure.kind}`), allowed: failure.allowed.map((k) => t(`orgKind.${k}`)).join(sep) });
    case "grade":
      return t(key, {
        min: failure.min,
        current: failure.grade ? t("bids.elig.gradeCurrent", { grade: failure.grade }) : t("bids.elig.gradeNone"),
      });
    case "gradeExpired":
      return t(key, { grade: failure.grade, validUntil: failure.validUntil ? helpers.date(failure.validUntil) : "—", deadline: helpers.dateTime(failure.deadline) });
    case "qualification":
      return t(key, { qualification: t(`qualification.${failure.qualification}`) });
    case "yearsRegistered":
      return t(key, {
        min: failure.min,
        founded: failure.foundedOn ? t("bids.elig.foundedOn", { date: helpers.date(failure.foundedOn) }) : t("bids.elig.foundedUnknown"),
      });
    case "socialWorkers":
      return t(key, { min: failure.min, count: failure.count });
    case "locality":
      return t(key, { districts: failure.districtCodes.map(helpers.districtName).join(sep), orgDistrict: helpers.districtName(failure.orgDistrictCode) });
  }
}

export function useDistrictName(districts: District[] = []) {
  const { locale } = useT();
  return (code: string) => {
    const district = districts.find((d) => d.code === code);
    return district ? (locale === "zh" ? district.name : district.nameEn) : code;
  };
}

/** The list of failed rules, for the bid page, the notice page and the invitation list. */
export function FailureList({ failures, districts }: { failures: EligibilityFailure[]; districts?: District[] }) {
  const { t, date, dateTime } = useT();
  const districtName = useDistrictName(districts);
  return (
    <ul className="failure-list">
      {failures.map((failure, index) => (
        <li key={index}>{describeFailure(t, failure, { date, dateTime, districtName })}</li>
      ))}
    </ul>
  );
}

export type NeedRulesView = {
  minGrade: number | null;
  allowedKinds: string[];
  requiredQualifications: string[];
  minYearsRegistered: number | null;
  minSocialWorkers: number | null;
  communityPriority: boolean;
  crossDistrict: boolean;
  crossDistrictReason: string | null;
};

/** The need's eligibility rules in words ("不限" when there are none). */
export function RulesList({ rules }: { rules: NeedRulesView }) {
  const { t } = useT();
  const sep = t("bids.elig.listSeparator");
  const items = [
    rules.allowedKinds.length > 0 ? t("needs.rules.kinds", { kinds: rules.allowedKinds.map((k) => t(`orgKind.${k as "SOCIAL_GROUP"}`)).join(sep) }) : null,
    rules.minGrade ? t("needs.rules.minGrade", { grade: rules.minGrade }) : null,
    ...rules.requiredQualifications.map((q) => t("needs.rules.qualification", { qualification: t(`qualification.${q as "TAX_EXEMPT"}`) })),
    rules.minYearsRegistered ? t("needs.rules.minYears", { years: rules.minYearsRegistered }) : null,
    rules.minSocialWorkers ? t("needs.rules.minSocialWorkers", { count: rules.minSocialWorkers }) : null,
    rules.crossDistrict ? null : t("needs.rules.local", { reason: rules.crossDistrictReason ?? "" }),
  ].filter((item): item is string => Boolean(item));
  return (
    <>
      {items.length === 0 ? (
        <p>{t("needs.rules.none")}</p>
      ) : (
        <ul className="rule-list">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      {rules.communityPriority ? <p className="small">{t("needs.rules.communityPriority")}</p> : null}
    </>
  );
}

export function Stars({ rating, label }: { rating: number; label?: string }) {
  const { t } = useT();
  const full = Math.round(rating);
  return (
    <span className="stars" role="img" aria-label={label ?? t("needs.rating.label", { rating })}>
      <span aria-hidden="true">
        {"★".repeat(full)}
        <span className="stars__empty">{"★".repeat(Math.max(0, 5 - full))}</span>
      </span>
    </span>
  );
}

type ChangeValue = string | number | boolean | null | string[];
export type ChangeView = { field: string; before: ChangeValue; after: ChangeValue };

function ChangeValueView({ field, value }: { field: string; value: ChangeValue }) {
  const { t, yuan, date, dateTime } = useT();
  const sep = t("bids.elig.listSeparator");
  if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return <span className="muted">—</span>;
  if (typeof value === "boolean") return <>{t(value ? "form.yes" : "form.no")}</>;
  switch (field) {
    case "budget":
      return <>{yuan(Number(value))}</>;
    case "enquiryDeadline":
    case "bidDeadline":
      return <>{dateTime(String(value))}</>;
    case "servicePeriodStart":
    case "servicePeriodEnd":
      return <>{date(String(value))}</>;
    case "method":
      return <>{t(`method.${value as "OPEN_TENDER"}`)}</>;
    case "minGrade":
      return <>{t("grade.label", { level: Number(value) })}</>;
    case "allowedKinds":
      return <>{(value as string[]).map((k) => t(`orgKind.${k as "SOCIAL_GROUP"}`)).join(sep)}</>;
    case "requiredQualifications":
      return <>{(value as string[]).map((q) => t(`qualification.${q as "TAX_EXEMPT"}`)).join(sep)}</>;
    case "description":
    case "summary":
      return String(value).length > 120 ? (
        <details>
          <summary>{String(value).slice(0, 60)}…</summary>
          <p className="pre-wrap">{String(value)}</p>
        </details>
      ) : (
        <span className="pre-wrap">{String(value)}</span>
      );
    default:
      return <>{Array.isArray(value) ? value.join(sep) : String(value)}</>;
  }
}

/** The changes of one amendment (更正事项): field, before, after. */
export function AmendmentChanges({ changes }: { changes: ChangeView[] }) {
  const { t } = useT();
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t("needs.amend.field")}</th>
            <th scope="col">{t("needs.amend.before")}</th>
            <th scope="col">{t("needs.amend.after")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row">{t(`needs.field.${change.field as "title"}`)}</th>
              <td>
                <ChangeValueView field={change.field} value={change.before} />
              </td>
              <td>
                <ChangeValueView field={change.field} value={change.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
