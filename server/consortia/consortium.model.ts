import { model, Schema, type Types } from 'mongoose';
import { pendingEffectsField } from '../effects/effects.js';

const memberSchema = new Schema(
  {
    organisationId: { type: Schema.Types.ObjectId, required: true },
    contributionCents: { type: Number, required: true },
    status: { type: String, enum: ['invited', 'member', 'declined'], required: true },
    invitedAt: { type: Date, default: null },
    answeredAt: { type: Date, default: null },
  },
  { _id: false },
);

const consortiumSchema = new Schema(
  {
    name: { type: String, required: true },
    coordinatorId: { type: Schema.Types.ObjectId, required: true },
    members: { type: [memberSchema], default: [] },
    agreementSealedAt: { type: Date, default: null },
    rev: { type: Number, default: 0 },
    pendingEffects: pendingEffectsField,
  },
  { timestamps: true },
);
consortiumSchema.index({ 'members.organisationId': 1 });
consortiumSchema.index({ name: 1 }, { unique: true });

export interface MemberRecord {
  organisationId: Types.ObjectId;
  contributionCents: number;
  status: 'invited' | 'member' | 'declined';
  invitedAt: Date | null;
  answeredAt: Date | null;
}

export interface ConsortiumRecord {
  _id: Types.ObjectId;
  name: string;
  coordinatorId: Types.ObjectId;
  members: MemberRecord[];
  agreementSealedAt: Date | null;
  rev: number;
  createdAt: Date;
}

export const Consortium = model('Consortium', consortiumSchema);
