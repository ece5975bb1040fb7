import { Types, trusted } from 'mongoose';
import { context } from '../context.js';
import { writeErrorsOf } from '../duplicate-key.js';
import { keyedId } from '../keyed-id.js';
import type { JobData } from '../queues.js';
import { Notice, NoticeOutbox } from './notice.model.js';
import type { Recipient } from './recipients.js';
import { localeFor } from './templates.js';

// The outbox: a notice is recorded (idempotently, by its key) before anything is sent, then queued.

/** The procedure a notice belongs to: a call, a tender or a consortium, with its reference (or name). */
export interface NoticeProcedure {
  kind: 'call' | 'tender' | 'consortium';
  id: string;
  reference: string;
}

/** A notice's procedure, from the call, tender (reference) or consortium (name) it is about. */
export const procedureOf = (
  kind: NoticeProcedure['kind'],
  d: { _id: unknown; reference?: string; name?: string },
): NoticeProcedure => ({ kind, id: String(d._id), reference: d.reference ?? d.name ?? '' });

export interface NewNotice {
  /** Unique per event and person: recording the same notice again is a no-op. */
  key: string;
  template: string;
  recipient: Recipient;
  data: Record<string, unknown>;
  /** The object the notice is about (a call, a tender…), for officers' filters. */
  subject?: string;
  /** The procedure it belongs to, for the notice desk (see `procedureOf`). */
  procedure?: NoticeProcedure;
  attachments?: { kind: string; id: string }[];
  /** Hidden from officers until this tender's bids are opened (see `unsealNotices`). */
  sealedTenderId?: string;
}

function messageDomain(): string {
  const from = context().config.mailFrom;
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'localhost';
}

/** A notice's send job: one per notice id, so a notice is in hand in one worker at a time. */
const noticeJob = (noticeId: string, recorded?: JobData<'send-notice'>['recorded']) => ({
  data: { noticeId, ...(recorded ? { recorded } : {}) },
  jobId: `notice-${noticeId}`,
});

/**
 * The first send job of a notice just recorded: it carries the notice, which the worker then need
 * not read back. A notice about a sealed tender carries its id only, so that the queues (which
 * administrators can look into) say nothing about who bid.
 */
export function firstSendJob(d: ReturnType<typeof noticeDocument>) {
  if (d.sealedTenderId) return noticeJob(String(d._id));
  return noticeJob(String(d._id), {
    template: d.template,
    locale: d.locale,
    to: d.to,
    recipientName: d.recipient.name,
    data: d.data,
    attachments: d.attachments,
    messageId: d.messageId,
    createdAt: d.createdAt.toISOString(),
  });
}

/** The notice's id, derived from its key: a second recording finds the first by `_id` alone. */
const noticeIdFor = (key: string) => new Types.ObjectId(keyedId('notice', key));

