// An organization's profile: the editor its own staff use, and the public page everyone else reads.
// Fields an administrator must re-check (name, kind and identifier, grade, qualifications) wait in an
// OrgChangeRequest while the organization is verified; everything else publishes at once.
import type { Prisma } from "#app/.server/prisma/client.ts";
import { prisma, type Tx } from "#app/db.server.ts";
import {
  isAdmin,
  isOrgMember,
  isUser,
  requireOrgActor,
  ServiceError,
  type Actor,
} from "#app/modules/accounts/permissions.ts";
import { recordAudit } from "#app/modules/audit/audit.server.ts";
import { enqueue } from "#app/modules/outbox/outbox.server.ts";
import { listTagOptions } from "#app/modules/tags/tags.server.ts";
import { normalizeFilingNo } from "./registration.server.ts";
import { isFiledKind, REVIEW_FIELDS, type CaseInput, type ProfileInput, type ReviewField } from "./schemas.ts";
import { describeRegistrationAuthority, normalizeUscc, parseUscc } from "./uscc.ts";

const TX_OPTIONS = { timeout: 60_000, maxWait: 30_000 };
export const MAX_CASES = 30;
type CaseFields = Pick<CaseInput, "title" | "year" | "description" | "isBrand">;

/** A calendar date as YYYY-MM-DD (dates are stored at UTC midnight). */
export function isoDate(value: Date | null | undefined): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** Review-field values in the JSON form a change request stores them (dates as YYYY-MM-DD). */
export type ReviewValues = {
  name: string;
  kind: ProfileInput["kind"];
  uscc: string | null;
  usccWarning: string | null;
  filingNo: string | null;
  gradeLevel: number | null;
  gradeValidUntil: string | null;
  taxExempt: boolean;
  preTaxDeduction: boolean;
  donationReceipts: boolean;
};
export type ChangeSet = Partial<Record<ReviewField, { before: unknown; after: unknown }>>;

const REVIEW_SELECT = {
  name: true,
  kind: true,
  uscc: true,
  usccWarning: true,
  filingNo: true,
  gradeLevel: true,
  gradeValidUntil: true,
  taxExempt: true,
  preTaxDeduction: true,
  donationReceipts: true,
} as const;

export function reviewValuesOf(org: Prisma.OrganizationGetPayload<{ select: typeof REVIEW_SELECT }>): ReviewValues {
  return { ...org, gradeValidUntil: isoDate(org.gradeValidUntil) };
}

/** Turns stored review values (JSON) back into Organization columns. */
export function reviewColumns(values: Partial<ReviewValues>): Prisma.OrganizationUncheckedUpdateInput {
  const data: Prisma.OrganizationUncheckedUpdateInput = {};
  for (const [field, value] of Object.entries(values) as [ReviewField, unknown][]) {
    if (field === "gradeValidUntil") data.gradeValidUntil = value ? new Date(`${String(value)}T00:00:00Z`) : null;
    else (data as Record<string, unknown>)[field] = value;
  }
  return data;
}

/** The review values a submitted profile asks for (identifiers normalized, the check-character warning kept). */
function requestedReviewValues(input: ProfileInput): ReviewValues {
  const filed = isFiledKind(input.kind);
  const parsed = !filed && input.uscc ? parseUscc(input.uscc) : null;
  return {
    name: input.name,
    kind: input.kind,
    uscc: !filed && input.uscc ? normalizeUscc(input.uscc) : null,
    usccWarning: parsed && !parsed.ok && parsed.code === "checkChar" ? "orgs.uscc.warning" : null,
    filingNo: filed && input.filingNo ? normalizeFilingNo(input.filingNo) : null,
    gradeLevel: input.gradeLevel ?? null,
    gradeValidUntil: isoDate(input.gradeValidUntil),
    taxExempt: input.taxExempt,
    preTaxDeduction: input.preTaxDeduction,
    donationReceipts: input.donationReceipts,
  };
}

