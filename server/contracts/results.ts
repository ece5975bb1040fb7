import { trusted } from 'mongoose';
import type { Actor } from '../accounts/access.js';
import { Organisation } from '../accounts/organisation.model.js';
import { Bid, type BidRecord } from '../bids/bid.model.js';
import { lotCancellation, type TenderRecord } from '../tenders/tender.model.js';
import { loadTender } from '../tenders/tender-access.js';
import { lotStatus } from '../tenders/tender-view.js';
import { Contract, type ContractRecord } from './contract.model.js';

// A tender's results, as TED's award notices and ProZorro publish them: for each decided lot, the
// winner, the value, how many bids were received, and the dates of the decision and the contract;
// for a cancelled lot, its reason. Public, like the tender: nothing here is known before a decision.

const DECIDED = ['awarded', 'standstill', 'contracted'];

/** The results of a tender's lots that are decided or cancelled; lots still running are left out. */
export async function tenderResults(actor: Actor, tenderId: string) {
  const t: TenderRecord = await loadTender(actor, tenderId);
  const awards = t.awards.filter((a) => DECIDED.includes(lotStatus(t, a.lot)));
  const [contracts, winners, names] = awards.length
    ? await Promise.all([
        Contract.find({ tenderId: t._id }, { lot: 1, valueCents: 1, createdAt: 1 }).lean<
          (ContractRecord & { createdAt: Date })[]
        >(),
        Bid.find({ _id: trusted({ $in: awards.map((a) => a.bidId) }) }, { 'opened.priceCents': 1 }).lean<
          BidRecord[]
        >(),
        Organisation.find(
          { _id: trusted({ $in: awards.map((a) => a.vendorId) }) },
          { name: 1, country: 1 },
        ).lean<{ _id: unknown; name: string; country: string }[]>(),
      ])
    : [[], [], []];
  const lots = t.lots.map((l) => {
    const cancelled = lotCancellation(t, l.number);
    if (cancelled)
      return {
        lot: l.number,
        status: 'cancelled' as const,
        cancelledAt: cancelled.at,
        reason: cancelled.reason,
      };
    const award = awards.find((a) => a.lot === l.number);
    if (!award) return null;
    const contract = contracts.find((c) => c.lot === l.number);
    const winner = names.find((o) => String(o._id) === award.vendorId);
    const bid = winners.find((b) => String(b._id) === award.bidId);
    return {
      lot: l.number,
      status: lotStatus(t, l.number),
      winner: { organisationId: award.vendorId, name: winner?.name ?? '', country: winner?.country ?? '' },
      valueCents: contract?.valueCents ?? bid?.opened?.priceCents ?? null,
      bidsReceived: t.opening?.bids.find((b) => b.lot === l.number)?.count ?? null,
      decidedAt: award.decidedAt,
      standstillEndsAt: award.standstillEndsAt,
      contractedAt: contract?.createdAt ?? null,
    };
  });
  const items = lots.filter((r) => r !== null);
  return { items, total: items.length };
}
