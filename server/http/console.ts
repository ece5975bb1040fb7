import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Response, Router } from 'express';

// The web console: the single-page application built into `dist/web`, served at `/`. Its hashed
// assets are cached for a year; every other page answers `index.html` (the application routes in
// the browser), never cached, under a Content-Security-Policy that allows only this origin.

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // The design system's stylesheet draws some of its images as data URIs.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function secure(res: Response): Response {
  return res
    .setHeader('Content-Security-Policy', CSP)
    .setHeader('X-Content-Type-Options', 'nosniff')
    .setHeader('Referrer-Policy', 'no-referrer')
    .setHeader('X-Frame-Options', 'DENY');
}

/**
 * Paths the console never answers: the API, operations and documentation keep theirs (and their
 * 404s). The console's own `/admin` page is the console's: only the queue dashboard below it is not.
 */
const NOT_CONSOLE = /^\/(api|healthz|readyz|metrics|docs|openapi\.json|admin\/queues|dev)(\/|$)/;

/** The console's routes, or, when it is not built, a page that says how to build it. */
export function consoleRoutes(dir: string): Router {
  const router = Router();
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    router.get('/', (_req, res) => {
      secure(res)
        .status(503)
        .type('text/plain')
        .send('The web console is not built: `npm run build` builds it.');
    });
    return router;
  }
  const html = readFileSync(index);
  // The bundle is text: gzip makes it a third of its size on the wire.
  router.use(compression());
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      immutable: true,
      maxAge: '1y',
      index: false,
      fallthrough: false,
    }),
  );
  router.get(/.*/, (req, res, next) => {
    if (NOT_CONSOLE.test(req.path) || !req.accepts('html')) return next();
    secure(res).setHeader('Cache-Control', 'no-cache').type('html').send(html);
  });
  return router;
}
