import { combine, split } from 'shamir-secret-sharing';

// Threshold secret sharing (Shamir over GF(2^8), the audited `shamir-secret-sharing`): a key split
// into one share per committee member, any `quorum` of which rebuild it; fewer reveal nothing.

/** Splits a key into `members` shares, any `quorum` of which rebuild it. */
export async function splitKey(key: Buffer, members: number, quorum: number): Promise<Buffer[]> {
  const shares = await split(new Uint8Array(key), members, quorum);
  return shares.map((s) => Buffer.from(s));
}

/**
 * Rebuilds a key from shares. The library does not check the result (too few or wrong shares give
 * some other value): the caller compares it with what it must be, the tender's public key.
 */
export async function combineShares(shares: Buffer[]): Promise<Buffer> {
  return Buffer.from(await combine(shares.map((s) => new Uint8Array(s))));
}
