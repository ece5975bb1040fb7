/**
 * The deadline rush: every vendor submits one bid per round, 50 requests at a time, against a bare
 * Node HTTP server doing one raw `insertOne` of a similar document into the same database; and an
 * authenticated tender read against a bare Express route doing one raw `findOne`. Rounds alternate,
 * so drift hits both sides alike. Then rounds of bids that each carry a 64 KiB document, counted for
 * the same honesty (no 5xx, none lost, none stored without its answer). `npm run bench` (builds first).
 */

import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import mongoose, { Types } from 'mongoose';
import { listInDirectory } from '../server/accounts/directory.js';
import { Organisation } from '../server/accounts/organisation.model.js';
import { hashPassword } from '../server/accounts/passwords.js';
import { issueToken } from '../server/accounts/tokens.js';
import { User } from '../server/accounts/user.model.js';
import { AuditPending } from '../server/audit/audit.model.js';
import { verifyAuditChain } from '../server/audit/audit.service.js';
import { Bid } from '../server/bids/bid.model.js';
import { Tender } from '../server/tenders/tender.model.js';
import {
  bareServer,
  benchPlatform,
  get,
  load,
  percentile,
  perSecond,
  post,
  postForm,
  row,
  spread,
} from './support.js';

const VENDORS = Number(process.env.BENCH_VENDORS ?? 250);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DOCUMENT_ROUNDS = Number(process.env.BENCH_DOCUMENT_ROUNDS ?? 3);
const CONCURRENCY = 50;
const LOTS = 16;

/** A bare server that stores what it is sent with one `insertOne`: the floor of a bid submission. */
async function rawInsertServer() {
  const raw = mongoose.connection.collection('bench_raw_bids');
  return {
    raw,
    ...(await bareServer(async (body) => {
      const { insertedId } = await raw.insertOne({ ...(body as object), receivedAt: new Date() });
      return { id: insertedId };
    })),
  };
}

/** A bare Express route that reads a tender with one raw `findOne`: the floor of a tender read. */
async function rawReadServer() {
  const tenders = mongoose.connection.collection('tenders');
  const app = express().get('/tenders/:id', async (req, res) => {
    res.json(await tenders.findOne({ _id: new Types.ObjectId(String(req.params.id)) }));
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function seed() {
  const passwordHash = await hashPassword('bench-password-long');
  const orgs = await Organisation.insertMany(
    Array.from({ length: VENDORS }, (_, i) => ({
      name: `Bench vendor ${i}`,
      kind: 'vendor',
      country: 'BE',
      publicBody: false,
      email: `v${i}@bench.test`,
      language: 'en',
    })),
  );
  const users = await User.insertMany(
    orgs.map((o, i) => ({
      email: `u${i}@bench.test`,
      name: `U${i}`,
      passwordHash,
      status: 'active',
      role: 'vendor',
      organisationId: o._id,
    })),
  );
  await Promise.all(users.map((u) => listInDirectory(u.toObject())));
  const tokens = await Promise.all(users.map((u) => issueToken(String(u._id), 0)));
  const tender = await Tender.create({
    expressionId: new Types.ObjectId(),
    consortiumId: new Types.ObjectId(),
    reference: `RUSH-${Date.now()}`,
    title: 'Deadline rush',
    description: 'Sixteen lots',
    cpvCodes: ['48730000'],
    lots: Array.from({ length: LOTS }, (_, i) => ({
      number: i + 1,
      title: `Lot ${i + 1}`,
      estimatedValueCents: 1_000_000,
    })),
    questionsDeadline: new Date(Date.now() + 3_600_000),
    submissionDeadline: new Date(Date.now() + 86_400_000),
    openingAt: new Date(Date.now() + 86_400_000),
    standstillPeriod: 'P10D',
    award: {
      qualityWeight: 0.6,
      priceWeight: 0.4,
      qualityThreshold: 0.5,
      criteria: [{ key: 'q', title: 'Q', weight: 1, maxScore: 10, threshold: 5 }],
    },
    status: 'published',
    publishedAt: new Date(),
    createdBy: new Types.ObjectId(),
  });
  return { tokens, tenderId: String(tender._id) };
}

/** A bid with one 64 KiB PDF, as a vendor's browser sends it. */
const DOCUMENT = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64 * 1024)]);
const offerWithDocument = (lot: number, i: number) => {
  const form = new FormData();
  form.append('bid', new Blob([JSON.stringify(offer(lot, i))], { type: 'application/json' }), 'bid.json');
  form.append('documents', new Blob([new Uint8Array(DOCUMENT)], { type: 'application/pdf' }), 'offer.pdf');
  return form;
};

