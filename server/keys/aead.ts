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

/** Decrypts a box; a wrong key, a changed byte or another `aad` fails GCM's tag check and throws. */
export function unseal(key: Buffer, box: SealedBox, aad?: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]);
}
