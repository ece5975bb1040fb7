import { Types, trusted } from 'mongoose';
import { context } from '../context.js';
import { dataDigest } from '../digest.js';
import { isDuplicateKey } from '../duplicate-key.js';
import { withDocumentLock } from '../locks.js';
import { AuditEvent, AuditHead, AuditPending, linkId } from './audit.model.js';

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  /** Who acted (any signed-in user: their id and role), or null for the platform itself. */
  actor: { id: string; role: string } | null;
  action: string;
  object: { type: string; id: string };
  detail?: Record<string, unknown>;
}

interface ChainedFields {
  seq: number;
  at: Date;
  actor: { userId: string | null; role: string };
  action: string;
  object: { type: string; id: string };
  detail: unknown;
  prevHash: string;
}

/** The hash that links an event to its predecessor. */
export function eventHash(e: ChainedFields): string {
  const { seq, at, actor, action, object, detail, prevHash } = e;
  return dataDigest({ seq, at, actor, action, object, detail, prevHash });
}

/** An audit entry as stored, waiting to be linked: the time it happened, and who did what. */
export function pendingAudit(entry: AuditEntry, at = new Date()) {
  return {
    at,
    actor: { userId: entry.actor?.id ?? null, role: entry.actor?.role ?? 'system' },
    action: entry.action,
    object: entry.object,
    detail: JSON.parse(JSON.stringify(entry.detail ?? {})),
  };
}

/**
 * Records an audit event: one insert, no read of the chain and no race on it, so the request
 * path never waits for the chain. The appender links it shortly after (see `linkAuditChain`).
 * `id` makes the record idempotent (an effect drained twice records one event).
 */
