-- CreateEnum
CREATE TYPE "TagStatus" AS ENUM ('ACTIVE', 'DEPRECATED', 'MERGED');

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('SOCIAL_GROUP', 'SOCIAL_SERVICE', 'FOUNDATION', 'MASS_ACTIVITY_TEAM', 'COMMUNITY_GROUP');

-- CreateEnum
CREATE TYPE "OrgStatus" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED', 'SUSPENDED', 'DEREGISTERED');

-- CreateEnum
CREATE TYPE "PartyOrgStatus" AS ENUM ('NONE', 'STANDALONE', 'JOINT', 'INSTRUCTOR');

-- CreateEnum
CREATE TYPE "ChangeRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "BuyerKind" AS ENUM ('DISTRICT_DEPARTMENT', 'STREET_OFFICE', 'TOWN_GOVERNMENT', 'RESIDENTS_COMMITTEE', 'FOUNDATION', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'BUYER', 'ORG');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('PENDING', 'ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "NeedStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'EVALUATING', 'AWARDED', 'IN_DELIVERY', 'COMPLETED', 'CANCELLED', 'UNSUCCESSFUL');

-- CreateEnum
CREATE TYPE "ProcurementMethod" AS ENUM ('OPEN_TENDER', 'COMPETITIVE_CONSULTATION', 'COMPETITIVE_NEGOTIATION', 'REQUEST_FOR_QUOTATION', 'SINGLE_SOURCE', 'INVITATION');

-- CreateEnum
CREATE TYPE "Qualification" AS ENUM ('TAX_EXEMPT', 'PRE_TAX_DEDUCTION', 'DONATION_RECEIPTS');

-- CreateEnum
CREATE TYPE "CriterionKind" AS ENUM ('PRICE', 'TECHNICAL', 'TRACK_RECORD', 'OTHER');

-- CreateEnum
CREATE TYPE "BidStatus" AS ENUM ('SUBMITTED', 'WITHDRAWN', 'AWARDED', 'NOT_AWARDED');

-- CreateEnum
CREATE TYPE "AcceptanceResult" AS ENUM ('PASSED', 'PASSED_WITH_NOTES', 'FAILED');

-- CreateEnum
CREATE TYPE "SearchScope" AS ENUM ('NEEDS', 'ORGS');

-- CreateTable
CREATE TABLE "District" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "District_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Street" (
    "code" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "administrative" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Street_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "TagGroup" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TagGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "TagStatus" NOT NULL DEFAULT 'ACTIVE',
    "mergedIntoId" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TagSynonym" (
    "id" SERIAL NOT NULL,
    "tagId" INTEGER NOT NULL,
    "term" TEXT NOT NULL,

    CONSTRAINT "TagSynonym_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogItem" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "domain" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "budgetMin" INTEGER,
    "budgetMax" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogItemTag" (
    "catalogItemId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,

    CONSTRAINT "CatalogItemTag_pkey" PRIMARY KEY ("catalogItemId","tagId")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "uscc" TEXT,
    "filingNo" TEXT,
    "usccWarning" TEXT,
    "kind" "OrgKind" NOT NULL,
    "isCommunityOrg" BOOLEAN NOT NULL DEFAULT false,
    "communityClass" TEXT,
    "districtCode" TEXT NOT NULL,
    "streetCode" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "foundedOn" DATE,
    "gradeLevel" INTEGER,
    "gradeValidUntil" DATE,
    "taxExempt" BOOLEAN NOT NULL DEFAULT false,
    "preTaxDeduction" BOOLEAN NOT NULL DEFAULT false,
    "donationReceipts" BOOLEAN NOT NULL DEFAULT false,
    "partyOrg" "PartyOrgStatus" NOT NULL DEFAULT 'NONE',
    "certifiedSocialWorkers" INTEGER NOT NULL DEFAULT 0,
    "staffCount" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "website" TEXT NOT NULL DEFAULT '',
    "custodianId" INTEGER,
    "isServiceCentre" BOOLEAN NOT NULL DEFAULT false,
    "status" "OrgStatus" NOT NULL DEFAULT 'PENDING',
    "statusReason" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "lastActiveAt" TIMESTAMP(3),
    "completedContracts" INTEGER NOT NULL DEFAULT 0,
    "ratingCount" INTEGER NOT NULL DEFAULT 0,
    "ratingSum" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgServiceDistrict" (
    "orgId" INTEGER NOT NULL,
    "districtCode" TEXT NOT NULL,

    CONSTRAINT "OrgServiceDistrict_pkey" PRIMARY KEY ("orgId","districtCode")
);

-- CreateTable
CREATE TABLE "OrgTag" (
    "orgId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,

    CONSTRAINT "OrgTag_pkey" PRIMARY KEY ("orgId","tagId")
);

