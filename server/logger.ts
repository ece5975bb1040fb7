import { pino } from 'pino';

/** The process's structured JSON logger; the level comes from LOG_LEVEL. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'procurement' },
  redact: ['req.headers.authorization', 'password', '*.password'],
});
