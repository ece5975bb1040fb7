import { Types } from 'mongoose';
import type { Actor } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { Call, type CallRecord } from '../calls/call.model.js';
import { evaluatorBarrier } from '../committee/committee.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { changeDocument } from '../revision.js';
import { Expression, type ExpressionRecord } from './expression.model.js';
import { expressionView } from './expressions.service.js';

/** An assigned evaluator with a clean declaration scores an eligible expression; a new score replaces theirs. */
export async function scoreExpression(
  actor: Actor,
  id: string,
  input: { criterion: string; score: number; comment?: string },
) {
  const e0 = await Expression.findById(id).lean<ExpressionRecord>();
  if (!e0) throw notFound('The expression of interest');
  const call = (await Call.findById(e0.callId).lean<CallRecord>()) as CallRecord;
  const barrier = evaluatorBarrier(call.evaluators, actor);
  if (barrier) throw forbidden(barrier);
  const criterion = call.criteria.find((c) => c.key === input.criterion);
  if (!criterion)
    throw badRequest('Unknown criterion.', [
      { path: '/criterion', message: `must be one of ${call.criteria.map((c) => c.key).join(', ')}` },
    ]);
  if (input.score > criterion.maxScore)
    throw badRequest('The score is out of range.', [
      { path: '/score', message: `must be between 0 and ${criterion.maxScore}` },
    ]);
  const e = await changeDocument<ExpressionRecord>(
    Expression,
    id,
    'The expression of interest',
    async (current) => {
      if (current.status !== 'eligible')
        throw conflict(
          'not-eligible',
          `Only eligible expressions are scored; this one is ${current.status}.`,
        );
      const fresh = await Call.findById(current.callId, { selection: 1 }).lean<CallRecord>();
      if (fresh?.selection.status !== 'none')
        throw conflict('selection-started', 'Selection has started; scores are final.');
      const scores = [
        ...current.scores.filter(
          (s) => !(String(s.evaluatorId) === actor.id && s.criterion === input.criterion),
        ),
        {
          evaluatorId: new Types.ObjectId(actor.id),
          criterion: input.criterion,
          score: input.score,
          comment: input.comment ?? '',
          at: new Date(),
        },
      ];
      return { set: { scores } };
    },
  );
  await recordAudit({
    actor,
    action: 'expression.scored',
    object: { type: 'expression', id },
    detail: { criterion: input.criterion, score: input.score },
  });
  return expressionView(e, actor);
}
