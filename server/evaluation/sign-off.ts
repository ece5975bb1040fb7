import type { Actor } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { Bid, type BidRecord } from '../bids/bid.model.js';
import { requireCleanEvaluator } from '../committee/committee.js';
import { priceHiddenFrom, scorable, scoresFinalAt } from '../committee/envelopes.js';
import { conflict } from '../errors.js';
import { changeDocument } from '../revision.js';
import { isLotCancelled, Tender, type TenderRecord } from '../tenders/tender.model.js';

// An evaluator signs their quality scores off as final (see committee/envelopes.ts): the sign-off
// locks those scores and, where the tender's rules allow it, opens the prices to that evaluator.

/** The scores an evaluator still owes: each criterion of each scorable bid of a lot still evaluated. */
export function missingScores(t: TenderRecord, bids: BidRecord[], userId: string) {
  return bids
    .filter(
      (b) =>
        String(b.tenderId) === String(t._id) &&
        scorable(b) &&
        !isLotCancelled(t, b.lot) &&
        !t.awards.some((a) => a.lot === b.lot),
    )
    .flatMap((b) =>
      t.award.criteria
        .filter((c) => !b.scores.some((s) => s.evaluatorId === userId && s.criterion === c.key))
        .map((c) => ({ bidId: String(b._id), lot: b.lot, criterion: c.key })),
    );
}

/**
 * An evaluator signs their scores off as final: every criterion of every admissible bid is scored,
 * or the refusal names each one missing. Once final, the scores given are locked.
 */
export async function signOffScores(actor: Actor, tenderId: string) {
  const bids = await Bid.find({ tenderId, status: 'submitted' }).lean<BidRecord[]>();
  const t = await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (current) => {
    requireCleanEvaluator(current.evaluators, actor);
    if (!current.opening) throw conflict('sealed', 'The bids are not opened yet.');
    if (scoresFinalAt(current, actor.id))
      throw conflict('scores-final', 'Your scores are already signed off as final.');
    const missing = missingScores(current, bids, actor.id);
    if (missing.length)
      throw conflict(
        'scores-missing',
        `Score every criterion of every admissible bid first: ${missing.length} scores are missing.`,
        missing.map((m) => ({
          path: `/bids/${m.bidId}/scores/${m.criterion}`,
          message: `lot ${m.lot}: not scored`,
        })),
      );
    return {
      set: {
        evaluators: current.evaluators.map((e) =>
          String(e.userId) === actor.id ? { ...e, scoresFinalAt: new Date() } : e,
        ),
      },
    };
  });
  await recordAudit({ actor, action: 'scores.signed-off', object: { type: 'tender', id: tenderId } });
  return {
    tenderId,
    scoresFinalAt: scoresFinalAt(t, actor.id),
    pricesShown: !priceHiddenFrom(t, actor),
  };
}
