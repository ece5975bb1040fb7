import { UnrecoverableError } from 'bullmq';
import { Types, trusted } from 'mongoose';
import type { Attachment } from 'nodemailer/lib/mailer/index.js';
import { type Role, User } from '../accounts/user.model.js';
import { context } from '../context.js';
import { isDuplicateKey } from '../db.js';
import { mailTransport } from '../mail.js';
import { Notice } from './notice.model.js';
import { localeFor, renderEmail } from './templates.js';

/** A person to write to, as stored on their account. */
export interface Recipient {
  userId: string;
  organisationId: string;
  name: string;
  email: string;
  language: string;
}

export interface NewNotice {
  /** Unique per event and person: recording the same notice again is a no-op. */
  key: string;
  template: string;
  recipient: Recipient;
  data: Record<string, unknown>;
  /** The object the notice is about (a call, a tender…), for officers' filters. */
  subject?: string;
  attachments?: { kind: string; id: string }[];
  /** Hidden from officers until this tender's bids are opened (see `unsealNotices`). */
  sealedTenderId?: string;
}

/** What a loader may use besides the id: the notice as recorded and the e-mail as rendered for it. */
export interface AttachmentContext {
  notice: { id: string; locale: string; recipientName: string; createdAt: Date };
  rendered: { subject: string; text: string };
}
type AttachmentLoader = (id: string, context: AttachmentContext) => Promise<Attachment>;
const attachmentLoaders = new Map<string, AttachmentLoader>();

/** Registers how to load an attachment kind (e.g. a contract PDF) when a notice is sent. */
export function onAttachment(kind: string, loader: AttachmentLoader): void {
  attachmentLoaders.set(kind, loader);
}

/** The people of an organisation who receive its notices, optionally only some roles. */
export async function peopleOf(organisationIds: string[], roles?: Role[]): Promise<Recipient[]> {
  const users = await User.find({
    organisationId: trusted({ $in: organisationIds.map((id) => new Types.ObjectId(id)) }),
    ...(roles ? { role: trusted({ $in: roles }) } : {}),
  })
    .sort({ _id: 1 })
    .lean();
  return users.map((u) => ({
    userId: String(u._id),
    organisationId: String(u.organisationId),
    name: u.name,
    email: u.email,
    language: u.language,
  }));
}

function messageDomain(): string {
  const from = context().config.mailFrom;
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'localhost';
}

/** Records notices (idempotently, by key) and queues each for sending; returns the notice ids. */
export async function recordNotices(notices: NewNotice[]): Promise<string[]> {
  const ids: string[] = [];
  for (const n of notices) {
    const _id = new Types.ObjectId();
    try {
      // A plain insert (not an upsert): FerretDB 1.x drops null and empty-array fields from $setOnInsert.
      await Notice.create({
        _id,
        key: n.key,
        template: n.template,
        locale: localeFor(n.recipient.language),
        to: n.recipient.email,
        recipient: {
          userId: n.recipient.userId,
          organisationId: n.recipient.organisationId,
          name: n.recipient.name,
        },
        subject: n.subject ?? null,
        sealedTenderId: n.sealedTenderId ?? null,
        data: n.data,
        attachments: n.attachments ?? [],
        messageId: `<notice-${_id}@${messageDomain()}>`,
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // recorded by an earlier run of the same handler
    }
    const stored = await Notice.findOne({ key: n.key }, { _id: 1, status: 1 }).lean();
    if (stored) {
      ids.push(String(stored._id));
      if (stored.status === 'pending') await queueNotice(String(stored._id));
    }
  }
  return ids;
}

/** Records one notice per person for one event: the same template, subject and data, keyed by event and person. */
export function notifyEach(
  people: Recipient[],
  event: {
    key: string;
    template: string;
    subject?: string;
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
      data: event.data,
      attachments: event.attachments,
      sealedTenderId: event.sealedTenderId,
    })),
  );
}

/** Queues the sending of a notice; a no-op while it is already queued. A repair also replaces a spent job. */
export async function queueNotice(noticeId: string, repair = false): Promise<void> {
  await context().queues.addAfterWrite(
    'send-notice',
    { noticeId },
    { jobId: `notice-${noticeId}`, ...(repair ? { replaceFailed: true } : {}) },
  );
}

/** SMTP answers in the 5xx range will not get better by retrying. */
function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends one notice. Exactly once from the recipient's view: a notice already sent is skipped, and a
 * resend after a crash mid-send carries the same Message-ID, which mail systems deduplicate on.
 */
export async function sendNotice(noticeId: string, isLastAttempt: boolean): Promise<'sent' | 'skipped'> {
  const notice = await Notice.findOneAndUpdate(
    { _id: noticeId, status: 'pending' },
    { $inc: { attempts: 1 } },
    { returnDocument: 'after' },
  ).lean();
  if (!notice) return 'skipped';
  const { config } = context();
  try {
    const rendered = renderEmail(notice.template, notice.locale, {
      ...(notice.data as object),
      recipientName: notice.recipient.name,
      publicUrl: config.publicUrl,
    });
    const attachments: Attachment[] = [];
    for (const a of notice.attachments) {
      const loader = attachmentLoaders.get(a.kind);
      if (!loader) throw new UnrecoverableError(`No loader for attachments of kind ${a.kind}`);
      attachments.push(
        await loader(a.id, {
          notice: {
            id: String(notice._id),
            locale: notice.locale,
            recipientName: notice.recipient.name,
            createdAt: notice.createdAt,
          },
          rendered,
        }),
      );
    }
    if (!config.smtpUrl) throw new Error('No SMTP server is configured.');
    await mailTransport(config.smtpUrl).sendMail({
      from: config.mailFrom,
      to: notice.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: notice.messageId,
      headers: { 'X-Notice-Id': String(notice._id), 'X-Notice-Template': notice.template },
      attachments,
    });
  } catch (err) {
    const permanent = isPermanent(err) || err instanceof UnrecoverableError;
    const reason = err instanceof Error ? err.message : String(err);
    await Notice.updateOne(
      { _id: notice._id, status: 'pending' },
      { $set: { lastError: reason, ...(permanent || isLastAttempt ? { status: 'failed' } : {}) } },
    );
    throw permanent ? new UnrecoverableError(reason) : err;
  }
  await Notice.updateOne(
    { _id: notice._id },
    { $set: { status: 'sent', sentAt: new Date(), lastError: null } },
  );
  return 'sent';
}

/** Queues again every notice left pending for longer than `olderThanMs` (its job lost with Redis, say). */
export async function requeueStaleNotices(olderThanMs: number): Promise<number> {
  const stale = await Notice.find(
    { status: 'pending', updatedAt: trusted({ $lt: new Date(Date.now() - olderThanMs) }) },
    { _id: 1 },
  )
    .limit(1000)
    .lean();
  for (const n of stale) await queueNotice(String(n._id), true);
  return stale.length;
}
