import { Types, trusted } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { Organisation } from '../accounts/organisation.model.js';
import { recordAudit } from '../audit/audit.service.js';
import { Bid } from '../bids/bid.model.js';
import { bidIdFor } from '../bids/bids.service.js';
import { context } from '../context.js';
import { badRequest, conflict, forbidden } from '../errors.js';
import { rejectionGrounds } from '../evaluation/grounds.js';
import { domainEvent } from '../events.js';
import { addDuration } from '../periods.js';
import { changeDocument } from '../revision.js';
import { lotCancelledConflict } from '../tenders/lot-cancellation.js';
import { isLotCancelled, Tender, type TenderRecord } from '../tenders/tender.model.js';
import { loadTender } from '../tenders/tender-access.js';
import { lotStatus, tenderView } from '../tenders/tender-view.js';
import { awardConditions } from './evidence.js';

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
  const before = await loadTender(actor, tenderId);
  const bid = await Bid.findById(input.bidId, { vendorId: 1, lot: 1, tenderId: 1 }).lean();
  if (!bid || String(bid.tenderId) !== tenderId || bid.lot !== input.lot) {
    throw badRequest('The bid is not one of this lot.', [
      { path: '/bidId', message: `names no bid of lot ${input.lot}` },
    ]);
  }
  // Evidence accepted, an explanation asked of the vendor accepted, and the justification that
  // earlier-ranked bids excluded for their evidence give (see bidder-requests.ts).
  const conditions = await awardConditions(before, input.bidId, input.lot);
  const lowPriceExplanation = input.lowPriceExplanation ?? conditions.explanation;
  const justification = input.justification ?? conditions.justification;
  const t = await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    if (tender.status !== 'published') throw conflict('tender-not-open', `The tender is ${tender.status}.`);
    if (isLotCancelled(tender, input.lot)) throw lotCancelledConflict(input.lot);
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
    if (result.rank > firstRank && !justification) {
      throw conflict(
        'justification-required',
        `The bid is ranked ${result.rank}, not first: record why the lot goes to it.`,
        [{ path: '/justification', message: 'is required to award a bid that is not ranked first' }],
      );
    }
    if (result.flags.abnormallyLow && !lowPriceExplanation) {
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
            lowPriceExplanation: lowPriceExplanation ?? null,
            justification: justification ?? null,
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
    detail: { lot: input.lot, bidId: input.bidId, justified: Boolean(justification) },
  });
  await context().queues.addAfterWrite(
    'end-standstill',
    { tenderId, lot: input.lot },
    {
      // One per decision: a decision set aside by the review body is followed by a new one.
      jobId: `end-standstill-${tenderId}-${input.lot}-${new Date(award?.decidedAt ?? 0).getTime()}`,
      delay: Math.max(0, new Date(award?.standstillEndsAt ?? 0).getTime() - Date.now()),
    },
  );
  return { award, tender: tenderView(t, actor) };
}

/**
 * The review body upheld a complaint against a lot's award (or an exclusion before it): the
 * decision is set aside and kept as withdrawn, and the lot is `evaluated` again. Officers decide
 * anew, which sends new decision notices and starts a new standstill.
 */
export async function withdrawAward(
  tenderId: string,
  lot: number,
  complaintId: string,
  decidedBefore: Date,
): Promise<boolean> {
  let withdrawn = false;
  await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    const award = tender.awards.find((a) => a.lot === lot);
    // A decision made after the review body's is a new one: it stands.
    if (!award || new Date(award.decidedAt) >= decidedBefore || tender.contracts?.some((c) => c.lot === lot))
      return { set: {} };
    withdrawn = true;
    return {
      set: {
        awards: tender.awards.filter((a) => a.lot !== lot),
        withdrawnAwards: [
          ...(tender.withdrawnAwards ?? []),
          { ...award, withdrawnAt: new Date(), complaintId },
        ],
      },
    };
  });
  if (withdrawn)
    await recordAudit({
      actor: null,
      action: 'tender.award-withdrawn',
      object: { type: 'tender', id: tenderId },
      detail: { lot, complaintId },
    });
  return withdrawn;
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

/**
 * The tender's awards, lot by lot: the decision, the winner and its score, the standstill. A vendor
 * that bid on an awarded lot also reads its own result, as its award letter gives it: rank, Q, P,
 * total, its mean per criterion and, when it did not win, the grounds. Officers also read the
 * recorded explanation and justification.
 */
export async function listAwards(actor: Actor, tenderId: string) {
  const t = await loadTender(actor, tenderId);
  const winners = await Organisation.find(
    { _id: trusted({ $in: t.awards.map((a) => new Types.ObjectId(a.vendorId)) }) },
    { name: 1 },
  ).lean();
  const nameOf = new Map(winners.map((o) => [String(o._id), o.name]));
  const items = [];
  for (const a of t.awards) {
    const lot = t.lots.find((l) => l.number === a.lot);
    items.push({
      lot: a.lot,
      lotTitle: lot?.title ?? '',
      status: lotStatus(t, a.lot),
      decidedAt: a.decidedAt,
      standstillEndsAt: a.standstillEndsAt,
      winner: { vendorId: a.vendorId, name: nameOf.get(a.vendorId) ?? null, total: a.total },
      ...(isOfficer(actor)
        ? {
            bidId: a.bidId,
            quality: a.quality,
            price: a.price,
            lowPriceExplanation: a.lowPriceExplanation,
            justification: a.justification ?? null,
          }
        : {}),
      ...(actor.role === 'vendor' ? { own: await ownResult(t, a, actor.organisationId) } : {}),
    });
  }
  return { items };
}

/** A vendor's own result on an awarded lot, or null when it has no bid there. */
async function ownResult(t: TenderRecord, a: TenderRecord['awards'][number], vendorId: string) {
  const bidId = bidIdFor(String(t._id), a.lot, vendorId);
  const bid = await Bid.findById(bidId, { status: 1 }).lean();
  if (bid?.status !== 'submitted') return null;
  const r = t.evaluation?.lots.find((l) => l.lot === a.lot)?.results.find((x) => x.bidId === bidId);
  const won = a.bidId === bidId;
  return {
    bidId,
    won,
    rank: r?.rank ?? null,
    quality: r?.quality ?? null,
    price: r?.price ?? null,
    total: r?.total ?? null,
    criteria: t.award.criteria.map((c) => ({
      key: c.key,
      title: c.title,
      maxScore: c.maxScore,
      mean: r?.criterionScores.find((s) => s.key === c.key)?.mean ?? null,
    })),
    grounds: won ? [] : rejectionGrounds(r),
  };
}
