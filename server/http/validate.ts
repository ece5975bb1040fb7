import type { NextFunction, Request, Response } from 'express';
import { badRequest } from '../errors.js';
import { type FieldError, fieldErrors, validatorFor } from '../validation.js';

/** Every key in a JSON body that would read as a MongoDB operator or path, with its JSON Pointer. */
function operatorKeys(value: unknown, at = ''): FieldError[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => operatorKeys(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = `${at}/${key}`;
    const own =
      key.startsWith('$') || key.includes('.')
        ? [{ path: here, message: 'names a database operator or path' }]
        : [];
    return [...own, ...operatorKeys(v, here)];
  });
}

/** Validates `req.body` against a JSON Schema, naming every bad field; defaults are filled in. */
export function body(schema: object) {
  const validate = validatorFor(schema);
  return described({ body: schema }, (req: Request, _res: Response, next: NextFunction) => {
    const value = req.body ?? {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      return next(
        badRequest('The request body must be a JSON object.', [{ path: '/', message: 'must be an object' }]),
      );
    }
    const errors = operatorKeys(value);
    if (!validate(value)) errors.push(...fieldErrors(validate.errors));
    if (errors.length) return next(badRequest('The request body is invalid.', errors));
    req.body = value;
    next();
  });
}

/** Validates the query string against a JSON Schema (all values are strings). */
export function query(schema: object) {
  const validate = validatorFor(schema);
  return described({ query: schema }, (req: Request, _res: Response, next: NextFunction) => {
    const value = { ...req.query };
    if (!validate(value)) {
      const errors = fieldErrors(validate.errors).map((e) => ({ ...e, path: `?${e.path.slice(1)}` }));
      return next(badRequest('The query string is invalid.', errors));
    }
    next();
  });
}

/** `limit` (1..100, default 20) and `offset` of a list request. */
export function page(req: Request): { limit: number; offset: number } {
  return { limit: Number(req.query.limit ?? 20), offset: Number(req.query.offset ?? 0) };
}

/** What a middleware tells the OpenAPI document about its route: the body and query schemas, the roles. */
export interface RouteFacts {
  body?: object;
  query?: object;
  roles?: string[];
}

/** Marks a middleware with the facts the OpenAPI document is generated from: one source for both. */
export function described<F extends object>(facts: RouteFacts, middleware: F): F & { openapi: RouteFacts } {
  return Object.assign(middleware, { openapi: facts });
}
