import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureFirstAdmin } from '../accounts/accounts.service.js';
import { createApp } from '../app.js';
import type { Config } from '../config.js';
import { httpServerFor } from '../http/load-shedding.js';
import { type Platform, startPlatform } from '../platform.js';

interface Workers {
  close(): Promise<void>;
}

import { type EmbeddedServices, startEmbeddedServices } from './services.js';

export interface Standalone {
  baseUrl: string;
  services: EmbeddedServices;
  platform: Platform;
  startWorkers(): Promise<void>;
  stopWorkers(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole platform in one process — embedded services, API on a free loopback port, workers —
 * for the test suite and the demo, which both need it up and down again in one run.
 */
export async function startStandalone(
  settings: Readonly<Config>,
  opts: {
    database: string;
    log?: (m: string) => void;
    /** The worker entry (workers/run.ts), passed in so the server does not depend on the workers. */
    startWorkers: (platform: Platform) => Promise<Workers>;
  },
): Promise<Standalone> {
  const { startWorkers } = opts;
  const services = await startEmbeddedServices(settings, opts);
  const platform = await startPlatform(services.config);
  await ensureFirstAdmin(services.config.admin);
  const app = createApp({
    config: services.config,
    queues: platform.queues,
    redis: platform.redis,
    loginLimiter: platform.loginLimiter,
  });
  const server: Server = await new Promise((resolve) => {
    const s = httpServerFor(app, services.config.deadlines).listen(0, '127.0.0.1', () => resolve(s));
  });
  let workers: Workers | undefined = await startWorkers(platform);
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    services,
    platform,
    async startWorkers() {
      workers ??= await startWorkers(platform);
    },
    async stopWorkers() {
      await workers?.close();
      workers = undefined;
    },
    async close() {
      await workers?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await platform.close();
      await services.stop();
    },
  };
}
