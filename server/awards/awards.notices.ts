import { contractingAuthority } from '../accounts/accounts.service.js';
import { Organisation } from '../accounts/organisation.model.js';
import { Bid } from '../bids/bid.model.js';
import { groundsInWords, rejectionGrounds } from '../evaluation/grounds.js';
import { notifyEach, procedureOf } from '../notices/outbox.js';
import { peopleOf } from '../notices/recipients.js';
import { reviewBodyOf } from '../tenders/review-body.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { tenderData } from '../tenders/tenders.notices.js';
import { timeZoneOf } from '../time-zones.js';

/**
 * Who is told of an award: every bidder of the lot. The winner, and each other bidder with the
 * grounds for rejection, its own score, the winner's name and score and the end of the standstill,
 * each with the decision as a one-page PDF letter.
 */
export async function notifyAwardDecision(tenderId: string, lot: number, eventId: string): Promise<void> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  const award = t?.awards.find((a) => a.lot === lot);
  if (!t || !award) return;
  const results = t.evaluation?.lots.find((l) => l.lot === lot)?.results ?? [];
  const bids = await Bid.find({ tenderId: t._id, lot, status: 'submitted' }, { vendorId: 1 }).lean();
  const winner = await Organisation.findById(award.vendorId).lean();
  const winning = results.find((r) => r.bidId === award.bidId);
  // The decision letter starts the standstill (Remedies Directive art. 2a(2)): the characteristics
  // and relative advantages of the chosen bid, the review body, how and until when to complain.
  const [reviewBody, buyer] = await Promise.all([reviewBodyOf(t), contractingAuthority()]);
  const review = {
    winnerQuality: award.quality,
    winnerPrice: award.price,
    winnerCriteria: t.award.criteria.map((c) => ({
      title: c.title,
      maxScore: c.maxScore,
      mean: winning?.criterionScores.find((s) => s.key === c.key)?.mean ?? null,
    })),
    reviewBodyName: reviewBody?.name ?? '',
    reviewBodyEmail: reviewBody?.email ?? '',
    timeZone: timeZoneOf(buyer?.country),
  };
  for (const bid of bids) {
    const own = results.find((r) => r.bidId === String(bid._id));
    const won = String(bid._id) === award.bidId;
    await notifyEach(await peopleOf([String(bid.vendorId)], ['vendor']), {
      key: `${eventId}:${bid._id}`,
      template: won ? 'award-won' : 'award-lost',
      subject: String(t._id),
      procedure: procedureOf('tender', t),
      attachments: [{ kind: 'letter', id: String(t._id) }],
      data: {
        ...tenderData(t),
        lot,
        lotTitle: t.lots.find((l) => l.number === lot)?.title ?? '',
        standstillEndsAt: new Date(award.standstillEndsAt).toISOString(),
        winnerName: winner?.name ?? '',
        winnerTotal: award.total,
        ...review,
        ownTotal: own?.total ?? null,
        ownQuality: own?.quality ?? null,
        ownPrice: own?.price ?? null,
        ownRank: own?.rank ?? null,
        grounds: groundsInWords(rejectionGrounds(own)),
      },
    });
  }
}