export function diffReview(before: ReviewValues, after: ReviewValues): ChangeSet {
  const changes: ChangeSet = {};
  for (const field of REVIEW_FIELDS) {
    if (before[field] !== after[field]) changes[field] = { before: before[field], after: after[field] };
  }
  return changes;
}

async function assertIdentifiersFree(tx: Tx, orgId: number, values: { uscc: string | null; filingNo: string | null }) {
  if (values.uscc && (await tx.organization.count({ where: { uscc: values.uscc, id: { not: orgId } } })) > 0) {
    throw new ServiceError(409, "orgs.uscc.taken");
  }
  if (values.filingNo && (await tx.organization.count({ where: { filingNo: values.filingNo, id: { not: orgId } } })) > 0) {
    throw new ServiceError(409, "orgs.filingNo.taken");
  }
}

// ───────────────────────────── the editor ─────────────────────────────

export async function getProfileEditor(actor: Actor) {
  const { orgId } = requireOrgActor(actor);
  const org = await prisma.organization.findUnique({
    where: { id: orgId },
    select: {
      id: true,
      status: true,
      statusReason: true,
      ...REVIEW_SELECT,
      isCommunityOrg: true,
      communityClass: true,
      districtCode: true,
      streetCode: true,
      address: true,
      partyOrg: true,
      certifiedSocialWorkers: true,
      staffCount: true,
      foundedOn: true,
      description: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      website: true,
      updatedAt: true,
      tags: { select: { tagId: true } },
      serviceDistricts: { select: { districtCode: true } },
      cases: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, title: true, year: true, description: true, isBrand: true } },
      changeRequests: {
        where: { status: { in: ["PENDING", "REJECTED"] } },
        orderBy: { id: "desc" },
        take: 1,
        select: { id: true, status: true, changes: true, reason: true, createdAt: true, reviewedAt: true },
      },
    },
  });
  if (!org) throw new ServiceError(404, "orgs.notFound");
  const [districts, tagOptions] = await Promise.all([
    prisma.district.findMany({
      orderBy: { sortOrder: "asc" },
      select: { code: true, name: true, nameEn: true, streets: { orderBy: { sortOrder: "asc" }, select: { code: true, name: true, administrative: true } } },
    }),
    listTagOptions(),
  ]);
  const latest = org.changeRequests[0] ?? null;
  const pending = latest?.status === "PENDING" ? latest : null;
  // The form shows what the organization asked for while the request waits, so saving again never drops it.
  const published = reviewValuesOf(org);
  const requested: ReviewValues = { ...published };
  if (pending) {
    for (const [field, change] of Object.entries(pending.changes as ChangeSet) as [ReviewField, { after: unknown }][]) {
      (requested as Record<string, unknown>)[field] = change.after;
    }
  }
  const { tags, serviceDistricts, changeRequests: _changeRequests, ...fields } = org;
  return {
    org: { ...fields, foundedOn: isoDate(org.foundedOn), gradeValidUntil: published.gradeValidUntil },
    tagIds: tags.map((tag) => tag.tagId),
    serviceDistricts: serviceDistricts.map((row) => row.districtCode),
    requested,
    pendingChange: pending ? { id: pending.id, changes: pending.changes as ChangeSet, createdAt: pending.createdAt } : null,
    rejectedChange:
      latest?.status === "REJECTED" ? { id: latest.id, changes: latest.changes as ChangeSet, reason: latest.reason, reviewedAt: latest.reviewedAt } : null,
    districts,
    tagOptions,
    reviewImmediately: org.status === "PENDING" || org.status === "REJECTED",
  };
}

export type SaveProfileResult = { published: string[]; sentForReview: ReviewField[]; withdrawn: boolean };

const IMMEDIATE_FIELDS = [
  "isCommunityOrg",
  "communityClass",
  "districtCode",
  "streetCode",
  "address",
  "partyOrg",
  "certifiedSocialWorkers",
  "staffCount",
  "foundedOn",
  "description",
  "contactName",
  "contactPhone",
  "contactEmail",
  "website",
] as const;

