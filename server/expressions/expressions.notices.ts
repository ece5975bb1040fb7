import { Organisation } from '../accounts/organisation.model.js';
import { Call, type CallRecord } from '../calls/call.model.js';
import { Consortium, type ConsortiumRecord } from '../consortia/consortium.model.js';
import { eligibilityInWords } from '../consortia/eligibility.js';
import { notifyEach, procedureOf } from '../notices/outbox.js';
import { peopleOf } from '../notices/recipients.js';
import { Expression, type ExpressionRecord } from './expression.model.js';

/**
 * The consortium's members hear about their expression: its eligibility (`expression-eligibility`)
 * or its selection outcome (`selection-outcome`), with every reason and score.
 */
export async function notifyConsortiumOfExpression(
  expressionId: string,
  eventId: string,
  template: 'expression-eligibility' | 'selection-outcome',
): Promise<void> {
  const e = await Expression.findById(expressionId).lean<ExpressionRecord>();
  if (!e) return;
  const [call, consortium] = await Promise.all([
    Call.findById(e.callId).lean<CallRecord>(),
    Consortium.findById(e.consortiumId).lean<ConsortiumRecord>(),
  ]);
  if (!call || !consortium) return;
  const memberIds = consortium.members
    .filter((m) => m.status === 'member')
    .map((m) => String(m.organisationId));
  const people = await peopleOf(memberIds, ['entity-representative']);
  const coordinator = await Organisation.findById(consortium.coordinatorId).lean();
  const titles = new Map(call.criteria.map((c) => [c.key, c]));
  await notifyEach(people, {
    key: eventId,
    template,
    subject: String(e._id),
    procedure: procedureOf('call', call),
    data: {
      callReference: call.reference,
      callTitle: call.title,
      consortiumName: consortium.name,
      coordinatorName: coordinator?.name ?? '',
      expressionId: String(e._id),
      status: e.status,
      eligible: e.status !== 'ineligible',
      // In each language when recorded as grounds; as recorded (English) before that.
      reasons: e.eligibility?.grounds?.length
        ? eligibilityInWords(e.eligibility.grounds)
        : (e.eligibility?.reasons ?? []),
      selected: e.result?.selected ?? false,
      rank: e.result?.rank ?? null,
      total: e.result?.total ?? null,
      criterionScores: (e.result?.criterionScores ?? []).map((s) => ({
        title: titles.get(s.key)?.title ?? s.key,
        mean: s.mean,
        maxScore: titles.get(s.key)?.maxScore ?? null,
      })),
      euAmountGrantedCents: e.result?.euAmountGrantedCents ?? 0,
      resultReasons: e.result?.reasons ?? [],
    },
  });
}
