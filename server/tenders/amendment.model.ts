import { model, Schema, type Types } from 'mongoose';

/**
 * A change to a published tender: proposed by an officer, approved (when it changes content) by
 * the consortium's resolution that names it, published as the tender's next version. The tender
 * keeps what its bids and notices need of the published ones (`amendments`), written with the
 * change itself; this record keeps the proposal, field by field.
 */
const amendmentSchema = new Schema(
  {
    tenderId: { type: Schema.Types.ObjectId, required: true },
    consortiumId: { type: Schema.Types.ObjectId, required: true },
    /** The tender's version it was proposed against: a change in between voids it. */
    baseVersion: { type: Number, required: true },
    /** The new value of each changed field, and the old one. */
    changes: { type: Schema.Types.Mixed, required: true },
    before: { type: Schema.Types.Mixed, required: true },
    /** The documents whose unpublished version it publishes, with their digests. */
    documents: { type: Schema.Types.Mixed, default: [] },
    reason: { type: Schema.Types.Mixed, required: true },
    significant: { type: Boolean, required: true },
    lots: { type: [Number], default: [] },
    /** `answer` when an answer given late moved the deadline. */
    source: { type: String, enum: ['officer', 'answer'], default: 'officer' },
    proposedBy: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: ['proposed', 'published'], default: 'proposed' },
    publishedAt: { type: Date, default: null },
    publishedBy: { type: Schema.Types.ObjectId, default: null },
    version: { type: Number, default: null },
    rev: { type: Number, default: 0 },
  },
  { timestamps: true, minimize: false },
);
amendmentSchema.index({ tenderId: 1, createdAt: 1 });

export interface AmendmentRecord {
  _id: Types.ObjectId;
  tenderId: Types.ObjectId;
  consortiumId: Types.ObjectId;
  baseVersion: number;
  changes: Record<string, unknown>;
  before: Record<string, unknown>;
  documents: { id: string; version: number; title: string; sha256: string }[];
  reason: { code: string; text: string };
  significant: boolean;
  lots: number[];
  source: 'officer' | 'answer';
  proposedBy: Types.ObjectId;
  status: 'proposed' | 'published';
  publishedAt: Date | null;
  publishedBy: Types.ObjectId | null;
  version: number | null;
  rev: number;
  createdAt: Date;
}

export const Amendment = model('Amendment', amendmentSchema);

/** What the consortium's resolution approving an amendment binds. */
export const amendmentContent = (a: AmendmentRecord) => ({
  tenderId: String(a.tenderId),
  baseVersion: a.baseVersion,
  changes: a.changes,
  documents: a.documents,
  reason: a.reason,
});
