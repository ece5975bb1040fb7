/** What the deadline rush bench sets up: its floors, its vendors and tender, their offers, and the wait for a quiet platform. */

import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import express from 'express';
import mongoose, { Types } from 'mongoose';
import { Organisation } from '../server/accounts/organisation.model.js';
import { AuditPending } from '../server/audit/audit.model.js';
import { Tender } from '../server/tenders/tender.model.js';
import { activeUsers } from './seed.js';
import { bareServer, type benchPlatform } from './support.js';

export const VENDORS = Number(process.env.BENCH_VENDORS ?? 250);
export const LOTS = 16;

/** A bare server that stores what it is sent with one `insertOne`: the floor of a bid submission. */
export async function rawInsertServer() {
  const raw = mongoose.connection.collection('bench_raw_bids');
  return {
    raw,
    ...(await bareServer(async (body) => {
      const { insertedId } = await raw.insertOne({ ...(body as object), receivedAt: new Date() });
      return { id: insertedId };
    })),
  };
}

/**
 * A bare Node server that reads the same multipart form with the same parser (busboy) and stores the
 * offer and its file with one `insertOne`: the floor of a bid carrying a document.
 */
export async function rawFormServer() {
  const raw = mongoose.connection.collection('bench_raw_bids_with_documents');
  const server = createServer((req, res) => {
    const fields: Record<string, unknown> = { receivedAt: new Date() };
    const parts: Promise<void>[] = [];
    const form = busboy({ headers: req.headers });
    form.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      parts.push(
        once(stream, 'end').then(() => {
          const bytes = Buffer.concat(chunks);
          fields[name] = name === 'bid' ? JSON.parse(bytes.toString('utf8')) : bytes;
        }),
      );
    });
    form.on('close', async () => {
      await Promise.all(parts);
      const { insertedId } = await raw.insertOne(fields);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: insertedId }));
    });
    req.pipe(form);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A bare Express route that reads a tender with one raw `findOne`: the floor of a tender read. */
export async function rawReadServer() {
  const tenders = mongoose.connection.collection('tenders');
  const app = express().get('/tenders/:id', async (req, res) => {
    res.json(await tenders.findOne({ _id: new Types.ObjectId(String(req.params.id)) }));
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function seed() {
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
  const { tokens } = await activeUsers(
    'vendor',
    orgs.map((o, i) => ({ email: `u${i}@bench.test`, name: `U${i}`, organisationId: o._id })),
  );
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
export const offerWithDocument = (lot: number, i: number) => {
  const form = new FormData();
  form.append('bid', new Blob([JSON.stringify(offer(lot, i))], { type: 'application/json' }), 'bid.json');
  form.append('documents', new Blob([new Uint8Array(DOCUMENT)], { type: 'application/pdf' }), 'offer.pdf');
  return form;
};

export const offer = (lot: number, i: number) => ({
  lot,
  priceCents: 1_000_000 + i,
  technicalOffer: 'SIEM with 24/7 support and a detection content library.',
  declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
});

/**
 * Waits until the platform's follow-up work (effects, notices, audit links) is done, so that each
 * measured round starts from a quiet database; returns how long that took, in seconds.
 */
export async function settled(platform: Awaited<ReturnType<typeof benchPlatform>>): Promise<number> {
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
