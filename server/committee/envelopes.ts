import type { Actor } from '../accounts/access.js';
import type { BidRecord } from '../bids/bid.model.js';
import { AppError } from '../errors.js';
import type { TenderRecord } from '../tenders/tender.model.js';

// Two envelopes, as evaluation committees keep them: an evaluator scores the bids' quality without
// their prices, and signs their scores off as final; where the tender's rules allow it
// (`award.priceToEvaluators`), the sign-off opens the prices to that evaluator. Every door that
// shows a bid's price to an evaluator (the bid, its documents, the evaluation, the report) asks here.

export type Committee = Pick<TenderRecord, 'award' | 'evaluators'>;

/** A bid an evaluator scores: opened, still submitted, and not failed on its exclusion or selection checks. */
export const scorable = (b: Pick<BidRecord, 'status' | 'opened' | 'checks'>) =>
  b.status === 'submitted' &&
  b.opened !== null &&
  b.checks?.exclusion !== 'fail' &&
  b.checks?.selection !== 'fail';

/** When the evaluator signed their scores off as final, or null. */
export const scoresFinalAt = (t: Pick<TenderRecord, 'evaluators'>, userId: string): Date | null =>
  t.evaluators.find((e) => String(e.userId) === userId)?.scoresFinalAt ?? null;

/**
 * Whether the bids' prices (the price, the price points, the totals, the ranks and the price
 * envelope's documents) are out of this reader's sight: an evaluator's until their scores are
 * final, and for good where the tender keeps prices from evaluators. Officers always see them.
 */
export function priceHiddenFrom(t: Committee, actor: Actor): boolean {
  if (actor.role !== 'evaluator') return false;
  if (t.award.priceToEvaluators === 'never') return true;
  return !scoresFinalAt(t, actor.id);
}

/**
 * The refusal of a door that shows prices, to an evaluator who may not see them: not yet (409, the
 * sign-off opens it), or never where the tender keeps prices from evaluators (403).
 */
export const priceHidden = (t: Committee) =>
  t.award.priceToEvaluators === 'never'
    ? new AppError('price-hidden', 'This tender keeps prices from evaluators.', 403)
    : new AppError(
        'price-hidden',
        'Prices are shown to you once you have signed your quality scores off as final.',
        409,
      );
