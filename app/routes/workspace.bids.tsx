// "My bids": every bid of the organization with its status and, once decided, the outcome — its own scores per
// criterion, rank, the buyer's note, the winner — and for a won contract the acceptance result and the rating.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Stars } from "#app/components/needs/need-display.tsx";
import { useT } from "#app/components/root-data.ts";
import { Badge, EmptyState, PageHeader, Pagination } from "#app/components/ui/basics.tsx";
import { listMyBids } from "#app/modules/bids/bids.server.ts";
import { needPhase } from "#app/modules/needs/phase.ts";
import { requireOrgUser } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { loadOrThrow } from "#app/utils/responses.server.ts";
import needsStyles from "#app/styles/needs.css?url";


export const links: LinksFunction = () => [{ rel: "stylesheet", href: needsStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "bids.mine.title");

const PageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireOrgUser(request);
  const page = PageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
  return loadOrThrow(() => listMyBids(actor, { page }));
}

export default function MyBids() {
  const { items, page, pageCount, total, now } = useLoaderData<typeof loader>();
  const { t, yuan, dateTime } = useT();
  return (
    <>
      <PageHeader
        title={t("bids.mine.title")}
        lead={t("bids.mine.lead")}
        breadcrumbs={[{ to: "/workspace", label: t("nav.workspace") }]}
        actions={
          <Link className="btn btn--secondary" to="/needs">
            {t("bids.mine.browse")}
          </Link>
        }
      />
      {items.length === 0 ? (
        <div className="card">
          <EmptyState
            title={t("bids.mine.empty")}
            action={
              <Link className="btn" to="/needs">
                {t("bids.mine.browse")}
              </Link>
            }
          />
        </div>
      ) : (
        <ul className="bid-cards">
          {items.map((bid) => {
            const phase = needPhase(bid.need, new Date(now));
            const open = phase === "OPEN_FOR_BIDS";
            const outcome = bid.outcome;
            const statusTone = bid.status === "AWARDED" ? "success" : bid.status === "NOT_AWARDED" ? "danger" : bid.status === "WITHDRAWN" ? "neutral" : "primary";
            return (
              <li key={bid.id} className="card">
                <div className="row row--between">
                  <h2 className="bid-card__title">
                    <Link to={`/needs/${bid.need.id}`}>{bid.need.title}</Link>
                  </h2>
                  <Badge tone={statusTone}>{t(`bidStatus.${bid.status}`)}</Badge>
                </div>
                <ul className="meta">
                  <li>{bid.need.buyerName}</li>
                  <li>{t("bids.mine.price", { price: yuan(bid.price) })}</li>
                  <li>{t("bids.mine.updated", { time: dateTime(bid.updatedAt) })}</li>
                  <li>{bid.need.bidDeadline ? t("bids.mine.deadline", { time: dateTime(bid.need.bidDeadline) }) : null}</li>
                  {bid.custodianName ? <li>{t("bids.page.viaCustodian", { name: bid.custodianName })}</li> : null}
                </ul>
                {!outcome ? (
                  <p className="small">
                    {bid.status === "SUBMITTED"
                      ? open
                        ? t("bids.mine.openNote")
                        : t("bids.mine.evaluatingNote")
                      : bid.status === "WITHDRAWN" && open
                        ? t("bids.mine.withdrawnOpen")
                        : t("bids.mine.withdrawnNote")}{" "}
                    {open ? <Link to={`/needs/${bid.need.id}/bid`}>{bid.status === "WITHDRAWN" ? t("bids.mine.rebid") : t("bids.mine.edit")}</Link> : null}
                  </p>
                ) : (
                  <div className={`outcome outcome--${outcome.won ? "won" : "lost"}`}>
                    <h3>{outcome.won ? t("bids.mine.wonTitle") : t("bids.mine.lostTitle")}</h3>
                    {outcome.needStatusReason ? (
                      <p>{t(bid.need.status === "CANCELLED" ? "bids.mine.cancelled" : "bids.mine.unsuccessful", { reason: outcome.needStatusReason })}</p>
                    ) : null}
                    {outcome.totalScore !== null ? (
                      <>
                        <p>
                          {t("bids.mine.scoreLine", { score: outcome.totalScore.toFixed(2), rank: outcome.rank ?? "—", count: outcome.evaluated })}
                        </p>
                        <div className="table-wrap">
                          <table className="table table--compact">
                            <caption className="visually-hidden">{t("bids.mine.scoresCaption")}</caption>
                            <thead>
                              <tr>
                                <th scope="col">{t("needs.public.criterion")}</th>
                                <th scope="col" className="num">
                                  {t("needs.form.criterionWeight")}
                                </th>
                                <th scope="col" className="num">
                                  {t("bids.mine.yourScore")}
                                </th>
                              </tr>
                            </thead>
                            <tbody>
                              {outcome.scores.map((s) => (
                                <tr key={s.name}>
                                  <td>{s.name}</td>
                                  <td className="num">{s.weight}%</td>
                                  <td className="num">{s.score ?? "—"}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      </>
                    ) : null}
                    {outcome.winner ? (
                      <p>
                        {t("bids.mine.winnerLine", {
                          name: outcome.winner.name,
                          score: outcome.winner.totalScore === null ? "—" : outcome.winner.totalScore.toFixed(2),
                          amount: yuan(outcome.winner.amount),
                        })}
                      </p>
                    ) : null}
                    {outcome.reason ? (
                      <p>
                        <strong>{t("bids.mine.reason")}</strong>
                        {outcome.reason}
                      </p>
                    ) : null}
                    {outcome.contract ? (
                      <div className="contract-summary">
                        <p>{t("bids.mine.contractLine", { value: yuan(outcome.contract.value) })}</p>
                        {outcome.contract.completedAt ? (
                          <>
                            <p>
                              {t("needs.punct.colon", { label: t("needs.public.acceptance") })}
                              <strong>{t(`needs.acceptance.${outcome.contract.acceptanceResult!}`)}</strong>
                            </p>
                            <p>
                              {t("needs.punct.colon", { label: t("needs.public.rating") })}
                              <Stars rating={outcome.contract.rating ?? 0} />{" "}
                              <span className="small">{t("needs.rating.value", { rating: outcome.contract.rating ?? 0 })}</span>
                            </p>
                            {outcome.contract.review ? <p className="small pre-wrap">{outcome.contract.review}</p> : null}
                          </>
                        ) : (
                          <p className="small">{t("bids.mine.inDelivery")}</p>
                        )}
                      </div>
                    ) : null}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} total={total} />
    </>
  );
}
