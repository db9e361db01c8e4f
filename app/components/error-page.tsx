import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { MessageKey } from "#app/i18n/index.ts";
import { useT } from "./root-data.ts";

const PAGES: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: "error.badRequest.title", body: "error.badRequest.body" },
  403: { title: "error.forbidden.title", body: "error.forbidden.body" },
  404: { title: "error.notFound.title", body: "error.notFound.body" },
};

/** The page for an expected (404, 403, 400) or unexpected error, in the reader's language. */
export function GeneralErrorPage({ error }: { error: unknown }) {
  const { t } = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page = PAGES[status] ?? (status < 500 ? PAGES[400] : { title: "error.server.title" as const, body: "error.server.body" as const });
  const detail = isRouteErrorResponse(error) && error.status === 403 && error.data === "form.csrfInvalid" ? t("form.csrfInvalid") : null;
  return (
    <section className="card" aria-labelledby="error-title" style={{ maxWidth: 720 }}>
      <p className="muted small">{t("error.code", { status })}</p>
      <h1 id="error-title">{t(page.title)}</h1>
      <p>{detail ?? t(page.body)}</p>
      <Link className="btn" to="/">
        {t("error.backHome")}
      </Link>
    </section>
  );
}

/** For route modules: renders the error inside the page layout. */
export function RouteErrorBoundary() {
  return <GeneralErrorPage error={useRouteError()} />;
}
