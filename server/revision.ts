import type { Model } from 'mongoose';
import type { AuditEntry } from './audit/audit.service.js';
import { auditEffect, type PendingEffect, scheduleEffects } from './effects/effects.js';
import { AppError, notFound } from './errors.js';
import { holdsDocumentLock, withDocumentLock } from './locks.js';

/** What a change to one document writes: fields to set, and follow-up work recorded with them. */
export interface Change {
  set: Record<string, unknown>;
  effects?: PendingEffect[];
  /** The change's audit event, written in the same update (see `auditEffect`). */
  audit?: AuditEntry;
}

/**
 * Applies a change computed from the document as it is, in one write, under the document's lock:
 * every writer of a shared document holds it, so the document cannot change between the read and
 * the write, and the write is a lookup by `_id` alone. `rev` counts the changes. FerretDB 1.x has
 * no positional updates, so array elements change this way too.
 */
export async function changeDocument<T extends { rev: number }>(
  // biome-ignore lint/suspicious/noExplicitAny: any model with a `rev` field
  model: Model<any>,
  id: string,
  what: string,
  compute: (doc: T) => Change | Promise<Change>,
): Promise<T> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const written = await withDocumentLock(model.modelName, id, async (lock) => {
      const doc = await model.findById(id).lean<T>();
      if (!doc) throw notFound(what);
      const change = await compute(doc);
      const effects = [...(change.effects ?? []), ...(change.audit ? [auditEffect(change.audit)] : [])];
      // Still ours? The lock's time-out could have passed during a slow `compute`: then read again.
      if (!(await holdsDocumentLock(lock))) return undefined;
      // By `_id` alone, the one filter FerretDB hands to SQL; the lock makes a `rev` condition needless.
      const result = await model.collection.updateOne(
        { _id: (doc as unknown as { _id: unknown })._id } as never,
        {
          $set: { ...change.set, updatedAt: new Date() },
          $inc: { rev: 1 },
          ...(effects.length ? { $push: { pendingEffects: { $each: effects } } } : {}),
        } as never,
      );
      if (result.matchedCount === 1) lock.wrote = true;
      return result.matchedCount === 1
        ? { doc: { ...doc, ...change.set, rev: doc.rev + 1 } as T, effects }
        : undefined;
    });
    if (written) {
      if (written.effects.length) await scheduleEffects(model.modelName, id, written.effects);
      return written.doc;
    }
  }
  throw new AppError('busy', `${what} is being changed by others; try again.`, 409);
}
