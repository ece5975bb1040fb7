import { objectId, pageQuery } from './common.js';

export const noticesQuery = {
  type: 'object',
  properties: {
    ...pageQuery.properties,
    status: { enum: ['pending', 'sent', 'failed'] },
    template: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' },
    subject: objectId,
    procedure: { ...objectId, description: 'The call, tender or consortium the notices belong to.' },
    recipient: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'Words of the recipient’s name or e-mail address, matched literally.',
    },
  },
  additionalProperties: false,
} as const;
