import type { Redis } from 'ioredis';
import { logger } from './logger.js';
import type { QueueName } from './queues.js';

// A rush (the minutes before a submission deadline): while an API process has many requests in
// flight, the follow-up work of what they stored (the receipts' drains, the notices, the audit
// links) yields to the answers, which the vendors are waiting for; each answer already carries the
// receipt's time and digest, and the e-mail follows. Yielding is bounded: a job waits at most
// `maxYieldMs` after it was queued, however long the rush lasts.

/** The queues that yield: what follows a stored change. Deadlines, documents and TED never wait. */
export const YIELDING_QUEUES: readonly QueueName[] = ['effects', 'notices', 'audit'];

export interface RushSettings {
  /** Requests in flight in one API process from which it marks a rush. */
  inFlight: number;
  /** The longest a follow-up waits for a rush to end; 0: none ever does. */
  maxYieldMs: number;
}

/** How long a mark lasts, and how often a busy API renews it at most. */
const MARK_MS = 500;
const RENEW_MS = 100;
/** How often the workers look for the mark; a job that yields is offered again after `RETRY_MS`. */
const CHECK_MS = 100;
export const RETRY_MS = 200;

const rushKey = (prefix: string) => `${prefix}:rush`;

/**
 * The API's side: marks a rush in Redis while `settings.inFlight` requests or more are under way in
 * this process (a few writes a second at most, whatever the traffic). A failure to mark is logged:
 * the requests go on, and the follow-ups simply do not yield.
 */
export function rushMarker(redis: Redis, prefix: string, settings: RushSettings): (inFlight: number) => void {
  let markedAt = 0;
  return (inFlight) => {
    if (settings.maxYieldMs <= 0 || inFlight < settings.inFlight) return;
    const now = Date.now();
    if (now - markedAt < RENEW_MS) return;
    markedAt = now;
    redis.set(rushKey(prefix), String(now), 'PX', MARK_MS).catch((err) => {
      logger.warn({ err }, 'a rush could not be marked; the follow-ups do not yield');
    });
  };
}

/**
 * The workers' side: watches for a rush's mark (a few reads a second), and says whether a job of a
 * yielding queue waits: while a rush is marked, for at most `settings.maxYieldMs` after it was
 * queued. Without Redis's answer nothing waits: yielding is never a reason for work to stop.
 */
export class RushWatch {
  private marked = false;
  private checking = false;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly settings: RushSettings,
  ) {
    if (settings.maxYieldMs <= 0) return;
    this.timer = setInterval(() => void this.check(), CHECK_MS);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    this.marked = await this.redis.exists(rushKey(this.prefix)).then(
      (n) => n === 1,
      () => false,
    );
    this.checking = false;
  }

  /** True when `job` (of a yielding queue) should wait a moment: a rush is on and it is young enough. */
  yields(queue: QueueName, job: { timestamp: number }): boolean {
    return (
      this.marked && YIELDING_QUEUES.includes(queue) && Date.now() - job.timestamp < this.settings.maxYieldMs
    );
  }

  stop(): void {
    clearInterval(this.timer);
    this.marked = false;
  }
}
