import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { jobSchemas } from '../schemas/jobs.js';
import { logger } from '../server/logger.js';
import type { Platform } from '../server/platform.js';
import { closeNoticeValidator } from '../server/publication/eforms.service.js';
import { type JobName, type QueueName, queueNames, queueOfJob, redisConnection } from '../server/queues.js';
import { RETRY_MS, RushWatch } from '../server/rush.js';
import { fieldErrors, validatorFor } from '../server/validation.js';
import { composeFollowUps } from './follow-ups.js';
import { processors } from './processors.js';

export interface Workers {
  close(): Promise<void>;
}

/** Every job name has exactly one processor and one payload schema, or the worker refuses to start. */
function checkProcessors(): void {
  const names = Object.keys(queueOfJob);
  const missing = names.filter((n) => !(n in processors) || !(n in jobSchemas));
  const extra = Object.keys(processors).filter((n) => !names.includes(n));
  if (missing.length || extra.length) {
    throw new Error(
      `Job processors out of step: missing ${missing.join(', ') || '-'}, unknown ${extra.join(', ') || '-'}`,
    );
  }
}

async function dispatch(job: Job): Promise<unknown> {
  const name = job.name as JobName;
  const processor = processors[name] as ((data: unknown, job: Job) => Promise<unknown>) | undefined;
  if (!processor) throw new UnrecoverableError(`Unknown job ${job.name}`);
  const validate = validatorFor(jobSchemas[name]);
  if (!validate(job.data)) {
    throw new UnrecoverableError(`Bad payload for ${name}: ${JSON.stringify(fieldErrors(validate.errors))}`);
  }
  return processor(job.data, job);
}

/**
 * Jobs in hand at once per queue and process. A notice mostly waits on the mail server and on its
 * record as sent (written with others, see `sending.ts`), so many go at once and the pooled
 * transport keeps its connections busy (48: fewer slow fan-outs than at 16). Follow-ups (effects) go two at a
 * time: in a deadline rush they would otherwise take the database from the requests they follow
 * (measured: about a fifth more bids answered per second than at four); more workers drain more.
 * The audit appender runs alone anyway. In a rush, effects, notices and audit links yield to the
 * API's answers for a few seconds (`server/rush.ts`).
 */
const concurrencyOf: Partial<Record<QueueName, number>> = {
  notices: 48,
  audit: 1,
  effects: 2,
  publication: 2,
  ted: 2,
};

/** Starts one BullMQ worker per queue and the periodic reconciler. */
export async function startWorkers(
  platform: Platform,
  opts: { concurrency?: number } = {},
): Promise<Workers> {
  checkProcessors();
  composeFollowUps();
  const { config } = platform;
  const connection = redisConnection(config.redisUrl, 'worker');
  const rush = new RushWatch(platform.redis, config.queuePrefix, config.rush);
  const workers = queueNames.map((queue) => {
    // A follow-up offered during a rush goes back to wait (not an attempt), and the queue pauses a moment.
    const processor = async (job: Job) => {
      if (!rush.yields(queue, job)) return dispatch(job);
      await worker.rateLimit(RETRY_MS);
      throw Worker.RateLimitError();
    };
    const worker: Worker = new Worker(queue, processor, {
      connection,
      prefix: config.queuePrefix,
      concurrency: opts.concurrency ?? concurrencyOf[queue] ?? 4,
      lockDuration: config.jobLockMs,
      stalledInterval: config.jobLockMs,
    });
    worker.on('error', (err) => logger.error({ err, queue }, 'worker error'));
    worker.on('failed', (job, err) =>
      logger.warn(
        { queue, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
        'job failed',
      ),
    );
    return worker;
  });
  await platform.queues
    .queue('maintenance')
    .upsertJobScheduler('reconciler', { every: config.reconcileEveryMs }, { name: 'reconcile', data: {} });
  logger.info({ queues: queueNames }, 'workers started');
  return {
    async close() {
      // Finishes the jobs in hand; anything not finished is handed back when its lock expires.
      rush.stop();
      await Promise.all(workers.map((w) => w.close()));
      closeNoticeValidator();
    },
  };
}
