/**
 * What one operation by `_id` costs on the embedded FerretDB (SQLite) as a collection grows: find,
 * update, delete and insert of one document, at 1 000, 5 000 and 20 000 documents, each as a ratio
 * to its own cost at 1 000. A ratio near 1 is a cost that stays flat as the data grows; a ratio that
 * follows the size is a scan of the whole collection. `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { startFerretdb } from '../server/embedded/ferretdb.js';
import { row } from './support.js';

const SIZES = [1000, 5000, 20_000];
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 40);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'procurement-bench-writes-'));
  const db = await startFerretdb(dataDir, 'bench_writes', () => {});
  const connection = await mongoose.createConnection(db.uri).asPromise();
  try {
    const coll = connection.collection('growing');
    const table: Record<string, number[]> = { find: [], update: [], delete: [], insert: [] };
    let stored = 0;
    for (const size of SIZES) {
      while (stored < size) {
        const batch = Math.min(1000, size - stored);
        await coll.insertMany(
          Array.from({ length: batch }, (_, i) => ({
            _id: new Types.ObjectId(),
            key: `k${stored + i}`,
            status: 'sent',
            data: { text: 'x'.repeat(400) },
          })),
        );
        stored += batch;
      }
      const ids = (
        await coll
          .find({}, { projection: { _id: 1 } })
          .limit(SAMPLE * 2)
          .toArray()
      ).map((d) => d._id);
      const time = async (
        fn: (id: Types.ObjectId, i: number) => Promise<unknown>,
        list: Types.ObjectId[],
      ) => {
        const start = performance.now();
        for (const [i, id] of list.entries()) await fn(id as Types.ObjectId, i);
        return (performance.now() - start) / list.length;
      };
      table.find?.push(await time((id) => coll.findOne({ _id: id }), ids));
      table.update?.push(await time((id) => coll.updateOne({ _id: id }, { $set: { status: 'read' } }), ids));
      table.delete?.push(await time((id) => coll.deleteOne({ _id: id }), ids.slice(0, SAMPLE)));
      table.insert?.push(
        await time(() => coll.insertOne({ _id: new Types.ObjectId(), status: 'new' }), ids.slice(0, SAMPLE)),
      );
      console.error(`measured at ${size} documents`);
    }
    console.log('\nFerretDB (SQLite) one operation by _id, ms (ratio to its cost at 1 000 documents)\n');
    console.log(row(['operation', ...SIZES.map((s) => `${s} documents`)]));
    console.log(row(['---', ...SIZES.map(() => '---')]));
    for (const [op, ms] of Object.entries(table)) {
      const base = ms[0] as number;
      console.log(row([op, ...ms.map((m) => `${m.toFixed(2)} (${(m / base).toFixed(1)}×)`)]));
    }
  } finally {
    await connection.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
