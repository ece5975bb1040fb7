import { Types } from 'mongoose';
import { Complaint, type ComplaintRecord } from './complaint.model.js';

// The review stage's published query for the contract award notice: the review requests each lot
// received (BT-635, by the eForms irregularity type of BT-636) and from how many complainants
// (BT-712). A complaint against the conditions that names no lot counts for every lot.

export interface ReviewRequests {
  /** Requests per irregularity type (eForms codelist `irregularity-type`). */
  byType: Map<string, number>;
  complainants: number;
}

/** The eForms irregularity type a complaint alleges: an unjustified exclusion, or another. */
const irregularityOf = (c: ComplaintRecord) => (c.against === 'exclusion' ? 'unj-excl' : 'other');

/** Each lot's review requests, for the lots that received any. */
export async function reviewRequestsPerLot(
  tenderId: string,
  lots: number[],
): Promise<Map<number, ReviewRequests>> {
  const complaints = await Complaint.find(
    { tenderId: new Types.ObjectId(tenderId) },
    { lot: 1, against: 1, authorId: 1 },
  ).lean<ComplaintRecord[]>();
  const perLot = new Map<number, ReviewRequests>();
  for (const lot of lots) {
    const of = complaints.filter((c) => c.lot === lot || c.lot === null);
    if (!of.length) continue;
    const byType = new Map<string, number>();
    for (const c of of) byType.set(irregularityOf(c), (byType.get(irregularityOf(c)) ?? 0) + 1);
    perLot.set(lot, { byType, complainants: new Set(of.map((c) => String(c.authorId))).size });
  }
  return perLot;
}
