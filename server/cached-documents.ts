import { Types } from 'mongoose';
import { context } from './context.js';
import { VERSION_TTL_MS, versionKey } from './locks.js';

/**
 * Copies of hot documents (a tender, read by every bid and every score of its deadline rush and its
 * evaluation), kept in this process and checked against the document's version in Redis on every
 * read: one Redis round trip instead of a database read that parses the whole document.
 *
 * Every writer of such a document writes under its lock (`changeDocument`), and the lock's release
 * gives the document a new version before the writer answers; a copy read before that write
 * carries the older version and is not used again. A copy is read again after a minute whatever
 * happens (a version lost with Redis, a write made by hand), and a write made outside the platform
 * calls `documentChanged`. Copies are frozen: a caller that tried to change one would throw.
 */
const MAX_AGE_MS = 60_000;
// A tender with its stored evaluation can weigh a few hundred kB; the tenders in a rush at once are few.
const MAX_COPIES = 200;

interface Copy {
  version: string | null;
  doc: unknown;
  at: number;
}

const copies = new Map<string, Copy>();

/**
 * The document as it stands, from this process's copy when its version is still current. A caller
 * that has just read the version (see `whenUnlocked`) passes it.
 */
export async function cachedDocument<T>(
  model: string,
  id: string,
  load: () => Promise<T | null>,
  known?: string | null,
): Promise<T | null> {
  const key = versionKey(model, id);
  // The version is read before the document: a write in between makes the copy older, never newer.
  // Without Redis there is no version to trust: the document is read, and no copy kept or used.
  const version = known === undefined ? await currentVersion(model, id) : known;
  if (version === undefined) {
    copies.delete(key);
    return load();
  }
  const copy = copies.get(key);
  if (copy && copy.version === version && Date.now() - copy.at < MAX_AGE_MS) return copy.doc as T;
  const doc = await load();
  if (doc === null) {
    copies.delete(key);
    return null;
  }
  copies.delete(key);
  copies.set(key, { version, doc: deepFreeze(doc), at: Date.now() });
  // The oldest copies go first (a Map keeps the order of insertion).
  for (const oldest of copies.keys()) {
    if (copies.size <= MAX_COPIES) break;
    copies.delete(oldest);
  }
  return doc;
}

/**
 * A document's version as Redis has it: `null` while no lock holder has written it lately,
 * `undefined` when Redis does not answer (then no copy may be trusted).
 */
export async function currentVersion(model: string, id: string): Promise<string | null | undefined> {
  return context()
    .redis.get(versionKey(model, id))
    .catch(() => undefined);
}

/** After a write that did not go through `changeDocument` (a maintenance script, a test): copies are stale. */
export async function documentChanged(model: string, id: string): Promise<void> {
  await context().redis.set(versionKey(model, id), new Types.ObjectId().toHexString(), 'PX', VERSION_TTL_MS);
}

/** Freezes plain objects, arrays and dates all the way down; ids and binary values are left as they are. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (value instanceof Types.ObjectId || ArrayBuffer.isView(value) || value instanceof ArrayBuffer)
    return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
