import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Router } from 'express';
import client from 'prom-client';
import { authenticate } from '../accounts/access.js';
import { forbidden } from '../errors.js';
import { Notice } from '../notices/notice.model.js';
import { type Queues, queueNames } from '../queues.js';
import { isBidRequest } from './request-log.js';

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Prometheus metrics: request durations, queue depths and failures, notices by status. For
 * operators only: the scraper's `METRICS_TOKEN` as a bearer token, or an administrator's session.
 * Nothing here counts bids or times bid requests: while a tender is sealed, even how many bids
 * arrived, and when, is for officers to read per lot and nowhere else.
 */
export function metrics(queues: Queues, metricsToken?: string) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const name of queueNames) {
        const counts = await queues
          .queue(name)
          .getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n);
      }
    },
  });
  new client.Gauge({
    name: 'notices',
    help: 'E-mail notices by delivery status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const status of ['pending', 'sent', 'failed'] as const)
        this.set({ status }, await Notice.countDocuments({ status, sealedTenderId: null }));
    },
  });

  /** Times every request; the route label is the matched route pattern, never the raw URL. */
  const timer = (req: Request, res: Response, next: NextFunction) => {
    if (isBidRequest(req.originalUrl)) return next();
    const end = duration.startTimer();
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  const operatorsOnly = async (req: Request, res: Response, next: NextFunction) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (metricsToken && bearer && sameToken(bearer, metricsToken)) return next();
    await authenticate(req, res, (err?: unknown) => {
      if (err) return next(err);
      next(req.actor?.role === 'admin' ? undefined : forbidden('Metrics are for operators.'));
    });
  };
  const router = Router().get('/metrics', operatorsOnly, async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return { timer, router };
}
