import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { freePort } from '../../server/embedded/processes.js';
import { projectRoot } from '../../server/paths.js';
import { call } from '../support/api.js';
import { harness } from '../support/harness.js';

/** The pids of a process's descendants, from /proc. */
function descendants(pid: number): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=']).toString();
  const pairs = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of pairs) {
      if (parent === p) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('operations', () => {
  it('when /healthz is asked, then it answers ok', async () => {
    const res = await call('GET', '/healthz');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: 'ok' });
  });

  it('when /readyz is asked with every service up, then database, Redis and SMTP are checked', async () => {
    const res = await call('GET', '/readyz');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: 'ready', checks: { database: true, redis: true, smtp: true } });
  });

  it('when the production settings lack the database, SMTP and secrets, then the process refuses to start naming each', () => {
    const result = (() => {
      try {
        execFileSync(process.execPath, [path.join(projectRoot, 'dist', 'server', 'main.js')], {
          env: { PATH: process.env.PATH, NODE_ENV: 'production' },
          stdio: 'pipe',
          timeout: 20_000,
        });
        return { status: 0, stderr: '' };
      } catch (err) {
        const e = err as { status: number; stderr: Buffer };
        return { status: e.status, stderr: e.stderr.toString() };
      }
    })();
    expect(result.status).to.equal(1);
    for (const name of ['MONGODB_URI', 'SMTP_URL', 'JWT_SECRET', 'BID_ENCRYPTION_KEY']) {
      expect(result.stderr).to.include(`${name} is required in production`);
    }
  });

  it('when `npm start` gets SIGTERM, then the API, the worker and the embedded database all stop', async function () {
    this.timeout(120_000);
    const port = await freePort();
    const { env } = harness();
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'server', 'main.js')], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        XDG_CACHE_HOME: process.env.XDG_CACHE_HOME,
        PORT: String(port),
        DATA_DIR: path.join(env.DATA_DIR as string, 'start-test'),
        REDIS_URL: env.REDIS_URL,
        QUEUE_PREFIX: `${env.QUEUE_PREFIX}-start`,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => {
      output += c;
    });
    child.stderr.on('data', (c) => {
      output += c;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 90_000;
    while (!output.includes('Stop with Ctrl+C') && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output).to.include(`http://localhost:${port}/api/v1`);
    expect(output).to.match(/admin: +admin@example\.org \/ \S+/);
    expect(output).to.include('/dev/mail');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).to.equal(200);
    const children = descendants(child.pid as number);
    expect(children.length, 'the worker and FerretDB run as children').to.be.at.least(2);

    child.kill('SIGTERM');
    expect(await exited).to.equal(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(children.filter(alive), 'processes left behind').to.deep.equal([]);
  });
});
