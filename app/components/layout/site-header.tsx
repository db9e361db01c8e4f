import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { CsrfInput } from "../csrf.tsx";
import { useRootData, useT } from "../root-data.ts";
import { NAV_ITEMS } from "./nav-items.ts";

export function SiteHeader() {
  const { t, locale } = useT();
  const root = useRootData();
  const user = root?.user ?? null;
  const location = useLocation();
  const items = NAV_ITEMS[user?.role ?? "public"];
  const here = location.pathname + location.search;

  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link to="/" className="brand" aria-label={t("app.name")}>
          <span className="brand__emblem" aria-hidden="true">
            沪
          </span>
          <span className="brand__name">
            <span className="brand__full">{t("app.name")}</span>
            <span className="brand__short" aria-hidden="true">
              {t("app.shortName")}
            </span>
            <span className="brand__sub">{t("app.tagline")}</span>
          </span>
        </Link>
        <div className="header-tools">
          <Form method="post" action="/locale" reloadDocument>
            <CsrfInput />
            <input type="hidden" name="locale" value={locale === "zh" ? "en" : "zh"} />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="link-button" lang={locale === "zh" ? "en" : "zh"} aria-label={t("app.switchLanguageLabel")}>
              {t("app.switchLanguage")}
            </button>
          </Form>
          {user ? (
            <>
              <span className="header-user">
                {user.displayName} · {t(`role.${user.role}`)}
              </span>
              <Form method="post" action="/logout">
                <CsrfInput />
                <button type="submit" className="link-button">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link className="link-button" to={`/login?redirectTo=${encodeURIComponent(here)}`}>
                {t("nav.login")}
              </Link>
              <Link className="link-button" to="/signup">
                {t("nav.signup")}
              </Link>
            </>
          )}
        </div>
      </div>
      <nav className="main-nav" aria-label={t("nav.mainLabel")}>
        <div className="container">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} prefetch="intent">
                  {t(item.label)}
                  {item.badge === "unread" && root?.unreadCount ? (
                    <span className="nav-badge">
                      <span aria-hidden="true">{root.unreadCount}</span>
                      <span className="visually-hidden">{t("notifications.unreadCount", { count: root.unreadCount })}</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      </nav>
    </header>
  );
}
