import { data } from "@remix-run/node";
import { runService } from "./responses.server.ts";

/**
 * runService for pages with several forms: a business-rule failure comes back tagged with the form's intent (and
 * the record it was about), so only the form that was submitted shows the message.
 */
export async function runFormService<T>(tag: { intent: string; id?: string | number }, fn: () => Promise<T>) {
  const result = await runService(fn);
  if (result.ok) return result;
  const { data: body, init } = result.response;
  return { ok: false as const, response: data({ ...body, intent: tag.intent, id: tag.id === undefined ? undefined : String(tag.id) }, init ?? undefined) };
}
