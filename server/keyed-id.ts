import { createHmac } from 'node:crypto';
import { context } from './context.js';

/**
 * A document id derived from its natural key (a bid's tender, lot and vendor; a notice's event and
 * person), so that finding it again is a lookup by `_id` alone: the only filter FerretDB's SQLite
 * backend hands to SQL, and one whose cost stays flat as a collection grows (bench/ferretdb-writes).
 * Keyed with the server's secret, so that nobody can compute the id of an object they are not shown
 * (a bid, a receipt) from what they know about it.
 */
export function keyedId(kind: string, ...parts: (string | number)[]): string {
  return createHmac('sha256', context().config.jwtSecret)
    .update([kind, ...parts].join('|'))
    .digest('hex')
    .slice(0, 24);
}
