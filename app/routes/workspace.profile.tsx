import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { AppForm } from "#app/components/csrf.tsx";
import { ReachAdvice } from "#app/components/matching/match-display.tsx";
import { getReachAdvice } from "#app/modules/matching/service.server.ts";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useT } from "#app/components/root-data.ts";
import { TagPicker } from "#app/components/tag-picker.tsx";
import { Alert, Badge, PageHeader } from "#app/components/ui/basics.tsx";
import { CheckboxField, ChoiceGroup, ErrorSummary, Field, FormErrors, SelectField, TextareaField } from "#app/components/ui/field.tsx";
import { changeFieldList, communityClassText } from "#app/modules/orgs/labels.ts";
import {
  addCase,
  deleteCase,
  getProfileEditor,
  resubmitForVerification,
  saveProfile,
  updateCase,
} from "#app/modules/orgs/profile.server.ts";
import {
  COMMUNITY_CLASSES,
  GRADE_LEVELS,
  isFiledKind,
  ORG_KINDS,
  PARTY_ORG_VALUES,
  ProfilePageSchema,
  type OrgKindValue,
  type ReviewField,
} from "#app/modules/orgs/schemas.ts";
import { requireOrgUser } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/forms.server.ts";
import { getTranslator } from "#app/utils/locale.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { runFormService } from "#app/utils/intent.server.ts";
import { loadOrThrow } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "orgs.editor.title");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireOrgUser(request);
  const [editor, reach] = await Promise.all([loadOrThrow(() => getProfileEditor(actor)), loadOrThrow(() => getReachAdvice(actor))]);
  // What would widen the organization's reach (an expired grade, a missing qualification…), from the open needs.
  return { ...editor, reach: editor.org.status === "VERIFIED" ? reach : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireOrgUser(request);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const id = String(formData.get("caseId") ?? "");
  const submission = parseWithZod(formData, { schema: ProfilePageSchema });
  if (submission.status !== "success") {
    return data({ intent, id, result: submission.reply({ hideFields: ["csrf"] }) }, { status: 400 });
  }
  const tag = { intent, id };
  const input = submission.value;
  const back = "/workspace/profile";
  switch (input.intent) {
    case "save-profile": {
      const result = await runFormService(tag, () => saveProfile(actor, input));
      if (!result.ok) return result.response;
      const t = await getTranslator(request);
      const { published, sentForReview, withdrawn } = result.value;
      const fields = changeFieldList(t, Object.fromEntries(sentForReview.map((field: ReviewField) => [field, true])), t("form.yes") === "Yes" ? ", " : "、");
      if (sentForReview.length > 0) {
        return redirectWithToast(request, back, { type: "success", key: published.length > 0 ? "orgs.editor.savedWithReview" : "orgs.editor.reviewOnly", vars: { fields } });
      }
      if (withdrawn) return redirectWithToast(request, back, { type: "info", key: "orgs.editor.withdrawn" });
      return redirectWithToast(request, back, published.length > 0 ? { type: "success", key: "orgs.editor.saved" } : { type: "info", key: "orgs.editor.nothingChanged" });
    }
    case "add-case": {
      const result = await runFormService(tag, () => addCase(actor, input));
      if (!result.ok) return result.response;
      return redirectWithToast(request, `${back}#cases`, { type: "success", key: "orgs.cases.added" });
    }
    case "update-case": {
      const result = await runFormService(tag, () => updateCase(actor, input.caseId, input));
      if (!result.ok) return result.response;
      return redirectWithToast(request, `${back}#cases`, { type: "success", key: "orgs.cases.updated" });
    }
    case "delete-case": {
      const result = await runFormService(tag, () => deleteCase(actor, input.caseId));
      if (!result.ok) return result.response;
      return redirectWithToast(request, `${back}#cases`, { type: "success", key: "orgs.cases.deleted" });
    }
    case "resubmit": {
      const result = await runFormService(tag, () => resubmitForVerification(actor));
      if (!result.ok) return result.response;
      return redirectWithToast(request, back, { type: "success", key: "orgs.editor.resubmitted" });
    }
  }
}

type ActionData = {
  intent?: string;
  id?: string;
  result?: SubmissionResult<string[]>;
  formError?: { key: string; vars?: Record<string, string | number> };
};

