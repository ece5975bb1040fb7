import { expect } from 'chai';
import type { Criterion } from '../../server/calls/call.model.js';
import { type Candidate, selectExpressions } from '../../server/calls/selection.js';

const criteria: Criterion[] = [
  { key: 'capacity', title: 'Capacity', weight: 3, maxScore: 10, threshold: 5 },
  { key: 'cross-border', title: 'Cross-border value', weight: 1, maxScore: 5, threshold: 2 },
];

const candidate = (
  id: string,
  capacity: number[],
  cross: number[],
  requested: number,
  submitted: string,
): Candidate => ({
  id,
  submittedAt: new Date(submitted),
  requestedEuContributionCents: requested,
  eligible: true,
  ineligibleReasons: [],
  scores: [
    ...capacity.map((score, i) => ({ evaluatorId: `e${i}`, criterion: 'capacity', score })),
    ...cross.map((score, i) => ({ evaluatorId: `e${i}`, criterion: 'cross-border', score })),
  ],
});

describe('selection within budget', () => {
  // A: capacity mean 8, cross 4 → 100 × (3×8/10 + 1×4/5) / 4 = 100 × 3.2 / 4 = 80
  // B: capacity mean 9, cross 2 → 100 × (2.7 + 0.4) / 4 = 77.5
  // C: capacity mean 7, cross 5 → 100 × (2.1 + 1.0) / 4 = 77.5, submitted before B
  // D: capacity mean 4 (< 5) → below threshold, not ranked
  const candidates = [
    candidate('A', [8, 8, 8], [4, 4, 4], 1_500_000_000, '2026-02-01T10:00:00Z'),
    candidate('B', [9, 9, 9], [2, 2, 2], 1_000_000_000, '2026-02-02T10:00:00Z'),
    candidate('C', [6, 7, 8], [5, 5, 5], 1_000_000_000, '2026-02-01T09:00:00Z'),
    candidate('D', [4, 4, 4], [5, 5, 5], 100_000_000, '2026-02-01T08:00:00Z'),
  ];

  it('when totals are computed, then they follow 100 × Σ(w × mean / max) / Σw', () => {
    const lines = selectExpressions(criteria, 3_000_000_000, candidates);
    const expected = [80, 77.5, 77.5, 55];
    for (const [i, l] of lines.entries()) expect(l.total).to.be.closeTo(expected[i] as number, 1e-9);
  });

  it('when two totals tie, then the earlier submission ranks first', () => {
    const lines = selectExpressions(criteria, 3_000_000_000, candidates);
    expect(lines.map((l) => [l.id, l.rank])).to.deep.equal([
      ['A', 1],
      ['B', 3],
      ['C', 2],
      ['D', null],
    ]);
  });

  it('when the budget is EUR 30 M, then A (15 M) and C (10 M) are selected and B (10 M) no longer fits', () => {
    const lines = selectExpressions(criteria, 3_000_000_000, candidates);
    expect(lines.map((l) => [l.id, l.selected, l.euAmountGrantedCents])).to.deep.equal([
      ['A', true, 1_500_000_000],
      ['B', false, 0],
      ['C', true, 1_000_000_000],
      ['D', false, 0],
    ]);
    expect(lines[1]?.reasons).to.deep.equal([
      'The call budget left is smaller than the EU contribution requested.',
    ]);
  });

  it('when an expression is below a criterion threshold, then it is not selected, even though it would fit', () => {
    const d = selectExpressions(criteria, 3_000_000_000, candidates)[3];
    expect(d?.selected).to.equal(false);
    expect(d?.reasons).to.deep.equal(['Below the threshold on Capacity: 4.00 < 5.']);
  });

  it('when the budget is exactly A + C + B, then all three are selected', () => {
    const lines = selectExpressions(criteria, 3_500_000_000, candidates);
    expect(lines.filter((l) => l.selected).map((l) => l.id)).to.deep.equal(['A', 'B', 'C']);
  });

  it('when an expression is ineligible or not fully scored, then it is not ranked and says why', () => {
    const lines = selectExpressions(criteria, 3_000_000_000, [
      {
        ...candidate('X', [9], [5], 1, '2026-02-01T00:00:00Z'),
        eligible: false,
        ineligibleReasons: ['late'],
      },
      candidate('Y', [9], [], 1, '2026-02-01T00:00:00Z'),
    ]);
    expect(lines.map((l) => [l.rank, l.reasons])).to.deep.equal([
      [null, ['Ineligible: late']],
      [null, ['Not scored on Cross-border value.']],
    ]);
  });
});
