import { Types, trusted } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { Call } from '../calls/call.model.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { literally } from '../literal-search.js';
import { Tender } from '../tenders/tender.model.js';
import { Notice } from './notice.model.js';
import { requeueNotice } from './outbox.js';
import { carriesLink, renderNotice } from './sending.js';

// What officers and users do with notices once recorded: read them with their delivery status, resend.

/** Once a tender is opened, officers may see the notices its sealed phase kept from them. */
export async function unsealNotices(tenderId: string): Promise<void> {
  await Notice.updateMany(
    { sealedTenderId: new Types.ObjectId(tenderId) },
    { $set: { sealedTenderId: null } },
  );
}

/** An officer sends a failed notice again (after an SMTP outage, say): same notice, same Message-ID. */
export async function resendNotice(actor: Actor, noticeId: string) {
  if (!isOfficer(actor)) throw forbidden('Only officers resend notices.');
  const notice = await Notice.findById(noticeId, { status: 1, sealedTenderId: 1 }).lean();
  if (!notice || notice.sealedTenderId) throw notFound('The notice');
  if (notice.status === 'sent') throw conflict('already-sent', 'The notice was delivered already.');
  // By id alone (the one filter FerretDB hands to SQL); one job per notice id runs at a time.
  await Notice.updateOne({ _id: notice._id }, { $set: { status: 'pending' } });
  await requeueNotice(noticeId);
  await recordAudit({ actor, action: 'notice.resent', object: { type: 'notice', id: noticeId } });
  return { id: noticeId, status: 'pending' as const };
}

export interface NoticeFilter {
  status?: string;
  template?: string;
  subject?: string;
  procedure?: string;
  recipient?: string;
}

/** Notices a user may see: their own, or all of them for officers. */
export async function listNotices(
  actor: Actor,
  filter: NoticeFilter,
  page: { limit: number; offset: number },
) {
  const query: Record<string, unknown> = {};
  if (!isOfficer(actor)) query['recipient.userId'] = new Types.ObjectId(actor.id);
  // While a tender is sealed its vendors' notices would tell an officer who bid, and when.
  else query.sealedTenderId = null;
  if (filter.status) query.status = filter.status;
  if (filter.template) query.template = filter.template;
  if (filter.subject) query.subject = new Types.ObjectId(filter.subject);
  if (filter.procedure) query['procedure.id'] = new Types.ObjectId(filter.procedure);
  if (filter.recipient)
    query.$or = [{ 'recipient.name': literally(filter.recipient) }, { to: literally(filter.recipient) }];
  const [items, total] = await Promise.all([
    Notice.find(query, { data: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .skip(page.offset)
      .limit(page.limit)
      .lean(),
    Notice.countDocuments(query),
  ]);
  const named = await procedures(items);
  return {
    items: items.map((n) => ({
      id: String(n._id),
      template: n.template,
      procedure: named(n),
      to: n.to,
      recipient: {
        userId: String(n.recipient.userId),
        organisationId: String(n.recipient.organisationId),
        name: n.recipient.name,
      },
      language: n.locale,
      subject: n.subject ? String(n.subject) : null,
      status: n.status,
      attempts: n.attempts,
      lastError: n.lastError,
      messageId: n.messageId,
      attachments: n.attachments.map((a) => a.kind),
      createdAt: n.createdAt,
      sentAt: n.sentAt,
    })),
    total,
  };
}

const ACCOUNT_TEMPLATES = /^(account|email|password)-/;

type Listed = {
  template: string;
  subject?: Types.ObjectId | null;
  procedure?: { kind: string; id: Types.ObjectId; reference: string } | null;
};

/**
 * Each notice's procedure: as recorded when it was sent; for a notice recorded before notices named
 * their procedure, the tender or call its subject is (one read of each for the page).
 */
async function procedures(items: Listed[]) {
  // A person's account notices (their subject is the person) belong to no procedure.
  const older = items
    .filter((n) => !n.procedure && n.subject && !ACCOUNT_TEMPLATES.test(n.template))
    .map((n) => n.subject as Types.ObjectId);
  const [tenders, calls] = older.length
    ? await Promise.all([
        Tender.find({ _id: trusted({ $in: older }) }, { reference: 1 }).lean(),
        Call.find({ _id: trusted({ $in: older }) }, { reference: 1 }).lean(),
      ])
    : [[], []];
  const found = new Map<string, { kind: 'tender' | 'call'; reference: string }>([
    ...tenders.map((t) => [String(t._id), { kind: 'tender' as const, reference: t.reference }] as const),
    ...calls.map((c) => [String(c._id), { kind: 'call' as const, reference: c.reference }] as const),
  ]);
  return (n: Listed) => {
    if (n.procedure)
      return { kind: n.procedure.kind, id: String(n.procedure.id), reference: n.procedure.reference };
    const old = n.subject ? found.get(String(n.subject)) : undefined;
    return old ? { ...old, id: String(n.subject) } : null;
  };
}

/** A notice the actor may read: their own; any for officers, but none a sealed tender keeps from them. */
async function readableNotice(actor: Actor, noticeId: string) {
  const notice = Types.ObjectId.isValid(noticeId) ? await Notice.findById(noticeId).lean() : null;
  const own = notice && String(notice.recipient.userId) === actor.id;
  if (!notice || (!own && (!isOfficer(actor) || notice.sealedTenderId || carriesLink(notice))))
    throw notFound('The notice');
  return notice;
}

/** One notice as its recipient read it: the subject and text in their language, and its attachments by name. */
export async function readNotice(actor: Actor, noticeId: string) {
  const notice = await readableNotice(actor, noticeId);
  const { rendered } = await renderNotice(notice);
  return {
    id: String(notice._id),
    template: notice.template,
    language: notice.locale,
    status: notice.status,
    createdAt: notice.createdAt,
    sentAt: notice.sentAt,
    subjectLine: rendered.subject,
    text: rendered.text,
    attachments: notice.attachments.map((a, n) => ({ n, kind: a.kind })),
  };
}

/** One attachment of a notice (a decision letter, a contract), as it was e-mailed. */
export async function noticeAttachment(actor: Actor, noticeId: string, n: number) {
  const notice = await readableNotice(actor, noticeId);
  const attachment = notice.attachments[n];
  if (!attachment) throw notFound('The attachment');
  const made = await (await renderNotice({ ...notice, attachments: [attachment] })).attachments();
  const file = made[0];
  if (!file) throw notFound('The attachment');
  return file;
}
