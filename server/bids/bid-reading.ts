import { Types } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { evaluatorBarrier } from '../committee/committee.js';
import { priceHiddenFrom, scoresFinalAt } from '../committee/envelopes.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { cachedTender, loadTender } from '../tenders/tender-access.js';
import { Bid, type BidRecord } from './bid.model.js';
import { bidView, confirmationOf } from './bid-view.js';

// Reading bids: vendors their own, officers and clean evaluators every bid once opened, each read audited.

const audit = (actor: Actor, action: string, id: string, detail?: Record<string, unknown>) =>
  recordAudit({ actor, action, object: { type: 'bid', id }, detail });

/** Loads a bid for a vendor: another vendor's bid does not exist for them. */
export async function ownBid(actor: Actor, bidId: string): Promise<BidRecord> {
  const b = await Bid.findById(bidId).lean<BidRecord>();
  if (!b || actor.role !== 'vendor' || String(b.vendorId) !== actor.organisationId) throw notFound('The bid');
  return b;
}

/** Why the actor may not read bid content of this tender now, or undefined when they may. */
export function sealedBarrier(actor: Actor, t: TenderRecord): AppError | undefined {
  if (!isOfficer(actor) && actor.role !== 'evaluator')
    return forbidden('Only officers and evaluators read bids.');
  if (actor.role === 'evaluator') {
    const barrier = evaluatorBarrier(t.evaluators, actor);
    if (barrier) return forbidden(barrier);
  }
  if (!t.opening) return new AppError('sealed', 'Bids are sealed until they are opened.', 403);
  return undefined;
}

/** Vendors see their own bids; officers and clean evaluators see all, with content only after opening. */
export async function listBids(actor: Actor, tenderId: string) {
  const t = await loadTender(actor, tenderId);
  if (actor.role === 'vendor') {
    const own = await Bid.find({ tenderId: t._id, vendorId: new Types.ObjectId(actor.organisationId) })
      .sort({ lot: 1 })
      .lean<BidRecord[]>();
    return { items: own.map((b) => bidView(b, actor, t)), total: own.length };
  }
  const barrier = sealedBarrier(actor, t);
  if (barrier?.code === 'sealed' && isOfficer(actor)) {
    // Before opening an officer learns only how many bids each lot has; the attempt is on record.
    await recordAudit({
      actor,
      action: 'bids.listed-while-sealed',
      object: { type: 'tender', id: tenderId },
    });
    const bids = await Bid.find(
      { tenderId: t._id, status: 'submitted' },
      { lot: 1, receivedAt: 1, confirmedAt: 1 },
    ).lean<BidRecord[]>();
    const onLot = (lot: number) => bids.filter((b) => b.lot === lot);
    return {
      sealed: true,
      items: [],
      total: 0,
      lots: t.lots.map((l) => ({
        lot: l.number,
        bids: onLot(l.number).length,
        awaitingConfirmation: onLot(l.number).filter((b) => confirmationOf(t, b).needsConfirmation).length,
      })),
    };
  }
  if (barrier) throw barrier;
  const bids = await Bid.find({ tenderId: t._id, status: 'submitted' })
    .sort({ lot: 1, receivedAt: 1 })
    .lean<BidRecord[]>();
  await recordAudit({
    actor,
    action: 'bids.read',
    object: { type: 'tender', id: tenderId },
    detail: { bids: bids.length },
  });
  // An evaluator learns where their own scoring stands: signed off or not, prices shown or not.
  const own =
    actor.role === 'evaluator'
      ? { scoresFinalAt: scoresFinalAt(t, actor.id), priceHidden: priceHiddenFrom(t, actor) }
      : {};
  return { sealed: false, ...own, items: bids.map((b) => bidView(b, actor, t)), total: bids.length };
}

/**
 * A bid as an officer or evaluator may read it: only after opening, and an evaluator only with a
 * clean declaration. A refusal is audited; to anyone else the bid does not exist.
 */
export async function openedBidFor(actor: Actor, bidId: string, action: string): Promise<BidRecord> {
  const b = await Bid.findById(bidId).lean<BidRecord>();
  if (!b) throw notFound('The bid');
  const t = (await Tender.findById(b.tenderId).lean<TenderRecord>()) as TenderRecord;
  const barrier = sealedBarrier(actor, t);
  if (barrier) {
    await audit(actor, `${action}-refused`, bidId, { reason: barrier.code });
    throw barrier.status === 403 && !isOfficer(actor) && actor.role !== 'evaluator'
      ? notFound('The bid')
      : barrier;
  }
  return b;
}

/** One bid: its vendor sees its receipt (content after opening); officers and clean evaluators after opening only. */
export async function getBid(actor: Actor, bidId: string) {
  if (actor.role === 'vendor') {
    const own = await ownBid(actor, bidId);
    return bidView(
      own,
      actor,
      (await Tender.findById(own.tenderId, { amendments: 1 }).lean<TenderRecord>()) ?? undefined,
    );
  }
  const b = await openedBidFor(actor, bidId, 'bid.read');
  await audit(actor, 'bid.read', bidId);
  return bidView(b, actor, (await cachedTender(String(b.tenderId))) ?? undefined);
}
