/** What every benchmark shares: a platform in this process, timing of rounds, and the table of ratios. */

import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { type Standalone, startStandalone } from '../server/embedded/standalone.js';
import { projectRoot } from '../server/paths.js';
import type { Platform } from '../server/platform.js';
import { startWorkers, type Workers } from '../workers/run.js';

/**
 * The workers in a process of their own, beside the API, as `npm start` runs them; it reads the
 * same settings (and the same generated secrets, from the same data folder).
 */
async function forkedWorkers(platform: Platform): Promise<Workers> {
  const c = platform.config;
  const child = fork(path.join(projectRoot, 'dist', 'workers', 'main.js'), [], {
    env: {
      ...process.env,
      NODE_ENV: c.env,
      DATA_DIR: c.dataDir,
      QUEUE_PREFIX: c.queuePrefix,
      MONGODB_URI: c.mongodbUri,
      REDIS_URL: c.redisUrl,
      SMTP_URL: c.smtpUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    },
    stdio: 'inherit',
  });
  return {
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The whole platform (embedded FerretDB, Redis, mail catcher, API on a free port, workers) in a fresh
 * folder; the workers in this process, or in their own as `npm start` runs them with
 * `BENCH_WORKERS=process` (on two cores they then compete with the API for the CPU and the one
 * SQLite writer during a round, and the API answers fewer requests).
 */
export async function benchPlatform(name: string): Promise<Standalone & { dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `procurement-bench-${name}-`));
  const standalone = await startStandalone(
    loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      QUEUE_PREFIX: `bench-${name}-${process.pid}`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      MIN_TENDER_PERIOD: 'PT0S',
      MIN_STANDSTILL_PERIOD: 'PT0S',
    }),
    {
      database: `bench_${name}`,
      startWorkers: process.env.BENCH_WORKERS === 'process' ? forkedWorkers : startWorkers,
      log: () => {},
    },
  );
  return Object.assign(standalone, {
    async dispose() {
      await standalone.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export interface LoadResult {
  ms: number;
  latencies: number[];
  statuses: number[];
}

/** Runs `count` requests, `concurrency` at a time; each answers its HTTP status. */
export async function load(
  count: number,
  concurrency: number,
  request: (i: number) => Promise<number>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        statuses.push(await request(i).catch(() => 599));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { ms: performance.now() - start, latencies, statuses };
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export const perSecond = (r: LoadResult) => (r.latencies.length * 1000) / r.ms;

/** min / median / max of a list of numbers, as text. */
export function spread(values: number[], digits = 2): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `${(sorted[0] ?? 0).toFixed(digits)} / ${median.toFixed(digits)} / ${(sorted.at(-1) ?? 0).toFixed(digits)}`;
}

/** A Markdown table row. */
export const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

/** POSTs JSON with a bearer token; answers the HTTP status. */
export async function post(url: string, token: string, body: unknown): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

/** POSTs a multipart form with a bearer token; answers the HTTP status. */
export async function postForm(url: string, token: string, form: FormData): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  await res.arrayBuffer();
  return res.status;
}

/** GETs with a bearer token; answers the HTTP status. */
export async function get(url: string, token: string): Promise<number> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  return res.status;
}

/** A bare Node HTTP server answering every POST with `handle(body)`: the floor a platform route is held against. */
export async function bareServer(handle: (body: unknown, url: string) => Promise<unknown>) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const answer = await handle(JSON.parse(Buffer.concat(chunks).toString('utf8')), req.url ?? '/');
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
