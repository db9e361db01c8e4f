import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { GroupedSelectField } from "#app/components/grouped-select.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert, Badge, PageHeader } from "#app/components/ui/basics.tsx";
import { CheckboxField, Field, FormErrors, SelectField, TextareaField } from "#app/components/ui/field.tsx";
import { hasMessage } from "#app/i18n/index.ts";
import { TagActionSchema } from "#app/modules/tags/schemas.ts";
import { applyTagAction, getTagDetail, type MergeResult } from "#app/modules/tags/tags.server.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/forms.server.ts";
import { runFormService } from "#app/utils/intent.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow, notFound } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

const ParamsSchema = z.object({ tagId: z.coerce.number().int().positive().max(2_147_483_647) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return loadOrThrow(() => getTagDetail(actor, parsed.data.tagId));
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageMeta(matches, { text: data.tag.nameZh }) : pageMeta(matches, "tags.admin.title");
export const ErrorBoundary = RouteErrorBoundary;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const parsedParams = ParamsSchema.safeParse(params);
  if (!parsedParams.success) throw notFound();
  const { tagId } = parsedParams.data;
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const id = String(formData.get("synonymId") ?? "");
  const submission = parseWithZod(formData, { schema: TagActionSchema });
  if (submission.status !== "success") return data({ intent, id, result: submission.reply({ hideFields: ["csrf"] }) }, { status: 400 });
  const input = submission.value;
  const result = await runFormService({ intent, id }, () => applyTagAction(actor, tagId, input));
  if (!result.ok) return result.response;
  const back = `/admin/tags/${tagId}`;
  switch (input.intent) {
    case "rename":
      return redirectWithToast(request, back, { type: "success", key: "tags.rename.done" });
    case "move":
      return redirectWithToast(request, back, { type: "success", key: "tags.move.done" });
    case "add-synonym":
      return redirectWithToast(request, `${back}#synonyms`, { type: "success", key: "tags.synonyms.added", vars: { term: input.term } });
    case "remove-synonym":
      return redirectWithToast(request, `${back}#synonyms`, { type: "success", key: "tags.synonyms.removed" });
    case "deprecate":
      return redirectWithToast(request, back, { type: "success", key: "tags.deprecate.done" });
    case "reactivate":
      return redirectWithToast(request, back, { type: "success", key: "tags.reactivate.done" });
    case "merge": {
      const merge = result.value as MergeResult;
      const target = await getTagDetail(actor, merge.targetId);
      return redirectWithToast(request, `/admin/tags/${merge.targetId}`, {
        type: "success",
        key: "tags.merge.done",
        vars: { orgs: merge.orgsRetagged, needs: merge.needsRetagged, target: target.tag.nameZh },
      });
    }
  }
}

type ActionData = { intent?: string; id?: string; result?: SubmissionResult<string[]>; formError?: { key: string; vars?: Record<string, string | number> } };

function useTagForm(intent: string, id?: string) {
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const mine = actionData?.intent === intent && (id === undefined || actionData.id === id);
  const formError = mine && actionData?.formError ? `${actionData.formError.key}${actionData.formError.vars ? `|${JSON.stringify(actionData.formError.vars)}` : ""}` : undefined;
  return { lastResult: mine ? actionData?.result : undefined, formError };
}

function Submit({ intent, label, danger }: { intent: string; label: string; danger?: boolean }) {
  const navigation = useNavigation();
  const { t } = useT();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <button className={danger ? "btn btn--danger" : "btn"} type="submit" disabled={busy}>
        {busy ? t("form.saving") : label}
      </button>
    </>
  );
}

