import { model, Schema, type Types } from 'mongoose';
import { pendingEffectsField } from '../effects/effects.js';

const contractSchema = new Schema(
  {
    number: { type: String, required: true },
    tenderId: { type: Schema.Types.ObjectId, required: true },
    lot: { type: Number, required: true },
    expressionId: { type: Schema.Types.ObjectId, required: true },
    consortiumId: { type: Schema.Types.ObjectId, required: true },
    bidId: { type: Schema.Types.ObjectId, required: true },
    vendorId: { type: Schema.Types.ObjectId, required: true },
    valueCents: { type: Number, required: true },
    cofundingRate: { type: Number, required: true },
    split: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: ['recorded', 'generating', 'ready', 'failed'], default: 'recorded' },
    progress: { type: Number, default: 0 },
    documentSha256: { type: String, default: null },
    dataSha256: { type: String, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    rev: { type: Number, default: 0 },
    pendingEffects: pendingEffectsField,
  },
  { timestamps: true, minimize: false },
);
// One contract per lot of a tender.
contractSchema.index({ tenderId: 1, lot: 1 }, { unique: true });
contractSchema.index({ expressionId: 1 });

export interface ContractRecord {
  _id: Types.ObjectId;
  number: string;
  tenderId: Types.ObjectId;
  lot: number;
  expressionId: Types.ObjectId;
  consortiumId: Types.ObjectId;
  bidId: Types.ObjectId;
  vendorId: Types.ObjectId;
  valueCents: number;
  cofundingRate: number;
  split: import('./cost-sharing.js').CostSplit;
  status: 'recorded' | 'generating' | 'ready' | 'failed';
  progress: number;
  documentSha256?: string | null;
  dataSha256?: string | null;
  createdBy: Types.ObjectId;
  rev: number;
  createdAt: Date;
}

export const Contract = model('Contract', contractSchema);
