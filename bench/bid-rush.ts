/**
 * The deadline rush: every vendor submits one bid per round, 50 requests at a time, against a bare
 * Node HTTP server doing one raw `insertOne` of a similar document into the same database; and an
 * authenticated tender read against a bare Express route doing one raw `findOne`. Rounds alternate,
 * so drift hits both sides alike. Then rounds of bids that each carry a 64 KiB document, against a
 * bare server parsing the same form with the same parser and storing offer and file in one insert,
 * counted for the same honesty (no 5xx, none lost, none stored without its answer). `npm run bench`
 * (builds first).
 */

import { verifyAuditChain } from '../server/audit/audit.service.js';
import { Bid } from '../server/bids/bid.model.js';
import {
  LOTS,
  offer,
  offerWithDocument,
  rawFormServer,
  rawInsertServer,
  rawReadServer,
  seed,
  settled,
  VENDORS,
} from './rush-setup.js';
import {
  benchPlatform,
  get,
  type LoadResult,
  load,
  percentile,
  perSecond,
  post,
  postForm,
  row,
  spread,
} from './support.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DOCUMENT_ROUNDS = Number(process.env.BENCH_DOCUMENT_ROUNDS ?? 3);
const CONCURRENCY = 50;
async function main(): Promise<void> {
  const platform = await benchPlatform('rush');
  const rawInsert = await rawInsertServer();
  const rawRead = await rawReadServer();
  const rawForm = await rawFormServer();
  try {
    const { tokens, tenderId } = await seed();
    const token = (i: number) => tokens[i % tokens.length] as string;
    const bid = {
      platform: [] as number[],
      raw: [] as number[],
      p50: [] as number[],
      p99: [] as number[],
      rawP99: [] as number[],
    };
    // Every answer honest: no 5xx, no bid stored that was not answered 201, none answered 201 and not stored.
    const honesty = {
      serverErrors: 0,
      storedWithoutSuccess: 0,
      lost: 0,
      async count(r: LoadResult, lot: number) {
        const ok = r.statuses.filter((s) => s === 201).length;
        const stored = await Bid.countDocuments({ tenderId, lot });
        this.serverErrors += r.statuses.filter((s) => s >= 500).length;
        this.storedWithoutSuccess += Math.max(0, stored - ok);
        this.lost += Math.max(0, ok - stored);
      },
    };
    const drains: number[] = [];
    // One unmeasured round first, on the last lot, so that neither side is measured while the JIT warms up.
    await load(VENDORS, CONCURRENCY, (i) =>
      post(`${rawInsert.url}/bids`, token(i), { ...offer(LOTS, i), tenderId }),
    );
    await load(VENDORS, CONCURRENCY, (i) =>
      post(`${platform.baseUrl}/api/v1/tenders/${tenderId}/bids`, token(i), offer(LOTS, i)),
    );
    for (let round = 0; round < Math.min(ROUNDS, LOTS - 1); round++) {
      const lot = round + 1;
      await settled(platform);
      const base = await load(VENDORS, CONCURRENCY, (i) =>
        post(`${rawInsert.url}/bids`, token(i), { ...offer(lot, i), tenderId }),
      );
      await settled(platform);
      const ours = await load(VENDORS, CONCURRENCY, (i) =>
        post(`${platform.baseUrl}/api/v1/tenders/${tenderId}/bids`, token(i), offer(lot, i)),
      );
      drains.push(await settled(platform));
      await honesty.count(ours, lot);
      bid.platform.push(perSecond(ours));
      bid.raw.push(perSecond(base));
      bid.p50.push(percentile(ours.latencies, 50));
      bid.p99.push(percentile(ours.latencies, 99));
      bid.rawP99.push(percentile(base.latencies, 99));
      console.error(
        `round ${round + 1}: ${perSecond(ours).toFixed(1)} bids/s against ${perSecond(base).toFixed(1)} raw`,
      );
    }
    // Bids that carry a document (sealed as it streams in, stored in chunks), against a bare server
    // parsing the same form and storing offer and file in one insert: the same honesty.
    const withDocuments = {
      platform: [] as number[],
      raw: [] as number[],
      p99: [] as number[],
      rawP99: [] as number[],
    };
    for (let round = 0; round < Math.min(DOCUMENT_ROUNDS, LOTS - 1 - ROUNDS); round++) {
      const lot = LOTS - 1 - round;
      await settled(platform);
      const base = await load(VENDORS, CONCURRENCY, (i) =>
        postForm(`${rawForm.url}/bids`, token(i), offerWithDocument(lot, i)),
      );
      await settled(platform);
      const ours = await load(VENDORS, CONCURRENCY, (i) =>
        postForm(`${platform.baseUrl}/api/v1/tenders/${tenderId}/bids`, token(i), offerWithDocument(lot, i)),
      );
      await honesty.count(ours, lot);
      withDocuments.platform.push(perSecond(ours));
      withDocuments.raw.push(perSecond(base));
      withDocuments.p99.push(percentile(ours.latencies, 99));
      withDocuments.rawP99.push(percentile(base.latencies, 99));
    }
    const ratioOf = (a: number[], b: number[]) => a.map((x, i) => x / (b[i] as number));
    const ratios = ratioOf(bid.platform, bid.raw);
    const p99Ratios = ratioOf(bid.p99, bid.rawP99);

    const read = {
      platform: [] as number[],
      raw: [] as number[],
      p99: [] as number[],
      rawP99: [] as number[],
    };
    for (const concurrency of [10, 50]) {
      for (let round = 0; round < ROUNDS; round++) {
        await settled(platform);
        const base = await load(1000, concurrency, (i) =>
          get(`${rawRead.url}/tenders/${tenderId}`, token(i)),
        );
        const ours = await load(1000, concurrency, (i) =>
          get(`${platform.baseUrl}/api/v1/tenders/${tenderId}`, token(i)),
        );
        read.platform.push(perSecond(ours));
        read.raw.push(perSecond(base));
        read.p99.push(percentile(ours.latencies, 99));
        read.rawP99.push(percentile(base.latencies, 99));
      }
    }
    const readRatios = ratioOf(read.platform, read.raw);
    const readP99Ratios = ratioOf(read.p99, read.rawP99);
    await settled(platform);
    const chain = await verifyAuditChain();

    console.log(
      `\nDeadline rush: ${VENDORS} vendors, ${CONCURRENCY} at a time, ${ROUNDS} rounds (min / median / max)\n`,
    );
    console.log(row(['figure', 'platform', 'baseline', 'ratio']));
    console.log(row(['---', '---', '---', '---']));
    console.log(
      row(['bid submission, req/s', spread(bid.platform, 1), spread(bid.raw, 1), spread(ratios, 3)]),
    );
    console.log(row(['bid submission p50, ms', spread(bid.p50, 0), '', '']));
    console.log(
      row(['bid submission p99, ms', spread(bid.p99, 0), spread(bid.rawP99, 0), spread(p99Ratios, 2)]),
    );
    const d = withDocuments;
    console.log(
      row([
        `bids with a 64 KiB document (${d.platform.length} rounds), req/s`,
        spread(d.platform, 1),
        spread(d.raw, 1),
        spread(ratioOf(d.platform, d.raw), 3),
      ]),
    );
    console.log(
      row(['… their p99, ms', spread(d.p99, 0), spread(d.rawP99, 0), spread(ratioOf(d.p99, d.rawP99), 2)]),
    );
    console.log(
      row([
        '5xx answers / stored without success / lost (with and without documents)',
        `${honesty.serverErrors} / ${honesty.storedWithoutSuccess} / ${honesty.lost}`,
        '',
        '',
      ]),
    );
    console.log(
      row([
        'tender read (c = 10 and 50), req/s',
        spread(read.platform, 0),
        spread(read.raw, 0),
        spread(readRatios, 2),
      ]),
    );
    console.log(
      row([
        'tender read p99 (c = 10 and 50), ms',
        spread(read.p99, 1),
        spread(read.rawP99, 1),
        spread(readP99Ratios, 2),
      ]),
    );
    console.log(
      row([
        'audit chain after the rush',
        `${chain.valid ? 'valid' : 'BROKEN'}, ${chain.events} events`,
        '',
        '',
      ]),
    );
  } finally {
    rawInsert.server.close();
    rawRead.server.close();
    rawForm.server.close();
    await platform.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
