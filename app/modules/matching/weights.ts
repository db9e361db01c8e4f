// Every weight of the matching score, in one place (docs/decisions/014-matching.md). Scores are 0–100.
//
// Relevance (what the organization does against what the need asks) dominates; quality and locality only order
// organizations of similar relevance. Eligibility is never a weight: it is a filter (see eligibility.ts).
export const WEIGHTS = {
  /** Share of the score that comes from relevance (text terms and tag overlap). */
  relevance: 70,
  /** Inside relevance: tag overlap vs matched terms (when the subject has no tags, terms take it all). */
  tagShare: 0.5,
  /** A valid grade, proportional to the level (5A = full). */
  grade: 8,
  /** Completed contracts on the platform, saturating at `trackSaturation`. */
  track: 6,
  trackSaturation: 5,
  /** Average rating above 3 stars, trusted fully from `ratingConfidence` ratings. */
  rating: 4,
  ratingConfidence: 3,
  /** A community social organization when the need gives them priority (Article 8). */
  communityPriority: 7,
  /** Locality: same street (full), same registered district, or a declared service district. Never a filter. */
  locality: 5,
  localityDistrict: 0.7,
  localityServiceDistrict: 0.5,
} as const;

/** How much a shared tag counts, by tag group: specific services count more than broad audiences or methods. */
export const TAG_GROUP_WEIGHT: Record<string, number> = {
  domain: 1,
  beneficiary: 0.45,
  mode: 0.25,
  "community-class": 0.2,
};

/** Candidates fetched per query term, and from the tag filter. */
export const RETRIEVAL = {
  /** Key terms taken from a need (or a profile). */
  maxTerms: 7,
  /** Terms whose candidates are fetched: the rarest ones, leaving out those most organizations mention. */
  candidateTerms: 5,
  commonShare: 0.25,
  perTerm: 60,
  byTags: 150,
} as const;
