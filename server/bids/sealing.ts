import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '../audit/audit.service.js';

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
  content: SealedBox;
  /** The bid's own data key, itself sealed with the platform key. */
  key: SealedBox;
}

function seal(key: Buffer, plain: Buffer): SealedBox {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

function unseal(key: Buffer, box: SealedBox): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]);
}

/** The SHA-256 of the canonical JSON of what was submitted: the vendor's receipt. */
export function bidDigest(content: BidContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Encrypts a bid with a fresh AES-256-GCM data key, wrapped by the platform's bid key. */
export function sealBid(content: BidContent, platformKey: Buffer): Sealed {
  const dataKey = randomBytes(32);
  return { content: seal(dataKey, Buffer.from(canonicalJson(content))), key: seal(platformKey, dataKey) };
}

/** Decrypts a sealed bid; GCM's tag makes any tampering fail loudly. */
export function unsealBid(sealed: Sealed, platformKey: Buffer): BidContent {
  const dataKey = unseal(platformKey, sealed.key);
  return JSON.parse(unseal(dataKey, sealed.content).toString('utf8')) as BidContent;
}
