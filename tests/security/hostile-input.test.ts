// Hostile input, property-based (fast-check): every form of app/routes.ts (each POST case of the rule table, posted by
// a role allowed to post it), every URL with an id in it, and the search pages' and the suggestion API's query
// parameters get random and malicious values — very long strings, control characters (NUL), emoji and lone
// surrogates, right-to-left marks, HTML and script, SQL fragments, template syntax, numbers out of range and of the
// wrong kind, prototype keys, missing, extra and repeated fields, a file where text belongs, a JSON body, a broken
// body, no CSRF token. The answer is never a 5xx; a refused form (4xx) leaves the database exactly as it was.
//
// Runs are bounded: FC_RUNS (default 10) cases per form, a third of that per URL; FC_SEED replays a failure.
import fc from "fast-check";
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { prisma } from "#app/db.server.ts";
import { startSearch } from "#app/modules/search/sync.server.ts";
import { seedReferenceData } from "../../prisma/seed/reference.ts";
import { app, changedTables, fingerprint, type Answer } from "./app.ts";
import { RULES, type Cell, type Fields, type PostCase } from "./rules.ts";
import { buildWorld, clientFor, ROLES, type Role, type World } from "./world.ts";

process.env.SESSION_SECRET ??= "security-tests-secret-0123456789";

const RUNS = Number(process.env.FC_RUNS ?? 10);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
// A slow, shared machine ends a property early (after 25 s) rather than failing it on vitest's timeout.
const settings = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true, interruptAfterTimeLimit: 25_000 });
const TIMEOUT = 90_000;

let world: World;

beforeAll(async () => {
  await seedReferenceData(prisma);
  world = await buildWorld();
  await startSearch();
  await app();
}, 120_000);

// Unexpected errors are logged by Remix's handleError: captured here, and each request's checked in never5xx.
let errors: ReturnType<typeof vi.spyOn>;
const consoleErrors = () => errors;
beforeEach(() => {
  errors = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  errors.mockRestore();
});

// ───────────────────────────── hostile values ─────────────────────────────

export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "abc\u0000def",
  "\u0001\u0002\u001b[31m\u007f",
  "\r\n\r\nSet-Cookie: x=1",
  "\u202eevil\u202c",
  "\ud800",
  "👩‍👩‍👧‍👦🔥🀄️",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(document.cookie)",
  "' OR '1'='1' --",
  "'; DROP TABLE \"User\"; --",
  "1; SELECT pg_sleep(10)",
  "%00%27%22",
  "../../../../etc/passwd",
  "{{7*7}}${7*7}<%= 7*7 %>",
  "__proto__",
  "constructor",
  "[object Object]",
  "null",
  "undefined",
  "true",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1.5",
  "1e309",
  "0x7fffffff",
  "2147483648",
  "-2147483649",
  "99999999999999999999999999",
  "２０２６",
  "2026-02-30",
  "2026-13-01T25:61",
  "9999-12-31T23:59",
  "0000-00-00",
  "a".repeat(10_000),
  "中".repeat(25_000),
  "😀".repeat(5_000),
];

const nasty = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

const NASTY_NAMES = [
  "__proto__",
  "__proto__.polluted",
  "constructor.prototype.polluted",
  "team[99999999].name",
  "team[-1].name",
  "criteria[1e9].weight",
  "bids[0].scores[999999].score",
  "tagIds[__proto__]",
  "x".repeat(2_000),
  "id",
  "needId",
  "orgId",
  "userId",
  "buyerUnitId",
  "role",
  "status",
  "version",
];

type Mutation =
  | { op: "set"; index: number; value: string }
  | { op: "drop"; index: number }
  | { op: "repeat"; index: number; value: string }
  | { op: "extra"; name: string; value: string }
  | { op: "file"; index: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant("set" as const), index: fc.nat(), value: nasty }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("drop" as const), index: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("repeat" as const), index: fc.nat(), value: nasty }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("extra" as const), name: fc.oneof(fc.constantFrom(...NASTY_NAMES), fc.string({ maxLength: 20 })), value: nasty }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("file" as const), index: fc.nat() }) },
);

/** The shape of the whole request: a mutated form (most of the time), or a body of the wrong kind. */
const attack = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant("form" as const), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }), csrf: fc.boolean().map((b) => b || Math.random() < 0.9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("json" as const), value: nasty }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("garbage" as const), value: nasty, type: fc.constantFrom("application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "text/plain", "multipart/form-data") }) },
);

