import type { Actor } from '../accounts/access.js';
import { conflict } from '../errors.js';
import { changeDocument } from '../revision.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { Bid, type BidRecord } from './bid.model.js';
import { ownBid } from './bid-reading.js';
import { bidView, confirmationOf } from './bid-view.js';

// After a significant change to the tender, a bid submitted before it waits for its vendor: the
// vendor confirms it as it stands (or replaces it) before the deadline, or it is not opened.

/** The vendor confirms its bid after a change, before the deadline; the receipt records it. */
export async function confirmBid(actor: Actor, bidId: string) {
  await ownBid(actor, bidId);
  let tender: TenderRecord | undefined;
  const b = await changeDocument<BidRecord>(Bid, bidId, 'The bid', async (current) => {
    const t = (await Tender.findById(current.tenderId).lean<TenderRecord>()) as TenderRecord;
    tender = t;
    if (t.status !== 'published') throw conflict('tender-not-open', `The tender is ${t.status}.`);
    if (new Date() >= new Date(t.submissionDeadline) || t.opening)
      throw conflict('deadline-passed', 'The submission deadline has passed.');
    if (current.status !== 'submitted') throw conflict('not-submitted', 'The bid is withdrawn.');
    if (!confirmationOf(t, current).needsConfirmation)
      throw conflict(
        'nothing-to-confirm',
        'No change since this bid was received asks for its confirmation.',
      );
    const at = new Date();
    return {
      set: {
        confirmedAt: at,
        receipts: [...current.receipts, { receivedAt: at, sha256: current.sha256, action: 'confirmed' }],
      },
      audit: { actor, action: 'bid.confirmed', object: { type: 'bid', id: bidId } },
    };
  });
  return bidView(b, actor, tender);
}
