import type { NextFunction, Request, Response } from 'express';
import { AppError, toProblem } from '../errors.js';
import { logger } from '../logger.js';

const PROBLEM = 'application/problem+json';

/** Sends an AppError as RFC 9457 problem details. */
export function sendProblem(res: Response, err: AppError): void {
  for (const [name, value] of Object.entries(err.headers ?? {})) res.setHeader(name, value);
  res
    .status(err.status)
    .type(PROBLEM)
    .send(JSON.stringify(toProblem(err)));
}

/** Translates body-parser's errors; anything unexpected becomes an opaque 500 and is logged. */
function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // An id that cannot name a stored object names none: the same 404 as an unknown one.
  if ((err as { name?: string; kind?: string })?.name === 'CastError') {
    return new AppError('not-found', 'No object has this id.', 404);
  }
  const e = err as { type?: string; status?: number; message?: string };
  switch (e?.type) {
    case 'entity.parse.failed':
      return new AppError('malformed-json', 'The request body is not valid JSON.', 400, [
        { path: '/', message: 'is not valid JSON' },
      ]);
    case 'entity.too.large':
      return new AppError('body-too-large', 'The request body is larger than the server accepts.', 413);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported-encoding', 'The request body encoding is not supported.', 415);
  }
  return new AppError('internal', 'Something went wrong on our side; it has been logged.', 500);
}

/** The one error middleware: every error leaves as problem+json, never with internals. */
export function problemHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const appError = asAppError(err);
  if (appError.status >= 500) (req.log ?? logger).error({ err }, 'request failed');
  if (res.headersSent) {
    res.end();
    return;
  }
  sendProblem(res, appError);
}

/** JSON bodies only (multipart on the doors that take files, XML on those that read XML): another type answers 415. */
export function requireJson(multipartPaths: RegExp[] = [], xmlPaths: RegExp[] = []) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    const multipart =
      req.method === 'POST' && req.is('multipart/form-data') && multipartPaths.some((p) => p.test(req.path));
    const xml = req.method === 'POST' && req.is('application/xml') && xmlPaths.some((p) => p.test(req.path));
    if (hasBody && !multipart && !xml && !req.is('application/json') && !req.is('application/*+json')) {
      next(new AppError('unsupported-media-type', 'Send the request body as application/json.', 415));
      return;
    }
    next();
  };
}

/** No route matched. */
export function routeNotFound(req: Request, _res: Response, next: NextFunction): void {
  next(new AppError('not-found', `No resource at ${req.method} ${req.path}.`, 404));
}
