// Saved searches and alerts (docs/decisions/014-matching.md, "Alerts").
//
// - Any signed-in user saves a /needs search (its words and filters). Publishing a need writes an `alerts.need`
//   outbox row in the publishing transaction; whichever instance claims it (SELECT … FOR UPDATE SKIP LOCKED, the
//   outbox worker) runs every saved search against that one need on the search index.
// - A match is one `SavedSearchHit` row (unique per search and need): only a newly inserted row notifies, so a
//   retried or repeated job never alerts twice. The in-app notification is keyed per user and need, so one need
//   matching several of a user's searches is one notification. Organization users are only alerted to needs their
//   organization is eligible for (the same rule as recommendations).
// - Once a day (after 08:00 Shanghai) the hits not yet e-mailed are claimed with FOR UPDATE SKIP LOCKED, marked, and
//   handed to the outbox as one `alerts.digest` row per user; its handler sends one e-mail in the user's language with
//   an unsubscribe link per search (a token: no log-in needed).
import { randomBytes } from "node:crypto";
import { prisma } from "#app/db.server.ts";
import { isLocale, translate, type MessageKey, type MessageVars } from "#app/i18n/index.ts";
import { assertPermission, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { checkEligibility } from "#app/modules/bids/eligibility.ts";
import { NEED_RULES_SELECT, ORG_SNAPSHOT_SELECT, toNeedRules, toOrgSnapshot } from "#app/modules/bids/eligibility.server.ts";
import { sendMail } from "#app/modules/notify/mailer.server.ts";
import { notify } from "#app/modules/notify/notifications.server.ts";
import { publicUrl } from "#app/modules/notify/email-worker.server.ts";
import { enqueueMany } from "#app/modules/outbox/outbox.server.ts";
import { registerOutboxHandler } from "#app/modules/outbox/worker.server.ts";
import { f, getSearch, loadFacetReference, needFilterParts, parseNeedSearchParams, prepareQuery } from "#app/modules/search/index.server.ts";

export const MAX_SAVED_SEARCHES = 20;
/** The daily digest goes out after this hour, Shanghai time. */
export const DIGEST_HOUR = 8;
const SHANGHAI = 8 * 3600_000;
const DAY = 86_400_000;

export type SavedFilters = { district: string[]; street: string[]; tag: number[]; catalog: number[]; budget: string[]; cross: boolean };

/** The part of a /needs URL that a saved search keeps (not the page, sort, phase or deadline window). */
export function savedSearchFromQuery(search: string): { query: string; filters: SavedFilters } {
  const { value } = parseNeedSearchParams(new URLSearchParams(search));
  return { query: value.q, filters: { district: value.district, street: value.street, tag: value.tag, catalog: value.catalog, budget: value.budget, cross: value.cross } };
}

function readFilters(json: unknown): SavedFilters {
  const value = (json ?? {}) as Partial<SavedFilters>;
  const list = <T,>(items: unknown, check: (x: unknown) => x is T): T[] => (Array.isArray(items) ? items.filter(check) : []);
  const isString = (x: unknown): x is string => typeof x === "string";
  const isNumber = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);
  return {
    district: list(value.district, isString),
    street: list(value.street, isString),
    tag: list(value.tag, isNumber),
    catalog: list(value.catalog, isNumber),
    budget: list(value.budget, isString),
    cross: value.cross === true,
  };
}

export function savedSearchHref(search: { query: string; filters: unknown }) {
  const filters = readFilters(search.filters);
  const params = new URLSearchParams();
  if (search.query) params.set("q", search.query);
  for (const key of ["district", "street", "tag", "catalog", "budget"] as const) for (const value of filters[key]) params.append(key, String(value));
  if (filters.cross) params.set("cross", "1");
  const query = params.toString();
  return query ? `/needs?${query}` : "/needs";
}

function requireSignedIn(actor: Actor) {
  assertPermission(actor.type === "user");
  return actor;
}

/** A default name: the words, else the chosen tags and districts, else "all open needs". */
async function defaultName(query: string, filters: SavedFilters) {
  if (query) return query.slice(0, 60);
  const ref = await loadFacetReference();
  const parts = [
    ...filters.tag.map((id) => ref.tags.get(id)?.nameZh).filter(Boolean),
    ...filters.district.map((code) => ref.districts.find((d) => d.code === code)?.name).filter(Boolean),
  ] as string[];
  return parts.length > 0 ? parts.join("、").slice(0, 60) : translate("zh", "matching.saved.allNeeds");
}

export async function saveSearch(actor: Actor, input: { search: string; name?: string }) {
  const user = requireSignedIn(actor);
  const { query, filters } = savedSearchFromQuery(input.search);
  const count = await prisma.savedSearch.count({ where: { userId: user.userId } });
  if (count >= MAX_SAVED_SEARCHES) throw new ServiceError(422, "matching.saved.limit", { max: MAX_SAVED_SEARCHES });
  const name = input.name?.trim() || (await defaultName(query, filters));
  const saved = await prisma.savedSearch.create({
    data: { userId: user.userId, scope: "NEEDS", name, query, filters, unsubscribeToken: randomBytes(24).toString("base64url") },
    select: { id: true, name: true },
  });
  return saved;
}

