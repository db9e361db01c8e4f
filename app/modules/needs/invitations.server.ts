// Invitations (邀请投标): a buyer invites organizations to bid. For now the buyer finds them by name or identifier;
// the matching engine will add a ranked list of qualified organizations. Only organizations that meet the need's
// rules can be invited — inviting one that could not bid would only disappoint it.
import { prisma } from "#app/db.server.ts";
import { requireBuyerActor, requireOrgActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { checkEligibility } from "#app/modules/bids/eligibility.ts";
import { NEED_RULES_SELECT, ORG_SNAPSHOT_SELECT, toNeedRules, toOrgSnapshot } from "#app/modules/bids/eligibility.server.ts";
import { notify, orgUserIds } from "#app/modules/notify/notifications.server.ts";
import { normalizeUscc } from "#app/modules/orgs/uscc.ts";
import { dbNow, isUniqueViolation, lockNeed, transaction } from "./db.server.ts";

async function ownNeed(actor: Actor, needId: number) {
  const buyer = requireBuyerActor(actor);
  const need = await prisma.need.findFirst({
    where: { id: needId, buyerUnitId: buyer.buyerUnitId },
    select: { id: true, title: true, status: true, method: true, ...NEED_RULES_SELECT },
  });
  if (!need) throw new ServiceError(404, "needs.notFound");
  return { buyer, need };
}

export function canInvite(need: { status: string; bidDeadline: Date | null }, now: Date) {
  return need.status === "DRAFT" || (need.status === "PUBLISHED" && need.bidDeadline !== null && need.bidDeadline.getTime() > now.getTime());
}

/** The invitations of a need, and (when `q` is given) verified organizations matching a name or identifier. */
export async function getInvitations(actor: Actor, needId: number, q = "") {
  const { need } = await ownNeed(actor, needId);
  const now = await dbNow();
  const invitations = await prisma.invitation.findMany({
    where: { needId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      message: true,
      createdAt: true,
      seenAt: true,
      org: { select: { id: true, name: true, kind: true, gradeLevel: true, district: { select: { name: true, nameEn: true } } } },
    },
  });
  const query = q.normalize("NFKC").trim();
  let results: {
    id: number;
    name: string;
    kind: string;
    gradeLevel: number | null;
    uscc: string | null;
    filingNo: string | null;
    district: { name: string; nameEn: string };
    invited: boolean;
    failures: ReturnType<typeof checkEligibility>;
  }[] = [];
  if (query.length >= 2) {
    const identifier = normalizeUscc(query);
    const orgs = await prisma.organization.findMany({
      where: {
        status: "VERIFIED",
        OR: [{ name: { contains: query, mode: "insensitive" } }, { uscc: identifier }, { filingNo: query.replace(/\s+/g, "").toUpperCase() }],
      },
      orderBy: [{ name: "asc" }],
      take: 20,
      select: { ...ORG_SNAPSHOT_SELECT, uscc: true, filingNo: true, district: { select: { name: true, nameEn: true } } },
    });
    const invitedIds = new Set(invitations.map((i) => i.org.id));
    const rules = toNeedRules(need);
    results = orgs.map((org) => ({
      id: org.id,
      name: org.name,
      kind: org.kind,
      gradeLevel: org.gradeLevel,
      uscc: org.uscc,
      filingNo: org.filingNo,
      district: org.district,
      invited: invitedIds.has(org.id),
      failures: checkEligibility(toOrgSnapshot(org), rules, now),
    }));
  }
  return { need: { id: need.id, title: need.title, status: need.status, method: need.method }, open: canInvite(need, now), invitations, results, q: query };
}

export async function inviteOrg(actor: Actor, needId: number, orgId: number, message: string) {
  const buyer = requireBuyerActor(actor);
  try {
    return await transaction(async (tx) => {
      if (!(await lockNeed(tx, needId))) throw new ServiceError(404, "needs.notFound");
      const need = await tx.need.findFirst({
        where: { id: needId, buyerUnitId: buyer.buyerUnitId },
        select: { id: true, title: true, status: true, ...NEED_RULES_SELECT },
      });
      if (!need) throw new ServiceError(404, "needs.notFound");
      const now = await dbNow(tx);
      if (!canInvite(need, now)) throw new ServiceError(409, "needs.invite.closed");
      const org = await tx.organization.findUnique({ where: { id: orgId }, select: ORG_SNAPSHOT_SELECT });
      if (!org || org.status !== "VERIFIED") throw new ServiceError(422, "needs.invite.unknownOrg");
      const failures = checkEligibility(toOrgSnapshot(org), toNeedRules(need), now);
      if (failures.length > 0) throw new ServiceError(422, "needs.invite.ineligible", { count: failures.length }, failures);
      if (await tx.invitation.count({ where: { needId, orgId } })) throw new ServiceError(409, "needs.invite.already");
      const invitation = await tx.invitation.create({
        data: { needId, orgId, invitedById: buyer.userId, message: message.trim(), createdAt: now },
        select: { id: true },
      });
      await recordAudit(tx, { actor, action: "need.invite", entityType: "Need", entityId: needId, after: { orgId, invitationId: invitation.id } });
      // A draft's invitations are announced when it is published (see publishNeed).
      if (need.status === "PUBLISHED") {
        await notify(tx, {
          userIds: await orgUserIds(tx, [orgId]),
          kind: "invitation",
          titleKey: "needs.notify.invited",
          vars: { title: need.title },
          body: message.trim(),
          link: `/needs/${needId}`,
          dedupeKey: `invitation:${invitation.id}`,
        });
      }
      return { invitationId: invitation.id, orgName: org.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError(409, "needs.invite.already");
    throw error;
  }
}

/** The organization's invitations (published needs only), newest first; opening the list marks them seen. */
export async function listMyInvitations(actor: Actor, { page = 1, pageSize = 20 }: { page?: number; pageSize?: number } = {}) {
  const member = requireOrgActor(actor);
  const where = { orgId: member.orgId, need: { status: { not: "DRAFT" as const } } };
  const [items, total, now] = await Promise.all([
    prisma.invitation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        message: true,
        createdAt: true,
        seenAt: true,
        need: {
          select: {
            id: true,
            title: true,
            status: true,
            budget: true,
            bidDeadline: true,
            buyerUnit: { select: { name: true } },
            bids: { where: { orgId: member.orgId }, select: { status: true } },
          },
        },
      },
    }),
    prisma.invitation.count({ where }),
    dbNow(),
  ]);
  const unseen = items.filter((i) => !i.seenAt).map((i) => i.id);
  if (unseen.length > 0) await prisma.invitation.updateMany({ where: { id: { in: unseen }, orgId: member.orgId }, data: { seenAt: now } });
  return {
    items: items.map(({ need: { bids, ...need }, ...invitation }) => ({ ...invitation, need, myBidStatus: bids[0]?.status ?? null })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    now,
  };
}
