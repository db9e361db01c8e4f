// Buyer side of a need: drafts, publication, amendments (更正公告), cancellation and the unit's list. Every
// function takes the acting user, checks it is staff of the buying unit that owns the need (ownership is in the
// `where` clause), and makes its change, audit entry, search-index work and notifications in one transaction.
import type { Prisma } from "#app/.server/prisma/client.ts";
import type { NeedStatus } from "#app/.server/prisma/enums.ts";
import { prisma, type DbClient, type Tx } from "#app/db.server.ts";
import { requireBuyerActor, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { listActiveTaxonomy } from "#app/modules/tags/taxonomy.server.ts";
import { notify, orgUserIds } from "#app/modules/notify/notifications.server.ts";
import { enqueue } from "#app/modules/outbox/outbox.server.ts";
import { dbNow, lockNeed, transaction } from "./db.server.ts";
import { BUYER_TABS, type BuyerTab } from "./schemas.ts";
import {
  amendmentRefusal,
  changedFields,
  isMaterialChange,
  publishIssues,
  type NeedDraft,
  type NeedField,
  type PublishIssue,
} from "./rules.ts";

// ───────────────────────────── reading ─────────────────────────────

export const DRAFT_SELECT = {
  id: true,
  status: true,
  version: true,
  buyerUnitId: true,
  title: true,
  summary: true,
  description: true,
  catalogItemId: true,
  crossDistrict: true,
  crossDistrictReason: true,
  budget: true,
  method: true,
  minGrade: true,
  allowedKinds: true,
  requiredQualifications: true,
  minYearsRegistered: true,
  minSocialWorkers: true,
  communityPriority: true,
  enquiryDeadline: true,
  bidDeadline: true,
  servicePeriodStart: true,
  servicePeriodEnd: true,
  contactName: true,
  contactPhone: true,
  publishedAt: true,
  tags: { select: { tagId: true } },
  districts: { select: { districtCode: true } },
  streets: { select: { streetCode: true } },
  criteria: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, kind: true, weight: true, description: true } },
} satisfies Prisma.NeedSelect;

type StoredNeed = Prisma.NeedGetPayload<{ select: typeof DRAFT_SELECT }>;

export function needToDraft(need: StoredNeed): NeedDraft {
  return {
    title: need.title,
    summary: need.summary,
    description: need.description,
    catalogItemId: need.catalogItemId,
    tagIds: need.tags.map((t) => t.tagId),
    districtCodes: need.districts.map((d) => d.districtCode),
    streetCodes: need.streets.map((s) => s.streetCode),
    crossDistrict: need.crossDistrict,
    crossDistrictReason: need.crossDistrictReason ?? "",
    budget: need.budget,
    method: need.method,
    minGrade: need.minGrade,
    allowedKinds: need.allowedKinds,
    requiredQualifications: need.requiredQualifications,
    minYearsRegistered: need.minYearsRegistered,
    minSocialWorkers: need.minSocialWorkers,
    communityPriority: need.communityPriority,
    enquiryDeadline: need.enquiryDeadline,
    bidDeadline: need.bidDeadline,
    servicePeriodStart: need.servicePeriodStart,
    servicePeriodEnd: need.servicePeriodEnd,
    criteria: need.criteria.map((c) => ({ name: c.name, kind: c.kind, weight: c.weight, description: c.description })),
    contactName: need.contactName,
    contactPhone: need.contactPhone,
  };
}

/** A need of the actor's unit, or a 404 (another unit's need is simply not found). */
async function findOwnNeed(db: DbClient, actor: Actor, needId: number) {
  const buyer = requireBuyerActor(actor);
  const need = await db.need.findFirst({ where: { id: needId, buyerUnitId: buyer.buyerUnitId }, select: DRAFT_SELECT });
  if (!need) throw new ServiceError(404, "needs.notFound");
  return { buyer, need };
}

