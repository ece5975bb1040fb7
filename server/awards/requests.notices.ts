import { Organisation } from '../accounts/organisation.model.js';
import type { DomainEvents } from '../events.js';
import { notifyEach, procedureOf } from '../notices/outbox.js';
import { peopleOf } from '../notices/recipients.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { tenderData } from '../tenders/tenders.notices.js';
import { BidderRequest, type BidderRequestRecord } from './bidder-request.model.js';
import { applyEvidenceOutcome, evidenceReason } from './evidence.js';

type Step = DomainEvents['request.changed']['step'];

/**
 * A request to a bidder moved a step: refused or missing evidence excludes the bid (again:
 * idempotently), then the vendor is told of the request and of the decision on its answer, and
 * the officers of its answer and of a deadline passed, each in their language.
 */
export async function followRequest(requestId: string, step: Step, eventId: string): Promise<void> {
  await applyEvidenceOutcome(requestId);
  const r = await BidderRequest.findById(requestId).lean<BidderRequestRecord>();
  const t = r && (await Tender.findById(r.tenderId).lean<TenderRecord>());
  if (!r || !t) return;
  const data = {
    ...tenderData(t),
    requestId,
    step,
    kind: r.kind,
    lot: r.lot,
    text: r.text,
    dueAt: new Date(r.dueAt).toISOString(),
    answer: r.answer?.text ?? '',
    reason: r.decision?.reason ?? '',
    excluded: r.kind === 'evidence' && (step === 'refused' || step === 'expired') ? evidenceReason(r) : '',
  };
  const event = {
    key: eventId,
    template: 'bidder-request',
    subject: String(t._id),
    procedure: procedureOf('tender', t),
  };
  if (step !== 'answered')
    await notifyEach(await peopleOf([String(r.vendorId)], ['vendor']), {
      ...event,
      data: { ...data, own: true },
    });
  if (step === 'answered' || step === 'expired') {
    const centre = await Organisation.find({ kind: 'contracting-authority' }, { _id: 1 }).lean();
    await notifyEach(
      await peopleOf(
        centre.map((o) => String(o._id)),
        ['procurement-officer'],
      ),
      { ...event, data: { ...data, own: false } },
    );
  }
}
