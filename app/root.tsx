import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useNavigation, useRouteError, isRouteErrorResponse } from "@remix-run/react";
import { useEffect, useState } from "react";
import { GeneralErrorPage } from "./components/error-page.tsx";
import { SiteFooter } from "./components/layout/site-footer.tsx";
import { SiteHeader } from "./components/layout/site-header.tsx";
import { useNonce } from "./components/nonce.tsx";
import { useLocale, useRootData, useT } from "./components/root-data.ts";
import { translateError } from "./i18n/zod-errors.ts";
import { countUnread } from "./modules/notify/notifications.server.ts";
import appStyles from "./styles/app.css?url";
import { getActor } from "./utils/auth.server.ts";
import { getCsrfToken } from "./utils/csrf.server.ts";
import { getLocale } from "./utils/locale.server.ts";
import { takeToast } from "./utils/toast.server.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "上海市社会组织服务供需对接平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [actor, locale, csrf, flash] = await Promise.all([
    getActor(request),
    getLocale(request),
    getCsrfToken(request),
    takeToast(request),
  ]);
  const user =
    actor.type === "user"
      ? { id: actor.userId, displayName: actor.displayName, role: actor.role, orgId: actor.orgId, buyerUnitId: actor.buyerUnitId }
      : null;
  const unreadCount = user ? await countUnread(user.id) : 0;
  const headers = new Headers();
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  if (flash.setCookie) headers.append("Set-Cookie", flash.setCookie);
  return data({ locale, user, csrf: csrf.token, toast: flash.toast, unreadCount }, { headers });
}

// Pages that show a user's data must not be kept by shared caches.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export function Layout({ children }: { children: React.ReactNode }) {
  const locale = useLocale();
  const nonce = useNonce();
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b4a8f" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function NavigationProgress() {
  const navigation = useNavigation();
  const { t } = useT();
  if (navigation.state === "idle") return null;
  return (
    <div className="progress-bar" role="progressbar" aria-label={t("app.loading")} aria-valuetext={t("app.loading")} />
  );
}

function Toast() {
  const { t } = useT();
  const root = useRootData()?.toast ?? null;
  const [visible, setVisible] = useState(Boolean(root));
  useEffect(() => {
    setVisible(Boolean(root));
    if (!root) return;
    const timer = setTimeout(() => setVisible(false), 6000);
    return () => clearTimeout(timer);
  }, [root]);
  if (!root || !visible) return null;
  const tone = root.type === "error" ? "error" : root.type === "success" ? "success" : "info";
  return (
    <div className={`alert alert--${tone} toast`} role="status" aria-live="polite">
      {translateError(t, root.vars ? `${root.key}|${JSON.stringify(root.vars)}` : root.key)}
    </div>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <NavigationProgress />
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <div className="container">{children}</div>
      </main>
      <SiteFooter />
      <Toast />
    </>
  );
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <Shell>
      <GeneralErrorPage error={error} />
    </Shell>
  );
}
