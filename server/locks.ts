import { randomUUID } from 'node:crypto';
import { context } from './context.js';
import { AppError } from './errors.js';

// Releases the lock and, when the holder wrote the document, gives it a new version (see `cached-documents.ts`).
const RELEASE = `if ARGV[2] ~= '' then redis.call('set', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const TTL_MS = 15_000;
const WAIT_MS = 15_000;
/** A lock this young is ours without asking Redis: its time-out is far (Redlock's validity time). */
const SURELY_HELD_MS = TTL_MS / 3;
/** How long a document's version is kept: longer than any cached copy lives. */
export const VERSION_TTL_MS = 600_000;

/** A lock as held: its key and the token that proves it is ours. */
export interface HeldLock {
  key: string;
  token: string;
  /** When it was taken, by this process's clock. */
  since: number;
  /** Set by a holder that wrote the document: its copies elsewhere are then out of date. */
  wrote?: boolean;
}

/** The Redis key of a document's lock. */
const lockKey = (model: string, id: string) => `${context().config.queuePrefix}:lock:${model}:${id}`;

/** The Redis key of a document's version, which changes whenever a lock holder writes it. */
export const versionKey = (model: string, id: string) => `${context().config.queuePrefix}:ver:${model}:${id}`;

/**
 * Runs `fn` while holding a Redis lock on one document. FerretDB 1.x applies an update as a read
 * followed by a write, outside any transaction, so two concurrent updates of one document can lose
 * one of them; every read-modify-write of a shared document therefore holds this lock, in the API
 * and in the workers alike. The writer checks it still holds the lock (`holdsDocumentLock`) just before it writes.
 */
export async function withDocumentLock<T>(
  model: string,
  id: string,
  fn: (lock: HeldLock) => Promise<T>,
): Promise<T> {
  const { redis } = context();
  const key = lockKey(model, id);
  const token = randomUUID();
  const until = Date.now() + WAIT_MS;
  let delay = 5;
  let since: number;
  for (;;) {
    since = Date.now();
    if ((await redis.set(key, token, 'PX', TTL_MS, 'NX')) === 'OK') break;
    if (Date.now() > until)
      throw new AppError('busy', 'The object is being changed by others; try again.', 409);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 100);
  }
  const lock: HeldLock = { key, token, since };
  try {
    return await fn(lock);
  } finally {
    const version = lock.wrote ? token : '';
    await redis.eval(RELEASE, 2, key, versionKey(model, id), token, version, VERSION_TTL_MS);
  }
}

/**
 * True when the lock is still ours (its time-out has not passed), and gives it a fresh time-out. A
 * lock taken less than a third of its time-out ago is ours without a round trip: the time was
 * counted from before the request that took it.
 */
export async function holdsDocumentLock(lock: HeldLock): Promise<boolean> {
  if (Date.now() - lock.since < SURELY_HELD_MS) return true;
  const asked = Date.now();
  if ((await context().redis.eval(EXTEND, 1, lock.key, lock.token, TTL_MS)) !== 1) return false;
  lock.since = asked;
  return true;
}

/** The document's version if nobody holds its lock, read in the same step; `[1]` while it is held. */
const UNLOCKED_VERSION = `if redis.call('exists', KEYS[1]) == 1 then return {1} end
return {0, redis.call('get', KEYS[2])}`;

/**
 * Waits until nobody holds a document's lock (a change under way has been written), without taking
 * it: a reader that must see every change begun before this moment reads the document afterwards.
 * Answers the document's version as it stood then (null when no writer has given it one lately), so
 * that a copy of that version may stand for the read (see `cached-documents.ts`).
 */
export async function whenUnlocked(model: string, id: string): Promise<string | null> {
  const { redis } = context();
  const key = lockKey(model, id);
  const until = Date.now() + WAIT_MS;
  let delay = 2;
  for (;;) {
    const [held, version] = (await redis.eval(UNLOCKED_VERSION, 2, key, versionKey(model, id))) as [
      number,
      string | null | undefined,
    ];
    if (held !== 1) return version ?? null;
    if (Date.now() > until)
      throw new AppError('busy', 'The object is being changed by others; try again.', 409);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 50);
  }
}
