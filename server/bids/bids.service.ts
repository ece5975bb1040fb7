import type { FromSchema } from 'json-schema-to-ts';
import { Types } from 'mongoose';
import type { bidBody } from '../../schemas/bids.js';
import type { Actor } from '../accounts/access.js';
import { context } from '../context.js';
import { isDuplicateKey } from '../db.js';
import { removeDocuments } from '../documents/chunk-store.js';
import { auditEffect, scheduleEffects } from '../effects/effects.js';
import { badRequest, conflict, forbidden } from '../errors.js';
import { domainEvent } from '../events.js';
import { keyedId } from '../keyed-id.js';
import { whenUnlocked } from '../locks.js';
import { logger } from '../logger.js';
import { changeDocument } from '../revision.js';
import { lotCancelledConflict } from '../tenders/lot-cancellation.js';
import { isLotCancelled, Tender, type TenderRecord } from '../tenders/tender.model.js';
import { cachedTender, loadTender } from '../tenders/tender-access.js';
import { Bid, type BidRecord, insertNewBid } from './bid.model.js';
import { ownBid } from './bid-reading.js';
import { type BidDocuments, receiptOfDocuments } from './bid-receipt.js';
import { bidView } from './bid-view.js';
import { bidDeclarations } from './espd-response.js';
import { openBid } from './opening.js';
import { type BidContent, bidDigest, type SealedDocument, sealBid } from './sealing.js';

export type { BidDocuments };

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

/**
 * A write that finished after the deadline may have missed the opening's listing: open it now if so.
 * (Only a tender from before the opening ceremony: a ceremony's key is gone once it has opened.)
 */
