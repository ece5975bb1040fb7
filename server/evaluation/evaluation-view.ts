import { trusted } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { Organisation } from '../accounts/organisation.model.js';
import { recordAudit } from '../audit/audit.service.js';
import { Bid } from '../bids/bid.model.js';
import { requireCleanEvaluator } from '../committee/committee.js';
import { priceHiddenFrom } from '../committee/envelopes.js';
import { roundForDisplay } from '../display.js';
import { notFound } from '../errors.js';
import { loadTender } from '../tenders/tender-access.js';
import type { Ground } from './grounds.js';
import type { BidResult } from './ranking.js';

// The computed evaluation as its readers see it: officers whole; an evaluator without the prices
// until their scores are final (see committee/envelopes.ts).

/** Each lot's table: Q, P, total, rank and flags per bid, with vendors' names; officers and clean evaluators. */
export async function getEvaluation(actor: Actor, tenderId: string) {
  const t = await loadTender(actor, tenderId);
  if (!isOfficer(actor)) requireCleanEvaluator(t.evaluators, actor);
  if (!t.evaluation) throw notFound('The evaluation (it is not computed yet)');
  await recordAudit({ actor, action: 'evaluation.read', object: { type: 'tender', id: tenderId } });
  const bids = await Bid.find({ tenderId: t._id }, { vendorId: 1 }).lean();
  const vendorOf = new Map(bids.map((b) => [String(b._id), String(b.vendorId)]));
  const orgs = await Organisation.find(
    { _id: trusted({ $in: bids.map((b) => b.vendorId) }) },
    { name: 1 },
  ).lean();
  const names = new Map(orgs.map((o) => [String(o._id), o.name]));
  const hidden = priceHiddenFrom(t, actor);
  return {
    tenderId,
    computedAt: t.evaluation.computedAt,
    ...(hidden ? { priceHidden: true } : {}),
    lots: t.evaluation.lots.map((l) => ({
      lot: l.lot,
      bids: l.results
        .map((r) => ({
          ...r,
          vendorId: vendorOf.get(r.bidId) ?? null,
          vendorName: names.get(vendorOf.get(r.bidId) ?? '') ?? null,
          rounded: {
            quality: roundForDisplay(r.quality),
            price: roundForDisplay(r.price),
            total: roundForDisplay(r.total),
          },
        }))
        .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
        .map((r) => (hidden ? qualityOnly(r) : r))
        // Without prices, the order is the quality's: the rank would tell the prices' order.
        .sort((a, b) => (hidden ? (b.quality ?? -1) - (a.quality ?? -1) : 0)),
    })),
  };
}

/** The grounds that come from the prices. */
const PRICE_GROUNDS = new Set<Ground['code']>(['abnormally-low-mean', 'abnormally-low-next', 'outranked']);

/** A bid's result without what the price tells: no price, price points, total, rank or abnormally-low flag. */
function qualityOnly<R extends BidResult & { rounded: object }>(r: R) {
  const { priceCents, price, total, rank, flags, rounded, reasons, grounds, ...rest } = r;
  const { abnormallyLow, ...kept } = flags;
  const byQuality = (g: Ground) => !PRICE_GROUNDS.has(g.code);
  return {
    ...rest,
    flags: kept,
    reasons: reasons.filter((_, i) => !grounds[i] || byQuality(grounds[i])),
    grounds: grounds.filter(byQuality),
    rounded: { quality: roundForDisplay(r.quality) },
  };
}
