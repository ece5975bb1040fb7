import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { model, Schema, trusted } from 'mongoose';
import { gcmDecipher } from '../keys/aead.js';

// Uploaded files — sealed bid documents, and a tender's public procurement documents — stored in
// chunks whose ids are derived from the document's (`<id>.<n>`).
// Every read and write is then a lookup by `_id`, the one filter FerretDB's SQLite backend hands
// to its index: GridFS finds a file's chunks by `files_id`, which on FerretDB reads every chunk of
// every stored file (bench/bid-documents.ts measures both).

/** Ciphertext per chunk: well under a document's 16 MiB, big enough that a 5 MB file is 5 writes. */
export const CHUNK_BYTES = 1024 * 1024;

const chunkSchema = new Schema({ _id: String, bytes: Buffer }, { versionKey: false });
// The collections keep the names they had when they held bid documents alone.
const DocumentChunk = model('DocumentChunk', chunkSchema, 'bid_document_chunks');

/**
 * An upload under way: the documents it has begun to store. A request that fails removes them; one
 * cut off by a crash leaves this record, and the reconciler removes them an hour later.
 */
const uploadSchema = new Schema(
  { _id: String, documentIds: { type: [String], default: [] }, startedAt: { type: Date, required: true } },
  { versionKey: false },
);
const Upload = model('Upload', uploadSchema, 'bid_uploads');

const chunkId = (documentId: string, n: number) => `${documentId}.${String(n).padStart(5, '0')}`;

/** Where a stored document's chunks are, and — when sealed — its GCM nonce and tag. */
export interface ChunkedDocument {
  id: string;
  chunks: number;
  iv?: string;
  tag?: string;
}

/** A sealed document: its chunks are ciphertext under a data key. */
export type SealedChunks = Required<ChunkedDocument>;

/** What storing a document learnt of its plaintext: its size, SHA-256, and first bytes (for its type). */
export interface StoredDocument<D extends ChunkedDocument = ChunkedDocument> {
  sealed: D;
  size: number;
  sha256: string;
  head: Buffer;
}

const HEAD_BYTES = 64 * 1024;

/** A new upload's id, recorded before any of its chunks is written. */
export async function beginUpload(): Promise<string> {
  const id = randomBytes(12).toString('hex');
  await Upload.collection.insertOne({ _id: id as never, documentIds: [], startedAt: new Date() });
  return id;
}

interface StoreOptions {
  maxBytes: number;
  tooLarge: () => Error;
}

/**
 * Encrypts a file as it streams in (AES-256-GCM under the bid's data key, bound by `aad`) and stores
 * it chunk by chunk; the plaintext is hashed on the way and never stored. Throws `tooLarge()` as
 * soon as the file passes `maxBytes`; what was stored is then removed with the upload.
 */
