import { type InferSchemaType, model, Schema, type Types } from 'mongoose';

export const noticeStatuses = ['pending', 'sent', 'failed'] as const;

const noticeSchema = new Schema(
  {
    key: { type: String, required: true },
    template: { type: String, required: true },
    locale: { type: String, required: true },
    to: { type: String, required: true },
    recipient: {
      type: new Schema(
        {
          userId: { type: Schema.Types.ObjectId, required: true },
          organisationId: { type: Schema.Types.ObjectId, required: true },
          name: { type: String, required: true },
        },
        { _id: false },
      ),
      required: true,
    },
    subject: { type: Schema.Types.ObjectId, default: null },
    /** The procedure the notice belongs to (a call, a tender, a consortium), named as when it was sent. */
    procedure: {
      type: new Schema(
        {
          kind: { type: String, enum: ['call', 'tender', 'consortium'], required: true },
          id: { type: Schema.Types.ObjectId, required: true },
          reference: { type: String, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    /** A notice to a vendor about a tender still sealed: who receives it could tell who bid. */
    sealedTenderId: { type: Schema.Types.ObjectId, default: null },
    data: { type: Schema.Types.Mixed, default: {} },
    attachments: {
      type: [{ kind: { type: String, required: true }, id: { type: String, required: true }, _id: false }],
      default: [],
    },
    messageId: { type: String, required: true },
    status: { type: String, enum: noticeStatuses, default: 'pending' },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
  },
  { timestamps: true, minimize: false },
);
// The idempotency key: recording the same notice twice keeps one.
noticeSchema.index({ key: 1 }, { unique: true });
noticeSchema.index({ 'recipient.userId': 1, createdAt: -1 });
noticeSchema.index({ status: 1, updatedAt: 1 });
noticeSchema.index({ subject: 1 });
noticeSchema.index({ 'procedure.id': 1, createdAt: -1 });
noticeSchema.index({ sealedTenderId: 1 });

export type NoticeDoc = InferSchemaType<typeof noticeSchema> & { _id: Types.ObjectId };
export const Notice = model('Notice', noticeSchema);

/**
 * The notices recently recorded, one small document each (`_id` = the notice's id), written before
 * the notice and cleared by the reconciler once the notice is sent or has failed. The reconciler
 * reads this, not `notices`, so finding what a lost job left costs the same after a year of notices
 * as on the first day.
 */
const noticeOutboxSchema = new Schema(
  { _id: { type: Schema.Types.ObjectId, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: 'notice_outbox' },
);
export const NoticeOutbox = model('NoticeOutbox', noticeOutboxSchema);
