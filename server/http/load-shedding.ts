import { createServer, type RequestListener, type Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { bearerClaims } from '../accounts/tokens.js';
import { AppError } from '../errors.js';

// Fair load shedding, before any work and before the body is read. Requests in flight are counted
// in two budgets: signed-out and sign-in traffic in a share of its own, signed-in requests in the
// rest, so that anonymous clients, however many, never take the capacity a vendor's bid needs.
// Within them, each client address (signed out) and each user (signed in) has a cap of its own.
// Slow clients are cut off by the body deadlines below, so that holding a request open costs time.

export interface SheddingLimits {
  /** Requests in flight in this process, all budgets together. */
  maxInFlight: number;
  /** The share of `maxInFlight` that signed-out requests (sign-in included) may hold. */
  anonymousShare: number;
  /** Requests in flight per client address while signed out, and per signed-in user. */
  perClient: number;
}

const busy = () =>
  new AppError('overloaded', 'The platform is busy; try again in a second.', 503, undefined, {
    'Retry-After': '1',
  });
const tooManyOfYours = () =>
  new AppError(
    'too-many-in-flight',
    'You have too many requests under way; wait for their answers.',
    429,
    undefined,
    {
      'Retry-After': '1',
    },
  );

/** Counts what is in flight per key; a key at zero is forgotten. */
class Counter {
  total = 0;
  private readonly perKey = new Map<string, number>();
  of(key: string) {
    return this.perKey.get(key) ?? 0;
  }
  add(key: string) {
    this.total++;
    this.perKey.set(key, this.of(key) + 1);
  }
  remove(key: string) {
    this.total--;
    const left = this.of(key) - 1;
    if (left > 0) this.perKey.set(key, left);
    else this.perKey.delete(key);
  }
}

/** Who a request comes from: a signed-in user when its token is genuine, else its address. */
async function clientOf(req: Request): Promise<{ signedIn: boolean; key: string }> {
  const claims = await bearerClaims(req);
  return claims ? { signedIn: true, key: claims.userId } : { signedIn: false, key: req.ip ?? '' };
}

/**
 * Answers 503 with `Retry-After` at once when a budget is spent, and 429 when one client holds its
 * cap, instead of queueing until every answer is late (and a vendor's client times out on a bid
 * that was in fact stored). `onInFlight` hears how many are in flight whenever one more starts.
 */
export function shedLoad(limits: SheddingLimits, onInFlight: (inFlight: number) => void = () => {}) {
  const anonymousBudget = Math.max(1, Math.floor(limits.maxInFlight * limits.anonymousShare));
  const signedInBudget = Math.max(1, limits.maxInFlight - anonymousBudget);
  const anonymous = new Counter();
  const signedIn = new Counter();
  return async (req: Request, res: Response, next: NextFunction) => {
    const client = await clientOf(req);
    const counter = client.signedIn ? signedIn : anonymous;
    const budget = client.signedIn ? signedInBudget : anonymousBudget;
    if (counter.total >= budget) return next(busy());
    if (counter.of(client.key) >= limits.perClient) return next(tooManyOfYours());
    counter.add(client.key);
    onInFlight(anonymous.total + signedIn.total);
    let done = false;
    const finish = () => {
      if (!done) counter.remove(client.key);
      done = true;
    };
    res.on('finish', finish);
    res.on('close', finish);
    next();
  };
}

export interface BodyDeadlines {
  /** How long a request's headers may take, and a JSON body from the request's start. */
  headersMs: number;
  jsonBodyMs: number;
  /** The slowest an upload may run, averaged over each window, after a first window of grace. */
  minUploadBytesPerSecond: number;
  uploadWindowMs: number;
}

const tooSlow = (what: string) =>
  new AppError('request-too-slow', `The ${what} came too slowly; send it again.`, 408, [
    { path: '/', message: `the ${what} did not arrive in time` },
  ]);

/** Answers 408 and closes the connection, whatever is left of the body: a slow client keeps nothing. */
function cutOff(req: Request, res: Response, what: string): void {
  if (!res.headersSent) {
    const err = tooSlow(what);
    res
      .status(408)
      .set('Connection', 'close')
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: `urn:problem:${err.code}`,
          title: 'Request Timeout',
          status: 408,
          detail: err.message,
          errors: err.errors,
        }),
      );
    res.once('finish', () => req.socket.destroy());
  } else req.socket.destroy();
}

/**
 * Body deadlines. A JSON body must arrive whole within `jsonBodyMs` of the request's start; an
 * upload (multipart) may take as long as it needs while it keeps at least the minimum rate. Node's
 * own time-out for a whole request (300 s) is replaced by these (see `applyServerTimeouts`).
 */
export function bodyDeadlines(d: BodyDeadlines) {
  return (req: Request, res: Response, next: NextFunction) => {
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (!hasBody || req.complete) return next();
    const upload = /^multipart\//i.test(req.headers['content-type'] ?? '');
    let timer: NodeJS.Timeout;
    const stop = () => clearTimeout(timer);
    req.once('end', stop);
    req.once('close', stop);
    res.once('finish', stop);
    if (!upload) {
      timer = setTimeout(() => {
        if (!req.complete) cutOff(req, res, 'request body');
      }, d.jsonBodyMs);
      return next();
    }
    // Counted on the connection (no listener on the request, which would start it flowing early).
    const socket = req.socket;
    let atLastCheck = socket.bytesRead;
    const check = () => {
      if (req.complete) return;
      const minimum = (d.minUploadBytesPerSecond * d.uploadWindowMs) / 1000;
      if (socket.bytesRead - atLastCheck < minimum) return cutOff(req, res, 'upload');
      atLastCheck = socket.bytesRead;
      timer = setTimeout(check, d.uploadWindowMs);
    };
    // The first window is grace: a client may take a moment to start sending.
    timer = setTimeout(check, d.uploadWindowMs);
    next();
  };
}

/**
 * The HTTP server of an app: headers must come within `headersMs` (checked every second, not
 * Node's default thirty); bodies are timed by `bodyDeadlines`, which replace Node's 300 s time-out
 * for a whole request (an upload may take longer while it keeps its rate).
 */
export function httpServerFor(app: RequestListener, d: BodyDeadlines): Server {
  return createServer(
    { headersTimeout: d.headersMs, requestTimeout: 0, connectionsCheckingInterval: 1000 },
    app,
  );
}