async function openIfTenderOpened(t: TenderRecord, bidId: string): Promise<void> {
  if (Date.now() < new Date(t.submissionDeadline).getTime() || t.openingKey) return;
  const now = await Tender.findById(t._id, { opening: 1 }).lean<TenderRecord>();
  if (now?.opening) await openBid(bidId, { platformKey: context().config.bidEncryptionKey });
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

/**
 * A first bid is inserted without the tender's lock (the rush at the deadline would queue on it):
 * once stored, a change of the tender under way is waited for, and the tender read again (from the
 * process's copy when its version says no one has written it since: every writer of a tender holds
 * its lock, whose release gives the tender a new version). A cancellation begun before then is
 * seen, and the bid is removed (with the receipt it carried) and refused; one begun after it stamps
 * its time after the bid's receipt, and its bidders' notice finds the bid. So no receipt is ever
 * later than a cancellation.
 */
async function requireStillOpen(tenderId: string, bidId: string): Promise<void> {
  const now = await cachedTender(tenderId, await whenUnlocked('Tender', tenderId));
  if (now?.status === 'published') return;
  await Bid.deleteOne({ _id: bidId });
  throw conflict('tender-not-open', `The tender is ${now?.status ?? 'gone'}.`);
}

/** After a stored write, what could fail must not turn the stored bid into an error answer. */
async function afterStored(t: TenderRecord, bidId: string): Promise<void> {
  try {
    await openIfTenderOpened(t, bidId);
  } catch (err) {
    logger.warn({ err }, 'a bid stored after the opening could not be opened now; the opening sweep will');
  }
}

/** Refuses a submission before anything is stored: not a vendor, no such lot, or past the deadline. */
export async function admitBid(actor: Actor, tenderId: string, lot: number, at = ''): Promise<TenderRecord> {
  const t = await loadTender(actor, tenderId);
  if (actor.role !== 'vendor') throw forbidden('Only vendors submit bids.');
  if (!t.lots.some((l) => l.number === lot)) {
    throw badRequest('No such lot.', [
      { path: `${at}/lot`, message: `must be one of ${t.lots.map((l) => l.number).join(', ')}` },
    ]);
  }
  if (isLotCancelled(t, lot)) throw lotCancelledConflict(lot);
  requireBeforeDeadline(t);
  return t;
}

/** Seals to the tender's opening key; a tender from before the ceremony keeps the platform key. */
const sealingKeyOf = (t: TenderRecord) =>
  t.openingKey
    ? { tenderPublicKey: Buffer.from(t.openingKey.publicKey, 'base64') }
    : { platformKey: context().config.bidEncryptionKey };

/**
 * A vendor submits, or replaces, its sealed bid for one lot before the deadline. The bid, its
 * receipt notice and its audit event are one insert (or one update): either the vendor gets its
 * receipt, or nothing was stored. A replaced bid's documents are removed after the write.
 */
export async function submitBid(
  actor: Actor,
  tenderId: string,
  input: FromSchema<typeof bidBody>,
  documents?: BidDocuments,
) {
  const t = await admitBid(actor, tenderId, input.lot);
  const content: BidContent = {
    ...input,
    ...(await bidDeclarations(t, input, actor.organisationId)),
    tenderId,
    vendorId: actor.organisationId,
    documents: documents?.entries ?? [],
  };
  const receivedAt = new Date();
  const sha256 = bidDigest(content);
  const sealed = sealBid(content, sealingKeyOf(t), documents?.dataKey, documents?.sealed ?? []);
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
    const created = await insertNewBid({
      _id: new Types.ObjectId(id),
      ...filter,
      submittedBy: new Types.ObjectId(actor.id),
      receivedAt,
      sha256,
      sealed,
      pendingEffects: [receipt, submitted],
    });
    await requireStillOpen(tenderId, id);
    await scheduleEffects('Bid', id, [receipt]);
    await afterStored(t, id);
    return {
      ...bidView(created, actor),
      action: 'submitted',
      ...receiptOfDocuments(documents),
    };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  // The vendor's bid for this lot exists: replace it. (One stored before ids were derived is found by its key.)
  if (!(await Bid.exists({ _id: id }))) id = String((await Bid.findOne(filter, { _id: 1 }).lean())?._id);
  let action: 'submitted' | 'replaced' = 'replaced';
  let replaced: SealedDocument[] = [];
  const b = await changeDocument<BidRecord>(Bid, id, 'The bid', async (current) => {
    const fresh = (await Tender.findById(tenderId).lean<TenderRecord>()) as TenderRecord;
    requireBeforeDeadline(fresh);
    requireStoredInTime(fresh);
    action = current.status === 'submitted' ? 'replaced' : 'submitted';
    replaced = current.sealed?.documents ?? [];
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
  await discardDocuments(replaced);
  await afterStored(t, id);
  return { ...bidView(b, actor), action, ...receiptOfDocuments(documents) };
}

/** Documents of a replaced or withdrawn bid are erased with it; a failure leaves them sealed, never readable. */
async function discardDocuments(documents: SealedDocument[]): Promise<void> {
  try {
    await removeDocuments(documents);
  } catch (err) {
    logger.warn({ err }, 'the documents of a replaced or withdrawn bid could not all be removed');
  }
}

/** The vendor withdraws its bid before the deadline; the sealed content is erased. */
export async function withdrawBid(actor: Actor, bidId: string) {
  const b0 = await ownBid(actor, bidId);
  const now = new Date();
  let withdrawn: SealedDocument[] = [];
  const b = await changeDocument<BidRecord>(Bid, bidId, 'The bid', async (current) => {
    requireBeforeDeadline((await Tender.findById(b0.tenderId).lean<TenderRecord>()) as TenderRecord);
    if (current.status !== 'submitted') throw conflict('not-submitted', 'The bid is already withdrawn.');
    withdrawn = current.sealed?.documents ?? [];
    return {
      set: {
        status: 'withdrawn',
        sealed: null,
        receipts: [...current.receipts, { receivedAt: now, sha256: current.sha256, action: 'withdrawn' }],
      },
      audit: { actor, action: 'bid.withdrawn', object: { type: 'bid', id: bidId } },
    };
  });
  await discardDocuments(withdrawn);
  return bidView(b, actor);
}