export async function recordAudit(entry: AuditEntry, id = new Types.ObjectId().toHexString()): Promise<void> {
  try {
    await AuditPending.create({ _id: id, ...pendingAudit(entry) });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  await requestChainLink();
}

/** Stores an event that rode in a state change's own write (a pending effect), once. */
export async function recordPendingAudit(id: string, stored: ReturnType<typeof pendingAudit>): Promise<void> {
  try {
    await AuditPending.create({ _id: id, ...stored, at: new Date(stored.at) });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  await requestChainLink();
}

const LINK_EVERY_MS = 200;

/**
 * Asks the appender to run once the current 200 ms window has closed: every event recorded in the
 * window is linked by that one job. Never throws: the reconciler links whatever a lost job left.
 */
async function requestChainLink(): Promise<void> {
  const window = Math.floor(Date.now() / LINK_EVERY_MS);
  await context().queues.addAfterWrite(
    'link-audit',
    {},
    { jobId: `link-audit-${window}`, delay: (window + 1) * LINK_EVERY_MS - Date.now() + 20 },
  );
}

const HEAD = 'head';

type Pending = {
  _id: string;
  at: Date;
  actor?: { userId?: string | null; role?: string | null } | null;
  action: string;
  object?: unknown;
  detail?: unknown;
};

/** The link of a recorded event right after `head`: its position, its predecessor's hash and its own. */
function linkOf(p: Pending, head: { seq: number; hash: string }) {
  const fields: ChainedFields = {
    seq: head.seq + 1,
    at: p.at,
    actor: { userId: p.actor?.userId ?? null, role: p.actor?.role ?? 'system' },
    action: p.action,
    object: p.object as { type: string; id: string },
    detail: p.detail ?? {},
    prevHash: head.hash,
  };
  return {
    _id: linkId(fields.seq),
    pendingId: p._id,
    linkedAt: new Date(),
    ...fields,
    hash: eventHash(fields),
  };
}
const BATCH = 500;

/** The head, moved past any link an appender wrote before it died; their pending entries are deleted. */
async function currentHead(): Promise<{ seq: number; hash: string }> {
  const stored = await AuditHead.findById(HEAD).lean();
  let head = { seq: stored?.seq ?? 0, hash: stored?.hash ?? GENESIS };
  const linked: string[] = [];
  for (;;) {
    const next = await AuditEvent.findById(linkId(head.seq + 1), { hash: 1, pendingId: 1 }).lean();
    if (!next) break;
    head = { seq: head.seq + 1, hash: next.hash };
    linked.push(next.pendingId);
  }
  if (linked.length) {
    await AuditPending.deleteMany({ _id: trusted({ $in: linked }) });
    await AuditHead.updateOne({ _id: HEAD }, { $set: head }, { upsert: true });
  }
  return head;
}

/**
 * Links every recorded event into the hash chain, in order of time, in batches, one appender at a
 * time (a Redis lease per batch). Each link is written before its pending entry is deleted and the
 * head moved, and a restart walks the head forward over links already written: nothing is lost or
 * linked twice. Returns how many events it linked.
 */
export async function linkAuditChain(): Promise<number> {
  let linked = 0;
  for (;;) {
    const done = await withDocumentLock('AuditChain', HEAD, async () => {
      const head = await currentHead();
      const pending = await AuditPending.find({}).sort({ at: 1, _id: 1 }).limit(BATCH).lean();
      if (!pending.length) return 0;
      let { seq, hash } = head;
      const events = pending.map((p) => {
        const link = linkOf(p, { seq, hash });
        ({ seq, hash } = link);
        return link;
      });
      try {
        await AuditEvent.insertMany(events, { ordered: true });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // An event recorded again after it was linked (an effect drained twice): link the batch one by one.
        return linkOneByOne();
      }
      await AuditPending.deleteMany({ _id: trusted({ $in: pending.map((p) => p._id) }) });
      await AuditHead.updateOne({ _id: HEAD }, { $set: { seq, hash } }, { upsert: true });
      return events.length;
    });
    linked += done;
    if (done < BATCH) return linked;
  }
}

/** The slow path of a batch that met an event already linked: that one is dropped, the others linked in order. */
async function linkOneByOne(): Promise<number> {
  let head = await currentHead();
  const pending = await AuditPending.find({}).sort({ at: 1, _id: 1 }).limit(BATCH).lean();
  let linked = 0;
  for (const p of pending) {
    if (await AuditEvent.exists({ pendingId: p._id })) {
      await AuditPending.deleteOne({ _id: p._id });
      continue;
    }
    const link = linkOf(p, head);
    await AuditEvent.create(link);
    await AuditPending.deleteOne({ _id: p._id });
    head = { seq: link.seq, hash: link.hash };
    await AuditHead.updateOne({ _id: HEAD }, { $set: head }, { upsert: true });
    linked++;
  }
  return linked;
}

export interface ChainVerdict {
  valid: boolean;
  events: number;
  /** Events recorded but not linked yet (the appender runs every 200 ms). */
  pending: number;
  firstBroken?: { seq: number; id: string; reason: string };
}

/** Walks the chain in order, by position, and names the first event whose link or hash does not hold. */
export async function verifyAuditChain(): Promise<ChainVerdict> {
  const pending = await AuditPending.estimatedDocumentCount();
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let events = 0;
  for (;;) {
    const batch = await AuditEvent.find({
      _id: trusted({ $gte: linkId(expectedSeq), $lt: linkId(expectedSeq + 1000) }),
    })
      .sort({ _id: 1 })
      .lean();
    if (!batch.length) return { valid: true, events, pending };
    for (const e of batch) {
      const broken = (reason: string) => ({
        valid: false,
        events,
        pending,
        firstBroken: { seq: expectedSeq, id: String(e._id), reason },
      });
      if (e._id !== linkId(expectedSeq) || e.seq !== expectedSeq)
        return broken(`event ${expectedSeq} is missing`);
      if (e.prevHash !== prevHash) return broken('does not link to the hash of the event before it');
      const fields = { ...e, actor: { userId: e.actor?.userId ?? null, role: e.actor?.role ?? 'system' } };
      if (eventHash(fields as unknown as ChainedFields) !== e.hash)
        return broken('its content does not match its hash');
      prevHash = e.hash;
      expectedSeq++;
      events++;
    }
  }
}
