import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { context } from '../context.js';
import { AppError } from '../errors.js';

const FIFTEEN_MINUTES = 15 * 60;

/**
 * Failed sign-ins, counted in Redis for every instance: 5 in 15 minutes per address and e-mail,
 * then 15 minutes' wait; and 10 in 15 minutes per account whatever the addresses (guesses spread
 * over many machines). Requests for reset links: 3 an hour per e-mail, 10 per address.
 */
export class LoginLimiter {
  private readonly perAddress: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;
  private readonly resetsPerEmail: RateLimiterRedis;
  private readonly resetsPerAddress: RateLimiterRedis;
  private readonly proofs: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    const limiter = (name: string, points: number, duration: number, blockDuration = 0) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:${name}`,
        points,
        duration,
        blockDuration,
        useRedisPackage: false,
      });
    this.perAddress = limiter('login-fail', 5, FIFTEEN_MINUTES, FIFTEEN_MINUTES);
    this.perAccount = limiter('login-fail-account', 10, FIFTEEN_MINUTES, FIFTEEN_MINUTES);
    this.resetsPerEmail = limiter('reset-email', 3, 3600);
    this.resetsPerAddress = limiter('reset-ip', 10, 3600);
    this.proofs = limiter('proof-fail', 5, FIFTEEN_MINUTES, FIFTEEN_MINUTES);
  }

  private static account(email: string): string {
    return email.trim().toLowerCase();
  }

  private key(email: string, ip: string): string {
    return `${LoginLimiter.account(email)}|${ip}`;
  }

  /** A 429 that says when to try again, in its text and its `Retry-After`. */
  private static refusal(code: string, what: string, res: RateLimiterRes): AppError {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return new AppError(code, `${what}; try again in ${seconds} s.`, 429, undefined, {
      'Retry-After': String(seconds),
    });
  }

  private tooMany(res: RateLimiterRes): AppError {
    return LoginLimiter.refusal('too-many-login-failures', 'Too many failed logins', res);
  }

  /**
   * Counts an attempt before its password is checked, so that parallel guesses cannot all be
   * evaluated before the first failure is counted; refuses with 429 once either budget is spent.
   * A success gives both back (`succeed`).
   */
  async attempt(email: string, ip: string): Promise<void> {
    try {
      await this.perAddress.consume(this.key(email, ip));
      await this.perAccount.consume(LoginLimiter.account(email));
    } catch (res) {
      if (res instanceof RateLimiterRes) throw this.tooMany(res);
      throw res;
    }
  }

  async succeed(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.perAddress.delete(this.key(email, ip)),
      this.perAccount.delete(LoginLimiter.account(email)),
    ]);
  }

  /** A password set from an e-mailed link proves the account's owner: the account's budget is given back. */
  async forgive(email: string): Promise<void> {
    await this.perAccount.delete(LoginLimiter.account(email));
  }

  /**
   * Counts a signed-in person's proof (their password, or an opening secret already set) before it
   * is checked: whoever holds a session cannot guess either faster than 5 a quarter-hour. A right
   * proof gives the budget back (`proofAccepted`).
   */
  async attemptProof(userId: string): Promise<void> {
    try {
      await this.proofs.consume(userId);
    } catch (res) {
      if (res instanceof RateLimiterRes)
        throw LoginLimiter.refusal('too-many-wrong-proofs', 'Too many wrong passwords or secrets', res);
      throw res;
    }
  }

  async proofAccepted(userId: string): Promise<void> {
    await this.proofs.delete(userId);
  }

  /** True while reset links may still be sent for this e-mail from this address. */
  async allowReset(email: string, ip: string): Promise<boolean> {
    try {
      await this.resetsPerAddress.consume(ip);
      await this.resetsPerEmail.consume(LoginLimiter.account(email));
      return true;
    } catch (res) {
      if (res instanceof RateLimiterRes) return false;
      throw res;
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

let shared: LoginLimiter | undefined;

/** The process's limiter of signed-in proofs, on the context's Redis (never closed: the context owns Redis). */
export function proofLimiter(): LoginLimiter {
  const { redis, config } = context();
  shared ??= new LoginLimiter(redis, config.queuePrefix);
  return shared;
}
