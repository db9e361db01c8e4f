// Accessible form fields: a visible label, an optional hint and the errors, all tied to the control with
// aria-describedby, and aria-invalid set when there are errors.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { translateError } from "#app/i18n/zod-errors.ts";
import { useT } from "../root-data.ts";

type Common = {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | null;
  optional?: boolean;
  className?: string;
};

function useFieldIds(given?: string) {
  const generated = useId();
  const id = given ?? generated;
  return { id, hintId: `${id}-hint`, errorId: `${id}-error` };
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  const { t } = useT();
  if (!errors || errors.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {errors.map((error) => translateError(t, error)).join(" ")}
    </p>
  );
}

function describedBy(hint: unknown, errors: unknown, ids: { hintId: string; errorId: string }) {
  return [hint ? ids.hintId : null, errors ? ids.errorId : null].filter(Boolean).join(" ") || undefined;
}

function Label({ htmlFor, label, optional }: { htmlFor: string; label: ReactNode; optional?: boolean }) {
  const { t } = useT();
  return (
    <label htmlFor={htmlFor}>
      {label}
      {optional ? <span className="muted small"> {t("form.optional")}</span> : null}
    </label>
  );
}

export function Field({ label, hint, errors, optional, className, id: givenId, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(givenId);
  const hasErrors = Boolean(errors?.length);
  return (
    <div className={`field ${className ?? ""}`} data-invalid={hasErrors || undefined}>
      <Label htmlFor={ids.id} label={label} optional={optional} />
      {hint ? <span id={ids.hintId} className="hint">{hint}</span> : null}
      <input
        id={ids.id}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(hint, hasErrors, ids)}
        {...input}
      />
      <FieldErrors id={ids.errorId} errors={errors} />
    </div>
  );
}

export function TextareaField({ label, hint, errors, optional, className, id: givenId, ...textarea }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(givenId);
  const hasErrors = Boolean(errors?.length);
  return (
    <div className={`field ${className ?? ""}`} data-invalid={hasErrors || undefined}>
      <Label htmlFor={ids.id} label={label} optional={optional} />
      {hint ? <span id={ids.hintId} className="hint">{hint}</span> : null}
      <textarea
        id={ids.id}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(hint, hasErrors, ids)}
        {...textarea}
      />
      <FieldErrors id={ids.errorId} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  errors,
  optional,
  className,
  id: givenId,
  options,
  placeholder,
  ...select
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: { value: string; label: string; disabled?: boolean }[];
    placeholder?: string;
  }) {
  const ids = useFieldIds(givenId);
  const hasErrors = Boolean(errors?.length);
  return (
    <div className={`field ${className ?? ""}`} data-invalid={hasErrors || undefined}>
      <Label htmlFor={ids.id} label={label} optional={optional} />
      {hint ? <span id={ids.hintId} className="hint">{hint}</span> : null}
      <select
        id={ids.id}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy(hint, hasErrors, ids)}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={ids.errorId} errors={errors} />
    </div>
  );
}

/** A group of radio buttons or checkboxes in a fieldset with a legend. */
export function ChoiceGroup({
  legend,
  hint,
  errors,
  name,
  type,
  options,
  defaultValue,
  inline,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[] | null;
  name: string;
  type: "radio" | "checkbox";
  options: { value: string; label: ReactNode }[];
  defaultValue?: string | string[];
  inline?: boolean;
}) {
  const ids = useFieldIds();
  const hasErrors = Boolean(errors?.length);
  const selected = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  return (
    <fieldset
      className="field"
      data-invalid={hasErrors || undefined}
      aria-describedby={describedBy(hint, hasErrors, ids)}
    >
      <legend>{legend}</legend>
      {hint ? <span id={ids.hintId} className="hint">{hint}</span> : null}
      <div className={inline ? "choices-inline" : undefined}>
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input type={type} name={name} value={option.value} defaultChecked={selected.has(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldErrors id={ids.errorId} errors={errors} />
    </fieldset>
  );
}

export function CheckboxField({ label, hint, errors, id: givenId, ...input }: Omit<Common, "optional"> & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(givenId);
  const hasErrors = Boolean(errors?.length);
  return (
    <div className="field" data-invalid={hasErrors || undefined}>
      <label className="choice" htmlFor={ids.id}>
        <input
          id={ids.id}
          type="checkbox"
          aria-invalid={hasErrors || undefined}
          aria-describedby={describedBy(hint, hasErrors, ids)}
          {...input}
        />
        <span>
          {label}
          {hint ? (
            <span id={ids.hintId} className="hint">
              {hint}
            </span>
          ) : null}
        </span>
      </label>
      <FieldErrors id={ids.errorId} errors={errors} />
    </div>
  );
}

/** Lists every problem at the top of a form, linked to its field; focused so screen readers announce it. */
export function ErrorSummary({
  errors,
  formError,
  labels = {},
}: {
  errors?: Record<string, string[] | null | undefined> | null;
  formError?: string | null;
  /** Field name → label, so each problem says which field it is about. */
  labels?: Record<string, string>;
}) {
  const { t } = useT();
  const entries = Object.entries(errors ?? {}).filter(([, list]) => list && list.length > 0);
  if (entries.length === 0 && !formError) return null;
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1}>
      {formError ? <p>{formError}</p> : null}
      {entries.length > 0 ? (
        <>
          <p>{t("form.errorSummary", { count: entries.length })}</p>
          <ul>
            {entries.map(([name, list]) => (
              <li key={name}>
                {labels[name] ? `${labels[name]}：` : ""}
                {(list ?? []).map((error) => translateError(t, error)).join(" ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** Form-level errors (from conform's `form.errors` or a service's message key), announced to screen readers. */
export function FormErrors({ id, errors }: { id?: string; errors?: (string | null | undefined)[] | null }) {
  const { t } = useT();
  const list = (errors ?? []).filter((error): error is string => Boolean(error));
  if (list.length === 0) return null;
  return (
    <div className="alert alert--error" role="alert" id={id}>
      {list.map((error) => (
        <p key={error}>{translateError(t, error)}</p>
      ))}
    </div>
  );
}