export function noticeDocument(n: NewNotice, now: Date) {
  const _id = noticeIdFor(n.key);
  return {
    _id,
    key: n.key,
    template: n.template,
    locale: localeFor(n.recipient.language),
    to: n.recipient.email,
    recipient: {
      userId: new Types.ObjectId(n.recipient.userId),
      organisationId: new Types.ObjectId(n.recipient.organisationId),
      name: n.recipient.name,
    },
    subject: n.subject ? new Types.ObjectId(n.subject) : null,
    procedure: n.procedure
      ? { kind: n.procedure.kind, id: new Types.ObjectId(n.procedure.id), reference: n.procedure.reference }
      : null,
    sealedTenderId: n.sealedTenderId ? new Types.ObjectId(n.sealedTenderId) : null,
    data: n.data,
    attachments: n.attachments ?? [],
    messageId: `<notice-${_id}@${messageDomain()}>`,
    status: 'pending',
    attempts: 0,
    lastError: null,
    sentAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Inserts what is new, in batches; answers the positions that were recorded already. */
async function insertNew(collection: typeof Notice.collection, docs: object[]): Promise<Set<number>> {
  try {
    // Plain inserts (not upserts): FerretDB 1.x drops null and empty-array fields from $setOnInsert.
    await collection.insertMany(docs as never[], { ordered: false });
    return new Set();
  } catch (err) {
    const errors = writeErrorsOf(err);
    if (!errors.length || errors.some((e) => e.code !== 11000)) throw err;
    return new Set(errors.map((e) => e.index));
  }
}

/**
 * Records notices (idempotently, by key) and queues each for sending, a batch at a time; returns the
 * notice ids. Each notice's outbox entry is written before the notice, so none is left unqueued.
 */
export async function recordNotices(notices: NewNotice[]): Promise<string[]> {
  if (!notices.length) return [];
  const now = new Date();
  const docs = notices.map((n) => noticeDocument(n, now));
  await insertNew(
    NoticeOutbox.collection,
    docs.map((d) => ({ _id: d._id, at: now })),
  );
  const existing = await insertNew(Notice.collection, docs);
  const ids: string[] = [];
  const jobs: ReturnType<typeof noticeJob>[] = [];
  for (const [i, d] of docs.entries()) {
    if (!existing.has(i)) {
      ids.push(String(d._id));
      jobs.push(firstSendJob(d));
      continue;
    }
    // Recorded by an earlier run of the same handler (or, before ids were derived, under another id).
    const stored =
      (await Notice.findById(d._id, { _id: 1, status: 1 }).lean()) ??
      (await Notice.findOne({ key: d.key }, { _id: 1, status: 1 }).lean());
    if (!stored) continue;
    ids.push(String(stored._id));
    // Recorded before: it may be in hand already, so its job reads it (and finds it sent, perhaps).
    if (stored.status === 'pending') jobs.push(noticeJob(String(stored._id)));
  }
  await context().queues.addBulkAfterWrite('send-notice', jobs);
  return ids;
}

/** Records one notice per person for one event: the same template, subject and data, keyed by event and person. */
export function notifyEach(
  people: Recipient[],
  event: {
    key: string;
    template: string;
    subject?: string;
    procedure?: NoticeProcedure;
    data: Record<string, unknown>;
    attachments?: { kind: string; id: string }[];
    sealedTenderId?: string;
  },
): Promise<string[]> {
  return recordNotices(
    people.map((recipient) => ({
      key: `${event.key}:${recipient.userId}`,
      template: event.template,
      recipient,
      subject: event.subject,
      procedure: event.procedure,
      data: event.data,
      attachments: event.attachments,
      sealedTenderId: event.sealedTenderId,
    })),
  );
}

/** Queues the sending of a notice; a no-op while it is already queued. A repair also replaces a spent job. */
export async function queueNotice(noticeId: string, repair = false): Promise<void> {
  const { data, jobId } = noticeJob(noticeId);
  await context().queues.addAfterWrite('send-notice', data, {
    jobId,
    ...(repair ? { replaceFailed: true } : {}),
  });
}

/** Puts a notice back in the outbox (an officer's resend) and queues it. */
export async function requeueNotice(noticeId: string): Promise<void> {
  await NoticeOutbox.updateOne({ _id: noticeId }, { $set: { at: new Date() } }, { upsert: true });
  await queueNotice(noticeId, true);
}

/**
 * Queues again every notice left in the outbox for longer than `olderThanMs` (its job lost with
 * Redis, say), and clears the entries of notices that are done, in one delete: FerretDB's SQLite
 * backend deletes (and updates) by reading the whole collection, so a delete per notice sent would
 * cost more as the outbox grows, and one delete per run costs what the outbox holds.
 */
export async function requeueStaleNotices(olderThanMs: number): Promise<number> {
  const before = Date.now() - olderThanMs;
  const waiting = await NoticeOutbox.find({}).limit(5000).lean();
  const done: Types.ObjectId[] = [];
  let queued = 0;
  for (const entry of waiting) {
    if (entry.at.getTime() >= before) continue;
    const notice = await Notice.findById(entry._id, { status: 1 }).lean();
    if (notice?.status !== 'pending') done.push(entry._id);
    else if (queued < 1000) {
      await queueNotice(String(entry._id), true);
      queued++;
    }
  }
  if (done.length) await NoticeOutbox.deleteMany({ _id: trusted({ $in: done }) });
  return queued;
}
