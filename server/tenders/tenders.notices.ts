import { trusted } from 'mongoose';
import { Organisation } from '../accounts/organisation.model.js';
import { biddersOf } from '../bids/bidders.js';
import type { DomainEvents } from '../events.js';
import { notifyEach, recordNotices } from '../notices/outbox.js';
import { peopleNamed, peopleOf } from '../notices/recipients.js';
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
