import { Types } from 'mongoose';
import { Bid } from './bid.model.js';

/**
 * The vendors who bid on a tender, for the tender stage's notices (an answer or a cancellation goes
 * to every interested vendor): the one query of the bids stage that earlier stages may ask.
 */
export async function biddersOf(tenderId: string): Promise<string[]> {
  const bids = await Bid.find({ tenderId: new Types.ObjectId(tenderId) }, { vendorId: 1 }).lean();
  return [...new Set(bids.map((b) => String(b.vendorId)))];
}

/**
 * The vendors whose bid on one of `lots` was received before `before` and not confirmed since: after a
 * significant change, those who must confirm (or replace) their bid, for the tender stage's notice.
 */
export async function biddersToConfirm(tenderId: string, lots: number[], before: Date): Promise<string[]> {
  const bids = await Bid.find(
    { tenderId: new Types.ObjectId(tenderId), status: 'submitted' },
    { vendorId: 1, lot: 1, receivedAt: 1, confirmedAt: 1 },
  ).lean<{ vendorId: unknown; lot: number; receivedAt: Date; confirmedAt?: Date | null }[]>();
  const stale = bids.filter(
    (b) => lots.includes(b.lot) && b.receivedAt < before && !(b.confirmedAt && b.confirmedAt >= before),
  );
  return [...new Set(stale.map((b) => String(b.vendorId)))];
}
