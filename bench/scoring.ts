/**
 * Scoring: evaluators post scores (`POST /bids/:id/scores`), 10 at a time, against a bare Node
 * server doing one raw update of the same bid document; with 200 bids in the tender, then again
 * with ten times as many bids and scores stored, so that a cost that grows with the data shows.
 * `npm run bench`.
 */
import mongoose, { Types } from 'mongoose';
import { Organisation } from '../server/accounts/organisation.model.js';
import { hashPassword } from '../server/accounts/passwords.js';
import { issueToken } from '../server/accounts/tokens.js';
import { User } from '../server/accounts/user.model.js';
import { Bid } from '../server/bids/bid.model.js';
import { Tender } from '../server/tenders/tender.model.js';
import { bareServer, benchPlatform, load, perSecond, post, row, spread } from './support.js';

const BIDS = Number(process.env.BENCH_BIDS ?? 200);
const SCORES = Number(process.env.BENCH_SCORES ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const EVALUATORS = 5;
const CRITERIA = 10;
const CONCURRENCY = 10;

async function seedEvaluators() {
  const org = await Organisation.create({
    name: 'Bench Centre',
    kind: 'contracting-authority',
    country: 'RO',
    publicBody: true,
    email: 'centre@bench.test',
    language: 'en',
  });
  const passwordHash = await hashPassword('bench-password-long');
  const users = await User.insertMany(
    Array.from({ length: EVALUATORS }, (_, i) => ({
      email: `evaluator${i}@bench.test`,
      name: `Evaluator ${i}`,
      passwordHash,
      role: 'evaluator',
      organisationId: org._id,
    })),
  );
  return { users, tokens: await Promise.all(users.map((u) => issueToken(String(u._id)))) };
}

/** An opened tender of one lot with `count` opened bids and a clean committee of five. */
async function openedTender(count: number, evaluators: { _id: Types.ObjectId }[]) {
  const now = new Date();
  const tender = await Tender.create({
    expressionId: new Types.ObjectId(),
    consortiumId: new Types.ObjectId(),
    reference: `SCORE-${Date.now()}-${count}`,
    title: 'Scoring',
    description: 'One lot, ten criteria',
    cpvCodes: ['48730000'],
    lots: [{ number: 1, title: 'SIEM', estimatedValueCents: 1_000_000 }],
    questionsDeadline: new Date(now.getTime() - 7_200_000),
    submissionDeadline: new Date(now.getTime() - 3_600_000),
    openingAt: new Date(now.getTime() - 3_600_000),
    standstillPeriod: 'P10D',
    award: {
      qualityWeight: 0.6,
      priceWeight: 0.4,
      qualityThreshold: 0.5,
      criteria: Array.from({ length: CRITERIA }, (_, i) => ({
        key: `c${i}`,
        title: `Criterion ${i}`,
        weight: 1,
        maxScore: 10,
        threshold: 5,
      })),
    },
    status: 'published',
    publishedAt: new Date(now.getTime() - 86_400_000),
    createdBy: new Types.ObjectId(),
    opening: { at: now, bids: [{ lot: 1, count }], mismatches: [] },
    evaluators: evaluators.map((e) => ({
      userId: e._id,
      assignedAt: now,
      conflict: false,
      note: null,
      declaredAt: now,
    })),
  });
  const bids = await Bid.insertMany(
    Array.from({ length: count }, (_, i) => ({
      tenderId: tender._id,
      lot: 1,
      vendorId: new Types.ObjectId(),
      submittedBy: new Types.ObjectId(),
      status: 'submitted',
      receivedAt: now,
      sha256: 'a'.repeat(64),
      receipts: [],
      opened: {
        lot: 1,
        priceCents: 1_000_000 + i,
        technicalOffer: 'SIEM with 24/7 support and a detection content library.',
        declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
        verified: true,
        openedAt: now,
      },
    })),
  );
  return bids.map((b) => String(b._id));
}

async function main(): Promise<void> {
  const platform = await benchPlatform('scoring');
  const raw = mongoose.connection.collection('bids');
  const bare = await bareServer(async (body) => {
    const b = body as { bidId: string; score: unknown };
    await raw.updateOne({ _id: new Types.ObjectId(b.bidId) }, { $push: { scores: b.score } } as never);
    return { id: b.bidId };
  });
  try {
    const { users, tokens } = await seedEvaluators();
    const results: { phase: string; ours: number[]; raw: number[] }[] = [];
    for (const [phase, count] of [
      [`${BIDS} bids`, BIDS],
      [`${BIDS * 10} more bids stored`, BIDS * 10],
    ] as const) {
      const bidIds = await openedTender(count, users);
      const r = { phase, ours: [] as number[], raw: [] as number[] };
      for (let round = 0; round < ROUNDS; round++) {
        // Each request scores a different bid, evaluator and criterion, spread over the lot.
        const at = (i: number) => ({
          bidId: bidIds[(i * 7 + round * 13) % bidIds.length] as string,
          evaluator: (i + round) % EVALUATORS,
          criterion: `c${(i + round) % CRITERIA}`,
          score: (i % 10) + 1,
        });
        const base = await load(SCORES, CONCURRENCY, (i) => {
          const s = at(i);
          return post(`${bare.url}/scores`, tokens[s.evaluator] as string, {
            bidId: s.bidId,
            score: { evaluatorId: String(users[s.evaluator]?._id), criterion: s.criterion, score: s.score },
          });
        });
        const ours = await load(SCORES, CONCURRENCY, (i) => {
          const s = at(i);
          return post(`${platform.baseUrl}/api/v1/bids/${s.bidId}/scores`, tokens[s.evaluator] as string, {
            criterion: s.criterion,
            score: s.score,
            comment: 'Meets the requirement.',
          });
        });
        const failed = ours.statuses.filter((s) => s !== 200 && s !== 201).length;
        if (failed)
          throw new Error(`${failed} scores were refused: ${[...new Set(ours.statuses)].join(', ')}`);
        r.ours.push(perSecond(ours));
        r.raw.push(perSecond(base));
        console.error(
          `${phase}, round ${round + 1}: ${perSecond(ours).toFixed(0)} scores/s against ${perSecond(base).toFixed(0)} raw`,
        );
      }
      results.push(r);
    }
    console.log(
      `\nScoring: ${SCORES} scores per round, ${CONCURRENCY} at a time, ${ROUNDS} rounds (min / median / max)\n`,
    );
    console.log(row(['figure', 'platform, scores/s', 'raw update, req/s', 'ratio']));
    console.log(row(['---', '---', '---', '---']));
    const medians: number[] = [];
    for (const r of results) {
      const ratios = r.ours.map((o, i) => o / (r.raw[i] as number));
      medians.push([...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] as number);
      console.log(row([`scoring, ${r.phase}`, spread(r.ours, 0), spread(r.raw, 0), spread(ratios, 2)]));
    }
    const [before, after] = medians as [number, number];
    console.log(
      row(['scoring, median ratio with ten times the data / before', '', '', (after / before).toFixed(2)]),
    );
  } finally {
    bare.server.close();
    await platform.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