const formErrorText = (actionData: ActionData | undefined) =>
  actionData?.formError ? `${actionData.formError.key}${actionData.formError.vars ? `|${JSON.stringify(actionData.formError.vars)}` : ""}` : undefined;

export default function ProfileEditor() {
  const editor = useLoaderData<typeof loader>();
  const { org, pendingChange, rejectedChange, reach } = editor;
  const { t, locale, date } = useT();
  const sep = locale === "en" ? ", " : "、";

  return (
    <>
      <PageHeader
        title={t("orgs.editor.title")}
        lead={t("orgs.editor.lead")}
        actions={
          <Link className="btn btn--secondary" to={`/orgs/${org.id}`}>
            {t("orgs.editor.viewPublic")}
          </Link>
        }
      />
      <div className="row" style={{ marginBottom: 12 }}>
        <strong>{org.name}</strong>
        <Badge tone={org.status === "VERIFIED" ? "success" : org.status === "PENDING" ? "warning" : "danger"}>{t(`orgStatus.${org.status}`)}</Badge>
      </div>
      {org.status === "PENDING" ? <Alert tone="info">{t("orgs.editor.pendingNote")}</Alert> : null}
      {org.status === "REJECTED" ? (
        <Alert tone="error" title={t("orgs.editor.rejected", { reason: org.statusReason ?? "" })}>
          <p>{t("orgs.editor.rejectedHelp")}</p>
          <AppForm>
            <button className="btn" name="intent" value="resubmit">
              {t("orgs.editor.resubmit")}
            </button>
          </AppForm>
        </Alert>
      ) : null}
      {org.status === "SUSPENDED" ? <Alert tone="error">{t("orgs.editor.suspended", { reason: org.statusReason ?? "" })}</Alert> : null}
      {pendingChange ? (
        <Alert tone="warning">{t("orgs.editor.pendingChange", { date: date(pendingChange.createdAt), fields: changeFieldList(t, pendingChange.changes, sep) })}</Alert>
      ) : null}
      {rejectedChange && !pendingChange ? <Alert tone="error">{t("orgs.editor.changeRejected", { reason: rejectedChange.reason ?? "" })}</Alert> : null}

      {reach && reach.blockers.length > 0 ? <ReachAdvice advice={reach} /> : null}
      <ProfileForm key={`${String(org.updatedAt)}-${pendingChange?.id ?? 0}`} />
      <Cases />
    </>
  );
}

