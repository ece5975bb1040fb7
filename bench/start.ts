/**
 * A warm start: `node dist/server/main.js` (what `npm start` runs once built) until /readyz answers
 * 200, against the floor of bench/start-floor.ts (the same FerretDB binary, the driver, Redis and
 * Express listening), run in turns. Both keep their data between rounds, as a restart does.
 * `ROUNDS` (default 5).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../server/embedded/processes.js';
import { projectRoot } from '../server/paths.js';
import { row } from './support.js';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;

/** Starts a process and answers how long until its /readyz said 200, and what it logged. */
async function timeToReady(script: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; log: string }> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'dist', script)], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (b: Buffer) => {
    log += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    log += b.toString();
  });
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    if (performance.now() - started > 120_000) throw new Error(`${script} was not ready in 2 min:\n${log}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - started;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { ms, log };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-start-'));
const platformEnv = {
  DATA_DIR: path.join(dir, 'platform'),
  LOG_LEVEL: 'info',
  ADMIN_EMAIL: 'admin@bench.test',
  ADMIN_PASSWORD: 'bench-admin-password',
  QUEUE_PREFIX: `bench-start-${process.pid}`,
};
const floorEnv = { FLOOR_DATA: path.join(dir, 'floor') };
try {
  // A first start of each makes their files (and the platform's first admin): then only warm starts count.
  await timeToReady('server/main.js', platformEnv);
  await timeToReady('bench/start-floor.js', floorEnv);
  const platform: number[] = [];
  const floor: number[] = [];
  let phases = '';
  for (let i = 0; i < ROUNDS; i++) {
    const f = await timeToReady('bench/start-floor.js', floorEnv);
    floor.push(f.ms);
    const p = await timeToReady('server/main.js', platformEnv);
    platform.push(p.ms);
    const logged = /"phases":(\{[^}]*\})/.exec(p.log)?.[1];
    if (logged) phases = logged;
  }
  console.log('\nWarm start to /readyz 200, median of', ROUNDS, 'rounds in turns');
  console.log(row(['', 'floor', 'platform', 'ratio (floor / platform)']));
  console.log(row(['---', '---', '---', '---']));
  console.log(
    row([
      'ms',
      median(floor).toFixed(0),
      median(platform).toFixed(0),
      (median(floor) / median(platform)).toFixed(2),
    ]),
  );
  console.log(
    `rounds: floor ${floor.map((v) => v.toFixed(0)).join(', ')}; platform ${platform.map((v) => v.toFixed(0)).join(', ')}`,
  );
  console.log(
    `the platform's last start, ms since its process began (modules loaded, services, database, listening): ${phases}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
