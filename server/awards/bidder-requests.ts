import type { FromSchema } from 'json-schema-to-ts';
import { Types, trusted } from 'mongoose';
import type { bidderRequestBody, requestDecisionBody } from '../../schemas/requests.js';
import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { Bid, type BidRecord } from '../bids/bid.model.js';
import { context } from '../context.js';
import { scheduleEffects } from '../effects/effects.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { addDuration } from '../periods.js';
import { changeDocument } from '../revision.js';
import { isLotCancelled, type TenderRecord } from '../tenders/tender.model.js';
import { loadTender } from '../tenders/tender-access.js';
import { BidderRequest, type BidderRequestRecord } from './bidder-request.model.js';

// Requests to one bidder after the opening, answered on the platform: the evidence of what its
// ESPD declared, asked of a lot's first-ranked bid before the award (art. 59(4), 60); the
// explanation of an abnormally low price (art. 69); the clarification of its documents (art.
// 56(3)). The award of the lot waits for accepted evidence and for the vendor's own explanation;
// evidence refused or not given in time excludes the bid, and the lot goes to the next-ranked.

type AskInput = FromSchema<typeof bidderRequestBody>;

/** A request as its readers see it: the answer's documents listed with their addresses, never where they are stored. */
export const view = (r: BidderRequestRecord) => ({
  id: String(r._id),
  tenderId: String(r.tenderId),
  bidId: String(r.bidId),
  lot: r.lot,
  vendorId: String(r.vendorId),
  kind: r.kind,
  text: r.text,
  criteria: r.criteria,
  dueAt: r.dueAt,
  status: r.status,
  answer: r.answer && {
    ...r.answer,
    documents: (r.answer.documents ?? []).map((d) => ({
      id: d.id,
      filename: d.filename,
      contentType: d.contentType,
      size: d.size,
      sha256: d.sha256,
      url: `/requests/${r._id}/documents/${d.id}`,
    })),
  },
  decision: r.decision,
  askedAt: r.createdAt,
});

