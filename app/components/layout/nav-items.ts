import type { MessageKey } from "#app/i18n/index.ts";

export type NavItem = { to: string; label: MessageKey; end?: boolean; badge?: "unread" };
type RoleKey = "public" | "ADMIN" | "BUYER" | "ORG";

const PUBLIC: NavItem[] = [
  { to: "/", label: "nav.home", end: true },
  { to: "/needs", label: "nav.needs" },
  { to: "/orgs", label: "nav.orgs" },
];

// The navigation each role sees. Only pages that exist are listed.
export const NAV_ITEMS: Record<RoleKey, NavItem[]> = {
  public: PUBLIC,
  ORG: [
    ...PUBLIC,
    { to: "/workspace", label: "nav.workspace", end: true },
    { to: "/workspace/recommended", label: "matching.nav.recommended" },
    { to: "/workspace/profile", label: "nav.org.profile" },
    { to: "/workspace/bids", label: "nav.org.bids" },
    { to: "/workspace/invitations", label: "nav.org.invitations" },
    { to: "/workspace/saved", label: "needs.nav.saved" },
    { to: "/workspace/searches", label: "matching.saved.nav" },
    { to: "/notifications", label: "nav.notifications", badge: "unread" },
  ],
  BUYER: [
    ...PUBLIC,
    { to: "/workspace", label: "nav.workspace", end: true },
    { to: "/workspace/needs", label: "nav.buyer.needs", end: true },
    { to: "/workspace/needs/new", label: "nav.buyer.newNeed" },
    { to: "/workspace/searches", label: "matching.saved.nav" },
    { to: "/notifications", label: "nav.notifications", badge: "unread" },
  ],
  ADMIN: [
    ...PUBLIC,
    { to: "/workspace", label: "nav.workspace", end: true },
    { to: "/admin/verification", label: "nav.admin.verification" },
    { to: "/admin/tags", label: "nav.admin.tags" },
    { to: "/admin/catalog", label: "nav.admin.catalog" },
    { to: "/admin/import", label: "nav.admin.import" },
    { to: "/admin/users", label: "nav.admin.users" },
    { to: "/admin/audit", label: "nav.admin.audit" },
    { to: "/notifications", label: "nav.notifications", badge: "unread" },
  ],
};
