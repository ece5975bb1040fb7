import { model, Schema } from 'mongoose';

const actorField = {
  userId: { type: String, default: null },
  role: { type: String, default: 'system' },
};

/**
 * An event recorded but not linked into the chain yet: a plain insert, so recording never waits
 * for, nor races on, the chain. The appender links these in order of `at` and deletes them.
 * The id is the effect's id when the event rode in a state change's own write (idempotent drain).
 */
const auditPendingSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    actor: actorField,
    action: { type: String, required: true },
    object: { type: { type: String, required: true }, id: { type: String, required: true } },
    detail: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false, collection: 'audit_pending' },
);

/**
 * A linked event. Its `_id` is its position in the chain (`linkId`), so the appender and the
 * verifier find each link by id alone; `pendingId` is unique, so an event is linked once even if an
 * appender dies halfway through a batch.
 */
const auditEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    pendingId: { type: String, required: true },
    at: { type: Date, required: true },
    linkedAt: { type: Date, required: true },
    actor: actorField,
    action: { type: String, required: true },
    object: { type: { type: String, required: true }, id: { type: String, required: true } },
    detail: { type: Schema.Types.Mixed, default: {} },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false, collection: 'audit_chain_events' },
);
auditEventSchema.index({ pendingId: 1 }, { unique: true });
auditEventSchema.index({ 'object.type': 1, 'object.id': 1 });

/** The head of the chain in one document: the last linked position and its hash (a cache of the events). */
const auditHeadSchema = new Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, collection: 'audit_chain_head' },
);

/**
 * A link's id: its position, as twelve digits. A string, because FerretDB's SQLite backend hands a
 * filter on `_id` to SQL only for strings and ObjectIds (a number is looked for by reading the whole
 * chain); fixed-width, so that ids sort as positions do.
 */
export const linkId = (seq: number) => String(seq).padStart(12, '0');

export const AuditPending = model('AuditPending', auditPendingSchema);
export const AuditEvent = model('AuditEvent', auditEventSchema);
export const AuditHead = model('AuditHead', auditHeadSchema);
