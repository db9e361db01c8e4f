// GET /api/v1/search/suggest?scope=needs|orgs&q=… — search-as-you-type suggestions (JSON). Public, like the pages.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { SuggestParamsSchema } from "#app/modules/search/schemas.ts";
import { runSearchPage, suggest } from "#app/modules/search/pages.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = SuggestParamsSchema.parse({ scope: url.searchParams.get("scope") ?? undefined, q: url.searchParams.get("q") ?? "" });
  const outcome = await runSearchPage(() => suggest(params));
  return Response.json(
    { query: params.q, suggestions: outcome.summary ?? [] },
    { status: outcome.status, headers: { "Cache-Control": "no-store" } },
  );
}
