import { Call, type CallRecord } from '../calls/call.model.js';
import { memberFacts } from '../consortia/consortia.service.js';
import { Consortium, type ConsortiumRecord } from '../consortia/consortium.model.js';
import { domainEvent } from '../events.js';
import { changeDocument } from '../revision.js';
import { expressionIneligibility } from './eligibility.js';
import { Expression, type ExpressionRecord } from './expression.model.js';

/** Checks a submitted expression against every eligibility rule and records each failed reason. */
export async function checkExpressionEligibility(expressionId: string): Promise<void> {
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
      const { grounds, reasons } = expressionIneligibility({
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
          eligibility: { checkedAt: new Date(), reasons, grounds },
        },
        effects: [domainEvent('expression.eligibility-checked')],
      };
    },
  );
}
