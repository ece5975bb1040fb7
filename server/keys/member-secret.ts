import { hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { type KeyPair, keyPairOf } from './ecies.js';

// A committee member's opening secret never leaves the request that carries it: what is kept is the
// scrypt salt and cost, and the public key of the X25519 key pair the secret derives. The public
// key is the verifier (a secret that derives another key is wrong) and what the member's key share
// is sealed to at publication; only the secret rebuilds the private key that opens it.

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** What is stored of a member's secret. */
export interface MemberKeyRecord {
  salt: string;
  cost: ScryptCost;
  publicKey: string;
}

/** 2^15 × 8 × 128 bytes = 32 MiB and some 100 ms per derivation: costly to guess, cheap to act once. */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

function derive(secret: string, salt: Buffer, cost: ScryptCost): Promise<KeyPair> {
  return new Promise((resolve, reject) => {
    scrypt(
      secret.normalize('NFKC'),
      salt,
      32,
      { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 },
      (err, master) => {
        if (err) return reject(err);
        const key = Buffer.from(hkdfSync('sha256', master, salt, 'soc-joint-procurement opening member', 32));
        resolve(keyPairOf(key));
      },
    );
  });
}

/** Derives a member's key pair from a new secret, with a fresh salt; returns what to store. */
export async function newMemberKey(secret: string, cost = DEFAULT_COST): Promise<MemberKeyRecord> {
  const salt = randomBytes(16);
  const keys = await derive(secret, salt, cost);
  return { salt: salt.toString('base64'), cost, publicKey: keys.publicKey.toString('base64') };
}

/** The member's key pair when `secret` is theirs; undefined when it is not. */
export async function memberKeyFor(secret: string, record: MemberKeyRecord): Promise<KeyPair | undefined> {
  const keys = await derive(secret, Buffer.from(record.salt, 'base64'), record.cost);
  return timingSafeEqual(keys.publicKey, Buffer.from(record.publicKey, 'base64')) ? keys : undefined;
}
