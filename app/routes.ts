// The route table. Every route is listed here explicitly; the authorization matrix test reads this table, so a
// new route without a permission rule fails that test.
import { index, route, type RouteConfig } from "@remix-run/route-config";

export default [
  index("routes/home.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("locale", "routes/locale.ts"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("signup", "routes/signup.tsx"),
  route("workspace", "routes/workspace.tsx"),
  route("notifications", "routes/notifications.tsx"),
  route("account/sessions", "routes/account.sessions.tsx"),
  route("needs", "routes/needs.tsx"),
  route("orgs", "routes/orgs.tsx"),
  route("api/v1/search/suggest", "routes/api.v1.search.suggest.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
