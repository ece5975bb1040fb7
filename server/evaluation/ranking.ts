import type { Criterion } from '../calls/call.model.js';
import { type Ground, groundText } from './grounds.js';

/** A bid as the evaluation of its lot sees it, after opening. */
export interface EvaluatedBid {
  id: string;
  priceCents: number;
  receivedAt: Date;
  checks: { exclusion: 'pass' | 'fail'; selection: 'pass' | 'fail'; reason: string | null };
  scores: { evaluatorId: string; criterion: string; score: number }[];
}

export interface AwardMethod {
  qualityWeight: number;
  priceWeight: number;
  /** A fraction of the 100 quality points. */
  qualityThreshold: number;
  criteria: Criterion[];
}

export interface BidResult {
  bidId: string;
  priceCents: number;
  criterionScores: { key: string; mean: number | null; scores: number }[];
  quality: number | null;
  price: number | null;
  total: number | null;
  rank: number | null;
  flags: { excluded: boolean; belowThreshold: boolean; abnormallyLow: boolean };
  /** The grounds in English, as recorded. */
  reasons: string[];
  /** The same grounds as data, for the reader's language. */
  grounds: Ground[];
}

/** Records a ground with its English wording. */
function note(r: BidResult, g: Ground): void {
  r.grounds.push(g);
  r.reasons.push(groundText(g, 'en'));
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Q = 100 × Σ(weight × score / max) / Σ weight. */
export function qualityPoints(criteria: Criterion[], means: (number | null)[]): number {
  const weights = criteria.reduce((s, c) => s + c.weight, 0);
  return (100 * criteria.reduce((s, c, i) => s + (c.weight * (means[i] ?? 0)) / c.maxScore, 0)) / weights;
}

/**
 * Evaluates one lot (Directive 2014/24/EU arts. 57, 58, 67, 69): exclusion and selection are
 * pass/fail; quality thresholds eliminate before price is looked at; Q, P and the weighted total
 * rank the admissible bids (ties to the higher Q, then the earlier receipt); abnormally low
 * prices are flagged. Full precision throughout.
 */
export function computeLotRanking(method: AwardMethod, bids: EvaluatedBid[]): BidResult[] {
  const results = bids.map((bid): BidResult => {
    const criterionScores = method.criteria.map((c) => {
      const own = bid.scores.filter((s) => s.criterion === c.key).map((s) => s.score);
      return { key: c.key, mean: mean(own), scores: own.length };
    });
    return {
      bidId: bid.id,
      priceCents: bid.priceCents,
      criterionScores,
      quality: null,
      price: null,
      total: null,
      rank: null,
      flags: { excluded: false, belowThreshold: false, abnormallyLow: false },
      reasons: [],
      grounds: [],
    };
  });
  const byId = new Map(bids.map((b) => [b.id, b]));
  const admissible: BidResult[] = [];
  for (const r of results) {
    const bid = byId.get(r.bidId) as EvaluatedBid;
    if (bid.checks.exclusion === 'fail' || bid.checks.selection === 'fail') {
      r.flags.excluded = true;
      note(r, {
        code: bid.checks.exclusion === 'fail' ? 'excluded' : 'not-selected',
        reason: bid.checks.reason ?? null,
      });
      continue;
    }
    method.criteria.forEach((c, i) => {
      const m = r.criterionScores[i]?.mean ?? null;
      if (m === null) note(r, { code: 'criterion-not-scored', criterion: c.title });
      else if (m < c.threshold)
        note(r, { code: 'criterion-below-threshold', criterion: c.title, mean: m, threshold: c.threshold });
    });
    r.quality = qualityPoints(
      method.criteria,
      r.criterionScores.map((s) => s.mean),
    );
    if (r.quality < method.qualityThreshold * 100) {
      note(r, {
        code: 'quality-below-threshold',
        quality: r.quality,
        threshold: method.qualityThreshold * 100,
      });
    }
    if (r.reasons.length) r.flags.belowThreshold = true;
    else admissible.push(r);
  }
  if (!admissible.length) return results;
  const lowest = Math.min(...admissible.map((r) => r.priceCents));
  for (const r of admissible) {
    r.price = (100 * lowest) / r.priceCents;
    r.total = method.qualityWeight * (r.quality as number) + method.priceWeight * r.price;
  }
  admissible.sort(
    (a, b) =>
      (b.total as number) - (a.total as number) ||
      (b.quality as number) - (a.quality as number) ||
      (byId.get(a.bidId) as EvaluatedBid).receivedAt.getTime() -
        (byId.get(b.bidId) as EvaluatedBid).receivedAt.getTime(),
  );
  admissible.forEach((r, i) => {
    r.rank = i + 1;
    const others = admissible.filter((o) => o !== r);
    const sumOthers = others.reduce((s, o) => s + o.priceCents, 0);
    // ≥ 40 % below the mean of the others: price ≤ 0.6 × sum/n, compared in integers.
    if (others.length && 10 * r.priceCents * others.length <= 6 * sumOthers) {
      r.flags.abnormallyLow = true;
      note(r, { code: 'abnormally-low-mean' });
    }
    const next = admissible[i + 1];
    if (next && 10 * r.priceCents <= 7 * next.priceCents) {
      r.flags.abnormallyLow = true;
      note(r, { code: 'abnormally-low-next' });
    }
  });
  return results;
}
