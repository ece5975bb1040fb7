import type { FromSchema } from 'json-schema-to-ts';
import { Types, trusted } from 'mongoose';
import type { createExpressionBody, patchExpressionBody } from '../../schemas/expressions.js';
import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { Call, type CallRecord } from '../calls/call.model.js';
import { callIsOpen, loadCall } from '../calls/calls.service.js';
import { requireCleanEvaluator } from '../committee/committee.js';
import { consortiumIdsOf, isMember, loadConsortium } from '../consortia/consortia.service.js';
import { Consortium, type ConsortiumRecord } from '../consortia/consortium.model.js';
import { hasPassedResolution } from '../consortia/resolutions.service.js';
import { isDuplicateKey } from '../db.js';
import { dataDigest } from '../digest.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { type Change, changeDocument } from '../revision.js';
import { Expression, type ExpressionRecord, expressionContent } from './expression.model.js';

const audit = (actor: Actor, action: string, id: string, detail?: Record<string, unknown>) =>
  recordAudit({ actor, action, object: { type: 'expression', id }, detail });

/** An expression as its consortium, officers and evaluators see it; evaluators see only their own scores. */
export function expressionView(e: ExpressionRecord, actor: Actor) {
  const scores = isOfficer(actor) ? e.scores : e.scores.filter((s) => String(s.evaluatorId) === actor.id);
  return {
    id: String(e._id),
    callId: String(e.callId),
    consortiumId: String(e.consortiumId),
    summary: e.summary,
    tools: e.tools,
    totalEstimatedCostCents: e.tools.reduce((s, t) => s + t.estimatedCostCents, 0),
    requestedEuContributionCents: e.requestedEuContributionCents,
    hostingYears: e.hostingYears,
    status: e.status,
    submittedAt: e.submittedAt,
    eligibility: e.eligibility,
    scores: scores.map((s) => ({
      evaluatorId: String(s.evaluatorId),
      criterion: s.criterion,
      score: s.score,
      comment: s.comment,
      at: s.at,
    })),
    result: e.result,
  };
}

/** Who may read an expression: officers, its consortium's members, and clean evaluators once it is submitted. */
async function loadExpression(actor: Actor, id: string): Promise<{ e: ExpressionRecord; call: CallRecord }> {
  const e = await Expression.findById(id).lean<ExpressionRecord>();
  if (!e) throw notFound('The expression of interest');
  const call = (await Call.findById(e.callId).lean<CallRecord>()) as CallRecord;
  if (isOfficer(actor)) return { e, call };
  if (
    actor.role === 'evaluator' &&
    e.status !== 'draft' &&
    call.evaluators.some((x) => String(x.userId) === actor.id)
  ) {
    requireCleanEvaluator(call.evaluators, actor);
    return { e, call };
  }
  const consortium = await Consortium.findById(e.consortiumId).lean<ConsortiumRecord>();
  if (consortium && isMember(consortium, actor.organisationId)) return { e, call };
  throw notFound('The expression of interest');
}

function requireCoordinator(actor: Actor, consortium: ConsortiumRecord): void {
  if (actor.role !== 'entity-representative' || String(consortium.coordinatorId) !== actor.organisationId) {
    throw forbidden("Only a representative of the consortium's coordinator may do this.");
  }
}

function requireCallOpen(call: CallRecord): void {
  if (!callIsOpen(call)) {
    throw conflict(
      'call-not-open',
      call.closesAt <= new Date() ? 'The call has closed.' : 'The call is not open.',
    );
  }
}

/** The coordinator drafts its consortium's expression of interest while the call is open. */
export async function createExpression(
  actor: Actor,
  callId: string,
  input: FromSchema<typeof createExpressionBody>,
) {
  const call = await loadCall(actor, callId);
  const consortium = await loadConsortium(actor, input.consortiumId).catch(() => {
    throw badRequest('The consortium is unknown.', [
      { path: '/consortiumId', message: 'names no consortium of yours' },
    ]);
  });
  requireCoordinator(actor, consortium);
  requireCallOpen(call);
  try {
    const e = await Expression.create({
      ...input,
      callId: call._id,
      consortiumId: consortium._id,
      createdBy: new Types.ObjectId(actor.id),
    });
    await audit(actor, 'expression.created', String(e._id), { callId });
    return expressionView(e.toObject() as unknown as ExpressionRecord, actor);
  } catch (err) {
    if (isDuplicateKey(err)) {
      throw conflict(
        'expression-exists',
        'This consortium already has an expression of interest for this call.',
        [{ path: '/consortiumId', message: 'already applied to this call' }],
      );
    }
    throw err;
  }
}

