// Verification by the civil affairs bureau: the queue, approve / reject with a reason the organization sees,
// suspend, reinstate, deregister, and the review of profile changes. Every decision is audited, tells search,
// and notifies the organization's staff.
import { searchText } from "#app/modules/db/text.ts";
import type { Prisma } from "#app/.server/prisma/client.ts";
import { prisma } from "#app/db.server.ts";
import { requireAdminActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { notify, orgUserIds } from "#app/modules/notify/notifications.server.ts";
import { enqueue } from "#app/modules/outbox/outbox.server.ts";
import { reviewColumns, type ChangeSet, type ReviewValues } from "./profile.server.ts";
import { ORG_STATUSES, VERIFICATION_TRANSITIONS, type OrgKindValue, type OrgStatusValue, type VerificationAction } from "./schemas.ts";
import { describeRegistrationAuthority, parseUscc } from "./uscc.ts";

const TX_OPTIONS = { timeout: 60_000, maxWait: 30_000 };
export const QUEUE_PAGE_SIZE = 20;

export type QueueFilters = {
  status?: OrgStatusValue | "ALL";
  districtCode?: string;
  kind?: OrgKindValue;
  q?: string;
  /** Only organizations whose code failed the check character (confirmed by them, to be checked by hand). */
  warning?: boolean;
  page?: number;
};

export async function listVerificationQueue(actor: Actor, filters: QueueFilters = {}) {
  requireAdminActor(actor);
  const status = filters.status ?? "PENDING";
  const page = Math.max(1, filters.page ?? 1);
  const q = searchText(filters.q);
  const where: Prisma.OrganizationWhereInput = {
    ...(status !== "ALL" ? { status } : {}),
    ...(filters.districtCode ? { districtCode: filters.districtCode } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.warning ? { usccWarning: { not: null } } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { uscc: { startsWith: q.toUpperCase() } },
            { filingNo: { startsWith: q.toUpperCase() } },
          ],
        }
      : {}),
  };
  // The pending queue is first come, first served; other lists show the latest changes first.
  const orderBy: Prisma.OrganizationOrderByWithRelationInput[] = status === "PENDING" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ updatedAt: "desc" }, { id: "desc" }];
  const [total, rows, statusCounts, pendingChanges, pendingBuyers] = await Promise.all([
    prisma.organization.count({ where }),
    prisma.organization.findMany({
      where,
      orderBy,
      skip: (page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        kind: true,
        uscc: true,
        filingNo: true,
        usccWarning: true,
        status: true,
        statusReason: true,
        createdAt: true,
        updatedAt: true,
        district: { select: { name: true, nameEn: true } },
        street: { select: { name: true } },
        _count: { select: { users: true, changeRequests: { where: { status: "PENDING" } } } },
      },
    }),
    prisma.organization.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.orgChangeRequest.count({ where: { status: "PENDING" } }),
    prisma.user.count({ where: { role: "BUYER", status: "PENDING" } }),
  ]);
  const counts = Object.fromEntries(ORG_STATUSES.map((s) => [s, 0])) as Record<OrgStatusValue, number>;
  for (const row of statusCounts) counts[row.status] = row._count._all;
  return {
    items: rows.map(({ _count, ...row }) => ({ ...row, userCount: _count.users, pendingChanges: _count.changeRequests })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    counts,
    pendingChanges,
    pendingBuyers,
  };
}

