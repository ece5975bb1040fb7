import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';

/**
 * Sheds load before doing any work: past `limit` requests in flight in this process, a request is
 * answered 503 with `Retry-After` at once, instead of queueing until every answer is late (and a
 * vendor's client times out on a bid that was in fact stored).
 */
export function shedLoad(limit: number) {
  let inFlight = 0;
  return (_req: Request, res: Response, next: NextFunction) => {
    if (inFlight >= limit) {
      next(
        new AppError('overloaded', 'The platform is busy; try again in a second.', 503, undefined, {
          'Retry-After': '1',
        }),
      );
      return;
    }
    inFlight++;
    let done = false;
    const finish = () => {
      if (!done) inFlight--;
      done = true;
    };
    res.on('finish', finish);
    res.on('close', finish);
    next();
  };
}
