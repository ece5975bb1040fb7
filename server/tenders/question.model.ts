import { model, Schema, type Types } from 'mongoose';
import { pendingEffectsField } from '../effects/effects.js';

const questionSchema = new Schema(
  {
    tenderId: { type: Schema.Types.ObjectId, required: true },
    vendorId: { type: Schema.Types.ObjectId, required: true },
    askedBy: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true },
    answer: { type: Schema.Types.Mixed, default: null },
    rev: { type: Number, default: 0 },
    pendingEffects: pendingEffectsField,
  },
  { timestamps: true },
);
questionSchema.index({ tenderId: 1, createdAt: 1 });

export interface QuestionRecord {
  _id: Types.ObjectId;
  tenderId: Types.ObjectId;
  vendorId: Types.ObjectId;
  askedBy: Types.ObjectId;
  text: string;
  answer: { text: string; at: Date; by: string } | null;
  rev: number;
  createdAt: Date;
}

export const Question = model('Question', questionSchema);
