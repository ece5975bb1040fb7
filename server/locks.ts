import { randomUUID } from 'node:crypto';
import { context } from './context.js';
import { AppError } from './errors.js';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const TTL_MS = 15_000;
const WAIT_MS = 15_000;

/** A lock as held: its key and the token that proves it is ours. */
export interface HeldLock {
  key: string;
  token: string;
}

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
  const { redis, config } = context();
  const key = `${config.queuePrefix}:lock:${model}:${id}`;
  const token = randomUUID();
  const until = Date.now() + WAIT_MS;
  let delay = 5;
  while ((await redis.set(key, token, 'PX', TTL_MS, 'NX')) !== 'OK') {
    if (Date.now() > until)
      throw new AppError('busy', 'The object is being changed by others; try again.', 409);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await fn({ key, token });
  } finally {
    await redis.eval(RELEASE, 1, key, token);
  }
}

/** True when the lock is still ours (its time-out has not passed), and gives it a fresh time-out. */
export async function holdsDocumentLock(lock: HeldLock): Promise<boolean> {
  return (await context().redis.eval(EXTEND, 1, lock.key, lock.token, TTL_MS)) === 1;
}
