import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { Bid, type BidRecord } from '../bids/bid.model.js';
import { espdFlags } from '../bids/espd-flags.js';
import { cleanScores, requireCleanEvaluator } from '../committee/committee.js';
import { scoresFinalAt } from '../committee/envelopes.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { changeDocument } from '../revision.js';
import { isLotCancelled, liveLots, Tender, type TenderRecord } from '../tenders/tender.model.js';
import { cachedTender, loadTender } from '../tenders/tender-access.js';
import { computeLotRanking } from './ranking.js';

/** The committee needs at least three evaluators who declared no conflict. */
export const MIN_EVALUATORS = 3;

/**
 * The tender of a bid the actor may evaluate, in a state that allows it: who may act is checked
 * before the state, so that a refusal tells an outsider nothing about the bid (not even that it is
 * sealed). Called on the bid as read under its lock, so that the change is decided on what it changes.
 */
async function evaluableTender(
  bid: BidRecord,
  mayEvaluate: (tender: TenderRecord) => void,
): Promise<TenderRecord> {
  if (bid.status !== 'submitted') throw notFound('The bid');
  // Read by every score of the evaluation: this process's copy while the tender is unchanged.
  const tender = (await cachedTender(String(bid.tenderId))) as TenderRecord;
  mayEvaluate(tender);
  if (!tender.opening || !bid.opened) throw conflict('sealed', 'The bids are not opened yet.');
  if (tender.awards.some((a) => a.lot === bid.lot))
    throw conflict('awarded', 'The lot is awarded; its evaluation is closed.');
  return tender;
}

/** An officer records the exclusion and selection checks of a bid; a failure needs its reason. */
export async function recordChecks(
  actor: Actor,
  bidId: string,
  input: { exclusion: 'pass' | 'fail'; selection: 'pass' | 'fail'; reason?: string },
) {
  if (!isOfficer(actor)) throw forbidden();
  if ((input.exclusion === 'fail' || input.selection === 'fail') && !input.reason) {
    throw badRequest('A failed check needs its reason.', [
      { path: '/reason', message: 'is required when a check fails' },
    ]);
  }
  const b = await changeDocument<BidRecord>(Bid, bidId, 'The bid', async (current) => {
    const tender = await evaluableTender(current, () => {});
    // Passing a check the bid's own ESPD fails (a ground declared, a requirement unmet) needs the officer's reason.
    const suggested = espdFlags(tender, current, 'en')?.suggestedChecks;
    const overridden = (['exclusion', 'selection'] as const).filter(
      (k) => suggested?.[k] === 'fail' && input[k] === 'pass',
    );
    if (overridden.length && !input.reason)
      throw badRequest('The bid’s ESPD fails this check: say why it passes.', [
        {
          path: '/reason',
          message: `is required to pass the ${overridden.join(' and ')} check against the ESPD`,
        },
      ]);
    return {
      set: {
        checks: {
          exclusion: input.exclusion,
          selection: input.selection,
          reason: input.reason ?? null,
          by: actor.id,
          at: new Date(),
        },
      },
    };
  });
  await recordAudit({
    actor,
    action: 'bid.checked',
    object: { type: 'bid', id: bidId },
    detail: { ...input },
  });
  return { id: bidId, checks: b.checks };
}

type ScoreInput = { criterion: string; score: number; comment?: string };

/**
 * A clean evaluator scores quality criteria of an admissible bid, one or several saved together; a
 * re-post replaces their score until they sign their scores off as final, which locks them (a score
 * they never gave, of a bid admitted since, may still be given). `at` names the fields in errors.
 */
