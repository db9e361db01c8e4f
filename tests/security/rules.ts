// The authorization rule table: for every route of app/routes.ts, what each role gets from its page (GET) and from
// each form it posts (POST, one entry per intent). tests/security/authorization.test.ts reads app/routes.ts and fails
// for a route without a rule here, for a route with an action but no POST rules, and for an intent a route's forms
// post that no rule covers.
//
// To add a route: add a `RouteRule` with its route id (the file under app/ without the extension, as in the test's
// failure message), a GET case (the URL, built from the world's objects) and one POST case per intent, with the
// expected outcome for each role. `prepare` makes fresh objects when a POST changes something, so each role acts on
// its own copy. Outcomes:
//   ok        GET: 200. POST: the action did its work (2xx, or a redirect that is not to the log-in page)
//   away      a redirect elsewhere that does nothing (the log-in page for someone logged in, /locale's GET)
//   login     a redirect to /login?redirectTo=…
//   forbidden 403
//   notFound  404 (someone else's object: services put ownership in the `where` clause)
//   refused   a 4xx business-rule answer for a role that *is* allowed (e.g. resubmitting a verified profile)
// Every refused/denied POST must leave the database unchanged; every page is scanned for the sealed bids' markers and
// the parties' e-mail addresses.
import { prisma } from "#app/db.server.ts";
import { createSession } from "#app/modules/accounts/sessions.server.ts";
import { addCase } from "#app/modules/orgs/profile.server.ts";
import { createTag } from "#app/modules/tags/tags.server.ts";
import { createCatalogItem } from "#app/modules/tags/catalog.server.ts";
import { createNeed } from "#app/modules/needs/needs.server.ts";
import { askQuestion } from "#app/modules/needs/enquiries.server.ts";
import { saveNeed } from "#app/modules/needs/saved.server.ts";
import { saveSearch } from "#app/modules/matching/alerts.server.ts";
import { submitBid } from "#app/modules/bids/bids.server.ts";
import { saveScores } from "#app/modules/bids/evaluation.server.ts";
import { previewOrgImport } from "#app/modules/orgs/import.server.ts";
import { toDateInput, toShanghaiDateTimeInput } from "#app/modules/needs/time.ts";
import type { NeedDraft } from "#app/modules/needs/rules.ts";
import { makeOrg, makeUser, TEST_PASSWORD } from "#tests/factories.ts";
import { BID, completeDraft } from "#tests/need-factories.ts";
import { awardedNeed, closedNeedWithBids, importCsv, ROLES, type Role, type World } from "./world.ts";

export type Outcome = "ok" | "away" | "login" | "forbidden" | "notFound" | "refused";
export type Expect = Record<Role, Outcome>;
export type Fields = [string, string | Blob][];
export type Cell = { path: string; fields: Fields };

export type GetCase = {
  label?: string;
  path: (w: World) => string;
  expect: Expect;
  /** Text that must not appear in the page for a role (on top of the sealed bids and e-mail addresses). */
  hidden?: (w: World) => Partial<Record<Role, string[]>>;
  /** Text that must appear for a role: proves the page is the one that would leak (a control for `hidden`). */
  shown?: (w: World) => Partial<Record<Role, string[]>>;
};
export type PostCase = {
  intent: string;
  /** Fresh objects for this role's attempt, and the form it posts (the CSRF token is added). */
  prepare: (w: World, role: Role) => Promise<Cell> | Cell;
  expect: Expect;
};
export type RouteRule = { route: string; get?: GetCase[]; post?: PostCase[]; note?: string };

// ───────────────────────────── outcome shorthands ─────────────────────────────

const all = (outcome: Outcome): Expect => Object.fromEntries(ROLES.map((role) => [role, outcome])) as Expect;
/** Logged-in roles listed get `ok`, other logged-in roles 403, visitors the log-in page. */
const signedIn = (...roles: Role[]): Expect => ({ ...all("forbidden"), anonymous: "login", ...Object.fromEntries(roles.map((r) => [r, "ok"])) });
export const PUBLIC = all("ok");
export const USERS = signedIn("orgA", "orgB", "buyerX", "buyerY", "admin");
export const ADMIN_ONLY = signedIn("admin");
export const ORG_ONLY = signedIn("orgA", "orgB");
export const BUYER_ONLY = signedIn("buyerX", "buyerY");
/** An object of buying unit X: Y is told it does not exist. */
export const X_ONLY: Expect = { ...signedIn("buyerX"), buyerY: "notFound" };
/** An object of organization A: B is told it does not exist. */
export const A_ONLY: Expect = { ...signedIn("orgA"), orgB: "notFound" };
export const ANONYMOUS_ONLY: Expect = { ...all("away"), anonymous: "ok" };
const with_ = (base: Expect, changes: Partial<Expect>): Expect => ({ ...base, ...changes });

