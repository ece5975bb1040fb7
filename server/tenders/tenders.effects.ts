import { trusted } from 'mongoose';
import { Organisation } from '../accounts/organisation.model.js';
import { Bid, type BidRecord } from '../bids/bid.model.js';
import { openOverdueTenders } from '../bids/opening.js';
import { onEffect } from '../effects/effects.js';
import { computeTenderEvaluation } from '../evaluation/evaluation.service.js';
import { onReconcile } from '../maintenance/reconcile.js';
import { unsealNotices } from '../notices/notices.desk.js';
import { notifyEach } from '../notices/outbox.js';
import { peopleOf } from '../notices/recipients.js';
import { Question, type QuestionRecord } from './question.model.js';
import { Tender, type TenderRecord } from './tender.model.js';

/** A vendor notice sent while the bids are sealed stays hidden from officers until the opening. */
const sealedWhileClosed = (t: TenderRecord) => (t.opening ? {} : { sealedTenderId: String(t._id) });

const tenderData = (t: TenderRecord) => ({
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
  const [subscribed, bidders] = await Promise.all([
    subscribedVendors(t),
    Bid.find({ tenderId: t._id }, { vendorId: 1 }).lean(),
  ]);
  const askers = await Question.find({ tenderId: t._id }, { vendorId: 1 }).lean();
  return [
    ...new Set([
      ...subscribed,
      ...bidders.map((b) => String(b.vendorId)),
      ...askers.map((q) => String(q.vendorId)),
    ]),
  ];
}

onEffect('Tender', 'published', async (t: TenderRecord, e) => {
  await notifyEach(await peopleOf(await subscribedVendors(t), ['vendor']), {
    key: e.id,
    template: 'tender-published',
    subject: String(t._id),
    data: tenderData(t),
  });
});

onEffect('Question', 'answered', async (q: QuestionRecord, e) => {
  const t = await Tender.findById(q.tenderId).lean<TenderRecord>();
  if (!t) return;
  await notifyEach(await peopleOf(await interestedVendors(t), ['vendor']), {
    key: e.id,
    template: 'question-answered',
    subject: String(t._id),
    ...sealedWhileClosed(t),
    data: { ...tenderData(t), question: q.text, answer: q.answer?.text ?? '' },
  });
});

/** The vendor's receipt: the exact time and the SHA-256 of what it submitted (or withdrew). */
onEffect('Bid', 'receipt', async (b: BidRecord, e) => {
  const t = await Tender.findById(b.tenderId).lean<TenderRecord>();
  if (!t) return;
  const last = b.receipts.at(-1);
  await notifyEach(await peopleOf([String(b.vendorId)], ['vendor']), {
    key: e.id,
    template: 'bid-receipt',
    subject: String(b._id),
    ...sealedWhileClosed(t),
    data: {
      ...tenderData(t),
      bidId: String(b._id),
      lot: b.lot,
      receivedAt: new Date(last?.receivedAt ?? b.receivedAt).toISOString(),
      sha256: last?.sha256 ?? b.sha256,
      action: last?.action ?? 'submitted',
    },
  });
});

onEffect('Tender', 'opened', async (t: TenderRecord, e) => {
  await unsealNotices(String(t._id));
  const centre = await Organisation.find({ kind: 'contracting-authority' }, { _id: 1 }).lean();
  await notifyEach(
    await peopleOf(
      centre.map((o) => String(o._id)),
      ['procurement-officer'],
    ),
    {
      key: e.id,
      template: 'tender-opened',
      subject: String(t._id),
      data: {
        ...tenderData(t),
        bidsPerLot: t.opening?.bids ?? [],
        mismatches: t.opening?.mismatches.length ?? 0,
      },
    },
  );
});

onEffect('Tender', 'evaluate', (t: TenderRecord) => computeTenderEvaluation(String(t._id)));

/** Every bidder of the lot hears the decision: the winner, and the others with grounds and scores. */
onEffect('Tender', 'awarded', async (t: TenderRecord, e) => {
  const lot = Number(e.args.lot);
  const award = t.awards.find((a) => a.lot === lot);
  const results = t.evaluation?.lots.find((l) => l.lot === lot)?.results ?? [];
  if (!award) return;
  const bids = await Bid.find({ tenderId: t._id, lot, status: 'submitted' }, { vendorId: 1 }).lean();
  const winner = await Organisation.findById(award.vendorId).lean();
  for (const bid of bids) {
    const own = results.find((r) => r.bidId === String(bid._id));
    const won = String(bid._id) === award.bidId;
    await notifyEach(await peopleOf([String(bid.vendorId)], ['vendor']), {
      key: `${e.id}:${bid._id}`,
      template: won ? 'award-won' : 'award-lost',
      subject: String(t._id),
      attachments: [{ kind: 'letter', id: String(t._id) }],
      data: {
        ...tenderData(t),
        lot,
        lotTitle: t.lots.find((l) => l.number === lot)?.title ?? '',
        standstillEndsAt: new Date(award.standstillEndsAt).toISOString(),
        winnerName: winner?.name ?? '',
        winnerTotal: award.total,
        ownTotal: own?.total ?? null,
        ownQuality: own?.quality ?? null,
        ownPrice: own?.price ?? null,
        ownRank: own?.rank ?? null,
        grounds: own?.reasons.length ? own.reasons : ['Another bid obtained a higher total score.'],
      },
    });
  }
});

onEffect('Tender', 'cancelled', async (t: TenderRecord, e) => {
  await notifyEach(await peopleOf(await interestedVendors(t), ['vendor']), {
    key: e.id,
    template: 'tender-cancelled',
    subject: String(t._id),
    ...sealedWhileClosed(t),
    data: { ...tenderData(t), reason: t.cancelReason ?? '' },
  });
});

onReconcile('overdue-openings', openOverdueTenders);
