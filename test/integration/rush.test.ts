import { Queue, Worker } from 'bullmq';
import { expect } from 'chai';
import { redisConnection } from '../../server/queues.js';
import { RETRY_MS, RushWatch, rushMarker } from '../../server/rush.js';
import { eventually, harness } from '../support/harness.js';

// A rush marked by a busy API makes follow-up workers yield, never for longer than their bound, and
// only while the API is busy: on the suite's Redis, with a queue of this test's own.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('follow-ups yield to a rush', () => {
  it('when an API has many requests in flight, then follow-ups wait, at most their bound, and run once the rush ends', async function () {
    this.timeout(30_000);
    const h = harness();
    const prefix = `${h.env.QUEUE_PREFIX}-rush`;
    const settings = { inFlight: 8, maxYieldMs: 1_500 };
    const connection = redisConnection(String(h.env.REDIS_URL), 'worker');
    // A worker of the notices' queue (one that yields) as the platform's workers run it.
    const queue = new Queue('notices', { connection, prefix });
    const ranAt = new Map<string, number>();
    const rush = new RushWatch(h.platform.redis, prefix, settings);
    const worker: Worker = new Worker(
      'notices',
      async (job) => {
        if (rush.yields('notices', job)) {
          await worker.rateLimit(RETRY_MS);
          throw Worker.RateLimitError();
        }
        ranAt.set(job.name, Date.now());
      },
      { connection, prefix },
    );
    const mark = rushMarker(h.platform.redis, prefix, settings);
    let marking = false;
    let marker: Promise<void> = Promise.resolve();
    try {
      // A quiet API marks nothing, and the follow-ups run at once.
      mark(settings.inFlight - 1);
      await queue.add('quiet', {});
      await eventually(() => ranAt.has('quiet'), 5_000);

      // A busy one: a follow-up waits while the rush lasts, but no longer than the bound.
      marking = true;
      marker = (async () => {
        while (marking) {
          mark(settings.inFlight);
          await sleep(50);
        }
      })();
      await sleep(300);
      const queuedAt = Date.now();
      await queue.add('in the rush', {});
      await sleep(500);
      expect(ranAt.has('in the rush'), 'ran during the rush').to.equal(false);
      const ran = await eventually(() => ranAt.get('in the rush'), 10_000);
      expect(marking, 'the rush was still on when it ran').to.equal(true);
      expect(ran - queuedAt).to.be.below(settings.maxYieldMs + 2_000);

      // Once the API is quiet again, what waits runs within the mark's second.
      await sleep(200);
      await queue.add('after', {});
      marking = false;
      await marker;
      const stoppedAt = Date.now();
      const after = await eventually(() => ranAt.get('after'), 10_000);
      expect(after - stoppedAt).to.be.below(3_000);
    } finally {
      marking = false;
      await marker;
      rush.stop();
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
