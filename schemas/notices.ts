import { objectId, pageQuery } from './common.js';

export const noticesQuery = {
  type: 'object',
  properties: {
    ...pageQuery.properties,
    status: { enum: ['pending', 'sent', 'failed'] },
    template: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' },
    subject: objectId,
  },
  additionalProperties: false,
} as const;
