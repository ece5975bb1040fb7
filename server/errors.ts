import type { FieldError } from './validation.js';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error the platform means to answer with: a kebab-case code, a message and an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** RFC 9457 problem details, as answered on the wire. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

/** The problem body of an AppError. */
export function toProblem(err: AppError): Problem {
  return {
    type: `urn:problem:${err.code}`,
    title: titles[err.status] ?? 'Error',
    status: err.status,
    detail: err.message,
    ...(err.errors?.length ? { errors: err.errors } : {}),
  };
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new AppError('validation-failed', detail, 400, errors);
export const unauthorized = (detail = 'Sign in with a valid bearer token.') =>
  new AppError('unauthorized', detail, 401);
export const forbidden = (detail = 'Your role does not allow this.') =>
  new AppError('forbidden', detail, 403);
export const notFound = (what: string) => new AppError('not-found', `${what} was not found.`, 404);
/** A request that the current state of the object does not allow. */
export const conflict = (code: string, detail: string, errors?: FieldError[]) =>
  new AppError(code, detail, 409, errors);
