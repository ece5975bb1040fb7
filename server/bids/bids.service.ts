import type { FromSchema } from 'json-schema-to-ts';
import { Types } from 'mongoose';
import type { bidBody } from '../../schemas/tenders.js';
import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { evaluatorBarrier } from '../committee/committee.js';
import { context } from '../context.js';
import { isDuplicateKey } from '../db.js';
import { auditEffect, scheduleEffects } from '../effects/effects.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { keyedId } from '../keyed-id.js';
import { logger } from '../logger.js';
import { changeDocument } from '../revision.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { loadTender } from '../tenders/tenders.service.js';
import { Bid, type BidRecord } from './bid.model.js';
import { bidView } from './bid-view.js';
import { openBid } from './opening.js';
import { type BidContent, bidDigest, sealBid } from './sealing.js';

const audit = (actor: Actor, action: string, id: string, detail?: Record<string, unknown>) =>
  recordAudit({ actor, action, object: { type: 'bid', id }, detail });

/** Submissions are refused by the clock once the deadline has passed, whatever the workers do. */
function requireBeforeDeadline(t: TenderRecord): void {
  if (t.status !== 'published') throw conflict('tender-not-open', `The tender is ${t.status}.`);
  if (new Date() >= t.submissionDeadline || t.opening)
    throw conflict('deadline-passed', 'The submission deadline has passed.');
}

/**
 * A submission accepted before the deadline must be stored before the opening lists the bids; the
 * opening waits the settle margin for it. One that could not reach its write by then is refused.
 */
function requireStoredInTime(t: TenderRecord): void {
  if (Date.now() >= new Date(t.submissionDeadline).getTime() + context().config.bidSettleMs)
    throw conflict('deadline-passed', 'The submission deadline has passed.');
}

/** A write that finished after the deadline may have missed the opening's listing: open it now if so. */
async function openIfTenderOpened(t: TenderRecord, bidId: string): Promise<void> {
  if (Date.now() < new Date(t.submissionDeadline).getTime()) return;
  const now = await Tender.findById(t._id, { opening: 1 }).lean<TenderRecord>();
  if (now?.opening) await openBid(bidId);
}

/**
 * A bid's id, derived from its tender, lot and vendor: the one document a vendor has per lot is found
 * by id alone (the one filter FerretDB hands to SQL; an index lookup on MongoDB), and no read comes
 * before the insert.
 * Keyed with a server secret, so that nobody can compute whether a vendor bid by probing ids.
 */
export function bidIdFor(tenderId: string, lot: number, vendorId: string): string {
  return keyedId('bid', tenderId, lot, vendorId);
}

/** After a stored write, what could fail must not turn the stored bid into an error answer. */
async function afterStored(t: TenderRecord, bidId: string): Promise<void> {
  try {
    await openIfTenderOpened(t, bidId);
  } catch (err) {
    logger.warn({ err }, 'a bid stored after the opening could not be opened now; the opening sweep will');
  }
}

/**
 * A vendor submits, or replaces, its sealed bid for one lot before the deadline. The bid, its
 * receipt notice and its audit event are one insert (or one update): either the vendor gets its
 * receipt, or nothing was stored.
 */
