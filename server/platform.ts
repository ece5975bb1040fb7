import { Redis } from 'ioredis';
import { LoginLimiter } from './accounts/login-limiter.js';
import type { Config } from './config.js';
import { type Context, setContext } from './context.js';
import { connectDatabase, disconnectDatabase } from './db.js';
import { logger } from './logger.js';
import { closeMailTransport } from './mail.js';
import { Queues, redisConnection } from './queues.js';

/** The settings once the embedded services have filled in the service URLs. */
export type ResolvedConfig = Readonly<Config & { mongodbUri: string; redisUrl: string; smtpUrl: string }>;

export interface Platform extends Context {
  config: ResolvedConfig;
  redis: Redis;
  loginLimiter: LoginLimiter;
  close(): Promise<void>;
}

/** Connects a process (API, worker or test) to the database, Redis and the queues, and sets the context. */
export async function startPlatform(config: ResolvedConfig): Promise<Platform> {
  logger.level = config.logLevel;
  await connectDatabase(config.mongodbUri);
  const queues = new Queues(redisConnection(config.redisUrl, 'producer'), config.queuePrefix);
  const redis = new Redis(config.redisUrl, {
    enableOfflineQueue: true,
    maxRetriesPerRequest: 2,
    enableAutoPipelining: true,
  });
  redis.on('error', () => {}); // /readyz reports it
  const loginLimiter = new LoginLimiter(redis, config.queuePrefix);
  const platform: Platform = {
    config,
    queues,
    redis,
    loginLimiter,
    async close() {
      await queues.close();
      redis.disconnect();
      closeMailTransport();
      await disconnectDatabase();
      setContext(undefined);
    },
  };
  setContext(platform);
  return platform;
}
