// The matching module's surface (DESIGN.md, "Matching"; docs/decisions/014-matching.md).
export { countEligibleOrgs, matchNeedsForOrg, matchOrgsForNeed, orgEligibilityFilter, reachAdviceForOrg, clearMatchingCache, type NeedSubject, type OrgMatch, type NeedMatch, type ReachAdvice } from "./engine.server.ts";
export { countEligibleForRules, getNeedMatches, getReachAdvice, getRecommendations, matchNeedByReference } from "./service.server.ts";
export { reasonText, type MatchReason } from "./reasons.ts";