// ───────────────────────────── form builders ─────────────────────────────

const form = (intent: string | null, fields: Record<string, string | number | boolean | string[] | undefined>): Fields => {
  const pairs: Fields = intent ? [["intent", intent]] : [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === false) continue;
    if (Array.isArray(value)) for (const item of value) pairs.push([name, item]);
    else pairs.push([name, value === true ? "on" : String(value)]);
  }
  return pairs;
};

export function needFormFields(draft: NeedDraft, intent: "save-draft" | "publish" | "save-amendment", extra: Record<string, string> = {}): Fields {
  const pairs = form(intent, {
    title: draft.title,
    summary: draft.summary,
    description: draft.description,
    tagIds: draft.tagIds.map(String),
    districtCodes: draft.districtCodes,
    streetCodes: draft.streetCodes,
    crossDistrict: draft.crossDistrict,
    budget: draft.budget ?? undefined,
    method: draft.method,
    enquiryDeadline: toShanghaiDateTimeInput(draft.enquiryDeadline),
    bidDeadline: toShanghaiDateTimeInput(draft.bidDeadline),
    servicePeriodStart: toDateInput(draft.servicePeriodStart),
    servicePeriodEnd: toDateInput(draft.servicePeriodEnd),
    contactName: draft.contactName,
    contactPhone: draft.contactPhone,
    ...extra,
  });
  draft.criteria.forEach((c, i) => {
    pairs.push([`criteria[${i}].name`, c.name], [`criteria[${i}].kind`, c.kind], [`criteria[${i}].weight`, String(c.weight)]);
  });
  return pairs;
}

const bidFields = (proposal = BID.proposal): Fields =>
  form("submit-bid", { price: "450000", proposal, "team[0].name": "王芳", "team[0].role": "项目主管", "team[0].certifiedSocialWorker": true });

/** The organization whose user acts, or A for anyone else (whose attempt is refused before it matters). */
const orgOf = (w: World, role: Role) => (role === "orgB" ? w.orgB : w.orgA);

const profileFields = (w: World, role: Role): Fields => {
  const org = orgOf(w, role);
  return form("save-profile", {
    districtCode: org.districtCode,
    name: org.name,
    kind: org.kind,
    uscc: org.uscc ?? undefined,
    gradeLevel: org.gradeLevel ?? undefined,
    gradeValidUntil: org.gradeValidUntil ? toDateInput(org.gradeValidUntil) : undefined,
    description: "我们为长者提供助餐、陪伴和探访服务。",
    partyOrg: "NONE",
  });
};

const xNeed = async (w: World, overrides: Partial<NeedDraft> = {}, publish = true) =>
  (await createNeed(w.parties.buyerX.actor, await completeDraft(overrides), { publish })).needId;

const catalogFields = (code: string): Fields => form(null, { code, nameZh: "测试目录项目", domain: "为老服务", description: "说明", active: true });

let uniq = 0;
const next = () => ++uniq;

// ───────────────────────────── the table ─────────────────────────────

