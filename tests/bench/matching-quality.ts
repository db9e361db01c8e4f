// Matching quality on the labelled evaluation set (tests/bench/matching-eval/services.ts), against a plain text-search
// baseline in the same run: nDCG@10 (graded: 3 exact service, 1 neighbouring service, 0 otherwise), precision@5 and
// recall@20 (relevant = grade 3, among the organizations the need's rules admit), and eligibility violations (an
// organization listed that fails one of the need's rules; must be 0 for matching).
//
//   npx tsx tests/bench/matching-quality.ts [--verbose]
//
// Everything runs in a fresh in-memory database with the embedded engine: no DATA_DIR needed.
// The baseline is what a buyer gets from the organization search page: the need's title as the query (every word
// must match; if nothing does, Meilisearch's "last" strategy), verified organizations only, no eligibility rules.
import { connectPglite, prisma, useDatabase as installDatabase } from "#app/db.server.ts";
import { checkEligibility } from "#app/modules/bids/eligibility.ts";
import { ORG_SNAPSHOT_SELECT, toOrgSnapshot } from "#app/modules/bids/eligibility.server.ts";
import { clearMatchingCache, matchOrgsForNeed, NEED_SUBJECT_SELECT, toNeedSubject } from "#app/modules/matching/engine.server.ts";
import { f } from "#app/modules/search/filter.ts";
import { getSearch, startSearch, stopSearch } from "#app/modules/search/sync.server.ts";
import { generateUscc } from "#app/modules/orgs/uscc.ts";
import { seedReferenceData } from "../../prisma/seed/reference.ts";
import { SERVICES, type OrgSketch } from "./matching-eval/services.ts";

const verbose = process.argv.includes("--verbose");
const DAY = 86_400_000;
const DISTRICTS = ["310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112", "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151"];

installDatabase(await connectPglite(null));
await seedReferenceData(prisma);
const districtNames = new Map((await prisma.district.findMany({ select: { code: true, name: true } })).map((d) => [d.code, d.name]));
const tagIds = new Map((await prisma.tag.findMany({ select: { id: true, nameZh: true } })).map((t) => [t.nameZh, t.id]));
const tagsOf = (names: string[]) =>
  names.map((name) => {
    const id = tagIds.get(name);
    if (!id) throw new Error(`evaluation set: unknown tag ${name}`);
    return id;
  });
const now = new Date();
const buyer = await prisma.buyerUnit.create({ data: { name: "评测用街道办事处", kind: "STREET_OFFICE", districtCode: "310104" } });

let serial = 0;
const rng = { next: () => Math.random() };
/** org id → service key and role */
const truth = new Map<number, { service: string; role: "provider" | "sameWords" | "samePeople" }>();

async function createOrg(sketch: OrgSketch, districtCode: string, profile: { grade: number | null; validYears: number; taxExempt: boolean; contracts: number; community: boolean }, service: string, role: "provider" | "sameWords" | "samePeople") {
  serial++;
  const org = await prisma.organization.create({
    data: {
      name: `${districtNames.get(districtCode)}${sketch.name}`,
      description: sketch.description,
      kind: "SOCIAL_SERVICE",
      uscc: generateUscc(rng, { kindChar: "2", regionCode: districtCode, serial: 7_000_000 + serial }),
      districtCode,
      status: "VERIFIED",
      foundedOn: new Date(Date.UTC(2010 + (serial % 10), 0, 1)),
      gradeLevel: profile.grade,
      gradeValidUntil: profile.grade ? new Date(now.getTime() + profile.validYears * 365 * DAY) : null,
      taxExempt: profile.taxExempt,
      certifiedSocialWorkers: 2 + (serial % 4),
      completedContracts: profile.contracts,
      ratingCount: profile.contracts,
      ratingSum: profile.contracts * 4,
      isCommunityOrg: profile.community,
      tags: { create: tagsOf(sketch.tags).map((tagId) => ({ tagId })) },
    },
    select: { id: true },
  });
  truth.set(org.id, { service, role });
}

// Organizations: each provider twice (in the need's district and in another one, with different profiles — some
// with an expired grade or without tax exemption, so the rules of some needs keep them out); each distractor once,
// in the need's district, with a strong profile (5A, many contracts) to tempt a ranking that leans on quality.
for (const [i, service] of SERVICES.entries()) {
  const home = DISTRICTS[i % DISTRICTS.length];
  const away = DISTRICTS[(i + 5) % DISTRICTS.length];
  for (const [k, sketch] of service.providers.entries()) {
    await createOrg(sketch, home, { grade: 2 + ((i + k) % 4), validYears: (i + k) % 5 === 0 ? -1 : 3, taxExempt: (i + k) % 3 !== 0, contracts: k % 3, community: k === 0 }, service.key, "provider");
    await createOrg(sketch, away, { grade: k % 2 === 0 ? 4 : null, validYears: 2, taxExempt: true, contracts: 1, community: false }, service.key, "provider");
  }
  await createOrg(service.sameWords, home, { grade: 5, validYears: 3, taxExempt: true, contracts: 8, community: true }, service.key, "sameWords");
  await createOrg(service.samePeople, home, { grade: 5, validYears: 3, taxExempt: true, contracts: 8, community: true }, service.key, "samePeople");
}

