import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { useT } from "#app/components/root-data.ts";
import { Badge, PageHeader } from "#app/components/ui/basics.tsx";
import { listSessions, revokeAllSessions, revokeSession } from "#app/modules/accounts/sessions.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { badRequest } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth.sessions.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request);
  const sessions = await listSessions(actor, actor.userId);
  return { sessions: sessions.map((session) => ({ ...session, current: session.id === actor.sessionId })) };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke"), sessionId: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal("revoke-others") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw badRequest();
  if (parsed.data.intent === "revoke") await revokeSession(actor, actor.userId, parsed.data.sessionId);
  else await revokeAllSessions(actor, actor.userId, actor.sessionId);
  return redirectWithToast(request, "/account/sessions", { type: "success", key: "auth.sessions.revoked" });
}

export default function Sessions() {
  const { sessions } = useLoaderData<typeof loader>();
  const { t, dateTime } = useT();
  return (
    <>
      <PageHeader title={t("auth.sessions.title")} lead={t("auth.sessions.lead")} />
      <div className="card card--flush table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t("auth.sessions.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("auth.sessions.device")}</th>
              <th scope="col">{t("auth.sessions.address")}</th>
              <th scope="col">{t("auth.sessions.lastSeenColumn")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("auth.sessions.revoke")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td className="small">
                  {session.current ? <Badge tone="success">{t("auth.sessions.current")}</Badge> : null} {session.userAgent.slice(0, 80)}
                </td>
                <td className="small">{session.ip}</td>
                <td className="small nowrap">{dateTime(session.lastSeenAt)}</td>
                <td>
                  {!session.current ? (
                    <AppForm>
                      <input type="hidden" name="sessionId" value={session.id} />
                      <button className="btn btn--secondary btn--small" name="intent" value="revoke">
                        {t("auth.sessions.revoke")}
                      </button>
                    </AppForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sessions.length > 1 ? (
        <AppForm style={{ marginTop: 16 }}>
          <button className="btn btn--danger" name="intent" value="revoke-others">
            {t("auth.sessions.revokeOthers")}
          </button>
        </AppForm>
      ) : null}
    </>
  );
}
