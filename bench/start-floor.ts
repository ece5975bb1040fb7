/**
 * The floor a start is measured against: the same FerretDB binary started on its own files, the
 * MongoDB driver connected to it, Redis pinged, and an Express app listening whose /readyz pings
 * both. Nothing of the platform: what any service on these parts needs to be ready.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import { ferretdbBinaryPath } from '../server/embedded/ferretdb.js';
import { freePort } from '../server/embedded/processes.js';

const dir = process.env.FLOOR_DATA ?? mkdtempSync(path.join(os.tmpdir(), 'start-floor-'));
const port = await freePort();
const ferret = spawn(ferretdbBinaryPath(), ['-listen', `127.0.0.1:${port}`, '-dir', dir], { stdio: 'pipe' });
await new Promise<void>((resolve) => {
  const onData = (b: Buffer) => {
    if (/^ready /m.test(b.toString())) resolve();
  };
  ferret.stdout?.on('data', onData);
  ferret.stderr?.on('data', onData);
});
const client = await new MongoClient(`mongodb://127.0.0.1:${port}/floor`).connect();
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
await redis.ping();
const app = express();
app.get('/readyz', async (_req, res) => {
  await Promise.all([client.db('floor').command({ ping: 1 }), redis.ping()]);
  res.json({ ready: true });
});
app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
const stop = () => {
  ferret.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
