import { trusted } from 'mongoose';
import { Call, type CallRecord } from '../calls/call.model.js';
import { selectExpressions } from '../calls/selection.js';
import { cleanScores } from '../committee/committee.js';
import { domainEvent } from '../events.js';
import { changeDocument } from '../revision.js';
import { checkExpressionEligibility } from './eligibility.service.js';
import { Expression, type ExpressionRecord } from './expression.model.js';

/**
 * Ranks and selects a call's expressions, writes each one's outcome (with its notice) and then
 * marks the selection done. Deterministic, so a re-run after a crash writes the same outcome.
 */
export async function runSelection(callId: string): Promise<void> {
  const c = await Call.findById(callId).lean<CallRecord>();
  if (!c) return;
  const submitted = await Expression.find({ callId: c._id, status: 'submitted' }, { _id: 1 }).lean();
  for (const e of submitted) await checkExpressionEligibility(String(e._id));
  const expressions = await Expression.find({
    callId: c._id,
    status: trusted({ $in: ['eligible', 'ineligible', 'selected', 'not-selected'] }),
  }).lean<ExpressionRecord[]>();
  const lines = selectExpressions(
    c.criteria,
    c.budgetCents,
    expressions.map((e) => ({
      id: String(e._id),
      submittedAt: e.submittedAt as Date,
      requestedEuContributionCents: e.requestedEuContributionCents,
      eligible: e.status !== 'ineligible' && !(e.eligibility?.reasons.length ?? 0),
      ineligibleReasons: e.eligibility?.reasons ?? [],
      scores: cleanScores(c.evaluators, e.scores).map((s) => ({
        evaluatorId: String(s.evaluatorId),
        criterion: s.criterion,
        score: s.score,
      })),
    })),
  );
  for (const line of lines) {
    await changeDocument<ExpressionRecord>(Expression, line.id, 'The expression of interest', (e) => {
      if (e.status === 'selected' || e.status === 'not-selected') return { set: {} };
      const { id: _id, ...result } = line;
      return {
        set: { status: line.selected ? 'selected' : 'not-selected', result },
        effects: [domainEvent('expression.selection-decided')],
      };
    });
  }
  await changeDocument<CallRecord>(Call, String(c._id), 'The call', (call) => ({
    set: { selection: { ...call.selection, status: 'done', completedAt: new Date() } },
  }));
}
