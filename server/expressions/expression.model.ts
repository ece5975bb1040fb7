import { model, Schema, type Types } from 'mongoose';
import { toolCategories } from '../../schemas/expressions.js';
import { pendingEffectsField } from '../effects/effects.js';

const expressionSchema = new Schema(
  {
    callId: { type: Schema.Types.ObjectId, required: true },
    consortiumId: { type: Schema.Types.ObjectId, required: true },
    summary: { type: String, required: true },
    tools: {
      type: [
        new Schema(
          {
            category: { type: String, enum: toolCategories, required: true },
            description: { type: String, required: true },
            estimatedCostCents: { type: Number, required: true },
          },
          { _id: false },
        ),
      ],
      required: true,
    },
    requestedEuContributionCents: { type: Number, required: true },
    hostingYears: { type: Number, required: true },
    status: {
      type: String,
      enum: ['draft', 'submitted', 'eligible', 'ineligible', 'selected', 'not-selected'],
      default: 'draft',
    },
    submittedAt: { type: Date, default: null },
    eligibility: {
      type: new Schema({ checkedAt: Date, reasons: [String], grounds: [Schema.Types.Mixed] }, { _id: false }),
      default: null,
    },
    scores: {
      type: [
        new Schema(
          {
            evaluatorId: { type: Schema.Types.ObjectId, required: true },
            criterion: { type: String, required: true },
            score: { type: Number, required: true },
            comment: { type: String, default: '' },
            at: { type: Date, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    result: { type: Schema.Types.Mixed, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    rev: { type: Number, default: 0 },
    pendingEffects: pendingEffectsField,
  },
  { timestamps: true },
);
// One expression of interest per consortium and call.
expressionSchema.index({ callId: 1, consortiumId: 1 }, { unique: true });
expressionSchema.index({ consortiumId: 1 });

export type ExpressionStatus =
  | 'draft'
  | 'submitted'
  | 'eligible'
  | 'ineligible'
  | 'selected'
  | 'not-selected';

export interface ScoreRecord {
  evaluatorId: Types.ObjectId;
  criterion: string;
  score: number;
  comment: string;
  at: Date;
}

export interface ExpressionRecord {
  _id: Types.ObjectId;
  callId: Types.ObjectId;
  consortiumId: Types.ObjectId;
  summary: string;
  tools: { category: string; description: string; estimatedCostCents: number }[];
  requestedEuContributionCents: number;
  hostingYears: number;
  status: ExpressionStatus;
  submittedAt: Date | null;
  eligibility: {
    checkedAt: Date;
    reasons: string[];
    grounds?: import('../consortia/eligibility.js').EligibilityGround[];
  } | null;
  scores: ScoreRecord[];
  result: {
    rank: number | null;
    total: number | null;
    criterionScores: { key: string; mean: number | null; scores: number }[];
    selected: boolean;
    euAmountGrantedCents: number;
    reasons: string[];
  } | null;
  createdBy: Types.ObjectId;
  rev: number;
  createdAt: Date;
}

export const Expression = model('Expression', expressionSchema);

/** What a consortium's resolution approves of an expression: any later change to it voids the approval. */
export const expressionContent = (e: ExpressionRecord) => ({
  callId: String(e.callId),
  consortiumId: String(e.consortiumId),
  summary: e.summary,
  tools: e.tools.map((t) => ({
    category: t.category,
    description: t.description,
    estimatedCostCents: t.estimatedCostCents,
  })),
  requestedEuContributionCents: e.requestedEuContributionCents,
  hostingYears: e.hostingYears,
});
