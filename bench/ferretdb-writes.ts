/**
 * What one operation by `_id` costs on the embedded FerretDB (SQLite) as a collection grows: find,
 * update, delete and insert of one document at 1 000, 5 000 and 20 000 documents, on FerretDB as it
 * is built (the baseline) and with the `_id` lookup index our FerretDB main adds
 * (scripts/ferretdb/idindex.go), side by side, sizes alternating between the two. `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { type Connection, Types } from 'mongoose';
import { type EmbeddedDatabase, startFerretdb } from '../server/embedded/ferretdb.js';
import { row } from './support.js';

const SIZES = [1000, 5000, 20_000];
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 40);
const OPERATIONS = ['find', 'update', 'delete', 'insert'] as const;
type Operation = (typeof OPERATIONS)[number];

interface Variant {
  name: string;
  db: EmbeddedDatabase;
  connection: Connection;
  stored: number;
  ms: Record<Operation, number[]>;
}

async function variant(name: string, dataDir: string, idLookupIndex: boolean): Promise<Variant> {
  const db = await startFerretdb(path.join(dataDir, name), 'bench_writes', () => {}, { idLookupIndex });
  const connection = await mongoose.createConnection(db.uri).asPromise();
  await connection.collection('growing').insertOne({ _id: new Types.ObjectId(), status: 'first' });
  return { name, db, connection, stored: 1, ms: { find: [], update: [], delete: [], insert: [] } };
}

/** Grows the collection to `size` documents, then times each operation on a sample of them. */
async function measure(v: Variant, size: number): Promise<void> {
  const coll = v.connection.collection('growing');
  while (v.stored < size) {
    const batch = Math.min(1000, size - v.stored);
    await coll.insertMany(
      Array.from({ length: batch }, (_, i) => ({
        _id: new Types.ObjectId(),
        key: `k${v.stored + i}`,
        status: 'sent',
        data: { text: 'x'.repeat(400) },
      })),
    );
    v.stored += batch;
  }
  const ids = (
    await coll
      .find({}, { projection: { _id: 1 } })
      .limit(SAMPLE * 2)
      .toArray()
  ).map((d) => d._id as Types.ObjectId);
  const time = async (list: Types.ObjectId[], fn: (id: Types.ObjectId) => Promise<unknown>) => {
    const start = performance.now();
    for (const id of list) await fn(id);
    return (performance.now() - start) / list.length;
  };
  v.ms.find.push(await time(ids, (id) => coll.findOne({ _id: id })));
  v.ms.update.push(await time(ids, (id) => coll.updateOne({ _id: id }, { $set: { status: 'read' } })));
  v.ms.delete.push(await time(ids.slice(0, SAMPLE), (id) => coll.deleteOne({ _id: id })));
  v.ms.insert.push(
    await time(ids.slice(0, SAMPLE), () => coll.insertOne({ _id: new Types.ObjectId(), status: 'new' })),
  );
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'procurement-bench-writes-'));
  const variants = [await variant('as-built', dataDir, false), await variant('with-index', dataDir, true)];
  await new Promise((r) => setTimeout(r, 1500)); // the index is added within half a second of a new collection
  try {
    for (const size of SIZES) {
      for (const v of variants) await measure(v, size);
      console.error(`measured at ${size} documents`);
    }
    const [base, ours] = variants as [Variant, Variant];
    console.log('\nFerretDB (SQLite), one operation by _id: ms as built / with the lookup index (ratio)\n');
    console.log(row(['operation', ...SIZES.map((s) => `${s} documents`), 'growth 1 000 → 20 000']));
    console.log(row(['---', ...SIZES.map(() => '---'), '---']));
    for (const op of OPERATIONS) {
      const b = base.ms[op];
      const o = ours.ms[op];
      const cells = SIZES.map(
        (_, i) =>
          `${(b[i] as number).toFixed(2)} / ${(o[i] as number).toFixed(2)} (${((b[i] as number) / (o[i] as number)).toFixed(1)}×)`,
      );
      const growth = (ms: number[]) => ((ms.at(-1) as number) / (ms[0] as number)).toFixed(1);
      console.log(row([op, ...cells, `${growth(b)}× / ${growth(o)}×`]));
    }
  } finally {
    for (const v of variants) {
      await v.connection.close();
      await v.db.stop();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
