import { type InferSchemaType, model, Schema, type Types } from 'mongoose';
import { roles } from '../../schemas/accounts.js';
import { pendingEffectsField } from '../effects/effects.js';

export const accountStatuses = ['invited', 'active', 'disabled'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/** A one-time link's trace: only its nonce (the link itself needs the server's key), purpose and expiry. */
const linkSchema = new Schema(
  {
    purpose: { type: String, required: true, enum: ['invitation', 'reset', 'email'] },
    nonce: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    sentAt: { type: Date, required: true },
    /** For a change of address: the new one, which takes effect once confirmed from it. */
    email: { type: String, default: null },
  },
  { _id: false },
);

const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    /** Set by the person alone, from their invitation or a reset link; null until then. */
    passwordHash: { type: String, default: null },
    /** `invited` until the person sets a password; accounts made before invitations existed read as active. */
    status: { type: String, enum: accountStatuses, default: 'invited' },
    /** Sessions carry the version they were issued under: raising it ends every session. */
    sessionVersion: { type: Number, default: 0 },
    passwordLink: { type: linkSchema, default: null },
    emailLink: { type: linkSchema, default: null },
    passwordSetAt: { type: Date, default: null },
    role: { type: String, required: true, enum: roles },
    organisationId: { type: Schema.Types.ObjectId, required: true, ref: 'Organisation' },
    language: { type: String, required: true, default: 'en' },
    pendingEffects: pendingEffectsField,
    rev: { type: Number, default: 0 },
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

/** An account's status; one stored before statuses existed had a password and was in use. */
export const statusOf = (u: { status?: string | null }): AccountStatus =>
  (u.status as AccountStatus | undefined) ?? 'active';
