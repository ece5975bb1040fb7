import { Organisation } from '../accounts/organisation.model.js';
import { Call, type CallRecord } from '../calls/call.model.js';
import { memberFacts } from '../consortia/consortia.service.js';
import { Consortium, type ConsortiumRecord } from '../consortia/consortium.model.js';
import { effect, onEffect } from '../effects/effects.js';
import { notifyEach } from '../notices/outbox.js';
import { peopleOf } from '../notices/recipients.js';
import { changeDocument } from '../revision.js';
import { expressionIneligibility } from './eligibility.js';
import { Expression, type ExpressionRecord } from './expression.model.js';

/** Checks a submitted expression against every eligibility rule and records each failed reason. */
export async function checkEligibility(expressionId: string): Promise<void> {
  await changeDocument<ExpressionRecord>(
    Expression,
    expressionId,
    'The expression of interest',
    async (e) => {
      if (e.status !== 'submitted') return { set: {} }; // checked already
      const call = (await Call.findById(e.callId).lean<CallRecord>()) as CallRecord;
      const consortium = (await Consortium.findById(
        e.consortiumId,
      ).lean<ConsortiumRecord>()) as ConsortiumRecord;
      const reasons = expressionIneligibility({
        submittedAt: e.submittedAt as Date,
        closesAt: call.closesAt,
        agreementSealed: consortium.agreementSealedAt !== null,
        members: await memberFacts(consortium),
        minMemberStates: call.minMemberStates,
        cofundingRate: call.cofundingRate,
        requestedEuContributionCents: e.requestedEuContributionCents,
        tools: e.tools,
      });
      return {
        set: {
          status: reasons.length ? 'ineligible' : 'eligible',
          eligibility: { checkedAt: new Date(), reasons },
        },
        effects: [effect('eligibility-notice')],
      };
    },
  );
}

onEffect('Expression', 'check-eligibility', (e: ExpressionRecord) => checkEligibility(String(e._id)));

/** The consortium's members hear about the expression: its eligibility, or its selection outcome. */
async function notifyConsortium(e: ExpressionRecord, key: string, template: string) {
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
    key: key,
    template,
    subject: String(e._id),
    data: {
      callReference: call.reference,
      callTitle: call.title,
      consortiumName: consortium.name,
      coordinatorName: coordinator?.name ?? '',
      expressionId: String(e._id),
      status: e.status,
      eligible: e.status !== 'ineligible',
      reasons: e.eligibility?.reasons ?? [],
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

onEffect('Expression', 'eligibility-notice', (e: ExpressionRecord, fx) =>
  notifyConsortium(e, fx.id, 'expression-eligibility'),
);
onEffect('Expression', 'selection-notice', (e: ExpressionRecord, fx) =>
  notifyConsortium(e, fx.id, 'selection-outcome'),
);
