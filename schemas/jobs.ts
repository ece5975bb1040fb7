/**
 * Job payloads carry ids; the worker reloads the document it names. One exception: a notice that is
 * about no sealed tender may ride in its first send job as recorded (a notice's content never
 * changes), so that a fan-out to thousands sends without reading each one back.
 */
const objectId = { type: 'string', pattern: '^[0-9a-f]{24}$' } as const;

/** A notice as recorded, what sending it needs. */
const recordedNotice = {
  type: 'object',
  properties: {
    template: { type: 'string', minLength: 1 },
    locale: { type: 'string', minLength: 2 },
    to: { type: 'string', minLength: 3 },
    recipientName: { type: 'string' },
    data: { type: 'object' },
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        properties: { kind: { type: 'string' }, id: { type: 'string' } },
        required: ['kind', 'id'],
        additionalProperties: false,
      },
    },
    messageId: { type: 'string', minLength: 3 },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['template', 'locale', 'to', 'recipientName', 'data', 'attachments', 'messageId', 'createdAt'],
  additionalProperties: false,
} as const;

/** An eForms notice's business id: `<notice id>-<version>`. */
const eformsNoticeJob = {
  type: 'object',
  properties: { noticeKey: { type: 'string', pattern: '^[0-9a-f-]{36}-[0-9]{2}$' } },
  required: ['noticeKey'],
  additionalProperties: false,
} as const;

export const jobSchemas = {
  'validate-notice': eformsNoticeJob,
  'submit-notice': eformsNoticeJob,
  'follow-notice': eformsNoticeJob,
  'send-notice': {
    type: 'object',
    properties: { noticeId: objectId, recorded: recordedNotice },
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
  'close-resolution': {
    type: 'object',
    properties: { resolutionId: objectId },
    required: ['resolutionId'],
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
  'request-due': {
    type: 'object',
    properties: { requestId: objectId },
    required: ['requestId'],
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