const offer = (lot: number, i: number) => ({
  lot,
  priceCents: 1_000_000 + i,
  technicalOffer: 'SIEM with 24/7 support and a detection content library.',
  declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
});

async function main(): Promise<void> {
  const platform = await benchPlatform('rush');
  const rawInsert = await rawInsertServer();
  const rawRead = await rawReadServer();
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
    let serverErrors = 0;
    let storedWithoutSuccess = 0;
    let lost = 0;
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
      const ok = ours.statuses.filter((s) => s === 201).length;
      const stored = await Bid.countDocuments({ tenderId, lot });
      serverErrors += ours.statuses.filter((s) => s >= 500).length;
      storedWithoutSuccess += Math.max(0, stored - ok);
      lost += Math.max(0, ok - stored);
      bid.platform.push(perSecond(ours));
      bid.raw.push(perSecond(base));
      bid.p50.push(percentile(ours.latencies, 50));
      bid.p99.push(percentile(ours.latencies, 99));
      bid.rawP99.push(percentile(base.latencies, 99));
      console.error(
        `round ${round + 1}: ${perSecond(ours).toFixed(1)} bids/s against ${perSecond(base).toFixed(1)} raw`,
      );
    }
    // Bids that carry a document (sealed as it streams in, stored in chunks): the same honesty.
    const withDocuments = { rate: [] as number[], p99: [] as number[] };
    for (let round = 0; round < Math.min(DOCUMENT_ROUNDS, LOTS - 1 - ROUNDS); round++) {
      const lot = LOTS - 1 - round;
      await settled(platform);
      const ours = await load(VENDORS, CONCURRENCY, (i) =>
        postForm(`${platform.baseUrl}/api/v1/tenders/${tenderId}/bids`, token(i), offerWithDocument(lot, i)),
      );
      const ok = ours.statuses.filter((s) => s === 201).length;
      const stored = await Bid.countDocuments({ tenderId, lot });
      serverErrors += ours.statuses.filter((s) => s >= 500).length;
      storedWithoutSuccess += Math.max(0, stored - ok);
      lost += Math.max(0, ok - stored);
      withDocuments.rate.push(perSecond(ours));
      withDocuments.p99.push(percentile(ours.latencies, 99));
    }
    const ratios = bid.platform.map((p, i) => p / (bid.raw[i] as number));
    const p99Ratios = bid.p99.map((p, i) => p / (bid.rawP99[i] as number));

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
    const readRatios = read.platform.map((p, i) => p / (read.raw[i] as number));
    const readP99Ratios = read.p99.map((p, i) => p / (read.rawP99[i] as number));
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
    console.log(
      row([
        'bids with a 64 KiB document, req/s and p99 ms',
        `${spread(withDocuments.rate, 1)}; p99 ${spread(withDocuments.p99, 0)}`,
        '',
        '',
      ]),
    );
    console.log(
      row([
        '5xx answers / stored without success / lost (with and without documents)',
        `${serverErrors} / ${storedWithoutSuccess} / ${lost}`,
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
    await platform.dispose();
  }
}

/**
 * Waits until the platform's follow-up work (effects, notices, audit links) is done, so that each
 * measured round starts from a quiet database; returns how long that took, in seconds.
 */
async function settled(platform: Awaited<ReturnType<typeof benchPlatform>>): Promise<number> {
  const start = performance.now();
  const until = Date.now() + 600_000;
  for (;;) {
    let busy = await AuditPending.estimatedDocumentCount();
    for (const name of ['effects', 'notices', 'audit'] as const) {
      const counts = await platform.platform.queues.queue(name).getJobCounts('waiting', 'active', 'delayed');
      busy += (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0);
    }
    if (!busy || Date.now() > until) return (performance.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 250));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
