/**
 * What sealing a bid's documents costs: a bid with 3 × 5 MB documents encrypted as they stream
 * (AES-256-GCM under the bid's data key, wrapped to the tender's X25519 key) and stored in
 * `_id`-keyed chunks, against a plain GridFS upload of the same bytes, rounds alternating, on the
 * embedded FerretDB. Then reading one document back, both ways, as the stored files grow: GridFS
 * finds a file's chunks by `files_id`, which FerretDB's SQLite backend answers by reading them all.
 * `npm run bench`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import mongoose from 'mongoose';
import { associatedData, newDataKey, sealBid } from '../server/bids/sealing.js';
import {
  beginUpload,
  finishUpload,
  readSealedDocument,
  type SealedChunks,
  type StoredDocument,
  storeSealedDocument,
} from '../server/documents/chunk-store.js';
import { startFerretdb } from '../server/embedded/ferretdb.js';
import { newKeyPair } from '../server/keys/ecies.js';
import { row, spread } from './support.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const FILE_BYTES = 5 * 1024 * 1024;
const PIECE = 64 * 1024;
const files = [0, 1, 2].map(() => randomBytes(FILE_BYTES));
const binding = { tenderId: 't', lot: 1, vendorId: 'v' };
const tender = newKeyPair();

/** A file as it arrives from a request: 64 KiB at a time. */
const arriving = (bytes: Buffer) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / PIECE) }, (_, i) =>
      bytes.subarray(i * PIECE, (i + 1) * PIECE),
    ),
  );

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function sealedBid(): Promise<{ stored: StoredDocument<SealedChunks>[]; dataKey: Buffer }> {
  const dataKey = newDataKey();
  const uploadId = await beginUpload();
  const stored: StoredDocument<SealedChunks>[] = [];
  for (const bytes of files) {
    stored.push(
      await storeSealedDocument(uploadId, arriving(bytes), {
        dataKey,
        aadFor: (id) => associatedData(binding, id),
        maxBytes: FILE_BYTES,
        tooLarge: () => new Error('too large'),
      }),
    );
  }
  sealBid(
    {
      ...binding,
      priceCents: 1,
      technicalOffer: 'x',
      declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
      documents: stored.map((s) => ({
        id: s.sealed.id,
        filename: 'f.pdf',
        contentType: 'application/pdf',
        size: s.size,
        sha256: s.sha256,
      })),
    },
    { tenderPublicKey: tender.publicKey },
    dataKey,
    stored.map((s) => s.sealed),
  );
  await finishUpload(uploadId);
  return { stored, dataKey };
}

async function gridfsUpload(bucket: mongoose.mongo.GridFSBucket): Promise<mongoose.mongo.ObjectId[]> {
  const ids: mongoose.mongo.ObjectId[] = [];
  for (const bytes of files) {
    const upload = bucket.openUploadStream('f.pdf');
    await new Promise<void>((resolve, reject) => {
      arriving(bytes).pipe(upload).on('finish', resolve).on('error', reject);
    });
    ids.push(upload.id);
  }
  return ids;
}

async function gridfsRead(bucket: mongoose.mongo.GridFSBucket, id: mongoose.mongo.ObjectId): Promise<number> {
  let size = 0;
  for await (const piece of bucket.openDownloadStream(id)) size += (piece as Buffer).length;
  return size;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'procurement-bench-documents-'));
  const db = await startFerretdb(dataDir, 'bench_documents', () => {});
  try {
    await mongoose.connect(db.uri);
    const bucket = new mongoose.mongo.GridFSBucket(mongoose.connection.db as mongoose.mongo.Db);
    const ours: number[] = [];
    const plain: number[] = [];
    const reads: { stored: number; ours: number; gridfs: number }[] = [];
    let firstOurs: StoredDocument<SealedChunks> | undefined;
    let firstKey: Buffer | undefined;
    let firstGridfs: mongoose.mongo.ObjectId | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so that neither always meets the fuller database.
      const order = round % 2 === 0 ? ['ours', 'gridfs'] : ['gridfs', 'ours'];
      for (const which of order) {
        if (which === 'ours') {
          const r = await timed(sealedBid);
          ours.push(r.ms);
          firstOurs ??= r.value.stored[0];
          firstKey ??= r.value.dataKey;
        } else {
          const r = await timed(() => gridfsUpload(bucket));
          plain.push(r.ms);
          firstGridfs ??= r.value[0];
        }
      }
      const ourRead = await timed(() =>
        readSealedDocument(
          (firstOurs as StoredDocument<SealedChunks>).sealed,
          firstKey as Buffer,
          associatedData(binding, (firstOurs as StoredDocument<SealedChunks>).sealed.id),
        ),
      );
      const gridRead = await timed(() => gridfsRead(bucket, firstGridfs as mongoose.mongo.ObjectId));
      reads.push({ stored: (round + 1) * 3, ours: ourRead.ms, gridfs: gridRead.ms });
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
    console.log(
      `\n## Sealing a bid with 3 × 5 MB documents (FerretDB, ${ROUNDS} rounds each, alternating)\n`,
    );
    console.log(row(['', 'median ms', 'rounds, ms']));
    console.log(row(['---', '---', '---']));
    console.log(row(['plain GridFS upload (baseline)', median(plain).toFixed(0), spread(plain, 0)]));
    console.log(row(['sealed and stored in keyed chunks', median(ours).toFixed(0), spread(ours, 0)]));
    console.log(`\nratio sealed / plain GridFS: ${(median(ours) / median(plain)).toFixed(2)}`);
    console.log('\n## Reading one 5 MB document back, as the stored documents grow\n');
    console.log(row(['documents stored (each way)', 'keyed chunks, decrypted, ms', 'GridFS, ms', 'ratio']));
    console.log(row(['---', '---', '---', '---']));
    for (const r of reads)
      console.log(row([r.stored, r.ours.toFixed(0), r.gridfs.toFixed(0), (r.ours / r.gridfs).toFixed(2)]));
  } finally {
    await mongoose.disconnect();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