function mutate(fields: Fields, mutations: Mutation[]): Fields {
  const pairs: Fields = [...fields];
  for (const m of mutations) {
    if (m.op === "extra") pairs.push([m.name, m.value]);
    else if (pairs.length === 0) continue;
    else if (m.op === "set") pairs[m.index % pairs.length] = [pairs[m.index % pairs.length][0], m.value];
    else if (m.op === "drop") pairs.splice(m.index % pairs.length, 1);
    else if (m.op === "repeat") pairs.push([pairs[m.index % pairs.length][0], m.value]);
    else pairs[m.index % pairs.length] = [pairs[m.index % pairs.length][0], new File(["\u0000\u00ff binary"], "x.bin", { type: "application/octet-stream" })];
  }
  return pairs;
}

const never5xx = (answer: Answer, what: string) => {
  expect(answer.status, `${what} → ${answer.status}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  // React's development-build warnings (a repeated field shown back as a list in a <select>) are not errors of the
  // server: production React does not emit them.
  const logged = consoleErrors().mock.calls.filter((call) => !String(call[0]).startsWith("Warning: "));
  consoleErrors().mockClear();
  const messages = logged.map((call) => call.map((part) => String((part as Error)?.stack ?? part)).join(" ").slice(0, 1500));
  expect(messages.length, `${what} → ${answer.status} logged an error:\n${messages.join("\n")}`).toBe(0);
};

/** The role the form is for: the first one allowed to post it (its attempt reaches validation and the service). */
function allowedRole(post: PostCase): Role {
  return ROLES.find((role) => post.expect[role] === "ok" || post.expect[role] === "refused") ?? "anonymous";
}

describe("every form refuses hostile input with a 4xx and changes nothing", () => {
  for (const rule of RULES) {
    for (const post of rule.post ?? []) {
      test(`${rule.route} POST ${post.intent}`, { timeout: TIMEOUT }, async () => {
        const role = allowedRole(post);
        let cell: Cell | undefined;
        await fc.assert(
          fc.asyncProperty(attack, async (input) => {
            // A fresh object after a run that was accepted (it may have used the object up).
            cell ??= await post.prepare(world, role);
            const client = await clientFor(world, role);
            const before = await fingerprint();
            let answer: Answer;
            let what: string;
            if (input.kind === "form") {
              const fields = mutate(cell.fields, input.mutations);
              what = `POST ${cell.path} ${JSON.stringify(fields.map(([k, v]) => [k.slice(0, 40), typeof v === "string" ? v.slice(0, 40) : "<file>"]))}`;
              if (process.env.FC_DEBUG) process.stderr.write(`→ ${what.slice(0, 300)}\n`);
              answer = await client.post(cell.path, fields, { csrf: input.csrf });
            } else if (input.kind === "json") {
              what = `POST ${cell.path} as JSON`;
              answer = await client.raw(cell.path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ csrf: client.csrf, value: input.value }) });
            } else {
              what = `POST ${cell.path} with a broken ${input.type} body`;
              answer = await client.raw(cell.path, { method: "POST", headers: { "content-type": input.type }, body: input.value });
            }
            if (process.env.FC_DEBUG) process.stderr.write(`${answer.status} ${what.slice(0, 300)}\n`);
            never5xx(answer, what);
            if (answer.status >= 400) {
              const changed = changedTables(before, await fingerprint());
              expect(changed, `${what} was refused (${answer.status}) but changed the database`).toEqual([]);
            } else {
              cell = undefined;
            }
          }),
          settings(RUNS),
        );
      });
    }
  }
});

describe("every URL with an id refuses hostile ids with a 4xx", () => {
  const SEGMENTS = ["0", "-1", "1.5", "abc", "2147483648", "99999999999999999999", "%00", "%E0%A4%A", "%2e%2e%2f", "<script>", "1%20OR%201=1", "%F0%9F%98%80", "1e3", "0x10"];
  for (const rule of RULES) {
    for (const get of rule.get ?? []) {
      test(`${rule.route} GET ${get.label ?? ""}`.trim(), { timeout: TIMEOUT }, async () => {
        const path = get.path(world);
        if (!/\/\d+/.test(path)) return; // no id in this URL
        const role = ROLES.find((r) => get.expect[r] === "ok") ?? "admin";
        const client = await clientFor(world, role);
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...SEGMENTS), async (segment) => {
            const hostile = path.replace(/\/\d+/, `/${segment}`);
            const answer = await client.get(hostile);
            never5xx(answer, `GET ${hostile}`);
          }),
          settings(Math.max(4, Math.ceil(RUNS / 2))),
        );
      });
    }
  }
});

describe("search pages and the suggestion API take any query string", () => {
  const KEYS = ["q", "page", "district", "districts", "street", "tags", "tag", "kind", "grade", "minGrade", "budgetMin", "budgetMax", "status", "sort", "scope", "qualification", "community", "deadline", "cross", "tab", "warning", "merged", "newName", "blank", "entityId", "entityType", "action", "actorRole", "role", "from", "to", "__proto__"];
  const query = fc.array(fc.tuple(fc.constantFrom(...KEYS), nasty), { minLength: 1, maxLength: 6 });
  for (const page of ["/needs", "/orgs", "/api/v1/search/suggest", "/admin/verification", "/admin/users", "/admin/audit", "/admin/tags", "/workspace/needs/new", "/workspace/needs", "/workspace/bids", "/workspace/needs/eligible-count", "/workspace/recommended", "/workspace/searches"]) {
    test(`GET ${page}?…`, { timeout: TIMEOUT }, async () => {
      const role: Role = page.startsWith("/admin") ? "admin" : page.startsWith("/workspace/needs") ? "buyerX" : page.startsWith("/workspace/") ? "orgA" : "anonymous";
      const client = await clientFor(world, role);
      await fc.assert(
        fc.asyncProperty(query, async (pairs) => {
          const url = `${page}?${new URLSearchParams(pairs.map(([k, v]) => [k, v.slice(0, 3000)])).toString()}`;
          const answer = await client.get(url);
          never5xx(answer, `GET ${url.slice(0, 300)}`);
          expect(answer.status, `GET ${url.slice(0, 300)}`).toBe(200);
          // What was typed is shown as text, never as markup.
          expect(answer.text).not.toMatch(/<script>alert\(1\)<\/script>|<img src=x onerror/);
        }),
        settings(RUNS * 2),
      );
    });
  }
});

describe("files and shapes that once broke a form", () => {
  test("a list index of a hundred million in a field name is refused at once (it used to run the server out of memory)", async () => {
    const client = await clientFor(world, "anonymous");
    for (const name of ["x[99999999]", "team[99999999].name", "criteria[1000].weight", "a[b]", "x".repeat(300)]) {
      const started = Date.now();
      const answer = await client.post("/login", [["email", "a@example.cn"], ["password", "x"], [name, "1"]]);
      expect(answer.status, name).toBe(400);
      expect(Date.now() - started, name).toBeLessThan(2_000);
    }
  });

  test("a NUL character typed into an administrator's search box is ignored, not a 500 (it was, on /admin/verification)", async () => {
    const admin = await clientFor(world, "admin");
    for (const path of ["/admin/verification?q=abc%00def", "/admin/users?q=%00", "/admin/audit?entityId=1%00"]) {
      const answer = await admin.get(path);
      expect(answer.status, path).toBe(200);
    }
  });

  test("a NUL character in any field is refused before it reaches the database (it was a 500 on the reason of a verification decision)", async () => {
    const admin = await clientFor(world, "admin");
    const org = await prisma.organization.create({ data: { name: "暂停中的测试机构", kind: "SOCIAL_SERVICE", districtCode: "310104", status: "SUSPENDED" } });
    const before = await fingerprint();
    const answer = await admin.post(`/admin/verification/${org.id}`, [["intent", "reinstate"], ["reason", "核查\u0000完毕"]]);
    expect(answer.status).toBe(400);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  test("registry uploads with hostile content are answered with a 4xx or a preview, never a 500", { timeout: TIMEOUT }, async () => {
    const admin = await clientFor(world, "admin");
    const header = "uscc,filingNo,name,kind,districtCode\n";
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          nasty.map((value) => header + `,沪徐备FZ-1,${value},群众活动团队,310104\n`),
          nasty.map((value) => `${header},${value},测试团队,${value},${value}\n`),
          fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
          nasty.map((value) => JSON.stringify([{ filingNo: value, name: value, kind: "群众活动团队", districtCode: "310104", __proto__: { polluted: true } }])),
          fc.constant("\uFEFF" + header + ",沪徐备FZ-2,测试\u0000团队,群众活动团队,310104\n"),
          fc.constant('{"a":'.repeat(5_000)),
        ),
        fc.constantFrom("registry.csv", "registry.json", "x.CSV"),
        async (content, fileName) => {
          const before = await fingerprint();
          const answer = await admin.post("/admin/import", [["file", new File([content], fileName)]]);
          never5xx(answer, `upload ${fileName} ${JSON.stringify(content.slice(0, 120))}`);
          if (answer.status >= 400) expect(changedTables(before, await fingerprint())).toEqual([]);
        },
      ),
      settings(RUNS * 2),
    );
  });
});
