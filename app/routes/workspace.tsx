import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/components/root-data.ts";
import { Alert, Badge, PageHeader } from "#app/components/ui/basics.tsx";
import type { MessageKey } from "#app/i18n/index.ts";
import { getWorkspaceSummary } from "#app/modules/accounts/workspace.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "workspace.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request);
  return { summary: await getWorkspaceSummary(actor), displayName: actor.displayName };
}

function Stat({ label, value, to }: { label: MessageKey; value: number; to?: string }) {
  const { t, number } = useT();
  return (
    <div className="stat">
      <dt>{to ? <Link to={to}>{t(label)}</Link> : t(label)}</dt>
      <dd>{number(value)}</dd>
    </div>
  );
}

export default function Workspace() {
  const { summary, displayName } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lead =
    summary.role === "ORG" ? t("workspace.org.lead") : summary.role === "BUYER" ? t("workspace.buyer.lead") : t("workspace.admin.lead");

  return (
    <>
      <PageHeader title={t("workspace.welcome", { name: displayName })} lead={lead} />
      {summary.role === "ORG" && summary.org ? (
        <>
          <div className="card" style={{ marginBottom: 16 }}>
            <div className="row row--between">
              <h2 style={{ margin: 0 }}>{summary.org.name}</h2>
              <Badge tone={summary.org.status === "VERIFIED" ? "success" : summary.org.status === "PENDING" ? "warning" : "danger"}>
                {t(`orgStatus.${summary.org.status}`)}
              </Badge>
            </div>
          </div>
          {summary.org.status === "PENDING" ? <Alert tone="warning">{t("workspace.pendingVerification")}</Alert> : null}
          {summary.org.status === "REJECTED" ? (
            <Alert tone="error">{t("workspace.rejected", { reason: summary.org.statusReason ?? "" })}</Alert>
          ) : null}
          {summary.org.status === "SUSPENDED" ? (
            <Alert tone="error">{t("workspace.suspended", { reason: summary.org.statusReason ?? "" })}</Alert>
          ) : null}
          <dl className="stats">
            <Stat label="workspace.invitations" value={summary.invitations} to="/workspace/invitations" />
            <Stat label="workspace.activeBids" value={summary.activeBids} to="/workspace/bids" />
            <Stat label="workspace.unread" value={summary.unread} to="/notifications" />
          </dl>
        </>
      ) : null}
      {summary.role === "BUYER" ? (
        <>
          {summary.unit ? <p className="muted">{summary.unit.name}</p> : null}
          <dl className="stats">
            <Stat label="workspace.openNeeds" value={summary.open} to="/workspace/needs?tab=open" />
            <Stat label="workspace.toEvaluate" value={summary.toEvaluate} to="/workspace/needs?tab=evaluate" />
            <Stat label="workspace.draftNeeds" value={summary.drafts} to="/workspace/needs?tab=draft" />
            <Stat label="workspace.unread" value={summary.unread} to="/notifications" />
          </dl>
        </>
      ) : null}
      {summary.role === "ADMIN" ? (
        <dl className="stats">
          <Stat label="workspace.pendingOrgs" value={summary.pendingOrgs} to="/admin/verification" />
          <Stat label="workspace.pendingChanges" value={summary.pendingChanges} to="/admin/verification?tab=changes" />
          <Stat label="workspace.pendingBuyers" value={summary.pendingBuyers} to="/admin/verification?tab=buyers" />
          <Stat label="workspace.tags" value={summary.activeTags} to="/admin/tags" />
        </dl>
      ) : null}
      <section className="card" aria-labelledby="quick-links">
        <h2 id="quick-links">{t("workspace.quickLinks")}</h2>
        <ul>
          {summary.role === "ORG" ? (
            <li>
              <Link to="/workspace/profile">{t("nav.org.profile")}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/notifications">{t("nav.notifications")}</Link>
          </li>
          <li>
            <Link to="/account/sessions">{t("auth.sessions.title")}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
