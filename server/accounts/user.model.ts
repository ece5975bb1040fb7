import { type InferSchemaType, model, Schema, type Types } from 'mongoose';
import { roles } from '../../schemas/accounts.js';
import { pendingEffectsField } from '../effects/effects.js';

const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    role: { type: String, required: true, enum: roles },
    organisationId: { type: Schema.Types.ObjectId, required: true, ref: 'Organisation' },
    language: { type: String, required: true, default: 'en' },
    pendingEffects: pendingEffectsField,
  },
  { timestamps: true },
);
userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ organisationId: 1, role: 1 });
// The administrators' list of users by role, in e-mail order.
userSchema.index({ role: 1, email: 1 });

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export type Role = (typeof roles)[number];
export const User = model('User', userSchema);
