import { model, Schema, type Types } from 'mongoose';

/** A generated file (a PDF) kept in the database, so that MongoDB and FerretDB alike serve it. */
const documentSchema = new Schema(
  {
    key: { type: String, required: true },
    kind: { type: String, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    dataSha256: { type: String, required: true },
    bytes: { type: Buffer, required: true },
  },
  { timestamps: true },
);
// One stored document per key (e.g. `contract:<id>`): a retried job finds it instead of storing a second.
documentSchema.index({ key: 1 }, { unique: true });

export interface DocumentRecord {
  _id: Types.ObjectId;
  key: string;
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  dataSha256: string;
  bytes: Buffer;
}

export const StoredDocument = model('Document', documentSchema);