export const RULES: RouteRule[] = [
  { route: "routes/home", get: [{ path: () => "/", expect: PUBLIC }] },
  { route: "routes/healthz", get: [{ path: () => "/healthz", expect: PUBLIC }] },
  {
    route: "routes/locale",
    get: [{ path: () => "/locale", expect: all("away") }],
    post: [{ intent: "(set-locale)", prepare: () => ({ path: "/locale", fields: form(null, { locale: "en", redirectTo: "/needs" }) }), expect: PUBLIC }],
  },
  {
    route: "routes/login",
    get: [{ path: () => "/login", expect: ANONYMOUS_ONLY }],
    post: [
      {
        intent: "(log-in)",
        prepare: async () => {
          const user = await makeUser({ role: "ORG", orgId: (await makeOrg()).id });
          return { path: "/login", fields: form(null, { email: user.email, password: TEST_PASSWORD, redirectTo: "/workspace" }) };
        },
        expect: PUBLIC,
      },
    ],
  },
  {
    route: "routes/logout",
    get: [{ path: () => "/logout", expect: all("away") }],
    post: [{ intent: "(log-out)", prepare: () => ({ path: "/logout", fields: [] }), expect: PUBLIC }],
  },
  {
    route: "routes/signup",
    get: [{ path: () => "/signup", expect: ANONYMOUS_ONLY }],
    post: [
      {
        intent: "(sign-up)",
        prepare: (w) => ({
          path: "/signup",
          fields: form(null, {
            accountType: "buyer",
            email: `signup${next()}@example.cn`,
            password: "a-long-password-1",
            confirmPassword: "a-long-password-1",
            displayName: "新同事",
            buyerUnitId: w.unitX.id,
          }),
        }),
        expect: ANONYMOUS_ONLY,
      },
    ],
  },
  { route: "routes/workspace", get: [{ path: () => "/workspace", expect: USERS }] },
  {
    route: "routes/notifications",
    get: [{ path: () => "/notifications", expect: USERS }],
    post: [{ intent: "mark-all-read", prepare: () => ({ path: "/notifications", fields: form("mark-all-read", {}) }), expect: USERS }],
  },
  {
    route: "routes/account.sessions",
    get: [{ path: () => "/account/sessions", expect: USERS }],
    post: [
      {
        // Revoking: the session id posted belongs to A; only A's own request may end it (others change nothing).
        intent: "revoke",
        prepare: async (w) => {
          const token = await createSession(w.parties.orgA.userId);
          const { hashToken } = await import("#app/modules/accounts/sessions.server.ts");
          return { path: "/account/sessions", fields: form("revoke", { sessionId: hashToken(token) }) };
        },
        expect: USERS,
      },
      { intent: "revoke-others", prepare: () => ({ path: "/account/sessions", fields: form("revoke-others", {}) }), expect: USERS },
    ],
  },
  {
    route: "routes/orgs.$orgId",
    get: [
      { path: (w) => `/orgs/${w.orgA.id}`, expect: PUBLIC },
      { label: "an organization awaiting verification", path: (w) => `/orgs/${w.pendingOrgId}`, expect: with_(all("notFound"), { admin: "ok" }) },
    ],
  },
  {
    route: "routes/workspace.profile",
    get: [{ path: () => "/workspace/profile", expect: ORG_ONLY }],
    post: [
      { intent: "save-profile", prepare: (w, role) => ({ path: "/workspace/profile", fields: profileFields(w, role) }), expect: ORG_ONLY },
      { intent: "add-case", prepare: () => ({ path: "/workspace/profile", fields: form("add-case", { title: "社区长者食堂", year: "2024" }) }), expect: ORG_ONLY },
      {
        intent: "update-case",
        prepare: async (w) => {
          const { id: caseId } = await addCase(w.parties.orgA.actor, { title: "甲方的案例", year: 2023, description: "", isBrand: false });
          return { path: "/workspace/profile", fields: form("update-case", { caseId, title: "改名", year: "2024" }) };
        },
        expect: A_ONLY,
      },
      {
        intent: "delete-case",
        prepare: async (w) => {
          const { id: caseId } = await addCase(w.parties.orgA.actor, { title: "甲方的案例", year: 2023, description: "", isBrand: false });
          return { path: "/workspace/profile", fields: form("delete-case", { caseId }) };
        },
        expect: A_ONLY,
      },
      // A verified organization has nothing to resubmit: allowed to ask, refused by the rule.
      { intent: "resubmit", prepare: () => ({ path: "/workspace/profile", fields: form("resubmit", {}) }), expect: with_(ORG_ONLY, { orgA: "refused", orgB: "refused" }) },
    ],
  },
  {
    route: "routes/admin.verification",
    get: [{ path: () => "/admin/verification", expect: ADMIN_ONLY }],
    post: [
      ...(["approve-change", "reject-change"] as const).map((intent) => ({
        intent,
        prepare: async (w: World) => {
          const request = await prisma.orgChangeRequest.create({ data: { orgId: w.orgA.id, changes: { name: { from: w.orgA.name, to: `${w.orgA.name}（更名）` } } } });
          return { path: "/admin/verification", fields: form(intent, { requestId: request.id, reason: "材料不全，请补充" }) };
        },
        expect: ADMIN_ONLY,
      })),
      ...(["confirm-buyer", "refuse-buyer"] as const).map((intent) => ({
        intent,
        prepare: async (w: World) => {
          const user = await makeUser({ role: "BUYER", buyerUnitId: w.unitX.id, status: "PENDING" });
          return { path: "/admin/verification", fields: form(intent, { userId: user.id, reason: "不是本单位人员" }) };
        },
        expect: ADMIN_ONLY,
      })),
    ],
  },
  {
    route: "routes/admin.verification.$orgId",
    get: [{ path: (w) => `/admin/verification/${w.pendingOrgId}`, expect: ADMIN_ONLY }],
    post: [
      ...(
        [
          ["verify", "PENDING"],
          ["reject", "PENDING"],
          ["suspend", "VERIFIED"],
          ["reinstate", "SUSPENDED"],
          ["deregister", "VERIFIED"],
        ] as const
      ).map(([intent, status]) => ({
        intent,
        prepare: async () => {
          const org = await makeOrg({ status });
          return { path: `/admin/verification/${org.id}`, fields: form(intent, { reason: "经核查，情况属实" }) };
        },
        expect: ADMIN_ONLY,
      })),
      ...(["approve-change", "reject-change"] as const).map((intent) => ({
        intent,
        prepare: async (w: World) => {
          const request = await prisma.orgChangeRequest.create({ data: { orgId: w.orgB.id, changes: { name: { from: w.orgB.name, to: `${w.orgB.name}（更名）` } } } });
          return { path: `/admin/verification/${w.orgB.id}`, fields: form(intent, { requestId: request.id, reason: "材料不全，请补充" }) };
        },
        expect: ADMIN_ONLY,
      })),
    ],
  },
  {
    route: "routes/admin.tags",
    get: [{ path: () => "/admin/tags", expect: ADMIN_ONLY }],
    post: [
      {
        intent: "create-tag",
        prepare: async () => {
          const group = await prisma.tagGroup.findFirstOrThrow({ select: { id: true } });
          return { path: "/admin/tags", fields: form("create-tag", { groupId: group.id, nameZh: `新标签${next()}` }) };
        },
        expect: ADMIN_ONLY,
      },
    ],
  },
  {
    route: "routes/admin.tags.$tagId",
    get: [{ path: (w) => `/admin/tags/${w.tagId}`, expect: ADMIN_ONLY }],
    post: (["rename", "move", "add-synonym", "remove-synonym", "deprecate", "reactivate", "merge"] as const).map((intent) => ({
      intent,
      prepare: async (w: World) => {
        const admin = w.parties.admin.actor;
        const group = await prisma.tagGroup.findFirstOrThrow({ select: { id: true } });
        const tag = await createTag(admin, { groupId: group.id, nameZh: `待整理标签${next()}` });
        const other = await createTag(admin, { groupId: group.id, nameZh: `目标标签${next()}` });
        let fields: Record<string, string | number | boolean> = {};
        if (intent === "rename") fields = { nameZh: `改名标签${next()}` };
        if (intent === "move") fields = { groupId: group.id };
        if (intent === "add-synonym") fields = { term: `同义词${next()}` };
        if (intent === "remove-synonym") {
          const synonym = await prisma.tagSynonym.create({ data: { tagId: tag.id, term: `旧称${next()}` } });
          fields = { synonymId: synonym.id };
        }
        if (intent === "deprecate") fields = { reason: "不再使用" };
        if (intent === "reactivate") await prisma.tag.update({ where: { id: tag.id }, data: { status: "DEPRECATED" } });
        if (intent === "merge") fields = { targetId: other.id, confirm: true };
        return { path: `/admin/tags/${tag.id}`, fields: form(intent, fields) };
      },
      expect: ADMIN_ONLY,
    })),
  },
  {
    route: "routes/admin.catalog",
    get: [{ path: () => "/admin/catalog", expect: ADMIN_ONLY }],
    post: [{ intent: "create-item", prepare: () => ({ path: "/admin/catalog", fields: [["intent", "create-item"], ...catalogFields(`SEC-${100 + next()}`)] }), expect: ADMIN_ONLY }],
  },
  {
    route: "routes/admin.catalog.$itemId",
    get: [{ path: (w) => `/admin/catalog/${w.catalogItemId}`, expect: ADMIN_ONLY }],
    post: (["update-item", "delete-item"] as const).map((intent) => ({
      intent,
      prepare: async (w: World) => {
        const item = await createCatalogItem(w.parties.admin.actor, { code: `TST-${100 + next()}`, nameZh: "临时目录项目", domain: "为老服务", tagIds: [], active: true });
        return { path: `/admin/catalog/${item.id}`, fields: [["intent", intent], ...catalogFields(`UPD-${100 + next()}`)] };
      },
      expect: ADMIN_ONLY,
    })),
  },
  {
    route: "routes/admin.import",
    get: [{ path: () => "/admin/import", expect: ADMIN_ONLY }],
    post: [
      {
        intent: "(upload)",
        prepare: () => ({ path: "/admin/import", fields: [["file", new File([importCsv()], "registry.csv", { type: "text/csv" })]] }),
        expect: ADMIN_ONLY,
      },
    ],
  },
  { route: "routes/admin.import.template", get: [{ path: () => "/admin/import/template.csv", expect: ADMIN_ONLY }] },
  {
    route: "routes/admin.import.$jobId",
    get: [{ path: (w) => `/admin/import/${w.importJobId}`, expect: ADMIN_ONLY }],
    post: (["confirm-import", "discard-import"] as const).map((intent) => ({
      intent,
      prepare: async (w: World) => {
        const { jobId } = await previewOrgImport(w.parties.admin.actor, { fileName: "registry.csv", content: importCsv().replace("SEC-1", `SEC-${100 + next()}`) });
        return { path: `/admin/import/${jobId}`, fields: form(intent, {}) };
      },
      expect: ADMIN_ONLY,
    })),
  },
  { route: "routes/admin.audit", get: [{ path: () => "/admin/audit", expect: ADMIN_ONLY }] },
  { route: "routes/admin.users", get: [{ path: () => "/admin/users?q=example", expect: ADMIN_ONLY, shown: (w) => ({ admin: [w.parties.orgA.email] }) }] },
  {
    route: "routes/admin.users.$userId",
    get: [{ path: (w) => `/admin/users/${w.parties.orgA.userId}`, expect: ADMIN_ONLY, shown: (w) => ({ admin: [w.parties.orgA.email] }) }],
    post: [
      {
        intent: "revoke-session",
        prepare: async (w) => {
          const { hashToken } = await import("#app/modules/accounts/sessions.server.ts");
          const token = await createSession(w.parties.orgA.userId);
          return { path: `/admin/users/${w.parties.orgA.userId}`, fields: form("revoke-session", { sessionId: hashToken(token) }) };
        },
        expect: ADMIN_ONLY,
      },
      {
        intent: "revoke-all-sessions",
        prepare: async (w) => {
          await createSession(w.parties.orgB.userId);
          return { path: `/admin/users/${w.parties.orgB.userId}`, fields: form("revoke-all-sessions", { reason: "手机遗失，结束全部会话" }) };
        },
        expect: ADMIN_ONLY,
      },
    ],
  },
  {
    route: "routes/needs.$needId/route",
    get: [
      // Before the deadline nobody but the bidder learns who bid: A's name is on no page of this need but A's own.
      { path: (w) => `/needs/${w.needs.open}`, expect: PUBLIC, hidden: (w) => ({ orgB: [w.orgA.name], buyerX: [w.orgA.name], buyerY: [w.orgA.name], admin: [w.orgA.name], anonymous: [w.orgA.name] }) },
      // A draft is previewed by its unit's staff and moderated by administrators; nobody else learns it exists.
      { label: "a draft", path: (w) => `/needs/${w.needs.draft}`, expect: with_(all("notFound"), { buyerX: "ok", admin: "ok" }) },
      { label: "an awarded need", path: (w) => `/needs/${w.needs.awarded}`, expect: PUBLIC },
    ],
    post: [
      ...(["save", "unsave"] as const).map((intent) => ({
        intent,
        prepare: async (w: World, role: Role) => {
          const needId = await xNeed(w);
          if (intent === "unsave" && (role === "orgA" || role === "orgB")) await saveNeed(w.parties[role].actor, needId);
          return { path: `/needs/${needId}`, fields: form(intent, {}) };
        },
        expect: ORG_ONLY,
      })),
      { intent: "ask", prepare: (w) => ({ path: `/needs/${w.needs.open}`, fields: form("ask", { question: "请问服务对象的人数是否固定？" }) }), expect: ORG_ONLY },
    ],
  },
  {
    route: "routes/needs.$needId.bid",
    get: [{ path: (w) => `/needs/${w.needs.open}/bid`, expect: ORG_ONLY, shown: (w) => ({ orgA: [w.secrets.bidA], orgB: [w.secrets.bidB] }) }],
    post: [
      { intent: "submit-bid", prepare: async (w) => ({ path: `/needs/${await xNeed(w)}/bid`, fields: bidFields() }), expect: ORG_ONLY },
      {
        intent: "withdraw-bid",
        prepare: async (w, role) => {
          const needId = await xNeed(w);
          if (role === "orgA" || role === "orgB") await submitBid(w.parties[role].actor, needId, BID);
          // Others try to withdraw A's bid.
          else await submitBid(w.parties.orgA.actor, needId, BID);
          return { path: `/needs/${needId}/bid`, fields: form("withdraw-bid", {}) };
        },
        expect: ORG_ONLY,
      },
    ],
  },
  { route: "routes/workspace.bids", get: [{ path: () => "/workspace/bids", expect: ORG_ONLY }] },
  { route: "routes/workspace.invitations", get: [{ path: () => "/workspace/invitations", expect: ORG_ONLY }] },
  {
    route: "routes/workspace.saved",
    get: [{ path: () => "/workspace/saved", expect: ORG_ONLY }],
    post: [
      {
        intent: "unsave",
        prepare: async (w, role) => {
          const needId = await xNeed(w);
          await saveNeed(w.parties[role === "orgB" ? "orgB" : "orgA"].actor, needId);
          return { path: "/workspace/saved", fields: form("unsave", { needId }) };
        },
        expect: ORG_ONLY,
      },
    ],
  },
  { route: "routes/workspace.needs._index", get: [{ path: () => "/workspace/needs", expect: BUYER_ONLY }] },
  {
    route: "routes/workspace.needs.new",
    get: [{ path: () => "/workspace/needs/new", expect: BUYER_ONLY }],
    post: (["save-draft", "publish"] as const).map((intent) => ({
      intent,
      prepare: async () => ({ path: "/workspace/needs/new", fields: needFormFields(await completeDraft({ title: "新发布的需求" }), intent) }),
      expect: BUYER_ONLY,
    })),
  },
  {
    route: "routes/workspace.needs.$needId/layout",
    note: "the layout's loader runs with each page of the need; its own URL is the overview's",
    get: [
      { path: (w) => `/workspace/needs/${w.needs.open}`, expect: X_ONLY, hidden: (w) => ({ buyerX: [w.orgA.name, w.orgB.name] }) },
      { label: "Y's need", path: (w) => `/workspace/needs/${w.needs.ofY}`, expect: { ...signedIn("buyerY"), buyerX: "notFound" } },
    ],
  },
  {
    route: "routes/workspace.needs.$needId/overview",
    note: "an index route: its forms post to `?index` (without it the POST reaches the layout, which has no action: 405)",
    get: [{ path: (w) => `/workspace/needs/${w.needs.draft}`, expect: X_ONLY }],
    post: [
      { intent: "publish", prepare: async (w) => ({ path: `/workspace/needs/${await xNeed(w, {}, false)}?index`, fields: form("publish", {}) }), expect: X_ONLY },
      { intent: "delete-draft", prepare: async (w) => ({ path: `/workspace/needs/${await xNeed(w, {}, false)}?index`, fields: form("delete-draft", {}) }), expect: X_ONLY },
      ...(["cancel", "unsuccessful"] as const).map((intent) => ({
        intent,
        prepare: async (w: World) => {
          const needId = intent === "cancel" ? await xNeed(w) : (await closedNeedWithBids(w.parties.buyerX.actor, w.parties)).needId;
          return { path: `/workspace/needs/${needId}?index`, fields: form(intent, { reason: "预算调整，项目暂停" }) };
        },
        expect: X_ONLY,
      })),
    ],
  },
  {
    route: "routes/workspace.needs.$needId/edit",
    get: [{ path: (w) => `/workspace/needs/${w.needs.draft}/edit`, expect: X_ONLY }],
    post: [
      ...(["save-draft", "publish"] as const).map((intent) => ({
        intent,
        prepare: async (w: World) => {
          const needId = await xNeed(w, {}, false);
          return { path: `/workspace/needs/${needId}/edit`, fields: needFormFields(await completeDraft({ title: "改过的草稿" }), intent, { version: "1" }) };
        },
        expect: X_ONLY,
      })),
      {
        intent: "save-amendment",
        prepare: async (w) => {
          const draft = await completeDraft();
          const needId = await xNeed(w, draft);
          return { path: `/workspace/needs/${needId}/edit`, fields: needFormFields({ ...draft, budget: 500_000 }, "save-amendment", { version: "1", amendmentSummary: "预算调整为50万元" }) };
        },
        expect: X_ONLY,
      },
    ],
  },
  {
    route: "routes/workspace.needs.$needId/questions",
    get: [{ path: (w) => `/workspace/needs/${w.needs.open}/questions`, expect: X_ONLY, hidden: (w) => ({ buyerX: [w.orgA.name] }) }],
    post: [
      {
        intent: "(answer)",
        prepare: async (w) => {
          const needId = await xNeed(w);
          const { enquiryId } = await askQuestion(w.parties.orgA.actor, needId, "请问是否需要提供餐饮许可证？");
          return { path: `/workspace/needs/${needId}/questions`, fields: form(null, { enquiryId, answer: "需要，请随投标文件提供。" }) };
        },
        expect: X_ONLY,
      },
    ],
  },
  {
    route: "routes/workspace.needs.$needId/invitations",
    get: [{ path: (w) => `/workspace/needs/${w.needs.open}/invitations`, expect: X_ONLY }],
    post: [
      {
        intent: "(invite)",
        prepare: async (w) => ({ path: `/workspace/needs/${await xNeed(w)}/invitations`, fields: form(null, { orgId: w.orgA.id, message: "欢迎投标" }) }),
        expect: X_ONLY,
      },
    ],
  },
  {
    route: "routes/workspace.needs.$needId/evaluation",
    get: [
      // Sealed: X sees that two bids arrived, never who or for how much.
      { label: "before the deadline", path: (w) => `/workspace/needs/${w.needs.open}/evaluation`, expect: X_ONLY, hidden: (w) => ({ buyerX: [w.orgA.name, w.orgB.name, "411,111", "411111", "422,222", "422222"] }) },
      { label: "after the deadline", path: (w) => `/workspace/needs/${w.needs.closed}/evaluation`, expect: X_ONLY, shown: (w) => ({ buyerX: [w.orgA.name, w.orgB.name] }) },
    ],
    post: [
      {
        intent: "save-scores",
        prepare: async (w) => {
          const { needId, bidA } = await closedNeedWithBids(w.parties.buyerX.actor, w.parties);
          const criterion = await prisma.evaluationCriterion.findFirstOrThrow({ where: { needId }, select: { id: true } });
          return {
            path: `/workspace/needs/${needId}/evaluation`,
            fields: form("save-scores", { "bids[0].bidId": bidA, "bids[0].shortlisted": true, "bids[0].scores[0].criterionId": criterion.id, "bids[0].scores[0].score": 80 }),
          };
        },
        expect: X_ONLY,
      },
      {
        intent: "award",
        prepare: async (w) => {
          const { needId, bidA, bidB } = await closedNeedWithBids(w.parties.buyerX.actor, w.parties);
          const criteria = await prisma.evaluationCriterion.findMany({ where: { needId }, select: { id: true } });
          const row = (bidId: number) => ({ bidId, shortlisted: true, note: "", scores: criteria.map((c) => ({ criterionId: c.id, score: 85 })) });
          await saveScores(w.parties.buyerX.actor, needId, [row(bidA), row(bidB)]);
          return { path: `/workspace/needs/${needId}/evaluation`, fields: form("award", { bidId: bidA, notice: "经评审，甲方中标。", reason: "综合得分最高" }) };
        },
        expect: X_ONLY,
      },
    ],
  },
  {
    route: "routes/workspace.needs.$needId/contract",
    get: [{ path: (w) => `/workspace/needs/${w.needs.awarded}/contract`, expect: X_ONLY }],
    post: [
      {
        intent: "contract",
        prepare: async (w) => {
          const { needId } = await awardedNeed(w.parties.buyerX.actor, w.parties);
          return { path: `/workspace/needs/${needId}/contract`, fields: form("contract", { value: "450000", periodStart: "2027-01-01", periodEnd: "2027-12-31" }) };
        },
        expect: X_ONLY,
      },
      {
        intent: "complete",
        prepare: async (w) => {
          const { needId } = await awardedNeed(w.parties.buyerX.actor, w.parties);
          const { recordContract } = await import("#app/modules/needs/delivery.server.ts");
          await recordContract(w.parties.buyerX.actor, needId, { value: 450_000, periodStart: new Date(Date.UTC(2026, 0, 1)), periodEnd: new Date(Date.UTC(2026, 5, 30)) });
          return {
            path: `/workspace/needs/${needId}/contract`,
            fields: form("complete", { acceptanceResult: "PASSED", acceptanceNote: "按合同完成全部服务", rating: "5", review: "服务细致，老人满意" }),
          };
        },
        expect: X_ONLY,
      },
    ],
  },
  {
    route: "routes/needs",
    get: [
      { path: () => "/needs", expect: PUBLIC },
      { label: "a search", path: () => "/needs?q=助餐&district=310104&page=2", expect: PUBLIC },
    ],
  },
  // ── matching (issue 6) ──
  {
    route: "routes/workspace.needs.$needId/matches",
    get: [
      { path: (w) => `/workspace/needs/${w.needs.open}/matches`, expect: X_ONLY },
      { label: "with filters", path: (w) => `/workspace/needs/${w.needs.draft}/matches?district=310104&kind=SOCIAL_SERVICE&grade=3`, expect: X_ONLY },
    ],
    post: [
      {
        intent: "(invite)",
        prepare: async (w) => ({ path: `/workspace/needs/${await xNeed(w)}/matches`, fields: form(null, { orgId: w.orgA.id, message: "欢迎投标" }) }),
        expect: X_ONLY,
      },
    ],
  },
  { route: "routes/workspace.needs.eligible-count", get: [{ path: () => "/workspace/needs/eligible-count?minGrade=3&crossDistrict=true", expect: BUYER_ONLY }] },
  { route: "routes/workspace.recommended", get: [{ path: () => "/workspace/recommended", expect: ORG_ONLY }] },
  {
    route: "routes/workspace.searches",
    get: [{ path: () => "/workspace/searches", expect: USERS }],
    post: [
      { intent: "save", prepare: () => ({ path: "/workspace/searches", fields: form("save", { search: "?q=助餐&district=310104" }) }), expect: USERS },
      ...(["alerts-on", "alerts-off", "delete"] as const).map((intent) => ({
        intent,
        // Each role acts on a saved search of its own (a visitor on A's).
        prepare: async (w: World, role: Role) => {
          const owner = role === "anonymous" ? "orgA" : role;
          const saved = await saveSearch(w.parties[owner].actor, { search: `q=养老${next()}` });
          return { path: "/workspace/searches", fields: form(intent, { id: saved.id }) };
        },
        expect: USERS,
      })),
      {
        intent: "delete",
        // Someone else's saved search: only its owner may touch it; the others are told it does not exist.
        prepare: async (w: World) => {
          const saved = await saveSearch(w.parties.orgA.actor, { search: `q=助残${next()}` });
          return { path: "/workspace/searches", fields: form("delete", { id: saved.id }) };
        },
        expect: with_(A_ONLY, { buyerX: "notFound", buyerY: "notFound", admin: "notFound" }),
      },
    ],
  },
  {
    route: "routes/alerts.unsubscribe.$token",
    note: "The token in the e-mailed link is the authority: no log-in needed, and an unknown token changes nothing.",
    get: [{ path: () => "/alerts/unsubscribe/no-such-token", expect: PUBLIC }],
    post: [
      {
        intent: "(unsubscribe)",
        prepare: async (w) => {
          const saved = await saveSearch(w.parties.orgA.actor, { search: `q=助餐${next()}` });
          const { unsubscribeToken } = await prisma.savedSearch.findUniqueOrThrow({ where: { id: saved.id }, select: { unsubscribeToken: true } });
          return { path: `/alerts/unsubscribe/${unsubscribeToken}`, fields: [] };
        },
        expect: PUBLIC,
      },
    ],
  },
  { route: "routes/orgs", get: [{ path: () => "/orgs?q=服务", expect: PUBLIC }] },
  { route: "routes/api.v1.search.suggest", get: [{ path: () => "/api/v1/search/suggest?scope=needs&q=助餐", expect: PUBLIC }] },
  {
    route: "routes/not-found",
    get: [{ path: () => "/no-such-page", expect: all("notFound") }],
    post: [{ intent: "(any)", prepare: () => ({ path: "/no-such-page", fields: [] }), expect: all("notFound") }],
  },
];

export { signedIn, all, with_ };
