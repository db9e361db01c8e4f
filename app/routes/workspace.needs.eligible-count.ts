// The live count on the posting form: how many verified organizations the eligibility rules being drafted admit.
// GET with the rules as parameters; JSON-like data for a fetcher.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { countEligibleForRules } from "#app/modules/matching/service.server.ts";
import { LiveCountSchema } from "#app/modules/matching/schemas.ts";
import { requireBuyerUser } from "#app/utils/auth.server.ts";
import { loadOrThrow } from "#app/utils/responses.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBuyerUser(request);
  const params = new URL(request.url).searchParams;
  const rules = LiveCountSchema.parse({
    crossDistrict: params.get("crossDistrict") ?? "true",
    districtCodes: params.getAll("districtCodes"),
    minGrade: params.get("minGrade") || null,
    allowedKinds: params.getAll("allowedKinds"),
    requiredQualifications: params.getAll("requiredQualifications"),
    minYearsRegistered: params.get("minYearsRegistered") || null,
    minSocialWorkers: params.get("minSocialWorkers") || null,
    bidDeadline: params.get("bidDeadline") || null,
  });
  return { count: await loadOrThrow(() => countEligibleForRules(actor, rules)) };
}
