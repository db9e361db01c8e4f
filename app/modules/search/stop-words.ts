/**
 * Stop words: function words that carry no meaning in a search here. Applied to documents and queries alike in both
 * engines (and sent to Meilisearch as its `stopWords` setting). Browser-safe.
 */
export const STOP_WORDS = [
  "的", "了", "和", "与", "及", "或", "等", "之", "其", "并", "且", "而", "也", "是", "在", "对", "把", "被", "着",
  "the", "a", "an", "and", "or", "of", "to", "in", "for", "on", "with",
] as const;
