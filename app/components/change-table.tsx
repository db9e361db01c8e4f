import type { ReviewField } from "#app/modules/orgs/schemas.ts";
import { REVIEW_FIELD_LABELS, reviewValueText, visibleChangeFields } from "#app/modules/orgs/labels.ts";
import { useT } from "./root-data.ts";

/** A profile change request as a table: field, the value published now, the value asked for. */
export function ChangeTable({ changes, caption }: { changes: Partial<Record<ReviewField, { before: unknown; after: unknown }>>; caption: string }) {
  const { t } = useT();
  return (
    <div className="table-wrap">
      <table className="table change-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.changes.field")}</th>
            <th scope="col">{t("admin.changes.current")}</th>
            <th scope="col">{t("admin.changes.requested")}</th>
          </tr>
        </thead>
        <tbody>
          {visibleChangeFields(changes).map((field) => (
            <tr key={field}>
              <th scope="row">{t(REVIEW_FIELD_LABELS[field])}</th>
              <td>{reviewValueText(t, field, changes[field]?.before)}</td>
              <td>
                <strong>{reviewValueText(t, field, changes[field]?.after)}</strong>
                {field === "uscc" && changes.usccWarning?.after ? <div className="small muted">{t("orgs.profile.usccCheckFailed")}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