/** What the posting form offers: catalog items with their default tags and budget, the taxonomy, the districts. */
export async function getNeedFormOptions() {
  const [catalog, groups, districts] = await Promise.all([
    prisma.catalogItem.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        nameZh: true,
        nameEn: true,
        domain: true,
        description: true,
        budgetMin: true,
        budgetMax: true,
        tags: { select: { tagId: true } },
      },
    }),
    listActiveTaxonomy(),
    prisma.district.findMany({
      orderBy: { sortOrder: "asc" },
      select: {
        code: true,
        name: true,
        nameEn: true,
        streets: { orderBy: { sortOrder: "asc" }, select: { code: true, name: true, administrative: true } },
      },
    }),
  ]);
  return {
    catalog: catalog.map(({ tags, ...item }) => ({ ...item, tagIds: tags.map((t) => t.tagId) })),
    tagGroups: groups
      .filter((group) => group.tags.length > 0)
      .map((group) => ({ ...group, tags: group.tags.map(({ synonyms, ...tag }) => ({ ...tag, synonyms: synonyms.map((s) => s.term) })) })),
    districts,
  };
}

export type NeedFormOptions = Awaited<ReturnType<typeof getNeedFormOptions>>;

/** The stored need as form values, for the edit page. */
export async function getNeedForEdit(actor: Actor, needId: number) {
  const { need } = await findOwnNeed(prisma, actor, needId);
  if (need.status !== "DRAFT" && need.status !== "PUBLISHED") throw new ServiceError(409, "needs.edit.notEditable");
  const now = await dbNow();
  const open = need.status === "DRAFT" || (need.bidDeadline !== null && need.bidDeadline.getTime() > now.getTime());
  return { id: need.id, status: need.status, version: need.version, open, draft: needToDraft(need), now };
}

// ───────────────────────────── validation against the database ─────────────────────────────

/** Tags, catalog item, districts and streets must exist (and tags be active); streets must lie in the districts. */
async function checkReferences(db: DbClient, draft: NeedDraft) {
  if (draft.tagIds.length > 0) {
    const active = await db.tag.count({ where: { id: { in: draft.tagIds }, status: "ACTIVE" } });
    if (active !== draft.tagIds.length) throw new ServiceError(422, "needs.form.unknownTag");
  }
  if (draft.catalogItemId) {
    const item = await db.catalogItem.count({ where: { id: draft.catalogItemId, active: true } });
    if (!item) throw new ServiceError(422, "needs.form.unknownCatalog");
  }
  if (draft.districtCodes.length > 0) {
    const found = await db.district.count({ where: { code: { in: draft.districtCodes } } });
    if (found !== draft.districtCodes.length) throw new ServiceError(422, "needs.form.unknownDistrict");
  }
  if (draft.streetCodes.length > 0) {
    const streets = await db.street.findMany({ where: { code: { in: draft.streetCodes } }, select: { districtCode: true } });
    if (streets.length !== draft.streetCodes.length || streets.some((s) => !draft.districtCodes.includes(s.districtCode))) {
      throw new ServiceError(422, "needs.form.streetOutsideDistricts");
    }
  }
}

function publishError(issues: PublishIssue[]) {
  return new ServiceError(422, "needs.publish.incomplete", { count: issues.length }, issues);
}

function needColumns(draft: NeedDraft) {
  return {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    description: draft.description,
    catalogItemId: draft.catalogItemId,
    crossDistrict: draft.crossDistrict,
    crossDistrictReason: draft.crossDistrict ? null : draft.crossDistrictReason.trim() || null,
    budget: draft.budget,
    method: draft.method,
    minGrade: draft.minGrade,
    allowedKinds: draft.allowedKinds,
    requiredQualifications: draft.requiredQualifications,
    minYearsRegistered: draft.minYearsRegistered,
    minSocialWorkers: draft.minSocialWorkers,
    communityPriority: draft.communityPriority,
    enquiryDeadline: draft.enquiryDeadline,
    bidDeadline: draft.bidDeadline,
    servicePeriodStart: draft.servicePeriodStart,
    servicePeriodEnd: draft.servicePeriodEnd,
    contactName: draft.contactName.trim(),
    contactPhone: draft.contactPhone.trim(),
  };
}

