// Editing a need: a draft is changed in place (and can be published from here); a published need is changed by
// an amendment (更正公告) that is published with the change and sent to everyone following the need.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { NeedForm } from "#app/components/needs/need-form.tsx";
import { Alert } from "#app/components/ui/basics.tsx";
import { useT } from "#app/components/root-data.ts";
import { amendNeed, getNeedForEdit, getNeedFormOptions, updateDraft } from "#app/modules/needs/needs.server.ts";
import { draftFromFields, IdParamSchema, needFormSchema, needFormValue } from "#app/modules/needs/schemas.ts";
import { requireBuyerUser } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { loadOrThrow, notFound } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";
import { runNeedFormService } from "./need-form-action.server.ts";

function needIdOf(params: { needId?: string }) {
  const parsed = IdParamSchema.safeParse(params.needId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const needId = needIdOf(params);
  const [need, options] = await Promise.all([loadOrThrow(() => getNeedForEdit(actor, needId)), getNeedFormOptions()]);
  return {
    need: { id: need.id, status: need.status, version: need.version, open: need.open },
    published: need.status === "PUBLISHED" ? { enquiryDeadline: need.draft.enquiryDeadline?.toISOString() ?? null, bidDeadline: need.draft.bidDeadline?.toISOString() ?? null } : null,
    defaultValue: needFormValue(need.draft),
    options,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const needId = needIdOf(params);
  const current = await loadOrThrow(() => getNeedForEdit(actor, needId));
  const published = current.status === "PUBLISHED" ? { enquiryDeadline: current.draft.enquiryDeadline } : undefined;
  const parsed = await parseForm(request, needFormSchema(new Date(), published));
  if (!parsed.ok) return parsed.response;
  const value = parsed.value;
  const draft = draftFromFields(value);
  if (current.status === "PUBLISHED") {
    const result = await runNeedFormService(parsed.submission, () => amendNeed(actor, needId, draft, { version: value.version, summary: value.amendmentSummary }));
    if (!result.ok) return result.response;
    return redirectWithToast(request, `/workspace/needs/${needId}`, { type: "success", key: "needs.toast.amended" });
  }
  const publish = value.intent === "publish";
  const result = await runNeedFormService(parsed.submission, () => updateDraft(actor, needId, draft, { version: value.version, publish }));
  if (!result.ok) return result.response;
  return redirectWithToast(request, `/workspace/needs/${needId}`, { type: "success", key: publish ? "needs.toast.published" : "needs.toast.draftSaved" });
}

export default function EditNeed() {
  const { need, published, defaultValue, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  if (!need.open) return <Alert tone="info">{t("needs.amend.closed")}</Alert>;
  const lastResult = actionData && "result" in actionData ? actionData.result : null;
  return (
    <NeedForm
      id={`need-edit-${need.id}`}
      options={options}
      defaultValue={defaultValue}
      mode={need.status === "PUBLISHED" ? "published" : "draft"}
      lastResult={lastResult}
      version={need.version}
      published={published ?? undefined}
    />
  );
}
