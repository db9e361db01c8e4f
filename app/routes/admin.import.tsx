import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AppForm } from "#app/components/csrf.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useT } from "#app/components/root-data.ts";
import { Badge, EmptyState, PageHeader } from "#app/components/ui/basics.tsx";
import { FormErrors } from "#app/components/ui/field.tsx";
import { hasMessage } from "#app/i18n/index.ts";
import { IMPORT_COLUMNS } from "#app/modules/orgs/import-columns.ts";
import { listImportJobs, MAX_UPLOAD_BYTES, previewOrgImport } from "#app/modules/orgs/import.server.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";
import { isValidCsrf } from "#app/utils/csrf.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { forbidden, runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "admin.import.title");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  return { jobs: await listImportJobs(actor) };
}

const refuse = (key: string) => data({ formError: { key } }, { status: 400 });

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  // Uploads: multipart, at most 10 MB, .csv or .json; the CSRF token is checked like every other form.
  if (Number(request.headers.get("Content-Length") ?? "0") > MAX_UPLOAD_BYTES + 64 * 1024) return refuse("admin.import.tooLarge");
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse("admin.import.tooLarge");
    return refuse("form.unexpected");
  }
  if (!(await isValidCsrf(request, formData))) throw forbidden("form.csrfInvalid");
  const file = formData.get("file");
  if (!(file instanceof Blob) || file.size === 0) return refuse("admin.import.noFile");
  const fileName = (file as File).name || "registry.csv";
  if (!/\.(csv|json)$/i.test(fileName)) return refuse("admin.import.badType");
  const content = Buffer.from(await file.arrayBuffer());
  const result = await runService(() => previewOrgImport(actor, { fileName, content }));
  if (!result.ok) return result.response;
  return redirectWithToast(request, `/admin/import/${result.value.jobId}`, { type: "info", key: "admin.import.uploaded" });
}

const STATUS_TONE: Record<string, "neutral" | "primary" | "success" | "warning" | "danger"> = {
  previewed: "warning",
  applying: "primary",
  applied: "success",
  discarded: "neutral",
  failed: "danger",
};

export default function ImportPage() {
  const { jobs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { formError?: { key: string; vars?: Record<string, string | number> } } | undefined;
  const navigation = useNavigation();
  const { t, dateTime } = useT();
  const busy = navigation.state === "submitting";
  const formError = actionData?.formError ? `${actionData.formError.key}${actionData.formError.vars ? `|${JSON.stringify(actionData.formError.vars)}` : ""}` : undefined;
  return (
    <>
      <PageHeader
        title={t("admin.import.title")}
        lead={t("admin.import.lead")}
        actions={
          <a className="btn btn--secondary" href="/admin/import/template.csv" download>
            {t("admin.import.template")}
          </a>
        }
      />
      <div className="layout-aside">
        <section className="card" aria-labelledby="upload">
          <h2 id="upload">{t("admin.import.upload")}</h2>
          <AppForm encType="multipart/form-data" aria-busy={busy || undefined}>
            <FormErrors errors={[formError]} />
            <div className="field">
              <label htmlFor="import-file">{t("admin.import.file")}</label>
              <span id="import-file-hint" className="hint">
                {t("admin.import.fileHint")}
              </span>
              <input id="import-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" aria-describedby="import-file-hint" />
            </div>
            <button className="btn" type="submit" disabled={busy}>
              {busy ? t("app.loading") : t("admin.import.upload")}
            </button>
          </AppForm>
        </section>
        <aside className="card" aria-labelledby="rules">
          <h2 id="rules">{t("admin.import.rulesTitle")}</h2>
          <ul className="small" style={{ paddingLeft: "1.2em", margin: 0 }}>
            <li>
              {t("admin.import.rule.columns")} <code style={{ wordBreak: "break-word" }}>{IMPORT_COLUMNS.join(", ")}</code>
            </li>
            <li>{t("admin.import.rule.identifier")}</li>
            <li>{t("admin.import.rule.whole")}</li>
            <li>{t("admin.import.rule.empty")}</li>
            <li>{t("admin.import.rule.values")}</li>
            <li>{t("admin.import.rule.idempotent")}</li>
          </ul>
        </aside>
      </div>
      <section className="card" aria-labelledby="jobs" style={{ marginTop: 16 }}>
        <h2 id="jobs">{t("admin.import.jobs")}</h2>
        {jobs.length === 0 ? (
          <EmptyState title={t("admin.import.jobsEmpty")} />
        ) : (
          <ul className="listing">
            {jobs.map((job) => (
              <li key={job.id}>
                <div className="row row--between">
                  <h3>
                    <Link to={`/admin/import/${job.id}`}>{job.fileName}</Link>
                  </h3>
                  <Badge tone={STATUS_TONE[job.status] ?? "neutral"}>{hasMessage(`admin.import.status.${job.status}`) ? t(`admin.import.status.${job.status}` as never) : job.status}</Badge>
                </div>
                <ul className="meta">
                  <li>{dateTime(job.appliedAt ?? job.createdAt)}</li>
                  <li>{job.createdByName ?? t("admin.import.byCli")}</li>
                  <li>{t("admin.import.summary", job.summary)}</li>
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