export async function listSavedSearches(actor: Actor) {
  const user = requireSignedIn(actor);
  const rows = await prisma.savedSearch.findMany({
    where: { userId: user.userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, query: true, filters: true, alertsEnabled: true, createdAt: true, _count: { select: { hits: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, href: savedSearchHref(row), hits: _count.hits }));
}

export async function setSavedSearchAlerts(actor: Actor, id: number, enabled: boolean) {
  const user = requireSignedIn(actor);
  const { count } = await prisma.savedSearch.updateMany({ where: { id, userId: user.userId }, data: { alertsEnabled: enabled } });
  if (count === 0) throw new ServiceError(404, "matching.saved.notFound");
}

export async function deleteSavedSearch(actor: Actor, id: number) {
  const user = requireSignedIn(actor);
  const { count } = await prisma.savedSearch.deleteMany({ where: { id, userId: user.userId } });
  if (count === 0) throw new ServiceError(404, "matching.saved.notFound");
}

/** The saved search an unsubscribe link names (no log-in: the token is the permission). */
export async function findByUnsubscribeToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  return prisma.savedSearch.findUnique({ where: { unsubscribeToken: token }, select: { id: true, name: true, alertsEnabled: true } });
}

export async function unsubscribeByToken(token: string) {
  const saved = await findByUnsubscribeToken(token);
  if (!saved) throw new ServiceError(404, "matching.unsubscribe.invalid");
  await prisma.savedSearch.update({ where: { id: saved.id }, data: { alertsEnabled: false } });
  return { name: saved.name, wasEnabled: saved.alertsEnabled };
}

// ───────────────────────────── matching new needs against saved searches ─────────────────────────────

/** Runs every saved search with alerts on against one newly published need; returns how many new hits it made. */
export async function processNeedAlerts(needId: number, at = new Date()): Promise<number> {
  const search = getSearch();
  await search.syncNow();
  const need = await prisma.need.findFirst({ where: { id: needId, status: "PUBLISHED" }, select: { id: true, title: true, ...NEED_RULES_SELECT } });
  if (!need || (need.bidDeadline && need.bidDeadline.getTime() <= at.getTime())) return 0;
  const rules = toNeedRules(need);
  const ref = await loadFacetReference();
  const saved = await prisma.savedSearch.findMany({
    where: { alertsEnabled: true, scope: "NEEDS", user: { status: "ACTIVE" } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, query: true, filters: true, userId: true, user: { select: { orgId: true, role: true } } },
  });
  const matched: typeof saved = [];
  for (let i = 0; i < saved.length; i += 100) {
    const chunk = saved.slice(i, i + 100);
    const responses = await search.engine.needs.multiSearch(
      chunk.map((s) => {
        const parts = needFilterParts({ ...readFilters(s.filters), phase: ["all"], deadline: null }, ref, at.getTime());
        return { q: prepareQuery(s.query).q, filter: f.and(...parts.values(), f.eq("id", needId)), limit: 0 };
      }),
    );
    chunk.forEach((s, k) => responses[k].totalHits > 0 && matched.push(s));
  }
  // Organization users hear only about needs their organization may bid on.
  const orgIds = [...new Set(matched.map((s) => (s.user.role === "ORG" ? s.user.orgId : null)).filter((id): id is number => id !== null))];
  const orgs = await prisma.organization.findMany({ where: { id: { in: orgIds } }, select: ORG_SNAPSHOT_SELECT });
  const eligibleOrgs = new Set(orgs.filter((org) => checkEligibility(toOrgSnapshot(org), rules, at).length === 0).map((org) => org.id));
  const wanted = matched.filter((s) => s.user.role !== "ORG" || (s.user.orgId !== null && eligibleOrgs.has(s.user.orgId)));
  if (wanted.length === 0) return 0;

  return prisma.$transaction(async (tx) => {
    const created = await tx.savedSearchHit.createManyAndReturn({
      data: wanted.map((s) => ({ savedSearchId: s.id, needId })),
      skipDuplicates: true,
      select: { savedSearchId: true },
    });
    const fresh = new Set(created.map((hit) => hit.savedSearchId));
    for (const s of wanted) {
      if (!fresh.has(s.id)) continue;
      await notify(tx, {
        userIds: [s.userId],
        kind: "alert.match",
        titleKey: "matching.alert.title",
        vars: { search: s.name, title: need.title },
        link: `/needs/${needId}`,
        // One notification per user and need, however many of the user's searches match it.
        dedupeKey: `alert.need:${needId}`,
        // The e-mail is the daily digest, not one message per need.
        email: false,
      });
    }
    return created.length;
  });
}

// ───────────────────────────── the daily digest ─────────────────────────────

/** The latest digest time (DIGEST_HOUR Shanghai) at or before `now`. */
export function digestCutoff(now: Date): Date {
  const local = now.getTime() + SHANGHAI;
  const dayStart = Math.floor(local / DAY) * DAY;
  let cutoff = dayStart + DIGEST_HOUR * 3600_000;
  if (cutoff > local) cutoff -= DAY;
  return new Date(cutoff - SHANGHAI);
}

type ClaimedHit = { savedSearchId: number; needId: number; userId: number };

/**
 * Claims the hits made before today's digest time that were not e-mailed yet, marks them, and queues one digest
 * e-mail per user. Safe on several instances: rows are claimed with FOR UPDATE SKIP LOCKED in one transaction.
 */
export async function runAlertDigests(now = new Date()): Promise<number> {
  const cutoff = digestCutoff(now);
  let total = 0;
  for (;;) {
    const claimed = await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<ClaimedHit[]>`
        SELECT h."savedSearchId", h."needId", s."userId"
        FROM "SavedSearchHit" h JOIN "SavedSearch" s ON s.id = h."savedSearchId"
        WHERE h."emailedAt" IS NULL AND h."createdAt" <= ${cutoff}
        ORDER BY h."createdAt", h."savedSearchId", h."needId"
        LIMIT 1000
        FOR UPDATE OF h SKIP LOCKED`;
      if (rows.length === 0) return 0;
      await tx.$executeRaw`
        UPDATE "SavedSearchHit" SET "emailedAt" = ${now}
        WHERE ("savedSearchId", "needId") IN (SELECT * FROM unnest(${rows.map((r) => r.savedSearchId)}::int[], ${rows.map((r) => r.needId)}::int[]))`;
      const byUser = new Map<number, [number, number][]>();
      for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), [row.savedSearchId, row.needId]]);
      await enqueueMany(
        tx,
        [...byUser].map(([userId, hits]) => ({ topic: "alerts.digest" as const, key: `user:${userId}`, payload: { userId, hits } })),
      );
      return rows.length;
    });
    total += claimed;
    if (claimed < 1000) return total;
  }
}

