// What the search routes call.
import { SearchError } from "./port.ts";

export { searchNeeds, searchOrgs, suggest } from "./service.server.ts";

/**
 * Runs a page's search; an engine that is down or refuses the request gives the page an error notice and a 503
 * (never a 500 for something the reader cannot fix).
 */
export async function runSearchPage<T>(fn: () => Promise<T>): Promise<{ summary: T | null; status: number }> {
  try {
    return { summary: await fn(), status: 200 };
  } catch (error) {
    if (!(error instanceof SearchError)) throw error;
    console.error(`[search] ${error.code}: ${error.message}`);
    return { summary: null, status: 503 };
  }
}
