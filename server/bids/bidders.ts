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
