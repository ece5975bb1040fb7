import { trusted } from 'mongoose';
import { Organisation } from '../accounts/organisation.model.js';
import type { DomainEvents } from '../events.js';
import { unsealNotices } from '../notices/notices.desk.js';
import { notifyEach, procedureOf } from '../notices/outbox.js';
import { peopleNamed, peopleOf } from '../notices/recipients.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { cachedTender } from '../tenders/tender-access.js';
import { sealedWhileClosed, tenderData } from '../tenders/tenders.notices.js';
import { openingDueAt } from '../tenders/time-limits.js';
import { Bid } from './bid.model.js';

/** The vendor's receipt: the exact time and the SHA-256 of what it submitted, as it was received. */
export async function sendBidReceipt(
  bidId: string,
  receipt: DomainEvents['bid.received'],
  eventId: string,
): Promise<void> {
  // The tender's copy (checked against its version): at the deadline every receipt names the same tender.
  const t = await cachedTender(receipt.tenderId);
  if (!t) return;
  await notifyEach(await peopleOf([receipt.vendorId], ['vendor']), {
    key: eventId,
    template: 'bid-receipt',
    subject: bidId,
    procedure: procedureOf('tender', t),
    ...sealedWhileClosed(t),
    data: {
      ...tenderData(t),
      bidId,
      lot: receipt.lot,
      receivedAt: receipt.receivedAt,
      sha256: receipt.sha256,
      action: receipt.action,
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
      procedure: procedureOf('tender', t),
      data: {
        ...tenderData(t),
        bidsPerLot: t.opening?.bids ?? [],
        mismatches: t.opening?.mismatches.length ?? 0,
        unconfirmed: t.opening?.unconfirmed?.length ?? 0,
      },
    },
  );
  // The vendor of a bid left unopened hears why.
  const unopened = await Bid.find(
    { _id: trusted({ $in: t.opening?.unconfirmed ?? [] }) },
    { vendorId: 1, lot: 1 },
  ).lean();
  for (const b of unopened)
    await notifyEach(await peopleOf([String(b.vendorId)], ['vendor']), {
      key: `${eventId}:unconfirmed:${b._id}`,
      template: 'bid-not-opened',
      subject: String(t._id),
      procedure: procedureOf('tender', t),
      data: { ...tenderData(t), lot: b.lot },
    });
}

/** The opening time has come: each member of the opening committee is asked to act with their secret. */
export async function notifyOpeningDue(tenderId: string, eventId: string): Promise<void> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  if (!t?.openingCommittee || t.opening) return;
  await notifyEach(await peopleNamed(t.openingCommittee.members.map((m) => m.userId)), {
    key: eventId,
    template: 'opening-due',
    subject: String(t._id),
    procedure: procedureOf('tender', t),
    data: {
      ...tenderData(t),
      openingAt: openingDueAt(t).toISOString(),
      quorum: t.openingCommittee.quorum,
      members: t.openingCommittee.members.length,
    },
  });
}
