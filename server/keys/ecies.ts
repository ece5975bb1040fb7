import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { type SealedBox, seal, unseal } from './aead.js';

// ECIES over X25519: an ephemeral key agreement with the recipient's public key, HKDF-SHA-256 to an
// AES-256-GCM key, and the associated data binding the ciphertext to what it belongs to.

/** An X25519 key pair as raw 32-byte keys. */
export interface KeyPair {
  publicKey: Buffer;
  privateKey: Buffer;
}

/** A box sealed to a public key: the sender's ephemeral public key and the AES-GCM box. */
export interface SealedToKey extends SealedBox {
  epk: string;
}

// The fixed DER prefixes of X25519 keys (RFC 8410): PKCS #8 for private, SPKI for public keys.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

const privateKeyObject = (raw: Buffer): KeyObject =>
  createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
const publicKeyObject = (raw: Buffer): KeyObject =>
  createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
const rawPublic = (key: KeyObject): Buffer =>
  (key.export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_PREFIX.length);
const rawPrivate = (key: KeyObject): Buffer =>
  (key.export({ format: 'der', type: 'pkcs8' }) as Buffer).subarray(PKCS8_PREFIX.length);

/** A fresh X25519 key pair. */
export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: rawPublic(publicKey), privateKey: rawPrivate(privateKey) };
}

/** The key pair of a raw private key (any 32 bytes are one: X25519 clamps them). */
export function keyPairOf(privateKey: Buffer): KeyPair {
  if (privateKey.length !== 32) throw new Error('An X25519 private key has 32 bytes.');
  return { publicKey: rawPublic(createPublicKey(privateKeyObject(privateKey))), privateKey };
}

function wrappingKey(shared: Buffer, epk: Buffer, recipient: Buffer, purpose: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), `soc-joint-procurement ${purpose}`, 32),
  );
}

/** Seals `plain` so that only the holder of the private key of `recipient` opens it. */
export function sealTo(recipient: Buffer, plain: Buffer, aad: Buffer, purpose: string): SealedToKey {
  const ephemeral = generateKeyPairSync('x25519');
  const epk = rawPublic(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(recipient) });
  return { epk: epk.toString('base64'), ...seal(wrappingKey(shared, epk, recipient, purpose), plain, aad) };
}

/** Opens a box sealed to our key pair; throws on a wrong key, another `aad` or purpose, or any change. */
export function openWith(keys: KeyPair, box: SealedToKey, aad: Buffer, purpose: string): Buffer {
  const epk = Buffer.from(box.epk, 'base64');
  const shared = diffieHellman({
    privateKey: privateKeyObject(keys.privateKey),
    publicKey: publicKeyObject(epk),
  });
  return unseal(wrappingKey(shared, epk, keys.publicKey, purpose), box, aad);
}