-- CreateTable
CREATE TABLE "OrgCase" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER,
    "description" TEXT NOT NULL DEFAULT '',
    "isBrand" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrgCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgChangeRequest" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "status" "ChangeRequestStatus" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "requestedBy" INTEGER,
    "reviewedBy" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMP(3),

    CONSTRAINT "OrgChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuyerUnit" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "BuyerKind" NOT NULL,
    "districtCode" TEXT NOT NULL,
    "streetCode" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BuyerUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "phone" TEXT NOT NULL DEFAULT '',
    "role" "Role" NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "orgId" INTEGER,
    "buyerUnitId" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "emailDigest" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "csrfSecret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT NOT NULL DEFAULT '',
    "userAgent" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Need" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "buyerUnitId" INTEGER NOT NULL,
    "createdById" INTEGER,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "catalogItemId" INTEGER,
    "crossDistrict" BOOLEAN NOT NULL DEFAULT true,
    "crossDistrictReason" TEXT,
    "budget" INTEGER,
    "method" "ProcurementMethod" NOT NULL DEFAULT 'OPEN_TENDER',
    "minGrade" INTEGER,
    "allowedKinds" "OrgKind"[],
    "requiredQualifications" "Qualification"[],
    "minYearsRegistered" INTEGER,
    "minSocialWorkers" INTEGER,
    "communityPriority" BOOLEAN NOT NULL DEFAULT false,
    "enquiryDeadline" TIMESTAMP(3),
    "bidDeadline" TIMESTAMP(3),
    "servicePeriodStart" DATE,
    "servicePeriodEnd" DATE,
    "status" "NeedStatus" NOT NULL DEFAULT 'DRAFT',
    "statusReason" TEXT,
    "publishedAt" TIMESTAMP(3),
    "evaluationStartedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedDistrict" (
    "needId" INTEGER NOT NULL,
    "districtCode" TEXT NOT NULL,

    CONSTRAINT "NeedDistrict_pkey" PRIMARY KEY ("needId","districtCode")
);

-- CreateTable
CREATE TABLE "NeedStreet" (
    "needId" INTEGER NOT NULL,
    "streetCode" TEXT NOT NULL,

    CONSTRAINT "NeedStreet_pkey" PRIMARY KEY ("needId","streetCode")
);

-- CreateTable
CREATE TABLE "NeedTag" (
    "needId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,

    CONSTRAINT "NeedTag_pkey" PRIMARY KEY ("needId","tagId")
);

