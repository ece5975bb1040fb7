import { Router } from 'express';
import type { Redis } from 'ioredis';
import { databaseIsReady } from '../db.js';
import { smtpIsReady } from '../mail.js';

/** /healthz (the process is alive) and /readyz (the database, Redis and SMTP answer). */
export function healthRoutes(deps: { redis: Redis; smtpUrl: string | undefined }) {
  return Router()
    .get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    })
    .get('/readyz', async (_req, res) => {
      const [database, redis, smtp] = await Promise.all([
        databaseIsReady(),
        deps.redis
          .ping()
          .then((r) => r === 'PONG')
          .catch(() => false),
        deps.smtpUrl ? smtpIsReady(deps.smtpUrl) : Promise.resolve(false),
      ]);
      const checks = { database, redis, smtp };
      const ready = database && redis && smtp;
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', checks });
    });
}
