import { expect } from 'chai';
import { largestRemainder, splitCostShares } from '../../server/contracts/cost-sharing.js';

describe('cost sharing', () => {
  it('when 100 cents are split in thirds, then the largest remainder gives 34, 33, 33 and the parts sum to 100', () => {
    const parts = largestRemainder(100, [
      { id: 'a', weight: 1 },
      { id: 'b', weight: 1 },
      { id: 'c', weight: 1 },
    ]);
    expect(parts.map((p) => p.cents)).to.deep.equal([34, 33, 33]);
  });

  it('when the contract is EUR 1 234 567.89 at 75 %, then the EU pays 925 925.91 (rounded down) and members share the rest 5:3:2', () => {
    const split = splitCostShares(123_456_789, 0.75, 10_000_000_000, [
      { organisationId: 'BE', contributionCents: 50_000_000 },
      { organisationId: 'NL', contributionCents: 30_000_000 },
      { organisationId: 'DE', contributionCents: 20_000_000 },
    ]);
    // 0.75 × 123 456 789 = 92 592 591.75 → 92 592 591; rest 30 864 198 → 15 432 099 / 9 259 259.4 / 6 172 839.6
    expect(split.euCents).to.equal(92_592_591);
    expect(split.members).to.deep.equal([
      { organisationId: 'BE', cents: 15_432_099 },
      { organisationId: 'NL', cents: 9_259_259 },
      { organisationId: 'DE', cents: 6_172_840 },
    ]);
    expect(split.euCents + split.members.reduce((s, m) => s + m.cents, 0)).to.equal(123_456_789);
  });

  it('when less of the grant is left than the rate gives, then the EU pays only what is left', () => {
    const split = splitCostShares(100_000_000, 0.75, 40_000_000, [
      { organisationId: 'A', contributionCents: 1 },
      { organisationId: 'B', contributionCents: 1 },
    ]);
    expect(split.euCents).to.equal(40_000_000);
    expect(split.members.map((m) => m.cents)).to.deep.equal([30_000_000, 30_000_000]);
  });

  it('when the grant is used up, then the members pay everything', () => {
    const split = splitCostShares(1_001, 0.75, 0, [
      { organisationId: 'A', contributionCents: 2 },
      { organisationId: 'B', contributionCents: 1 },
    ]);
    expect(split.euCents).to.equal(0);
    expect(split.members.map((m) => m.cents)).to.deep.equal([667, 334]);
  });

  it('when amounts are very large, then the split stays exact', () => {
    const split = splitCostShares(900_719_925_474_099, 0.5, Number.MAX_SAFE_INTEGER, [
      { organisationId: 'A', contributionCents: 7 },
      { organisationId: 'B', contributionCents: 11 },
      { organisationId: 'C', contributionCents: 13 },
    ]);
    expect(split.euCents + split.members.reduce((s, m) => s + m.cents, 0)).to.equal(900_719_925_474_099);
  });
});
