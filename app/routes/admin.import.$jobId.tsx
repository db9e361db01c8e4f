import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useIntentError } from "#app/components/intent-error.ts";
import { useT } from "#app/components/root-data.ts";
import { Alert, Badge, PageHeader } from "#app/components/ui/basics.tsx";
import { FormErrors } from "#app/components/ui/field.tsx";
import { hasMessage } from "#app/i18n/index.ts";
import { translateError } from "#app/i18n/zod-errors.ts";
import type { Reason } from "#app/modules/orgs/import-rows.server.ts";
import { confirmOrgImport, discardOrgImport, getImportJob } from "#app/modules/orgs/import.server.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/forms.server.ts";
import { runFormService } from "#app/utils/intent.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { badRequest, loadOrThrow, notFound } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

const ParamsSchema = z.object({ jobId: z.coerce.number().int().positive().max(2_147_483_647) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return loadOrThrow(() => getImportJob(actor, parsed.data.jobId));
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageMeta(matches, { text: data.fileName }) : pageMeta(matches, "admin.import.title");
export const ErrorBoundary = RouteErrorBoundary;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const { jobId } = parsed.data;
  const intent = String((await readForm(request)).get("intent") ?? "");
  if (intent === "confirm-import") {
    const result = await runFormService({ intent }, () => confirmOrgImport(actor, jobId));
    if (!result.ok) return result.response;
    const report = result.value;
    return redirectWithToast(request, `/admin/import/${jobId}`, {
      type: "success",
      key: "admin.import.done",
      vars: { created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejectedCount },
    });
  }
  if (intent === "discard-import") {
    const result = await runFormService({ intent }, () => discardOrgImport(actor, jobId));
    if (!result.ok) return result.response;
    return redirectWithToast(request, "/admin/import", { type: "info", key: "admin.import.discarded" });
  }
  throw badRequest();
}

function reasonText(t: ReturnType<typeof useT>["t"], reason: Reason) {
  return `${reason.field ? `${reason.field}：` : ""}${translateError(t, reason.vars ? `${reason.key}|${JSON.stringify(reason.vars)}` : reason.key)}`;
}

export default function ImportJobPage() {
  const job = useLoaderData<typeof loader>();
  const { report } = job;
  const { t, number, dateTime } = useT();
  const navigation = useNavigation();
  const error = useIntentError(["confirm-import", "discard-import"]);
  const previewed = job.status === "previewed";
  const busy = navigation.state === "submitting";
  const toWrite = report.created + report.updated;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: "/admin/import", label: t("admin.import.title") }]}
        title={job.fileName}
        lead={
          <span className="row" style={{ gap: 8 }}>
            <Badge tone={previewed ? "warning" : job.status === "applied" ? "success" : "neutral"}>
              {hasMessage(`admin.import.status.${job.status}`) ? t(`admin.import.status.${job.status}` as never) : job.status}
            </Badge>
            <span>{dateTime(job.appliedAt ?? job.createdAt)}</span>
          </span>
        }
      />
      <Alert tone={previewed ? "info" : "success"}>{previewed ? t("admin.import.previewLead") : t("admin.import.appliedLead")}</Alert>
      <dl className="stats">
        <div className="stat">
          <dt>{t("admin.import.totalRows")}</dt>
          <dd>{number(report.totalRows)}</dd>
        </div>
        <div className="stat">
          <dt>{previewed ? t("admin.import.willCreate") : t("admin.import.created")}</dt>
          <dd>{number(report.created)}</dd>
        </div>
        <div className="stat">
          <dt>{previewed ? t("admin.import.willUpdate") : t("admin.import.updated")}</dt>
          <dd>{number(report.updated)}</dd>
        </div>
        <div className="stat">
          <dt>{t("admin.import.unchanged")}</dt>
          <dd>{number(report.unchanged)}</dd>
        </div>
        <div className="stat">
          <dt>{t("admin.import.rejectedRows")}</dt>
          <dd style={report.rejectedCount > 0 ? { color: "var(--c-danger)" } : undefined}>{number(report.rejectedCount)}</dd>
        </div>
      </dl>
      {report.warnings.length > 0 ? (
        <Alert tone="warning" title={t("admin.import.warnings")}>
          <ul>
            {report.warnings.map((warning, index) => (
              <li key={index}>{reasonText(t, warning)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {previewed ? (
        <section className="card" aria-labelledby="confirm" style={{ marginBottom: 16 }}>
          <h2 id="confirm" className="visually-hidden">
            {t("admin.import.previewTitle")}
          </h2>
          <FormErrors errors={[error]} />
          <div className="row">
            <AppForm>
              <button className="btn" name="intent" value="confirm-import" disabled={busy || toWrite === 0}>
                {busy && navigation.formData?.get("intent") === "confirm-import" ? t("app.loading") : t("admin.import.confirm", { count: number(toWrite) })}
              </button>
            </AppForm>
            <AppForm>
              <button className="btn btn--secondary" name="intent" value="discard-import" disabled={busy}>
                {t("admin.import.discard")}
              </button>
            </AppForm>
          </div>
          {toWrite === 0 ? <p className="muted small" style={{ marginTop: 8 }}>{t("admin.import.nothingToImport")}</p> : null}
        </section>
      ) : null}
      <section className="card" aria-labelledby="rejected">
        <h2 id="rejected">{t("admin.import.rejectedTitle")}</h2>
        {report.rejected.length === 0 ? (
          <p className="muted">{t("admin.import.rejectedNone")}</p>
        ) : (
          <>
            {report.rejectedCount > report.rejected.length ? (
              <p className="muted small">{t("admin.import.rejectedCapped", { shown: number(report.rejected.length), total: number(report.rejectedCount) })}</p>
            ) : null}
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t("admin.import.rejectedTitle")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t("admin.import.line")}
                    </th>
                    <th scope="col">{t("admin.import.identifier")}</th>
                    <th scope="col">{t("admin.import.name")}</th>
                    <th scope="col">{t("admin.import.reasons")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejected.map((row) => (
                    <tr key={`${row.line}-${row.identifier ?? ""}`}>
                      <td className="num">{row.line}</td>
                      <td className="small" style={{ wordBreak: "break-all" }}>
                        {row.identifier ?? "—"}
                      </td>
                      <td className="small">{row.name ?? "—"}</td>
                      <td className="small">
                        <ul style={{ margin: 0, paddingLeft: "1.1em" }}>
                          {row.reasons.map((reason, index) => (
                            <li key={index}>{reasonText(t, reason)}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <p style={{ marginTop: 16 }}>
        <Link to="/admin/import">{t("admin.import.back")}</Link>
      </p>
    </>
  );
}
