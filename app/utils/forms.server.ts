import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { isValidCsrf } from "./csrf.server.ts";
import { badRequest, forbidden } from "./responses.server.ts";

const MAX_FORM_BYTES = 2 * 1024 * 1024;

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
