import { createHash } from 'node:crypto';

// What the audit chain, receipts, documents and resolutions hash: canonical JSON, with SHA-256.

/** JSON with object keys sorted (and undefined left out), so the same data always hashes the same. */
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

/** The SHA-256 of bytes or text, in hex. */
export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** The SHA-256 of the canonical JSON of some data (a document's, a resolution's content). */
export const dataDigest = (data: unknown) => sha256(canonicalJson(data));