export async function storeSealedDocument(
  uploadId: string,
  file: AsyncIterable<Buffer>,
  opts: StoreOptions & { dataKey: Buffer; aadFor: (documentId: string) => Buffer },
): Promise<StoredDocument<SealedChunks>> {
  const id = await newDocumentId(uploadId);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', opts.dataKey, iv).setAAD(opts.aadFor(id));
  const stored = await storeChunks(id, file, opts, cipher);
  return {
    ...stored,
    sealed: { ...stored.sealed, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
  };
}

/** Stores a public file as it streams in, chunk by chunk, as it is: a tender's procurement documents. */
export async function storePlainDocument(
  uploadId: string,
  file: AsyncIterable<Buffer>,
  opts: StoreOptions,
): Promise<StoredDocument> {
  return storeChunks(await newDocumentId(uploadId), file, opts, {
    update: (piece) => piece,
    final: () => Buffer.alloc(0),
  });
}

/** A new document's id, recorded with its upload before any chunk is written. */
async function newDocumentId(uploadId: string): Promise<string> {
  const id = `${uploadId}${randomBytes(6).toString('hex')}`;
  await Upload.collection.updateOne({ _id: uploadId as never }, { $push: { documentIds: id } } as never);
  return id;
}

async function storeChunks(
  id: string,
  file: AsyncIterable<Buffer>,
  opts: StoreOptions,
  cipher: { update(piece: Buffer): Buffer; final(): Buffer },
): Promise<StoredDocument> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let chunks = 0;
  const flush = async (all: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending);
      const bytes = joined.subarray(0, CHUNK_BYTES);
      pending = [joined.subarray(bytes.length)];
      pendingBytes -= bytes.length;
      await DocumentChunk.collection.insertOne({ _id: chunkId(id, chunks) as never, bytes });
      chunks += 1;
    }
  };
  for await (const piece of file) {
    size += piece.length;
    if (size > opts.maxBytes) throw opts.tooLarge();
    hash.update(piece);
    if (headBytes < HEAD_BYTES) {
      head.push(piece);
      headBytes += piece.length;
    }
    const stored = cipher.update(piece);
    pending.push(stored);
    pendingBytes += stored.length;
    await flush(false);
  }
  const last = cipher.final();
  pending.push(last);
  pendingBytes += last.length;
  await flush(true);
  return {
    sealed: { id, chunks },
    size,
    sha256: hash.digest('hex'),
    head: Buffer.concat(head).subarray(0, HEAD_BYTES),
  };
}

/** The upload's documents now belong to a stored bid: they are no longer the upload's to remove. */
export async function finishUpload(uploadId: string): Promise<void> {
  await Upload.collection.deleteOne({ _id: uploadId as never });
}

/** Removes a document's chunks, one `_id` at a time. */
export async function removeDocuments(documents: Pick<ChunkedDocument, 'id'>[]): Promise<void> {
  for (const doc of documents) {
    for (let n = 0; ; n += 1) {
      const { deletedCount } = await DocumentChunk.collection.deleteOne({
        _id: chunkId(doc.id, n) as never,
      });
      if (!deletedCount) break;
    }
  }
}

/** A failed upload leaves nothing: its documents' chunks, then its record, are removed. */
export async function abandonUpload(uploadId: string): Promise<void> {
  const upload = await Upload.collection.findOne({ _id: uploadId as never });
  await removeDocuments(((upload?.documentIds as string[]) ?? []).map((id) => ({ id })));
  await Upload.collection.deleteOne({ _id: uploadId as never });
}

/** Uploads cut off an hour ago or more (a crash mid-request): their chunks are removed. */
export async function removeAbandonedUploads(): Promise<number> {
  const stale = await Upload.find(
    { startedAt: trusted({ $lt: new Date(Date.now() - 3_600_000) }) },
    { _id: 1 },
  ).lean();
  for (const u of stale) await abandonUpload(String(u._id));
  return stale.length;
}

/** Decrypts a stored document; GCM's tag check fails (throws) on a wrong key, another bid or any change. */
export async function readSealedDocument(doc: SealedChunks, dataKey: Buffer, aad: Buffer): Promise<Buffer> {
  const decipher = gcmDecipher(dataKey, Buffer.from(doc.iv, 'base64'), Buffer.from(doc.tag, 'base64')).setAAD(
    aad,
  );
  return readChunks(doc, decipher);
}

/** Reads a public document back as it was stored. */
export async function readPlainDocument(doc: ChunkedDocument): Promise<Buffer> {
  return readChunks(doc, { update: (piece) => piece, final: () => Buffer.alloc(0) });
}

async function readChunks(
  doc: ChunkedDocument,
  decipher: { update(piece: Buffer): Buffer; final(): Buffer },
): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let n = 0; n < doc.chunks; n += 1) {
    const chunk = await DocumentChunk.collection.findOne({ _id: chunkId(doc.id, n) as never });
    if (!chunk) throw new Error(`A chunk of document ${doc.id} is missing.`);
    parts.push(decipher.update(Buffer.from((chunk.bytes as { buffer: Uint8Array }).buffer)));
  }
  parts.push(decipher.final());
  return Buffer.concat(parts);
}
