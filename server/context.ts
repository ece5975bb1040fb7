import type { Redis } from 'ioredis';
import type { Config } from './config.js';
import type { Queues } from './queues.js';

/** What every use-case may reach besides the database: the settings and the queue producers. */
export interface Context {
  config: Readonly<Config>;
  queues: Queues;
  /** For locks and rate limits shared by every instance. */
  redis: Redis;
}

let current: Context | undefined;

/** Set once by the process entry (API, worker or test harness) after connecting. */
export function setContext(ctx: Context | undefined): void {
  current = ctx;
}

/** The process's context; using it before start-up is a programming error. */
export function context(): Context {
  if (!current) throw new Error('The platform context is used before start-up set it.');
  return current;
}
