import { model, Schema, type Types } from 'mongoose';
import { pendingEffectsField } from '../effects/effects.js';

/** A weighted evaluation criterion (calls and tenders alike). */
export const criterionSchema = new Schema(
  {
    key: { type: String, required: true },
    title: { type: String, required: true },
    weight: { type: Number, required: true },
    maxScore: { type: Number, required: true },
    threshold: { type: Number, required: true },
  },
  { _id: false },
);

/** An assigned evaluator and their conflict-of-interest declaration (null until declared). */
export const evaluatorSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    assignedAt: { type: Date, required: true },
    conflict: { type: Boolean, default: null },
    note: { type: String, default: null },
    declaredAt: { type: Date, default: null },
    // When the evaluator signed off their scores as final (a tender's committee); they are locked then.
    scoresFinalAt: { type: Date, default: null },
  },
  { _id: false },
);

const callSchema = new Schema(
  {
    reference: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    opensAt: { type: Date, required: true },
    closesAt: { type: Date, required: true },
    budgetCents: { type: Number, required: true },
    cofundingRate: { type: Number, required: true },
    minMemberStates: { type: Number, required: true },
    criteria: { type: [criterionSchema], required: true },
    status: { type: String, enum: ['draft', 'published', 'closed'], default: 'draft' },
    publishedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    evaluators: { type: [evaluatorSchema], default: [] },
    selection: {
      type: new Schema(
        {
          status: { type: String, enum: ['none', 'running', 'done'], default: 'none' },
          requestedAt: { type: Date, default: null },
          completedAt: { type: Date, default: null },
        },
        { _id: false },
      ),
      default: () => ({ status: 'none' }),
    },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    rev: { type: Number, default: 0 },
    pendingEffects: pendingEffectsField,
  },
  { timestamps: true },
);
callSchema.index({ reference: 1 }, { unique: true });
callSchema.index({ status: 1, closesAt: 1 });

export interface Criterion {
  key: string;
  title: string;
  weight: number;
  maxScore: number;
  threshold: number;
}

export interface EvaluatorRecord {
  userId: Types.ObjectId;
  assignedAt: Date;
  conflict: boolean | null;
  note: string | null;
  declaredAt: Date | null;
  scoresFinalAt?: Date | null;
}

export interface CallRecord {
  _id: Types.ObjectId;
  reference: string;
  title: string;
  description: string;
  opensAt: Date;
  closesAt: Date;
  budgetCents: number;
  cofundingRate: number;
  minMemberStates: number;
  criteria: Criterion[];
  status: 'draft' | 'published' | 'closed';
  publishedAt: Date | null;
  closedAt: Date | null;
  evaluators: EvaluatorRecord[];
  selection: { status: 'none' | 'running' | 'done'; requestedAt: Date | null; completedAt: Date | null };
  createdBy: Types.ObjectId;
  rev: number;
  createdAt: Date;
}

export const Call = model('Call', callSchema);