/** Everything an administrator needs to decide on one organization. */
export async function getOrgForReview(actor: Actor, orgId: number) {
  requireAdminActor(actor);
  const org = await prisma.organization.findUnique({
    where: { id: orgId },
    select: {
      id: true,
      name: true,
      kind: true,
      uscc: true,
      usccWarning: true,
      filingNo: true,
      isCommunityOrg: true,
      status: true,
      statusReason: true,
      verifiedAt: true,
      createdAt: true,
      updatedAt: true,
      address: true,
      foundedOn: true,
      gradeLevel: true,
      gradeValidUntil: true,
      taxExempt: true,
      preTaxDeduction: true,
      donationReceipts: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      description: true,
      district: { select: { name: true, nameEn: true } },
      street: { select: { name: true } },
      custodian: { select: { id: true, name: true } },
      users: { select: { id: true, displayName: true, email: true, phone: true, status: true, lastLoginAt: true } },
      changeRequests: {
        where: { status: "PENDING" },
        select: { id: true, changes: true, createdAt: true },
      },
    },
  });
  if (!org) throw new ServiceError(404, "orgs.notFound");
  const history = await prisma.auditLog.findMany({
    where: { entityType: "Organization", entityId: String(orgId) },
    orderBy: { id: "desc" },
    take: 30,
    select: { id: true, action: true, actorId: true, actorRole: true, reason: true, before: true, after: true, createdAt: true },
  });
  const actorIds = [...new Set(history.map((row) => row.actorId).filter((id): id is number => id !== null))];
  const actors = new Map(
    (await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  );
  const parsed = org.uscc ? parseUscc(org.uscc) : null;
  return {
    org: {
      ...org,
      changeRequests: org.changeRequests.map((request) => ({ ...request, changes: request.changes as ChangeSet })),
    },
    identifier: org.uscc
      ? {
          ok: parsed?.ok ?? false,
          expectedCheckChar: parsed && !parsed.ok ? (parsed.expected ?? null) : null,
          errorCode: parsed && !parsed.ok ? parsed.code : null,
          authority: /^\d{6}$/.test(org.uscc.slice(2, 8)) ? describeRegistrationAuthority(org.uscc.slice(2, 8)) : null,
        }
      : null,
    history: history.map((row) => ({ ...row, actorName: row.actorId !== null ? (actors.get(row.actorId) ?? null) : null })),
    actions: (Object.keys(VERIFICATION_TRANSITIONS) as VerificationAction[]).filter((action) =>
      VERIFICATION_TRANSITIONS[action].from.includes(org.status),
    ),
  };
}

const NOTIFY_KEYS: Record<VerificationAction, string> = {
  verify: "orgs.notify.verified",
  reject: "orgs.notify.rejected",
  suspend: "orgs.notify.suspended",
  reinstate: "orgs.notify.reinstated",
  deregister: "orgs.notify.deregistered",
};

/**
 * Moves an organization along the verification life cycle. Only administrators (the organization itself can
 * never verify itself); only from the states the action allows; a reason where the organization must be told why.
 */
export async function decideVerification(actor: Actor, orgId: number, action: VerificationAction, reason?: string, now = new Date()) {
  requireAdminActor(actor);
  const rule = VERIFICATION_TRANSITIONS[action];
  const text = reason?.trim() || null;
  if (rule.reasonRequired && !text) throw new ServiceError(422, "admin.verify.reasonRequired");
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${orgId} FOR UPDATE`;
    const org = await tx.organization.findUnique({ where: { id: orgId }, select: { id: true, name: true, status: true, statusReason: true } });
    if (!org) throw new ServiceError(404, "orgs.notFound");
    if (!rule.from.includes(org.status)) {
      throw new ServiceError(409, "admin.verify.wrongState", { status: `orgStatus.${org.status}`, action: `admin.verify.action.${action}` });
    }
    await tx.organization.update({
      where: { id: orgId },
      data: {
        status: rule.to,
        statusReason: rule.to === "VERIFIED" ? null : text,
        ...(action === "verify" ? { verifiedAt: now } : {}),
      },
    });
    await recordAudit(tx, {
      actor,
      action: `org.${action}`,
      entityType: "Organization",
      entityId: orgId,
      before: { status: org.status, statusReason: org.statusReason },
      after: { status: rule.to, statusReason: rule.to === "VERIFIED" ? null : text },
      reason: text,
    });
    await enqueue(tx, "search.org", orgId);
    await notify(tx, {
      userIds: await orgUserIds(tx, [orgId]),
      kind: `org.${action}`,
      titleKey: NOTIFY_KEYS[action],
      vars: { name: org.name },
      body: text ?? "",
      link: action === "verify" || action === "reinstate" ? `/orgs/${orgId}` : "/workspace/profile",
    });
    return { from: org.status, to: rule.to };
  }, TX_OPTIONS);
}

// ───────────────────────────── profile change requests ─────────────────────────────

export async function listPendingChangeRequests(actor: Actor) {
  requireAdminActor(actor);
  const rows = await prisma.orgChangeRequest.findMany({
    where: { status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 100,
    select: { id: true, changes: true, createdAt: true, org: { select: { id: true, name: true, status: true } } },
  });
  return rows.map((row) => ({ ...row, changes: row.changes as ChangeSet }));
}

export async function decideChangeRequest(actor: Actor, requestId: number, approve: boolean, reason?: string, now = new Date()) {
  requireAdminActor(actor);
  const text = reason?.trim() || null;
  if (!approve && !text) throw new ServiceError(422, "admin.verify.reasonRequired");
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "OrgChangeRequest" WHERE id = ${requestId} FOR UPDATE`;
    const request = await tx.orgChangeRequest.findUnique({
      where: { id: requestId },
      select: { id: true, orgId: true, status: true, changes: true, org: { select: { name: true } } },
    });
    if (!request) throw new ServiceError(404, "admin.changes.notFound");
    if (request.status !== "PENDING") throw new ServiceError(409, "admin.changes.decided");
    const changes = request.changes as ChangeSet;
    const reviewer = actor.type === "user" ? actor.userId : null;
    if (approve) {
      const values = Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change!.after])) as Partial<ReviewValues>;
      if (values.uscc && (await tx.organization.count({ where: { uscc: values.uscc, id: { not: request.orgId } } })) > 0) {
        throw new ServiceError(409, "orgs.uscc.taken");
      }
      if (values.filingNo && (await tx.organization.count({ where: { filingNo: values.filingNo, id: { not: request.orgId } } })) > 0) {
        throw new ServiceError(409, "orgs.filingNo.taken");
      }
      await tx.organization.update({ where: { id: request.orgId }, data: reviewColumns(values) });
      await enqueue(tx, "search.org", request.orgId);
    }
    await tx.orgChangeRequest.update({
      where: { id: requestId },
      data: { status: approve ? "APPROVED" : "REJECTED", reason: text, reviewedBy: reviewer, reviewedAt: now },
    });
    await recordAudit(tx, {
      actor,
      action: approve ? "org.change.approve" : "org.change.reject",
      entityType: "Organization",
      entityId: request.orgId,
      before: Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change!.before])),
      after: Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change!.after])),
      reason: text,
    });
    await notify(tx, {
      userIds: await orgUserIds(tx, [request.orgId]),
      kind: approve ? "org.change.approved" : "org.change.rejected",
      titleKey: approve ? "orgs.notify.changeApproved" : "orgs.notify.changeRejected",
      vars: { name: request.org.name },
      body: text ?? "",
      link: "/workspace/profile",
      dedupeKey: `org-change:${requestId}`,
    });
    return { orgId: request.orgId };
  }, TX_OPTIONS);
}

/** Districts for filters and pickers (reference data; public). */
export async function listDistricts() {
  return prisma.district.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, name: true, nameEn: true } });
}
