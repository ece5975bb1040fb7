import type { Response } from 'express';
import type { Actor } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { priceHidden, priceHiddenFrom } from '../committee/envelopes.js';
import { context } from '../context.js';
import { readSealedDocument } from '../documents/chunk-store.js';
import { AppError, notFound } from '../errors.js';
import { sendFile } from '../http/downloads.js';
import { unseal } from '../keys/aead.js';
import type { TenderRecord } from '../tenders/tender.model.js';
import { cachedTender } from '../tenders/tender-access.js';
import { type BidRecord, bindingOf } from './bid.model.js';
import { openedBidFor, ownBid } from './bid-reading.js';
import { documentKeyBinding } from './opening.js';
import { associatedData, bidContent, type DocumentEntry } from './sealing.js';

// A bid's documents, as submitted: its vendor reads them at any time (before the opening with the
// bid key its receipt gave it, which the platform does not keep); officers and clean evaluators
// once the bids are opened. Every read is audited.

/** The bid's data key and its list of documents, from what the reader holds. */
function keyAndEntries(
  b: BidRecord,
  bidKey: string | undefined,
): { dataKey: Buffer; entries: DocumentEntry[] } {
  if (b.opened && b.documentKey) {
    const dataKey = unseal(context().config.bidEncryptionKey, b.documentKey, documentKeyBinding(b));
    return { dataKey, entries: b.opened.documents ?? [] };
  }
  if (!bidKey)
    throw new AppError(
      'bid-key-required',
      'Until the opening, your documents open only with the bid key your receipt gave you (header Bid-Key).',
      403,
    );
  const dataKey = Buffer.from(bidKey, 'base64url');
  try {
    if (!b.sealed || dataKey.length !== 32) throw new Error('no such key');
    return { dataKey, entries: bidContent(b.sealed, dataKey, bindingOf(b)).documents ?? [] };
  } catch {
    throw new AppError('wrong-bid-key', 'This is not the bid key of this bid.', 403);
  }
}

/** One document of a bid, decrypted and checked (GCM) on the way out. */
export async function readBidDocument(actor: Actor, bidId: string, documentId: string, bidKey?: string) {
  const b =
    actor.role === 'vendor'
      ? await ownBid(actor, bidId)
      : await openedBidFor(actor, bidId, 'bid.document-read');
  const sealed = b.sealed?.documents?.find((d) => d.id === documentId);
  if (!sealed) throw notFound('The document');
  const { dataKey, entries } = keyAndEntries(b, actor.role === 'vendor' ? bidKey : undefined);
  const entry = entries.find((e) => e.id === documentId);
  if (!entry) throw notFound('The document');
  if (entry.envelope === 'price' && actor.role === 'evaluator') {
    const t = (await cachedTender(String(b.tenderId))) as TenderRecord;
    if (priceHiddenFrom(t, actor)) throw priceHidden(t);
  }
  const bytes = await readSealedDocument(sealed, dataKey, associatedData(bindingOf(b), documentId));
  await recordAudit({
    actor,
    action: 'bid.document-read',
    object: { type: 'bid', id: bidId },
    detail: { documentId },
  });
  return { entry, bytes };
}

/** Answers with the file as submitted, as the type found at upload, with its SHA-256 for the reader to check. */
export function sendBidDocument(res: Response, doc: { entry: DocumentEntry; bytes: Buffer }): void {
  sendFile(
    res,
    { bytes: doc.bytes, contentType: doc.entry.contentType, filename: doc.entry.filename },
    { 'X-Content-SHA256': doc.entry.sha256 },
  );
}
