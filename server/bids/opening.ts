import { trusted } from 'mongoose';
import { recordAudit } from '../audit/audit.service.js';
import { context } from '../context.js';
import { domainEvent } from '../events.js';
import { changeDocument } from '../revision.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { openingDueAt } from '../tenders/time-limits.js';
import { Bid, type BidRecord } from './bid.model.js';
import { bidDigest, unsealBid } from './sealing.js';

/** Decrypts one bid and checks it against its receipt digest; a no-op once opened. True when it verified. */
export async function openBid(bidId: string): Promise<boolean> {
  const opened = await changeDocument<BidRecord>(Bid, bidId, 'The bid', (b) => {
    if (b.opened || !b.sealed || b.status !== 'submitted') return { set: {} };
    const content = unsealBid(b.sealed, context().config.bidEncryptionKey, {
      tenderId: String(b.tenderId),
      lot: b.lot,
      vendorId: String(b.vendorId),
    });
    return {
      set: { opened: { ...content, verified: bidDigest(content) === b.sha256, openedAt: new Date() } },
    };
  });
  return opened.opened?.verified !== false;
}

/** Opens every submitted bid of the tender not opened yet; returns the ids that did not verify. */
async function openSubmittedBids(t: TenderRecord): Promise<{ bids: BidRecord[]; mismatches: string[] }> {
  const bids = await Bid.find({ tenderId: t._id, status: 'submitted' }, { sealed: 0 }).lean<BidRecord[]>();
  const mismatches: string[] = [];
  for (const bid of bids) {
    if (!(await openBid(String(bid._id)))) mismatches.push(String(bid._id));
  }
  return { bids, mismatches };
}

const countsPerLot = (t: TenderRecord, bids: BidRecord[]) =>
  t.lots.map((l) => ({ lot: l.number, count: bids.filter((b) => b.lot === l.number).length }));

/**
 * Opens a tender's bids once the opening is due: decrypts each, checks it against its receipt
 * digest, and records the opening. Then it looks again, so that a bid whose storing finished while
 * the first pass ran is opened too. Each step is idempotent, so a retried job finishes the work.
 */
export async function openTenderBids(tenderId: string): Promise<'opened' | 'skipped'> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  if (t?.status !== 'published' || new Date() < openingDueAt(t)) return 'skipped';
  const first = await openSubmittedBids(t);
  const updated = await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    if (tender.opening) return { set: {} };
    return {
      set: {
        opening: { at: new Date(), bids: countsPerLot(tender, first.bids), mismatches: first.mismatches },
      },
      effects: [domainEvent('tender.opened')],
    };
  });
  const second = await openSubmittedBids(updated);
  const recorded = updated.opening as NonNullable<TenderRecord['opening']>;
  const mismatches = [...new Set([...recorded.mismatches, ...second.mismatches])];
  const counts = countsPerLot(updated, second.bids);
  if (
    JSON.stringify(counts) !== JSON.stringify(recorded.bids) ||
    mismatches.length !== recorded.mismatches.length
  ) {
    await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => ({
      set: { opening: { ...tender.opening, bids: counts, mismatches } },
    }));
  }
  if (!t.opening) {
    await recordAudit({
      actor: null,
      action: 'tender.opened',
      object: { type: 'tender', id: tenderId },
      detail: { bids: second.bids.length, mismatches },
    });
  }
  return t.opening ? 'skipped' : 'opened';
}

/** Opens every tender whose opening is due but whose job was lost. */
export async function openOverdueTenders(): Promise<number> {
  const due = await Tender.find(
    { status: 'published', opening: null, openingAt: trusted({ $lte: new Date() }) },
    { _id: 1, openingAt: 1, submissionDeadline: 1 },
  ).lean<TenderRecord[]>();
  const overdue = due.filter((t) => new Date() >= openingDueAt(t));
  for (const t of overdue) await openTenderBids(String(t._id));
  return overdue.length;
}
