import { pageQuery } from '../../schemas/common.js';
import { allow } from '../accounts/access.js';
import { badRequest } from '../errors.js';

// What every stage's router uses: the `:id` of its path, the list query, the officers' door.

/** The `:id` parameter of a route's path. */
export const idParam = (req: { params: Record<string, string | string[] | undefined> }) =>
  String(req.params.id);

/** `?limit=&offset=` of a list, nothing else. */
export const listQuery = {
  type: 'object',
  properties: pageQuery.properties,
  additionalProperties: false,
} as const;

/** Procurement officers and administrators. */
export const officersOnly = allow('procurement-officer', 'admin');

/** The `:lot` parameter of a route's path: a lot number, 1 to 99. */
export function lotParam(req: { params: Record<string, string | string[] | undefined> }): number {
  const raw = String(req.params.lot);
  if (!/^[1-9][0-9]?$/.test(raw))
    throw badRequest('Unknown lot.', [{ path: '/lot', message: 'must be a lot number from 1 to 99' }]);
  return Number(raw);
}
