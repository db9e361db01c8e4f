// Need descriptions are written in Markdown and rendered to HTML on the server: `marked` turns Markdown into HTML,
// then `sanitize-html` keeps only an allow-list of tags and attributes (no scripts, styles, images, iframes or
// event handlers; links only to http(s) and mailto, opened with rel="nofollow noopener noreferrer"). Headings are
// shifted down so a description never competes with the page's own h1/h2. See docs/decisions/010-markdown-descriptions.md.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: true, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["h3", "h4", "h5", "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "title"], th: ["align"], td: ["align"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    h1: "h3",
    h2: "h3",
    h3: "h4",
    h4: "h5",
    h5: "h5",
    h6: "h5",
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer" }),
  },
};

export function renderMarkdown(markdown: string): string {
  if (!markdown.trim()) return "";
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, { ...SANITIZE, allowedAttributes: { ...SANITIZE.allowedAttributes, a: ["href", "title", "rel"] } });
}
