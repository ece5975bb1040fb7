import { UnrecoverableError } from 'bullmq';
import { context } from '../context.js';
import { mailTransport } from '../mail.js';
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

/** A notice as its recipient reads it: rendered in its language, with its attachments made. */
export async function renderNotice(notice: StoredNotice) {
  const rendered = renderEmail(notice.template, notice.locale, {
    ...(notice.data as object),
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
): Promise<'sent' | 'skipped'> {
  const notice = await loadNotice(noticeId);
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
  await Notice.updateOne(
    { _id: notice._id },
    { $set: { status: 'sent', sentAt: new Date(), lastError: null, attempts } },
  );
  return 'sent';
}
