import { randomBytes } from 'node:crypto';
import { canonicalJson, dataDigest } from '../digest.js';
import { type SealedBox, seal, unseal } from '../keys/aead.js';
import { type KeyPair, openWith, type SealedToKey, sealTo } from '../keys/ecies.js';

export type { SealedBox } from '../keys/aead.js';

/** What the vendor's receipt says of one document: the file as submitted, named by its SHA-256. */
export interface DocumentEntry {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** A file of the price envelope (a price schedule): kept from evaluators until their scores are final. */
  envelope?: 'price';
}

/** What a vendor submits for one lot; sealed until opening. */
export interface BidContent {
  tenderId: string;
  lot: number;
  vendorId: string;
  priceCents: number;
  technicalOffer: string;
  declarations: { noExclusionGrounds: boolean; meetsSelectionCriteria: boolean };
  /** The vendor's ESPD response, where the tender asks one: sealed and digested with the rest. */
  espd?: { size?: string; answers: Record<string, unknown> };
  /** The bid's files, each covered by its SHA-256 and so by the receipt's (absent in bids from before documents). */
  documents?: DocumentEntry[];
}

/** Where a sealed document's chunks are, and its AES-GCM nonce and tag. */
export interface SealedDocument {
  id: string;
  iv: string;
  tag: string;
  chunks: number;
}

/** A bid sealed with the platform key: tenders published before the opening ceremony. */
export interface PlatformSealed {
  /** 2: both boxes are bound (GCM associated data) to the bid's tender, lot and vendor. */
  v?: 2;
  content: SealedBox;
  /** The bid's own data key, itself sealed with the platform key. */
  key: SealedBox;
  documents?: SealedDocument[];
}

/** A bid sealed to its tender's opening key, which only a quorum of the opening committee rebuilds. */
export interface TenderSealed {
  v: 3;
  content: SealedBox;
  /** The bid's data key, sealed (ECIES) to the tender's public key. */
  key: SealedToKey;
  documents: SealedDocument[];
}

export type Sealed = PlatformSealed | TenderSealed;

/** Whose bid a ciphertext is: it opens only under the same tender, lot and vendor. */
export interface BidBinding {
  tenderId: string;
  lot: number;
  vendorId: string;
}

/** What opens a bid's data key: the tender's rebuilt key pair, or the platform key for older tenders. */
export interface BidOpener {
  tenderKeys?: KeyPair;
  platformKey: Buffer;
}

const KEY_PURPOSE = 'bid data key';

/** The associated data of a bid's boxes, and of each of its documents. */
export const associatedData = (b: BidBinding, documentId?: string) =>
  Buffer.from(
    canonicalJson({
      tenderId: b.tenderId,
      lot: b.lot,
      vendorId: b.vendorId,
      ...(documentId ? { documentId } : {}),
    }),
  );

/** The SHA-256 of the canonical JSON of what was submitted: the vendor's receipt. */
export function bidDigest(content: BidContent): string {
  return dataDigest(content);
}

/** A fresh data key for one bid: its content and its documents are sealed under it. */
export const newDataKey = () => randomBytes(32);

/**
 * Seals a bid's content under its data key, and the data key to the tender's public key (or, for a
 * tender from before the opening ceremony, with the platform key); every box is bound to the bid.
 */
export function sealBid(
  content: BidContent,
  to: { tenderPublicKey: Buffer } | { platformKey: Buffer },
  dataKey: Buffer = newDataKey(),
  documents: SealedDocument[] = [],
): Sealed {
  const aad = associatedData(content);
  const sealedContent = seal(dataKey, Buffer.from(canonicalJson(content)), aad);
  if ('tenderPublicKey' in to) {
    return {
      v: 3,
      content: sealedContent,
      key: sealTo(to.tenderPublicKey, dataKey, aad, KEY_PURPOSE),
      documents,
    };
  }
  return { v: 2, content: sealedContent, key: seal(to.platformKey, dataKey, aad), documents };
}

/** The bid's data key; throws when the opener's key is not the one it was sealed to, or on any change. */
export function bidDataKey(sealed: Sealed, opener: BidOpener, binding: BidBinding): Buffer {
  const aad = associatedData(binding);
  if (sealed.v === 3) {
    if (!opener.tenderKeys) throw new Error('This bid opens only with its tender’s opening key.');
    return openWith(opener.tenderKeys, sealed.key, aad, KEY_PURPOSE);
  }
  return unseal(opener.platformKey, sealed.key, sealed.v === 2 ? aad : undefined);
}

/** The bid's content under its data key. */
export function bidContent(sealed: Sealed, dataKey: Buffer, binding: BidBinding): BidContent {
  const aad = sealed.v === 2 || sealed.v === 3 ? associatedData(binding) : undefined;
  return JSON.parse(unseal(dataKey, sealed.content, aad).toString('utf8')) as BidContent;
}

/**
 * Decrypts a sealed bid stored for `binding`; GCM's tag makes any tampering fail loudly, and so does
 * a ciphertext moved to another bid's record. Bids sealed before binding (no `v`) open unbound.
 */
export function unsealBid(sealed: Sealed, opener: BidOpener, binding: BidBinding): BidContent {
  return bidContent(sealed, bidDataKey(sealed, opener, binding), binding);
}
