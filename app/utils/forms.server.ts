import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { isValidCsrf } from "./csrf.server.ts";
import { badRequest, forbidden } from "./responses.server.ts";

const MAX_FORM_BYTES = 2 * 1024 * 1024;
const MAX_FIELDS = 2_000;
const MAX_FIELD_NAME = 200;
/** The largest list index a form may use (`team[29].name`): the longest list on any form is a few hundred rows. */
const MAX_LIST_INDEX = 999;

/**
 * Why a form's shape is refused, or null (checked for every form, before any schema sees it). conform turns `rows[99999999].x` into a sparse list of that length, and its
 * reply (sent back with a 400) spells out every empty slot: a 30-byte request became hundreds of megabytes and ran
 * the server out of memory. So field names are bounded before anything parses them.
 */
export function formShapeProblem(formData: FormData): string | null {
  let count = 0;
  for (const [name, value] of formData.entries()) {
    if (++count > MAX_FIELDS) return "too many fields";
    if (name.length > MAX_FIELD_NAME) return "a field name is too long";
    // PostgreSQL cannot store NUL in text: no form has a use for it, and a schema that forgot to refuse it turned
    // the database's error into a 500.
    if (typeof value === "string" && value.includes("\u0000")) return "a field contains a NUL character";
    for (const match of name.matchAll(/\[([^\]]*)\]/g)) {
      if (!/^\d{1,3}$/.test(match[1]) || Number(match[1]) > MAX_LIST_INDEX) return "a list index is out of range";
    }
  }
  return null;
}

/**
 * Reads a posted form: refuses oversize bodies (413), unreadable bodies (400) and a missing or wrong CSRF token
 * (403). Every action starts here.
 */
export async function readForm(request: Request): Promise<FormData> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_FORM_BYTES) throw new Response("Payload too large", { status: 413 });
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw badRequest("The form could not be read.");
  }
  if (!(await isValidCsrf(request, formData))) throw forbidden("form.csrfInvalid");
  const problem = formShapeProblem(formData);
  if (problem) throw badRequest(`The form could not be read: ${problem}.`);
  return formData;
}

/** readForm + conform/zod parsing. On invalid input returns the 400 reply for the form to show. */
export async function parseForm<Schema extends z.ZodType>(request: Request, schema: Schema) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return {
      ok: false as const,
      formData,
      response: data({ result: submission.reply({ hideFields: ["password", "confirmPassword", "csrf"] }) }, { status: 400 }),
    };
  }
  return { ok: true as const, formData, submission, value: submission.value as z.output<Schema> };
}
