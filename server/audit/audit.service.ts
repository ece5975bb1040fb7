import { createHash } from 'node:crypto';
import { trusted } from 'mongoose';
import type { Actor } from '../accounts/access.js';
import { isDuplicateKey } from '../db.js';
import { AuditEvent } from './audit.model.js';

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  actor: Pick<Actor, 'id' | 'role'> | null;
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

/** JSON with object keys sorted, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The hash that links an event to its predecessor. */
export function eventHash(e: ChainedFields): string {
  const { seq, at, actor, action, object, detail, prevHash } = e;
  return createHash('sha256')
    .update(canonicalJson({ seq, at, actor, action, object, detail, prevHash }))
    .digest('hex');
}

/** Appends an event to the hash chain; concurrent appends race on unique keys and the loser retries. */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const last = await AuditEvent.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
    const fields: ChainedFields = {
      seq: (last?.seq ?? 0) + 1,
      at: new Date(),
      actor: { userId: entry.actor?.id ?? null, role: entry.actor?.role ?? 'system' },
      action: entry.action,
      object: entry.object,
      detail: JSON.parse(JSON.stringify(entry.detail ?? {})),
      prevHash: last?.hash ?? GENESIS,
    };
    try {
      await AuditEvent.create({ ...fields, hash: eventHash(fields) });
      return;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  throw new Error('The audit chain is too contended to append to.');
}

export interface ChainVerdict {
  valid: boolean;
  events: number;
  firstBroken?: { seq: number; id: string; reason: string };
}

/** Walks the chain in order, in pages, and names the first event whose link or hash does not hold. */
export async function verifyAuditChain(): Promise<ChainVerdict> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let events = 0;
  for (;;) {
    const batch = await AuditEvent.find({ seq: trusted({ $gte: expectedSeq }) })
      .sort({ seq: 1 })
      .limit(1000)
      .lean();
    if (!batch.length) return { valid: true, events };
    for (const e of batch) {
      const broken = (reason: string) => ({
        valid: false,
        events,
        firstBroken: { seq: e.seq, id: String(e._id), reason },
      });
      if (e.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing`);
      if (e.prevHash !== prevHash) return broken('does not link to the hash of the event before it');
      const fields = { ...e, actor: { userId: e.actor?.userId ?? null, role: e.actor?.role ?? 'system' } };
      if (eventHash(fields as ChainedFields) !== e.hash) return broken('its content does not match its hash');
      prevHash = e.hash;
      expectedSeq++;
      events++;
    }
  }
}