async function writeRelations(tx: Tx, needId: number, draft: NeedDraft, replace: boolean) {
  if (replace) {
    await tx.needTag.deleteMany({ where: { needId } });
    await tx.needDistrict.deleteMany({ where: { needId } });
    await tx.needStreet.deleteMany({ where: { needId } });
    await tx.evaluationCriterion.deleteMany({ where: { needId } });
  }
  await tx.needTag.createMany({ data: draft.tagIds.map((tagId) => ({ needId, tagId })) });
  await tx.needDistrict.createMany({ data: draft.districtCodes.map((districtCode) => ({ needId, districtCode })) });
  await tx.needStreet.createMany({ data: draft.streetCodes.map((streetCode) => ({ needId, streetCode })) });
  await tx.evaluationCriterion.createMany({
    data: draft.criteria.map((c, sortOrder) => ({ needId, name: c.name.trim(), kind: c.kind, weight: c.weight, description: c.description.trim(), sortOrder })),
  });
}

/** What the audit log keeps of a need (the description is long; its length is enough to see it changed). */
function auditView(draft: NeedDraft) {
  return { ...draft, description: `(${draft.description.length} chars)` };
}

async function invitedCount(db: DbClient, needId: number) {
  return db.invitation.count({ where: { needId } });
}

// ───────────────────────────── drafts and publication ─────────────────────────────

/** Creates a need from the posting form: as a draft, or published at once when everything is there. */
export async function createNeed(actor: Actor, draft: NeedDraft, options: { publish: boolean }) {
  const buyer = requireBuyerActor(actor);
  await checkReferences(prisma, draft);
  return transaction(async (tx) => {
    const now = await dbNow(tx);
    if (options.publish) {
      const issues = publishIssues(draft, now, { invitedCount: 0 });
      if (issues.length > 0) throw publishError(issues);
    }
    const need = await tx.need.create({
      data: {
        ...needColumns(draft),
        buyerUnitId: buyer.buyerUnitId,
        createdById: buyer.userId,
        status: options.publish ? "PUBLISHED" : "DRAFT",
        publishedAt: options.publish ? now : null,
      },
      select: { id: true },
    });
    await writeRelations(tx, need.id, draft, false);
    await recordAudit(tx, { actor, action: "need.create", entityType: "Need", entityId: need.id, after: auditView(draft) });
    if (options.publish) {
      await recordAudit(tx, { actor, action: "need.publish", entityType: "Need", entityId: need.id, after: { status: "PUBLISHED" } });
      // Saved searches are run against the new need by the alerts worker (app/modules/matching/alerts.server.ts).
      await enqueue(tx, "alerts.need", need.id);
    }
    await enqueue(tx, "search.need", need.id);
    return { needId: need.id, published: options.publish };
  });
}

/** Saves a draft (and publishes it when asked and complete). Only drafts are edited in place. */
export async function updateDraft(actor: Actor, needId: number, draft: NeedDraft, options: { version?: number; publish: boolean }) {
  await findOwnNeed(prisma, actor, needId);
  await checkReferences(prisma, draft);
  return transaction(async (tx) => {
    await lockNeed(tx, needId);
    const { need } = await findOwnNeed(tx, actor, needId);
    if (need.status !== "DRAFT") throw new ServiceError(409, "needs.edit.notDraft");
    if (options.version !== undefined && options.version !== need.version) throw new ServiceError(409, "needs.edit.stale");
    const now = await dbNow(tx);
    if (options.publish) {
      const issues = publishIssues(draft, now, { invitedCount: await invitedCount(tx, needId) });
      if (issues.length > 0) throw publishError(issues);
    }
    await tx.need.update({
      where: { id: needId },
      data: {
        ...needColumns(draft),
        version: { increment: 1 },
        ...(options.publish ? { status: "PUBLISHED" as const, publishedAt: now } : {}),
      },
    });
    await writeRelations(tx, needId, draft, true);
    await recordAudit(tx, { actor, action: "need.update", entityType: "Need", entityId: needId, before: auditView(needToDraft(need)), after: auditView(draft) });
    if (options.publish) await afterPublish(tx, actor, needId, draft.title);
    await enqueue(tx, "search.need", needId);
    return { needId, published: options.publish };
  });
}