// Needs: one per service, in the buyer's words; some with rules (minimum grade, tax exemption, not cross-district).
const needs: { id: number; service: string }[] = [];
for (const [i, service] of SERVICES.entries()) {
  const need = await prisma.need.create({
    data: {
      buyerUnitId: buyer.id,
      title: service.need.title,
      summary: service.need.summary,
      status: "PUBLISHED",
      publishedAt: now,
      bidDeadline: new Date(now.getTime() + 20 * DAY),
      minGrade: i % 3 === 0 ? 3 : null,
      requiredQualifications: i % 5 === 0 ? ["TAX_EXEMPT"] : [],
      crossDistrict: i % 4 !== 1,
      crossDistrictReason: i % 4 === 1 ? "需要本区服务网点" : null,
      communityPriority: i % 2 === 0,
      districts: { create: [{ districtCode: DISTRICTS[i % DISTRICTS.length] }] },
      tags: { create: tagsOf(service.need.tags).map((tagId) => ({ tagId })) },
    },
    select: { id: true },
  });
  needs.push({ id: need.id, service: service.key });
}

await startSearch();
clearMatchingCache();
const search = getSearch();
const orgRows = await prisma.organization.findMany({ select: ORG_SNAPSHOT_SELECT });
const snapshots = new Map(orgRows.map((row) => [row.id, toOrgSnapshot(row)]));
const neighboursOf = new Map(SERVICES.map((s) => [s.key, new Set(s.neighbours)]));

function grade(needService: string, orgId: number) {
  const t = truth.get(orgId);
  if (!t || t.role !== "provider") return 0;
  if (t.service === needService) return 3;
  return neighboursOf.get(needService)!.has(t.service) ? 1 : 0;
}

const dcg = (gains: number[]) => gains.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);

type Metrics = { ndcg: number; p5: number; r20: number; violations: number };
const totals: Record<"matching" | "baseline", Metrics[]> = { matching: [], baseline: [] };

for (const need of needs) {
  const row = await prisma.need.findUniqueOrThrow({ where: { id: need.id }, select: NEED_SUBJECT_SELECT });
  const subject = toNeedSubject(row);
  const eligible = (orgId: number) => checkEligibility(snapshots.get(orgId)!, subject.rules, now).length === 0;
  const judged = [...truth.keys()].filter(eligible).map((id) => grade(need.service, id)).filter((g) => g > 0).sort((a, b) => b - a);
  const exact = [...truth.keys()].filter((id) => eligible(id) && grade(need.service, id) === 3).length;
  const ideal = dcg(judged.slice(0, 10));

  const matching = (await matchOrgsForNeed(subject, { limit: 20, at: now })).results.map((r) => r.id);
  let base = await search.engine.orgs.search({ q: row.title, filter: f.eq("status", "VERIFIED"), limit: 20 });
  if (base.totalHits === 0) base = await search.engine.orgs.search({ q: row.title, filter: f.eq("status", "VERIFIED"), limit: 20, matchingStrategy: "last" });
  const baseline = base.hits.map((hit) => hit.id);

  for (const [system, ids] of [["matching", matching], ["baseline", baseline]] as const) {
    const gains = ids.map((id) => (eligible(id) ? grade(need.service, id) : 0));
    const metrics: Metrics = {
      ndcg: ideal > 0 ? dcg(gains.slice(0, 10)) / ideal : 0,
      p5: gains.slice(0, 5).filter((g) => g === 3).length / 5,
      r20: exact > 0 ? gains.slice(0, 20).filter((g) => g === 3).length / exact : 0,
      violations: ids.filter((id) => !eligible(id)).length,
    };
    totals[system].push(metrics);
    if (verbose) {
      const names = ids.slice(0, 5).map((id) => `${orgRows.find((o) => o.id === id)!.name}[${grade(need.service, id)}${eligible(id) ? "" : "✗"}]`);
      console.log(`${system.padEnd(8)} ${row.title.slice(0, 18).padEnd(18)} nDCG ${metrics.ndcg.toFixed(2)} P@5 ${metrics.p5.toFixed(2)} R@20 ${metrics.r20.toFixed(2)} viol ${metrics.violations}  ${names.join(" · ")}`);
    }
  }
}

const mean = (list: Metrics[], key: keyof Metrics) => list.reduce((sum, m) => sum + m[key], 0) / list.length;
console.log(`evaluation set: ${needs.length} needs, ${truth.size} organizations (${[...truth.values()].filter((t) => t.role !== "provider").length} planted distractors)`);
console.log("system     nDCG@10   P@5    R@20   eligibility violations");
for (const system of ["matching", "baseline"] as const) {
  const list = totals[system];
  console.log(`${system.padEnd(10)} ${mean(list, "ndcg").toFixed(3).padStart(7)}  ${mean(list, "p5").toFixed(3)}  ${mean(list, "r20").toFixed(3)}  ${list.reduce((s, m) => s + m.violations, 0)}`);
}
await stopSearch();
process.exit(0);
