import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { useT } from "#app/components/root-data.ts";
import { Badge, EmptyState, PageHeader, Pagination } from "#app/components/ui/basics.tsx";
import { hasMessage } from "#app/i18n/index.ts";
import { listNotifications, markAllRead } from "#app/modules/notify/notifications.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { badRequest } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "notifications.title");

const PageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request);
  const page = PageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
  return listNotifications(actor, { page });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request);
  const form = await readForm(request);
  if (form.get("intent") !== "mark-all-read") throw badRequest();
  await markAllRead(actor);
  return redirectWithToast(request, "/notifications", { type: "success", key: "notifications.markAllRead" });
}

export default function Notifications() {
  const { items, page, pageCount, total } = useLoaderData<typeof loader>();
  const { t, dateTime } = useT();
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        actions={
          items.some((item) => !item.readAt) ? (
            <AppForm>
              <button className="btn btn--secondary" name="intent" value="mark-all-read">
                {t("notifications.markAllRead")}
              </button>
            </AppForm>
          ) : null
        }
      />
      <div className="card">
        {items.length === 0 ? (
          <EmptyState title={t("notifications.empty")} />
        ) : (
          <ul className="listing">
            {items.map((item) => {
              const title = hasMessage(item.titleKey)
                ? t(item.titleKey, item.vars as Record<string, string | number>)
                : item.titleKey;
              return (
                <li key={item.id}>
                  <h3>
                    {!item.readAt ? <Badge tone="primary">NEW</Badge> : null} {item.link ? <Link to={item.link}>{title}</Link> : title}
                  </h3>
                  {item.body ? <p className="small" style={{ whiteSpace: "pre-wrap", margin: "4px 0" }}>{item.body}</p> : null}
                  <div className="muted small">{dateTime(item.createdAt)}</div>
                </li>
              );
            })}
          </ul>
        )}
        <Pagination page={page} pageCount={pageCount} total={total} />
      </div>
    </>
  );
}
