// The cast of the security tests: two organizations (A, B), two buying units (X, Y), an administrator, and real
// objects each of them owns — needs of X in every phase, sealed bids of A and B, a question A asked, a need of Y.
// Secrets (sealed bid content, e-mail addresses) carry unique markers so a test can look for them in any page.
import { randomBytes } from "node:crypto";
import { prisma } from "#app/db.server.ts";
import type { UserActor } from "#app/modules/accounts/permissions.ts";
import { createSession } from "#app/modules/accounts/sessions.server.ts";
import { submitBid } from "#app/modules/bids/bids.server.ts";
import { awardBid, saveScores } from "#app/modules/bids/evaluation.server.ts";
import { askQuestion } from "#app/modules/needs/enquiries.server.ts";
import { inviteOrg } from "#app/modules/needs/invitations.server.ts";
import { createNeed } from "#app/modules/needs/needs.server.ts";
import { saveNeed } from "#app/modules/needs/saved.server.ts";
import { notify } from "#app/modules/notify/notifications.server.ts";
import { previewOrgImport } from "#app/modules/orgs/import.server.ts";
import { getCsrfToken } from "#app/utils/csrf.server.ts";
import { writeCookie } from "#app/utils/cookies.server.ts";
import { actorOf, makeAdmin, makeBuyerUnit, makeOrg, makeUser } from "#tests/factories.ts";
import { BID, bidder, closeBidding, completeDraft } from "#tests/need-factories.ts";
import { Client } from "./app.ts";

export const ROLES = ["anonymous", "orgA", "orgB", "buyerX", "buyerY", "admin"] as const;
export type Role = (typeof ROLES)[number];

type Party = { actor: UserActor; userId: number; email: string };

export type World = Awaited<ReturnType<typeof buildWorld>>;

const marker = (label: string) => `${label}-${randomBytes(5).toString("hex")}`;

export async function buildWorld() {
  const a = await bidder({ name: "甲方测试社会工作服务中心" });
  const b = await bidder({ name: "乙方测试社会工作服务社" });
  const unitX = await makeBuyerUnit({ name: "徐汇区测试X街道办事处" });
  const unitY = await makeBuyerUnit({ name: "浦东新区测试Y镇政府" });
  const uX = await makeUser({ role: "BUYER", buyerUnitId: unitX.id, email: `${marker("buyer-x")}@example.cn` });
  const uY = await makeUser({ role: "BUYER", buyerUnitId: unitY.id, email: `${marker("buyer-y")}@example.cn` });
  const admin = await makeAdmin();
  const party = (user: { id: number; role: UserActor["role"]; orgId: number | null; buyerUnitId: number | null; displayName: string; email: string }): Party => ({
    actor: actorOf(user),
    userId: user.id,
    email: user.email,
  });
  const parties: Record<Exclude<Role, "anonymous">, Party> = {
    orgA: party(a.user),
    orgB: party(b.user),
    buyerX: party(uX),
    buyerY: party(uY),
    admin: party(admin.user),
  };

  const secrets = { bidA: marker("SEALED-BID-A"), bidB: marker("SEALED-BID-B"), questionA: marker("QUESTION-A") };
  const x = parties.buyerX.actor;
  const y = parties.buyerY.actor;

  // X's need open for bids, with sealed bids of A and B, a question from A, saved by A, B invited.
  const open = (await createNeed(x, await completeDraft({ title: "X街道长者助餐服务（开放投标）" }), { publish: true })).needId;
  const bidA = (await submitBid(parties.orgA.actor, open, { ...BID, price: 411_111, proposal: `${secrets.bidA} ${BID.proposal}` })).bidId;
  await submitBid(parties.orgB.actor, open, { ...BID, price: 422_222, proposal: `${secrets.bidB} ${BID.proposal}` });
  const enquiry = await askQuestion(parties.orgA.actor, open, `${secrets.questionA} 请问送餐范围包括哪些小区？`);
  await saveNeed(parties.orgA.actor, open);
  await inviteOrg(x, open, b.org.id, "欢迎参与");

  // X's need whose deadline has passed: bids are open to X for evaluation.
  const closed = await closedNeedWithBids(x, parties);
  // X's awarded need (A won): the contract page.
  const awarded = await awardedNeed(x, parties);
  // X's draft, and Y's published need.
  const draft = (await createNeed(x, await completeDraft({ title: "X街道草稿" }), { publish: false })).needId;
  const needOfY = (await createNeed(y, await completeDraft({ title: "Y镇需求" }), { publish: true })).needId;

  const pendingOrg = await makeOrg({ status: "PENDING", name: "待审核测试机构服务中心" });
  const tag = await prisma.tag.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true } });
  const catalogItem = await prisma.catalogItem.findFirstOrThrow({ select: { id: true } });
  const importJob = await previewOrgImport(parties.admin.actor, { fileName: "registry.csv", content: importCsv() });
  await notify(prisma, { userIds: [parties.orgA.userId], kind: "test", titleKey: "needs.toast.saved", vars: {}, link: `/needs/${open}` });

  return {
    orgA: a.org,
    orgB: b.org,
    unitX,
    unitY,
    parties,
    secrets,
    needs: { open, closed: closed.needId, awarded: awarded.needId, draft, ofY: needOfY },
    bids: { openA: bidA, closedA: closed.bidA },
    enquiryId: enquiry.enquiryId,
    pendingOrgId: pendingOrg.id,
    tagId: tag.id,
    catalogItemId: catalogItem.id,
    importJobId: importJob.jobId,
  };
}