export async function saveProfile(actor: Actor, input: ProfileInput, now = new Date()): Promise<SaveProfileResult> {
  const { orgId } = requireOrgActor(actor);
  const requested = requestedReviewValues(input);
  return prisma.$transaction(async (tx) => {
    // The tags this save may touch (those held and those asked for) are locked first, FOR SHARE, in id order:
    // a tag merge (which locks its two tags FOR UPDATE) then runs wholly before or wholly after this save, so it
    // never moves rows this save is replacing, nor misses rows this save adds. The organization row is locked
    // FOR NO KEY UPDATE (this save never changes its key), which the merge's foreign-key checks on OrgTag do not
    // wait for — so the two never deadlock.
    await tx.$queryRaw`
      SELECT id FROM "Tag"
      WHERE id = ANY(${[...new Set(input.tagIds)]}::int[]) OR id IN (SELECT "tagId" FROM "OrgTag" WHERE "orgId" = ${orgId})
      ORDER BY id FOR SHARE`;
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${orgId} FOR NO KEY UPDATE`;
    const org = await tx.organization.findUnique({
      where: { id: orgId },
      select: {
        status: true,
        ...REVIEW_SELECT,
        isCommunityOrg: true,
        communityClass: true,
        districtCode: true,
        streetCode: true,
        address: true,
        partyOrg: true,
        certifiedSocialWorkers: true,
        staffCount: true,
        foundedOn: true,
        description: true,
        contactName: true,
        contactPhone: true,
        contactEmail: true,
        website: true,
        tags: { select: { tagId: true, tag: { select: { status: true } } } },
        serviceDistricts: { select: { districtCode: true } },
      },
    });
    if (!org) throw new ServiceError(404, "orgs.notFound");
    if (org.status === "DEREGISTERED") throw new ServiceError(409, "orgs.profile.deregistered");

    // Reference data: the district, street and service districts must exist.
    const wantedDistricts = [...new Set([input.districtCode, ...input.serviceDistricts])];
    const knownDistricts = await tx.district.count({ where: { code: { in: wantedDistricts } } });
    if (knownDistricts !== wantedDistricts.length) throw new ServiceError(422, "orgs.district.invalid");
    if (input.streetCode && !(await tx.street.findFirst({ where: { code: input.streetCode, districtCode: input.districtCode }, select: { code: true } }))) {
      throw new ServiceError(422, "orgs.street.mismatch");
    }

    // Tags: only curated tags; new ones must be active. A deprecated tag already on the profile may stay. A tag
    // merged away while the form was open is saved as the tag it was merged into (as imports resolve it).
    const held = new Set(org.tags.map((row) => row.tagId));
    const wantedTags = await resolveMergedTags(tx, [...new Set(input.tagIds)]);
    const added = wantedTags.filter((id) => !held.has(id));
    if (added.length > 0) {
      const active = await tx.tag.count({ where: { id: { in: added }, status: "ACTIVE" } });
      if (active !== added.length) throw new ServiceError(422, "orgs.tags.invalid");
    }
    const removed = [...held].filter((id) => !wantedTags.includes(id));

    // Immediate fields.
    const next = {
      isCommunityOrg: input.isCommunityOrg,
      communityClass: input.isCommunityOrg ? (input.communityClass ?? null) : null,
      districtCode: input.districtCode,
      streetCode: input.streetCode ?? null,
      address: input.address ?? "",
      partyOrg: input.partyOrg,
      certifiedSocialWorkers: input.certifiedSocialWorkers,
      staffCount: input.staffCount,
      foundedOn: input.foundedOn ?? null,
      description: input.description ?? "",
      contactName: input.contactName ?? "",
      contactPhone: input.contactPhone ?? "",
      contactEmail: input.contactEmail ?? "",
      website: input.website ?? "",
    };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of IMMEDIATE_FIELDS) {
      const was = field === "foundedOn" ? isoDate(org.foundedOn) : org[field];
      const now_ = field === "foundedOn" ? isoDate(next.foundedOn) : next[field];
      if (was !== now_) {
        before[field] = was;
        after[field] = now_;
      }
    }
    const oldService = org.serviceDistricts.map((row) => row.districtCode).sort();
    const newService = [...new Set(input.serviceDistricts)].sort();
    if (oldService.join() !== newService.join()) {
      before.serviceDistricts = oldService;
      after.serviceDistricts = newService;
    }
    if (added.length > 0 || removed.length > 0) {
      before.tagIds = [...held].sort((a, b) => a - b);
      after.tagIds = [...wantedTags].sort((a, b) => a - b);
    }

    // Review fields: straight onto the profile while it awaits verification anyway; otherwise a change request.
    const published = reviewValuesOf(org);
    const changes = diffReview(published, requested);
    const changedReview = Object.keys(changes) as ReviewField[];
    if (changedReview.length > 0) {
      await assertIdentifiersFree(tx, orgId, requested);
    }
    const reviewImmediately = org.status === "PENDING" || org.status === "REJECTED";
    let sentForReview: ReviewField[] = [];
    let withdrawn = false;
    const updateData: Prisma.OrganizationUncheckedUpdateInput = {};
    if (reviewImmediately) {
      for (const field of changedReview) {
        before[field] = changes[field]!.before;
        after[field] = changes[field]!.after;
      }
      Object.assign(updateData, reviewColumns(Object.fromEntries(changedReview.map((field) => [field, requested[field]]))));
    } else {
      const pending = await tx.orgChangeRequest.findFirst({ where: { orgId, status: "PENDING" }, select: { id: true, changes: true } });
      if (changedReview.length > 0) {
        const same = pending && JSON.stringify(pending.changes) === JSON.stringify(changes);
        if (!same) {
          if (pending) {
            await tx.orgChangeRequest.update({
              where: { id: pending.id },
              data: { changes: changes as Prisma.InputJsonValue, requestedBy: actor.type === "user" ? actor.userId : null, createdAt: now },
            });
          } else {
            await tx.orgChangeRequest.create({
              data: { orgId, changes: changes as Prisma.InputJsonValue, requestedBy: actor.type === "user" ? actor.userId : null },
            });
          }
          await recordAudit(tx, { actor, action: "org.change.request", entityType: "Organization", entityId: orgId, before: published, after: changes });
        }
        sentForReview = changedReview;
      } else if (pending) {
        // The organization put the reviewed fields back as they are published: nothing is left to review.
        await tx.orgChangeRequest.delete({ where: { id: pending.id } });
        await recordAudit(tx, { actor, action: "org.change.withdraw", entityType: "Organization", entityId: orgId, before: pending.changes });
        withdrawn = true;
      }
    }

    const changedFields = Object.keys(after);
    if (changedFields.length > 0) {
      for (const field of IMMEDIATE_FIELDS) if (field in after) (updateData as Record<string, unknown>)[field] = next[field];
      await tx.organization.update({ where: { id: orgId }, data: { ...updateData, lastActiveAt: now } });
      if ("serviceDistricts" in after) {
        await tx.orgServiceDistrict.deleteMany({ where: { orgId } });
        await tx.orgServiceDistrict.createMany({ data: newService.map((districtCode) => ({ orgId, districtCode })) });
      }
      if (removed.length > 0) await tx.orgTag.deleteMany({ where: { orgId, tagId: { in: removed } } });
      if (added.length > 0) await tx.orgTag.createMany({ data: added.map((tagId) => ({ orgId, tagId })) });
      await recordAudit(tx, { actor, action: "org.profile.update", entityType: "Organization", entityId: orgId, before, after });
      await enqueue(tx, "search.org", orgId);
    } else {
      await tx.organization.update({ where: { id: orgId }, data: { lastActiveAt: now } });
    }
    return { published: changedFields, sentForReview, withdrawn };
  }, TX_OPTIONS);
}

/** Tag ids with merged tags replaced by the tag they were merged into (merges never chain), without repeats. */
async function resolveMergedTags(tx: Tx, tagIds: number[]) {
  if (tagIds.length === 0) return tagIds;
  const merged = await tx.tag.findMany({ where: { id: { in: tagIds }, status: "MERGED", mergedIntoId: { not: null } }, select: { id: true, mergedIntoId: true } });
  if (merged.length === 0) return tagIds;
  const into = new Map(merged.map((tag) => [tag.id, tag.mergedIntoId!]));
  return [...new Set(tagIds.map((id) => into.get(id) ?? id))];
}

/** A rejected organization that has fixed its profile asks to be verified again. */
export async function resubmitForVerification(actor: Actor) {
  const { orgId } = requireOrgActor(actor);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.organization.updateMany({ where: { id: orgId, status: "REJECTED" }, data: { status: "PENDING", statusReason: null, lastActiveAt: new Date() } });
    if (updated.count === 0) throw new ServiceError(409, "orgs.resubmit.notRejected");
    await recordAudit(tx, { actor, action: "org.resubmit", entityType: "Organization", entityId: orgId, before: { status: "REJECTED" }, after: { status: "PENDING" } });
    await enqueue(tx, "search.org", orgId);
  }, TX_OPTIONS);
}

// ───────────────────────────── cases and brand projects ─────────────────────────────

export async function addCase(actor: Actor, input: CaseFields) {
  const { orgId } = requireOrgActor(actor);
  return prisma.$transaction(async (tx) => {
    const count = await tx.orgCase.count({ where: { orgId } });
    if (count >= MAX_CASES) throw new ServiceError(422, "orgs.cases.tooMany", { max: MAX_CASES });
    const created = await tx.orgCase.create({
      data: { orgId, title: input.title, year: input.year ?? null, description: input.description ?? "", isBrand: input.isBrand, sortOrder: count },
      select: { id: true, title: true, year: true, isBrand: true },
    });
    await recordAudit(tx, { actor, action: "org.case.add", entityType: "Organization", entityId: orgId, after: created });
    await enqueue(tx, "search.org", orgId);
    return created;
  }, TX_OPTIONS);
}

export async function updateCase(actor: Actor, caseId: number, input: CaseFields) {
  const { orgId } = requireOrgActor(actor);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.orgCase.findFirst({ where: { id: caseId, orgId }, select: { title: true, year: true, description: true, isBrand: true } });
    if (!existing) throw new ServiceError(404, "orgs.cases.notFound");
    const data = { title: input.title, year: input.year ?? null, description: input.description ?? "", isBrand: input.isBrand };
    await tx.orgCase.update({ where: { id: caseId }, data });
    await recordAudit(tx, { actor, action: "org.case.update", entityType: "Organization", entityId: orgId, before: { caseId, ...existing }, after: { caseId, ...data } });
    await enqueue(tx, "search.org", orgId);
  }, TX_OPTIONS);
}

export async function deleteCase(actor: Actor, caseId: number) {
  const { orgId } = requireOrgActor(actor);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.orgCase.findFirst({ where: { id: caseId, orgId }, select: { id: true, title: true } });
    if (!existing) throw new ServiceError(404, "orgs.cases.notFound");
    await tx.orgCase.delete({ where: { id: caseId } });
    await recordAudit(tx, { actor, action: "org.case.delete", entityType: "Organization", entityId: orgId, before: existing });
    await enqueue(tx, "search.org", orgId);
  }, TX_OPTIONS);
}

// ───────────────────────────── the public page ─────────────────────────────

/**
 * The public profile. Only verified organizations are public; anyone else gets "not found", except the
 * organization's own staff and administrators (who see the page with its status).
 */
export async function getPublicProfile(actor: Actor, orgId: number, now = new Date()) {
  const org = await prisma.organization.findUnique({
    where: { id: orgId },
    select: {
      id: true,
      name: true,
      uscc: true,
      usccWarning: true,
      filingNo: true,
      kind: true,
      isCommunityOrg: true,
      communityClass: true,
      status: true,
      statusReason: true,
      verifiedAt: true,
      address: true,
      foundedOn: true,
      gradeLevel: true,
      gradeValidUntil: true,
      taxExempt: true,
      preTaxDeduction: true,
      donationReceipts: true,
      partyOrg: true,
      certifiedSocialWorkers: true,
      staffCount: true,
      description: true,
      contactName: true,
      contactPhone: true,
      contactEmail: true,
      website: true,
      completedContracts: true,
      ratingCount: true,
      ratingSum: true,
      lastActiveAt: true,
      updatedAt: true,
      isServiceCentre: true,
      district: { select: { code: true, name: true, nameEn: true } },
      street: { select: { code: true, name: true } },
      custodian: { select: { id: true, name: true, status: true } },
      serviceDistricts: { select: { district: { select: { code: true, name: true, nameEn: true, sortOrder: true } } } },
      tags: {
        select: {
          tag: {
            select: {
              id: true,
              nameZh: true,
              nameEn: true,
              status: true,
              sortOrder: true,
              group: { select: { key: true, nameZh: true, nameEn: true, sortOrder: true } },
            },
          },
        },
      },
      cases: { orderBy: [{ isBrand: "desc" }, { sortOrder: "asc" }, { id: "asc" }], select: { id: true, title: true, year: true, description: true, isBrand: true } },
    },
  });
  const own = isOrgMember(actor, orgId);
  const admin = isAdmin(actor);
  if (!org || (org.status !== "VERIFIED" && !own && !admin)) throw new ServiceError(404, "orgs.notFound");

  const reviews = await prisma.contract.findMany({
    where: { orgId, completedAt: { not: null } },
    orderBy: { completedAt: "desc" },
    take: 10,
    select: {
      id: true,
      rating: true,
      review: true,
      completedAt: true,
      acceptanceResult: true,
      value: true,
      need: { select: { id: true, title: true, buyerUnit: { select: { name: true } } } },
    },
  });
  const pendingChange =
    own || admin
      ? await prisma.orgChangeRequest.findFirst({ where: { orgId, status: "PENDING" }, select: { id: true, changes: true, createdAt: true } })
      : null;

  const parsed = org.uscc ? parseUscc(org.uscc) : null;
  const regionCode = org.uscc && org.uscc.length === 18 ? org.uscc.slice(2, 8) : null;
  const groups = new Map<string, { key: string; nameZh: string; nameEn: string; sortOrder: number; tags: { id: number; nameZh: string; nameEn: string | null; deprecated: boolean }[] }>();
  for (const { tag } of [...org.tags].sort((a, b) => a.tag.sortOrder - b.tag.sortOrder)) {
    let group = groups.get(tag.group.key);
    if (!group) {
      group = { ...tag.group, tags: [] };
      groups.set(tag.group.key, group);
    }
    group.tags.push({ id: tag.id, nameZh: tag.nameZh, nameEn: tag.nameEn, deprecated: tag.status !== "ACTIVE" });
  }
  const { tags: _tags, serviceDistricts, ratingSum, ratingCount, contactName, contactPhone, contactEmail, ...rest } = org;
  return {
    org: {
      ...rest,
      foundedOn: isoDate(org.foundedOn),
      gradeValidUntil: isoDate(org.gradeValidUntil),
      gradeExpired: org.gradeLevel !== null && (!org.gradeValidUntil || org.gradeValidUntil.getTime() < now.getTime()),
      usccCheckFailed: parsed !== null && !parsed.ok,
      registrationAuthority: regionCode && /^\d{6}$/.test(regionCode) ? describeRegistrationAuthority(regionCode) : null,
      serviceDistricts: serviceDistricts.map((row) => row.district).sort((a, b) => a.sortOrder - b.sortOrder),
      tagGroups: [...groups.values()].sort((a, b) => a.sortOrder - b.sortOrder),
    },
    // Contact details are for signed-in users (buyers who want to invite, administrators).
    contact: isUser(actor) ? { name: contactName, phone: contactPhone, email: contactEmail } : null,
    trackRecord: {
      completedContracts: org.completedContracts,
      ratingCount,
      averageRating: ratingCount > 0 ? Math.round((ratingSum / ratingCount) * 10) / 10 : null,
      reviews,
    },
    viewer: { own, admin },
    pendingChange: pendingChange ? { ...pendingChange, changes: pendingChange.changes as ChangeSet } : null,
  };
}
