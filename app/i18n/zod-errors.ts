// zod reports problems as message keys (with variables) instead of English sentences, so the page shows them in
// the reader's language. Import this module once per entry point (server, client, CLI, tests).
import { z } from "zod";
import { hasMessage, type MessageKey, type MessageVars, type Translate } from "./index.ts";

/** Encodes a message key with its variables into the string zod and conform carry around. */
export function msg(key: MessageKey, vars?: MessageVars): string {
  return vars ? `${key}|${JSON.stringify(vars)}` : key;
}

/** Turns an error string from a schema (a key, a key with variables, or plain text) into a sentence. */
export function translateError(t: Translate, raw: string): string {
  const bar = raw.indexOf("|");
  const key = bar === -1 ? raw : raw.slice(0, bar);
  if (!hasMessage(key)) return raw;
  let vars: MessageVars | undefined;
  if (bar !== -1) {
    try {
      vars = JSON.parse(raw.slice(bar + 1)) as MessageVars;
    } catch {
      vars = undefined;
    }
  }
  if (vars) {
    // A variable may itself be a message key (e.g. an organization kind): show it translated.
    vars = Object.fromEntries(
      Object.entries(vars).map(([name, value]) => [name, typeof value === "string" && hasMessage(value) ? t(value) : value]),
    );
  }
  return t(key, vars);
}

let configured = false;

export function configureZodMessages() {
  if (configured) return;
  configured = true;
  z.config({
    customError(issue) {
      switch (issue.code) {
        case "invalid_type":
          if (issue.input === undefined || issue.input === null || issue.input === "") return msg("form.required");
          if (issue.expected === "number" || issue.expected === "int") return msg("form.invalidNumber");
          if (issue.expected === "date") return msg("form.invalidDate");
          return msg("form.invalid");
        case "too_small":
          if (issue.origin === "string") {
            return Number(issue.minimum) <= 1 ? msg("form.required") : msg("form.tooShort", { min: Number(issue.minimum) });
          }
          if (issue.origin === "array" || issue.origin === "set") {
            return Number(issue.minimum) <= 1 ? msg("form.required") : msg("form.tooSmall", { min: Number(issue.minimum) });
          }
          return msg("form.tooSmall", { min: Number(issue.minimum) });
        case "too_big":
          if (issue.origin === "string") return msg("form.tooLong", { max: Number(issue.maximum) });
          return msg("form.tooBig", { max: Number(issue.maximum) });
        case "invalid_format":
          if (issue.format === "email") return msg("form.invalidEmail");
          return msg("form.invalid");
        case "invalid_value":
          return msg("form.invalidChoice");
        case "not_multiple_of":
          return msg("form.invalidInteger");
        default:
          return undefined;
      }
    },
  });
}

configureZodMessages();
