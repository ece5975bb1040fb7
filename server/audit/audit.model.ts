import { model, Schema } from 'mongoose';

const auditEventSchema = new Schema(
  {
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: {
      userId: { type: String, default: null },
      role: { type: String, default: 'system' },
    },
    action: { type: String, required: true },
    object: {
      type: { type: String, required: true },
      id: { type: String, required: true },
    },
    detail: { type: Schema.Types.Mixed, default: {} },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);
// One event per position and one successor per event: a concurrent append retries instead of forking the chain.
auditEventSchema.index({ seq: 1 }, { unique: true });
auditEventSchema.index({ prevHash: 1 }, { unique: true });
auditEventSchema.index({ 'object.type': 1, 'object.id': 1 });

export const AuditEvent = model('AuditEvent', auditEventSchema);