function ProfileForm() {
  const editor = useLoaderData<typeof loader>();
  const { org, requested, districts, tagOptions, reviewImmediately } = editor;
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const { t, locale } = useT();
  const [kind, setKind] = useState<OrgKindValue>(requested.kind);
  const [districtCode, setDistrictCode] = useState(org.districtCode);
  const mine = actionData?.intent === "save-profile";
  const [form, fields] = useForm({
    id: "profile",
    lastResult: mine ? actionData?.result : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfilePageSchema }),
    defaultValue: {
      intent: "save-profile",
      isCommunityOrg: org.isCommunityOrg ? "on" : undefined,
      communityClass: org.communityClass ?? "",
      districtCode: org.districtCode,
      streetCode: org.streetCode ?? "",
      address: org.address,
      partyOrg: org.partyOrg,
      certifiedSocialWorkers: String(org.certifiedSocialWorkers),
      staffCount: String(org.staffCount),
      foundedOn: org.foundedOn ?? "",
      description: org.description,
      contactName: org.contactName,
      contactPhone: org.contactPhone,
      contactEmail: org.contactEmail,
      website: org.website,
      name: requested.name,
      kind: requested.kind,
      uscc: requested.uscc ?? "",
      confirmUscc: requested.usccWarning ? "on" : undefined,
      filingNo: requested.filingNo ?? "",
      gradeLevel: requested.gradeLevel ? String(requested.gradeLevel) : "",
      gradeValidUntil: requested.gradeValidUntil ?? "",
      taxExempt: requested.taxExempt ? "on" : undefined,
      preTaxDeduction: requested.preTaxDeduction ? "on" : undefined,
      donationReceipts: requested.donationReceipts ? "on" : undefined,
    },
  });
  const filed = isFiledKind(kind);
  const streets = districts.find((district) => district.code === districtCode)?.streets ?? [];
  const usccNeedsConfirm = fields.uscc.errors?.some((error) => error.startsWith("orgs.uscc.checkChar")) || Boolean(requested.usccWarning);
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "save-profile";
  const labels: Record<string, string> = {
    tagIds: t("orgs.tags"),
    districtCode: t("orgs.district"),
    streetCode: t("orgs.street"),
    address: t("orgs.address"),
    serviceDistricts: t("orgs.serviceDistricts"),
    certifiedSocialWorkers: t("orgs.socialWorkers"),
    staffCount: t("orgs.staffCount"),
    foundedOn: t("orgs.foundedOn"),
    description: t("orgs.description"),
    contactPhone: t("orgs.contactPhone"),
    contactEmail: t("orgs.contactEmail"),
    website: t("orgs.website"),
    name: t("orgs.name"),
    uscc: t("orgs.uscc"),
    filingNo: t("orgs.filingNo"),
    gradeLevel: t("orgs.grade"),
    gradeValidUntil: t("orgs.gradeValidUntil"),
  };

  return (
    <AppForm {...getFormProps(form)} noValidate className="card" aria-labelledby="profile-form-title">
      <h2 id="profile-form-title" className="visually-hidden">
        {t("orgs.editor.title")}
      </h2>
      <input type="hidden" name="intent" value="save-profile" />
      <ErrorSummary errors={mine ? form.allErrors : undefined} labels={labels} />
      <FormErrors errors={[...(form.errors ?? []), mine ? formErrorText(actionData) : undefined]} />

      <section className="form-section" aria-labelledby="tags-section">
        <h2 id="tags-section">{t("orgs.editor.tagsSection")}</h2>
        <p className="lead">{t("orgs.editor.publishedAtOnce")}</p>
        <TagPicker name="tagIds" label={t("orgs.tags")} hint={t("orgs.editor.tagsHint")} errors={fields.tagIds.errors} options={tagOptions} defaultSelected={editor.tagIds} max={20} hideLabel />
      </section>

      <section className="form-section" aria-labelledby="basic-section">
        <h2 id="basic-section">{t("orgs.editor.basicSection")}</h2>
        <p className="lead">{t("orgs.editor.publishedAtOnce")}</p>
        <CheckboxField label={t("orgs.isCommunityOrg")} hint={t("orgs.isCommunityOrgHint")} {...getInputProps(fields.isCommunityOrg, { type: "checkbox" })} />
        <SelectField
          label={t("orgs.communityClass")}
          hint={t("orgs.communityClassHint")}
          optional
          errors={fields.communityClass.errors}
          {...getSelectProps(fields.communityClass)}
          placeholder={t("orgs.communityClass.none")}
          options={COMMUNITY_CLASSES.map((value) => ({ value, label: communityClassText(t, value) }))}
        />
        <div className="field-row">
          <SelectField
            label={t("orgs.district")}
            errors={fields.districtCode.errors}
            {...getSelectProps(fields.districtCode)}
            value={districtCode}
            onChange={(event) => setDistrictCode(event.target.value)}
            options={districts.map((d) => ({ value: d.code, label: locale === "zh" ? d.name : d.nameEn }))}
          />
          <SelectField
            label={t("orgs.street")}
            optional
            errors={fields.streetCode.errors}
            {...getSelectProps(fields.streetCode)}
            key={districtCode}
            defaultValue={districtCode === org.districtCode ? (org.streetCode ?? "") : ""}
            placeholder={t("orgs.chooseStreet")}
            options={streets.map((s) => ({ value: s.code, label: s.administrative ? s.name : t("orgs.streetNonAdministrative", { name: s.name }) }))}
          />
        </div>
        <Field label={t("orgs.address")} optional errors={fields.address.errors} {...getInputProps(fields.address, { type: "text" })} autoComplete="street-address" />
        <ChoiceGroup
          legend={t("orgs.serviceDistricts")}
          hint={t("orgs.serviceDistrictsHint")}
          errors={fields.serviceDistricts.errors}
          name="serviceDistricts"
          type="checkbox"
          inline
          defaultValue={editor.serviceDistricts}
          options={districts.map((d) => ({ value: d.code, label: locale === "zh" ? d.name : d.nameEn }))}
        />
        <div className="field-row">
          <Field label={t("orgs.foundedOn")} optional errors={fields.foundedOn.errors} {...getInputProps(fields.foundedOn, { type: "date" })} />
          <SelectField
            label={t("orgs.partyOrg")}
            errors={fields.partyOrg.errors}
            {...getSelectProps(fields.partyOrg)}
            options={PARTY_ORG_VALUES.map((value) => ({ value, label: t(`partyOrg.${value}`) }))}
          />
        </div>
        <div className="field-row">
          <Field label={t("orgs.socialWorkers")} errors={fields.certifiedSocialWorkers.errors} {...getInputProps(fields.certifiedSocialWorkers, { type: "number" })} min={0} inputMode="numeric" />
          <Field label={t("orgs.staffCount")} errors={fields.staffCount.errors} {...getInputProps(fields.staffCount, { type: "number" })} min={0} inputMode="numeric" />
        </div>
        <TextareaField label={t("orgs.description")} hint={t("orgs.descriptionHint")} optional errors={fields.description.errors} {...getTextareaProps(fields.description)} rows={6} />
      </section>

      <section className="form-section" aria-labelledby="contact-section">
        <h2 id="contact-section">{t("orgs.editor.contactSection")}</h2>
        <p className="lead">{t("orgs.editor.contactHint")}</p>
        <div className="field-row">
          <Field label={t("orgs.contactName")} optional errors={fields.contactName.errors} {...getInputProps(fields.contactName, { type: "text" })} autoComplete="name" />
          <Field label={t("orgs.contactPhone")} optional errors={fields.contactPhone.errors} {...getInputProps(fields.contactPhone, { type: "tel" })} autoComplete="tel" />
        </div>
        <div className="field-row">
          <Field label={t("orgs.contactEmail")} optional errors={fields.contactEmail.errors} {...getInputProps(fields.contactEmail, { type: "email" })} autoComplete="email" />
          <Field label={t("orgs.website")} optional errors={fields.website.errors} {...getInputProps(fields.website, { type: "url" })} placeholder="https://" />
        </div>
      </section>

      <section className="form-section" aria-labelledby="review-section">
        <h2 id="review-section">{t("orgs.editor.reviewSection")}</h2>
        <p className="lead">{reviewImmediately ? t("orgs.editor.reviewNotePending") : t("orgs.editor.reviewNote")}</p>
        <Field label={t("orgs.name")} errors={fields.name.errors} {...getInputProps(fields.name, { type: "text" })} autoComplete="organization" />
        <SelectField
          label={t("orgs.kind")}
          hint={t("orgs.kindHint")}
          errors={fields.kind.errors}
          {...getSelectProps(fields.kind)}
          value={kind}
          onChange={(event) => setKind(event.target.value as OrgKindValue)}
          options={ORG_KINDS.map((value) => ({ value, label: t(`orgKind.${value}`) }))}
        />
        {filed ? (
          <Field label={t("orgs.filingNo")} hint={t("orgs.filingNoHint")} errors={fields.filingNo.errors} {...getInputProps(fields.filingNo, { type: "text" })} />
        ) : (
          <>
            <Field
              label={t("orgs.uscc")}
              hint={t("orgs.usccHint")}
              errors={fields.uscc.errors}
              {...getInputProps(fields.uscc, { type: "text" })}
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
            />
            {usccNeedsConfirm ? <CheckboxField label={t("orgs.uscc.confirm")} {...getInputProps(fields.confirmUscc, { type: "checkbox" })} /> : null}
          </>
        )}
        <div className="field-row">
          <SelectField
            label={t("orgs.grade")}
            optional
            errors={fields.gradeLevel.errors}
            {...getSelectProps(fields.gradeLevel)}
            placeholder={t("orgs.grade.choose")}
            options={GRADE_LEVELS.map((level) => ({ value: String(level), label: t("grade.label", { level }) }))}
          />
          <Field label={t("orgs.gradeValidUntil")} optional errors={fields.gradeValidUntil.errors} {...getInputProps(fields.gradeValidUntil, { type: "date" })} />
        </div>
        <fieldset className="field">
          <legend>{t("orgs.qualifications")}</legend>
          <CheckboxField label={t("qualification.TAX_EXEMPT")} {...getInputProps(fields.taxExempt, { type: "checkbox" })} />
          <CheckboxField label={t("qualification.PRE_TAX_DEDUCTION")} {...getInputProps(fields.preTaxDeduction, { type: "checkbox" })} />
          <CheckboxField label={t("qualification.DONATION_RECEIPTS")} {...getInputProps(fields.donationReceipts, { type: "checkbox" })} />
        </fieldset>
      </section>

      <div className="form-actions">
        <button className="btn" type="submit" disabled={submitting}>
          {submitting ? t("form.saving") : t("orgs.editor.save")}
        </button>
      </div>
    </AppForm>
  );
}

