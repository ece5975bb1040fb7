import { cents, instant, objectId, text } from './common.js';

/** An evaluation criterion of a call or a tender: weights are relative, thresholds in score units. */
export const criterion = {
  type: 'object',
  properties: {
    key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' },
    title: text(200),
    weight: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
    maxScore: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
    threshold: { type: 'number', minimum: 0, maximum: 1000 },
  },
  required: ['key', 'title', 'weight', 'maxScore', 'threshold'],
  additionalProperties: false,
} as const;

export const createCallBody = {
  type: 'object',
  properties: {
    reference: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9/_.-]{0,59}$' },
    title: text(300),
    description: text(20_000),
    opensAt: instant,
    closesAt: instant,
    budgetCents: { ...cents, minimum: 1 },
    cofundingRate: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    minMemberStates: { type: 'integer', minimum: 1, maximum: 27 },
    criteria: { type: 'array', minItems: 1, maxItems: 20, items: criterion },
  },
  required: [
    'reference',
    'title',
    'description',
    'opensAt',
    'closesAt',
    'budgetCents',
    'cofundingRate',
    'minMemberStates',
    'criteria',
  ],
  additionalProperties: false,
} as const;

export const evaluatorBody = {
  type: 'object',
  properties: { userId: objectId },
  required: ['userId'],
  additionalProperties: false,
} as const;

export const coiBody = {
  type: 'object',
  properties: { conflict: { type: 'boolean' }, note: { type: 'string', maxLength: 2000 } },
  required: ['conflict'],
  additionalProperties: false,
} as const;

export const scoreBody = {
  type: 'object',
  properties: {
    criterion: { type: 'string', minLength: 1, maxLength: 40 },
    score: { type: 'number', minimum: 0, maximum: 1000 },
    comment: { type: 'string', maxLength: 5000 },
  },
  required: ['criterion', 'score'],
  additionalProperties: false,
} as const;

/** An evaluator's scores of one bid, saved together: one per criterion. */
export const bidScoresBody = {
  type: 'object',
  properties: { scores: { type: 'array', minItems: 1, maxItems: 20, items: scoreBody } },
  required: ['scores'],
  additionalProperties: false,
} as const;