/** The lot's results as the evaluation stands: the first-ranked admissible bid, and whether a bid is abnormally low. */
function lotResults(t: TenderRecord, lot: number) {
  const results = t.evaluation?.lots.find((l) => l.lot === lot)?.results ?? [];
  const ranked = results.filter((r) => r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  return { results, first: ranked[0] };
}

/** An officer asks one bidder, with a deadline; the vendor is told by e-mail in its language. */
export async function askBidder(actor: Actor, tenderId: string, input: AskInput) {
  if (!isOfficer(actor)) throw forbidden();
  const t = await loadTender(actor, tenderId);
  if (!t.opening) throw conflict('sealed', 'Bidders are asked only once their bids are open.');
  const b = await Bid.findById(input.bidId).lean<BidRecord>();
  if (!b || String(b.tenderId) !== tenderId || b.status !== 'submitted')
    throw badRequest('The bid is not one of this tender.', [
      { path: '/bidId', message: 'names no bid of this tender' },
    ]);
  if (isLotCancelled(t, b.lot) || t.awards.some((a) => a.lot === b.lot))
    throw conflict('lot-decided', `Lot ${b.lot} is decided already.`);
  const { results, first } = lotResults(t, b.lot);
  const result = results.find((r) => r.bidId === input.bidId);
  if (input.kind === 'evidence') {
    if (!t.espd) throw conflict('no-espd', 'The tender asks no ESPD: there is nothing to prove.');
    if (!first || first.bidId !== input.bidId)
      throw conflict(
        'not-first-ranked',
        'Evidence is asked of the first-ranked bid of the lot, as the evaluation stands.',
      );
  }
  if (input.kind === 'explanation' && !result?.flags.abnormallyLow)
    throw conflict('not-abnormally-low', 'The bid is not flagged abnormally low.');
  const pending = await BidderRequest.findOne({
    tenderId: t._id,
    bidId: b._id,
    kind: input.kind,
    status: trusted({ $in: ['open', 'answered'] }),
  }).lean();
  if (pending) throw conflict('request-pending', `An ${input.kind} request to this bidder is pending.`);
  const dueAt = input.dueAt
    ? new Date(input.dueAt)
    : addDuration(new Date(), context().config.evidencePeriod);
  if (dueAt <= new Date())
    throw badRequest('The deadline has passed.', [{ path: '/dueAt', message: 'must be in the future' }]);
  const answers = (b.opened as { espd?: { answers: Record<string, unknown> } } | null)?.espd?.answers ?? {};
  const asked = domainEvent('request.changed', { step: 'asked' });
  const created = await BidderRequest.create({
    tenderId: t._id,
    bidId: b._id,
    lot: b.lot,
    vendorId: b.vendorId,
    kind: input.kind,
    text: input.text,
    criteria: input.kind === 'evidence' ? Object.keys(answers) : [],
    dueAt,
    askedBy: new Types.ObjectId(actor.id),
    status: 'open',
    pendingEffects: [asked],
  });
  const r = created.toObject() as unknown as BidderRequestRecord;
  await recordAudit({
    actor,
    action: 'request.asked',
    object: { type: 'request', id: String(r._id) },
    detail: { tenderId, bidId: input.bidId, kind: input.kind },
  });
  await scheduleEffects('BidderRequest', String(r._id), [asked]);
  await context().queues.addAfterWrite(
    'request-due',
    { requestId: String(r._id) },
    { jobId: `request-due-${r._id}`, delay: Math.max(0, dueAt.getTime() - Date.now()) },
  );
  return view(r);
}

/** A request as its reader may load it: officers every one, a vendor its own (to others it does not exist). */
export async function loadRequest(actor: Actor, id: string): Promise<BidderRequestRecord> {
  const r = Types.ObjectId.isValid(id) ? await BidderRequest.findById(id).lean<BidderRequestRecord>() : null;
  if (!r) throw notFound('The request');
  if (isOfficer(actor)) return r;
  if (actor.role === 'vendor' && actor.organisationId === String(r.vendorId)) return r;
  throw notFound('The request');
}

export async function getRequest(actor: Actor, id: string) {
  return view(await loadRequest(actor, id));
}

/** The officer accepts or refuses the answer; refused evidence excludes the bid. */
export async function decideRequest(actor: Actor, id: string, input: FromSchema<typeof requestDecisionBody>) {
  if (!isOfficer(actor)) throw forbidden();
  if (!input.accepted && !input.reason)
    throw badRequest('A refusal needs its reason.', [
      { path: '/reason', message: 'is required when the answer is refused' },
    ]);
  const step = input.accepted ? 'accepted' : 'refused';
  const decided = domainEvent('request.changed', { step });
  const r = await changeDocument<BidderRequestRecord>(BidderRequest, id, 'The request', (cur) => {
    if (cur.status !== 'answered')
      throw conflict('not-answered', `The request is ${cur.status}: only an answer is decided.`);
    return {
      set: {
        status: step,
        decision: { accepted: input.accepted, reason: input.reason ?? null, at: new Date(), by: actor.id },
      },
      effects: [decided],
      audit: {
        actor,
        action: `request.${step}`,
        object: { type: 'request', id },
        detail: { reason: input.reason ?? null },
      },
    };
  });
  await scheduleEffects('BidderRequest', id, [decided]);
  return view(r);
}

/** The deadline came (the `request-due` job): an unanswered request expires. */
export async function requestDue(id: string): Promise<'expired' | 'skipped'> {
  const cur = await BidderRequest.findById(id, { status: 1, dueAt: 1 }).lean();
  if (cur?.status !== 'open' || new Date(cur.dueAt) > new Date()) return 'skipped';
  const expired = domainEvent('request.changed', { step: 'expired' });
  await changeDocument<BidderRequestRecord>(BidderRequest, id, 'The request', (r) =>
    r.status === 'open'
      ? {
          set: { status: 'expired', decision: { accepted: false, reason: null, at: new Date(), by: null } },
          effects: [expired],
        }
      : { set: {} },
  );
  await scheduleEffects('BidderRequest', id, [expired]);
  return 'expired';
}

/** A tender's requests: officers see all, each vendor its own. */
export async function listRequests(actor: Actor, tenderId: string) {
  const t = await loadTender(actor, tenderId);
  if (!isOfficer(actor) && actor.role !== 'vendor')
    throw forbidden('Officers and the bidders asked read requests.');
  const all = await BidderRequest.find({ tenderId: t._id })
    .sort({ createdAt: 1 })
    .lean<BidderRequestRecord[]>();
  const mine = isOfficer(actor) ? all : all.filter((r) => String(r.vendorId) === actor.organisationId);
  return { items: mine.map(view), total: mine.length };
}
