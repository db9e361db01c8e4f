// Shared by the "new need" and "edit need" actions: turns a service refusal into the form's reply, so publication
// problems found by the server (with the database clock) show at their fields exactly like the browser's.
import { data } from "@remix-run/node";
import type { Submission } from "@conform-to/react";
import { msg } from "#app/i18n/zod-errors.ts";
import { PermissionError, ServiceError } from "#app/modules/accounts/permissions.ts";
import type { PublishIssue } from "#app/modules/needs/rules.ts";
import { forbidden, notFound } from "#app/utils/responses.server.ts";

function fieldName(path: (string | number)[]) {
  return path.reduce<string>((name, segment) => (typeof segment === "number" ? `${name}[${segment}]` : name ? `${name}.${segment}` : segment), "");
}

export async function runNeedFormService<T>(submission: Submission<unknown>, fn: () => Promise<T>) {
  try {
    return { ok: true as const, value: await fn() };
  } catch (error) {
    if (error instanceof PermissionError) throw forbidden();
    if (!(error instanceof ServiceError)) throw error;
    if (error.status === 404) throw notFound();
    const issues = error.messageKey === "needs.publish.incomplete" ? ((error.details as PublishIssue[] | undefined) ?? []) : [];
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of issues) (fieldErrors[fieldName(issue.path)] ??= []).push(msg(issue.key, issue.vars));
    const reply = submission.reply({
      formErrors: [msg(error.messageKey as Parameters<typeof msg>[0], error.vars)],
      fieldErrors,
      hideFields: ["csrf"],
    });
    return { ok: false as const, response: data({ result: reply }, { status: error.status }) };
  }
}
