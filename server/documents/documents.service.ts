import type { Response } from 'express';
import type { Attachment } from 'nodemailer/lib/mailer/index.js';
import { isDuplicateKey } from '../db.js';
import { sha256 } from '../digest.js';
import { notFound } from '../errors.js';
import { type DocumentRecord, StoredDocument } from './document.model.js';

/** Stores a document once per key; a second store of the same key keeps the first. */
export async function storeDocument(
  doc: Omit<DocumentRecord, '_id' | 'size' | 'sha256'>,
): Promise<DocumentRecord> {
  try {
    const created = await StoredDocument.create({
      ...doc,
      size: doc.bytes.length,
      sha256: sha256(doc.bytes),
    });
    return created.toObject() as unknown as DocumentRecord;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return (await StoredDocument.findOne({ key: doc.key }).lean<DocumentRecord>()) as DocumentRecord;
  }
}

export async function loadDocument(key: string): Promise<DocumentRecord> {
  const doc = await StoredDocument.findOne({ key }).lean<DocumentRecord>();
  if (!doc) throw notFound('The document');
  // The driver hands back a BSON Binary; callers want a Buffer.
  const bytes = doc.bytes as unknown as { buffer?: Buffer };
  return { ...doc, bytes: Buffer.isBuffer(doc.bytes) ? doc.bytes : Buffer.from(bytes.buffer ?? []) };
}

/** A stored document as an e-mail attachment. */
export async function documentAttachment(key: string): Promise<Attachment> {
  const doc = await loadDocument(key);
  return { filename: doc.filename, content: doc.bytes, contentType: doc.contentType };
}

/** Answers with a PDF: inline, named, with its SHA-256 for the recipient to check. */
export function sendPdf(res: Response, doc: Pick<DocumentRecord, 'filename' | 'sha256' | 'bytes'>): void {
  res
    .status(200)
    .type('application/pdf')
    .setHeader('Content-Disposition', `inline; filename="${doc.filename}"`)
    .setHeader('X-Content-SHA256', doc.sha256)
    .send(doc.bytes);
}
