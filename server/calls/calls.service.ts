import type { FromSchema } from 'json-schema-to-ts';
import { Types, trusted } from 'mongoose';
import type { createCallBody } from '../../schemas/calls.js';
import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { committeeView, criteriaErrors } from '../committee/committee.js';
import { assignEvaluator, type CommitteeProcedure, declareConflict } from '../committee/committee-actions.js';
import { context } from '../context.js';
import { isDuplicateKey } from '../db.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { withDocumentLock } from '../locks.js';
import { notices, withNotice } from '../publishing.js';
import { changeDocument } from '../revision.js';
import { Call, type CallRecord } from './call.model.js';

const audit = (actor: Actor | null, action: string, id: string, detail?: Record<string, unknown>) =>
  recordAudit({ actor, action, object: { type: 'call', id }, detail });

/** A call is open for expressions between its opening and closing times, by the clock. */
export const callIsOpen = (c: CallRecord, now = new Date()) =>
  c.status === 'published' && now >= c.opensAt && now < c.closesAt;

/** The status as of now: a published call past its closing time is closed even before the job marks it. */
export const callStatus = (c: CallRecord, now = new Date()) =>
  c.status === 'published' && now >= c.closesAt ? 'closed' : c.status;

/** The call as users see it; officers also see the committee. */
export function callView(c: CallRecord, actor: Actor) {
  return {
    id: String(c._id),
    reference: c.reference,
    title: c.title,
    description: c.description,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    budgetCents: c.budgetCents,
    cofundingRate: c.cofundingRate,
    minMemberStates: c.minMemberStates,
    criteria: c.criteria,
    status: callStatus(c),
    publishedAt: c.publishedAt,
    selection: c.selection,
    ...(isOfficer(actor) ? { evaluators: committeeView(c.evaluators) } : {}),
  };
}

/** Loads a call; drafts exist only for officers. */
export async function loadCall(actor: Actor, id: string): Promise<CallRecord> {
  const c = await Call.findById(id).lean<CallRecord>();
  if (!c || (c.status === 'draft' && !isOfficer(actor))) throw notFound('The call');
  return c;
}

/** An officer drafts a call for expressions of interest. */
export async function createCall(actor: Actor, input: FromSchema<typeof createCallBody>) {
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  const errors = criteriaErrors(input.criteria, '/criteria');
  if (closesAt <= opensAt) errors.push({ path: '/closesAt', message: 'must be after opensAt' });
  if (closesAt <= new Date()) errors.push({ path: '/closesAt', message: 'must be in the future' });
  if (errors.length) throw badRequest('The call is invalid.', errors);
  try {
    const c = await Call.create({ ...input, opensAt, closesAt, createdBy: new Types.ObjectId(actor.id) });
    await audit(actor, 'call.created', String(c._id));
    return callView(c.toObject() as unknown as CallRecord, actor);
  } catch (err) {
    if (isDuplicateKey(err))
      throw conflict('reference-taken', 'A call with this reference exists.', [
        { path: '/reference', message: 'is already taken' },
      ]);
    throw err;
  }
}

/** Publishing tells every hosting entity's representatives and sets the closing deadline. */
export async function publishCall(actor: Actor, id: string) {
  const stillDraft = (call: CallRecord) => {
    if (call.status !== 'draft') throw conflict('not-draft', 'Only a draft call can be published.');
    if (call.closesAt <= new Date())
      throw conflict('closing-passed', 'The call closes in the past; it cannot be published.');
  };
  const c0 = await loadCall(actor, id);
  stillDraft(c0);
  // Its call for expressions of interest (eForms CEI) is valid first, or nothing is published.
  const c = await withNotice(await notices().callNotice(c0), (released) =>
    changeDocument<CallRecord>(Call, id, 'The call', (call) => {
      stillDraft(call);
      return {
        set: { status: 'published', publishedAt: new Date() },
        effects: [domainEvent('call.published'), ...released],
      };
    }),
  );
  await scheduleCallClosing(c);
  await audit(actor, 'call.published', id);
  return callView(c, actor);
}

/** A delayed job closes the call at `closesAt`; the reconciler is its backstop. */
export async function scheduleCallClosing(c: CallRecord): Promise<void> {
  const delay = Math.max(0, c.closesAt.getTime() - Date.now());
  await context().queues.add(
    'close-call',
    { callId: String(c._id) },
    { jobId: `close-call-${c._id}`, delay },
  );
}

/** Marks a published call closed once its closing time has passed; a no-op otherwise. */
export async function closeCall(callId: string): Promise<'closed' | 'skipped'> {
  const result = await withDocumentLock('Call', callId, () =>
    Call.updateOne(
      { _id: callId, status: 'published', closesAt: trusted({ $lte: new Date() }) },
      { $set: { status: 'closed', closedAt: new Date() }, $inc: { rev: 1 } },
    ),
  );
  if (result.modifiedCount !== 1) return 'skipped';
  await audit(null, 'call.closed', callId);
  return 'closed';
}

/** Closes every call whose closing job was lost. */
export async function closeOverdueCalls(): Promise<number> {
  const overdue = await Call.find(
    { status: 'published', closesAt: trusted({ $lte: new Date() }) },
    { _id: 1 },
  ).lean();
  for (const c of overdue) await closeCall(String(c._id));
  return overdue.length;
}

export async function listCalls(actor: Actor, page: { limit: number; offset: number }) {
  const query: Record<string, unknown> = isOfficer(actor)
    ? {}
    : { status: trusted({ $in: ['published', 'closed'] }) };
  const [items, total] = await Promise.all([
    Call.find(query).sort({ closesAt: -1 }).skip(page.offset).limit(page.limit).lean<CallRecord[]>(),
    Call.countDocuments(query),
  ]);
  return { items: items.map((c) => callView(c, actor)), total };
}

/** The call's evaluation committee, as the shared committee actions see it. */
const callCommittee: CommitteeProcedure<CallRecord> = {
  kind: 'call',
  model: Call,
  what: 'The call',
  fixed: (call) =>
    call.selection.status !== 'none'
      ? conflict('selection-started', 'Selection has started; the committee is fixed.')
      : undefined,
};

/** An officer assigns an evaluator to the call's committee. */
export async function assignCallEvaluator(actor: Actor, id: string, userId: string) {
  await loadCall(actor, id);
  return assignEvaluator(actor, callCommittee, id, userId);
}

/** An assigned evaluator declares, once, whether they have a conflict of interest. */
export async function declareCallConflict(actor: Actor, id: string, hasConflict: boolean, note?: string) {
  await loadCall(actor, id);
  return declareConflict(actor, callCommittee, id, hasConflict, note);
}

/** After the call closes, an officer starts selection; a worker ranks and selects. */
export async function requestSelection(actor: Actor, id: string): Promise<{ jobId: string }> {
  await loadCall(actor, id);
  const run = domainEvent('call.selection-requested');
  await changeDocument<CallRecord>(Call, id, 'The call', (call) => {
    if (call.status === 'draft') throw conflict('not-published', 'The call is not published.');
    if (new Date() < call.closesAt)
      throw conflict('call-open', 'Selection starts only after the call closes.');
    if (call.selection.status !== 'none')
      throw conflict('selection-started', `Selection is already ${call.selection.status}.`);
    return {
      set: { selection: { status: 'running', requestedAt: new Date(), completedAt: null } },
      effects: [run],
    };
  });
  await audit(actor, 'call.selection-requested', id);
  return { jobId: `effect-${run.id}` };
}
