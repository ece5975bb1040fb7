import { model, Schema, type Types } from 'mongoose';
import type { PlainDocument } from '../documents/plain-upload.js';
import { pendingEffectsField } from '../effects/effects.js';

// A request to one bidder, answered on the platform (see bidder-requests.ts). Its steps are writes
// to this one document, each carrying its follow-up event.

const bidderRequestSchema = new Schema(
  {
    tenderId: { type: Schema.Types.ObjectId, required: true },
    bidId: { type: Schema.Types.ObjectId, required: true },
    lot: { type: Number, required: true },
    vendorId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ['evidence', 'explanation', 'clarification'], required: true },
    text: { type: String, required: true },
    /** Evidence: the ESPD criteria whose proof is asked (those the bid answered). */
    criteria: { type: [String], default: [] },
    dueAt: { type: Date, required: true },
    askedBy: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: ['open', 'answered', 'accepted', 'refused', 'expired'], required: true },
    answer: { type: Schema.Types.Mixed, default: null },
    decision: { type: Schema.Types.Mixed, default: null },
    rev: { type: Number, default: 0 },
    pendingEffects: pendingEffectsField,
  },
  { timestamps: true, minimize: false },
);
bidderRequestSchema.index({ tenderId: 1 });

export type RequestDocument = PlainDocument;

export type RequestStatus = 'open' | 'answered' | 'accepted' | 'refused' | 'expired';

export interface BidderRequestRecord {
  _id: Types.ObjectId;
  tenderId: Types.ObjectId;
  bidId: Types.ObjectId;
  lot: number;
  vendorId: Types.ObjectId;
  kind: 'evidence' | 'explanation' | 'clarification';
  text: string;
  criteria: string[];
  dueAt: Date;
  askedBy: Types.ObjectId;
  status: RequestStatus;
  answer: {
    text: string;
    evidenceUrls: string[];
    /** Documents the vendor attached (ESPD evidence, an explanation's annexes), stored as a complaint's are. */
    documents?: RequestDocument[];
    at: Date;
    by: string;
  } | null;
  decision: { accepted: boolean; reason: string | null; at: Date; by: string | null } | null;
  rev: number;
  createdAt: Date;
}

export const BidderRequest = model('BidderRequest', bidderRequestSchema);
