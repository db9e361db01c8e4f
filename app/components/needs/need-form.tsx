// The posting form of a need (new, draft, or an amendment of a published need). conform + zod: the browser
// validates with the same schema the server uses; publishing lists everything still missing at the top and at
// each field. Catalog items propose tags and a typical budget; one click applies Shanghai's recommended-supplier
// criteria. Every control is a native input, so the form also works without JavaScript.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { LiveEligibleCount } from "#app/components/matching/live-eligible-count.tsx";
import { parseWithZod } from "@conform-to/zod/v4";
import { useNavigation } from "@remix-run/react";
import { useMemo, useState } from "react";
import { AppForm } from "#app/components/csrf.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert } from "#app/components/ui/basics.tsx";
import { CheckboxField, ErrorSummary, Field, FieldErrors, SelectField, TextareaField } from "#app/components/ui/field.tsx";
import { translateError } from "#app/i18n/zod-errors.ts";
import type { NeedFormOptions } from "#app/modules/needs/needs.server.ts";
import { MIN_NOTICE_DAYS } from "#app/modules/needs/rules.ts";
import {
  CRITERION_KINDS,
  MAX_CRITERIA,
  MAX_TAGS,
  NEED_ORG_KINDS,
  needFormSchema,
  PROCUREMENT_METHODS,
  QUALIFICATION_VALUES,
  RECOMMENDED_SUPPLIER_PRESET,
  type NeedFormValue,
} from "#app/modules/needs/schemas.ts";
import { DistrictPicker } from "./district-picker.tsx";
import { TagPicker } from "./tag-picker.tsx";

export type NeedFormMode = "new" | "draft" | "published";

type Props = {
  id: string;
  options: NeedFormOptions;
  defaultValue: NeedFormValue;
  mode: NeedFormMode;
  lastResult?: SubmissionResult<string[]> | null;
  formError?: string | null;
  version?: number;
  /** For an amendment: the current deadlines (ISO). */
  published?: { enquiryDeadline: string | null; bidDeadline: string | null };
};

const DAY = 24 * 3600_000;