/** Publishes a stored draft; refuses with the list of what is missing. */
export async function publishNeed(actor: Actor, needId: number) {
  return transaction(async (tx) => {
    await lockNeed(tx, needId);
    const { need } = await findOwnNeed(tx, actor, needId);
    if (need.status !== "DRAFT") throw new ServiceError(409, "needs.edit.notDraft");
    const draft = needToDraft(need);
    const now = await dbNow(tx);
    await checkReferences(tx, draft);
    const issues = publishIssues(draft, now, { invitedCount: await invitedCount(tx, needId) });
    if (issues.length > 0) throw publishError(issues);
    await tx.need.update({ where: { id: needId }, data: { status: "PUBLISHED", publishedAt: now, version: { increment: 1 } } });
    await afterPublish(tx, actor, needId, need.title);
    await enqueue(tx, "search.need", needId);
    return { needId };
  });
}

/** Issues that still stop a stored draft from being published (shown on the manage page). */
export async function draftIssues(needId: number, draft: NeedDraft) {
  const [now, invited] = await Promise.all([dbNow(), invitedCount(prisma, needId)]);
  return publishIssues(draft, now, { invitedCount: invited });
}

async function afterPublish(tx: Tx, actor: Actor, needId: number, title: string) {
  await recordAudit(tx, { actor, action: "need.publish", entityType: "Need", entityId: needId, after: { status: "PUBLISHED" } });
  await enqueue(tx, "alerts.need", needId);
  // Organizations invited while the need was a draft hear about it now.
  const invited = await tx.invitation.findMany({ where: { needId }, select: { orgId: true } });
  await notify(tx, {
    userIds: await orgUserIds(tx, invited.map((i) => i.orgId)),
    kind: "invitation",
    titleKey: "needs.notify.invitedPublished",
    vars: { title },
    link: `/needs/${needId}`,
    dedupeKey: `need.published.invited:${needId}`,
  });
}

export async function deleteDraft(actor: Actor, needId: number) {
  return transaction(async (tx) => {
    await lockNeed(tx, needId);
    const { need } = await findOwnNeed(tx, actor, needId);
    if (need.status !== "DRAFT") throw new ServiceError(409, "needs.edit.notDraft");
    await tx.need.delete({ where: { id: needId } });
    await recordAudit(tx, { actor, action: "need.deleteDraft", entityType: "Need", entityId: needId, before: { title: need.title } });
    await enqueue(tx, "search.need", needId);
  });
}

// ───────────────────────────── amendments (更正公告) ─────────────────────────────

type DisplayValue = string | number | boolean | null | string[];
export type AmendmentChange = { field: NeedField; before: DisplayValue; after: DisplayValue };

