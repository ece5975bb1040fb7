import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { type ChildService, freePort, spawnService, waitForLine } from './processes.js';

/** True when a Redis server answers PING at the URL. */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export interface EmbeddedRedis extends ChildService {
  url: string;
}

/** Starts `redis-server` on a free loopback port with its files under `dataDir`. */
export async function startRedis(dataDir: string): Promise<EmbeddedRedis> {
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const service = spawnService('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dataDir,
    '--save',
    '',
    '--appendonly',
    'yes',
    '--maxmemory-policy',
    'noeviction',
  ]);
  try {
    await waitForLine(service, /Ready to accept connections/, 15_000);
  } catch (err) {
    await service.stop();
    throw new Error(
      `Could not start redis-server (install Redis or set REDIS_URL): ${(err as Error).message}`,
    );
  }
  return { ...service, url: `redis://127.0.0.1:${port}` };
}
