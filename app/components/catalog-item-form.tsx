import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useNavigation } from "@remix-run/react";
import type { TagOption } from "#app/modules/tags/match.ts";
import { CatalogItemSchema } from "#app/modules/tags/schemas.ts";
import { AppForm } from "./csrf.tsx";
import { useT } from "./root-data.ts";
import { TagPicker } from "./tag-picker.tsx";
import { CheckboxField, Field, FormErrors, SelectField, TextareaField } from "./ui/field.tsx";

export type CatalogFormValues = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  domain: string;
  description: string;
  budgetMin: number | null;
  budgetMax: number | null;
  active: boolean;
  tagIds: number[];
};

/** The catalog guide item form (create and edit). */
export function CatalogItemForm({
  id,
  intent,
  item,
  domains,
  tagOptions,
  lastResult,
  formError,
  submitLabel,
}: {
  id: string;
  intent: string;
  item?: CatalogFormValues;
  domains: string[];
  tagOptions: TagOption[];
  lastResult?: SubmissionResult<string[]>;
  formError?: string;
  submitLabel: string;
}) {
  const { t } = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CatalogItemSchema }),
    defaultValue: item
      ? {
          code: item.code,
          nameZh: item.nameZh,
          nameEn: item.nameEn ?? "",
          domain: item.domain,
          description: item.description,
          budgetMin: item.budgetMin === null ? "" : String(item.budgetMin),
          budgetMax: item.budgetMax === null ? "" : String(item.budgetMax),
          active: item.active ? "on" : undefined,
        }
      : { active: "on" },
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <AppForm {...getFormProps(form)} noValidate>
      <input type="hidden" name="intent" value={intent} />
      <FormErrors errors={[...(form.errors ?? []), formError]} />
      <div className="field-row">
        <Field label={t("tags.catalog.code")} errors={fields.code.errors} {...getInputProps(fields.code, { type: "text" })} autoCapitalize="characters" placeholder="YL-01" />
        <SelectField label={t("tags.catalog.domain")} errors={fields.domain.errors} {...getSelectProps(fields.domain)} placeholder={t("tags.catalog.domainChoose")} options={domains.map((domain) => ({ value: domain, label: domain }))} />
      </div>
      <Field label={t("tags.catalog.name")} errors={fields.nameZh.errors} {...getInputProps(fields.nameZh, { type: "text" })} />
      <Field label={t("tags.catalog.nameEn")} optional errors={fields.nameEn.errors} {...getInputProps(fields.nameEn, { type: "text" })} lang="en" />
      <TextareaField label={t("tags.catalog.description")} optional errors={fields.description.errors} {...getTextareaProps(fields.description)} rows={4} />
      <TagPicker name="tagIds" label={t("tags.catalog.tags")} hint={t("tags.catalog.tagsHint")} errors={fields.tagIds.errors} options={tagOptions} defaultSelected={item?.tagIds ?? []} max={12} />
      <div className="field-row">
        <Field label={t("tags.catalog.budgetMin")} optional errors={fields.budgetMin.errors} {...getInputProps(fields.budgetMin, { type: "text" })} inputMode="numeric" />
        <Field label={t("tags.catalog.budgetMax")} optional errors={fields.budgetMax.errors} {...getInputProps(fields.budgetMax, { type: "text" })} inputMode="numeric" />
      </div>
      <CheckboxField label={t("tags.catalog.active")} {...getInputProps(fields.active, { type: "checkbox" })} />
      <button className="btn" type="submit" disabled={busy}>
        {busy ? t("form.saving") : submitLabel}
      </button>
    </AppForm>
  );
}