/** A published need of the buyer whose deadline has just passed, with submitted bids from A and B. */
export async function closedNeedWithBids(buyer: UserActor, parties: Record<"orgA" | "orgB", Party>) {
  const needId = (await createNeed(buyer, await completeDraft({ title: "截止后待评审的需求" }), { publish: true })).needId;
  const bidA = (await submitBid(parties.orgA.actor, needId, BID)).bidId;
  const bidB = (await submitBid(parties.orgB.actor, needId, { ...BID, price: 430_000 })).bidId;
  await closeBidding(needId);
  return { needId, bidA, bidB };
}

/** closedNeedWithBids, every bid scored on every criterion, and A awarded. */
export async function awardedNeed(buyer: UserActor, parties: Record<"orgA" | "orgB", Party>) {
  const need = await closedNeedWithBids(buyer, parties);
  const criteria = await prisma.evaluationCriterion.findMany({ where: { needId: need.needId }, select: { id: true } });
  const row = (bidId: number, score: number) => ({ bidId, shortlisted: true, note: "", scores: criteria.map((c) => ({ criterionId: c.id, score })) });
  await saveScores(buyer, need.needId, [row(need.bidA, 90), row(need.bidB, 80)]);
  await awardBid(buyer, need.needId, { bidId: need.bidA, notice: "经评审，甲方中标。", reason: "综合得分最高" });
  return need;
}

export function importCsv() {
  return "uscc,filingNo,name,kind,districtCode\n,沪徐备SEC-1,测试导入群众活动团队,群众活动团队,310104\n";
}

let ipCounter = 0;

/** A client for the role with a fresh session of its own (so logging out in one test ends nothing else). */
export async function clientFor(world: World, role: Role): Promise<Client> {
  const client = new Client(role, `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`);
  const request = new Request("http://duijie.test/");
  const csrf = await getCsrfToken(request);
  client.csrf = csrf.token;
  client.remember(new Headers([["set-cookie", csrf.setCookie!]]));
  if (role !== "anonymous") {
    const token = await createSession(world.parties[role].userId);
    client.remember(new Headers([["set-cookie", await writeCookie(request, "session", token)]]));
  }
  return client;
}

export { makeOrg };
