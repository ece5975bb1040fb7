/**
 * Scoring: evaluators post scores (`POST /bids/:id/scores`), 10 at a time, against a bare Node
 * server doing one raw update of the same bid document; with 200 bids in the tender, then again
 * with ten times as many bids and scores stored, so that a cost that grows with the data shows.
 * `npm run bench`.
 */
import mongoose, { Types } from 'mongoose';
import { CRITERIA, EVALUATORS, openedTender, seedEvaluators } from './seed.js';
import { bareServer, benchPlatform, load, perSecond, post, row, spread } from './support.js';

const BIDS = Number(process.env.BENCH_BIDS ?? 200);
const SCORES = Number(process.env.BENCH_SCORES ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 10;

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
      const { bidIds } = await openedTender(count, users);
      const r = { phase, ours: [] as number[], raw: [] as number[] };
      // One unmeasured round first, so that neither side is measured while the JIT still warms up.
      for (let round = phase === `${BIDS} bids` ? -1 : 0; round < ROUNDS; round++) {
        // Each request scores a different bid, evaluator and criterion, spread over the lot.
        const at = (i: number) => ({
          bidId: bidIds[(i * 7 + (round + 1) * 13) % bidIds.length] as string,
          evaluator: (i + round + 1) % EVALUATORS,
          criterion: `c${(i + round + 1) % CRITERIA}`,
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
        if (round < 0) continue;
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
