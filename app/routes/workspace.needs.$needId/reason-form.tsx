// A small form that asks for a public reason (cancel, declare unsuccessful) and confirms before it posts.
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useNavigation } from "@remix-run/react";
import { AppForm } from "#app/components/csrf.tsx";
import { FormErrors, TextareaField } from "#app/components/ui/field.tsx";
import { ReasonSchema } from "#app/modules/needs/schemas.ts";

export function ReasonForm({
  id,
  intent,
  label,
  hint,
  submit,
  confirm,
  lastResult,
  formError,
  danger,
}: {
  id: string;
  intent: string;
  label: string;
  hint: string;
  submit: string;
  confirm: string;
  lastResult?: SubmissionResult<string[]> | null;
  formError?: string | null;
  danger?: boolean;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult: lastResult ?? undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReasonSchema }),
  });
  return (
    <AppForm
      {...getFormProps(form)}
      noValidate
      onSubmit={(event) => {
        if (!window.confirm(confirm)) event.preventDefault();
        else form.onSubmit(event);
      }}
    >
      <FormErrors errors={[...(form.errors ?? []), formError]} />
      <input type="hidden" name="intent" value={intent} />
      <TextareaField label={label} hint={hint} errors={fields.reason.errors} {...getTextareaProps(fields.reason)} rows={3} maxLength={500} />
      <button type="submit" className={danger ? "btn btn--danger" : "btn btn--secondary"} disabled={navigation.state === "submitting"}>
        {submit}
      </button>
    </AppForm>
  );
}
