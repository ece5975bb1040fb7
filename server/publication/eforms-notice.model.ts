import { model, Schema } from 'mongoose';
import type { NoticeProblem } from './notice-validation.js';

// A notice as generated, validated and published: one document per version, under the business
// id TED knows it by (`<noticeId>-<version>`), so that every read of one is a lookup by `_id`.

export const noticeStatuses = [
  'validating',
  'unvalidated',
  'valid',
  'invalid',
  'submitted',
  'publishing',
  'published',
  'not-published',
  'stopped',
] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

const eformsNoticeSchema = new Schema(
  {
    _id: { type: String, required: true },
    noticeId: { type: String, required: true },
    version: { type: String, required: true },
    /** `call:<id>` or `tender:<id>`: the procedure step's document the notice belongs to. */
    owner: { type: String, required: true },
    subtype: { type: String, required: true },
    /** `contract`, `change`, `award`, `cei`. */
    kind: { type: String, required: true },
    /** For a change notice: the business id of the notice it changes. */
    changes: { type: String, default: null },
    status: { type: String, enum: noticeStatuses, required: true },
    /** Shown on the board once the procedure step that made it is stored. */
    released: { type: Boolean, default: false },
    xml: { type: String, required: true },
    sha256: { type: String, required: true },
    validation: { type: Schema.Types.Mixed, default: null },
    validatedAt: { type: Date, default: null },
    ted: {
      type: new Schema(
        {
          submittedAt: { type: Date, default: null },
          checkedAt: { type: Date, default: null },
          reasons: { type: [String], default: [] },
          attempts: { type: Number, default: 0 },
        },
        { _id: false },
      ),
      default: () => ({}),
    },
    publishedAt: { type: Date, default: null },
    publicationNumber: { type: String, default: null },
  },
  { timestamps: true, minimize: false },
);
eformsNoticeSchema.index({ owner: 1, createdAt: 1 });

export interface EformsNoticeRecord {
  _id: string;
  noticeId: string;
  version: string;
  owner: string;
  subtype: string;
  kind: 'contract' | 'change' | 'award' | 'cei';
  changes: string | null;
  status: NoticeStatus;
  released: boolean;
  xml: string;
  sha256: string;
  validation: { errors: NoticeProblem[]; warnings: NoticeProblem[] } | null;
  validatedAt: Date | null;
  ted: { submittedAt: Date | null; checkedAt: Date | null; reasons: string[]; attempts: number };
  publishedAt: Date | null;
  publicationNumber: string | null;
  createdAt: Date;
}

export const EformsNotice = model('EformsNotice', eformsNoticeSchema);
