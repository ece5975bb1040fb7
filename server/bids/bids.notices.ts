import { Organisation } from '../accounts/organisation.model.js';
import { unsealNotices } from '../notices/notices.desk.js';
import { notifyEach } from '../notices/outbox.js';
import { peopleOf } from '../notices/recipients.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { sealedWhileClosed, tenderData } from '../tenders/tenders.notices.js';
import { Bid, type BidRecord } from './bid.model.js';

/** The vendor's receipt: the exact time and the SHA-256 of what it submitted (or withdrew). */
export async function sendBidReceipt(bidId: string, eventId: string): Promise<void> {
  const b = await Bid.findById(bidId).lean<BidRecord>();
  const t = b && (await Tender.findById(b.tenderId).lean<TenderRecord>());
  if (!b || !t) return;
  const last = b.receipts.at(-1);
  await notifyEach(await peopleOf([String(b.vendorId)], ['vendor']), {
    key: eventId,
    template: 'bid-receipt',
    subject: String(b._id),
    ...sealedWhileClosed(t),
    data: {
      ...tenderData(t),
      bidId: String(b._id),
      lot: b.lot,
      receivedAt: new Date(last?.receivedAt ?? b.receivedAt).toISOString(),
      sha256: last?.sha256 ?? b.sha256,
      action: last?.action ?? 'submitted',
    },
  });
}

/** Once the bids are opened, officers may see the sealed phase's notices and hear the counts per lot. */
export async function notifyTenderOpened(tenderId: string, eventId: string): Promise<void> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  if (!t) return;
  await unsealNotices(String(t._id));
  const centre = await Organisation.find({ kind: 'contracting-authority' }, { _id: 1 }).lean();
  await notifyEach(
    await peopleOf(
      centre.map((o) => String(o._id)),
      ['procurement-officer'],
    ),
    {
      key: eventId,
      template: 'tender-opened',
      subject: String(t._id),
      data: {
        ...tenderData(t),
        bidsPerLot: t.opening?.bids ?? [],
        mismatches: t.opening?.mismatches.length ?? 0,
      },
    },
  );
}
