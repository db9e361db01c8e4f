import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RouteErrorBoundary } from "#app/components/error-page.tsx";
import { useT } from "#app/components/root-data.ts";
import { Alert, Badge, PageHeader } from "#app/components/ui/basics.tsx";
import type { MessageKey } from "#app/i18n/index.ts";
import { changeFieldList, communityClassText } from "#app/modules/orgs/labels.ts";
import { getPublicProfile } from "#app/modules/orgs/profile.server.ts";
import { getActor } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow, notFound } from "#app/utils/responses.server.ts";

const ParamsSchema = z.object({ orgId: z.coerce.number().int().positive().max(2_147_483_647) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const actor = await getActor(request);
  return loadOrThrow(() => getPublicProfile(actor, parsed.data.orgId));
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageMeta(matches, { text: data.org.name }) : pageMeta(matches, "error.notFound.title");

export const ErrorBoundary = RouteErrorBoundary;

const STATUS_TONE = { PENDING: "warning", VERIFIED: "success", REJECTED: "danger", SUSPENDED: "danger", DEREGISTERED: "neutral" } as const;

function Stars({ rating }: { rating: number }) {
  const { t } = useT();
  const full = Math.round(rating);
  return (
    <span className="rating" role="img" aria-label={t("orgs.track.stars", { rating })}>
      {"★".repeat(full)}
      {"☆".repeat(Math.max(0, 5 - full))}
    </span>
  );
}

export default function OrganizationProfile() {
  const { org, contact, trackRecord, viewer, pendingChange } = useLoaderData<typeof loader>();
  const { t, locale, date, number } = useT();
  const name = (item: { name?: string; nameZh?: string; nameEn?: string | null }) =>
    locale === "en" ? (item.nameEn ?? item.nameZh ?? item.name ?? "") : (item.nameZh ?? item.name ?? "");
  const authority = org.registrationAuthority;
  const authorityText = authority
    ? authority.level === "municipal"
      ? t("orgs.profile.authorityMunicipal")
      : authority.level === "retired" && authority.successor
        ? t("orgs.profile.authorityRetired", {
            name: locale === "en" ? authority.nameEn : authority.nameZh,
            successor: locale === "en" ? authority.successor.nameEn : authority.successor.nameZh,
          })
        : locale === "en"
          ? authority.nameEn
          : authority.nameZh
    : null;
  const qualifications = (
    [
      ["taxExempt", "qualification.TAX_EXEMPT"],
      ["preTaxDeduction", "qualification.PRE_TAX_DEDUCTION"],
      ["donationReceipts", "qualification.DONATION_RECEIPTS"],
    ] as const
  ).filter(([field]) => org[field]);
  const gradeText =
    org.gradeLevel === null
      ? t("grade.none")
      : org.gradeExpired
        ? t("orgs.profile.gradeExpired", { grade: t("grade.label", { level: org.gradeLevel }), date: date(org.gradeValidUntil) })
        : org.gradeValidUntil
          ? t("orgs.profile.gradeValid", { grade: t("grade.label", { level: org.gradeLevel }), date: date(org.gradeValidUntil) })
          : t("grade.label", { level: org.gradeLevel });

  return (
    <>
      <PageHeader
        breadcrumbs={[
          { to: "/", label: t("nav.home") },
          { to: "/orgs", label: t("orgs.profile.breadcrumb") },
        ]}
        title={org.name}
        lead={
          <span className="row" style={{ gap: 6 }}>
            <Badge tone="primary">{t(`orgKind.${org.kind}`)}</Badge>
            {org.isCommunityOrg ? <Badge tone="success">{t("orgs.isCommunityOrg")}</Badge> : null}
            {org.communityClass ? <Badge>{communityClassText(t, org.communityClass)}</Badge> : null}
            {org.gradeLevel !== null ? (
              <Badge tone={org.gradeExpired ? "warning" : "success"}>
                {org.gradeExpired ? t("grade.expired", { level: org.gradeLevel }) : t("grade.label", { level: org.gradeLevel })}
              </Badge>
            ) : null}
            {org.status !== "VERIFIED" ? <Badge tone={STATUS_TONE[org.status]}>{t(`orgStatus.${org.status}`)}</Badge> : null}
          </span>
        }
        actions={
          <>
            {viewer.own ? (
              <Link className="btn btn--secondary" to="/workspace/profile">
                {t("orgs.profile.edit")}
              </Link>
            ) : null}
            {viewer.admin ? (
              <Link className="btn btn--secondary" to={`/admin/verification/${org.id}`}>
                {t("orgs.profile.review")}
              </Link>
            ) : null}
          </>
        }
      />
      {org.status !== "VERIFIED" ? <Alert tone="warning">{t("orgs.profile.notPublic", { status: t(`orgStatus.${org.status}`) })}</Alert> : null}
      {pendingChange ? <Alert tone="info">{t("orgs.profile.pendingChange", { fields: changeFieldList(t, pendingChange.changes, locale === "en" ? ", " : "、") })}</Alert> : null}

      <div className="layout-aside">
        <div className="stack">
          <section className="card" aria-labelledby="about">
            <h2 id="about">{t("orgs.profile.about")}</h2>
            {org.description ? <p style={{ whiteSpace: "pre-wrap" }}>{org.description}</p> : <p className="muted">{t("orgs.profile.noDescription")}</p>}
          </section>

          <section className="card" aria-labelledby="tags">
            <h2 id="tags">{t("orgs.tags")}</h2>
            {org.tagGroups.length === 0 ? (
              <p className="muted">{t("orgs.profile.noTags")}</p>
            ) : (
              <dl className="tag-groups">
                {org.tagGroups.map((group) => (
                  <div key={group.key}>
                    <dt>{name(group)}</dt>
                    <dd>
                      <ul className="tag-list">
                        {group.tags.map((tag) => (
                          <li key={tag.id} className="tag">
                            {name(tag)}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </section>

          <section className="card" aria-labelledby="cases">
            <h2 id="cases">{t("orgs.profile.cases")}</h2>
            {org.cases.length === 0 ? (
              <p className="muted">{t("orgs.profile.noCases")}</p>
            ) : (
              <ul className="listing">
                {org.cases.map((item) => (
                  <li key={item.id}>
                    <h3>
                      {item.title} {item.isBrand ? <Badge tone="primary">{t("orgs.case.brand")}</Badge> : null}
                    </h3>
                    {item.year ? <p className="muted small" style={{ margin: 0 }}>{t("orgs.case.year", { year: item.year })}</p> : null}
                    {item.description ? <p style={{ margin: "4px 0 0", whiteSpace: "pre-wrap" }}>{item.description}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="card" aria-labelledby="track">
            <h2 id="track">{t("orgs.track.title")}</h2>
            <dl className="stats" style={{ marginBottom: 16 }}>
              <div className="stat">
                <dt>{t("orgs.track.completed")}</dt>
                <dd>{number(trackRecord.completedContracts)}</dd>
              </div>
              <div className="stat">
                <dt>{t("orgs.track.rating")}</dt>
                <dd>
                  {trackRecord.averageRating !== null ? (
                    <>
                      {t("orgs.track.ratingValue", { rating: trackRecord.averageRating })}{" "}
                      <span className="muted small" style={{ fontWeight: 400 }}>
                        {t("orgs.track.ratingCount", { count: trackRecord.ratingCount })}
                      </span>
                    </>
                  ) : (
                    <span className="muted small">{t("orgs.track.noRating")}</span>
                  )}
                </dd>
              </div>
            </dl>
            <h3>{t("orgs.track.reviews")}</h3>
            {trackRecord.reviews.length === 0 ? (
              <p className="muted">{t("orgs.track.noReviews")}</p>
            ) : (
              <ul className="listing">
                {trackRecord.reviews.map((review) => (
                  <li key={review.id}>
                    <h3>
                      <Link to={`/needs/${review.need.id}`}>{review.need.title}</Link>
                    </h3>
                    <ul className="meta">
                      <li>{review.need.buyerUnit.name}</li>
                      {review.completedAt ? <li>{t("orgs.track.completedOn", { date: date(review.completedAt) })}</li> : null}
                      {review.rating ? (
                        <li>
                          <Stars rating={review.rating} />
                        </li>
                      ) : null}
                    </ul>
                    {review.review ? <p style={{ margin: "6px 0 0" }}>{review.review}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>

        <aside className="card" aria-labelledby="facts">
          <h2 id="facts">{t("orgs.profile.facts")}</h2>
          <dl className="facts facts--stacked">
            {org.uscc ? (
              <>
                <dt>{t("orgs.uscc")}</dt>
                <dd style={{ fontVariantNumeric: "tabular-nums" }}>
                  {org.uscc}
                  {org.usccCheckFailed && (viewer.admin || viewer.own) ? <span className="muted small">（{t("orgs.profile.usccCheckFailed")}）</span> : null}
                </dd>
              </>
            ) : null}
            {org.filingNo ? (
              <>
                <dt>{t("orgs.filingNo")}</dt>
                <dd>{org.filingNo}</dd>
              </>
            ) : null}
            {authorityText ? (
              <>
                <dt>{t("orgs.profile.authority")}</dt>
                <dd>{authorityText}</dd>
              </>
            ) : null}
            {org.custodian ? (
              <>
                <dt>{t("orgs.custodianLabel")}</dt>
                <dd>{org.custodian.status === "VERIFIED" ? <Link to={`/orgs/${org.custodian.id}`}>{org.custodian.name}</Link> : org.custodian.name}</dd>
              </>
            ) : null}
            <dt>{t("orgs.profile.location")}</dt>
            <dd>
              {name({ nameZh: org.district.name, nameEn: org.district.nameEn })}
              {org.street ? ` · ${org.street.name}` : ""}
            </dd>
            {org.address ? (
              <>
                <dt>{t("orgs.address")}</dt>
                <dd>{org.address}</dd>
              </>
            ) : null}
            <dt>{t("orgs.serviceDistricts")}</dt>
            <dd>
              {org.serviceDistricts.some((d) => d.code !== org.district.code)
                ? [org.district, ...org.serviceDistricts.filter((d) => d.code !== org.district.code)]
                    .map((d) => (locale === "en" ? d.nameEn : d.name))
                    .join(locale === "en" ? ", " : "、")
                : t("orgs.profile.noServiceDistricts")}
            </dd>
            {org.foundedOn ? (
              <>
                <dt>{t("orgs.foundedOn")}</dt>
                <dd>{date(org.foundedOn)}</dd>
              </>
            ) : null}
            <dt>{t("orgs.grade")}</dt>
            <dd>{gradeText}</dd>
            <dt>{t("orgs.qualifications")}</dt>
            <dd>{qualifications.length > 0 ? qualifications.map(([, key]) => t(key as MessageKey)).join(locale === "en" ? "; " : "；") : t("orgs.qualificationsNone")}</dd>
            <dt>{t("orgs.partyOrg")}</dt>
            <dd>{t(`partyOrg.${org.partyOrg}`)}</dd>
            <dt>{t("orgs.socialWorkers")}</dt>
            <dd>{number(org.certifiedSocialWorkers)}</dd>
            <dt>{t("orgs.staffCount")}</dt>
            <dd>{number(org.staffCount)}</dd>
            {org.website ? (
              <>
                <dt>{t("orgs.website")}</dt>
                <dd style={{ wordBreak: "break-all" }}>
                  <a href={org.website} rel="noopener noreferrer nofollow" target="_blank">
                    {org.website}
                  </a>
                </dd>
              </>
            ) : null}
            {org.verifiedAt && org.status === "VERIFIED" ? (
              <>
                <dt>{t("orgs.verifiedAt")}</dt>
                <dd>{date(org.verifiedAt)}</dd>
              </>
            ) : null}
            <dt>{t("orgs.profile.contact")}</dt>
            <dd>
              {contact ? (
                <>
                  {[contact.name, contact.phone].filter(Boolean).join(" · ") || "—"}
                  {contact.email ? (
                    <>
                      <br />
                      <a href={`mailto:${contact.email}`}>{contact.email}</a>
                    </>
                  ) : null}
                </>
              ) : (
                <Link to={`/login?redirectTo=${encodeURIComponent(`/orgs/${org.id}`)}`}>{t("orgs.profile.loginToSeeContact")}</Link>
              )}
            </dd>
          </dl>
        </aside>
      </div>
    </>
  );
}