export async function saveBidScores(
  actor: Actor,
  bidId: string,
  inputs: ScoreInput[],
  at: (i: number) => string = (i) => `/scores/${i}`,
) {
  const b = await changeDocument<BidRecord>(Bid, bidId, 'The bid', async (current) => {
    const tender = await evaluableTender(current, (t) => requireCleanEvaluator(t.evaluators, actor));
    const keys = tender.award.criteria.map((c) => c.key);
    const errors = inputs.flatMap((input, i) => {
      const criterion = tender.award.criteria.find((c) => c.key === input.criterion);
      if (!criterion) return [{ path: `${at(i)}/criterion`, message: `must be one of ${keys.join(', ')}` }];
      if (inputs.findIndex((x) => x.criterion === input.criterion) !== i)
        return [{ path: `${at(i)}/criterion`, message: 'is scored twice' }];
      return input.score > criterion.maxScore
        ? [{ path: `${at(i)}/score`, message: `must be between 0 and ${criterion.maxScore}` }]
        : [];
    });
    if (errors.length) throw badRequest('Some scores are invalid.', errors);
    if (current.checks && (current.checks.exclusion === 'fail' || current.checks.selection === 'fail')) {
      throw conflict('excluded', 'The bid is excluded; it is not scored.');
    }
    const mine = (criterion: string) => (s: BidRecord['scores'][number]) =>
      s.evaluatorId === actor.id && s.criterion === criterion;
    if (scoresFinalAt(tender, actor.id) && inputs.some((x) => current.scores.some(mine(x.criterion))))
      throw conflict('scores-final', 'Your scores are signed off as final; they can no longer change.');
    const now = new Date();
    return {
      set: {
        scores: [
          ...current.scores.filter((s) => !inputs.some((x) => mine(x.criterion)(s))),
          ...inputs.map((x) => ({
            evaluatorId: actor.id,
            criterion: x.criterion,
            score: x.score,
            comment: x.comment ?? '',
            at: now,
          })),
        ],
      },
    };
  });
  await recordAudit({
    actor,
    action: 'bid.scored',
    object: { type: 'bid', id: bidId },
    detail: { scores: inputs.map(({ criterion, score }) => ({ criterion, score })) },
  });
  return { id: bidId, scores: b.scores.filter((s) => s.evaluatorId === actor.id) };
}

/** One criterion's score of a bid (the first door, kept): errors name its fields at the top. */
export const scoreBid = (actor: Actor, bidId: string, input: ScoreInput) =>
  saveBidScores(actor, bidId, [input], () => '');

/** Computes every lot's ranking from the bids as they stand; pure rules, stored on the tender. */
export async function computeTenderEvaluation(tenderId: string): Promise<void> {
  const bids = await Bid.find({ tenderId, status: 'submitted' }).lean<BidRecord[]>();
  await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (t) => ({
    set: {
      evaluation: {
        computedAt: new Date(),
        // An awarded lot keeps the results its decision was made on.
        lots: liveLots(t).map(
          (lot) =>
            (t.awards.some((a) => a.lot === lot.number) &&
              t.evaluation?.lots.find((l) => l.lot === lot.number)) || {
              lot: lot.number,
              results: computeLotRanking(
                t.award,
                bids
                  .filter((b) => b.lot === lot.number && b.opened)
                  .map((b) => ({
                    id: String(b._id),
                    priceCents: b.opened?.priceCents as number,
                    receivedAt: new Date(b.receivedAt),
                    checks: b.checks ?? { exclusion: 'pass', selection: 'pass', reason: null },
                    scores: cleanScores(t.evaluators, b.scores),
                  })),
              ),
            },
        ),
      },
    },
  }));
}

/** An officer asks for the evaluation once the committee is complete and every bid is checked. */
export async function requestEvaluation(actor: Actor, tenderId: string): Promise<{ jobId: string }> {
  const t = await loadTender(actor, tenderId);
  if (!t.opening) throw conflict('sealed', 'The bids are not opened yet.');
  const clean = t.evaluators.filter((e) => e.declaredAt && !e.conflict).length;
  if (clean < MIN_EVALUATORS)
    throw conflict(
      'committee-incomplete',
      `At least ${MIN_EVALUATORS} evaluators without conflict are needed; there are ${clean}.`,
    );
  // A cancelled lot's bids are not evaluated.
  const unchecked = (
    await Bid.find({ tenderId: t._id, status: 'submitted', checks: null }, { _id: 1, lot: 1 }).lean()
  ).filter((b) => !isLotCancelled(t, b.lot));
  if (unchecked.length) {
    throw conflict(
      'checks-missing',
      'Record the exclusion and selection checks of every bid first.',
      unchecked.map((b) => ({ path: `/bids/${b._id}`, message: `lot ${b.lot}: checks not recorded` })),
    );
  }
  const run = domainEvent('tender.evaluation-requested');
  await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    // A lot whose award the review body set aside is evaluated again; an awarded lot's results stay as they are.
    if (liveLots(tender).every((l) => tender.awards.some((a) => a.lot === l.number)))
      throw conflict('awarded', 'Every lot is awarded; the evaluation is closed.');
    return { set: {}, effects: [run] };
  });
  await recordAudit({
    actor,
    action: 'tender.evaluation-requested',
    object: { type: 'tender', id: tenderId },
  });
  return { jobId: `effect-${run.id}` };
}
