import type { Criterion } from './call.model.js';

export interface Candidate {
  id: string;
  submittedAt: Date;
  requestedEuContributionCents: number;
  eligible: boolean;
  ineligibleReasons: string[];
  scores: { evaluatorId: string; criterion: string; score: number }[];
}

export interface CriterionResult {
  key: string;
  mean: number | null;
  scores: number;
}

export interface SelectionLine {
  id: string;
  criterionScores: CriterionResult[];
  /** 0..100, full precision; null until every criterion is scored. */
  total: number | null;
  rank: number | null;
  selected: boolean;
  euAmountGrantedCents: number;
  reasons: string[];
}

/** The mean of each criterion's scores across evaluators. */
export function criterionMeans(criteria: Criterion[], scores: Candidate['scores']): CriterionResult[] {
  return criteria.map((c) => {
    const own = scores.filter((s) => s.criterion === c.key).map((s) => s.score);
    return {
      key: c.key,
      mean: own.length ? own.reduce((a, b) => a + b, 0) / own.length : null,
      scores: own.length,
    };
  });
}

/** Weighted total normalised to 100: 100 × Σ(weight × mean / max) / Σ weight. */
export function weightedTotal(criteria: Criterion[], means: CriterionResult[]): number {
  const weights = criteria.reduce((s, c) => s + c.weight, 0);
  const sum = criteria.reduce((s, c, i) => s + (c.weight * (means[i]?.mean ?? 0)) / c.maxScore, 0);
  return (100 * sum) / weights;
}

/**
 * Ranks the eligible, fully scored expressions that reach every criterion threshold by total
 * (ties: earlier submission), and selects them in rank order while their requested EU
 * contributions fit what is left of the budget; the first that does not fit ends the selection.
 */
export function selectExpressions(
  criteria: Criterion[],
  budgetCents: number,
  candidates: Candidate[],
): SelectionLine[] {
  const lines = new Map<string, SelectionLine>();
  const ranked: { line: SelectionLine; candidate: Candidate }[] = [];
  for (const candidate of candidates) {
    const criterionScores = criterionMeans(criteria, candidate.scores);
    const line: SelectionLine = {
      id: candidate.id,
      criterionScores,
      total: null,
      rank: null,
      selected: false,
      euAmountGrantedCents: 0,
      reasons: [],
    };
    lines.set(candidate.id, line);
    if (!candidate.eligible) {
      line.reasons.push(...candidate.ineligibleReasons.map((r) => `Ineligible: ${r}`));
      continue;
    }
    const unscored = criteria.filter((_, i) => criterionScores[i]?.mean === null);
    if (unscored.length) {
      line.reasons.push(`Not scored on ${unscored.map((c) => c.title).join(', ')}.`);
      continue;
    }
    line.total = weightedTotal(criteria, criterionScores);
    criteria.forEach((c, i) => {
      const mean = criterionScores[i]?.mean ?? 0;
      if (mean < c.threshold)
        line.reasons.push(`Below the threshold on ${c.title}: ${mean.toFixed(2)} < ${c.threshold}.`);
    });
    if (!line.reasons.length) ranked.push({ line, candidate });
  }
  ranked.sort(
    (a, b) =>
      (b.line.total as number) - (a.line.total as number) ||
      a.candidate.submittedAt.getTime() - b.candidate.submittedAt.getTime(),
  );
  let remaining = budgetCents;
  let exhausted = false;
  ranked.forEach(({ line, candidate }, i) => {
    line.rank = i + 1;
    if (!exhausted && candidate.requestedEuContributionCents <= remaining) {
      line.selected = true;
      line.euAmountGrantedCents = candidate.requestedEuContributionCents;
      remaining -= candidate.requestedEuContributionCents;
    } else {
      exhausted = true;
      line.reasons.push('The call budget left is smaller than the EU contribution requested.');
    }
  });
  return candidates.map((c) => lines.get(c.id) as SelectionLine);
}
