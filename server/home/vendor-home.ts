import { Types, trusted } from 'mongoose';
import type { Actor } from '../accounts/access.js';
import { Organisation } from '../accounts/organisation.model.js';
import { BidderRequest, type BidderRequestRecord } from '../awards/bidder-request.model.js';
import { Bid, type BidRecord } from '../bids/bid.model.js';
import { Question, type QuestionRecord } from '../tenders/question.model.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { cachedTender } from '../tenders/tender-access.js';
import { lotStatus, tenderStatus } from '../tenders/tender-view.js';

// A vendor's home: its bids and where each stands, the tenders it follows (by its subscriptions,
// its questions or its bids) with their next deadlines, and the requests waiting for its answer.

const DEADLINES_SHOWN = 12;

interface Deadline {
  tenderId: string;
  reference: string;
  kind: 'questions' | 'submission' | 'request';
  at: Date;
  requestId?: string;
}

const tenderFacts = (t: TenderRecord) => ({
  tenderId: String(t._id),
  reference: t.reference,
  title: t.title,
});

/** The published tenders still open for bids whose CPV codes match one of the vendor's prefixes. */
async function subscribedTenders(organisationId: string, now: Date): Promise<TenderRecord[]> {
  const org = await Organisation.findById(organisationId, { cpvPrefixes: 1 }).lean<{
    cpvPrefixes?: string[];
  }>();
  const prefixes = (org?.cpvPrefixes ?? []).filter((p) => /^\d+$/.test(p));
  if (!prefixes.length) return [];
  return Tender.find({
    status: 'published',
    submissionDeadline: trusted({ $gt: now }),
    cpvCodes: new RegExp(`^(${prefixes.join('|')})`),
  })
    .sort({ submissionDeadline: 1 })
    .limit(50)
    .lean<TenderRecord[]>();
}

/** What waits for a vendor, as its home shows it. */
export async function vendorHome(actor: Actor, now: Date) {
  const vendorId = new Types.ObjectId(actor.organisationId);
  const [bids, requests, questions, subscribed] = await Promise.all([
    Bid.find({ vendorId }, { tenderId: 1, lot: 1, status: 1, receivedAt: 1, confirmedAt: 1 }).lean<
      BidRecord[]
    >(),
    BidderRequest.find({ vendorId, status: 'open' }, { tenderId: 1, lot: 1, kind: 1, dueAt: 1 }).lean<
      BidderRequestRecord[]
    >(),
    Question.find({ vendorId }, { tenderId: 1, answer: 1 }).lean<QuestionRecord[]>(),
    subscribedTenders(actor.organisationId, now),
  ]);
  const tenders = new Map(subscribed.map((t) => [String(t._id), t]));
  const ids = new Set([...bids, ...requests, ...questions].map((x) => String(x.tenderId)));
  for (const id of ids) {
    if (tenders.has(id)) continue;
    const t = await cachedTender(id);
    if (t && t.status !== 'draft') tenders.set(id, t);
  }
  const tenderOf = (id: Types.ObjectId) => tenders.get(String(id));

  const ownBids = bids
    .filter((b) => tenderOf(b.tenderId))
    .map((b) => {
      const t = tenderOf(b.tenderId) as TenderRecord;
      return {
        bidId: String(b._id),
        ...tenderFacts(t),
        lot: b.lot,
        lotTitle: t.lots.find((l) => l.number === b.lot)?.title ?? '',
        status: b.status,
        receivedAt: b.receivedAt,
        stage: lotStatus(t, b.lot, now),
        submissionDeadline: t.submissionDeadline,
      };
    })
    .sort((a, b) => +new Date(b.receivedAt) - +new Date(a.receivedAt));

  const waiting = requests
    .filter((r) => +r.dueAt > +now && tenderOf(r.tenderId))
    .map((r) => ({
      requestId: String(r._id),
      ...tenderFacts(tenderOf(r.tenderId) as TenderRecord),
      lot: r.lot,
      kind: r.kind,
      dueAt: r.dueAt,
    }))
    .sort((a, b) => +a.dueAt - +b.dueAt);

  const asked = new Set(questions.map((q) => String(q.tenderId)));
  const bidOn = new Set(bids.filter((b) => b.status === 'submitted').map((b) => String(b.tenderId)));
  const following = [...tenders.values()]
    .filter((t) => t.status === 'published' && +t.submissionDeadline > +now)
    .map((t) => {
      const id = String(t._id);
      return {
        ...tenderFacts(t),
        stage: tenderStatus(t, now),
        questionsDeadline: t.questionsDeadline,
        submissionDeadline: t.submissionDeadline,
        subscribed: subscribed.some((s) => String(s._id) === id),
        asked: asked.has(id),
        openQuestions: questions.filter((q) => String(q.tenderId) === id && !q.answer).length,
        bid: bidOn.has(id),
      };
    })
    .sort((a, b) => +a.submissionDeadline - +b.submissionDeadline);

  const deadlines: Deadline[] = [
    ...following.flatMap((f) => [
      ...(+f.questionsDeadline > +now
        ? [
            {
              tenderId: f.tenderId,
              reference: f.reference,
              kind: 'questions' as const,
              at: f.questionsDeadline,
            },
          ]
        : []),
      { tenderId: f.tenderId, reference: f.reference, kind: 'submission' as const, at: f.submissionDeadline },
    ]),
    ...waiting.map((r) => ({
      tenderId: r.tenderId,
      reference: r.reference,
      kind: 'request' as const,
      at: r.dueAt,
      requestId: r.requestId,
    })),
  ]
    .sort((a, b) => +a.at - +b.at)
    .slice(0, DEADLINES_SHOWN);

  return { bids: ownBids, requests: waiting, following, deadlines };
}
