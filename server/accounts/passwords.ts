import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (p: string, s: Buffer, len: number, o: object) => Promise<Buffer>;
// OWASP's Password Storage Cheat Sheet lists N=2^14, r=8, p=5 as one of the equivalent minimums:
// about 230 ms of work but only 16 MiB of memory per hash, so concurrent sign-ins stay cheap in memory.
const params = { N: 2 ** 14, r: 8, p: 5, maxmem: 64 * 1024 * 1024 };

/** A salted scrypt hash, self-describing so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: params.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/** True when a stored hash was made with weaker parameters than today's: rehash it at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const [, N, r, p] = stored.split('$');
  return Number(N) < params.N || Number(r) < params.r || Number(p) < params.p;
}

/** A hash of a random password, spent on unknown emails so both failures take the same time. */
export const decoyHash = hashPassword(randomBytes(16).toString('hex'));
