import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import type { Redis } from 'ioredis';
import { pinoHttp } from 'pino-http';
import { authenticate } from './accounts/access.js';
import { accountsRoutes, loginRoutes } from './accounts/accounts.routes.js';
import type { LoginLimiter } from './accounts/login-limiter.js';
import { auditRoutes } from './audit/audit.routes.js';
import { awardMultipartDoors, awardsRoutes } from './awards/awards.routes.js';
import { bidsRoutes, multipartDoors, xmlDoors } from './bids/bids.routes.js';
import { callsRoutes } from './calls/calls.routes.js';
import type { Config } from './config.js';
import { consortiaRoutes } from './consortia/consortia.routes.js';
import { contractsRoutes } from './contracts/contracts.routes.js';
import { evaluationRoutes } from './evaluation/evaluation.routes.js';
import { expressionsRoutes } from './expressions/expressions.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { homeRoutes } from './home/home.routes.js';
import { consoleRoutes } from './http/console.js';
import { bodyDeadlines, shedLoad } from './http/load-shedding.js';
import { metrics } from './http/metrics.js';
import { openApiDocument } from './http/openapi.js';
import { problemHandler, requireJson, routeNotFound } from './http/problems.js';
import { queueBoard } from './http/queue-board.js';
import { requestLogging } from './http/request-log.js';
import { logger } from './logger.js';
import { noticesRoutes } from './notices/notices.routes.js';
import { ocdsRoutes } from './ocds/ocds.routes.js';
import { projectRoot } from './paths.js';
import { eformsRoutes } from './publication/eforms.routes.js';
import { procedureNotices } from './publication/procedure-notices.js';
import { usePublishing } from './publishing.js';
import type { Queues } from './queues.js';
import { reviewMultipartDoors, reviewRoutes } from './review/review.routes.js';
import { rushMarker } from './rush.js';
import { tenderMultipartDoors, tendersRoutes } from './tenders/tenders.routes.js';

export interface AppDeps {
  config: Readonly<Config>;
  queues: Queues;
  redis: Redis;
  loginLimiter: LoginLimiter;
  /** Extra routers mounted before the API (the development mail viewer). */
  extras?: Router[];
}

const packageVersion = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'))
  .version as string;

/** The interactive documentation at /docs, loaded on its first visit (Swagger UI is heavy to load). */
function lazyDocs(document: object) {
  let docs: Promise<Router> | undefined;
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    docs ??= import('swagger-ui-express').then(({ default: swaggerUi }) =>
      Router().use(swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Joint procurement API' })),
    );
    docs.then((router) => router(req, res, next), next);
  };
}

/** The HTTP application: health, the /api/v1 resources, and problem+json for every error. */
export function createApp(deps: AppDeps): express.Express {
  // The API's steps publish their notices through the publication stage (see publishing.ts).
  usePublishing(procedureNotices);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // No answer is ever sniffed into another type than the one it declares (a download as a page).
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(pinoHttp({ logger, ...requestLogging }));
  const { timer, router: metricsRouter } = metrics(deps.queues, deps.config.metricsToken);
  app.use(timer);
  const health = healthRoutes({ redis: deps.redis, smtpUrl: deps.config.smtpUrl });
  app.use(health, metricsRouter, queueBoard(deps.queues, deps.loginLimiter));
  for (const extra of deps.extras ?? []) app.use(extra);

  const api = Router();
  api.use(
    shedLoad(deps.config.shedding, rushMarker(deps.redis, deps.config.queuePrefix, deps.config.rush)),
    bodyDeadlines(deps.config.deadlines),
    requireJson(
      [...multipartDoors, ...tenderMultipartDoors, ...reviewMultipartDoors, ...awardMultipartDoors],
      xmlDoors,
    ),
    express.json({ limit: deps.config.bodyLimit, strict: true }),
  );
  api.use(loginRoutes(deps.loginLimiter));
  api.use(authenticate);
  api.use(
    accountsRoutes,
    callsRoutes,
    consortiaRoutes,
    expressionsRoutes,
    tendersRoutes,
    bidsRoutes,
    evaluationRoutes,
    awardsRoutes,
    reviewRoutes,
    contractsRoutes,
    ocdsRoutes,
    eformsRoutes,
    noticesRoutes,
    auditRoutes,
    homeRoutes,
  );
  app.use('/api/v1', api);

  // The contract, generated from the routes and their schemas; and a page to read it.
  const document = openApiDocument(
    [
      { router: health, prefix: '' },
      { router: api, prefix: '/api/v1' },
    ],
    { version: packageVersion, serverUrl: deps.config.publicUrl },
  );
  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use('/docs', lazyDocs(document));

  app.use(consoleRoutes(path.join(projectRoot, 'dist', 'web')));

  app.use(routeNotFound);
  app.use(problemHandler);
  return app;
}
