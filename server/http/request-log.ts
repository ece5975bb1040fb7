import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A caller's request id is echoed only when it is a plain token of sane length; otherwise one is made. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Requests that touch a bid while it may be sealed: a log line for each would tell whoever reads the
 * logs when bids arrive, on which tender, and from which address. They are not logged one by one;
 * their failures are, without the path.
 */
export const BID_PATH = /^\/api\/v1\/(tenders\/[^/]+\/bids|bids\/)/;

export const isBidRequest = (url: string | undefined) => BID_PATH.test(url ?? '');

/** pino-http options: request ids, no lines for health probes or bid traffic, no path on bid failures. */
export const requestLogging = {
  genReqId(req: IncomingMessage, res: ServerResponse) {
    const offered = req.headers['x-request-id'];
    const id = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
    res.setHeader('X-Request-Id', id);
    return id;
  },
  autoLogging: {
    ignore: (req: IncomingMessage) =>
      req.url === '/healthz' || req.url === '/readyz' || isBidRequest(req.url),
  },
  serializers: {
    req(req: { id: unknown; method: string; url: string }) {
      return isBidRequest(req.url) ? { id: req.id, method: req.method, url: '[bid route]' } : req;
    },
  },
};
