import { UnrecoverableError } from 'bullmq';
import { type LinkPurpose, linkUrl } from '../accounts/credential-links.js';
import { context } from '../context.js';
import { GroupCommit } from '../group-commit.js';
import { mailTransport } from '../mail.js';
import type { JobData } from '../queues.js';
import { loadAttachments } from './attachments.js';
import { Notice } from './notice.model.js';
import { renderEmail } from './templates.js';

// Sending: one notice, one message through the pooled transport, one write of its outcome.

/** SMTP answers in the 5xx range will not get better by retrying. */
function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** What rendering a notice reads of it. */
interface StoredNotice {
  _id: unknown;
  template: string;
  locale: string;
  data: unknown;
  recipient: { name: string };
  attachments: { kind: string; id: string }[];
  createdAt: Date;
}

const loadNotice = (noticeId: string) => Notice.findById(noticeId).lean();

/** A notice as its first send job carries it (see `firstSendJob`), in the shape it is stored. */
const asStored = (noticeId: string, r: NonNullable<JobData<'send-notice'>['recorded']>) => ({
  _id: noticeId,
  template: r.template,
  locale: r.locale,
  to: r.to,
  recipient: { name: r.recipientName },
  data: r.data,
  attachments: r.attachments,
  messageId: r.messageId,
  createdAt: new Date(r.createdAt),
  status: 'pending' as const,
  attempts: 0,
});

/** A one-time link a notice names by its nonce, made only now (see `accounts/credential-links.ts`). */
function withLink(data: Record<string, unknown>) {
  const ref = data.credentialLink as
    | { purpose: LinkPurpose; userId: string; nonce: string; page?: string }
    | undefined;
  return ref ? { ...data, link: linkUrl(ref.purpose, ref.userId, ref.nonce, ref.page) } : data;
}

/** A notice that carries a one-time link is readable by its recipient alone, never by an officer. */
export const carriesLink = (notice: { data?: unknown }) =>
  Boolean((notice.data as Record<string, unknown> | undefined)?.credentialLink);

/** A notice as its recipient reads it: rendered in its language, with its attachments made. */
export async function renderNotice(notice: StoredNotice) {
  const rendered = renderEmail(notice.template, notice.locale, {
    ...withLink((notice.data ?? {}) as Record<string, unknown>),
    recipientName: notice.recipient.name,
    publicUrl: context().config.publicUrl,
  });
  const attachments = () =>
    loadAttachments(notice.attachments, {
      notice: {
        id: String(notice._id),
        locale: notice.locale,
        recipientName: notice.recipient.name,
        createdAt: notice.createdAt,
      },
      rendered,
    });
  return { rendered, attachments };
}

/**
 * Sends one notice. Exactly once from the recipient's view: a notice already sent is skipped, and a
 * resend after a crash mid-send carries the same Message-ID, which mail systems deduplicate on.
 * One job per notice id runs at a time (BullMQ), so no claim is written before sending: the notice
 * is read by id and its outcome written once, with the attempts counted so far (`attempt` is this
 * job's start count, which a crash mid-send also advances).
 */
export async function sendNotice(
  noticeId: string,
  attempt: number,
  isLastAttempt: boolean,
  recorded?: JobData<'send-notice'>['recorded'],
): Promise<'sent' | 'skipped'> {
  // A first attempt that carries the notice just recorded need not read it: nothing sent it yet.
  const notice = attempt === 1 && recorded ? asStored(noticeId, recorded) : await loadNotice(noticeId);
  if (notice?.status !== 'pending') return 'skipped';
  const attempts = Math.max(notice.attempts + 1, attempt);
  const { config } = context();
  try {
    const made = await renderNotice(notice);
    const { rendered } = made;
    const attachments = await made.attachments();
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
    const failed = permanent || isLastAttempt;
    await Notice.updateOne(
      { _id: notice._id },
      {
        $set: { lastError: reason, attempts, ...(failed ? { status: 'failed' } : {}) },
      },
    );
    throw permanent ? new UnrecoverableError(reason) : err;
  }
  await sentNotices.add({ id: notice._id, attempts, at: new Date() });
  return 'sent';
}

/**
 * Notices sent, recorded as sent together (one bulk write for the many that a fan-out sends at
 * once): each sender still waits for its own record before its job is done.
 */
const sentNotices = new GroupCommit<{ id: unknown; attempts: number; at: Date }>(async (sent) => {
  await Notice.bulkWrite(
    sent.map((s) => ({
      updateOne: {
        filter: { _id: s.id },
        update: { $set: { status: 'sent', sentAt: s.at, lastError: null, attempts: s.attempts } },
      },
    })),
    { ordered: false },
  );
});
