import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { Bid } from '../bids/bid.model.js';
import { context } from '../context.js';
import { badRequest, conflict, forbidden } from '../errors.js';
import { domainEvent } from '../events.js';
import { addDuration } from '../periods.js';
import { changeDocument } from '../revision.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { loadTender, tenderView } from '../tenders/tenders.service.js';

/**
 * An officer awards a lot to a ranked bid. An abnormally low bid needs the vendor's explanation on
 * record. Every bidder of the lot is notified in the same write, and the standstill starts then.
 */
export async function awardLot(
  actor: Actor,
  tenderId: string,
  input: { lot: number; bidId: string; lowPriceExplanation?: string; justification?: string },
) {
  if (!isOfficer(actor)) throw forbidden();
  await loadTender(actor, tenderId);
  const bid = await Bid.findById(input.bidId, { vendorId: 1, lot: 1, tenderId: 1 }).lean();
  if (!bid || String(bid.tenderId) !== tenderId || bid.lot !== input.lot) {
    throw badRequest('The bid is not one of this lot.', [
      { path: '/bidId', message: `names no bid of lot ${input.lot}` },
    ]);
  }
  const t = await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    if (tender.status !== 'published') throw conflict('tender-not-open', `The tender is ${tender.status}.`);
    if (tender.awards.some((a) => a.lot === input.lot))
      throw conflict('already-awarded', `Lot ${input.lot} is already awarded.`);
    const result = tender.evaluation?.lots
      .find((l) => l.lot === input.lot)
      ?.results.find((r) => r.bidId === input.bidId);
    if (!result) throw conflict('not-evaluated', 'Compute the evaluation before awarding.');
    if (result.rank === null)
      throw conflict('not-admissible', `The bid is not admissible: ${result.reasons.join(' ')}`);
    const results = tender.evaluation?.lots.find((l) => l.lot === input.lot)?.results ?? [];
    const firstRank = Math.min(...results.map((r) => r.rank ?? Number.POSITIVE_INFINITY));
    if (result.rank > firstRank && !input.justification) {
      throw conflict(
        'justification-required',
        `The bid is ranked ${result.rank}, not first: record why the lot goes to it.`,
        [{ path: '/justification', message: 'is required to award a bid that is not ranked first' }],
      );
    }
    if (result.flags.abnormallyLow && !input.lowPriceExplanation) {
      throw conflict(
        'explanation-required',
        'The price is abnormally low: record the vendor’s explanation to award it.',
        [{ path: '/lowPriceExplanation', message: 'is required for an abnormally low bid' }],
      );
    }
    const decidedAt = new Date();
    return {
      set: {
        awards: [
          ...tender.awards,
          {
            lot: input.lot,
            bidId: input.bidId,
            vendorId: String(bid.vendorId),
            decidedAt,
            decidedBy: actor.id,
            standstillEndsAt: addDuration(decidedAt, tender.standstillPeriod),
            lowPriceExplanation: input.lowPriceExplanation ?? null,
            justification: input.justification ?? null,
            quality: result.quality as number,
            price: result.price as number,
            total: result.total as number,
          },
        ],
      },
      effects: [domainEvent('tender.awarded', { lot: input.lot })],
    };
  });
  const award = t.awards.find((a) => a.lot === input.lot);
  await recordAudit({
    actor,
    action: 'tender.lot-awarded',
    object: { type: 'tender', id: tenderId },
    detail: { lot: input.lot, bidId: input.bidId, justified: Boolean(input.justification) },
  });
  await context().queues.addAfterWrite(
    'end-standstill',
    { tenderId, lot: input.lot },
    {
      jobId: `end-standstill-${tenderId}-${input.lot}`,
      delay: Math.max(0, new Date(award?.standstillEndsAt ?? 0).getTime() - Date.now()),
    },
  );
  return { award, tender: tenderView(t, actor) };
}

/** Records the end of a lot's standstill, once it has passed; audited, idempotent. */
export async function endStandstill(tenderId: string, lot: number): Promise<'ended' | 'skipped'> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  const award = t?.awards.find((a) => a.lot === lot);
  if (!t || !award || award.standstillEndedAt || new Date() < new Date(award.standstillEndsAt))
    return 'skipped';
  await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => ({
    set: { awards: tender.awards.map((a) => (a.lot === lot ? { ...a, standstillEndedAt: new Date() } : a)) },
  }));
  await recordAudit({
    actor: null,
    action: 'tender.standstill-ended',
    object: { type: 'tender', id: tenderId },
    detail: { lot },
  });
  return 'ended';
}