export default function TagDetail() {
  const { tag, usage, history } = useLoaderData<typeof loader>();
  const { t, locale, dateTime, number } = useT();
  const merged = tag.status === "MERGED";
  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: "/admin/tags", label: t("tags.admin.title") }]}
        title={tag.nameZh}
        lead={
          <span className="row" style={{ gap: 6 }}>
            <Badge tone={tag.status === "ACTIVE" ? "success" : tag.status === "DEPRECATED" ? "warning" : "neutral"}>{t(`tags.status.${tag.status}`)}</Badge>
            <span>{locale === "en" ? tag.group.nameEn : tag.group.nameZh}</span>
            {tag.nameEn ? <span lang="en">· {tag.nameEn}</span> : null}
          </span>
        }
      />
      {merged && tag.mergedInto ? (
        <Alert tone="info">
          {t("tags.detail.mergedAlert", { name: tag.mergedInto.nameZh })} <Link to={`/admin/tags/${tag.mergedInto.id}`}>{tag.mergedInto.nameZh}</Link>
        </Alert>
      ) : null}
      <div className="layout-aside">
        <div className="stack">
          <section className="card" aria-labelledby="facts">
            <h2 id="facts">{t("tags.detail.facts")}</h2>
            <dl className="facts">
              <dt>{t("tags.admin.group")}</dt>
              <dd>{locale === "en" ? tag.group.nameEn : tag.group.nameZh}</dd>
              <dt>{t("tags.admin.parent")}</dt>
              <dd>{tag.parent ? <Link to={`/admin/tags/${tag.parent.id}`}>{tag.parent.nameZh}</Link> : t("tags.admin.parentNone")}</dd>
              {tag.description ? (
                <>
                  <dt>{t("tags.admin.description")}</dt>
                  <dd>{tag.description}</dd>
                </>
              ) : null}
              <dt>{t("tags.admin.usageLabel")}</dt>
              <dd>
                {t("tags.detail.usageValue", {
                  orgs: number(usage.orgs),
                  openNeeds: number(usage.openNeeds),
                  needs: number(usage.needs),
                  catalog: number(usage.catalogItems),
                })}
              </dd>
              {tag.children.length > 0 ? (
                <>
                  <dt>{t("tags.detail.children")}</dt>
                  <dd>
                    {tag.children.map((child, index) => (
                      <span key={child.id}>
                        {index > 0 ? (locale === "en" ? ", " : "、") : ""}
                        <Link to={`/admin/tags/${child.id}`}>{child.nameZh}</Link>
                      </span>
                    ))}
                  </dd>
                </>
              ) : null}
              {tag.mergedFrom.length > 0 ? (
                <>
                  <dt>{t("tags.detail.mergedFrom")}</dt>
                  <dd>{tag.mergedFrom.map((from) => from.nameZh).join(locale === "en" ? ", " : "、")}</dd>
                </>
              ) : null}
              <dt>{t("tags.detail.created")}</dt>
              <dd>{dateTime(tag.createdAt)}</dd>
            </dl>
          </section>
          <Synonyms />
          {!merged ? <RenameForm /> : null}
          {!merged ? <MoveForm /> : null}
          <section className="card" aria-labelledby="history">
            <h2 id="history">{t("tags.history.title")}</h2>
            {history.length === 0 ? (
              <p className="muted">{t("tags.history.empty")}</p>
            ) : (
              <ul className="listing">
                {history.map((row) => (
                  <li key={row.id}>
                    <strong>{hasMessage(`admin.action.${row.action}`) ? t(`admin.action.${row.action}` as never) : row.action}</strong> <HistoryDetail row={row} />
                    <div className="muted small">
                      {dateTime(row.createdAt)} · {row.actorName ?? t("admin.audit.system")}
                    </div>
                    {row.reason ? <p className="small" style={{ margin: "2px 0 0" }}>{row.reason}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div className="stack">
          {tag.status === "ACTIVE" ? <MergeForm /> : null}
          {tag.status === "ACTIVE" ? <DeprecateForm /> : null}
          {tag.status === "DEPRECATED" ? <ReactivateForm /> : null}
        </div>
      </div>
    </>
  );
}

function HistoryDetail({ row }: { row: { action: string; before: unknown; after: unknown } }) {
  const before = (row.before ?? {}) as Record<string, unknown>;
  const after = (row.after ?? {}) as Record<string, unknown>;
  const text = (() => {
    switch (row.action) {
      case "tag.rename":
        return `${String(before.nameZh ?? "")} → ${String(after.nameZh ?? "")}`;
      case "tag.synonym.add":
        return String(after.term ?? "");
      case "tag.synonym.remove":
        return String(before.term ?? "");
      case "tag.merge":
        return `→ ${String((after.mergedInto as { nameZh?: string } | undefined)?.nameZh ?? "")}（${String(after.orgsRetagged ?? 0)} / ${String(after.needsRetagged ?? 0)}）`;
      case "tag.merge.receive":
        return `← ${String((after.mergedFrom as { nameZh?: string } | undefined)?.nameZh ?? "")}（${String(after.orgsRetagged ?? 0)} / ${String(after.needsRetagged ?? 0)}）`;
      default:
        return "";
    }
  })();
  return text ? <span>{text}</span> : null;
}

function Synonyms() {
  const { tag } = useLoaderData<typeof loader>();
  const { t } = useT();
  const [params] = useSearchParams();
  const add = useTagForm("add-synonym");
  const remove = useTagForm("remove-synonym");
  const [form, fields] = useForm({
    id: "add-synonym",
    lastResult: add.lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TagActionSchema }),
    defaultValue: { term: params.get("synonym") ?? "" },
  });
  return (
    <section className="card" aria-labelledby="synonyms-title" id="synonyms">
      <h2 id="synonyms-title">{t("tags.synonyms.title")}</h2>
      <p className="muted small">{t("tags.synonyms.lead")}</p>
      <FormErrors errors={[remove.formError]} />
      {tag.synonyms.length === 0 ? (
        <p className="muted">{t("tags.synonyms.empty")}</p>
      ) : (
        <ul className="tag-picker__chosen">
          {tag.synonyms.map((synonym) => (
            <li key={synonym.id} className="tag tag--chip">
              <span>{synonym.term}</span>
              {tag.status !== "MERGED" ? (
                <AppForm className="inline-form">
                  <input type="hidden" name="synonymId" value={synonym.id} />
                  <button className="tag__remove" name="intent" value="remove-synonym" aria-label={t("tags.synonyms.remove", { term: synonym.term })}>
                    <span aria-hidden="true">×</span>
                  </button>
                </AppForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {tag.status !== "MERGED" ? (
        <AppForm {...getFormProps(form)} noValidate className="row" style={{ alignItems: "flex-end", marginTop: 12 }}>
          <div style={{ flex: "1 1 220px" }}>
            <Field label={t("tags.synonyms.term")} errors={[...(fields.term.errors ?? []), ...(add.formError ? [add.formError] : [])]} {...getInputProps(fields.term, { type: "text" })} />
          </div>
          <div style={{ marginBottom: 18 }}>
            <Submit intent="add-synonym" label={t("tags.synonyms.add")} />
          </div>
        </AppForm>
      ) : null}
    </section>
  );
}

function RenameForm() {
  const { tag } = useLoaderData<typeof loader>();
  const { t } = useT();
  const state = useTagForm("rename");
  const [form, fields] = useForm({
    id: "rename",
    lastResult: state.lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TagActionSchema }),
    defaultValue: { nameZh: tag.nameZh, nameEn: tag.nameEn ?? "", description: tag.description, keepOldName: "on" },
  });
  return (
    <section className="card" aria-labelledby="rename-title">
      <h2 id="rename-title">{t("tags.rename.title")}</h2>
      <AppForm {...getFormProps(form)} noValidate>
        <FormErrors errors={[...(form.errors ?? []), state.formError]} />
        <div className="field-row">
          <Field label={t("tags.admin.nameZh")} errors={fields.nameZh.errors} {...getInputProps(fields.nameZh, { type: "text" })} />
          <Field label={t("tags.admin.nameEn")} optional errors={fields.nameEn.errors} {...getInputProps(fields.nameEn, { type: "text" })} lang="en" />
        </div>
        <TextareaField label={t("tags.admin.description")} optional errors={fields.description.errors} {...getTextareaProps(fields.description)} rows={2} />
        <CheckboxField label={t("tags.rename.keepOld", { name: tag.nameZh })} {...getInputProps(fields.keepOldName, { type: "checkbox" })} />
        <Submit intent="rename" label={t("tags.rename.submit")} />
      </AppForm>
    </section>
  );
}

function MoveForm() {
  const { tag, groups, parentOptions } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const state = useTagForm("move");
  const [groupId, setGroupId] = useState(String(tag.groupId));
  const [form, fields] = useForm({ id: "move", lastResult: state.lastResult });
  return (
    <section className="card" aria-labelledby="move-title">
      <h2 id="move-title">{t("tags.move.title")}</h2>
      <p className="muted small">{t("tags.move.lead")}</p>
      <AppForm {...getFormProps(form)} noValidate>
        <FormErrors errors={[...(form.errors ?? []), state.formError]} />
        <div className="field-row">
          <SelectField
            label={t("tags.admin.group")}
            name="groupId"
            errors={fields.groupId.errors as string[] | undefined}
            value={groupId}
            onChange={(event) => setGroupId(event.target.value)}
            options={groups.map((group) => ({ value: String(group.id), label: locale === "en" ? group.nameEn : group.nameZh }))}
          />
          <GroupedSelectField
            key={groupId}
            label={t("tags.admin.parent")}
            hint={t("tags.admin.parentHint")}
            name="parentId"
            errors={fields.parentId.errors as string[] | undefined}
            defaultValue={groupId === String(tag.groupId) ? String(tag.parentId ?? "") : ""}
            placeholder={t("tags.admin.parentNone")}
            groups={groups
              .filter((group) => String(group.id) === groupId)
              .map((group) => ({
                label: locale === "en" ? group.nameEn : group.nameZh,
                options: parentOptions.filter((option) => option.groupId === group.id).map((option) => ({ value: String(option.id), label: option.nameZh })),
              }))}
          />
        </div>
        <Submit intent="move" label={t("tags.move.submit")} />
      </AppForm>
    </section>
  );
}

function MergeForm() {
  const { tag, usage, mergeTargets } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const state = useTagForm("merge");
  const [form, fields] = useForm({
    id: "merge",
    lastResult: state.lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TagActionSchema }),
  });
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const target of mergeTargets) {
    const label = locale === "en" ? target.group.nameEn : target.group.nameZh;
    const group = groups.get(label) ?? { label, options: [] };
    group.options.push({ value: String(target.id), label: target.nameZh });
    groups.set(label, group);
  }
  return (
    <section className="card danger-zone" aria-labelledby="merge-title">
      <h2 id="merge-title">{t("tags.merge.title")}</h2>
      <p className="muted small">{t("tags.merge.lead")}</p>
      <AppForm {...getFormProps(form)} noValidate>
        <FormErrors errors={[...(form.errors ?? []), state.formError]} />
        <GroupedSelectField label={t("tags.merge.target")} name={fields.targetId.name} errors={fields.targetId.errors} defaultValue="" placeholder={t("tags.merge.choose")} groups={[...groups.values()]} />
        <CheckboxField
          label={t("tags.merge.confirm", { name: tag.nameZh, orgs: usage.orgs, needs: usage.needs })}
          errors={fields.confirm.errors}
          {...getInputProps(fields.confirm, { type: "checkbox" })}
        />
        <Submit intent="merge" label={t("tags.merge.submit")} danger />
      </AppForm>
    </section>
  );
}

function DeprecateForm() {
  const { t } = useT();
  const state = useTagForm("deprecate");
  return (
    <section className="card" aria-labelledby="deprecate-title">
      <h2 id="deprecate-title">{t("tags.deprecate.title")}</h2>
      <p className="muted small">{t("tags.deprecate.lead")}</p>
      <AppForm>
        <FormErrors errors={[state.formError]} />
        <Field label={t("tags.deprecate.reason")} optional name="reason" type="text" maxLength={200} />
        <Submit intent="deprecate" label={t("tags.deprecate.submit")} />
      </AppForm>
    </section>
  );
}

function ReactivateForm() {
  const { t } = useT();
  const state = useTagForm("reactivate");
  return (
    <section className="card" aria-labelledby="reactivate-title">
      <h2 id="reactivate-title">{t("tags.reactivate.submit")}</h2>
      <p className="muted small">{t("tags.reactivate.lead")}</p>
      <AppForm>
        <FormErrors errors={[state.formError]} />
        <Submit intent="reactivate" label={t("tags.reactivate.submit")} />
      </AppForm>
    </section>
  );
}