function Cases() {
  const { org } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <section className="card" aria-labelledby="cases-title" id="cases" style={{ marginTop: 16 }}>
      <h2 id="cases-title">{t("orgs.cases.title")}</h2>
      <p className="muted">{t("orgs.cases.lead")}</p>
      {org.cases.length === 0 ? (
        <p className="muted">{t("orgs.cases.empty")}</p>
      ) : (
        <ul className="listing">
          {org.cases.map((item) => (
            <li key={item.id}>
              <h3>
                {item.title} {item.isBrand ? <Badge tone="primary">{t("orgs.case.brand")}</Badge> : null}
              </h3>
              {item.year ? <p className="muted small" style={{ margin: 0 }}>{t("orgs.case.year", { year: item.year })}</p> : null}
              {item.description ? <p style={{ margin: "4px 0 8px", whiteSpace: "pre-wrap" }}>{item.description}</p> : null}
              <details>
                <summary className="small" style={{ cursor: "pointer", color: "var(--c-primary)" }}>
                  {t("orgs.cases.edit")}
                </summary>
                <CaseForm item={item} />
              </details>
              <AppForm style={{ marginTop: 8 }}>
                <input type="hidden" name="caseId" value={item.id} />
                <button className="btn btn--secondary btn--small" name="intent" value="delete-case" aria-label={t("orgs.cases.deleteConfirm", { title: item.title })}>
                  {t("orgs.cases.delete")}
                </button>
              </AppForm>
            </li>
          ))}
        </ul>
      )}
      <h3 style={{ marginTop: 20 }}>{t("orgs.cases.add")}</h3>
      <CaseForm />
    </section>
  );
}

