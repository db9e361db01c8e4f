// Concurrency: the rules that must hold when many people act at the same instant. Runs on PGlite (one connection:
// transactions queue, so this checks the rules and the error answers) and again on PostgreSQL under
// `npm run test:postgres` (TEST_DATABASE_URL: a pool of connections, real row locks and real interleaving — the
// run that can actually lose a race).
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { ServiceError, type UserActor } from "#app/modules/accounts/permissions.ts";
import { submitBid } from "#app/modules/bids/bids.server.ts";
import { awardBid, getEvaluation, saveScores } from "#app/modules/bids/evaluation.server.ts";
import { dbNow } from "#app/modules/needs/db.server.ts";
import { runDeadlineNotifications } from "#app/modules/needs/deadlines.server.ts";
import { enqueueMany } from "#app/modules/outbox/outbox.server.ts";
import { registerOutboxHandler, runOutboxOnce } from "#app/modules/outbox/worker.server.ts";
import { getProfileEditor, saveProfile } from "#app/modules/orgs/profile.server.ts";
import { ProfileSchema, type ProfileInput } from "#app/modules/orgs/schemas.ts";
import { mergeTags } from "#app/modules/tags/tags.server.ts";
import { makeAdmin, makeBuyerUser, makeOrgUser } from "#tests/factories.ts";
import { BID, bidder, closeBidding, publishedNeed, setBidDeadline } from "#tests/need-factories.ts";
import { seedReferenceData } from "../../prisma/seed/reference.ts";

let buyer: UserActor;
let admin: UserActor;

