import { randomUUID } from 'node:crypto';
import mongoose, { Schema, trusted } from 'mongoose';
import { type AuditEntry, pendingAudit, recordPendingAudit } from '../audit/audit.service.js';
import { context } from '../context.js';
import {
  checkEventHandlers,
  type EventHandlers,
  type EventName,
  type EventOf,
  type PendingEffect,
} from '../events.js';
import { withDocumentLock } from '../locks.js';

/**
 * Follow-up work (notices, documents) is a domain event (`server/events.ts`) recorded in the same
 * single-document write as the state change that raises it, then drained by a worker with
 * idempotent handlers. A crash between the two loses nothing: the reconciler finds what is left
 * and queues it again.
 */
export type { PendingEffect } from '../events.js';

/** The `pendingEffects` field every document with follow-up work carries. */
export const pendingEffectsField = {
  type: [
    new Schema(
      { id: String, kind: String, args: { type: Schema.Types.Mixed, default: {} }, at: Date },
      { _id: false, minimize: false },
    ),
  ],
  default: [],
};

let handlers: EventHandlers | undefined;

/** The handler of every domain event, set once by the composition root beside the worker entry. */
export function useEventHandlers(all: EventHandlers): void {
  checkEventHandlers(all);
  handlers = all;
}

/** The models whose documents carry follow-up work. */
const modelsWithEffects = () =>
  mongoose.modelNames().filter((name) => mongoose.model(name).schema.path('pendingEffects'));

/** The effect that carries a state change's audit event in the change's own write, so it cannot be lost. */
export const AUDIT_EFFECT = 'audit';

/** The audit event of a state change, as an effect written with the change and linked into the chain later. */
export const auditEffect = (entry: AuditEntry): PendingEffect => effect(AUDIT_EFFECT, pendingAudit(entry));

/** An effect of a kind of its own (the audit event's), not a domain event. */
const effect = (kind: string, args: Record<string, unknown>): PendingEffect => ({
  id: randomUUID(),
  kind,
  args,
  at: new Date(),
});

/**
 * Queues the drain of a document's effects: one job for the effects of one write (the drain runs
 * every effect the document holds), its id from the first of them, so that no effect is swallowed
 * by a drain already running. Never throws: the effects are stored, and the reconciler queues what
 * this could not. A repair passes `replaceFailed` so that a drain whose retries were spent runs again.
 */
export async function scheduleEffects(
  modelName: string,
  id: string,
  effects: PendingEffect[],
  repair = false,
): Promise<void> {
  const first = effects[0];
  if (!first) return;
  await context().queues.addAfterWrite(
    'drain-effects',
    { model: modelName, id },
    { jobId: `effect-${first.id}`, ...(repair ? { replaceFailed: true } : {}) },
  );
}

/**
 * Runs every pending effect of a document, then removes those whose handler succeeded in one write
 * under the document's lock (also when a later one fails, so that a retry runs only what is left).
 * Every handler is idempotent: a drain that runs twice does nothing twice.
 */
export async function drainEffects(modelName: string, id: string): Promise<number> {
  const model = mongoose.model(modelName);
  const doc = await model.findById(id, { pendingEffects: 1 }).lean<{ pendingEffects?: PendingEffect[] }>();
  const done = new Set<string>();
  try {
    for (const e of doc?.pendingEffects ?? []) {
      if (e.kind === AUDIT_EFFECT) {
        await recordPendingAudit(e.id, e.args as ReturnType<typeof pendingAudit>);
      } else {
        const handler = handlers?.[e.kind as EventName] as
          | ((event: EventOf<EventName>) => Promise<unknown>)
          | undefined;
        if (!handler) throw new Error(`No handler for the event ${e.kind} (of a ${modelName})`);
        await handler({ subjectId: id, payload: e.args as never, eventId: e.id });
      }
      done.add(e.id);
    }
  } finally {
    if (done.size) await removeEffects(modelName, id, done);
  }
  return done.size;
}

/**
 * Removes effects by id: the document is read and written under its lock, as every writer of it
 * is, so effects pushed meanwhile stay. (FerretDB 1.x takes a `$pull` condition as an exact match.)
 */
async function removeEffects(modelName: string, id: string, done: Set<string>): Promise<void> {
  const model = mongoose.model(modelName);
  await withDocumentLock(modelName, id, async () => {
    const current = await model
      .findById(id, { pendingEffects: 1 })
      .lean<{ pendingEffects?: PendingEffect[] }>();
    const left = (current?.pendingEffects ?? []).filter((e) => !done.has(e.id));
    if (current && left.length !== (current.pendingEffects ?? []).length) {
      await model.collection.updateOne({ _id: new mongoose.Types.ObjectId(id) }, {
        $set: { pendingEffects: left },
      } as never);
    }
  });
}

/** Queues the drain of every document whose effects have waited longer than `olderThanMs`. */
export async function requeueStaleEffects(olderThanMs: number): Promise<number> {
  const before = new Date(Date.now() - olderThanMs);
  let queued = 0;
  for (const name of modelsWithEffects()) {
    const docs = await mongoose
      .model(name)
      .find({ 'pendingEffects.0': trusted({ $exists: true }) }, { pendingEffects: 1 })
      .lean<{ _id: unknown; pendingEffects: PendingEffect[] }[]>();
    for (const doc of docs) {
      const stale = doc.pendingEffects.filter((e) => new Date(e.at) < before);
      if (stale.length) {
        await scheduleEffects(name, String(doc._id), stale.slice(0, 1), true);
        queued++;
      }
    }
  }
  return queued;
}
