import { trusted } from 'mongoose';
import type { Actor } from '../accounts/access.js';
import { User } from '../accounts/user.model.js';
import { forbidden } from '../errors.js';
import type { TenderRecord } from '../tenders/tender.model.js';
import { loadTender } from '../tenders/tender-access.js';
import { Bid } from './bid.model.js';
import { bidIdFor } from './bids.service.js';

/**
 * The opening record as a bidder reads it once the bids are opened (as TenderNed shares it with
 * the bidders): when the bids were opened, by which members of the committee, and how many bids
 * each of its lots received. Before the opening, and to a vendor that did not bid, it is refused
 * alike, so that the refusal says nothing of who bid.
 */
export async function bidderOpeningRecord(actor: Actor, tenderId: string) {
  const t: TenderRecord = await loadTender(actor, tenderId);
  const refused = () =>
    forbidden('The opening record is shared with the tender’s bidders once the bids are opened.');
  if (!t.opening) throw refused();
  const ids = t.lots.map((l) => bidIdFor(tenderId, l.number, actor.organisationId));
  const own = await Bid.find({ _id: trusted({ $in: ids }) }, { lot: 1 }).lean<{ lot: number }[]>();
  if (!own.length) throw refused();
  const acts = t.opening.acts ?? [];
  const people = acts.length
    ? await User.find({ _id: trusted({ $in: acts.map((a) => a.userId) }) }, { name: 1 }).lean<
        { _id: unknown; name: string }[]
      >()
    : [];
  const lots = new Set(own.map((b) => b.lot));
  return {
    tenderId,
    opened: true,
    openedAt: t.opening.at,
    method: t.opening.method ?? 'timed',
    openedBy: acts.map((a) => ({
      name: people.find((p) => String(p._id) === a.userId)?.name ?? '',
      at: a.at,
    })),
    bids: t.opening.bids.filter((b) => lots.has(b.lot)),
  };
}