beforeAll(async () => {
  await seedReferenceData(prisma);
  buyer = (await makeBuyerUser()).actor;
  admin = (await makeAdmin()).actor;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A deterministic pseudo-random sequence (mulberry32), so a failing interleaving can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("the last second before a bid deadline", () => {
  test("50 organizations bid in the last second: every accepted bid was in time (database clock), every late one refused", async () => {
    const needId = await publishedNeed(buyer);
    const onTime = await Promise.all(Array.from({ length: 50 }, () => bidder()));
    const late = await Promise.all(Array.from({ length: 10 }, () => bidder()));
    // The deadline is set by the database clock; the app's clock only schedules the attempts.
    const deadline = await setBidDeadline(needId, 2_000);
    const skew = (await dbNow()).getTime() - Date.now();
    const localDeadline = deadline.getTime() - skew;
    const lastSecond = localDeadline - 1_000;

    type Outcome = { org: number; launched: number; ok: boolean; at?: Date; error?: ServiceError };
    const attempt = async (org: (typeof onTime)[number], launchAt: number): Promise<Outcome> => {
      await sleep(launchAt - Date.now());
      const launched = Date.now() + skew;
      try {
        const result = await submitBid(org.actor, needId, { ...BID, price: BID.price - org.org.id });
        return { org: org.org.id, launched, ok: true, at: result.at };
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        return { org: org.org.id, launched, ok: false, error };
      }
    };
    const outcomes = await Promise.all([
      // 50 organizations spread over the last second (20 ms apart) …
      ...onTime.map((org, i) => attempt(org, lastSecond + i * 20)),
      // … and 10 that press the button just after the deadline.
      ...late.map((org, i) => attempt(org, localDeadline + 5 + i * 20)),
    ]);

    const accepted = outcomes.filter((o) => o.ok);
    const refused = outcomes.filter((o) => !o.ok);
    // Every accepted bid was decided before the deadline by the database clock …
    for (const o of accepted) expect(o.at!.getTime()).toBeLessThan(deadline.getTime());
    // … every refusal is the clear "bidding has closed" answer (409), nothing else …
    for (const o of refused) expect(o.error).toMatchObject({ status: 409, messageKey: "bids.closed" });
    // … nobody who pressed after the deadline got in …
    const lateIds = new Set(late.map((l) => l.org.id));
    for (const o of outcomes.filter((o) => lateIds.has(o.org))) expect(o.ok).toBe(false);
    // … and the database holds exactly the accepted bids, each stamped before the deadline, each audited once.
    const bids = await prisma.bid.findMany({ where: { needId }, select: { orgId: true, submittedAt: true, status: true } });
    expect(bids.map((b) => b.orgId).sort((x, y) => x - y)).toEqual(accepted.map((o) => o.org).sort((x, y) => x - y));
    for (const bid of bids) {
      expect(bid.status).toBe("SUBMITTED");
      expect(bid.submittedAt.getTime()).toBeLessThan(deadline.getTime());
    }
    expect(await prisma.auditLog.count({ where: { action: "bid.submit", entityId: { in: (await prisma.bid.findMany({ where: { needId }, select: { id: true } })).map((b) => String(b.id)) } } })).toBe(
      accepted.length,
    );
    // Not vacuous: bids got in during the last second (the database decides them one at a time, under the need lock;
    // how many fit in that second depends on the machine).
    expect(accepted.length).toBeGreaterThanOrEqual(5);
    // The evaluation, once the deadline has passed, shows exactly these bids.
    await sleep(deadline.getTime() - ((await dbNow()).getTime()) + 10);
    const evaluation = await getEvaluation(buyer, needId);
    expect(evaluation.sealed).toBe(false);
    if (!evaluation.sealed) expect(evaluation.bids).toHaveLength(accepted.length);
    console.info(`deadline race: ${accepted.length} accepted, ${refused.length} refused (${refused.filter((o) => !lateIds.has(o.org)).length} of them pressed in the last second)`);
  }, 60_000);
});

describe("two buyer sessions awarding the same need at once", () => {
  /** A closed need with three scored, shortlisted bids. */
  async function readyToAward() {
    const needId = await publishedNeed(buyer);
    const orgs = await Promise.all([bidder(), bidder(), bidder()]);
    for (const [i, org] of orgs.entries()) await submitBid(org.actor, needId, { ...BID, price: 400_000 + i * 10_000 });
    await closeBidding(needId);
    const evaluation = await getEvaluation(buyer, needId);
    if (evaluation.sealed) throw new Error("expected open bids");
    await saveScores(
      buyer,
      needId,
      evaluation.bids.map((bid, i) => ({ bidId: bid.id, shortlisted: true, note: "", scores: evaluation.need.criteria.map((c) => ({ criterionId: c.id, score: 90 - i })) })),
    );
    return { needId, bidIds: evaluation.bids.map((b) => b.id) };
  }

  test("exactly one award; the other session gets 409 bids.award.already; every bidder is told once", async () => {
    const colleague = (await makeBuyerUser({ id: buyer.buyerUnitId! })).actor;
    for (let round = 0; round < 5; round++) {
      const { needId, bidIds } = await readyToAward();
      // The two sessions pick different winners (one with a reason, as a lower-scored award needs one).
      const results = await Promise.allSettled([
        awardBid(buyer, needId, { bidId: bidIds[0], notice: "评审确定", reason: "" }),
        awardBid(colleague, needId, { bidId: bidIds[1], notice: "评审确定", reason: "本地服务网点更多，综合考虑" }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(ServiceError);
      expect(lost[0].reason).toMatchObject({ status: 409, messageKey: "bids.award.already" });
      const award = await prisma.award.findMany({ where: { needId } });
      expect(award).toHaveLength(1);
      const bids = await prisma.bid.findMany({ where: { needId }, select: { id: true, status: true } });
      expect(bids.filter((b) => b.status === "AWARDED").map((b) => b.id)).toEqual([award[0].bidId]);
      expect(bids.filter((b) => b.status === "NOT_AWARDED")).toHaveLength(2);
      expect((await prisma.need.findUniqueOrThrow({ where: { id: needId } })).status).toBe("AWARDED");
      expect(await prisma.auditLog.count({ where: { action: "need.award", entityId: String(needId) } })).toBe(1);
      // Each bidder's users hear the outcome once (dedupe keys, one transaction committed).
      const outcomes = await prisma.notification.findMany({ where: { kind: "bid.outcome" }, select: { dedupeKey: true } });
      const forThisNeed = outcomes.filter((n) => bidIds.some((id) => n.dedupeKey!.startsWith(`bid.outcome:${id}:`)));
      expect(forThisNeed).toHaveLength(3);
    }
  }, 60_000);
});

describe("a tag merge while organizations edit their tags", () => {
  /** The profile form as the editor posts it, with the given tags (ids as the browser sends them). */
  async function formWithTags(actor: UserActor, tagIds: number[]): Promise<ProfileInput> {
    const editor = await getProfileEditor(actor);
    const { org, requested } = editor;
    return ProfileSchema.parse({
      intent: "save-profile",
      isCommunityOrg: org.isCommunityOrg ? "on" : undefined,
      communityClass: org.communityClass ?? "",
      districtCode: org.districtCode,
      streetCode: org.streetCode ?? "",
      address: org.address,
      serviceDistricts: editor.serviceDistricts,
      tagIds: tagIds.map(String),
      partyOrg: org.partyOrg,
      certifiedSocialWorkers: String(org.certifiedSocialWorkers),
      staffCount: String(org.staffCount),
      foundedOn: org.foundedOn ?? "",
      description: org.description,
      contactName: org.contactName,
      contactPhone: org.contactPhone,
      contactEmail: org.contactEmail,
      website: org.website,
      name: requested.name,
      kind: requested.kind,
      uscc: requested.uscc ?? "",
      filingNo: requested.filingNo ?? "",
      gradeLevel: requested.gradeLevel ? String(requested.gradeLevel) : "",
      gradeValidUntil: requested.gradeValidUntil ?? "",
      taxExempt: requested.taxExempt ? "on" : undefined,
      preTaxDeduction: requested.preTaxDeduction ? "on" : undefined,
      donationReceipts: requested.donationReceipts ? "on" : undefined,
    });
  }

  test("no tag is lost or doubled: every organization ends with exactly the tags it last saved, merged tags replaced by their target", async () => {
    // Twelve active leaf tags: three pairs are merged (source → target) while twenty organizations keep editing.
    const leaves = await prisma.tag.findMany({
      // (not the tags the need factory uses: other tests in this file still post needs with them)
      where: { status: "ACTIVE", children: { none: {} }, nameZh: { notIn: ["助餐", "老年人"] } },
      orderBy: { id: "asc" },
      select: { id: true },
      take: 12,
    });
    const pool = leaves.map((t) => t.id);
    expect(pool).toHaveLength(12);
    const merges: [number, number][] = [
      [pool[0], pool[1]],
      [pool[2], pool[3]],
      [pool[4], pool[5]],
    ];
    const orgs = await Promise.all(Array.from({ length: 20 }, (_, i) => makeOrgUser().then(async (o) => {
      // Start every organization with some of the soon-merged tags, so the merge has rows to move.
      await prisma.orgTag.createMany({ data: [pool[0], pool[2 + (i % 3) * 2], pool[6 + (i % 6)]].map((tagId) => ({ orgId: o.org.id, tagId })), skipDuplicates: true });
      return o;
    })));

    const lastSaved = new Map<number, number[]>();
    const refusals: unknown[] = [];
    const editor = async (org: (typeof orgs)[number], index: number) => {
      const random = rng(1000 + index);
      for (let round = 0; round < 6; round++) {
        // The form is opened (current tags), then the organization ticks and unticks tags from the whole pool —
        // including tags that may be merged away before it presses "save" (a stale form).
        const wanted = pool.filter(() => random() < 0.35);
        const input = await formWithTags(org.actor, wanted);
        await sleep(random() * 30);
        try {
          await saveProfile(org.actor, input);
          lastSaved.set(org.org.id, wanted);
        } catch (error) {
          refusals.push(error);
        }
      }
    };
    const merger = async () => {
      const results = [];
      for (const [source, target] of merges) {
        await sleep(40);
        results.push(await mergeTags(admin, source, target));
      }
      return results;
    };
    // Everything settles before anything is checked (a failed merge must not leave editors running).
    const [merging, ...editing] = await Promise.allSettled([merger(), ...orgs.map((org, i) => editor(org, i))]);
    for (const result of editing) expect(result.status).toBe("fulfilled");
    // The merges went through (on PostgreSQL, without the save's tag locks, they died here of "deadlock detected").
    if (merging.status === "rejected") throw merging.reason;
    expect(merging.value).toHaveLength(3);
    // No save was refused: a tag merged while the form was open is saved as the tag it was merged into.
    expect(refusals).toEqual([]);

    const merged = new Map(merges);
    const resolve = (id: number) => merged.get(id) ?? id;
    const mergedIds = merges.map(([source]) => source);
    // Nobody holds a merged tag …
    expect(await prisma.orgTag.count({ where: { tagId: { in: mergedIds } } })).toBe(0);
    for (const source of mergedIds) expect((await prisma.tag.findUniqueOrThrow({ where: { id: source } })).status).toBe("MERGED");
    // … and each organization has exactly what it last saved (or started with, if no save went through), with
    // merged tags replaced by their target — nothing lost, nothing extra (OrgTag's key rules out a double row).
    for (const org of orgs) {
      const held = (await prisma.orgTag.findMany({ where: { orgId: org.org.id }, select: { tagId: true } })).map((r) => r.tagId).sort((a, b) => a - b);
      const saved = lastSaved.get(org.org.id);
      expect(saved, `organization ${org.org.id} saved at least once`).toBeDefined();
      const expected = [...new Set(saved!.map(resolve))].sort((a, b) => a - b);
      expect(held, `organization ${org.org.id}`).toEqual(expected);
    }
  }, 120_000);
});

describe("background work run by several instances at once", () => {
  test("deadline notices: four passes racing tell each buyer once per need, audited once, each with its e-mail", async () => {
    await makeBuyerUser({ id: buyer.buyerUnitId! }); // a colleague: the unit's staff all hear it
    const staff = (await prisma.user.findMany({ where: { buyerUnitId: buyer.buyerUnitId, status: "ACTIVE" }, select: { id: true } })).map((u) => u.id).sort((x, y) => x - y);
    const needIds = [];
    for (let i = 0; i < 6; i++) {
      const needId = await publishedNeed(buyer);
      await submitBid((await bidder()).actor, needId, BID);
      await closeBidding(needId);
      needIds.push(needId);
    }
    // Four instances' deadline jobs fire at the same moment (on PostgreSQL: four connections, SKIP LOCKED claims).
    const passes = await Promise.all(Array.from({ length: 4 }, () => runDeadlineNotifications()));
    expect(passes.reduce((sum, pass) => sum + pass.closed, 0)).toBeGreaterThanOrEqual(needIds.length);
    for (const needId of needIds) {
      const notices = await prisma.notification.findMany({ where: { kind: "need.closed", link: `/workspace/needs/${needId}/evaluation` }, select: { userId: true, id: true } });
      expect(notices.map((n) => n.userId).sort((x, y) => x - y)).toEqual(staff);
      const emails = await prisma.outboxEvent.count({ where: { topic: "email", key: { in: notices.map((n) => `notification:${n.id}`) } } });
      expect(emails).toBe(staff.length);
    }
    expect(await prisma.auditLog.count({ where: { action: "need.biddingClosed", entityId: { in: needIds.map(String) } } })).toBeGreaterThanOrEqual(needIds.length);
    expect(await runDeadlineNotifications()).toMatchObject({ closed: 0 });
  }, 60_000);

  test("outbox: four workers racing handle every row exactly once", async () => {
    const handled = new Map<number, number>();
    registerOutboxHandler("test.race", async (row) => {
      await sleep(2);
      handled.set(row.id, (handled.get(row.id) ?? 0) + 1);
    });
    await enqueueMany(prisma, Array.from({ length: 300 }, (_, i) => ({ topic: "search.org" as const, key: i })).map((row) => ({ ...row, topic: "test.race" as never })));
    const worker = async () => {
      while ((await runOutboxOnce(["test.race"], 20)) > 0) {
        // keep claiming until nothing is due
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(handled.size).toBe(300);
    expect([...handled.values()].every((count) => count === 1)).toBe(true);
    expect(await prisma.outboxEvent.count({ where: { topic: "test.race", processedAt: null } })).toBe(0);
  }, 60_000);
});