-- CreateTable
CREATE TABLE "EvaluationCriterion" (
    "id" SERIAL NOT NULL,
    "needId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CriterionKind" NOT NULL DEFAULT 'OTHER',
    "weight" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EvaluationCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedAmendment" (
    "id" SERIAL NOT NULL,
    "needId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "summary" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "material" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NeedAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedNeed" (
    "userId" INTEGER NOT NULL,
    "needId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedNeed_pkey" PRIMARY KEY ("userId","needId")
);

-- CreateTable
CREATE TABLE "Enquiry" (
    "id" SERIAL NOT NULL,
    "needId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "askedById" INTEGER,
    "question" TEXT NOT NULL,
    "answer" TEXT,
    "answeredById" INTEGER,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" SERIAL NOT NULL,
    "needId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "invitedById" INTEGER,
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bid" (
    "id" SERIAL NOT NULL,
    "needId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "custodianId" INTEGER,
    "submittedById" INTEGER,
    "price" INTEGER NOT NULL,
    "proposal" TEXT NOT NULL,
    "team" JSONB NOT NULL,
    "status" "BidStatus" NOT NULL DEFAULT 'SUBMITTED',
    "shortlisted" BOOLEAN NOT NULL DEFAULT false,
    "totalScore" DOUBLE PRECISION,
    "outcomeReason" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "Bid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BidScore" (
    "id" SERIAL NOT NULL,
    "bidId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "scoredById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BidScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" SERIAL NOT NULL,
    "needId" INTEGER NOT NULL,
    "bidId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "notice" TEXT NOT NULL DEFAULT '',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" SERIAL NOT NULL,
    "needId" INTEGER NOT NULL,
    "awardId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "acceptanceResult" "AcceptanceResult",
    "acceptanceNote" TEXT,
    "rating" INTEGER,
    "review" TEXT,
    "ratedAt" TIMESTAMP(3),

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "scope" "SearchScope" NOT NULL DEFAULT 'NEEDS',
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL DEFAULT '',
    "filters" JSONB NOT NULL DEFAULT '{}',
    "alertsEnabled" BOOLEAN NOT NULL DEFAULT true,
    "unsubscribeToken" TEXT NOT NULL,
    "lastCheckedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearchHit" (
    "savedSearchId" INTEGER NOT NULL,
    "needId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "SavedSearchHit_pkey" PRIMARY KEY ("savedSearchId","needId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "titleKey" TEXT NOT NULL,
    "vars" JSONB NOT NULL DEFAULT '{}',
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" SERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchLog" (
    "id" SERIAL NOT NULL,
    "scope" "SearchScope" NOT NULL,
    "query" TEXT NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "resultCount" INTEGER NOT NULL,
    "userId" INTEGER,
    "role" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "rows" JSONB,
    "createdBy" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Street_districtCode_idx" ON "Street"("districtCode");

-- CreateIndex
CREATE UNIQUE INDEX "TagGroup_key_key" ON "TagGroup"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_nameZh_key" ON "Tag"("nameZh");

-- CreateIndex
CREATE INDEX "Tag_groupId_idx" ON "Tag"("groupId");

-- CreateIndex
CREATE INDEX "Tag_parentId_idx" ON "Tag"("parentId");

-- CreateIndex
CREATE INDEX "Tag_status_idx" ON "Tag"("status");

-- CreateIndex
CREATE UNIQUE INDEX "TagSynonym_term_key" ON "TagSynonym"("term");

-- CreateIndex
CREATE INDEX "TagSynonym_tagId_idx" ON "TagSynonym"("tagId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogItem_code_key" ON "CatalogItem"("code");

-- CreateIndex
CREATE INDEX "CatalogItemTag_tagId_idx" ON "CatalogItemTag"("tagId");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_uscc_key" ON "Organization"("uscc");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_filingNo_key" ON "Organization"("filingNo");

-- CreateIndex
CREATE INDEX "Organization_status_districtCode_idx" ON "Organization"("status", "districtCode");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE INDEX "Organization_custodianId_idx" ON "Organization"("custodianId");

-- CreateIndex
CREATE INDEX "Organization_updatedAt_idx" ON "Organization"("updatedAt");

-- CreateIndex
CREATE INDEX "Organization_name_idx" ON "Organization"("name");

-- CreateIndex
CREATE INDEX "OrgServiceDistrict_districtCode_idx" ON "OrgServiceDistrict"("districtCode");

-- CreateIndex
CREATE INDEX "OrgTag_tagId_idx" ON "OrgTag"("tagId");

-- CreateIndex
CREATE INDEX "OrgCase_orgId_idx" ON "OrgCase"("orgId");

-- CreateIndex
CREATE INDEX "OrgChangeRequest_status_createdAt_idx" ON "OrgChangeRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OrgChangeRequest_orgId_idx" ON "OrgChangeRequest"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "BuyerUnit_name_key" ON "BuyerUnit"("name");

-- CreateIndex
CREATE INDEX "BuyerUnit_districtCode_idx" ON "BuyerUnit"("districtCode");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_orgId_idx" ON "User"("orgId");

-- CreateIndex
CREATE INDEX "User_buyerUnitId_idx" ON "User"("buyerUnitId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_key_createdAt_idx" ON "LoginAttempt"("key", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Need_externalId_key" ON "Need"("externalId");

-- CreateIndex
CREATE INDEX "Need_status_bidDeadline_idx" ON "Need"("status", "bidDeadline");

-- CreateIndex
CREATE INDEX "Need_status_publishedAt_idx" ON "Need"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Need_buyerUnitId_status_idx" ON "Need"("buyerUnitId", "status");

-- CreateIndex
CREATE INDEX "Need_catalogItemId_idx" ON "Need"("catalogItemId");

-- CreateIndex
CREATE INDEX "Need_updatedAt_idx" ON "Need"("updatedAt");

-- CreateIndex
CREATE INDEX "NeedDistrict_districtCode_idx" ON "NeedDistrict"("districtCode");

-- CreateIndex
CREATE INDEX "NeedStreet_streetCode_idx" ON "NeedStreet"("streetCode");

-- CreateIndex
CREATE INDEX "NeedTag_tagId_idx" ON "NeedTag"("tagId");

-- CreateIndex
CREATE INDEX "EvaluationCriterion_needId_idx" ON "EvaluationCriterion"("needId");

-- CreateIndex
CREATE INDEX "NeedAmendment_needId_createdAt_idx" ON "NeedAmendment"("needId", "createdAt");

-- CreateIndex
CREATE INDEX "SavedNeed_needId_idx" ON "SavedNeed"("needId");

-- CreateIndex
CREATE INDEX "Enquiry_needId_createdAt_idx" ON "Enquiry"("needId", "createdAt");

-- CreateIndex
CREATE INDEX "Enquiry_orgId_idx" ON "Enquiry"("orgId");

-- CreateIndex
CREATE INDEX "Invitation_orgId_createdAt_idx" ON "Invitation"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_needId_orgId_key" ON "Invitation"("needId", "orgId");

-- CreateIndex
CREATE INDEX "Bid_orgId_status_idx" ON "Bid"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Bid_needId_orgId_key" ON "Bid"("needId", "orgId");

-- CreateIndex
CREATE UNIQUE INDEX "BidScore_bidId_criterionId_key" ON "BidScore"("bidId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "Award_needId_key" ON "Award"("needId");

-- CreateIndex
CREATE UNIQUE INDEX "Award_bidId_key" ON "Award"("bidId");

-- CreateIndex
CREATE INDEX "Award_orgId_idx" ON "Award"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_needId_key" ON "Contract"("needId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_awardId_key" ON "Contract"("awardId");

-- CreateIndex
CREATE INDEX "Contract_orgId_completedAt_idx" ON "Contract"("orgId", "completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SavedSearch_unsubscribeToken_key" ON "SavedSearch"("unsubscribeToken");

-- CreateIndex
CREATE INDEX "SavedSearch_userId_idx" ON "SavedSearch"("userId");

-- CreateIndex
CREATE INDEX "SavedSearchHit_emailedAt_idx" ON "SavedSearchHit"("emailedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_createdAt_idx" ON "AuditLog"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "OutboxEvent_processedAt_topic_id_idx" ON "OutboxEvent"("processedAt", "topic", "id");

-- CreateIndex
CREATE INDEX "OutboxEvent_topic_key_id_idx" ON "OutboxEvent"("topic", "key", "id");

-- CreateIndex
CREATE INDEX "SearchLog_scope_createdAt_idx" ON "SearchLog"("scope", "createdAt");

-- CreateIndex
CREATE INDEX "SearchLog_resultCount_createdAt_idx" ON "SearchLog"("resultCount", "createdAt");

-- AddForeignKey
ALTER TABLE "Street" ADD CONSTRAINT "Street_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "TagGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Tag"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Tag"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TagSynonym" ADD CONSTRAINT "TagSynonym_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogItemTag" ADD CONSTRAINT "CatalogItemTag_catalogItemId_fkey" FOREIGN KEY ("catalogItemId") REFERENCES "CatalogItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogItemTag" ADD CONSTRAINT "CatalogItemTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_streetCode_fkey" FOREIGN KEY ("streetCode") REFERENCES "Street"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_custodianId_fkey" FOREIGN KEY ("custodianId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgServiceDistrict" ADD CONSTRAINT "OrgServiceDistrict_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgServiceDistrict" ADD CONSTRAINT "OrgServiceDistrict_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgTag" ADD CONSTRAINT "OrgTag_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgTag" ADD CONSTRAINT "OrgTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgCase" ADD CONSTRAINT "OrgCase_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgChangeRequest" ADD CONSTRAINT "OrgChangeRequest_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuyerUnit" ADD CONSTRAINT "BuyerUnit_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuyerUnit" ADD CONSTRAINT "BuyerUnit_streetCode_fkey" FOREIGN KEY ("streetCode") REFERENCES "Street"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_buyerUnitId_fkey" FOREIGN KEY ("buyerUnitId") REFERENCES "BuyerUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_buyerUnitId_fkey" FOREIGN KEY ("buyerUnitId") REFERENCES "BuyerUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_catalogItemId_fkey" FOREIGN KEY ("catalogItemId") REFERENCES "CatalogItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedDistrict" ADD CONSTRAINT "NeedDistrict_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedDistrict" ADD CONSTRAINT "NeedDistrict_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedStreet" ADD CONSTRAINT "NeedStreet_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedStreet" ADD CONSTRAINT "NeedStreet_streetCode_fkey" FOREIGN KEY ("streetCode") REFERENCES "Street"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedTag" ADD CONSTRAINT "NeedTag_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedTag" ADD CONSTRAINT "NeedTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationCriterion" ADD CONSTRAINT "EvaluationCriterion_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedAmendment" ADD CONSTRAINT "NeedAmendment_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedNeed" ADD CONSTRAINT "SavedNeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedNeed" ADD CONSTRAINT "SavedNeed_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enquiry" ADD CONSTRAINT "Enquiry_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enquiry" ADD CONSTRAINT "Enquiry_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_custodianId_fkey" FOREIGN KEY ("custodianId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidScore" ADD CONSTRAINT "BidScore_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidScore" ADD CONSTRAINT "BidScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "EvaluationCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearchHit" ADD CONSTRAINT "SavedSearchHit_savedSearchId_fkey" FOREIGN KEY ("savedSearchId") REFERENCES "SavedSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
