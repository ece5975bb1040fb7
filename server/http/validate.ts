import type { NextFunction, Request, Response } from 'express';
import { AppError, badRequest } from '../errors.js';
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

/** Every reason a JSON value is not a valid body for the schema (defaults are filled in), with paths under `at`. */
export function bodyErrors(validate: ReturnType<typeof validatorFor>, value: unknown, at = ''): FieldError[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return [{ path: at || '/', message: 'must be an object' }];
  const errors = operatorKeys(value);
  if (!validate(value)) errors.push(...fieldErrors(validate.errors));
  return errors.map((e) => ({ ...e, path: at + e.path }));
}

/**
 * Schemas of routes whose validators are not compiled yet. Compiling them all takes a noticeable
 * part of a start, so a route compiles its own at its first request, and `compileRouteValidators`
 * compiles the rest once the process is serving.
 */
const uncompiled = new Set<object>();

/** A route's validator, compiled at its first use. */
function lazyValidator(schema: object) {
  uncompiled.add(schema);
  let validate: ReturnType<typeof validatorFor> | undefined;
  return () => {
    if (!validate) {
      validate = validatorFor(schema);
      uncompiled.delete(schema);
    }
    return validate;
  };
}

/** Compiles every route's validator not compiled yet (after start, so that no request waits for it). */
export function compileRouteValidators(): number {
  const schemas = [...uncompiled];
  for (const schema of schemas) validatorFor(schema);
  uncompiled.clear();
  return schemas.length;
}

/** Validates `req.body` against a JSON Schema, naming every bad field; defaults are filled in. */
export function body(schema: object) {
  const validator = lazyValidator(schema);
  return described({ body: schema }, (req: Request, _res: Response, next: NextFunction) => {
    const validate = validator();
    const value = req.body ?? {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      return next(
        badRequest('The request body must be a JSON object.', [{ path: '/', message: 'must be an object' }]),
      );
    }
    const errors = bodyErrors(validate, value);
    if (errors.length) return next(badRequest('The request body is invalid.', errors));
    req.body = value;
    next();
  });
}

/**
 * A body as JSON, validated against `schema`, or as `multipart/form-data` (described by `multipart`
 * for the OpenAPI document), which the route reads and checks itself as the parts stream in.
 */
export function bodyOrMultipart(schema: object, multipart: object) {
  const json = body(schema);
  return described({ body: schema, multipart }, (req: Request, res: Response, next: NextFunction) =>
    req.is('multipart/form-data') ? next() : json(req, res, next),
  );
}

/** A body only as `multipart/form-data` (described by `multipart`), read by the route as it streams in. */
export function multipartOnly(multipart: object) {
  return described({ multipart }, (req: Request, _res: Response, next: NextFunction) =>
    req.is('multipart/form-data')
      ? next()
      : next(new AppError('unsupported-media-type', 'Send the document as multipart/form-data.', 415)),
  );
}

/** Validates the query string against a JSON Schema (all values are strings). */
export function query(schema: object) {
  const validator = lazyValidator(schema);
  return described({ query: schema }, (req: Request, _res: Response, next: NextFunction) => {
    const validate = validator();
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
  multipart?: object;
  query?: object;
  roles?: string[];
}

/** Marks a middleware with the facts the OpenAPI document is generated from: one source for both. */
export function described<F extends object>(facts: RouteFacts, middleware: F): F & { openapi: RouteFacts } {
  return Object.assign(middleware, { openapi: facts });
}
