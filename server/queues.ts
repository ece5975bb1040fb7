import { type ConnectionOptions, type JobsOptions, Queue } from 'bullmq';
import type { FromSchema } from 'json-schema-to-ts';
import type { jobSchemas } from '../schemas/jobs.js';
import { logger } from './logger.js';

/**
 * The one list of queues and of the jobs each carries.
 * Renaming a queue or a job stalls the jobs already queued under the old name: add, never rename.
 */
export const queueOfJob = {
  'send-notice': 'notices',
  'drain-effects': 'effects',
  'close-call': 'deadlines',
  'close-resolution': 'deadlines',
  'open-tender': 'deadlines',
  'end-standstill': 'deadlines',
  'request-due': 'deadlines',
  'generate-contract': 'documents',
  reconcile: 'maintenance',
  'link-audit': 'audit',
  'validate-notice': 'publication',
  'submit-notice': 'ted',
  'follow-notice': 'ted',
} as const satisfies Record<keyof typeof jobSchemas, string>;

export type JobName = keyof typeof queueOfJob;
export type QueueName = (typeof queueOfJob)[JobName];
/** The payload of each job, as its schema describes it. */
export interface JobPayloads {
  'send-notice': FromSchema<(typeof jobSchemas)['send-notice']>;
  'drain-effects': FromSchema<(typeof jobSchemas)['drain-effects']>;
  'close-call': FromSchema<(typeof jobSchemas)['close-call']>;
  'close-resolution': FromSchema<(typeof jobSchemas)['close-resolution']>;
  'open-tender': FromSchema<(typeof jobSchemas)['open-tender']>;
  'end-standstill': FromSchema<(typeof jobSchemas)['end-standstill']>;
  'request-due': FromSchema<(typeof jobSchemas)['request-due']>;
  'generate-contract': FromSchema<(typeof jobSchemas)['generate-contract']>;
  reconcile: FromSchema<(typeof jobSchemas)['reconcile']>;
  'link-audit': FromSchema<(typeof jobSchemas)['link-audit']>;
  'validate-notice': FromSchema<(typeof jobSchemas)['validate-notice']>;
  'submit-notice': FromSchema<(typeof jobSchemas)['submit-notice']>;
  'follow-notice': FromSchema<(typeof jobSchemas)['follow-notice']>;
}
export type JobData<N extends JobName> = JobPayloads[N];
export const queueNames = [...new Set(Object.values(queueOfJob))] as QueueName[];

/** Retries with exponential backoff; finished jobs are dropped, failed ones kept for inspection. */
export const defaultJobOptions: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: { count: 1000 },
};

/** Redis connection options from a URL; producers fail fast, workers wait for Redis forever. */
export function redisConnection(url: string, role: 'producer' | 'worker'): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    ...(role === 'worker' ? { maxRetriesPerRequest: null } : { enableOfflineQueue: false }),
  };
}

/** The producers of every queue, opened once per process. */
export class Queues {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly connection: ConnectionOptions,
    readonly prefix: string,
  ) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions });
      queue.on('error', () => {}); // surfaced by /readyz; an unhandled 'error' would kill the process
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Adds a job; a deterministic `jobId` makes the add a no-op while that job is still queued.
   * BullMQ also ignores the add while a *failed* job keeps that id, so a repair (the reconciler, an
   * officer's resend) passes `replaceFailed`: the spent job is removed and the work queued afresh.
   */
  async add<N extends JobName>(
    name: N,
    data: JobData<N>,
    opts: JobsOptions & { replaceFailed?: boolean } = {},
  ): Promise<string> {
    const queue = this.queue(queueOfJob[name]);
    const { replaceFailed, ...jobOpts } = opts;
    if (replaceFailed && jobOpts.jobId) {
      const spent = await queue.getJob(jobOpts.jobId);
      if (spent && (await spent.isFailed())) await spent.remove();
    }
    // BullMQ's generics cannot follow the payload union; the payload is checked by its schema in the worker.
    const add = queue.add.bind(queue) as (
      name: string,
      data: unknown,
      opts: JobsOptions,
    ) => Promise<{ id?: string }>;
    const job = await add(name, data, jobOpts);
    return job.id ?? '';
  }

  /**
   * Adds a job after its state change is stored: a queue that cannot be reached must not turn the
   * stored change into an error. The reconciler queues what this could not; returns whether it was queued.
   */
  async addAfterWrite<N extends JobName>(
    name: N,
    data: JobData<N>,
    opts: JobsOptions & { replaceFailed?: boolean } = {},
  ): Promise<boolean> {
    try {
      await this.add(name, data, opts);
      return true;
    } catch (err) {
      logger.warn({ err, job: name }, 'could not queue the job; the reconciler will');
      return false;
    }
  }

  /**
   * Adds many jobs of one kind in one Redis round trip, after their state change is stored (see
   * `addAfterWrite`); each keeps its deterministic id. Returns whether they were queued.
   */
  async addBulkAfterWrite<N extends JobName>(
    name: N,
    jobs: { data: JobData<N>; jobId: string }[],
  ): Promise<boolean> {
    if (!jobs.length) return true;
    try {
      await this.queue(queueOfJob[name]).addBulk(
        jobs.map((j) => ({ name, data: j.data, opts: { jobId: j.jobId } })),
      );
      return true;
    } catch (err) {
      logger.warn({ err, job: name, count: jobs.length }, 'could not queue the jobs; the reconciler will');
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
