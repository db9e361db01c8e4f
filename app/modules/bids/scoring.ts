// Scores to totals and ranks. Browser-safe (the evaluation table shows the totals live as the buyer types).
// Scores are whole numbers 0–100 per criterion; weights are whole percent summing to 100, so Σ score × weight is
// an integer and the total has at most two decimals — no floating-point drift.

export type WeightedCriterion = { id: number; weight: number };

/** The weighted total (0–100, two decimals), or null while any criterion is unscored. */
export function totalScore(criteria: WeightedCriterion[], scores: { criterionId: number; score: number | null | undefined }[]) {
  if (criteria.length === 0) return null;
  let sum = 0;
  for (const criterion of criteria) {
    const score = scores.find((s) => s.criterionId === criterion.id)?.score;
    if (score === null || score === undefined) return null;
    sum += score * criterion.weight;
  }
  return sum / 100;
}

/** Competition ranking (1, 2, 2, 4) by total, highest first; unscored bids have no rank. */
export function rankOf(total: number | null, totals: (number | null)[]) {
  if (total === null) return null;
  return 1 + totals.filter((other) => other !== null && other > total).length;
}
