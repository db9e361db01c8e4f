// The public notice of a need (no log-in): everything about the need, the buyer, the timeline, answered questions
// (never who asked), amendments (更正公告) and, after the award, the result and the delivery record. Drafts are
// visible only to the unit that owns them and to administrators. Bid content never appears here; after the
// deadline only the number of bids does.
import { prisma } from "#app/db.server.ts";
import { isAdmin, ServiceError, type Actor } from "#app/modules/accounts/permissions.ts";
import { checkEligibility } from "#app/modules/bids/eligibility.ts";
import { loadOrgSnapshot, toNeedRules } from "#app/modules/bids/eligibility.server.ts";
import { bidsOpenable } from "#app/modules/bids/evaluation.server.ts";
import { dbNow } from "./db.server.ts";
import { renderMarkdown } from "./markdown.server.ts";
import type { AmendmentChange } from "./needs.server.ts";
import { isInvitationOnly } from "./rules.ts";

/** Open needs, newest first, for the home page. */
export async function listLatestOpenNeeds(limit = 6, now = new Date()) {
  return prisma.need.findMany({
    where: { status: "PUBLISHED", bidDeadline: { gt: now } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      summary: true,
      budget: true,
      bidDeadline: true,
      crossDistrict: true,
      buyerUnit: { select: { name: true } },
      districts: { select: { district: { select: { name: true, nameEn: true } } } },
    },
  });
}

export async function getPublicNeed(actor: Actor, needId: number) {
  const need = await prisma.need.findUnique({
    where: { id: needId },
    select: {
      id: true,
      title: true,
      summary: true,
      description: true,
      status: true,
      statusReason: true,
      method: true,
      budget: true,
      crossDistrict: true,
      crossDistrictReason: true,
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
      publishedAt: true,
      evaluationStartedAt: true,
      closedAt: true,
      contactName: true,
      contactPhone: true,
      createdAt: true,
      buyerUnitId: true,
      buyerUnit: {
        select: {
          id: true,
          name: true,
          kind: true,
          address: true,
          contactPhone: true,
          district: { select: { code: true, name: true, nameEn: true } },
          street: { select: { name: true } },
        },
      },
      catalogItem: { select: { code: true, nameZh: true, nameEn: true, domain: true } },
      tags: { select: { tag: { select: { id: true, nameZh: true, nameEn: true } } } },
      districts: { select: { district: { select: { code: true, name: true, nameEn: true } } } },
      streets: { select: { street: { select: { code: true, name: true } } } },
      criteria: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, kind: true, weight: true, description: true } },
      amendments: { orderBy: { createdAt: "desc" }, select: { id: true, summary: true, changes: true, material: true, createdAt: true } },
      enquiries: {
        where: { answeredAt: { not: null } },
        orderBy: { answeredAt: "asc" },
        select: { id: true, question: true, answer: true, createdAt: true, answeredAt: true },
      },
      award: {
        select: {
          amount: true,
          notice: true,
          decidedAt: true,
          org: { select: { id: true, name: true, kind: true, district: { select: { code: true, name: true, nameEn: true } } } },
          bid: { select: { totalScore: true } },
        },
      },
      contract: {
        select: {
          value: true,
          periodStart: true,
          periodEnd: true,
          signedAt: true,
          completedAt: true,
          acceptanceResult: true,
          acceptanceNote: true,
          rating: true,
          review: true,
          ratedAt: true,
        },
      },
    },
  });
  if (!need) throw new ServiceError(404, "needs.notFound");
  const isOwner = actor.type === "user" && actor.role === "BUYER" && actor.buyerUnitId === need.buyerUnitId;
  const admin = isAdmin(actor);
  if (need.status === "DRAFT" && !isOwner && !admin) throw new ServiceError(404, "needs.notFound");

  const now = await dbNow();
  const opened = bidsOpenable(need, now);
  // After the deadline the number of bids is public (开标); before it, not even the count is published.
  const bidCount = opened ? await prisma.bid.count({ where: { needId, status: { not: "WITHDRAWN" } } }) : null;

  const viewer = await viewerContext(actor, need, now);
  const { description, amendments, ...rest } = need;
  return {
    need: {
      ...rest,
      descriptionHtml: renderMarkdown(description),
      amendments: amendments.map((a) => ({ ...a, changes: a.changes as unknown as AmendmentChange[] })),
    },
    now,
    bidCount,
    isOwner,
    isAdmin: admin,
    viewer,
  };
}

type NeedForViewer = {
  id: number;
  method: Parameters<typeof isInvitationOnly>[0];
  crossDistrict: boolean;
  minGrade: number | null;
  allowedKinds: Parameters<typeof toNeedRules>[0]["allowedKinds"];
  requiredQualifications: Parameters<typeof toNeedRules>[0]["requiredQualifications"];
  minYearsRegistered: number | null;
  minSocialWorkers: number | null;
  bidDeadline: Date | null;
  districts: { district: { code: string } }[];
};

/** What a logged-in organization sees about itself on the page: saved, its questions, its bid, its eligibility. */
async function viewerContext(actor: Actor, need: NeedForViewer, now: Date) {
  if (actor.type !== "user" || actor.role !== "ORG" || actor.orgId === null) return null;
  const orgId = actor.orgId;
  const [saved, myQuestions, bid, invitation, loaded] = await Promise.all([
    prisma.savedNeed.count({ where: { userId: actor.userId, needId: need.id } }),
    prisma.enquiry.findMany({
      where: { needId: need.id, orgId },
      orderBy: { createdAt: "asc" },
      select: { id: true, question: true, answer: true, answeredAt: true, createdAt: true },
    }),
    prisma.bid.findUnique({ where: { needId_orgId: { needId: need.id, orgId } }, select: { status: true, updatedAt: true } }),
    prisma.invitation.findUnique({ where: { needId_orgId: { needId: need.id, orgId } }, select: { createdAt: true, message: true } }),
    loadOrgSnapshot(prisma, orgId),
  ]);
  const rules = toNeedRules({ ...need, districts: need.districts.map((d) => ({ districtCode: d.district.code })) });
  return {
    saved: saved > 0,
    myQuestions,
    bid,
    invitation,
    failures: loaded ? checkEligibility(loaded.snapshot, rules, now) : [],
    invitationRequired: isInvitationOnly(need.method) && !invitation,
  };
}
