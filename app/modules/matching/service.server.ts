// The matching services the pages and the CLI call: permission checks around the engine.
import type { OrgKind } from "#app/.server/prisma/enums.ts";
import { prisma } from "#app/db.server.ts";
import { assertPermission, isAdmin, isSystem, requireBuyerActor, requireOrgActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import type { NeedRules } from "#app/modules/bids/eligibility.ts";
import { dbNow } from "#app/modules/needs/db.server.ts";
import { canInvite } from "#app/modules/needs/invitations.server.ts";
import { countEligibleOrgs, matchNeedsForOrg, matchOrgsForNeed, NEED_SUBJECT_SELECT, reachAdviceForOrg, toNeedSubject, type OrgFilters } from "./engine.server.ts";

export const MATCH_PAGE_LIMITS = [20, 50, 100] as const;

/** The buyer's "匹配机构" tab: eligible organizations for one of the unit's needs (draft or published). */
export async function getNeedMatches(actor: Actor, needId: number, options: { filters?: OrgFilters; limit?: number; at?: Date } = {}) {
  const buyer = requireBuyerActor(actor);
  const need = await prisma.need.findFirst({
    where: { id: needId, buyerUnitId: buyer.buyerUnitId },
    select: { ...NEED_SUBJECT_SELECT, status: true, invitations: { select: { orgId: true } } },
  });
  if (!need) throw new ServiceError(404, "needs.notFound");
  const at = options.at ?? (await dbNow());
  const subject = toNeedSubject(need);
  const result = await matchOrgsForNeed(subject, { limit: options.limit ?? 20, filters: options.filters, at });
  const invited = new Set(need.invitations.map((i) => i.orgId));
  return {
    need: { id: need.id, title: need.title, status: need.status },
    open: canInvite(need, at),
    eligibleTotal: result.eligibleTotal,
    matched: result.matched,
    results: result.results.map((match) => ({ ...match, invited: invited.has(match.id) })),
  };
}

/** The live count on the posting form: how many organizations the rules being drafted admit. */
export async function countEligibleForRules(actor: Actor, rules: NeedRules) {
  requireBuyerActor(actor);
  const at = await dbNow();
  return countEligibleOrgs(rules, at);
}

/** The organization's "推荐项目": open needs it is eligible for, ranked, and what would widen its reach. */
export async function getRecommendations(actor: Actor, options: { limit?: number; at?: Date } = {}) {
  const member = requireOrgActor(actor);
  const at = options.at ?? (await dbNow());
  const org = await prisma.organization.findUnique({ where: { id: member.orgId }, select: { id: true, status: true, name: true } });
  if (!org) throw new ServiceError(404, "orgs.notFound");
  if (org.status !== "VERIFIED") return { verified: false as const, results: [], openEligible: 0, reach: null };
  const [matches, reach] = await Promise.all([matchNeedsForOrg(org.id, { limit: options.limit ?? 20, at }), reachAdviceForOrg(org.id, { at })]);
  return { verified: true as const, results: matches.results, openEligible: matches.matched, reach };
}

/** What would widen the organization's reach (shown on its profile page). */
export async function getReachAdvice(actor: Actor, options: { at?: Date } = {}) {
  const member = requireOrgActor(actor);
  const at = options.at ?? (await dbNow());
  return reachAdviceForOrg(member.orgId, { at });
}

export type { OrgFilters, OrgKind };

/** A need by id or externalId, ranked organizations for it: the `match` command (system and admin actors). */
export async function matchNeedByReference(actor: Actor, reference: string, options: { limit?: number; at?: Date } = {}) {
  assertPermission(isSystem(actor) || isAdmin(actor));
  const ref = reference.trim();
  const byId = /^\d{1,9}$/.test(ref) ? Number(ref) : null;
  const need =
    (byId !== null ? await prisma.need.findUnique({ where: { id: byId }, select: NEED_SUBJECT_SELECT }) : null) ??
    (await prisma.need.findUnique({ where: { externalId: ref }, select: NEED_SUBJECT_SELECT }));
  if (!need) throw new ServiceError(404, "needs.notFound");
  const at = options.at ?? (await dbNow());
  const result = await matchOrgsForNeed(toNeedSubject(need), { limit: options.limit ?? 20, at });
  return { need: { id: need.id, title: need.title }, ...result };
}
