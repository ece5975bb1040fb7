import {
  consortiumEligibility,
  type EligibilityGround,
  eligibilityText,
  type MemberFacts,
} from '../consortia/eligibility.js';

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

/** Every ground on which an expression of interest is ineligible, with its English wording; none means eligible. */
export function expressionIneligibility(f: ExpressionFacts): {
  grounds: EligibilityGround[];
  reasons: string[];
} {
  const grounds: EligibilityGround[] = [];
  if (f.submittedAt.getTime() > f.closesAt.getTime()) grounds.push({ code: 'submitted-late' });
  if (!f.agreementSealed) grounds.push({ code: 'agreement-not-sealed' });
  grounds.push(...consortiumEligibility(f.members, f.minMemberStates).grounds);
  const cap = maxEuContributionCents(f.cofundingRate, f.tools);
  if (f.requestedEuContributionCents > cap)
    grounds.push({
      code: 'over-cofunding-cap',
      requestedCents: f.requestedEuContributionCents,
      rate: f.cofundingRate,
      capCents: cap,
    });
  return { grounds, reasons: grounds.map((g) => eligibilityText(g, 'en')) };
}
