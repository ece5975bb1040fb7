import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { canonicalJson, dataDigest } from '../digest.js';

/** What a vendor submits for one lot; sealed until opening. */
export interface BidContent {
  tenderId: string;
  lot: number;
  vendorId: string;
  priceCents: number;
  technicalOffer: string;
  declarations: { noExclusionGrounds: boolean; meetsSelectionCriteria: boolean };
}

export interface SealedBox {
  iv: string;
  tag: string;
  data: string;
}

export interface Sealed {
  /** 2: both boxes are bound (GCM associated data) to the bid's tender, lot and vendor. */
  v?: 2;
  content: SealedBox;
  /** The bid's own data key, itself sealed with the platform key. */
  key: SealedBox;
}

/** Whose bid a ciphertext is: it opens only under the same tender, lot and vendor. */
export interface BidBinding {
  tenderId: string;
  lot: number;
  vendorId: string;
}

const associatedData = (b: BidBinding) =>
  Buffer.from(canonicalJson({ tenderId: b.tenderId, lot: b.lot, vendorId: b.vendorId }));

function seal(key: Buffer, plain: Buffer, aad?: Buffer): SealedBox {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

function unseal(key: Buffer, box: SealedBox, aad?: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]);
}

/** The SHA-256 of the canonical JSON of what was submitted: the vendor's receipt. */
export function bidDigest(content: BidContent): string {
  return dataDigest(content);
}

/** Encrypts a bid with a fresh AES-256-GCM data key, wrapped by the platform's bid key; both bound to the bid. */
export function sealBid(content: BidContent, platformKey: Buffer): Sealed {
  const dataKey = randomBytes(32);
  const aad = associatedData(content);
  return {
    v: 2,
    content: seal(dataKey, Buffer.from(canonicalJson(content)), aad),
    key: seal(platformKey, dataKey, aad),
  };
}

/**
 * Decrypts a sealed bid stored for `binding`; GCM's tag makes any tampering fail loudly, and so does
 * a ciphertext moved to another bid's record. Bids sealed before binding (no `v`) open unbound.
 */
export function unsealBid(sealed: Sealed, platformKey: Buffer, binding: BidBinding): BidContent {
  const aad = sealed.v === 2 ? associatedData(binding) : undefined;
  const dataKey = unseal(platformKey, sealed.key, aad);
  return JSON.parse(unseal(dataKey, sealed.content, aad).toString('utf8')) as BidContent;
}
