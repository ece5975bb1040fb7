import { trusted } from 'mongoose';
import { Organisation } from '../accounts/organisation.model.js';
import { cleanScores } from '../committee/committee.js';
import { effect, onEffect } from '../effects/effects.js';
import { Expression, type ExpressionRecord } from '../expressions/expression.model.js';
import { checkEligibility } from '../expressions/expressions.effects.js';
import { onReconcile } from '../maintenance/reconcile.js';
import { notifyEach } from '../notices/outbox.js';
import { peopleOf } from '../notices/recipients.js';
import { changeDocument } from '../revision.js';
import { Call, type CallRecord } from './call.model.js';
import { closeOverdueCalls } from './calls.service.js';
import { selectExpressions } from './selection.js';

/** Every representative of every hosting entity hears of a published call, in their language. */
onEffect('Call', 'published', async (c: CallRecord, e) => {
  const entities = await Organisation.find({ kind: 'hosting-entity' }, { _id: 1 }).lean();
  const people = await peopleOf(
    entities.map((o) => String(o._id)),
    ['entity-representative'],
  );
  await notifyEach(people, {
    key: e.id,
    template: 'call-published',
    subject: String(c._id),
    data: {
      callId: String(c._id),
      reference: c.reference,
      title: c.title,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      budgetCents: c.budgetCents,
      cofundingRate: c.cofundingRate,
      minMemberStates: c.minMemberStates,
    },
  });
});

/**
 * Ranks and selects the call's expressions, writes each one's outcome (with its notice) and then
 * marks the selection done. Deterministic, so a re-run after a crash writes the same outcome.
 */
onEffect('Call', 'run-selection', async (c: CallRecord) => {
  const submitted = await Expression.find({ callId: c._id, status: 'submitted' }, { _id: 1 }).lean();
  for (const e of submitted) await checkEligibility(String(e._id));
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
        effects: [effect('selection-notice')],
      };
    });
  }
  await changeDocument<CallRecord>(Call, String(c._id), 'The call', (call) => ({
    set: { selection: { ...call.selection, status: 'done', completedAt: new Date() } },
  }));
});

onReconcile('overdue-calls', closeOverdueCalls);
