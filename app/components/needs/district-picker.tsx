// Service districts (区) and, optionally, streets and towns (街道、镇). Plain checkboxes; each chosen district opens
// its streets. Before JavaScript runs every district's streets are in a closed <details>, so the choice works
// without it too.
import { useEffect, useId, useState } from "react";
import { useT } from "#app/components/root-data.ts";
import { FieldErrors } from "#app/components/ui/field.tsx";

export type DistrictOption = { code: string; name: string; nameEn: string; streets: { code: string; name: string; administrative: boolean }[] };

export function DistrictPicker({
  districts,
  selected,
  onChange,
  streets,
  onStreetsChange,
  errors,
  streetErrors,
}: {
  districts: DistrictOption[];
  selected: string[];
  onChange: (next: string[]) => void;
  streets: string[];
  onStreetsChange: (next: string[]) => void;
  errors?: string[];
  streetErrors?: string[];
}) {
  const { t, locale } = useT();
  const id = useId();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const name = (d: DistrictOption) => (locale === "zh" ? d.name : d.nameEn);
  const toggleDistrict = (code: string, checked: boolean) => {
    onChange(checked ? [...new Set([...selected, code])] : selected.filter((c) => c !== code));
    if (!checked) onStreetsChange(streets.filter((s) => !s.startsWith(code)));
  };
  const toggleStreet = (code: string, checked: boolean) =>
    onStreetsChange(checked ? [...new Set([...streets, code])] : streets.filter((c) => c !== code));
  const shown = hydrated ? districts.filter((d) => selected.includes(d.code)) : districts;
  const hasErrors = Boolean(errors?.length);

  return (
    <>
      <fieldset className="field" data-invalid={hasErrors || undefined} aria-describedby={hasErrors ? `${id}-error` : undefined}>
        <legend>{t("needs.form.districts")}</legend>
        <div className="choices-grid choices-grid--narrow">
          {districts.map((district) => (
            <label key={district.code} className="choice">
              <input
                type="checkbox"
                name="districtCodes"
                value={district.code}
                checked={selected.includes(district.code)}
                onChange={(event) => toggleDistrict(district.code, event.target.checked)}
              />
              <span>{name(district)}</span>
            </label>
          ))}
        </div>
        <FieldErrors id={`${id}-error`} errors={errors} />
      </fieldset>
      {shown.length > 0 ? (
        <fieldset className="field" aria-describedby={`${id}-streets-hint`}>
          <legend>
            {t("needs.form.streets")}
            <span className="muted small"> {t("form.optional")}</span>
          </legend>
          <span className="hint" id={`${id}-streets-hint`}>
            {t("needs.form.streetsHint")}
          </span>
          {shown.map((district) => {
            const chosen = district.streets.filter((s) => streets.includes(s.code)).length;
            return (
              <details key={district.code} className="street-group" open={hydrated ? chosen > 0 || shown.length === 1 : chosen > 0}>
                <summary>
                  {name(district)}
                  {chosen > 0 ? <span className="muted small"> · {t("needs.form.streetsChosen", { count: chosen })}</span> : null}
                </summary>
                <div className="choices-grid">
                  {district.streets.map((street) => (
                    <label key={street.code} className="choice">
                      <input
                        type="checkbox"
                        name="streetCodes"
                        value={street.code}
                        checked={streets.includes(street.code)}
                        onChange={(event) => toggleStreet(street.code, event.target.checked)}
                      />
                      <span>{street.name}</span>
                    </label>
                  ))}
                </div>
              </details>
            );
          })}
          <FieldErrors id={`${id}-streets-error`} errors={streetErrors} />
        </fieldset>
      ) : null}
    </>
  );
}
