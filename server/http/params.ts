import { pageQuery } from '../../schemas/common.js';
import { allow } from '../accounts/access.js';

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
