import { model, Schema, type Types } from 'mongoose';
import { pendingEffectsField } from '../effects/effects.js';

const resolutionSchema = new Schema(
  {
    consortiumId: { type: Schema.Types.ObjectId, required: true },
    subject: { type: String, required: true },
    /** The text the members vote on (the motion, or what the approval says). */
    text: { type: String, default: '' },
    /** What it approves, named as it was when proposed (its reference and title). */
    object: { type: Schema.Types.Mixed, default: null },
    /** After it the resolution closes as it stands: one that has not passed by then is rejected. */
    votingDeadline: { type: Date, default: null },
    /** Whether it was closed by its voting deadline rather than by the votes. */
    closedAtDeadline: { type: Boolean, default: false },
    expressionId: { type: Schema.Types.ObjectId, default: null },
    tenderId: { type: Schema.Types.ObjectId, default: null },
    amendmentId: { type: Schema.Types.ObjectId, default: null },
    amendmentTenderId: { type: Schema.Types.ObjectId, default: null },
    /** The SHA-256 of the approved object's content when proposed: a later change voids the approval. */
    contentSha256: { type: String, default: null },
    proposedBy: { type: Schema.Types.ObjectId, required: true },
    votes: {
      type: [
        new Schema(
          {
            organisationId: { type: Schema.Types.ObjectId, required: true },
            vote: { type: String, enum: ['yes', 'no', 'abstain'], required: true },
            userId: { type: Schema.Types.ObjectId, required: true },
            at: { type: Date, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    outcome: { type: String, enum: ['open', 'passed', 'rejected'], default: 'open' },
    decidedAt: { type: Date, default: null },
    rev: { type: Number, default: 0 },
    pendingEffects: pendingEffectsField,
  },
  { timestamps: true },
);
resolutionSchema.index({ consortiumId: 1, createdAt: -1 });
resolutionSchema.index({ expressionId: 1, outcome: 1 });
resolutionSchema.index({ tenderId: 1, outcome: 1 });
resolutionSchema.index({ amendmentId: 1, outcome: 1 });
resolutionSchema.index({ outcome: 1, votingDeadline: 1 });

/** What a resolution approves, as named when it was proposed. */
export interface ResolutionObject {
  kind: 'expression' | 'tender' | 'amendment';
  id: string;
  reference: string;
  title: string;
}

export interface ResolutionRecord {
  _id: Types.ObjectId;
  consortiumId: Types.ObjectId;
  subject: string;
  text?: string;
  object?: ResolutionObject | null;
  votingDeadline?: Date | null;
  closedAtDeadline?: boolean;
  expressionId: Types.ObjectId | null;
  tenderId: Types.ObjectId | null;
  amendmentId?: Types.ObjectId | null;
  amendmentTenderId?: Types.ObjectId | null;
  contentSha256: string | null;
  proposedBy: Types.ObjectId;
  votes: {
    organisationId: Types.ObjectId;
    vote: 'yes' | 'no' | 'abstain';
    userId: Types.ObjectId;
    at: Date;
  }[];
  outcome: 'open' | 'passed' | 'rejected';
  decidedAt: Date | null;
  rev: number;
  createdAt: Date;
}

export const Resolution = model('Resolution', resolutionSchema);
