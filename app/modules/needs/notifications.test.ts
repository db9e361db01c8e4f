// The messages a need's life sends: in-app notifications and the e-mails that follow them through the outbox, in
// each recipient's language, never twice.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { resetEnvCache } from "#app/env.server.ts";
import type { UserActor } from "#app/modules/accounts/permissions.ts";
import { submitBid } from "#app/modules/bids/bids.server.ts";
import { awardBid, getEvaluation, saveScores } from "#app/modules/bids/evaluation.server.ts";
import { registerEmailHandler } from "#app/modules/notify/email-worker.server.ts";
import { readLocalMail } from "#app/modules/notify/mailer.server.ts";
import { drainOutbox } from "#app/modules/outbox/worker.server.ts";
import { makeBuyerUser } from "#tests/factories.ts";
import { BID, bidder, closeBidding, publishedNeed } from "#tests/need-factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import { answerQuestion, askQuestion } from "./enquiries.server.ts";
import { amendNeed, getNeedForEdit } from "./needs.server.ts";
import { saveNeed } from "./saved.server.ts";

let buyer: UserActor;
let dataDir: string;
const previousDataDir = process.env.DATA_DIR;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duijie-needs-mail-"));
  process.env.DATA_DIR = dataDir;
  resetEnvCache();
  registerEmailHandler();
  await seedReferenceData(prisma);
  buyer = (await makeBuyerUser()).actor;
});

afterAll(() => {
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  resetEnvCache();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Decoded mails sent to one address (subjects are RFC 2047 encoded; the test reads them through the raw text). */
async function mailsTo(email: string) {
  const all = await readLocalMail();
  return all.filter((mail) => mail.raw.includes(`To: ${email}`));
}

/** The decoded subject and body of a raw message (RFC 2047 B and Q words; base64 or 8-bit body). */
function parseMail(raw: string) {
  const text = raw.replace(/\r\n/g, "\n");
  const split = text.indexOf("\n\n");
  const headers = text.slice(0, split).replace(/\n[ \t]+/g, " ");
  const bodyRaw = text.slice(split + 2);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(headers)?.[1] ?? "";
  const words = [...header("Subject").matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)].map(([, encoding, data]) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(data, "base64")
      : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1"),
  );
  const subject = words.length > 0 ? Buffer.concat(words).toString("utf8") : header("Subject");
  const body = /base64/i.test(header("Content-Transfer-Encoding")) ? Buffer.from(bodyRaw.replace(/\s+/g, ""), "base64").toString("utf8") : bodyRaw;
  return { subject, body };
}
const subjectOf = (raw: string) => parseMail(raw).subject;

describe("e-mails follow the notifications, once, in the reader's language", () => {
  test("an answer reaches the asker and the savers by e-mail; draining again sends nothing more", async () => {
    const needId = await publishedNeed(buyer, { title: "枫林路街道助餐服务（邮件测试）" });
    const asker = await bidder();
    const saver = await bidder();
    await prisma.user.update({ where: { id: saver.user.id }, data: { locale: "en" } });
    await saveNeed(saver.actor, needId);
    const { enquiryId } = await askQuestion(asker.actor, needId, "是否需要提供节假日送餐？");
    await answerQuestion(buyer, needId, enquiryId, "节假日照常送餐。");
    await drainOutbox(["email"]);
    const toAsker = await mailsTo(asker.user.email);
    expect(toAsker.map((m) => subjectOf(m.raw))).toEqual(["【社会组织服务供需对接】“枫林路街道助餐服务（邮件测试）”有新的答疑。"]);
    const toSaver = await mailsTo(saver.user.email);
    expect(toSaver.map((m) => subjectOf(m.raw))).toEqual(["【Service Matching】“枫林路街道助餐服务（邮件测试）” has a new answer."]);
    // A retry of the outbox sends nothing twice.
    await drainOutbox(["email"]);
    expect(await mailsTo(asker.user.email)).toHaveLength(1);
    expect(await prisma.notification.count({ where: { userId: asker.user.id, kind: "enquiry.answered" } })).toBe(1);
  });

  test("an amendment e-mail carries the explanation; the outcome e-mail tells each bidder its own score", async () => {
    const needId = await publishedNeed(buyer, { title: "长者食堂运营（邮件测试二）" });
    const a = await bidder();
    const b = await bidder();
    await submitBid(a.actor, needId, BID);
    await submitBid(b.actor, needId, { ...BID, price: 440_000 });
    const edit = await getNeedForEdit(buyer, needId);
    await amendNeed(buyer, needId, { ...edit.draft, budget: 500_000 }, { version: edit.version, summary: "预算调整为 50 万元" });
    await drainOutbox(["email"]);
    const amended = (await mailsTo(a.user.email)).find((m) => subjectOf(m.raw).includes("更正公告"));
    expect(parseMail(amended!.raw).body).toContain("预算调整为 50 万元");
    await closeBidding(needId);
    const evaluation = await getEvaluation(buyer, needId);
    if (evaluation.sealed) throw new Error("sealed");
    const scores = (bidId: number, values: number[]) => ({
      bidId,
      shortlisted: true,
      note: "",
      scores: evaluation.need.criteria.map((c, i) => ({ criterionId: c.id, score: values[i] })),
    });
    const bidOf = (orgId: number) => evaluation.bids.find((x) => x.org.id === orgId)!.id;
    await saveScores(buyer, needId, [scores(bidOf(a.org.id), [80, 80, 80]), scores(bidOf(b.org.id), [90, 90, 90])]);
    await awardBid(buyer, needId, { bidId: bidOf(b.org.id), notice: "", reason: "" });
    await drainOutbox(["email"]);
    const subjectsA = (await mailsTo(a.user.email)).map((m) => subjectOf(m.raw));
    expect(subjectsA).toContain("【社会组织服务供需对接】“长者食堂运营（邮件测试二）”评审结果：贵机构综合得分 80 分，排名第 2（共 2 家），未成交。");
    const subjectsB = (await mailsTo(b.user.email)).map((m) => subjectOf(m.raw));
    expect(subjectsB).toContain("【社会组织服务供需对接】恭喜！“长者食堂运营（邮件测试二）”已确定由贵机构成交，综合得分 90 分。");
  });
});
