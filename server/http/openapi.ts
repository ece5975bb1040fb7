import type { Router } from 'express';
import { authenticate, isPublicRead } from '../accounts/access.js';
import type { RouteFacts } from './validate.js';

interface Layer {
  handle: ((...args: unknown[]) => unknown) & { stack?: Layer[]; openapi?: RouteFacts };
  route?: { path: string; methods: Record<string, boolean>; stack: Layer[] };
}

export interface RouteInfo {
  method: string;
  path: string;
  authenticated: boolean;
  facts: RouteFacts;
}

/** Every route of a router and of the routers it mounts (all mounted at its root), in order. */
export function listRoutes(router: Router, prefix = '', authenticated = false): RouteInfo[] {
  const routes: RouteInfo[] = [];
  let secured = authenticated;
  for (const layer of (router as unknown as { stack: Layer[] }).stack) {
    if (layer.handle === (authenticate as unknown)) secured = true;
    if (layer.route) {
      const facts = Object.assign({}, ...layer.route.stack.map((l) => l.handle.openapi ?? {})) as RouteFacts;
      for (const method of Object.keys(layer.route.methods)) {
        routes.push({ method, path: `${prefix}${layer.route.path}`, authenticated: secured, facts });
      }
    } else if (layer.handle.stack) {
      routes.push(...listRoutes(layer.handle as unknown as Router, prefix, secured));
    }
  }
  return routes;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** `/tenders/:id` → `/tenders/{id}` and its path parameters. */
function pathOf(expressPath: string): { path: string; params: string[] } {
  const params: string[] = [];
  const path = expressPath.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path, params };
}

/** The OpenAPI 3.1 document, generated from the routes and the JSON Schemas they validate with. */
export function openApiDocument(
  routers: { router: Router; prefix: string }[],
  info: { version: string; serverUrl: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { router, prefix } of routers) {
    for (const r of listRoutes(router, prefix)) {
      const { path, params } = pathOf(r.path);
      const writes = ['post', 'put', 'patch', 'delete'].includes(r.method);
      const queryProps =
        (r.facts.query as { properties?: Record<string, object> } | undefined)?.properties ?? {};
      const responses: Record<string, unknown> = {
        '2XX': {
          description: 'Success',
          content:
            path.endsWith('.pdf') || path.endsWith('/pdf')
              ? { 'application/pdf': {} }
              : path.includes('/documents/')
                ? { 'application/octet-stream': {} }
                : { 'application/json': { schema: { type: 'object' } } },
        },
        ...(r.facts.body || r.facts.query
          ? { 400: problem('Invalid input: every bad field is named in `errors`') }
          : {}),
        ...(r.authenticated ? { 401: problem('Missing or invalid bearer token') } : {}),
        ...(r.authenticated ? { 403: problem('Not allowed for this role or object') } : {}),
        ...(params.length ? { 404: problem('Unknown id, or an object the caller may not know of') } : {}),
        ...(writes && r.authenticated ? { 409: problem('The object’s state does not allow this') } : {}),
        ...(r.facts.body ? { 413: problem('Body too large'), 415: problem('Body is not JSON') } : {}),
        ...(path === '/api/v1/auth/login'
          ? { 401: problem('Wrong credentials'), 429: problem('Too many failed logins') }
          : {}),
      };
      paths[path] ??= {};
      (paths[path] as Record<string, unknown>)[r.method] = {
        operationId: `${r.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
        tags: [path.startsWith('/api/v1/') ? (path.split('/')[3] ?? 'api') : 'operations'],
        summary: `${r.method.toUpperCase()} ${path}`,
        ...(r.facts.roles ? { description: `Allowed roles: ${r.facts.roles.join(', ')}.` } : {}),
        ...(!r.authenticated
          ? { security: [] }
          : isPublicRead(r.method.toUpperCase(), path.replace('/api/v1', ''))
            ? { security: [{}, { bearerAuth: [] }] }
            : { security: [{ bearerAuth: [] }] }),
        parameters: [
          ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
          ...Object.entries(queryProps).map(([name, schema]) => ({
            name,
            in: 'query',
            required: false,
            schema,
          })),
        ],
        ...(r.facts.body
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': { schema: r.facts.body },
                  ...(r.facts.multipart ? { 'multipart/form-data': { schema: r.facts.multipart } } : {}),
                },
              },
            }
          : {}),
        responses,
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Joint procurement of SOC tooling',
      version: info.version,
      description:
        'Calls for expressions of interest, consortia, tenders with sealed bids, evaluation, awards and contracts.',
    },
    servers: [{ url: info.serverUrl }],
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['path', 'message'],
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    paths,
  };
}
