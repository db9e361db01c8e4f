// 匹配机构: the organizations that meet this need's eligibility rules, ranked, with their reasons; narrow by
// district, kind and grade, and invite straight from the list.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ReasonList } from "#app/components/matching/match-display.tsx";
import { AppForm } from "#app/components/csrf.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert, Badge, EmptyState } from "#app/components/ui/basics.tsx";
import type { MessageKey } from "#app/i18n/index.ts";
import { translateError } from "#app/i18n/zod-errors.ts";
import { getNeedMatches } from "#app/modules/matching/service.server.ts";
import { parseMatchFilters } from "#app/modules/matching/schemas.ts";
import { inviteOrg } from "#app/modules/needs/invitations.server.ts";
import { IdParamSchema, InviteSchema } from "#app/modules/needs/schemas.ts";
import { loadFacetReference } from "#app/modules/search/index.server.ts";
import { ORG_KINDS } from "#app/modules/search/schemas.ts";
import { requireBuyerUser } from "#app/utils/auth.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { loadOrThrow, notFound, runService } from "#app/utils/responses.server.ts";
import { redirectWithToast } from "#app/utils/toast.server.ts";

function needIdOf(params: { needId?: string }) {
  const parsed = IdParamSchema.safeParse(params.needId);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const filters = parseMatchFilters(new URL(request.url).searchParams);
  const [matches, ref] = await Promise.all([
    loadOrThrow(() => getNeedMatches(actor, needIdOf(params), { filters, limit: filters.limit })),
    loadFacetReference(),
  ]);
  return { ...matches, filters, districts: ref.districts.map(({ code, name, nameEn }) => ({ code, name, nameEn })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const needId = needIdOf(params);
  const parsed = await parseForm(request, InviteSchema);
  if (!parsed.ok) return parsed.response;
  const result = await runService(() => inviteOrg(actor, needId, parsed.value.orgId, parsed.value.message));
  if (!result.ok) return result.response;
  const search = new URL(request.url).search;
  return redirectWithToast(request, `/workspace/needs/${needId}/matches${search}`, { type: "success", key: "matching.toast.invited", vars: { name: result.value.orgName } });
}

export default function Matches() {
  const { need, open, eligibleTotal, matched, results, filters, districts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, number } = useT();
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const loading = navigation.state === "loading" && navigation.location?.pathname.endsWith("/matches");
  const moreHref = () => {
    const params = new URLSearchParams();
    for (const d of filters.district) params.append("district", d);
    for (const k of filters.kind) params.append("kind", k);
    if (filters.grade) params.set("grade", String(filters.grade));
    params.set("limit", String(filters.limit === 20 ? 50 : 100));
    return `?${params}`;
  };
  return (
    <div className="stack">
      {formError ? <Alert tone="error">{translateError(t, formError.vars ? `${formError.key}|${JSON.stringify(formError.vars)}` : formError.key)}</Alert> : null}
      <section className="card" aria-labelledby="matches-title">
        <h2 id="matches-title">{t("matching.buyer.title")}</h2>
        <p className="muted">{t("matching.buyer.lead")}</p>
        <p role="status">{t("matching.buyer.eligibleCount", { count: number(eligibleTotal), matched: number(matched) })}</p>
        {need.status === "DRAFT" ? <Alert tone="info">{t("matching.buyer.draftNote")}</Alert> : null}
        {!open ? <Alert tone="info">{t("matching.buyer.closed")}</Alert> : null}
        <Form method="get" className="match-filters" aria-label={t("matching.buyer.filters")}>
          <fieldset>
            <legend>{t("matching.buyer.filters")}</legend>
            <div className="match-filters__row">
              <label>
                <span>{t("matching.buyer.filter.district")}</span>
                <select name="district" className="input" defaultValue={filters.district[0] ?? ""}>
                  <option value="">{t("matching.buyer.filter.any")}</option>
                  {districts.map((d) => (
                    <option key={d.code} value={d.code}>
                      {locale === "zh" ? d.name : d.nameEn}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t("matching.buyer.filter.kind")}</span>
                <select name="kind" className="input" defaultValue={filters.kind[0] ?? ""}>
                  <option value="">{t("matching.buyer.filter.any")}</option>
                  {ORG_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`orgKind.${kind}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t("matching.buyer.filter.grade")}</span>
                <select name="grade" className="input" defaultValue={filters.grade ? String(filters.grade) : ""}>
                  <option value="">{t("matching.buyer.filter.any")}</option>
                  {[5, 4, 3, 2, 1].map((level) => (
                    <option key={level} value={level}>
                      {t("matching.buyer.filter.gradeAtLeast", { level })}
                    </option>
                  ))}
                </select>
              </label>
              <div className="row">
                <button type="submit" className="btn btn--small">
                  {t("matching.buyer.filter.apply")}
                </button>
                {filters.district.length || filters.kind.length || filters.grade ? (
                  <Link to="." className="btn btn--small btn--secondary">
                    {t("matching.buyer.filter.clear")}
                  </Link>
                ) : null}
              </div>
            </div>
          </fieldset>
        </Form>
      </section>
      <section className="card" aria-labelledby="match-list-title" aria-busy={loading}>
        <h2 id="match-list-title" className="visually-hidden">
          {t("matching.buyer.resultsLabel")}
        </h2>
        {loading ? <p className="muted" role="status">{t("matching.loading")}</p> : null}
        {results.length === 0 ? (
          <EmptyState title={t("matching.buyer.empty")}>
            <p>{t("matching.buyer.emptyBody")}</p>
          </EmptyState>
        ) : (
          <ol className="listing match-list">
            {results.map((org) => (
              <li key={org.id}>
                <div className="row row--between">
                  <h3>
                    <Link to={`/orgs/${org.id}`}>{org.name}</Link>
                  </h3>
                  <span className="match-score">{t("matching.score", { score: Math.round(org.score) })}</span>
                </div>
                <ul className="meta">
                  <li>{t(`orgKind.${org.kind}` as MessageKey)}</li>
                  {org.district ? <li>{locale === "zh" ? org.district.name : org.district.nameEn}</li> : null}
                  <li>{org.grade ? t("grade.label", { level: org.grade }) : t("grade.none")}</li>
                  <li>{org.uscc ?? org.filingNo}</li>
                </ul>
                <ReasonList reasons={org.reasons} />
                {org.invited ? (
                  <Badge tone="success">{t("matching.buyer.invited")}</Badge>
                ) : open ? (
                  <AppForm className="invite-form" noValidate>
                    <input type="hidden" name="orgId" value={org.id} />
                    <input type="hidden" name="message" value="" />
                    <button className="btn btn--small" type="submit" disabled={navigation.state === "submitting"} aria-label={t("matching.buyer.inviteOrg", { name: org.name })}>
                      {t("matching.buyer.invite")}
                    </button>
                  </AppForm>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {results.length >= filters.limit && filters.limit < 100 ? (
          <p>
            <Link to={moreHref()} className="btn btn--secondary btn--small">
              {t("matching.buyer.more")}
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
