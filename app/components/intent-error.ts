import { useActionData } from "@remix-run/react";

type IntentActionData = { intent?: string; id?: string; formError?: { key: string; vars?: Record<string, string | number> } };

/**
 * On pages with several small forms (one per record), the business-rule error of the last submission, but only
 * for the form that sent it (its intent and record id; see runFormService). A message key for <FormErrors>.
 */
export function useIntentError(intents: string[], id?: number | string) {
  const actionData = useActionData() as IntentActionData | undefined;
  if (!actionData?.formError || !intents.includes(actionData.intent ?? "")) return undefined;
  if (id !== undefined && actionData.id !== String(id)) return undefined;
  const { key, vars } = actionData.formError;
  return vars ? `${key}|${JSON.stringify(vars)}` : key;
}
