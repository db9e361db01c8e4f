// The authorization matrix: every route of app/routes.ts and every form it posts, tried by six people —
// a visitor, organizations A and B, buyer staff of units X and Y, an administrator — through the real app
// (routing, loaders, actions, services, rendering; see ./app.ts), on real objects each of them owns. The expected
// answer for each is declared once, in ./rules.ts. A denied or refused POST must leave the database unchanged, and
// no page may show a sealed bid or someone's e-mail address to anyone else.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { prisma } from "#app/db.server.ts";
import { startSearch } from "#app/modules/search/sync.server.ts";
import { seedReferenceData } from "../../prisma/seed/reference.ts";
import { app, changedTables, fingerprint, type Answer } from "./app.ts";
import { RULES, type Outcome } from "./rules.ts";
import { buildWorld, clientFor, ROLES, type Role, type World } from "./world.ts";

process.env.SESSION_SECRET ??= "security-tests-secret-0123456789";

let world: World;

beforeAll(async () => {
  await seedReferenceData(prisma);
  world = await buildWorld();
  await startSearch();
  await app();
}, 120_000);

function classify(answer: Answer, method: "GET" | "POST"): Outcome | `status ${number}` {
  const { status, location } = answer;
  if (status >= 300 && status < 400) {
    if (location?.startsWith("/login?redirectTo=")) return "login";
    return method === "GET" ? "away" : "ok";
  }
  if (status === 403) return "forbidden";
  if (status === 404) return "notFound";
  if (status >= 200 && status < 300) return "ok";
  if ([400, 409, 410, 413, 422, 429].includes(status)) return "refused";
  return `status ${status}`;
}

/** What a role must never see: the other organizations' sealed bids and the other parties' e-mail addresses. */
function secretsHiddenFrom(role: Role): string[] {
  const hidden: string[] = [];
  if (role !== "orgA") hidden.push(world.secrets.bidA);
  if (role !== "orgB") hidden.push(world.secrets.bidB);
  if (role !== "admin") {
    for (const [other, party] of Object.entries(world.parties)) if (other !== role && other !== "admin") hidden.push(party.email);
  }
  return hidden;
}

function matches(expected: Outcome, actual: string, method: "GET" | "POST") {
  // A POST that is refused by a redirect elsewhere (the log-in page for someone logged in) looks like a success
  // from outside; the unchanged database tells them apart.
  if (method === "POST" && expected === "away") return actual === "ok";
  return expected === actual;
}

describe("the rule table covers the route table", () => {
  test("every route in app/routes.ts has a rule", async () => {
    const { routes } = await app();
    const ruled = new Set(RULES.map((rule) => rule.route));
    const missing = routes.filter((route) => !ruled.has(route.id)).map((route) => `${route.id} (${route.pattern}, ${route.file})`);
    expect(missing, `Routes without an authorization rule — add them to tests/security/rules.ts:\n  ${missing.join("\n  ")}\n`).toEqual([]);
    const unknown = [...ruled].filter((id) => !routes.some((route) => route.id === id));
    expect(unknown, "Rules for routes that are not in app/routes.ts (renamed or removed?)").toEqual([]);
  });

  test("every route with a loader has a GET rule; every route with an action has POST rules for every intent its forms post", async () => {
    const { routes } = await app();
    const problems: string[] = [];
    for (const route of routes) {
      const rule = RULES.find((r) => r.route === route.id);
      if (!rule) continue;
      if (route.hasLoader && !rule.get?.length) problems.push(`${route.id}: has a loader but no GET rule`);
      if (route.hasAction && !rule.post?.length) problems.push(`${route.id}: has an action but no POST rule`);
      if (!route.hasAction && rule.post?.length) problems.push(`${route.id}: has POST rules but no action`);
      // A route without an action may hold a form that posts elsewhere (/needs → /workspace/searches): that route's rule covers it.
      if (!route.hasAction) continue;
      const posted = new Set<string>();
      for (const pattern of [/name="intent" value="([a-z][a-z-]+)"/g, /\bintent="([a-z][a-z-]+)"/g, /intent === "([a-z][a-z-]+)"/g, /intent: z\.literal\("([a-z][a-z-]+)"\)/g]) {
        for (const match of route.source.matchAll(pattern)) posted.add(match[1]);
      }
      const covered = new Set(rule.post?.map((p) => p.intent));
      for (const intent of posted) if (!covered.has(intent)) problems.push(`${route.id}: its forms post intent "${intent}" but no POST rule covers it`);
    }
    expect(problems, `Add the missing rules to tests/security/rules.ts:\n  ${problems.join("\n  ")}\n`).toEqual([]);
  });
});

describe("authorization matrix", () => {
  for (const rule of RULES) {
    describe(rule.route, () => {
      for (const get of rule.get ?? []) {
        test(`GET ${get.label ?? "the page"}`, { timeout: 60_000 }, async () => {
          const path = get.path(world);
          const hidden = get.hidden?.(world) ?? {};
          const shown = get.shown?.(world) ?? {};
          const problems: string[] = [];
          for (const role of ROLES) {
            const client = await clientFor(world, role);
            const answer = await client.get(path);
            const actual = classify(answer, "GET");
            if (!matches(get.expect[role], actual, "GET")) problems.push(`${role}: expected ${get.expect[role]}, got ${actual} (${answer.status}${answer.location ? ` → ${answer.location}` : ""})`);
            for (const secret of [...secretsHiddenFrom(role), ...(hidden[role] ?? [])]) {
              if (answer.text.includes(secret)) problems.push(`${role}: the page shows "${secret}"`);
            }
            for (const text of shown[role] ?? []) if (!answer.text.includes(text)) problems.push(`${role}: the page should show "${text}"`);
          }
          expect(problems, `GET ${path}`).toEqual([]);
        });
      }
      for (const post of rule.post ?? []) {
        test(`POST ${post.intent}`, { timeout: 60_000 }, async () => {
          const problems: string[] = [];
          const errors = vi.spyOn(console, "error").mockImplementation(() => {});
          for (const role of ROLES) {
            const cell = await post.prepare(world, role);
            const client = await clientFor(world, role);
            const before = await fingerprint();
            const answer = await client.post(cell.path, cell.fields);
            const actual = classify(answer, "POST");
            const expected = post.expect[role];
            if (!matches(expected, actual, "POST")) {
              problems.push(`${role}: expected ${expected}, got ${actual} (${answer.status}${answer.location ? ` → ${answer.location}` : ""}) ${answer.status >= 400 ? answer.text.slice(0, 200) : ""}`);
            }
            if (expected !== "ok") {
              const changed = changedTables(before, await fingerprint());
              if (changed.length) problems.push(`${role}: was refused (${actual}) but changed ${changed.join(", ")}`);
            }
            for (const secret of secretsHiddenFrom(role)) if (answer.text.includes(secret)) problems.push(`${role}: the answer shows "${secret}"`);
          }
          if (errors.mock.calls.length) problems.push(`console.error: ${errors.mock.calls.map((call) => String(call[0]?.stack ?? call[0])).join("\n")}`);
          expect(problems, `POST ${post.intent}`).toEqual([]);
        });
      }
    });
  }
});
