import type { NextFunction, Request, Response } from 'express';
import { Router } from 'express';
import client from 'prom-client';
import { Bid } from '../bids/bid.model.js';
import { Notice } from '../notices/notice.model.js';
import { type Queues, queueNames } from '../queues.js';

/** Prometheus metrics: request durations, queue depths and failures, notices by status, bids received. */
export function metrics(queues: Queues) {
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
        this.set({ status }, await Notice.countDocuments({ status }));
    },
  });
  new client.Gauge({
    name: 'bids_received',
    help: 'Bids received, by status (submitted or withdrawn)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const status of ['submitted', 'withdrawn'] as const)
        this.set({ status }, await Bid.countDocuments({ status }));
    },
  });

  /** Times every request; the route label is the matched route pattern, never the raw URL. */
  const timer = (req: Request, res: Response, next: NextFunction) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  const router = Router().get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return { timer, router };
}
