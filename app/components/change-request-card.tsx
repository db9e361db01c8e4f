import type { ReactNode } from "react";
import { ChangeTable } from "./change-table.tsx";
import { AppForm } from "./csrf.tsx";
import { useIntentError } from "./intent-error.ts";
import { useT } from "./root-data.ts";
import { FormErrors, TextareaField } from "./ui/field.tsx";

/** One pending profile change with its approve / reject forms (intents approve-change, reject-change). */
export function ChangeRequestCard({
  request,
  title,
  subtitle,
}: {
  request: { id: number; changes: Parameters<typeof ChangeTable>[0]["changes"] };
  title: ReactNode;
  subtitle: string;
}) {
  const { t } = useT();
  const error = useIntentError(["approve-change", "reject-change"], request.id);
  const headingId = `change-${request.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="muted small">{subtitle}</p>
      <ChangeTable changes={request.changes} caption={t("admin.review.changeTitle")} />
      <FormErrors errors={[error]} />
      <div className="actions-grid" style={{ marginTop: 12 }}>
        <AppForm>
          <input type="hidden" name="requestId" value={request.id} />
          <p>{t("admin.changes.approve")}</p>
          <button className="btn" name="intent" value="approve-change">
            {t("admin.changes.approve")}
          </button>
        </AppForm>
        <AppForm>
          <input type="hidden" name="requestId" value={request.id} />
          <TextareaField label={t("admin.verify.reason")} name="reason" rows={2} />
          <button className="btn btn--danger" name="intent" value="reject-change">
            {t("admin.changes.reject")}
          </button>
        </AppForm>
      </div>
    </section>
  );
}
