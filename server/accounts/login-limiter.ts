import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';

/** Login attempts per email and address: 5 unsuccessful in 15 minutes, then 15 minutes' wait. Kept in Redis for every instance. */
export class LoginLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login-fail`,
      points: 5,
      duration: 15 * 60,
      blockDuration: 15 * 60,
      useRedisPackage: false,
    });
  }

  private key(email: string, ip: string): string {
    return `${email.trim().toLowerCase()}|${ip}`;
  }

  private tooMany(res: RateLimiterRes): AppError {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return new AppError(
      'too-many-login-failures',
      `Too many failed logins; try again in ${seconds} s.`,
      429,
      undefined,
      {
        'Retry-After': String(seconds),
      },
    );
  }

  /**
   * Counts an attempt before its password is checked, so that parallel guesses cannot all be
   * evaluated before the first failure is counted; refuses with 429 once the budget is spent.
   * A success gives the budget back (`succeed`).
   */
  async attempt(email: string, ip: string): Promise<void> {
    try {
      await this.limiter.consume(this.key(email, ip));
    } catch (res) {
      if (res instanceof RateLimiterRes) throw this.tooMany(res);
      throw res;
    }
  }

  async succeed(email: string, ip: string): Promise<void> {
    await this.limiter.delete(this.key(email, ip));
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
