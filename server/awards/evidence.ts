import { Bid, type BidRecord } from '../bids/bid.model.js';
import { conflict } from '../errors.js';
import { computeTenderEvaluation } from '../evaluation/evaluation.service.js';
import { changeDocument } from '../revision.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { BidderRequest, type BidderRequestRecord } from './bidder-request.model.js';

// What the requests to a bidder mean for the award: refused or missing evidence excludes the bid
// and moves the lot to the next-ranked; an award waits for accepted evidence and explanations.

/** Why evidence excluded a bid, as its check records it. */
export const evidenceReason = (r: Pick<BidderRequestRecord, 'status' | 'decision' | 'dueAt'>) =>
  r.status === 'expired'
    ? `The evidence of its ESPD was not given by ${new Date(r.dueAt).toISOString()} (Directive 2014/24/EU, art. 59(4)).`
    : `The evidence of its ESPD was refused: ${r.decision?.reason ?? ''}`;

/**
 * What refused or missing evidence means (idempotent; the follow-up of the step): the bid fails its
 * exclusion check with the reason, and the evaluation of its lot is computed again, so that the
 * next-ranked bid comes first.
 */
export async function applyEvidenceOutcome(requestId: string): Promise<void> {
  const r = await BidderRequest.findById(requestId).lean<BidderRequestRecord>();
  if (r?.kind !== 'evidence' || (r.status !== 'refused' && r.status !== 'expired')) return;
  const reason = evidenceReason(r);
  let changed = false;
  await changeDocument<BidRecord>(Bid, String(r.bidId), 'The bid', (b) => {
    if (b.checks?.exclusion === 'fail' && b.checks.reason === reason) return { set: {} };
    changed = true;
    return {
      set: {
        checks: {
          exclusion: 'fail',
          selection: b.checks?.selection ?? 'pass',
          reason,
          by: 'platform',
          at: new Date(),
        },
      },
    };
  });
  const t = await Tender.findById(r.tenderId, { awards: 1 }).lean<TenderRecord>();
  if (changed && t && !t.awards.some((a) => a.lot === r.lot))
    await computeTenderEvaluation(String(r.tenderId));
}

/**
 * What an award of a bid waits for, and what it carries: accepted evidence where the tender asks
 * an ESPD; the vendor's own explanation, accepted, where one was asked; and, where earlier bids of
 * the lot were excluded for their evidence, that justification.
 */
export async function awardConditions(t: TenderRecord, bidId: string, lot: number) {
  const requests = await BidderRequest.find({ tenderId: t._id, lot }).lean<BidderRequestRecord[]>();
  const ofBid = requests.filter((r) => String(r.bidId) === bidId);
  if (t.espd && !ofBid.some((r) => r.kind === 'evidence' && r.status === 'accepted'))
    throw conflict(
      'evidence-required',
      'Ask the bid’s vendor for the evidence of its ESPD and accept it before the award.',
      [{ path: '/bidId', message: 'has no accepted evidence' }],
    );
  const explanations = ofBid.filter((r) => r.kind === 'explanation');
  if (explanations.length && !explanations.some((r) => r.status === 'accepted'))
    throw conflict('explanation-pending', 'The vendor’s explanation of its price is not accepted.', [
      { path: '/bidId', message: 'has no accepted explanation' },
    ]);
  const excluded = requests.filter(
    (r) =>
      r.kind === 'evidence' &&
      String(r.bidId) !== bidId &&
      (r.status === 'refused' || r.status === 'expired'),
  );
  return {
    explanation: explanations.find((r) => r.status === 'accepted')?.answer?.text,
    justification: excluded.length
      ? excluded.map((r) => `A higher-ranked bid was excluded. ${evidenceReason(r)}`).join(' ')
      : undefined,
  };
}
