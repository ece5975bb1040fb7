import { ConfigError, loadConfig } from '../server/config.js';
import { logger } from '../server/logger.js';
import { type ResolvedConfig, startPlatform } from '../server/platform.js';
import { startWorkers } from './run.js';

/** The worker process: `npm run worker` alone (with MONGODB_URI, REDIS_URL, SMTP_URL), or started by `npm start`. */
async function main(): Promise<void> {
  const config = loadConfig();
  const missing = (['mongodbUri', 'redisUrl', 'smtpUrl'] as const).filter((k) => !config[k]);
  if (missing.length) {
    throw new ConfigError(
      missing.map((k) => `${k.replace(/([A-Z])/g, '_$1').toUpperCase()} is required to run a worker alone`),
    );
  }
  const platform = await startPlatform(config as ResolvedConfig);
  const workers = await startWorkers(platform);
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ why }, 'worker stopping');
    await workers.close();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Started by `npm start`: stop with the parent, whatever way it ends.
  process.on('disconnect', () => void stop('parent gone'));
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else logger.fatal({ err }, 'worker failed to start');
  process.exit(1);
});
