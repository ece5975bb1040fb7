import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** An AES-256-GCM ciphertext with its nonce and tag, as stored (base64). */
export interface SealedBox {
  iv: string;
  tag: string;
  data: string;
}

/** Encrypts with AES-256-GCM under a fresh 96-bit nonce; `aad` binds the box to what it belongs to. */
export function seal(key: Buffer, plain: Buffer, aad?: Buffer): SealedBox {
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

/** GCM's full 128-bit tag: a shorter one (which GCM would accept) makes forgeries far cheaper. */
export const GCM_TAG_BYTES = 16;

/** A GCM decipher that takes only a full-length tag; a shorter one throws before any byte is returned. */
export function gcmDecipher(key: Buffer, iv: Buffer, tag: Buffer) {
  if (tag.length !== GCM_TAG_BYTES)
    throw new Error(`A GCM tag has ${GCM_TAG_BYTES} bytes, not ${tag.length}.`);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
  decipher.setAuthTag(tag);
  return decipher;
}

/** Decrypts a box; a wrong key, a changed byte, a short tag or another `aad` fails and throws. */
export function unseal(key: Buffer, box: SealedBox, aad?: Buffer): Buffer {
  const decipher = gcmDecipher(key, Buffer.from(box.iv, 'base64'), Buffer.from(box.tag, 'base64'));
  if (aad) decipher.setAAD(aad);
  return Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]);
}
