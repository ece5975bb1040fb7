import path from 'node:path';
import type { Config } from '../config.js';
import type { ResolvedConfig } from '../platform.js';
import { type EmbeddedDatabase, startFerretdb } from './ferretdb.js';
import { MailCatcher } from './mail-catcher.js';
import { type EmbeddedRedis, redisAnswers, startRedis } from './redis.js';

const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

export interface EmbeddedServices {
  config: ResolvedConfig;
  /** Set when mail goes to the built-in catcher. */
  mailCatcher?: MailCatcher;
  started: string[];
  stop(): Promise<void>;
}

/**
 * Fills in every service the settings leave unset: FerretDB on SQLite, a Redis server when none
 * answers at the default address, and the mail catcher. Set services are used as they are.
 */
export async function startEmbeddedServices(
  config: Readonly<Config>,
  opts: { database?: string; log?: (m: string) => void } = {},
): Promise<EmbeddedServices> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const started: string[] = [];
  let database: EmbeddedDatabase | undefined;
  let redis: EmbeddedRedis | undefined;
  let mailCatcher: MailCatcher | undefined;
  const stop = async () => {
    await mailCatcher?.stop();
    await redis?.stop();
    await database?.stop();
  };
  try {
    let mongodbUri = config.mongodbUri;
    if (!mongodbUri) {
      database = await startFerretdb(
        path.join(config.dataDir, 'ferretdb'),
        opts.database ?? 'procurement',
        log,
      );
      mongodbUri = database.uri;
      started.push(
        `database: FerretDB on SQLite at ${mongodbUri} (files in ${path.join(config.dataDir, 'ferretdb')})`,
      );
    }
    let redisUrl = config.redisUrl ?? DEFAULT_REDIS;
    if (!(await redisAnswers(redisUrl))) {
      if (config.redisUrl) throw new Error(`Redis does not answer at REDIS_URL=${config.redisUrl}`);
      redis = await startRedis(path.join(config.dataDir, 'redis'));
      redisUrl = redis.url;
      started.push(`redis: redis-server at ${redisUrl}`);
    }
    let smtpUrl = config.smtpUrl;
    if (!smtpUrl) {
      mailCatcher = await new MailCatcher(path.join(config.dataDir, 'mail')).start();
      smtpUrl = mailCatcher.url;
      started.push(
        `mail: caught at ${smtpUrl}, readable at ${config.publicUrl}/dev/mail and in ${path.join(config.dataDir, 'mail')}`,
      );
    }
    return {
      config: Object.freeze({ ...config, mongodbUri, redisUrl, smtpUrl }),
      mailCatcher,
      started,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
