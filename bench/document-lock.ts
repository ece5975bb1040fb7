/**
 * What the per-document Redis lock costs: an update through `changeDocument` (lock, read, conditional
 * write, unlock) against a plain `updateOne` on the same database, side by side, as a ratio.
 * `npm run bench` (builds first). Uses its own FerretDB (or MONGODB_URI) and the local Redis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Types } from 'mongoose';
import { loadConfig } from '../server/config.js';
import { Consortium } from '../server/consortia/consortium.model.js';
import { startEmbeddedServices } from '../server/embedded/services.js';
import { startPlatform } from '../server/platform.js';
import { changeDocument } from '../server/revision.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

async function timed(label: string, fn: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) await fn(i);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${label.padEnd(40)} ${(ms / ROUNDS).toFixed(3)} ms/update  (${ROUNDS} updates)`);
  return ms;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'procurement-bench-'));
  const services = await startEmbeddedServices(
    loadConfig({ ...process.env, DATA_DIR: dataDir, QUEUE_PREFIX: 'bench' }),
    {
      database: 'bench',
      log: () => {},
    },
  );
  const platform = await startPlatform(services.config);
  try {
    const make = async () =>
      String(
        (
          await Consortium.create({
            name: `bench ${new Types.ObjectId()}`,
            coordinatorId: new Types.ObjectId(),
            members: [{ organisationId: new Types.ObjectId(), contributionCents: 1, status: 'member' }],
          })
        )._id,
      );
    const [a, b] = [await make(), await make()];
    // Warm up both paths once, then alternate the runs so drift hits both alike.
    await Consortium.updateOne({ _id: a }, { $set: { name: 'warm a' } });
    await changeDocument(Consortium, b, 'c', () => ({ set: { name: 'warm b' } }));
    let plain = 0;
    let locked = 0;
    for (let run = 0; run < 3; run++) {
      plain += await timed(`plain updateOne (run ${run + 1})`, (i) =>
        Consortium.updateOne({ _id: a }, { $set: { name: `p${i}` }, $inc: { rev: 1 } }),
      );
      locked += await timed(`changeDocument with lock (run ${run + 1})`, (i) =>
        changeDocument(Consortium, b, 'c', () => ({ set: { name: `l${i}` } })),
      );
    }
    console.log(`\nratio locked / plain: ${(locked / plain).toFixed(2)}×`);
  } finally {
    await platform.close();
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
