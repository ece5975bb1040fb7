import { consortiumEligibility, type MemberFacts } from '../consortia/eligibility.js';

export interface ExpressionFacts {
  submittedAt: Date;
  closesAt: Date;
  agreementSealed: boolean;
  members: MemberFacts[];
  minMemberStates: number;
  cofundingRate: number;
  requestedEuContributionCents: number;
  tools: { estimatedCostCents: number }[];
}

/** The most EU money an expression may ask for: the co-funding rate of its estimated cost, down to the cent. */
export function maxEuContributionCents(rate: number, tools: { estimatedCostCents: number }[]): number {
  const cost = tools.reduce((s, t) => s + t.estimatedCostCents, 0);
  // Rates are decimals such as 0.75: scaled to parts per million, the product is exact in BigInt.
  return Number((BigInt(cost) * BigInt(Math.round(rate * 1_000_000))) / 1_000_000n);
}

/** Every reason an expression of interest is ineligible; none means eligible. */
export function expressionIneligibility(f: ExpressionFacts): string[] {
  const reasons: string[] = [];
  if (f.submittedAt.getTime() > f.closesAt.getTime()) reasons.push('It was submitted after the call closed.');
  if (!f.agreementSealed) reasons.push('The consortium agreement is not in force.');
  reasons.push(...consortiumEligibility(f.members, f.minMemberStates).reasons);
  const cap = maxEuContributionCents(f.cofundingRate, f.tools);
  if (f.requestedEuContributionCents > cap) {
    reasons.push(
      `The EU contribution requested (${f.requestedEuContributionCents} cents) exceeds ${Math.round(f.cofundingRate * 10000) / 100} % of the estimated cost (${cap} cents).`,
    );
  }
  return reasons;
}
