import { model, Schema, type Types } from 'mongoose';
import type { complaintStatuses, complaintSubjects } from '../../schemas/review.js';
import type { PlainDocument } from '../documents/plain-upload.js';
import { pendingEffectsField } from '../effects/effects.js';

/**
 * A vendor's application to the tender's review body. Its documents are stored as the bids' are
 * (the same chunked store and limits), but in the clear: they are read by the parties and the
 * review body, never published.
 */
const complaintSchema = new Schema(
  {
    tenderId: { type: Schema.Types.ObjectId, required: true },
    reviewBodyId: { type: Schema.Types.ObjectId, required: true },
    lot: { type: Number, default: null },
    against: { type: String, required: true },
    grounds: { type: String, required: true },
    text: { type: String, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    lodgedBy: { type: Schema.Types.ObjectId, required: true },
    documents: { type: Schema.Types.Mixed, default: [] },
    status: { type: String, required: true, default: 'submitted' },
    /** The window it was lodged in, as the rules gave it then. */
    window: { type: Schema.Types.Mixed, required: true },
    acceptedAt: { type: Date, default: null },
    /** Why the review body refused it as inadmissible. */
    refusal: { type: Schema.Types.Mixed, default: null },
    decision: { type: Schema.Types.Mixed, default: null },
    withdrawnAt: { type: Date, default: null },
    rev: { type: Number, default: 0 },
    pendingEffects: pendingEffectsField,
  },
  { timestamps: true, minimize: false },
);
complaintSchema.index({ tenderId: 1, createdAt: 1 });
complaintSchema.index({ reviewBodyId: 1, createdAt: -1 });
complaintSchema.index({ authorId: 1, createdAt: -1 });

export type ComplaintSubject = (typeof complaintSubjects)[number];
export type ComplaintStatus = (typeof complaintStatuses)[number];

export type ComplaintDocument = PlainDocument;

export interface ComplaintRecord {
  _id: Types.ObjectId;
  tenderId: Types.ObjectId;
  reviewBodyId: Types.ObjectId;
  lot: number | null;
  against: ComplaintSubject;
  grounds: string;
  text: string;
  /** The complainant: a vendor organisation, and the person who lodged it. */
  authorId: Types.ObjectId;
  lodgedBy: Types.ObjectId;
  documents: ComplaintDocument[];
  status: ComplaintStatus;
  window: { from: Date | null; until: Date };
  acceptedAt: Date | null;
  refusal: { text: string; at: Date; by: string } | null;
  decision: { outcome: 'upheld' | 'dismissed'; text: string; at: Date; by: string } | null;
  withdrawnAt: Date | null;
  rev: number;
  createdAt: Date;
}

export const Complaint = model('Complaint', complaintSchema);

/**
 * Whether a complaint's author must stay unknown to all but itself and the review body: only a
 * bidder of a lot may complain of its award, an exclusion or its cancellation, so its name would
 * tell who bid while the lot's bids are sealed (before the opening, or for ever on a lot cancelled
 * before it).
 */
export const authorSealed = (
  c: Pick<ComplaintRecord, 'against' | 'lot'>,
  t: { opening: unknown; lotCancellations?: { lot: number; beforeOpening: boolean }[] },
) =>
  c.against !== 'conditions' &&
  (!t.opening || Boolean(t.lotCancellations?.some((x) => x.lot === c.lot && x.beforeOpening)));

/** A complaint not yet decided, refused or withdrawn. */
export const isUndecided = (c: Pick<ComplaintRecord, 'status'>) =>
  c.status === 'submitted' || c.status === 'accepted';
