import { type InferSchemaType, model, Schema } from 'mongoose';
import { organisationKinds } from '../../schemas/accounts.js';

const organisationSchema = new Schema(
  {
    name: { type: String, required: true },
    kind: { type: String, required: true, enum: organisationKinds },
    country: { type: String, required: true },
    publicBody: { type: Boolean, required: true },
    email: { type: String, required: true },
    language: { type: String, required: true },
    cpvPrefixes: { type: [String], default: [] },
    city: { type: String, default: null },
    postalCode: { type: String, default: null },
    nuts: { type: String, default: null },
    phone: { type: String, default: null },
    registrationNumber: { type: String, default: null },
    website: { type: String, default: null },
    size: { type: String, default: null },
    /** A vendor's ESPD answers of its latest opened bid, to reuse (kept only once that bid is open). */
    espdAnswers: { type: Schema.Types.Mixed, default: null },
  },
  { timestamps: true },
);
organisationSchema.index({ kind: 1, name: 1 });
organisationSchema.index({ name: 1 }, { unique: true });

export type OrganisationDoc = InferSchemaType<typeof organisationSchema> & {
  _id: import('mongoose').Types.ObjectId;
};
export const Organisation = model('Organisation', organisationSchema);
