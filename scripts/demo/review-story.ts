import { api, person, say } from './narration.js';

interface RankedBid {
  rank: number | null;
  vendorName: string;
}

/**
 * Chapter 13, continued: during the standstill a losing bidder complains to the review body
 * against an award; the lot's contract waits for the decision; the review body accepts the
 * complaint and dismisses it with reasons, and everyone is told.
 */
export async function reviewStory(
  admin: string,
  tenderId: string,
  evaluation: { lots: { lot: number; bids: RankedBid[] }[] },
  vendors: { token: string; company: string }[],
) {
  const lot = evaluation.lots.find((l) => l.bids.some((b) => b.rank === 2));
  const second = lot?.bids.find((b) => b.rank === 2);
  const loser = vendors.find((v) => second?.vendorName.startsWith(v.company));
  if (!lot || !loser) return;
  const board = (await api('GET', '/organisations?kind=review-body', admin)).items[0];
  const member = await person(admin, 'review-body', board.id, 'Sofie Lambert');
  const complaint = await api('POST', `/tenders/${tenderId}/complaints`, loser.token, {
    lot: lot.lot,
    against: 'award',
    grounds: 'The service scores of our bid were not reasoned',
    text: 'The evaluation gives our bid a lower service score without reasons; we ask that the award be set aside.',
  });
  say(
    `   ${loser.company} complains to ${board.name} against the award of lot ${lot.lot}: ${complaint.status}; the lot's contract now waits for the decision, whatever the standstill`,
  );
  await api('POST', `/complaints/${complaint.id}/accept`, member.token);
  const decided = await api('POST', `/complaints/${complaint.id}/decide`, member.token, {
    outcome: 'dismissed',
    text: 'The evaluation report gives the reasons for every score; the award criteria were applied as published.',
  });
  say(
    `   ${member.name} (review body) accepts it, then decides: ${decided.status}, with reasons in a PDF letter to the parties; the exchange is public on the tender`,
  );
}
