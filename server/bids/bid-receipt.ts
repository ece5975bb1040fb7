import type { DocumentEntry, SealedDocument } from './sealing.js';

/** A bid's documents, sealed and stored already under the bid's data key. */
export interface BidDocuments {
  dataKey: Buffer;
  entries: DocumentEntry[];
  sealed: SealedDocument[];
}

/**
 * What the receipt adds for a bid with documents: each file as received (name, type, size and
 * SHA-256, which the platform keeps only sealed), and the bid's data key, which it does not keep:
 * with it the vendor reads its documents back before the opening.
 */
export const receiptOfDocuments = (documents: BidDocuments | undefined) =>
  documents?.entries.length
    ? {
        bidKey: documents.dataKey.toString('base64url'),
        documents: documents.entries.map(({ id, filename, contentType, size, sha256, envelope }) => ({
          id,
          filename,
          contentType,
          size,
          sha256,
          ...(envelope ? { envelope } : {}),
        })),
      }
    : {};