function CaseForm({ item }: { item?: { id: number; title: string; year: number | null; description: string; isBrand: boolean } }) {
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const { t } = useT();
  const intent = item ? "update-case" : "add-case";
  const mine = actionData?.intent === intent && (!item || actionData.id === String(item.id));
  const formId = item ? `case-${item.id}` : "case-new";
  const [form, fields] = useForm({
    id: formId,
    lastResult: mine ? actionData?.result : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfilePageSchema }),
    defaultValue: item ? { title: item.title, year: item.year ? String(item.year) : "", description: item.description, isBrand: item.isBrand ? "on" : undefined } : undefined,
  });
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <AppForm {...getFormProps(form)} noValidate style={{ marginTop: 10 }}>
      <input type="hidden" name="intent" value={intent} />
      {item ? <input type="hidden" name="caseId" value={item.id} /> : null}
      <FormErrors errors={[...(form.errors ?? []), mine ? formErrorText(actionData) : undefined]} />
      <div className="field-row">
        <Field label={t("orgs.case.title")} errors={fields.title.errors} {...getInputProps(fields.title, { type: "text" })} />
        <Field label={t("orgs.case.yearLabel")} optional errors={fields.year.errors} {...getInputProps(fields.year, { type: "number" })} min={1980} max={2100} inputMode="numeric" />
      </div>
      <TextareaField label={t("orgs.case.description")} optional errors={fields.description.errors} {...getTextareaProps(fields.description)} rows={3} />
      <CheckboxField label={t("orgs.case.isBrand")} {...getInputProps(fields.isBrand, { type: "checkbox" })} />
      <button className="btn btn--secondary" type="submit" disabled={submitting}>
        {submitting ? t("form.saving") : item ? t("orgs.cases.save") : t("orgs.cases.add")}
      </button>
    </AppForm>
  );
}
