import { useId, type SelectHTMLAttributes } from "react";
import { FieldErrors } from "./ui/field.tsx";

/** A labelled <select> whose options sit in <optgroup>s (tags by tag group). */
export function GroupedSelectField({
  label,
  hint,
  errors,
  groups,
  placeholder,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: string;
  errors?: string[] | null;
  groups: { label: string; options: { value: string; label: string }[] }[];
  placeholder?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  return (
    <div className="field" data-invalid={invalid || undefined}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      <select id={id} aria-invalid={invalid || undefined} aria-describedby={[hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {groups
          .filter((group) => group.options.length > 0)
          .map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
