// Saved searches and alerts: a newly published need that matches a saved search notifies once (however often the job
// runs, however many of the user's searches match), organizations only hear about needs they may bid on, the daily
// digest e-mails each hit once with a working unsubscribe link, and unsubscribing stops the alerts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "#app/db.server.ts";
import { readLocalMail } from "#app/modules/notify/mailer.server.ts";
import { drainOutbox } from "#app/modules/outbox/worker.server.ts";
import { startSearch, stopSearch } from "#app/modules/search/sync.server.ts";
import { makeBuyerUser, makeOrgUser, tagId } from "#tests/factories.ts";
import { bidder, publishedNeed } from "#tests/need-factories.ts";
import { seedReferenceData } from "../../../prisma/seed/reference.ts";
import {
  deleteSavedSearch,
  digestCutoff,
  listSavedSearches,
  processNeedAlerts,
  registerAlertHandlers,
  runAlertDigests,
  saveSearch,
  savedSearchFromQuery,
  unsubscribeByToken,
} from "./alerts.server.ts";

let dataDir: string;
const previousDataDir = process.env.DATA_DIR;
let buyer: Awaited<ReturnType<typeof makeBuyerUser>>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duijie-alerts-"));
  process.env.DATA_DIR = dataDir;
  await seedReferenceData(prisma);
  registerAlertHandlers();
  buyer = await makeBuyerUser();
  await startSearch();
});

afterAll(async () => {
  await stopSearch();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
});

const alertsOf = (userId: number) => prisma.notification.findMany({ where: { userId, kind: "alert.match" }, select: { link: true, vars: true } });

function bodyOf(raw: string) {
  const text = raw.replace(/\r\n/g, "\n");
  const split = text.indexOf("\n\n");
  const headers = text.slice(0, split);
  const body = text.slice(split + 2);
  return /Content-Transfer-Encoding: base64/i.test(headers) ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : body.replace(/=\n/g, "");
}

describe("alerts", () => {
  it("a matching new need notifies once; running the job again or a second matching search adds no notification", async () => {
    const member = await bidder();
    const first = await saveSearch(member.actor, { search: "q=助餐" });
    const needId = await publishedNeed(buyer.actor, { title: "田林街道长者助餐点运营" });
    await drainOutbox(["alerts.need"]);
    expect(await alertsOf(member.user.id)).toEqual([{ link: `/needs/${needId}`, vars: { search: first.name, title: "田林街道长者助餐点运营" } }]);

    // The job again (a retry, another instance): the hit exists, nothing new.
    expect(await processNeedAlerts(needId)).toBe(0);
    // A second search of the same user that matches the same need: a hit for that search, still one notification.
    await saveSearch(member.actor, { search: `tag=${await tagId("助餐")}`, name: "助餐标签" });
    expect(await processNeedAlerts(needId)).toBe(1);
    expect(await alertsOf(member.user.id)).toHaveLength(1);
    expect(await prisma.savedSearchHit.count({ where: { needId } })).toBe(2);
  });

  it("a need that does not match, or that the organization may not bid on, makes no alert", async () => {
    const member = await bidder({ gradeLevel: 2 });
    await saveSearch(member.actor, { search: "q=助餐&district=310104" });
    const elsewhere = await publishedNeed(buyer.actor, { title: "浦东助餐服务", districtCodes: ["310115"], streetCodes: [] });
    const tooHigh = await publishedNeed(buyer.actor, { title: "徐汇区助餐服务（4A以上）", minGrade: 4 });
    const fits = await publishedNeed(buyer.actor, { title: "徐汇区助餐服务（不限等级）" });
    await drainOutbox(["alerts.need"]);
    expect((await alertsOf(member.user.id)).map((n) => n.link)).toEqual([`/needs/${fits}`]);
    expect(elsewhere).not.toBe(tooHigh);
  });

  it("buyers can save searches too (no eligibility applies to them)", async () => {
    const watcher = await makeBuyerUser();
    await saveSearch(watcher.actor, { search: "q=暑托班" });
    await publishedNeed(buyer.actor, { title: "长宁区暑托班服务", tagIds: [await tagId("暑托班")] });
    await drainOutbox(["alerts.need"]);
    expect(await alertsOf(watcher.user.id)).toHaveLength(1);
  });

  it("the daily digest e-mails each hit once, with an unsubscribe link that works without logging in", async () => {
    const member = await bidder();
    await prisma.user.update({ where: { id: member.user.id }, data: { locale: "en" } });
    const saved = await saveSearch(member.actor, { search: "q=认知症" });
    const needId = await publishedNeed(buyer.actor, { title: "认知症友好社区建设", tagIds: [await tagId("认知症照护")] });
    await drainOutbox(["alerts.need"]);
    // Hits made after today's digest time wait for tomorrow's; move this one before the cutoff.
    const now = new Date();
    await prisma.savedSearchHit.updateMany({ where: { needId }, data: { createdAt: new Date(digestCutoff(now).getTime() - 60_000) } });
    expect(await runAlertDigests(now)).toBeGreaterThanOrEqual(1);
    await drainOutbox(["alerts.digest"]);
    expect(await runAlertDigests(now)).toBe(0);
    await drainOutbox(["alerts.digest"]);

    const mails = (await readLocalMail()).filter((mail) => mail.raw.includes(`To: ${member.user.email}`));
    expect(mails).toHaveLength(1);
    const body = bodyOf(mails[0].raw);
    expect(body).toContain("These newly published needs match your saved searches:");
    expect(body).toContain(`/needs/${needId}`);
    const token = (await prisma.savedSearch.findUniqueOrThrow({ where: { id: saved.id } })).unsubscribeToken;
    expect(body).toContain(`/alerts/unsubscribe/${token}`);

    expect(await unsubscribeByToken(token)).toEqual({ name: saved.name, wasEnabled: true });
    await publishedNeed(buyer.actor, { title: "认知症照护者支持小组", tagIds: [await tagId("认知症照护")] });
    await drainOutbox(["alerts.need"]);
    expect(await alertsOf(member.user.id)).toHaveLength(1);
  });

  it("the digest time is 08:00 Shanghai", () => {
    expect(digestCutoff(new Date("2026-11-28T01:00:00Z")).toISOString()).toBe("2026-11-28T00:00:00.000Z");
    expect(digestCutoff(new Date("2026-11-27T23:59:00Z")).toISOString()).toBe("2026-11-27T00:00:00.000Z");
  });

  it("a saved search keeps the words and filters, not the page or sort; only its owner lists or deletes it", async () => {
    expect(savedSearchFromQuery("q=助餐&district=310104&tag=3&page=4&sort=newest&cross=1")).toEqual({
      query: "助餐",
      filters: { district: ["310104"], street: [], tag: [3], catalog: [], budget: [], cross: true },
    });
    const owner = await makeOrgUser();
    const other = await makeOrgUser();
    const saved = await saveSearch(owner.actor, { search: "q=心理&district=310104" });
    expect((await listSavedSearches(owner.actor))[0]).toMatchObject({ id: saved.id, href: "/needs?q=%E5%BF%83%E7%90%86&district=310104" });
    await expect(deleteSavedSearch(other.actor, saved.id)).rejects.toMatchObject({ status: 404 });
    await deleteSavedSearch(owner.actor, saved.id);
    expect(await listSavedSearches(owner.actor)).toEqual([]);
  });
});
