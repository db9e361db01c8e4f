import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AppForm } from "#app/components/csrf.tsx";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { GroupedSelectField } from "#app/components/grouped-select.tsx";
import { useT } from "#app/components/root-data.ts";
import { Badge, EmptyState, PageHeader } from "#app/components/ui/basics.tsx";
import { CheckboxField, Field, FormErrors, SelectField, TextareaField } from "#app/components/ui/field.tsx";
import { hasMessage } from "#app/i18n/index.ts";
import { normalizeTerm } from "#app/modules/tags/normalize.ts";
import { CreateTagSchema } from "#app/modules/tags/schemas.ts";
import { createTag, getTagTree, listUnmetSearches, recentTagChanges } from "#app/modules/tags/tags.server.ts";
import { requireAdmin } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "tags.admin.title");
export const ErrorBoundary = RouteErrorBoundary;

const QuerySchema = z.object({
  q: z.string().trim().max(30).optional().catch(undefined),
  merged: z.literal("1").optional().catch(undefined),
  newName: z.string().trim().max(30).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireAdmin(request);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [tree, unmet, recent] = await Promise.all([getTagTree(actor), listUnmetSearches(actor), recentTagChanges(actor)]);
  return { query, tree, unmet, recent };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireAdmin(request);
  const parsed = await parseForm(request, CreateTagSchema);
  if (!parsed.ok) return parsed.response;
  const result = await runService(() => createTag(actor, parsed.value));
  if (!result.ok) return result.response;
  return redirectWithToast(request, `/admin/tags/${result.value.id}`, { type: "success", key: "tags.admin.created", vars: { name: result.value.nameZh } });
}

type Tree = Awaited<ReturnType<typeof getTagTree>>;
type TagNode = Tree["groups"][number]["tags"][number];

/** Keeps the nodes that match (and the ancestors of those that do); hides merged tags unless asked. */
function filterTree(nodes: TagNode[], q: string, showMerged: boolean): TagNode[] {
  const needle = normalizeTerm(q);
  const matches = (node: TagNode) =>
    !needle ||
    normalizeTerm(node.nameZh).includes(needle) ||
    (node.nameEn ? normalizeTerm(node.nameEn).includes(needle) : false) ||
    node.synonyms.some((synonym) => synonym.term.includes(needle));
  return nodes.flatMap((node) => {
    if (node.status === "MERGED" && !showMerged) return [];
    const children = filterTree(node.children, q, showMerged);
    return matches(node) || children.length > 0 ? [{ ...node, children }] : [];
  });
}

export default function TagsAdmin() {
  const { query, tree, unmet } = useLoaderData<typeof loader>();
  const { t, number } = useT();
  const navigation = useNavigation();
  const groups = tree.groups.map((group) => ({ ...group, tags: filterTree(group.tags, query.q ?? "", query.merged === "1") }));
  const nothing = query.q && groups.every((group) => group.tags.length === 0);
  return (
    <>
      <PageHeader
        title={t("tags.admin.title")}
        lead={t("tags.admin.lead")}
        actions={
          <a className="btn" href="#new-tag">
            {t("tags.admin.create")}
          </a>
        }
      />
      <p className="muted">
        {t("tags.admin.counts", { active: number(tree.counts.active), deprecated: number(tree.counts.deprecated), merged: number(tree.counts.merged) })}
        {" · "}
        <a href="#unmet">{t("tags.unmet.jump", { count: number(unmet.length) })}</a>
      </p>
      <Form method="get" className="card toolbar" role="search" aria-label={t("tags.admin.filter")}>
        <Field className="toolbar__grow" label={t("tags.admin.filter")} hint={t("tags.admin.filterHint")} name="q" type="search" defaultValue={query.q ?? ""} />
        <CheckboxField label={t("tags.admin.showMerged")} name="merged" value="1" defaultChecked={query.merged === "1"} />
        <div className="form-actions">
          <button className="btn" type="submit">
            {t("form.filter")}
          </button>
          <Link className="btn btn--secondary" to=".">
            {t("form.reset")}
          </Link>
        </div>
      </Form>

      <div className="layout-aside" style={{ marginTop: 16 }}>
        <div className="stack" aria-busy={navigation.state === "loading" || undefined}>
          {nothing ? (
            <div className="card">
              <EmptyState title={t("tags.admin.noMatch", { q: query.q ?? "" })} />
            </div>
          ) : null}
          {groups
            .filter((group) => !query.q || group.tags.length > 0)
            .map((group) => (
              <GroupTree key={group.id} group={group} expanded={Boolean(query.q)} />
            ))}
          <UnmetSearches />
        </div>
        <div className="stack">
          <CreateTag />
          <RecentChanges />
        </div>
      </div>
    </>
  );
}

function GroupTree({ group, expanded }: { group: Tree["groups"][number]; expanded: boolean }) {
  const { t, locale } = useT();
  return (
    <section className="card" aria-labelledby={`group-${group.id}`}>
      <h2 id={`group-${group.id}`}>{locale === "en" ? group.nameEn : group.nameZh}</h2>
      {group.tags.length === 0 ? <p className="muted">{t("tags.admin.emptyGroup")}</p> : <TagTree nodes={group.tags} expanded={expanded} />}
    </section>
  );
}

function TagTree({ nodes, expanded }: { nodes: TagNode[]; expanded: boolean }) {
  const { t, locale } = useT();
  return (
    <ul className="tree">
      {nodes.map((node) => {
        const shown = node.synonyms.slice(0, 6).map((s) => s.term);
        return (
          <li key={node.id} className={node.status !== "ACTIVE" ? "is-inactive" : undefined}>
            <div className="tree__row">
              <Link className="tree__name" to={`/admin/tags/${node.id}`}>
                {node.nameZh}
              </Link>
              {node.nameEn ? <span className="tree__meta" lang="en">{node.nameEn}</span> : null}
              {node.status === "DEPRECATED" ? <Badge tone="warning">{t("tags.status.DEPRECATED")}</Badge> : null}
              {node.status === "MERGED" && node.mergedInto ? <Badge>{t("tags.admin.mergedInto", { name: node.mergedInto.nameZh })}</Badge> : null}
              <span className="tree__meta">
                <span className="visually-hidden">{t("tags.admin.usageLabel")}：</span>
                {t("tags.admin.usage", { orgs: node.orgCount, needs: node.openNeedCount })}
              </span>
            </div>
            {shown.length > 0 ? (
              <p className="tree__synonyms">
                {t("tags.admin.synonyms")}：{shown.join(locale === "en" ? ", " : "、")}
                {node.synonyms.length > shown.length ? ` ${t("tags.admin.synonymsMore", { count: node.synonyms.length })}` : ""}
              </p>
            ) : null}
            {node.children.length > 0 ? (
              <details className="tree__children" open={expanded || undefined}>
                <summary>{t("tags.admin.children", { count: node.children.length })}</summary>
                <TagTree nodes={node.children} expanded={expanded} />
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function CreateTag() {
  const { query, tree } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { result?: SubmissionResult<string[]>; formError?: { key: string; vars?: Record<string, string | number> } } | undefined;
  const navigation = useNavigation();
  const { t, locale } = useT();
  const [form, fields] = useForm({
    id: "create-tag",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateTagSchema }),
    defaultValue: { nameZh: query.newName ?? "" },
  });
  const flat = (nodes: TagNode[]): TagNode[] => nodes.flatMap((node) => [node, ...flat(node.children)]);
  const formError = actionData?.formError ? `${actionData.formError.key}${actionData.formError.vars ? `|${JSON.stringify(actionData.formError.vars)}` : ""}` : undefined;
  return (
    <section className="card" aria-labelledby="create-tag-title" id="new-tag">
      <h2 id="create-tag-title">{t("tags.admin.create")}</h2>
      <p className="muted small">{t("tags.admin.createLead")}</p>
      <AppForm {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="create-tag" />
        <FormErrors errors={[...(form.errors ?? []), formError]} />
        <SelectField
          label={t("tags.admin.group")}
          errors={fields.groupId.errors}
          {...getSelectProps(fields.groupId)}
          options={tree.groups.map((group) => ({ value: String(group.id), label: locale === "en" ? group.nameEn : group.nameZh }))}
        />
        <GroupedSelectField
          label={t("tags.admin.parent")}
          hint={t("tags.admin.parentHint")}
          errors={fields.parentId.errors}
          name={fields.parentId.name}
          defaultValue=""
          placeholder={t("tags.admin.parentNone")}
          groups={tree.groups.map((group) => ({
            label: locale === "en" ? group.nameEn : group.nameZh,
            options: flat(group.tags)
              .filter((node) => node.status === "ACTIVE")
              .map((node) => ({ value: String(node.id), label: node.nameZh })),
          }))}
        />
        <Field label={t("tags.admin.nameZh")} errors={fields.nameZh.errors} {...getInputProps(fields.nameZh, { type: "text" })} />
        <Field label={t("tags.admin.nameEn")} optional errors={fields.nameEn.errors} {...getInputProps(fields.nameEn, { type: "text" })} lang="en" />
        <TextareaField label={t("tags.admin.description")} optional errors={fields.description.errors} {...getTextareaProps(fields.description)} rows={2} />
        <button className="btn" type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("form.saving") : t("tags.admin.create")}
        </button>
      </AppForm>
    </section>
  );
}

function UnmetSearches() {
  const { unmet } = useLoaderData<typeof loader>();
  const { t, dateTime, number } = useT();
  return (
    <section className="card" aria-labelledby="unmet" id="unmet" style={{ borderLeft: "5px solid #d99a00" }}>
      <h2 id="unmet">{t("tags.unmet.title")}</h2>
      <p className="muted small">{t("tags.unmet.lead")}</p>
      {unmet.length === 0 ? (
        <p className="muted">{t("tags.unmet.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("tags.unmet.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tags.unmet.query")}</th>
                <th scope="col">{t("tags.unmet.scope")}</th>
                <th scope="col" className="num">
                  {t("tags.unmet.searches")}
                </th>
                <th scope="col">{t("tags.unmet.last")}</th>
                <th scope="col">{t("tags.unmet.suggestion")}</th>
              </tr>
            </thead>
            <tbody>
              {unmet.map((row) => (
                <tr key={`${row.scope}:${row.query}`}>
                  <th scope="row">{row.query}</th>
                  <td>{t(`tags.unmet.scope.${row.scope}`)}</td>
                  <td className="num">{number(row.searches)}</td>
                  <td className="small">{dateTime(row.lastAt)}</td>
                  <td className="small">
                    {row.knownTag ? (
                      t("tags.unmet.known", { name: row.knownTag })
                    ) : (
                      <>
                        {row.closest ? t("tags.unmet.closest", { name: row.closest.nameZh }) : t("tags.unmet.none")}
                        <br />
                        <Link to={`?newName=${encodeURIComponent(row.query)}#new-tag`}>{t("tags.unmet.createTag")}</Link>
                        {row.closest ? (
                          <>
                            {" · "}
                            <UnmetSynonymLink query={row.query} tagName={row.closest.nameZh} />
                          </>
                        ) : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function UnmetSynonymLink({ query, tagName }: { query: string; tagName: string }) {
  const { tree } = useLoaderData<typeof loader>();
  const { t } = useT();
  const flat = (nodes: TagNode[]): TagNode[] => nodes.flatMap((node) => [node, ...flat(node.children)]);
  const tag = tree.groups.flatMap((group) => flat(group.tags)).find((node) => node.nameZh === tagName);
  if (!tag) return null;
  return <Link to={`/admin/tags/${tag.id}?synonym=${encodeURIComponent(query)}#synonyms`}>{t("tags.unmet.addSynonym", { name: tagName })}</Link>;
}

function RecentChanges() {
  const { recent } = useLoaderData<typeof loader>();
  const { t, dateTime } = useT();
  return (
    <section className="card" aria-labelledby="recent">
      <h2 id="recent">{t("tags.admin.recent")}</h2>
      {recent.length === 0 ? (
        <p className="muted">{t("tags.admin.recentEmpty")}</p>
      ) : (
        <ul className="listing">
          {recent.map((row) => {
            const label = `admin.action.${row.action}`;
            const after = (row.after ?? {}) as { nameZh?: string; term?: string; mergedInto?: { nameZh: string } };
            const before = (row.before ?? {}) as { nameZh?: string; term?: string };
            const subject = row.action === "tag.rename" ? `${before.nameZh ?? ""} → ${after.nameZh ?? ""}` : (row.tagName ?? before.nameZh ?? after.nameZh ?? "");
            const detail = row.action === "tag.merge" && after.mergedInto ? ` → ${after.mergedInto.nameZh}` : after.term ? `：${after.term}` : before.term ? `：${before.term}` : "";
            return (
              <li key={row.id} className="small">
                <strong>{hasMessage(label) ? t(label) : row.action}</strong>{" "}
                <Link to={`/admin/tags/${row.entityId}`}>
                  {subject || `#${row.entityId}`}
                  {detail}
                </Link>
                <div className="muted">
                  {dateTime(row.createdAt)} · {row.actorName ?? t("admin.audit.system")}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p className="small" style={{ marginTop: 12 }}>
        <Link to="/admin/audit?entityType=Tag">{t("admin.audit.title")}</Link>
      </p>
    </section>
  );
}