/** Turns ids into names so the public amendment reads the same after tags or catalog items change later. */
async function displayChanges(db: DbClient, before: NeedDraft, after: NeedDraft, fields: NeedField[]): Promise<AmendmentChange[]> {
  const tagIds = [...new Set([...before.tagIds, ...after.tagIds])];
  const districtCodes = [...new Set([...before.districtCodes, ...after.districtCodes])];
  const streetCodes = [...new Set([...before.streetCodes, ...after.streetCodes])];
  const catalogIds = [before.catalogItemId, after.catalogItemId].filter((id): id is number => id !== null);
  const [tags, districts, streets, catalog] = await Promise.all([
    fields.includes("tagIds") ? db.tag.findMany({ where: { id: { in: tagIds } }, select: { id: true, nameZh: true } }) : [],
    fields.includes("districtCodes") ? db.district.findMany({ where: { code: { in: districtCodes } }, select: { code: true, name: true } }) : [],
    fields.includes("streetCodes") ? db.street.findMany({ where: { code: { in: streetCodes } }, select: { code: true, name: true } }) : [],
    fields.includes("catalogItemId") ? db.catalogItem.findMany({ where: { id: { in: catalogIds } }, select: { id: true, nameZh: true } }) : [],
  ]);
  const tagName = new Map(tags.map((t) => [t.id, t.nameZh]));
  const districtName = new Map(districts.map((d) => [d.code, d.name]));
  const streetName = new Map(streets.map((s) => [s.code, s.name]));
  const catalogName = new Map(catalog.map((c) => [c.id, c.nameZh]));
  const show = (field: NeedField, draft: NeedDraft): DisplayValue => {
    const value = draft[field];
    switch (field) {
      case "tagIds":
        return draft.tagIds.map((id) => tagName.get(id) ?? String(id));
      case "districtCodes":
        return draft.districtCodes.map((code) => districtName.get(code) ?? code);
      case "streetCodes":
        return draft.streetCodes.map((code) => streetName.get(code) ?? code);
      case "catalogItemId":
        return draft.catalogItemId ? (catalogName.get(draft.catalogItemId) ?? String(draft.catalogItemId)) : null;
      case "criteria":
        return draft.criteria.map((c) => `${c.name}（${c.weight}%）`);
      default:
        if (value instanceof Date) return value.toISOString();
        if (Array.isArray(value)) return value.map(String);
        return value as DisplayValue;
    }
  };
  return fields.map((field) => ({ field, before: show(field, before), after: show(field, after) }));
}

/** Users to tell about a need: organizations that bid (live bids), asked, saved it, or were invited. */
export async function interestedUserIds(
  db: DbClient,
  needId: number,
  who: { bidders?: boolean; askers?: boolean; savers?: boolean; invited?: boolean },
) {
  const [bids, enquiries, saved, invitations] = await Promise.all([
    who.bidders ? db.bid.findMany({ where: { needId, status: { not: "WITHDRAWN" } }, select: { orgId: true } }) : [],
    who.askers ? db.enquiry.findMany({ where: { needId }, select: { askedById: true, orgId: true } }) : [],
    who.savers ? db.savedNeed.findMany({ where: { needId }, select: { userId: true } }) : [],
    who.invited ? db.invitation.findMany({ where: { needId }, select: { orgId: true } }) : [],
  ]);
  const orgUsers = await orgUserIds(db, [...new Set([...bids.map((b) => b.orgId), ...invitations.map((i) => i.orgId)])]);
  return [
    ...new Set([
      ...orgUsers,
      ...enquiries.map((e) => e.askedById).filter((id): id is number => id !== null),
      ...saved.map((s) => s.userId),
    ]),
  ];
}

/**
 * Edits a published need: the change is published as a dated amendment (field, before, after) and everyone who
 * bid, asked, saved or was invited is told. Refused after the bid deadline, and for material changes within the
 * minimum notice unless the deadline moves out with them.
 */
