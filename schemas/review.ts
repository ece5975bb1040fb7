import { pageQuery, text } from './common.js';

// Remedies: a vendor's complaint to the tender's review body, and the review body's steps.

/** What a complaint is against (Remedies Directive 89/665/EEC). */
export const complaintSubjects = ['conditions', 'exclusion', 'award', 'cancellation'] as const;
export const complaintStatuses = [
  'submitted',
  'accepted',
  'refused',
  'upheld',
  'dismissed',
  'withdrawn',
] as const;
export const complaintOutcomes = ['upheld', 'dismissed'] as const;

export const complaintBody = {
  type: 'object',
  properties: {
    /** The lot it is about: required against an exclusion, an award or a cancellation. */
    lot: { type: 'integer', minimum: 1, maximum: 999 },
    against: { type: 'string', enum: complaintSubjects },
    /** In a line: what the complainant says is unlawful. */
    grounds: text(300),
    /** The application in full. */
    text: text(20000),
  },
  required: ['against', 'grounds', 'text'],
  additionalProperties: false,
} as const;

/** The multipart body of a complaint with its documents, for the OpenAPI document. */
export const complaintUpload = {
  type: 'object',
  properties: {
    complaint: { type: 'string', description: 'the JSON of a complaint: {lot?, against, grounds, text}' },
    documents: { type: 'array', items: { type: 'string', format: 'binary' } },
  },
  required: ['complaint'],
} as const;

/** The review body refuses a complaint as inadmissible, with its reasons. */
export const refuseBody = {
  type: 'object',
  properties: { text: text(20000) },
  required: ['text'],
  additionalProperties: false,
} as const;

/** The review body's reasoned decision. */
export const decideBody = {
  type: 'object',
  properties: { outcome: { type: 'string', enum: complaintOutcomes }, text: text(20000) },
  required: ['outcome', 'text'],
  additionalProperties: false,
} as const;

/** The review body's queue (and a vendor's own complaints): by status. */
export const complaintsQuery = {
  type: 'object',
  properties: {
    ...pageQuery.properties,
    status: { type: 'string', enum: [...complaintStatuses, 'open'] },
  },
  additionalProperties: false,
} as const;
