import { model, Schema, type Types } from 'mongoose';
import { writeErrorsOf } from '../duplicate-key.js';
import { type PendingEffect, pendingEffectsField } from '../effects/effects.js';
import { GroupCommit } from '../group-commit.js';
import type { BidBinding, BidContent, DocumentEntry, Sealed, SealedBox } from './sealing.js';

const bidSchema = new Schema(
  {
    tenderId: { type: Schema.Types.ObjectId, required: true },
    lot: { type: Number, required: true },
    vendorId: { type: Schema.Types.ObjectId, required: true },
    submittedBy: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: ['submitted', 'withdrawn'], required: true },
    receivedAt: { type: Date, required: true },
    /** When its vendor last confirmed it after a significant change to the tender. */
    confirmedAt: { type: Date, default: null },
    sha256: { type: String, required: true },
    sealed: { type: Schema.Types.Mixed, default: null },
    receipts: { type: Schema.Types.Mixed, default: [] },
    opened: { type: Schema.Types.Mixed, default: null },
    documentKey: { type: Schema.Types.Mixed, default: null },
    checks: { type: Schema.Types.Mixed, default: null },
    scores: { type: Schema.Types.Mixed, default: [] },
    rev: { type: Number, default: 0 },
    pendingEffects: pendingEffectsField,
  },
  { timestamps: true, minimize: false },
);
// One bid per vendor and lot: replacing it rewrites this one document.
bidSchema.index({ tenderId: 1, lot: 1, vendorId: 1 }, { unique: true });
bidSchema.index({ tenderId: 1, status: 1 });

export interface Receipt {
  receivedAt: Date;
  sha256: string;
  action: 'submitted' | 'replaced' | 'withdrawn' | 'confirmed';
}

export interface BidRecord {
  _id: Types.ObjectId;
  tenderId: Types.ObjectId;
  lot: number;
  vendorId: Types.ObjectId;
  submittedBy: Types.ObjectId;
  status: 'submitted' | 'withdrawn';
  receivedAt: Date;
  confirmedAt?: Date | null;
  sha256: string;
  sealed: Sealed | null;
  receipts: Receipt[];
  opened:
    | (Omit<BidContent, 'documents'> & {
        documents?: (DocumentEntry & { verified: boolean })[];
        verified: boolean;
        openedAt: Date;
      })
    | null;
  /** Once opened: the bid's data key, sealed with the platform key, to serve its documents. */
  documentKey?: SealedBox | null;
  checks: {
    exclusion: 'pass' | 'fail';
    selection: 'pass' | 'fail';
    reason: string | null;
    by: string;
    at: Date;
  } | null;
  scores: { evaluatorId: string; criterion: string; score: number; comment: string; at: Date }[];
  rev: number;
}

export const Bid = model('Bid', bidSchema);

/**
 * Stores a first bid as the schema would make it (its defaults, its first receipt, its timestamps),
 * with one raw insert: at the deadline a Mongoose document (built, cast, validated, copied) costs
 * more of the one thread than the write itself. Fails with a duplicate key when the vendor's bid
 * for the lot exists.
 */
export async function insertNewBid(
  fields: Pick<
    BidRecord,
    '_id' | 'tenderId' | 'lot' | 'vendorId' | 'submittedBy' | 'receivedAt' | 'sha256'
  > & {
    sealed: Sealed;
    pendingEffects: PendingEffect[];
  },
): Promise<BidRecord> {
  const { receivedAt, sha256 } = fields;
  const record = {
    ...fields,
    status: 'submitted' as const,
    confirmedAt: null,
    receipts: [{ receivedAt, sha256, action: 'submitted' as const }],
    opened: null,
    documentKey: null,
    checks: null,
    scores: [],
    rev: 0,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    __v: 0,
  };
  await newBids.add(record);
  return record;
}

/**
 * First bids, inserted together while others are being written (a group commit: at the deadline
 * one insert of many costs the database and the thread far less than as many inserts). Each
 * submission still waits for its own bid to be stored, and hears its own duplicate key.
 */
const newBids = new GroupCommit<object>(async (records) => {
  try {
    await Bid.collection.insertMany(records as never[], { ordered: false });
    return [];
  } catch (err) {
    const refused = writeErrorsOf(err);
    if (!refused.length) throw err;
    const outcomes: unknown[] = [];
    for (const e of refused)
      outcomes[e.index] = Object.assign(new Error(`The bid was refused (code ${e.code}).`), { code: e.code });
    return outcomes;
  }
});

/** Whose bid it is: what its ciphertexts are bound to. */
export const bindingOf = (b: Pick<BidRecord, 'tenderId' | 'lot' | 'vendorId'>): BidBinding => ({
  tenderId: String(b.tenderId),
  lot: b.lot,
  vendorId: String(b.vendorId),
});
