import { Types } from 'mongoose';
import { conflict } from '../errors.js';
import { Complaint, type ComplaintRecord, isUndecided } from './complaint.model.js';

// The review stage's published query, asked by contracts: is this lot suspended? While a complaint
// against a lot's award or an exclusion is undecided, no contract is concluded for the lot, even
// after its standstill (Remedies Directive art. 2(3)); a contract concluded in breach would be
// ineffective (art. 2d).

/** The oldest undecided complaint that holds the lot's contract, if any. */
export async function contractSuspension(tenderId: string, lot: number): Promise<ComplaintRecord | null> {
  const complaints = await Complaint.find(
    { tenderId: new Types.ObjectId(tenderId), lot },
    { status: 1, against: 1, lot: 1, createdAt: 1 },
  )
    .sort({ createdAt: 1 })
    .lean<ComplaintRecord[]>();
  return (
    complaints.find((c) => isUndecided(c) && (c.against === 'award' || c.against === 'exclusion')) ?? null
  );
}

/** The refusal of a contract for a suspended lot, naming the complaint; null when the lot is free. */
export async function contractSuspendedConflict(tenderId: string, lot: number) {
  const c = await contractSuspension(tenderId, lot);
  return c
    ? conflict(
        'lot-suspended',
        `Lot ${lot} is suspended by complaint ${c._id} against the ${c.against}, ${c.status}: no contract is concluded until the review body decides.`,
      )
    : null;
}
