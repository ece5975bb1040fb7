/** Job payloads carry ids only; the worker reloads the document it names. */
const objectId = { type: 'string', pattern: '^[0-9a-f]{24}$' } as const;

export const jobSchemas = {
  'send-notice': {
    type: 'object',
    properties: { noticeId: objectId },
    required: ['noticeId'],
    additionalProperties: false,
  },
  'drain-effects': {
    type: 'object',
    properties: { model: { type: 'string', minLength: 1 }, id: objectId },
    required: ['model', 'id'],
    additionalProperties: false,
  },
  'close-call': {
    type: 'object',
    properties: { callId: objectId },
    required: ['callId'],
    additionalProperties: false,
  },
  'open-tender': {
    type: 'object',
    properties: { tenderId: objectId },
    required: ['tenderId'],
    additionalProperties: false,
  },
  'end-standstill': {
    type: 'object',
    properties: { tenderId: objectId, lot: { type: 'integer', minimum: 1 } },
    required: ['tenderId', 'lot'],
    additionalProperties: false,
  },
  'generate-contract': {
    type: 'object',
    properties: { contractId: objectId },
    required: ['contractId'],
    additionalProperties: false,
  },
  reconcile: { type: 'object', additionalProperties: false },
  'link-audit': { type: 'object', additionalProperties: false },
} as const;
