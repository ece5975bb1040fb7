import { cents, text } from './common.js';

/** A code of the ESPD-EDM `Criterion` codelist (`gen-year-to`, `prof-misconduct`, …). */
const criterionCode = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$' } as const;

/**
 * The tender's ESPD request: the discretionary exclusion grounds (art. 57(4)) it asks besides the
 * mandatory ones, and its selection criteria with their requirements, per lot or (without `lots`)
 * for every lot. Which requirement a criterion needs is the taxonomy's: a minimum amount, a number
 * of years, a minimum number of references, a description (the certificate asked for, say).
 */
export const espdRequestField = {
  type: 'object',
  properties: {
    exclusionGrounds: { type: 'array', maxItems: 30, uniqueItems: true, items: criterionCode },
    selectionCriteria: {
      type: 'array',
      maxItems: 30,
      items: {
        type: 'object',
        properties: {
          code: criterionCode,
          lots: {
            type: 'array',
            minItems: 1,
            maxItems: 20,
            uniqueItems: true,
            items: { type: 'integer', minimum: 1, maximum: 99 },
          },
          minimumCents: { ...cents, minimum: 1 },
          years: { type: 'integer', minimum: 1, maximum: 10 },
          minimumCount: { type: 'integer', minimum: 1, maximum: 100 },
          description: text(2000),
        },
        required: ['code'],
        additionalProperties: false,
      },
    },
  },
  required: ['exclusionGrounds', 'selectionCriteria'],
  additionalProperties: false,
} as const;

/** A vendor's answer to one criterion of the request. */
export const espdAnswer = {
  type: 'object',
  properties: {
    /** For a ground: it applies. For a selection criterion: the vendor meets it. */
    answer: { type: 'boolean' },
    amountCents: cents,
    description: text(5000),
    /** Art. 57(6): the measures taken to show reliability despite a ground. */
    selfCleaning: text(5000),
    evidenceUrl: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2000 },
    /** A declared ground: the date of the conviction or decision, and the end of the exclusion it set. */
    date: { type: 'string', format: 'date' },
    until: { type: 'string', format: 'date' },
  },
  required: ['answer'],
  additionalProperties: false,
} as const;

/** The vendor's ESPD response with its bid: an answer per criterion code of the tender's request. */
export const espdResponseField = {
  type: 'object',
  properties: {
    /** The vendor's size, where its organisation has none on record. */
    size: { enum: ['micro', 'small', 'medium', 'large'] },
    answers: {
      type: 'object',
      propertyNames: criterionCode,
      additionalProperties: espdAnswer,
      maxProperties: 70,
    },
  },
  required: ['answers'],
  additionalProperties: false,
} as const;

/** `GET /espd/criteria`: words of a criterion's name or code; the language of the names. */
export const espdCriteriaQuery = {
  type: 'object',
  properties: { q: { type: 'string', maxLength: 100 }, lang: { enum: ['en', 'nl'] } },
  additionalProperties: false,
} as const;
