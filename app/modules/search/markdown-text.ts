// A need's description is Markdown; search indexes its words, not its syntax.
import { marked, type Token, type Tokens } from "marked";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };

function collect(tokens: Token[] | undefined, out: string[]) {
  for (const token of tokens ?? []) {
    switch (token.type) {
      case "space":
      case "hr":
      case "br":
        out.push(" ");
        break;
      case "list":
        for (const item of (token as Tokens.List).items) collect(item.tokens, out);
        break;
      case "table": {
        const table = token as Tokens.Table;
        for (const cell of table.header) collect(cell.tokens, out);
        for (const row of table.rows) for (const cell of row) collect(cell.tokens, out);
        break;
      }
      case "html":
        out.push(" ", (token as Tokens.HTML).text.replace(/<[^>]*>/g, " "), " ");
        break;
      case "image":
        out.push((token as Tokens.Image).text);
        break;
      default: {
        const withChildren = token as { tokens?: Token[]; text?: string };
        if (withChildren.tokens && withChildren.tokens.length > 0) collect(withChildren.tokens, out);
        else if (typeof withChildren.text === "string") out.push(withChildren.text);
      }
    }
    if (token.type === "paragraph" || token.type === "heading" || token.type === "code" || token.type === "blockquote") out.push("\n");
  }
}

/** Plain text of a Markdown document: words kept, syntax and HTML dropped, whitespace collapsed. */
export function markdownToText(markdown: string): string {
  if (!markdown.trim()) return "";
  const out: string[] = [];
  collect(marked.lexer(markdown), out);
  return out
    .join("")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}
