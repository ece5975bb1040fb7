import { trusted } from 'mongoose';
import { Organisation } from '../accounts/organisation.model.js';
import { biddersOf, biddersToConfirm } from '../bids/bidders.js';
import type { DomainEvents } from '../events.js';
import { notifyEach, procedureOf, recordNotices } from '../notices/outbox.js';
import { peopleNamed, peopleOf } from '../notices/recipients.js';
import { Amendment, type AmendmentRecord } from './amendment.model.js';
import { Question, type QuestionRecord } from './question.model.js';
import { Tender, type TenderRecord } from './tender.model.js';

/** A vendor notice sent while the bids are sealed stays hidden from officers until the opening. */
export const sealedWhileClosed = (t: TenderRecord) => (t.opening ? {} : { sealedTenderId: String(t._id) });

/** What every notice about a tender shows of it. */
export const tenderData = (t: TenderRecord) => ({
  tenderId: String(t._id),
  reference: t.reference,
  title: t.title,
  submissionDeadline: new Date(t.submissionDeadline).toISOString(),
  questionsDeadline: new Date(t.questionsDeadline).toISOString(),
  lots: t.lots.map((l) => ({ number: l.number, title: l.title })),
  cpvCodes: t.cpvCodes.join(', '),
});

/** Vendors whose CPV prefixes match one of the tender's codes. */
async function subscribedVendors(t: TenderRecord): Promise<string[]> {
  const vendors = await Organisation.find(
    { kind: 'vendor', 'cpvPrefixes.0': trusted({ $exists: true }) },
    { cpvPrefixes: 1 },
  ).lean();
  return vendors
    .filter((v) => v.cpvPrefixes.some((prefix) => t.cpvCodes.some((code) => code.startsWith(prefix))))
    .map((v) => String(v._id));
}

/** Vendors interested in a tender: subscribed by CPV, or who asked or bid. */
async function interestedVendors(t: TenderRecord): Promise<string[]> {
  const [subscribed, bidders] = await Promise.all([subscribedVendors(t), biddersOf(String(t._id))]);
  const askers = await Question.find({ tenderId: t._id }, { vendorId: 1 }).lean();
  return [...new Set([...subscribed, ...bidders, ...askers.map((q) => String(q.vendorId))])];
}

/** Vendors subscribed to the tender's CPV codes hear of its publication. */
export async function notifyTenderPublished(tenderId: string, eventId: string): Promise<void> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  if (!t) return;
  await notifyEach(await peopleOf(await subscribedVendors(t), ['vendor']), {
    key: eventId,
    template: 'tender-published',
    subject: String(t._id),
    procedure: procedureOf('tender', t),
    data: tenderData(t),
  });
}

/** Every interested vendor reads the answer to a clarification question, without the asker's name. */
export async function notifyQuestionAnswered(questionId: string, eventId: string): Promise<void> {
  const q = await Question.findById(questionId).lean<QuestionRecord>();
  const t = q && (await Tender.findById(q.tenderId).lean<TenderRecord>());
  if (!q || !t) return;
  await notifyEach(await peopleOf(await interestedVendors(t), ['vendor']), {
    key: eventId,
    template: 'question-answered',
    subject: String(t._id),
    procedure: procedureOf('tender', t),
    ...sealedWhileClosed(t),
    data: { ...tenderData(t), question: q.text, answer: q.answer?.text ?? '' },
  });
}

/** Every interested vendor hears that the tender is cancelled, and why. */
export async function notifyTenderCancelled(tenderId: string, eventId: string): Promise<void> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  if (!t) return;
  await notifyEach(await peopleOf(await interestedVendors(t), ['vendor']), {
    key: eventId,
    template: 'tender-cancelled',
    subject: String(t._id),
    procedure: procedureOf('tender', t),
    ...sealedWhileClosed(t),
    data: { ...tenderData(t), reason: t.cancelReason ?? '' },
  });
}

/**
 * A member of the opening committee is told each time their secret is set or changed, and is sent
 * the link that confirms a change asked for with their password: whoever set it, the member knows.
 */
export async function notifyOpeningSecret(
  tenderId: string,
  change: DomainEvents['tender.opening-secret-set'],
  eventId: string,
): Promise<void> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  const [member] = await peopleNamed([change.userId]);
  if (!t || !member) return;
  await recordNotices([
    {
      key: `${eventId}:${member.userId}`,
      template: 'opening-secret-set',
      recipient: member,
      data: {
        ...tenderData(t),
        changed: change.changed,
        confirm: Boolean(change.confirm),
        ...(change.confirm
          ? {
              credentialLink: {
                purpose: 'opening-secret',
                userId: member.userId,
                nonce: change.confirm.nonce,
                page: `/tenders/${tenderId}/opening-secret`,
              },
            }
          : {}),
      },
      subject: tenderId,
      procedure: procedureOf('tender', t),
    },
  ]);
}

/** Every interested vendor hears that a lot is cancelled, why, and that the other lots go on. */
export async function notifyLotCancelled(tenderId: string, lot: number, eventId: string): Promise<void> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  const cancelled = t?.lotCancellations?.find((c) => c.lot === lot);
  if (!t || !cancelled) return;
  await notifyEach(await peopleOf(await interestedVendors(t), ['vendor']), {
    key: eventId,
    template: 'lot-cancelled',
    subject: String(t._id),
    procedure: procedureOf('tender', t),
    ...sealedWhileClosed(t),
    data: {
      ...tenderData(t),
      lot,
      lotTitle: t.lots.find((l) => l.number === lot)?.title ?? '',
      reason: cancelled.reason.text,
      sealed: cancelled.beforeOpening,
      others: t.status !== 'cancelled',
    },
  });
}

/**
 * Every interested vendor hears of an amendment once: what changed, why, and the deadline now. A
 * vendor whose bid it touches is asked to confirm (or replace) it before the deadline: an
 * unconfirmed bid is not opened.
 */
export async function notifyTenderAmended(
  tenderId: string,
  amendmentId: string,
  eventId: string,
): Promise<void> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  const published = t?.amendments?.find((a) => a.id === amendmentId);
  const a = await Amendment.findById(amendmentId).lean<AmendmentRecord>();
  if (!t || !published || !a) return;
  const toConfirm = published.significant
    ? await biddersToConfirm(tenderId, published.lots, new Date(published.publishedAt))
    : [];
  const others = (await interestedVendors(t)).filter((v) => !toConfirm.includes(v));
  const data = {
    ...tenderData(t),
    version: published.version,
    reason: a.reason.text,
    fields: Object.keys(a.changes).join(', '),
    documents: a.documents.map((d) => d.title).join(', '),
    lotsTouched: published.lots.join(', '),
  };
  const event = {
    key: eventId,
    template: 'tender-amended',
    subject: tenderId,
    procedure: procedureOf('tender', t),
    ...sealedWhileClosed(t),
  };
  await notifyEach(await peopleOf(toConfirm, ['vendor']), { ...event, data: { ...data, confirm: true } });
  await notifyEach(await peopleOf(others, ['vendor']), { ...event, data: { ...data, confirm: false } });
}
