import { instant, objectId, text } from './common.js';

/** What an officer may ask of one bidder after the opening. */
export const requestKinds = ['evidence', 'explanation', 'clarification'] as const;

/**
 * A request to one bidder with its deadline: the evidence of what its ESPD declared before the
 * award (art. 59(4), 60), the explanation of an abnormally low price (art. 69), or the
 * clarification or completion of its documents (art. 56(3)). Without `dueAt` the vendor has
 * `EVIDENCE_PERIOD`.
 */
export const bidderRequestBody = {
  type: 'object',
  properties: {
    bidId: objectId,
    kind: { enum: requestKinds },
    text: text(5000),
    dueAt: instant,
  },
  required: ['bidId', 'kind', 'text'],
  additionalProperties: false,
} as const;

/** The vendor's answer: its words, and addresses where the evidence can be read (e-Certis, a registry). */
export const requestAnswerBody = {
  type: 'object',
  properties: {
    text: text(20_000),
    evidenceUrls: {
      type: 'array',
      maxItems: 20,
      items: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2000 },
    },
  },
  required: ['text'],
  additionalProperties: false,
} as const;

/** The officer's decision on the answer; refusing it needs the reason. */
export const requestDecisionBody = {
  type: 'object',
  properties: { accepted: { type: 'boolean' }, reason: text(5000) },
  required: ['accepted'],
  additionalProperties: false,
} as const;

/** `POST /requests/:id/answer` as `multipart/form-data`: the answer as JSON, then its documents. */
export const requestAnswerUpload = {
  type: 'object',
  properties: {
    answer: { type: 'string', description: 'the JSON of an answer: {text, evidenceUrls?}' },
    documents: { type: 'array', items: { type: 'string', format: 'binary' } },
  },
  required: ['answer'],
} as const;
