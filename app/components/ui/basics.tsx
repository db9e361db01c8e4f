import { Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "../root-data.ts";

export function PageHeader({ title, lead, actions, breadcrumbs }: { title: ReactNode; lead?: ReactNode; actions?: ReactNode; breadcrumbs?: { to: string; label: string }[] }) {
  const { t } = useT();
  return (
    <>
      {breadcrumbs && breadcrumbs.length > 0 ? (
        <nav className="breadcrumbs" aria-label={t("nav.breadcrumbLabel")}>
          <ol>
            {breadcrumbs.map((crumb) => (
              <li key={crumb.to}>
                <Link to={crumb.to}>{crumb.label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          {lead ? <p>{lead}</p> : null}
        </div>
        {actions ? <div className="row">{actions}</div> : null}
      </div>
    </>
  );
}

export type BadgeTone = "neutral" | "primary" | "success" | "warning" | "danger";

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={tone === "neutral" ? "badge" : `badge badge--${tone}`}>{children}</span>;
}

export function EmptyState({ title, children, action }: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children ? <div>{children}</div> : null}
      {action ? <div className="row" style={{ justifyContent: "center", marginTop: 12 }}>{action}</div> : null}
    </div>
  );
}

export function Alert({ tone = "info", title, children }: { tone?: "info" | "success" | "warning" | "error"; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {title ? <p><strong>{title}</strong></p> : null}
      {children}
    </div>
  );
}

/** Previous/next pagination that keeps every other search parameter (works without JavaScript). */
export function Pagination({ page, pageCount, total }: { page: number; pageCount: number; total?: number }) {
  const { t, number } = useT();
  const [params] = useSearchParams();
  if (pageCount <= 1 && total === undefined) return null;
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    if (target <= 1) next.delete("page");
    else next.set("page", String(target));
    const query = next.toString();
    return query ? `?${query}` : ".";
  };
  return (
    <nav className="pagination" aria-label={t("list.paginationLabel")}>
      <span className="muted small">
        {total !== undefined ? `${t("list.total", { count: number(total) })} · ` : ""}
        {t("list.page", { page, pages: Math.max(pageCount, 1) })}
      </span>
      <span className="row">
        {page > 1 ? (
          <Link className="btn btn--secondary btn--small" to={hrefFor(page - 1)} rel="prev">
            {t("list.previous")}
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className="btn btn--secondary btn--small" to={hrefFor(page + 1)} rel="next">
            {t("list.next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}

export function TagList({ tags, label }: { tags: { id?: number; name: string }[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.id ?? tag.name} className="tag">
          {tag.name}
        </li>
      ))}
    </ul>
  );
}
