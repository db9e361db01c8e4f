// Why the embedded engine is built the way it is (docs/decisions/013-search.md): on the seeded organizations,
//  1. segmentation — @node-rs/jieba (as the engine cuts) against Intl.Segmenter: speed, words, long text;
//  2. libraries — MiniSearch 7's own document index, Orama 3 and FlexSearch 0.8 (same jieba words) against the
//     engine: build time, memory, query time, and whether "all words must match" finds every document that has them.
// Orama and FlexSearch are not project dependencies: install them into a scratch folder to include them,
//   mkdir -p /tmp/libeval && cd /tmp/libeval && npm init -y && npm install @orama/orama@3 flexsearch@0.8
//   LIB_EVAL_DIR=/tmp/libeval DATA_DIR=tests/.artifacts/bench-50k npx tsx --expose-gc tests/bench/compare-libraries.ts
import fs from "node:fs";
import path from "node:path";
import MiniSearch from "minisearch";
import { closeDatabase, openDatabase } from "#app/db.server.ts";
import { allOrgDocuments, loadBuildContext } from "#app/modules/search/documents.server.ts";
import type { OrgDoc } from "#app/modules/search/documents.ts";
import { EmbeddedIndex } from "#app/modules/search/embedded/engine.server.ts";
import { settingsFor } from "#app/modules/search/settings.ts";
import { warmUpTokenizer, words } from "#app/modules/search/tokenizer.server.ts";

const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
};
const time = async <T,>(fn: () => T | Promise<T>) => {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
};

await openDatabase();
warmUpTokenizer();
const docs: OrgDoc[] = [];
for await (const batch of allOrgDocuments(await loadBuildContext({ hiddenField: false }))) docs.push(...batch);
await closeDatabase();
const texts = docs.map((doc) => [doc.name, doc.tags.join(" "), doc.description].join("\n"));
console.log(`${docs.length} organizations, ${texts.reduce((n, t) => n + t.length, 0)} characters (name, tags, description)\n`);

// ───────────────────────────── 1. segmentation ─────────────────────────────
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const intlWords = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
for (const sample of ["长者助餐服务", "社区长者食堂运营", "认知障碍友好社区", "阳光之家智障人士日间照料", "待处理纠纷台账"]) {
  console.log(`  ${sample}: jieba ${words(sample).join("/")} · Intl.Segmenter ${intlWords(sample).join("/")}`);
}
const jiebaAll = await time(() => texts.forEach((t) => words(t)));
const intlAll = await time(() => texts.forEach((t) => intlWords(t)));
console.log(`segmenting everything: jieba ${(jiebaAll.ms / 1000).toFixed(1)} s, Intl.Segmenter ${(intlAll.ms / 1000).toFixed(1)} s`);
const long = texts.join("。");
// Stops at 40,000: Node's Intl.Segmenter copies the whole input into every segment it returns, so at 80,000
// characters it exhausted a 4 GB heap here.
for (const size of [10_000, 20_000, 40_000]) {
  const text = long.slice(0, size);
  const j = await time(() => words(text));
  const i = await time(() => intlWords(text));
  console.log(`  one text of ${size} characters: jieba ${j.ms.toFixed(0)} ms, Intl.Segmenter ${i.ms.toFixed(0)} ms`);
}

// ───────────────────────────── 2. libraries ─────────────────────────────
const QUERIES = ["助餐", "长者食堂", "社区 服务", "认知障碍", "阳光之家 康复", "心理咨询", "徐汇 养老", "个案 社工"];
const fields = ["name", "tags", "description"] as const;
const tokenSets = docs.map((doc) => new Set(fields.flatMap((field) => words(Array.isArray(doc[field]) ? (doc[field] as string[]).join(" ") : String(doc[field])))));
/** Ground truth: documents containing every query word in any of the three fields. */
const truth = (q: string) => {
  const wanted = words(q);
  let n = 0;
  for (const set of tokenSets) if (wanted.every((w) => set.has(w))) n++;
  return n;
};

