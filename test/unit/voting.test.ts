import { expect } from 'chai';
import { resolutionOutcome, type Vote, votingWeights } from '../../server/consortia/voting.js';

// Contributions: A 500 000.00, B 300 000.00, C 200 000.00 → weights 0.5, 0.3, 0.2.
const members = [
  { organisationId: 'A', contributionCents: 50_000_000 },
  { organisationId: 'B', contributionCents: 30_000_000 },
  { organisationId: 'C', contributionCents: 20_000_000 },
];
const votes = (v: Record<string, Vote>) => new Map(Object.entries(v));

describe('consortium voting', () => {
  it('when contributions are 500k, 300k and 200k, then the weights are 0.5, 0.3 and 0.2', () => {
    expect(votingWeights(members)).to.deep.equal([
      { organisationId: 'A', weight: 0.5 },
      { organisationId: 'B', weight: 0.3 },
      { organisationId: 'C', weight: 0.2 },
    ]);
  });

  it('when every member votes yes, then the resolution passes by consensus', () => {
    expect(resolutionOutcome(members, votes({ A: 'yes', B: 'yes', C: 'yes' }))).to.equal('passed');
  });

  it('when A and B (80 %) vote yes, then it passes before C votes', () => {
    expect(resolutionOutcome(members, votes({ A: 'yes', B: 'yes' }))).to.equal('passed');
  });

  it('when only A (50 %) has voted yes, then it stays open: B and C could still bring it to 100 %', () => {
    expect(resolutionOutcome(members, votes({ A: 'yes' }))).to.equal('open');
  });

  it('when B (30 %) votes no, then 75 % is out of reach and it is rejected: a blocking minority', () => {
    expect(resolutionOutcome(members, votes({ B: 'no' }))).to.equal('rejected');
  });

  it('when C (20 %) abstains, then A and B can still reach 80 %: open', () => {
    expect(resolutionOutcome(members, votes({ C: 'abstain' }))).to.equal('open');
  });

  it('when A and C (70 %) vote yes and B abstains, then 70 % < 75 % of all weights: rejected', () => {
    expect(resolutionOutcome(members, votes({ A: 'yes', C: 'yes', B: 'abstain' }))).to.equal('rejected');
  });

  it('when yes is exactly 75 % of all weights, then it passes (≥, not >)', () => {
    const four = [
      { organisationId: 'A', contributionCents: 3 },
      { organisationId: 'B', contributionCents: 3 },
      { organisationId: 'C', contributionCents: 3 },
      { organisationId: 'D', contributionCents: 3 },
    ];
    expect(resolutionOutcome(four, votes({ A: 'yes', B: 'yes', C: 'yes', D: 'no' }))).to.equal('passed');
  });

  it('when the weights are thirds, then float rounding does not decide: 2 of 3 equal members is 66.7 %, rejected on the third no', () => {
    const thirds = members.map((m) => ({ ...m, contributionCents: 1 }));
    expect(resolutionOutcome(thirds, votes({ A: 'yes', B: 'yes' }))).to.equal('open');
    expect(resolutionOutcome(thirds, votes({ A: 'yes', B: 'yes', C: 'no' }))).to.equal('rejected');
  });
});
