import { expect } from 'chai';
import {
  consortiumEligibility,
  eligibilityText,
  type MemberFacts,
} from '../../server/consortia/eligibility.js';
import { expressionIneligibility, maxEuContributionCents } from '../../server/expressions/eligibility.js';

const member = (name: string, country: string, extra: Partial<MemberFacts> = {}): MemberFacts => ({
  organisationId: name,
  name,
  country,
  publicBody: true,
  contributionCents: 100_000_00,
  status: 'member',
  ...extra,
});

describe('eligibility', () => {
  it('when members are public bodies from three Member States, then the consortium is eligible', () => {
    const result = consortiumEligibility([
      member('BE agency', 'BE'),
      member('NL agency', 'NL'),
      member('DE agency', 'DE'),
    ]);
    expect(result).to.deep.equal({ eligible: true, memberStates: 3, reasons: [], grounds: [] });
  });

  it('when two members share a country, then Member States are counted once', () => {
    const result = consortiumEligibility([member('A', 'BE'), member('B', 'BE'), member('C', 'NL')]);
    expect(result.memberStates).to.equal(2);
    expect(result.reasons).to.deep.equal(['Members come from 2 Member State(s); at least 3 are required.']);
  });

  it('when everything is wrong, then every reason is given', () => {
    const result = consortiumEligibility([
      member('Private Co', 'BE', { publicBody: false }),
      member('Free rider', 'NL', { contributionCents: 0 }),
      member('Swiss office', 'CH'),
      member('Pending', 'DE', { status: 'invited' }),
    ]);
    expect(result.eligible).to.equal(false);
    expect(result.reasons).to.deep.equal([
      'Members come from 2 Member State(s); at least 3 are required.',
      'Private Co is not a public body.',
      'Free rider contributes nothing; every member must contribute.',
      'Swiss office is not in an EU Member State (CH).',
      'The invitation to Pending is still pending.',
    ]);
  });

  it('when the cost is EUR 1 000 000.01 at 75 %, then at most EUR 750 000.00 may be requested (rounded down to the cent)', () => {
    expect(
      maxEuContributionCents(0.75, [{ estimatedCostCents: 60_000_001 }, { estimatedCostCents: 40_000_000 }]),
    ).to.equal(75_000_000);
  });

  it('when an expression is late, unsealed and over the cap, then each reason is recorded', () => {
    const { reasons, grounds } = expressionIneligibility({
      submittedAt: new Date('2026-03-02T00:00:00Z'),
      closesAt: new Date('2026-03-01T00:00:00Z'),
      agreementSealed: false,
      members: [member('A', 'BE'), member('B', 'NL'), member('C', 'DE')],
      minMemberStates: 3,
      cofundingRate: 0.75,
      requestedEuContributionCents: 75_000_001,
      tools: [{ estimatedCostCents: 100_000_000 }],
    });
    expect(reasons).to.deep.equal([
      'It was submitted after the call closed.',
      'The consortium agreement is not in force.',
      'The EU contribution requested (€750,000.01) exceeds 75 % of the estimated cost (€750,000.00).',
    ]);
    expect(grounds.map((g) => eligibilityText(g, 'nl').replace(/\u00a0/g, ' '))).to.deep.equal([
      'Het is na de sluiting van de oproep ingediend.',
      'De consortiumovereenkomst is niet van kracht.',
      'De gevraagde EU-bijdrage (€ 750.000,01) is meer dan 75 % van de geraamde kosten (€ 750.000,00).',
    ]);
  });

  it('when the call asks for four Member States, then three are not enough', () => {
    const { reasons } = expressionIneligibility({
      submittedAt: new Date('2026-03-01T00:00:00Z'),
      closesAt: new Date('2026-03-02T00:00:00Z'),
      agreementSealed: true,
      members: [member('A', 'BE'), member('B', 'NL'), member('C', 'DE')],
      minMemberStates: 4,
      cofundingRate: 0.5,
      requestedEuContributionCents: 50_000_000,
      tools: [{ estimatedCostCents: 100_000_000 }],
    });
    expect(reasons).to.deep.equal(['Members come from 3 Member State(s); at least 4 are required.']);
  });
});
