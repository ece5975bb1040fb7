import { criterion } from './calls.js';
import { cents, cpvCode, duration, instant, objectId, pageQuery, text } from './common.js';
import { espdRequestField } from './espd.js';

export const createTenderBody = {
  type: 'object',
  properties: {
    expressionId: objectId,
    reference: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9/_.-]{0,59}$' },
    title: text(300),
    description: text(50_000),
    cpvCodes: { type: 'array', minItems: 1, maxItems: 20, uniqueItems: true, items: cpvCode },
    lots: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        properties: {
          number: { type: 'integer', minimum: 1, maximum: 99 },
          title: text(300),
          estimatedValueCents: { ...cents, minimum: 1 },
          description: text(10_000),
          cpvCodes: { type: 'array', minItems: 1, maxItems: 20, uniqueItems: true, items: cpvCode },
        },
        required: ['number', 'title', 'estimatedValueCents'],
        additionalProperties: false,
      },
    },
    questionsDeadline: instant,
    submissionDeadline: instant,
    openingAt: instant,
    standstillPeriod: duration,
    award: {
      type: 'object',
      properties: {
        qualityWeight: { type: 'number', minimum: 0, maximum: 1 },
        priceWeight: { type: 'number', minimum: 0, maximum: 1 },
        qualityThreshold: { type: 'number', minimum: 0, maximum: 1 },
        criteria: { type: 'array', minItems: 1, maxItems: 20, items: criterion },
        priceToEvaluators: {
          enum: ['after-sign-off', 'never'],
          default: 'after-sign-off',
          description:
            'When evaluators see the bids’ prices and price documents: once their quality scores are signed off as final, or never.',
        },
      },
      required: ['qualityWeight', 'priceWeight', 'qualityThreshold', 'criteria'],
      additionalProperties: false,
    },
    procedureType: { enum: ['open'], default: 'open' },
    contractDuration: { type: 'string', pattern: '^P[1-9][0-9]{0,3}[YMD]$' },
    placeOfPerformance: { type: 'string', pattern: '^[A-Z]{2}[0-9A-Z]{1,3}$' },
    reviewBodyId: objectId,
    espd: espdRequestField,
    selectionCriteria: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        properties: { key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }, title: text(300) },
        required: ['key', 'title'],
        additionalProperties: false,
      },
    },
  },
  required: [
    'expressionId',
    'reference',
    'title',
    'description',
    'cpvCodes',
    'lots',
    'questionsDeadline',
    'submissionDeadline',
    'award',
    'selectionCriteria',
  ],
  additionalProperties: false,
} as const;

export const openingBody = {
  type: 'object',
  properties: { openingAt: instant },
  required: ['openingAt'],
  additionalProperties: false,
} as const;

export const openingCommitteeBody = {
  type: 'object',
  properties: {
    userIds: { type: 'array', items: objectId, minItems: 3, maxItems: 25 },
    quorum: { type: 'integer', minimum: 2, maximum: 24, default: 2 },
  },
  required: ['userIds'],
  additionalProperties: false,
} as const;

/** A committee member's opening secret: only its derived public key is kept. */
/**
 * A member's opening secret. Replacing one already set needs the old one (`currentSecret`), or the
 * member's own password, and then a confirmation from the link e-mailed to the member.
 */
export const openingSecretBody = {
  type: 'object',
  properties: {
    secret: { type: 'string', minLength: 12, maxLength: 1024 },
    currentSecret: { type: 'string', minLength: 1, maxLength: 1024 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
  required: ['secret'],
  additionalProperties: false,
} as const;

export const openingSecretConfirmBody = {
  type: 'object',
  properties: { token: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._-]+$' } },
  required: ['token'],
  additionalProperties: false,
} as const;

export const cancelBody = {
  type: 'object',
  properties: { reason: text(2000) },
  required: ['reason'],
  additionalProperties: false,
} as const;

/** Why a lot is not awarded: the eForms `non-award-justification` codes an officer may give. */
export const lotCancellationReasons = [
  'no-rece',
  'all-rej',
  'one-admis',
  'chan-need',
  'ins-fund',
  'no-signed',
  'rev-body',
  'rev-buyer',
  'tch-pr-error',
  'other',
] as const;

export const lotCancelBody = {
  type: 'object',
  properties: {
    reason: {
      type: 'object',
      properties: { code: { type: 'string', enum: lotCancellationReasons }, text: text(2000) },
      required: ['code', 'text'],
      additionalProperties: false,
    },
  },
  required: ['reason'],
  additionalProperties: false,
} as const;

export const questionBody = {
  type: 'object',
  properties: { text: text(5000) },
  required: ['text'],
  additionalProperties: false,
} as const;

export const checksBody = {
  type: 'object',
  properties: {
    exclusion: { enum: ['pass', 'fail'] },
    selection: { enum: ['pass', 'fail'] },
    reason: text(2000),
  },
  required: ['exclusion', 'selection'],
  additionalProperties: false,
} as const;

export const awardBody = {
  type: 'object',
  properties: {
    lot: { type: 'integer', minimum: 1, maximum: 99 },
    bidId: objectId,
    lowPriceExplanation: text(10_000),
    /** Why the lot goes to a bid other than the first-ranked (e.g. the first withdrew or failed verification). */
    justification: text(10_000),
  },
  required: ['lot', 'bidId'],
  additionalProperties: false,
} as const;

export const contractBody = {
  type: 'object',
  properties: { lot: { type: 'integer', minimum: 1, maximum: 99 } },
  required: ['lot'],
  additionalProperties: false,
} as const;

/** The tender board's search: words of the title, description or reference; a CPV prefix; still open or not. */
export const tendersQuery = {
  type: 'object',
  properties: {
    ...pageQuery.properties,
    q: { type: 'string', minLength: 1, maxLength: 100 },
    cpv: { type: 'string', pattern: '^[0-9]{1,8}$' },
    stage: { enum: ['open', 'closed'] },
    consortiumId: objectId,
    sort: {
      enum: ['published', 'deadline', 'reference'],
      description:
        'Newest publication first (the default), the nearest submission deadline first, or by reference.',
    },
  },
  additionalProperties: false,
} as const;