type Library = { name: string; build: () => Promise<(q: string) => Promise<number>> };
const libraries: Library[] = [
  {
    name: "MiniSearch 7 (own index, jieba words)",
    build: async () => {
      const index = new MiniSearch<OrgDoc>({
        fields: [...fields],
        extractField: (doc, field) => (Array.isArray(doc[field as keyof OrgDoc]) ? (doc[field as keyof OrgDoc] as string[]).join(" ") : (doc[field as keyof OrgDoc] as string)),
        tokenize: (text) => words(text),
        processTerm: (term) => term,
      });
      index.addAll(docs);
      return async (q) => index.search(q, { combineWith: "AND" }).length;
    },
  },
  {
    name: "embedded engine (this project)",
    build: async () => {
      const settings = { ...settingsFor("orgs"), searchableAttributes: [...fields] };
      const index = new EmbeddedIndex<OrgDoc>("orgs", settings);
      async function* batches() {
        for (let i = 0; i < docs.length; i += 5000) yield docs.slice(i, i + 5000);
      }
      await index.replaceAll(batches());
      return async (q) => (await index.search({ q: `${q} `, limit: 20 })).totalHits;
    },
  },
];

const evalDir = process.env.LIB_EVAL_DIR;
if (evalDir && fs.existsSync(path.join(evalDir, "node_modules/@orama/orama"))) {
  const orama = await import(path.join(evalDir, "node_modules/@orama/orama/dist/esm/index.js"));
  libraries.push({
    name: "Orama 3 (jieba words)",
    build: async () => {
      const db = orama.create({
        schema: { name: "string", tags: "string", description: "string" },
        components: { tokenizer: { language: "english", normalizationCache: new Map(), tokenize: (raw: string) => words(raw) } },
      });
      await orama.insertMultiple(db, docs.map((doc) => ({ id: String(doc.id), name: doc.name, tags: doc.tags.join(" "), description: doc.description })), 1000);
      return async (q) => (await orama.search(db, { term: q, properties: [...fields], threshold: 0, limit: 100_000 })).count;
    },
  });
}
if (evalDir && fs.existsSync(path.join(evalDir, "node_modules/flexsearch"))) {
  const flex = await import(path.join(evalDir, "node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs"));
  libraries.push({
    name: "FlexSearch 0.8 (one combined field)",
    build: async () => {
      // FlexSearch's Document index answers per field (no cross-field AND) and has no facet counts: one field here.
      const index = new flex.Index({ tokenize: "strict", encode: (text: string) => words(text) });
      docs.forEach((doc, i) => index.add(doc.id, texts[i]));
      return async (q) => (index.search(q, { limit: 100_000 }) as unknown[]).length;
    },
  });
} else {
  console.log("\n(Orama and FlexSearch skipped: set LIB_EVAL_DIR to a folder where they are installed, see the header.)");
}

console.log(`\nall words must match; ground truth = documents whose name, tags or description contain every word:`);
/** Builds one library, measures it, and lets it go before the next one is measured. */
async function measure(library: Library) {
  const before = heapMB();
  const built = await time(() => library.build());
  const after = heapMB();
  const search = built.value;
  const rows: string[] = [];
  let total = 0;
  for (const q of QUERIES) {
    await search(q);
    const runs = await time(async () => {
      let n = 0;
      for (let i = 0; i < 5; i++) n = await search(q);
      return n;
    });
    total += runs.ms / 5;
    const expected = truth(q);
    rows.push(`${q}: ${runs.value}/${expected}${runs.value < expected ? " MISSES" : runs.value > expected ? " EXTRA" : ""} ${(runs.ms / 5).toFixed(1)} ms`);
  }
  console.log(`\n${library.name}: build ${(built.ms / 1000).toFixed(1)} s, memory +${Math.round(after - before)} MB, mean query ${(total / QUERIES.length).toFixed(1)} ms`);
  console.log(`  ${rows.join(" · ")}`);
}
for (const library of libraries) await measure(library);