function listFromResult(result: Props["lastResult"], name: string): string[] | null {
  const value = (result?.initialValue as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return result ? [] : null;
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

export function NeedForm({ id, options, defaultValue, mode, lastResult, formError, version, published }: Props) {
  const { t, locale, yuan } = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [validateFor, setValidateFor] = useState<"" | "publish">(mode === "published" ? "publish" : "");
  const publishedDates = useMemo(
    () => (published ? { enquiryDeadline: published.enquiryDeadline ? new Date(published.enquiryDeadline) : null } : undefined),
    [published],
  );
  // Checkbox lists are React state (chips, catalog proposals); after a submission without JavaScript they start
  // from what was submitted.
  const [tagIds, setTagIds] = useState<number[]>(() => (listFromResult(lastResult, "tagIds") ?? defaultValue.tagIds).map(Number));
  const [districtCodes, setDistrictCodes] = useState<string[]>(() => listFromResult(lastResult, "districtCodes") ?? defaultValue.districtCodes);
  const [streetCodes, setStreetCodes] = useState<string[]>(() => listFromResult(lastResult, "streetCodes") ?? defaultValue.streetCodes);

  const [form, fields] = useForm({
    id,
    lastResult: lastResult ?? undefined,
    defaultValue: { ...defaultValue, amendmentSummary: "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: needFormSchema(new Date(), publishedDates) }),
  });

  const catalogId = fields.catalogItemId.value ? Number(fields.catalogItemId.value) : null;
  const catalog = options.catalog.find((item) => item.id === catalogId) ?? null;
  const criteria = fields.criteria.getFieldList();
  const weightSum = criteria.reduce((sum, c) => sum + (Number(c.getFieldset().weight.value) || 0), 0);
  const crossDistrict = fields.crossDistrict.value === "on";
  const closeToDeadline =
    mode === "published" && published?.bidDeadline ? new Date(published.bidDeadline).getTime() - Date.now() < MIN_NOTICE_DAYS * DAY : false;

  const labels: Record<string, string> = {
    title: t("needs.form.title"),
    summary: t("needs.form.summary"),
    description: t("needs.form.description"),
    tagIds: t("needs.form.tags"),
    districtCodes: t("needs.form.districts"),
    streetCodes: t("needs.form.streets"),
    crossDistrictReason: t("needs.form.crossDistrictReason"),
    budget: t("needs.form.budget"),
    method: t("needs.form.method"),
    enquiryDeadline: t("needs.form.enquiryDeadline"),
    bidDeadline: t("needs.form.bidDeadline"),
    servicePeriodStart: t("needs.form.periodStart"),
    servicePeriodEnd: t("needs.form.periodEnd"),
    criteria: t("needs.form.criteria"),
    amendmentSummary: t("needs.form.amendmentSummary"),
    contactPhone: t("needs.form.contactPhone"),
  };
  criteria.forEach((_, index) => {
    labels[`criteria[${index}].name`] = t("needs.form.criterionN", { n: index + 1 });
    labels[`criteria[${index}].weight`] = t("needs.form.criterionN", { n: index + 1 });
  });

  const applyCatalog = (nextId: string) => {
    const item = options.catalog.find((c) => String(c.id) === nextId);
    if (!item) return;
    setTagIds((current) => [...new Set([...current, ...item.tagIds])].slice(0, MAX_TAGS));
    if (!fields.budget.value && item.budgetMin && item.budgetMax) {
      form.update({ name: fields.budget.name, value: String(Math.round((item.budgetMin + item.budgetMax) / 2 / 10_000) * 10_000) });
    }
  };

  const applyPreset = () => {
    form.update({ name: fields.minGrade.name, value: String(RECOMMENDED_SUPPLIER_PRESET.minGrade) });
    form.update({ name: fields.minYearsRegistered.name, value: String(RECOMMENDED_SUPPLIER_PRESET.minYearsRegistered) });
    form.update({ name: fields.minSocialWorkers.name, value: String(RECOMMENDED_SUPPLIER_PRESET.minSocialWorkers) });
  };

  const catalogLabel = (item: NeedFormOptions["catalog"][number]) => `${item.code} ${locale === "zh" ? item.nameZh : (item.nameEn ?? item.nameZh)}`;

  return (
    <AppForm {...getFormProps(form)} noValidate className="need-form">
      <ErrorSummary errors={form.allErrors} labels={labels} formError={formError ? translateError(t, formError) : null} />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      {validateFor ? <input type="hidden" name="validateFor" value={validateFor} /> : null}

      {mode === "published" ? (
        <Alert tone={closeToDeadline ? "warning" : "info"} title={t("needs.form.amendTitle")}>
          <p>{t("needs.form.amendLead")}</p>
          {closeToDeadline ? <p>{t("needs.amend.tooLate", { days: MIN_NOTICE_DAYS })}</p> : null}
        </Alert>
      ) : null}

      <section className="card form-section" aria-labelledby={`${id}-basics`}>
        <h2 id={`${id}-basics`}>{t("needs.form.sectionBasics")}</h2>
        <SelectField
          label={t("needs.form.catalog")}
          hint={catalog ? t("needs.form.catalogHint", { domain: catalog.domain, min: yuan(catalog.budgetMin), max: yuan(catalog.budgetMax) }) : t("needs.form.catalogNone")}
          optional
          errors={fields.catalogItemId.errors}
          {...getSelectProps(fields.catalogItemId)}
          onChange={(event) => applyCatalog(event.target.value)}
          placeholder={t("needs.form.catalogPlaceholder")}
          options={options.catalog.map((item) => ({ value: String(item.id), label: catalogLabel(item) }))}
        />
        <Field label={t("needs.form.title")} hint={t("needs.form.titleHint")} errors={fields.title.errors} {...getInputProps(fields.title, { type: "text" })} maxLength={100} />
        <TextareaField
          label={t("needs.form.summary")}
          hint={t("needs.form.summaryHint")}
          errors={fields.summary.errors}
          {...getTextareaProps(fields.summary)}
          rows={2}
          maxLength={300}
          className="field--short"
        />
        <TextareaField
          label={t("needs.form.description")}
          hint={t("needs.form.descriptionHint")}
          errors={fields.description.errors}
          {...getTextareaProps(fields.description)}
          rows={10}
        />
      </section>

      <section className="card form-section" aria-labelledby={`${id}-tags`}>
        <h2 id={`${id}-tags`}>{t("needs.form.sectionTags")}</h2>
        <TagPicker name={fields.tagIds.name} groups={options.tagGroups} selected={tagIds} onChange={setTagIds} max={MAX_TAGS} errors={fields.tagIds.errors} />
      </section>

      <section className="card form-section" aria-labelledby={`${id}-area`}>
        <h2 id={`${id}-area`}>{t("needs.form.sectionArea")}</h2>
        <DistrictPicker
          districts={options.districts}
          selected={districtCodes}
          onChange={setDistrictCodes}
          streets={streetCodes}
          onStreetsChange={setStreetCodes}
          errors={fields.districtCodes.errors}
          streetErrors={fields.streetCodes.errors ?? Object.entries(form.allErrors).filter(([name]) => name.startsWith("streetCodes[")).flatMap(([, e]) => e)}
        />
        <CheckboxField label={t("needs.form.crossDistrict")} hint={t("needs.form.crossDistrictHint")} {...getInputProps(fields.crossDistrict, { type: "checkbox" })} />
        {!crossDistrict || fields.crossDistrictReason.errors ? (
          <TextareaField
            label={t("needs.form.crossDistrictReason")}
            hint={t("needs.form.crossDistrictReasonHint")}
            errors={fields.crossDistrictReason.errors}
            {...getTextareaProps(fields.crossDistrictReason)}
            rows={2}
            maxLength={300}
          />
        ) : null}
      </section>

      <section className="card form-section" aria-labelledby={`${id}-money`}>
        <h2 id={`${id}-money`}>{t("needs.form.sectionMoney")}</h2>
        <div className="form-row">
          <Field
            label={t("needs.form.budget")}
            hint={catalog?.budgetMin ? t("needs.form.budgetHintCatalog", { min: yuan(catalog.budgetMin), max: yuan(catalog.budgetMax) }) : t("needs.form.budgetHint")}
            errors={fields.budget.errors}
            {...getInputProps(fields.budget, { type: "text" })}
            inputMode="numeric"
            autoComplete="off"
          />
          <SelectField
            label={t("needs.form.method")}
            errors={fields.method.errors}
            {...getSelectProps(fields.method)}
            options={PROCUREMENT_METHODS.map((value) => ({ value, label: t(`method.${value}`) }))}
          />
        </div>
      </section>

      <section className="card form-section" aria-labelledby={`${id}-rules`}>
        <div className="row row--between">
          <h2 id={`${id}-rules`}>{t("needs.form.sectionRules")}</h2>
          <button type="button" className="btn btn--secondary btn--small" onClick={applyPreset}>
            {t("needs.form.preset")}
          </button>
        </div>
        <p className="hint">{t("needs.form.presetHint")}</p>
        <div className="form-row">
          <SelectField
            label={t("needs.form.minGrade")}
            optional
            errors={fields.minGrade.errors}
            {...getSelectProps(fields.minGrade)}
            placeholder={t("needs.form.noMinimum")}
            options={[1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: t("needs.form.gradeOrAbove", { level }) }))}
          />
          <Field
            label={t("needs.form.minYears")}
            optional
            errors={fields.minYearsRegistered.errors}
            {...getInputProps(fields.minYearsRegistered, { type: "number" })}
            min={0}
            max={50}
          />
          <Field
            label={t("needs.form.minSocialWorkers")}
            optional
            errors={fields.minSocialWorkers.errors}
            {...getInputProps(fields.minSocialWorkers, { type: "number" })}
            min={0}
            max={500}
          />
        </div>
        <fieldset className="field">
          <legend>{t("needs.form.allowedKinds")}</legend>
          <span className="hint">{t("needs.form.allowedKindsHint")}</span>
          <div className="choices-inline">
            {NEED_ORG_KINDS.map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="checkbox"
                  name={fields.allowedKinds.name}
                  value={kind}
                  defaultChecked={(fields.allowedKinds.initialValue as string[] | undefined)?.includes(kind)}
                  key={`${fields.allowedKinds.key}-${kind}`}
                />
                <span>{t(`orgKind.${kind}`)}</span>
              </label>
            ))}
          </div>
          <FieldErrors id={`${id}-kinds-error`} errors={fields.allowedKinds.errors} />
        </fieldset>
        <fieldset className="field">
          <legend>{t("needs.form.qualifications")}</legend>
          <div className="choices-inline">
            {QUALIFICATION_VALUES.map((q) => (
              <label key={q} className="choice">
                <input
                  type="checkbox"
                  name={fields.requiredQualifications.name}
                  value={q}
                  defaultChecked={(fields.requiredQualifications.initialValue as string[] | undefined)?.includes(q)}
                  key={`${fields.requiredQualifications.key}-${q}`}
                />
                <span>{t(`qualification.${q}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <CheckboxField label={t("needs.form.communityPriority")} hint={t("needs.form.communityPriorityHint")} {...getInputProps(fields.communityPriority, { type: "checkbox" })} />
        <LiveEligibleCount formId={form.id} />
      </section>

      <section className="card form-section" aria-labelledby={`${id}-dates`}>
        <h2 id={`${id}-dates`}>{t("needs.form.sectionDates")}</h2>
        <p className="hint">{t("needs.form.datesHint")}</p>
        <div className="form-row">
          <Field label={t("needs.form.enquiryDeadline")} errors={fields.enquiryDeadline.errors} {...getInputProps(fields.enquiryDeadline, { type: "datetime-local" })} />
          <Field label={t("needs.form.bidDeadline")} errors={fields.bidDeadline.errors} {...getInputProps(fields.bidDeadline, { type: "datetime-local" })} />
        </div>
        <div className="form-row">
          <Field label={t("needs.form.periodStart")} errors={fields.servicePeriodStart.errors} {...getInputProps(fields.servicePeriodStart, { type: "date" })} />
          <Field label={t("needs.form.periodEnd")} errors={fields.servicePeriodEnd.errors} {...getInputProps(fields.servicePeriodEnd, { type: "date" })} />
        </div>
      </section>

      <section className="card form-section" aria-labelledby={`${id}-criteria`}>
        <h2 id={`${id}-criteria`}>{t("needs.form.criteria")}</h2>
        <p className="hint">{t("needs.form.criteriaHint")}</p>
        <FieldErrors id={`${id}-criteria-error`} errors={fields.criteria.errors} />
        <ol className="criteria-list">
          {criteria.map((criterion, index) => {
            const c = criterion.getFieldset();
            return (
              <li key={criterion.key} className="criteria-row">
                <Field label={t("needs.form.criterionName", { n: index + 1 })} errors={c.name.errors} {...getInputProps(c.name, { type: "text" })} maxLength={40} />
                <SelectField
                  label={t("needs.form.criterionKind")}
                  {...getSelectProps(c.kind)}
                  options={CRITERION_KINDS.map((kind) => ({ value: kind, label: t(`needs.criterionKind.${kind}`) }))}
                />
                <Field
                  label={t("needs.form.criterionWeight")}
                  errors={c.weight.errors}
                  {...getInputProps(c.weight, { type: "number" })}
                  min={0}
                  max={100}
                  className="field--weight"
                />
                <Field label={t("needs.form.criterionDescription")} optional {...getInputProps(c.description, { type: "text" })} maxLength={200} />
                <button
                  className="btn btn--secondary btn--small criteria-row__remove"
                  {...form.remove.getButtonProps({ name: fields.criteria.name, index })}
                  aria-label={t("needs.form.criterionRemove", { n: index + 1 })}
                >
                  {t("needs.form.remove")}
                </button>
              </li>
            );
          })}
        </ol>
        <div className="row row--between">
          {criteria.length < MAX_CRITERIA ? (
            <button
              className="btn btn--secondary btn--small"
              {...form.insert.getButtonProps({ name: fields.criteria.name, defaultValue: { name: "", kind: "TECHNICAL", weight: "", description: "" } })}
            >
              {t("needs.form.criterionAdd")}
            </button>
          ) : (
            <span />
          )}
          <p className={`weight-sum ${weightSum === 100 ? "weight-sum--ok" : "weight-sum--off"}`} aria-live="polite">
            {t("needs.form.weightSum", { sum: weightSum })}
          </p>
        </div>
      </section>

      <section className="card form-section" aria-labelledby={`${id}-contact`}>
        <h2 id={`${id}-contact`}>{t("needs.form.sectionContact")}</h2>
        <div className="form-row">
          <Field label={t("needs.form.contactName")} optional errors={fields.contactName.errors} {...getInputProps(fields.contactName, { type: "text" })} autoComplete="name" />
          <Field label={t("needs.form.contactPhone")} optional errors={fields.contactPhone.errors} {...getInputProps(fields.contactPhone, { type: "tel" })} autoComplete="tel" />
        </div>
      </section>

      {mode === "published" ? (
        <section className="card form-section" aria-labelledby={`${id}-amend`}>
          <h2 id={`${id}-amend`}>{t("needs.form.amendmentSummary")}</h2>
          <TextareaField
            label={t("needs.form.amendmentSummary")}
            hint={t("needs.form.amendmentSummaryHint")}
            errors={fields.amendmentSummary.errors}
            {...getTextareaProps(fields.amendmentSummary)}
            rows={3}
            maxLength={500}
          />
        </section>
      ) : null}

      <div className="form-actions form-actions--end">
        {mode === "published" ? (
          <button className="btn" type="submit" name="intent" value="save-amendment" disabled={busy}>
            {busy ? t("form.saving") : t("needs.form.submitAmendment")}
          </button>
        ) : (
          <>
            <button className="btn" type="submit" name="intent" value="publish" disabled={busy} onClick={() => setValidateFor("publish")}>
              {busy ? t("form.saving") : t("needs.form.submitPublish")}
            </button>
            <button className="btn btn--secondary" type="submit" name="intent" value="save-draft" formNoValidate disabled={busy} onClick={() => setValidateFor("")}>
              {t("needs.form.submitDraft")}
            </button>
          </>
        )}
      </div>
    </AppForm>
  );
}