export async function submitBid(actor: Actor, tenderId: string, input: FromSchema<typeof bidBody>) {
  const t = await loadTender(actor, tenderId);
  if (actor.role !== 'vendor') throw forbidden('Only vendors submit bids.');
  if (!t.lots.some((l) => l.number === input.lot)) {
    throw badRequest('No such lot.', [
      { path: '/lot', message: `must be one of ${t.lots.map((l) => l.number).join(', ')}` },
    ]);
  }
  requireBeforeDeadline(t);
  const content: BidContent = { ...input, tenderId, vendorId: actor.organisationId };
  const receivedAt = new Date();
  const sha256 = bidDigest(content);
  const sealed = sealBid(content, context().config.bidEncryptionKey);
  const receiptOf = (action: 'submitted' | 'replaced') =>
    domainEvent('bid.received', {
      userId: actor.id,
      tenderId,
      vendorId: actor.organisationId,
      lot: input.lot,
      receivedAt: receivedAt.toISOString(),
      sha256,
      action,
    });
  const filter = { tenderId: t._id, lot: input.lot, vendorId: new Types.ObjectId(actor.organisationId) };
  let id = bidIdFor(tenderId, input.lot, actor.organisationId);
  const event = (action: string) => ({
    actor,
    action: `bid.${action}`,
    object: { type: 'bid', id },
    detail: { tenderId, lot: input.lot, sha256 },
  });
  requireStoredInTime(t);
  try {
    const submitted = auditEffect(event('submitted'));
    const receipt = receiptOf('submitted');
    const created = await Bid.create({
      _id: id,
      ...filter,
      submittedBy: new Types.ObjectId(actor.id),
      status: 'submitted',
      receivedAt,
      sha256,
      sealed,
      receipts: [{ receivedAt, sha256, action: 'submitted' }],
      pendingEffects: [receipt, submitted],
    });
    await scheduleEffects('Bid', id, [receipt]);
    await afterStored(t, id);
    return { ...bidView(created.toObject() as unknown as BidRecord, actor), action: 'submitted' };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  // The vendor's bid for this lot exists: replace it. (One stored before ids were derived is found by its key.)
  if (!(await Bid.exists({ _id: id }))) id = String((await Bid.findOne(filter, { _id: 1 }).lean())?._id);
  let action: 'submitted' | 'replaced' = 'replaced';
  const b = await changeDocument<BidRecord>(Bid, id, 'The bid', async (current) => {
    const fresh = (await Tender.findById(tenderId).lean<TenderRecord>()) as TenderRecord;
    requireBeforeDeadline(fresh);
    requireStoredInTime(fresh);
    action = current.status === 'submitted' ? 'replaced' : 'submitted';
    return {
      set: {
        status: 'submitted',
        submittedBy: new Types.ObjectId(actor.id),
        receivedAt,
        sha256,
        sealed,
        opened: null,
        receipts: [...current.receipts, { receivedAt, sha256, action }],
      },
      effects: [receiptOf(action)],
      audit: event(action),
    };
  });
  await afterStored(t, id);
  return { ...bidView(b, actor), action };
}

/** Loads a bid for a vendor: another vendor's bid does not exist for them. */
async function ownBid(actor: Actor, bidId: string): Promise<BidRecord> {
  const b = await Bid.findById(bidId).lean<BidRecord>();
  if (!b || actor.role !== 'vendor' || String(b.vendorId) !== actor.organisationId) throw notFound('The bid');
  return b;
}

/** The vendor withdraws its bid before the deadline; the sealed content is erased. */
export async function withdrawBid(actor: Actor, bidId: string) {
  const b0 = await ownBid(actor, bidId);
  const now = new Date();
  const b = await changeDocument<BidRecord>(Bid, bidId, 'The bid', async (current) => {
    requireBeforeDeadline((await Tender.findById(b0.tenderId).lean<TenderRecord>()) as TenderRecord);
    if (current.status !== 'submitted') throw conflict('not-submitted', 'The bid is already withdrawn.');
    return {
      set: {
        status: 'withdrawn',
        sealed: null,
        receipts: [...current.receipts, { receivedAt: now, sha256: current.sha256, action: 'withdrawn' }],
      },
      audit: { actor, action: 'bid.withdrawn', object: { type: 'bid', id: bidId } },
    };
  });
  return bidView(b, actor);
}

/** Why the actor may not read bid content of this tender now, or undefined when they may. */
function sealedBarrier(actor: Actor, t: TenderRecord): AppError | undefined {
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
    return { items: own.map((b) => bidView(b, actor)), total: own.length };
  }
  const barrier = sealedBarrier(actor, t);
  if (barrier?.code === 'sealed' && isOfficer(actor)) {
    // Before opening an officer learns only how many bids each lot has; the attempt is on record.
    await recordAudit({
      actor,
      action: 'bids.listed-while-sealed',
      object: { type: 'tender', id: tenderId },
    });
    const bids = await Bid.find({ tenderId: t._id, status: 'submitted' }, { lot: 1 }).lean();
    return {
      sealed: true,
      items: [],
      total: 0,
      lots: t.lots.map((l) => ({ lot: l.number, bids: bids.filter((b) => b.lot === l.number).length })),
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
  return { sealed: false, items: bids.map((b) => bidView(b, actor)), total: bids.length };
}

/** One bid: its vendor sees its receipt (content after opening); officers and clean evaluators after opening only. */
export async function getBid(actor: Actor, bidId: string) {
  if (actor.role === 'vendor') return bidView(await ownBid(actor, bidId), actor);
  const b = await Bid.findById(bidId).lean<BidRecord>();
  if (!b) throw notFound('The bid');
  const t = (await Tender.findById(b.tenderId).lean<TenderRecord>()) as TenderRecord;
  const barrier = sealedBarrier(actor, t);
  if (barrier) {
    await audit(actor, 'bid.read-refused', bidId, { reason: barrier.code });
    throw barrier.status === 403 && !isOfficer(actor) && actor.role !== 'evaluator'
      ? notFound('The bid')
      : barrier;
  }
  await audit(actor, 'bid.read', bidId);
  return bidView(b, actor);
}
