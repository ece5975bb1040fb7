import { trusted } from 'mongoose';
import { recordAudit } from '../audit/audit.service.js';
import { context } from '../context.js';
import { effect } from '../effects/effects.js';
import { changeDocument } from '../revision.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { Bid, type BidRecord } from './bid.model.js';
import { bidDigest, unsealBid } from './sealing.js';

/**
 * Opens a tender's bids once `openingAt` has passed: decrypts each, checks it against its receipt
 * digest, and records the opening. Each step is idempotent, so a retried job finishes the work.
 */
export async function openTenderBids(tenderId: string): Promise<'opened' | 'skipped'> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  if (t?.status !== 'published' || t.opening || new Date() < t.openingAt) return 'skipped';
  const bids = await Bid.find({ tenderId: t._id, status: 'submitted' }).lean<BidRecord[]>();
  const mismatches: string[] = [];
  for (const bid of bids) {
    const opened = await changeDocument<BidRecord>(Bid, String(bid._id), 'The bid', (b) => {
      if (b.opened || !b.sealed) return { set: {} };
      const content = unsealBid(b.sealed, context().config.bidEncryptionKey);
      return {
        set: { opened: { ...content, verified: bidDigest(content) === b.sha256, openedAt: new Date() } },
      };
    });
    if (opened.opened && !opened.opened.verified) mismatches.push(String(bid._id));
  }
  const updated = await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    if (tender.opening) return { set: {} };
    return {
      set: {
        opening: {
          at: new Date(),
          bids: tender.lots.map((l) => ({
            lot: l.number,
            count: bids.filter((b) => b.lot === l.number).length,
          })),
          mismatches,
        },
      },
      effects: [effect('opened')],
    };
  });
  await recordAudit({
    actor: null,
    action: 'tender.opened',
    object: { type: 'tender', id: tenderId },
    detail: { bids: bids.length, mismatches },
  });
  return updated.opening ? 'opened' : 'skipped';
}

/** Opens every tender whose opening job was lost. */
export async function openOverdueTenders(): Promise<number> {
  const due = await Tender.find(
    { status: 'published', opening: null, openingAt: trusted({ $lte: new Date() }) },
    { _id: 1 },
  ).lean();
  for (const t of due) await openTenderBids(String(t._id));
  return due.length;
}
