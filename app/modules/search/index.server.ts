// The search module's surface. Other modules use these (matching uses the indexes and the filter builders).
export { f, quote } from "./filter.ts";
export type { Filter, SearchEngine, SearchIndex, SearchRequest, SearchResponse, Hit } from "./port.ts";
export { SearchError } from "./port.ts";
export type { NeedDoc, OrgDoc } from "./documents.ts";
export { fairFieldFor } from "./documents.ts";
export {
  getSearch,
  peekSearch,
  rebuildFromDatabase,
  registerSearchHandlers,
  searchHealth,
  startSearch,
  stopSearch,
  SEARCH_TOPICS,
} from "./sync.server.ts";

/** The running engine's indexes (start-up must have called startSearch). */
export async function searchIndexes() {
  const { getSearch } = await import("./sync.server.ts");
  return getSearch().engine;
}
export { loadFacetReference } from "./reference.server.ts";
export { loadSynonyms } from "./synonyms.server.ts";
export { words } from "./tokenizer.server.ts";
export { needFilterParts, prepareQuery } from "./service.server.ts";
export { parseNeedSearchParams, type NeedSearchParams } from "./schemas.ts";