export async function amendNeed(actor: Actor, needId: number, draft: NeedDraft, options: { version?: number; summary: string }) {
  await findOwnNeed(prisma, actor, needId);
  await checkReferences(prisma, draft);
  const summary = options.summary.trim();
  if (summary.length < 4) throw new ServiceError(422, "needs.amend.summaryRequired");
  return transaction(async (tx) => {
    await lockNeed(tx, needId);
    const { buyer, need } = await findOwnNeed(tx, actor, needId);
    if (need.status !== "PUBLISHED") throw new ServiceError(409, "needs.edit.notEditable");
    if (options.version !== undefined && options.version !== need.version) throw new ServiceError(409, "needs.edit.stale");
    const now = await dbNow(tx);
    if (!need.bidDeadline || need.bidDeadline.getTime() <= now.getTime()) throw new ServiceError(409, "needs.amend.closed");
    const before = needToDraft(need);
    const refusal = amendmentRefusal(before, draft, now);
    if (refusal) throw new ServiceError(422, refusal.key, "vars" in refusal ? refusal.vars : undefined);
    const issues = publishIssues(draft, now, { invitedCount: await invitedCount(tx, needId), publishedEnquiryDeadline: need.enquiryDeadline });
    if (issues.length > 0) throw publishError(issues);

    const fields = changedFields(before, draft);
    const material = isMaterialChange(fields);
    await tx.need.update({ where: { id: needId }, data: { ...needColumns(draft), version: { increment: 1 } } });
    await writeRelations(tx, needId, draft, true);
    const changes = await displayChanges(tx, before, draft, fields);
    const amendment = await tx.needAmendment.create({
      data: { needId, authorId: buyer.userId, summary, changes: changes as unknown as Prisma.InputJsonValue, material, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "need.amend",
      entityType: "Need",
      entityId: needId,
      before: auditView(before),
      after: auditView(draft),
      reason: summary,
    });
    await notify(tx, {
      userIds: await interestedUserIds(tx, needId, { bidders: true, askers: true, savers: true, invited: true }),
      kind: "need.amended",
      titleKey: "needs.notify.amended",
      vars: { title: draft.title },
      body: summary,
      link: `/needs/${needId}#amendments`,
      dedupeKey: `need.amended:${amendment.id}`,
    });
    await enqueue(tx, "search.need", needId);
    return { needId, amendmentId: amendment.id, material, fields };
  });
}

// ───────────────────────────── ending a need without an award ─────────────────────────────

async function endWithoutAward(actor: Actor, needId: number, reason: string, outcome: "CANCELLED" | "UNSUCCESSFUL") {
  const text = reason.trim();
  if (text.length < 5) throw new ServiceError(422, "needs.end.reasonRequired");
  return transaction(async (tx) => {
    await lockNeed(tx, needId);
    const { need } = await findOwnNeed(tx, actor, needId);
    const now = await dbNow(tx);
    const closed = need.bidDeadline !== null && need.bidDeadline.getTime() <= now.getTime();
    const allowed: NeedStatus[] = ["PUBLISHED", "EVALUATING"];
    if (!allowed.includes(need.status)) throw new ServiceError(409, "needs.end.notAllowed");
    // "Unsuccessful" (采购失败) is a result of the bidding: only after the deadline. Cancelling is possible any time before an award.
    if (outcome === "UNSUCCESSFUL" && !closed) throw new ServiceError(409, "needs.end.beforeDeadline");
    await tx.need.update({ where: { id: needId }, data: { status: outcome, statusReason: text, closedAt: now, version: { increment: 1 } } });
    const bids = await tx.bid.findMany({ where: { needId, status: "SUBMITTED" }, select: { id: true, orgId: true } });
    await tx.bid.updateMany({ where: { needId, status: "SUBMITTED" }, data: { status: "NOT_AWARDED" } });
    await recordAudit(tx, {
      actor,
      action: outcome === "CANCELLED" ? "need.cancel" : "need.unsuccessful",
      entityType: "Need",
      entityId: needId,
      before: { status: need.status },
      after: { status: outcome, bidsClosed: bids.length },
      reason: text,
    });
    const titleKey = outcome === "CANCELLED" ? "needs.notify.cancelled" : "needs.notify.unsuccessful";
    // Each bidder hears the outcome of its own bid; savers and invited organizations hear it too.
    const told = new Set<number>();
    for (const bid of bids) {
      const userIds = await orgUserIds(tx, [bid.orgId]);
      userIds.forEach((id) => told.add(id));
      await notify(tx, {
        userIds,
        kind: "bid.outcome",
        titleKey,
        vars: { title: need.title },
        body: text,
        link: "/workspace/bids",
        dedupeKey: `bid.outcome:${bid.id}`,
      });
    }
    await notify(tx, {
      userIds: (await interestedUserIds(tx, needId, { savers: true, invited: true })).filter((id) => !told.has(id)),
      kind: "need.status",
      titleKey,
      vars: { title: need.title },
      body: text,
      link: `/needs/${needId}`,
      dedupeKey: `need.${outcome.toLowerCase()}:${needId}`,
    });
    await enqueue(tx, "search.need", needId);
    return { needId, status: outcome };
  });
}

export function cancelNeed(actor: Actor, needId: number, reason: string) {
  return endWithoutAward(actor, needId, reason, "CANCELLED");
}

export function declareUnsuccessful(actor: Actor, needId: number, reason: string) {
  return endWithoutAward(actor, needId, reason, "UNSUCCESSFUL");
}

// ───────────────────────────── the unit's list ─────────────────────────────


function tabWhere(tab: BuyerTab, now: Date): Prisma.NeedWhereInput {
  switch (tab) {
    case "draft":
      return { status: "DRAFT" };
    case "open":
      return { status: "PUBLISHED", bidDeadline: { gt: now } };
    case "evaluate":
      return { OR: [{ status: "EVALUATING" }, { status: "PUBLISHED", OR: [{ bidDeadline: { lte: now } }, { bidDeadline: null }] }] };
    case "delivery":
      return { status: { in: ["AWARDED", "IN_DELIVERY"] } };
    case "done":
      return { status: { in: ["COMPLETED", "CANCELLED", "UNSUCCESSFUL"] } };
  }
}

/** The unit's needs by stage, with counts only (never bid content). */
export async function listBuyerNeeds(actor: Actor, { tab, page = 1, pageSize = 20 }: { tab: BuyerTab; page?: number; pageSize?: number }) {
  const buyer = requireBuyerActor(actor);
  const now = await dbNow();
  const own = { buyerUnitId: buyer.buyerUnitId };
  const counts = Object.fromEntries(
    await Promise.all(BUYER_TABS.map(async (t) => [t, await prisma.need.count({ where: { AND: [own, tabWhere(t, now)] } })] as const)),
  ) as Record<BuyerTab, number>;
  const where = { AND: [own, tabWhere(tab, now)] };
  const items = await prisma.need.findMany({
    where,
    orderBy: tab === "open" ? [{ bidDeadline: "asc" }, { id: "desc" }] : [{ updatedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      title: true,
      status: true,
      budget: true,
      bidDeadline: true,
      publishedAt: true,
      updatedAt: true,
      crossDistrict: true,
      _count: {
        select: {
          bids: { where: { status: { not: "WITHDRAWN" } } },
          enquiries: { where: { answeredAt: null } },
          invitations: true,
        },
      },
    },
  });
  const unit = await prisma.buyerUnit.findUnique({ where: { id: buyer.buyerUnitId }, select: { name: true } });
  return {
    unitName: unit?.name ?? "",
    tab,
    counts,
    now,
    items: items.map(({ _count, ...need }) => ({ ...need, bidCount: _count.bids, openQuestions: _count.enquiries, invitations: _count.invitations })),
    page,
    pageCount: Math.max(1, Math.ceil(counts[tab] / pageSize)),
    total: counts[tab],
  };
}

/** The buying unit's own district and street: a new need starts there. */
export async function getBuyerUnitHome(actor: Actor) {
  const buyer = requireBuyerActor(actor);
  const unit = await prisma.buyerUnit.findUnique({ where: { id: buyer.buyerUnitId }, select: { name: true, districtCode: true, streetCode: true, contactPhone: true } });
  if (!unit) throw new ServiceError(404, "needs.notFound");
  return unit;
}
