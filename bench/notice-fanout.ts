/**
 * Notice fan-out: 2 000 notices of one event (a tender published to 2 000 vendors) recorded and sent
 * by the platform, against a bare pooled Nodemailer transport sending the same 2 000 rendered
 * messages to the same local SMTP sink. Measured with few notices stored, then again after
 * 20 000 more are stored, so that a cost that grows with the data shows. `npm run bench`.
 */

import { Types } from 'mongoose';
import nodemailer from 'nodemailer';
import { Notice } from '../server/notices/notice.model.js';
import { notifyEach } from '../server/notices/outbox.js';
import type { Recipient } from '../server/notices/recipients.js';
import { renderEmail } from '../server/notices/templates.js';
import { benchPlatform, row, spread } from './support.js';

const FANOUT = Number(process.env.BENCH_FANOUT ?? 2000);
const HISTORY = Number(process.env.BENCH_HISTORY ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const people: Recipient[] = Array.from({ length: FANOUT }, (_, i) => ({
  userId: new Types.ObjectId().toHexString(),
  organisationId: new Types.ObjectId().toHexString(),
  name: `Bid manager ${i}`,
  email: `bids${i}@vendor${i}.test`,
  language: i % 3 ? 'en' : 'nl',
}));

const data = {
  tenderId: new Types.ObjectId().toHexString(),
  reference: 'ECCC-JP-2026-001',
  title: 'SIEM and EDR for the cross-border SOC',
  submissionDeadline: '2027-01-15T12:00:00.000Z',
  questionsDeadline: '2027-01-05T12:00:00.000Z',
  lots: [
    { number: 1, title: 'SIEM' },
    { number: 2, title: 'EDR/XDR' },
  ],
  cpvCodes: '48730000',
};

/** Waits until the sink has caught `count` messages; answers the seconds since `start`. */
async function caught(sink: { messages: unknown[] }, count: number, start: number): Promise<number> {
  const until = Date.now() + 900_000;
  while (sink.messages.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  if (sink.messages.length < count) throw new Error(`only ${sink.messages.length} of ${count} arrived`);
  return (performance.now() - start) / 1000;
}

/** Stores `count` delivered notices of earlier events, as a year of use would leave them. */
async function storeHistory(count: number): Promise<void> {
  const now = new Date();
  for (let done = 0; done < count; done += 1000) {
    await Notice.collection.insertMany(
      Array.from({ length: Math.min(1000, count - done) }, (_, i) => {
        const _id = new Types.ObjectId();
        const p = people[(done + i) % FANOUT] as Recipient;
        return {
          _id,
          key: `history:${done + i}`,
          template: 'tender-published',
          locale: 'en',
          to: p.email,
          recipient: {
            userId: new Types.ObjectId(p.userId),
            organisationId: new Types.ObjectId(p.organisationId),
            name: p.name,
          },
          subject: null,
          sealedTenderId: null,
          data,
          attachments: [],
          messageId: `<notice-${_id}@bench.test>`,
          status: 'sent',
          attempts: 1,
          lastError: null,
          sentAt: now,
          createdAt: now,
          updatedAt: now,
        };
      }),
    );
  }
}

async function main(): Promise<void> {
  const platform = await benchPlatform('fanout');
  const sink = platform.services.mailCatcher;
  const smtpUrl = platform.services.config.smtpUrl;
  if (!sink || !smtpUrl) throw new Error('the bench needs the embedded mail catcher');
  const raw = nodemailer.createTransport(`${smtpUrl}?pool=true`);
  const rendered = people.map((p) =>
    renderEmail('tender-published', p.language === 'nl' ? 'nl' : 'en', {
      ...data,
      recipientName: p.name,
      publicUrl: 'http://localhost:3000',
    }),
  );
  const results: { phase: string; ours: number[]; raw: number[] }[] = [];
  let event = 0;
  try {
    for (const phase of ['few stored', `${HISTORY} more stored`]) {
      if (phase !== 'few stored') await storeHistory(HISTORY);
      const r = { phase, ours: [] as number[], raw: [] as number[] };
      // One unmeasured round first, so that neither side is measured while the JIT still warms up.
      for (let round = phase === 'few stored' ? -1 : 0; round < ROUNDS; round++) {
        sink.messages.length = 0;
        let start = performance.now();
        await Promise.all(
          rendered.map((m, i) =>
            raw.sendMail({
              from: 'bench@localhost',
              to: (people[i] as Recipient).email,
              subject: m.subject,
              text: m.text,
              html: m.html,
            }),
          ),
        );
        const rawRate = FANOUT / (await caught(sink, FANOUT, start));
        sink.messages.length = 0;
        start = performance.now();
        await notifyEach(people, { key: `bench-event-${++event}`, template: 'tender-published', data });
        const ourRate = FANOUT / (await caught(sink, FANOUT, start));
        if (round < 0) continue;
        r.raw.push(rawRate);
        r.ours.push(ourRate);
        console.error(
          `${phase}, round ${round + 1}: ${r.ours.at(-1)?.toFixed(0)} notices/s against ${r.raw.at(-1)?.toFixed(0)} raw`,
        );
      }
      results.push(r);
    }
    const stored = await Notice.estimatedDocumentCount();
    console.log(
      `\nNotice fan-out: ${FANOUT} notices per round, ${ROUNDS} rounds (min / median / max); ${stored} notices stored at the end\n`,
    );
    console.log(row(['figure', 'platform, notices/s', 'raw pooled Nodemailer, msg/s', 'ratio']));
    console.log(row(['---', '---', '---', '---']));
    const medians: number[] = [];
    for (const r of results) {
      const ratios = r.ours.map((o, i) => o / (r.raw[i] as number));
      medians.push([...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] as number);
      console.log(row([`fan-out, ${r.phase}`, spread(r.ours, 0), spread(r.raw, 0), spread(ratios, 2)]));
    }
    const [before, after] = medians as [number, number];
    console.log(
      row(['fan-out, median ratio after the history / before', '', '', (after / before).toFixed(2)]),
    );
  } finally {
    raw.close();
    await platform.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
