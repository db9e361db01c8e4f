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
  // organizations and curated tags (issue 3)
  route("orgs/:orgId", "routes/orgs.$orgId.tsx"),
  route("workspace/profile", "routes/workspace.profile.tsx"),
  route("admin/verification", "routes/admin.verification.tsx"),
  route("admin/verification/:orgId", "routes/admin.verification.$orgId.tsx"),
  route("admin/tags", "routes/admin.tags.tsx"),
  route("admin/tags/:tagId", "routes/admin.tags.$tagId.tsx"),
  route("admin/catalog", "routes/admin.catalog.tsx"),
  route("admin/catalog/:itemId", "routes/admin.catalog.$itemId.tsx"),
  route("admin/import", "routes/admin.import.tsx"),
  route("admin/import/template.csv", "routes/admin.import.template.ts"),
  route("admin/import/:jobId", "routes/admin.import.$jobId.tsx"),
  route("admin/audit", "routes/admin.audit.tsx"),
  // accounts and sessions (issue 7)
  route("admin/users", "routes/admin.users.tsx"),
  route("admin/users/:userId", "routes/admin.users.$userId.tsx"),
  // needs and bids (issue 4)
  route("needs/:needId", "routes/needs.$needId/route.tsx"),
  route("needs/:needId/bid", "routes/needs.$needId.bid.tsx"),
  route("workspace/bids", "routes/workspace.bids.tsx"),
  route("workspace/invitations", "routes/workspace.invitations.tsx"),
  route("workspace/saved", "routes/workspace.saved.tsx"),
  route("workspace/needs", "routes/workspace.needs._index.tsx"),
  route("workspace/needs/new", "routes/workspace.needs.new.tsx"),
  // matching (issue 6)
  route("workspace/needs/eligible-count", "routes/workspace.needs.eligible-count.ts"),
  route("workspace/recommended", "routes/workspace.recommended.tsx"),
  route("workspace/searches", "routes/workspace.searches.tsx"),
  route("alerts/unsubscribe/:token", "routes/alerts.unsubscribe.$token.tsx"),
  route("workspace/needs/:needId", "routes/workspace.needs.$needId/layout.tsx", [
    index("routes/workspace.needs.$needId/overview.tsx"),
    route("edit", "routes/workspace.needs.$needId/edit.tsx"),
    route("questions", "routes/workspace.needs.$needId/questions.tsx"),
    route("matches", "routes/workspace.needs.$needId/matches.tsx"),
    route("invitations", "routes/workspace.needs.$needId/invitations.tsx"),
    route("evaluation", "routes/workspace.needs.$needId/evaluation.tsx"),
    route("contract", "routes/workspace.needs.$needId/contract.tsx"),
  ]),
  route("needs", "routes/needs.tsx"),
  route("orgs", "routes/orgs.tsx"),
  route("api/v1/search/suggest", "routes/api.v1.search.suggest.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