async function coordinatorContext(actor: Actor, id: string) {
  const { e, call } = await loadExpression(actor, id);
  const consortium = (await Consortium.findById(e.consortiumId).lean<ConsortiumRecord>()) as ConsortiumRecord;
  requireCoordinator(actor, consortium);
  return { e, call, consortium };
}

/** Changes an expression that is still a draft, while its call is open. */
function changeDraft(call: CallRecord, id: string, change: Change): Promise<ExpressionRecord> {
  return changeDocument<ExpressionRecord>(Expression, id, 'The expression of interest', (current) => {
    if (current.status !== 'draft')
      throw conflict('not-draft', `Only a draft can change; this one is ${current.status}.`);
    requireCallOpen(call);
    return change;
  });
}

/** The coordinator edits a draft while the call is open. */
export async function updateExpression(
  actor: Actor,
  id: string,
  input: FromSchema<typeof patchExpressionBody>,
) {
  const { call } = await coordinatorContext(actor, id);
  const e = await changeDraft(call, id, { set: { ...input } });

  await audit(actor, 'expression.updated', id, { fields: Object.keys(input) });
  return expressionView(e, actor);
}

/** Submission needs the sealed agreement, a passed resolution approving it, and the call still open. */
export async function submitExpression(
  actor: Actor,
  id: string,
): Promise<{ jobId: string; expression: unknown }> {
  const { e: current, call, consortium } = await coordinatorContext(actor, id);
  const reasons: string[] = [];
  if (!consortium.agreementSealedAt) reasons.push('The consortium agreement is not sealed.');
  const approved = await hasPassedResolution(String(consortium._id), {
    expressionId: id,
    content: expressionContent(current),
  });
  if (!approved) {
    reasons.push(
      'No resolution of the consortium approving this expression of interest, as it stands now, has passed.',
    );
  }
  if (reasons.length)
    throw conflict(
      'not-approved',
      'The expression of interest cannot be submitted yet.',
      reasons.map((message) => ({ path: '/', message })),
    );
  const check = domainEvent('expression.submitted');
  const approvedSha256 = dataDigest(expressionContent(current));
  const e = await changeDocument<ExpressionRecord>(Expression, id, 'The expression of interest', (latest) => {
    if (latest.status !== 'draft')
      throw conflict('not-draft', `Only a draft can change; this one is ${latest.status}.`);
    requireCallOpen(call);
    // Changed since the approval was checked: the approval no longer covers it.
    if (dataDigest(expressionContent(latest)) !== approvedSha256)
      throw conflict('not-approved', 'The expression changed after its approval; it needs a new resolution.');
    return { set: { status: 'submitted', submittedAt: new Date() }, effects: [check] };
  });

  await audit(actor, 'expression.submitted', id);
  return { jobId: `effect-${check.id}`, expression: expressionView(e, actor) };
}

export async function getExpression(actor: Actor, id: string) {
  return expressionView((await loadExpression(actor, id)).e, actor);
}

/** Officers and clean evaluators see every submitted expression of a call; a consortium only its own. */
export async function listCallExpressions(
  actor: Actor,
  callId: string,
  page: { limit: number; offset: number },
) {
  const call = await loadCall(actor, callId);
  let query: Record<string, unknown>;
  if (isOfficer(actor)) query = { callId: call._id };
  else if (actor.role === 'evaluator') {
    requireCleanEvaluator(call.evaluators, actor);
    query = { callId: call._id, status: trusted({ $ne: 'draft' }) };
  } else {
    const mine = await consortiumIdsOf(actor.organisationId);
    query = { callId: call._id, consortiumId: trusted({ $in: mine }) };
  }
  const [items, total] = await Promise.all([
    Expression.find(query)
      .sort({ submittedAt: 1, _id: 1 })
      .skip(page.offset)
      .limit(page.limit)
      .lean<ExpressionRecord[]>(),
    Expression.countDocuments(query),
  ]);
  return { items: items.map((e) => expressionView(e, actor)), total };
}

/**
 * A consortium's expressions of interest, in every call: for its members (invited organisations
 * too do not see drafts: only members) and officers; newest first.
 */
export async function listConsortiumExpressions(actor: Actor, consortiumId: string) {
  const c = await loadConsortium(actor, consortiumId);
  if (!isOfficer(actor) && !isMember(c, actor.organisationId))
    throw forbidden('Only the consortium’s members read its expressions of interest.');
  const items = await Expression.find({ consortiumId: c._id }).sort({ _id: -1 }).lean<ExpressionRecord[]>();
  return { items: items.map((e) => expressionView(e, actor)), total: items.length };
}
