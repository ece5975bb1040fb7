import { Organisation } from '../accounts/organisation.model.js';
import { Bid } from '../bids/bid.model.js';
import type { DomainEvents } from '../events.js';
import { notifyEach, procedureOf } from '../notices/outbox.js';
import { peopleOf, type Recipient } from '../notices/recipients.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { sealedWhileClosed, tenderData } from '../tenders/tenders.notices.js';
import { authorSealed, Complaint, type ComplaintRecord } from './complaint.model.js';
import { applyConsequences } from './complaint-steps.js';

type Step = DomainEvents['complaint.changed']['step'];

/** What a complaint is against, in each language of the notices. */
function complaintOf(c: ComplaintRecord) {
  const lot = c.lot;
  switch (c.against) {
    case 'conditions':
      return { en: 'the conditions', nl: 'de voorwaarden' };
    case 'award':
      return { en: `the award of lot ${lot}`, nl: `de gunning van perceel ${lot}` };
    case 'exclusion':
      return { en: `an exclusion from lot ${lot}`, nl: `een uitsluiting van perceel ${lot}` };
    default:
      return { en: `the cancellation of lot ${lot}`, nl: `de annulering van perceel ${lot}` };
  }
}

/** What the step means for the procedure, as the notice says it. */
function consequenceOf(c: ComplaintRecord, t: TenderRecord): string | null {
  const heldContract = c.against === 'award' || c.against === 'exclusion';
  if (c.status === 'submitted' || c.status === 'accepted') {
    if (heldContract) return 'contract-held';
    return t.openingSuspension?.complaintId === String(c._id) ? 'opening-held' : null;
  }
  if (c.status === 'upheld')
    return heldContract
      ? 'award-set-aside'
      : c.against === 'cancellation'
        ? 'cancellation-revoked'
        : 'conditions-amended';
  return heldContract ? 'free' : null;
}

/**
 * A complaint moved a step: what it means for the procedure is applied (again: idempotently, see
 * `applyConsequences`), then its parties are told, each in their language — the complainant, the
 * officers, the review body of a new or withdrawn complaint, and every other bidder of the lot of
 * a complaint against its award. A decision comes with the review body's letter as a PDF.
 */
export async function followComplaint(complaintId: string, step: Step, eventId: string): Promise<void> {
  const c = await Complaint.findById(complaintId).lean<ComplaintRecord>();
  if (!c) return;
  await applyConsequences(c);
  const t = await Tender.findById(c.tenderId).lean<TenderRecord>();
  if (!t) return;
  const [reviewBody, author] = await Promise.all([
    Organisation.findById(c.reviewBodyId, { name: 1 }).lean(),
    Organisation.findById(c.authorId, { name: 1 }).lean(),
  ]);
  const centre = await Organisation.find({ kind: 'contracting-authority' }, { _id: 1 }).lean();
  const award = c.lot === null ? undefined : t.awards.find((a) => a.lot === c.lot);
  const data = {
    ...tenderData(t),
    complaintId,
    step,
    lot: c.lot,
    against: c.against,
    complaintOf: complaintOf(c),
    grounds: c.grounds,
    reviewBodyName: reviewBody?.name ?? '',
    // Never named to others while the name would tell who bid on a sealed lot.
    authorName: authorSealed(c, t) ? '' : (author?.name ?? ''),
    refusal: c.refusal?.text ?? '',
    decision: c.decision?.text ?? '',
    consequence: consequenceOf(c, t),
    standstillEndsAt: award ? new Date(award.standstillEndsAt).toISOString() : null,
  };
  const decided = step === 'upheld' || step === 'dismissed';
  const event = {
    key: eventId,
    template: 'complaint',
    subject: String(t._id),
    procedure: procedureOf('tender', t),
    ...(decided ? { attachments: [{ kind: 'complaint-decision', id: complaintId }] } : {}),
  };
  const authorPeople = await peopleOf([String(c.authorId)], ['vendor']);
  const others: Recipient[] = [
    ...(await peopleOf(
      centre.map((o) => String(o._id)),
      ['procurement-officer'],
    )),
    ...(step === 'submitted' || step === 'withdrawn'
      ? await peopleOf([String(c.reviewBodyId)], ['review-body'])
      : []),
  ];
  // The other bidders of the lot hear of a complaint against its award (lodged after the opening).
  if (c.against === 'award' && c.lot !== null) {
    const bids = await Bid.find({ tenderId: t._id, lot: c.lot, status: 'submitted' }, { vendorId: 1 }).lean();
    const bidders = bids.map((b) => String(b.vendorId)).filter((v) => v !== String(c.authorId));
    others.push(...(await peopleOf(bidders, ['vendor'])));
  }
  // The complainant's notices, like every vendor's, stay out of the officers' sight while bids are sealed.
  await notifyEach(authorPeople, { ...event, ...sealedWhileClosed(t), data: { ...data, own: true } });
  await notifyEach(others, { ...event, data: { ...data, own: false } });
}
