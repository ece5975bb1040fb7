import { expect } from 'chai';
import { type AwardMethod, computeLotRanking, type EvaluatedBid } from '../../server/evaluation/ranking.js';

const method: AwardMethod = {
  qualityWeight: 0.6,
  priceWeight: 0.4,
  qualityThreshold: 0.65,
  criteria: [
    { key: 'detection', title: 'Detection coverage', weight: 2, maxScore: 10, threshold: 5 },
    { key: 'support', title: 'Support', weight: 1, maxScore: 10, threshold: 5 },
  ],
};

const pass = { exclusion: 'pass', selection: 'pass', reason: null } as const;
const bid = (
  id: string,
  priceCents: number,
  detection: number[],
  support: number[],
  received = '2026-05-01T10:00:00Z',
  checks: EvaluatedBid['checks'] = pass,
): EvaluatedBid => ({
  id,
  priceCents,
  receivedAt: new Date(received),
  checks,
  scores: [
    ...detection.map((score, i) => ({ evaluatorId: `e${i}`, criterion: 'detection', score })),
    ...support.map((score, i) => ({ evaluatorId: `e${i}`, criterion: 'support', score })),
  ],
});
const byId = (results: ReturnType<typeof computeLotRanking>, id: string) =>
  results.find((r) => r.bidId === id);

describe('evaluation of a lot', () => {
  it('when bids are admissible, then Q, P and total follow the formulas with full precision', () => {
    // A: detection mean 8, support 7 → Q = 100 × (2×0.8 + 0.7)/3 = 76.666…; price 1 000 000.00 (lowest) → P = 100
    // B: detection 9, support 9 → Q = 90; price 1 250 000.00 → P = 80
    const results = computeLotRanking(method, [
      bid('A', 100_000_000, [7, 8, 9], [7, 7, 7]),
      bid('B', 125_000_000, [9, 9, 9], [9, 9, 9]),
    ]);
    const a = byId(results, 'A');
    const b = byId(results, 'B');
    expect(a?.quality).to.be.closeTo(230 / 3, 1e-12);
    expect(a?.price).to.equal(100);
    expect(a?.total).to.be.closeTo(0.6 * (230 / 3) + 40, 1e-12); // 86
    expect(b?.quality).to.be.closeTo(90, 1e-12);
    expect(b?.price).to.equal(80);
    expect(b?.total).to.be.closeTo(86, 1e-12); // 54 + 32
    // A and B tie at 86: the higher Q (B) ranks first
    expect([b?.rank, a?.rank]).to.deep.equal([1, 2]);
  });

  it('when totals and Q tie, then the earlier receipt ranks first', () => {
    const results = computeLotRanking(method, [
      bid('late', 100_000_000, [8], [8], '2026-05-02T10:00:00Z'),
      bid('early', 100_000_000, [8], [8], '2026-05-01T10:00:00Z'),
    ]);
    expect([byId(results, 'early')?.rank, byId(results, 'late')?.rank]).to.deep.equal([1, 2]);
  });

  it('when a criterion mean is below its threshold, then the bid is eliminated before price', () => {
    const results = computeLotRanking(method, [
      bid('cheap', 10_000_000, [9], [4]),
      bid('ok', 100_000_000, [8], [8]),
    ]);
    const cheap = byId(results, 'cheap');
    expect(cheap?.flags.belowThreshold).to.equal(true);
    expect(cheap?.rank).to.equal(null);
    expect(cheap?.reasons).to.deep.equal(['Support: 4.00 is below the threshold of 5.']);
    // the eliminated bid's price does not set the lowest price: "ok" keeps P = 100
    expect(byId(results, 'ok')?.price).to.equal(100);
  });

  it('when Q is below the overall threshold, then the bid is eliminated', () => {
    // detection 6, support 6 → Q = 60 < 65
    const results = computeLotRanking(method, [bid('weak', 100_000_000, [6], [6])]);
    expect(byId(results, 'weak')?.flags.belowThreshold).to.equal(true);
    expect(byId(results, 'weak')?.reasons).to.deep.equal([
      'Quality 60.00 is below the threshold of 65.00 points.',
    ]);
  });

  it('when a check fails, then the bid is excluded with the recorded reason', () => {
    const results = computeLotRanking(method, [
      bid('x', 1, [9], [9], undefined, { exclusion: 'fail', selection: 'pass', reason: 'insolvency' }),
    ]);
    expect(byId(results, 'x')?.flags).to.deep.equal({
      excluded: true,
      belowThreshold: false,
      abnormallyLow: false,
    });
    expect(byId(results, 'x')?.reasons).to.deep.equal(['Exclusion grounds apply: insolvency.']);
  });

  it('when a price is 40 % below the mean of the others, then it is flagged abnormally low', () => {
    // others: 100 and 100 → mean 100; 60 is exactly 40 % below; next-ranked 100 → 40 % below next as well
    const results = computeLotRanking(method, [
      bid('low', 60_000_000, [8], [8]),
      bid('b', 100_000_000, [8], [8]),
      bid('c', 100_000_000, [8], [8]),
    ]);
    expect(byId(results, 'low')?.flags.abnormallyLow).to.equal(true);
    expect(byId(results, 'b')?.flags.abnormallyLow).to.equal(false);
  });

  it('when a price is 30 % below the next-ranked bid but not 40 % below the mean, then the second rule flags it', () => {
    // low 70, next 100, third 200: mean of others 150 → 70 is 53 % below (rule 1 flags too). Use others 100 and 110:
    // mean 105 → 70 is 33 % below (no); next-ranked 100 → exactly 30 % below (yes)
    const results = computeLotRanking(method, [
      bid('low', 70_000_000, [8], [8]),
      bid('b', 100_000_000, [8], [8]),
      bid('c', 110_000_000, [8], [8]),
    ]);
    const low = byId(results, 'low');
    expect(low?.flags.abnormallyLow).to.equal(true);
    expect(low?.reasons).to.deep.equal(['The price is at least 30 % below the next-ranked bid.']);
  });

  it('when a price is 29 % below the next and 32 % below the mean, then it is not flagged', () => {
    const results = computeLotRanking(method, [
      bid('low', 71_000_000, [8], [8]),
      bid('b', 100_000_000, [8], [8]),
      bid('c', 110_000_000, [8], [8]),
    ]);
    expect(byId(results, 'low')?.flags.abnormallyLow).to.equal(false);
  });
});