/** Sends one user's digest e-mail (the `alerts.digest` outbox handler). */
export async function sendDigest(payload: { userId?: unknown; hits?: unknown }) {
  if (typeof payload.userId !== "number" || !Array.isArray(payload.hits)) return;
  const hits = (payload.hits as unknown[]).filter((hit): hit is [number, number] => Array.isArray(hit) && hit.length === 2 && hit.every(Number.isInteger));
  const user = await prisma.user.findUnique({ where: { id: payload.userId }, select: { email: true, locale: true, status: true, displayName: true, emailDigest: true } });
  if (!user || user.status !== "ACTIVE" || !user.emailDigest || hits.length === 0) return;
  const [searches, needs] = await Promise.all([
    prisma.savedSearch.findMany({ where: { id: { in: [...new Set(hits.map((h) => h[0]))] }, userId: payload.userId, alertsEnabled: true }, select: { id: true, name: true, unsubscribeToken: true } }),
    prisma.need.findMany({ where: { id: { in: [...new Set(hits.map((h) => h[1]))] }, status: { not: "DRAFT" } }, select: { id: true, title: true } }),
  ]);
  const titles = new Map(needs.map((n) => [n.id, n.title]));
  const locale = isLocale(user.locale) ? user.locale : "zh";
  const t = (key: MessageKey, vars?: MessageVars) => translate(locale, key, vars);
  const lines: string[] = [t("mail.greeting", { name: user.displayName }), "", t("matching.digest.intro")];
  let count = 0;
  const listed = new Set<number>();
  for (const s of searches) {
    const needIds = hits.filter((h) => h[0] === s.id && titles.has(h[1])).map((h) => h[1]);
    if (needIds.length === 0) continue;
    lines.push("", t("matching.digest.search", { name: s.name }));
    for (const needId of needIds) {
      lines.push(`- ${titles.get(needId)}  ${publicUrl(`/needs/${needId}`)}`);
      if (!listed.has(needId)) count++;
      listed.add(needId);
    }
    lines.push(`  ${t("matching.digest.unsubscribe", { name: s.name })} ${publicUrl(`/alerts/unsubscribe/${s.unsubscribeToken}`)}`);
  }
  if (count === 0) return;
  lines.push("", t("matching.digest.manage"), publicUrl("/workspace/searches"), "", "—", t("mail.footer"));
  const first = searches[0];
  await sendMail({
    to: user.email,
    subject: `【${t("app.shortName")}】${t("matching.digest.subject", { count })}`,
    text: lines.join("\n"),
    headers: first ? { "List-Unsubscribe": `<${publicUrl(`/alerts/unsubscribe/${first.unsubscribeToken}`)}>` } : undefined,
  });
}

export function registerAlertHandlers() {
  registerOutboxHandler("alerts.need", async (row) => {
    const needId = Number(row.key);
    if (Number.isInteger(needId) && needId > 0) await processNeedAlerts(needId);
  });
  registerOutboxHandler("alerts.digest", async (row) => sendDigest((row.payload ?? {}) as { userId?: unknown; hits?: unknown }));
}
