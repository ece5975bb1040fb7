import type { Actor } from '../accounts/access.js';
import { withdrawAward } from '../awards/awards.service.js';
import { openingDue } from '../bids/opening.js';
import { conflict, forbidden } from '../errors.js';
import { domainEvent } from '../events.js';
import { changeDocument } from '../revision.js';
import { revokeCancellation } from '../tenders/lot-cancellation.js';
import { holdOpening, releaseOpening } from '../tenders/opening-hold.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { Complaint, type ComplaintRecord, type ComplaintStatus } from './complaint.model.js';
import { complaintView, loadComplaint, namesOf } from './complaints.service.js';
import { isReviewerOf } from './review-body.js';

// A complaint's life: `submitted` → accepted (or refused as inadmissible) → upheld or dismissed,
// or withdrawn by its author before the decision. Each step is one write with its audit event and
// the event that tells the parties; what it suspends or sets aside follows at once, and again
// (idempotently) when the event is handled, so that a crash in between loses nothing.

type Step = 'accepted' | 'refused' | 'upheld' | 'dismissed' | 'withdrawn';

const stateConflict = (c: ComplaintRecord, wanted: string) =>
  conflict(`complaint-${c.status}`, `The complaint is ${c.status}; ${wanted}.`);

/** One step of the complaint, by the review body (or, to withdraw, its author). */
async function takeStep(
  actor: Actor,
  id: string,
  step: Step,
  from: ComplaintStatus[],
  wanted: string,
  set: (now: Date) => Record<string, unknown>,
) {
  const { c: c0 } = await loadComplaint(actor, id);
  const mayAct =
    step === 'withdrawn'
      ? actor.role === 'vendor' && actor.organisationId === String(c0.authorId)
      : isReviewerOf(actor, c0);
  if (!mayAct)
    throw forbidden(
      step === 'withdrawn'
        ? 'Only the complainant withdraws its complaint.'
        : 'Only the review body that hears the complaint takes this step.',
    );
  const c = await changeDocument<ComplaintRecord>(Complaint, id, 'The complaint', (current) => {
    if (!from.includes(current.status)) throw stateConflict(current, wanted);
    const now = new Date();
    return {
      set: { status: step, ...set(now) },
      effects: [domainEvent('complaint.changed', { step })],
      audit: {
        actor,
        action: `complaint.${step}`,
        object: { type: 'complaint', id },
        detail: { tenderId: String(current.tenderId), lot: current.lot, against: current.against },
      },
    };
  });
  await applyConsequences(c);
  const t = (await Tender.findById(c.tenderId).lean<TenderRecord>()) as TenderRecord;
  return complaintView(c, t, actor, await namesOf([c]));
}

export const acceptComplaint = (actor: Actor, id: string) =>
  takeStep(actor, id, 'accepted', ['submitted'], 'only a submitted complaint is accepted', (now) => ({
    acceptedAt: now,
  }));

export const refuseComplaint = (actor: Actor, id: string, text: string) =>
  takeStep(actor, id, 'refused', ['submitted'], 'only a submitted complaint is refused', (now) => ({
    refusal: { text, at: now, by: actor.id },
  }));

export const decideComplaint = (actor: Actor, id: string, outcome: 'upheld' | 'dismissed', text: string) =>
  takeStep(
    actor,
    id,
    outcome,
    ['accepted'],
    'the review body decides a complaint it has accepted',
    (now) => ({
      decision: { outcome, text, at: now, by: actor.id },
    }),
  );

export const withdrawComplaint = (actor: Actor, id: string) =>
  takeStep(
    actor,
    id,
    'withdrawn',
    ['submitted', 'accepted'],
    'only an undecided complaint is withdrawn',
    (now) => ({
      withdrawnAt: now,
    }),
  );

/**
 * What the complaint's state means for the procedure, applied idempotently: an accepted complaint
 * against the conditions holds the opening (if accepted before the deadline); upheld, until the
 * conditions are amended; otherwise the hold is released. An upheld complaint against an award or
 * an exclusion sets the award decision aside; against a cancellation, revokes it. (A contract
 * waits on undecided award and exclusion complaints by asking `contractSuspension`.)
 */
export async function applyConsequences(c: ComplaintRecord): Promise<void> {
  const id = String(c._id);
  const tenderId = String(c.tenderId);
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  if (!t) return;
  if (c.against === 'conditions') {
    const decidedAt = c.decision?.at ? new Date(c.decision.at) : null;
    if (c.status === 'accepted' && c.acceptedAt && new Date(c.acceptedAt) < new Date(t.submissionDeadline))
      await holdOpening(tenderId, id, 'decision');
    else if (
      c.status === 'upheld' &&
      decidedAt &&
      !(t.amendments ?? []).some((a) => new Date(a.publishedAt) > decidedAt)
    )
      await holdOpening(tenderId, id, 'amendment');
    else if (c.status !== 'accepted' && c.status !== 'upheld' && (await releaseOpening(tenderId, id))) {
      await holdForAnother(t, id);
      await openingDue(tenderId);
    }
    return;
  }
  if (c.status !== 'upheld' || c.lot === null || !c.decision) return;
  const before = new Date(c.decision.at);
  if (c.against === 'cancellation') await revokeCancellation(tenderId, c.lot, id, before);
  else await withdrawAward(tenderId, c.lot, id, before);
}

/** Once one complaint's hold is released, another accepted complaint against the conditions holds the opening. */
async function holdForAnother(t: TenderRecord, releasedId: string): Promise<void> {
  const others = await Complaint.find({ tenderId: t._id, against: 'conditions', status: 'accepted' })
    .sort({ acceptedAt: 1 })
    .lean<ComplaintRecord[]>();
  const next = others.find(
    (o) =>
      String(o._id) !== releasedId && o.acceptedAt && new Date(o.acceptedAt) < new Date(t.submissionDeadline),
  );
  if (next) await holdOpening(String(t._id), String(next._id), 'decision');
}
