import { instant, text } from './common.js';
import { createTenderBody } from './tenders.js';

// A published tender's changes: its procurement documents, amendments, and the answer that moves
// its deadline.

/** A procurement document's JSON part: its title, and the document it replaces with a new version. */
export const tenderDocumentBody = {
  type: 'object',
  properties: {
    title: text(300),
    replaces: { type: 'string', pattern: '^[a-f0-9]{16}$' },
  },
  required: ['title'],
  additionalProperties: false,
} as const;

/** The multipart body of a procurement document, for the OpenAPI document. */
export const tenderDocumentUpload = {
  type: 'object',
  properties: {
    document: { type: 'string', description: 'the JSON of a document: {title, replaces?}' },
    file: { type: 'string', format: 'binary' },
  },
  required: ['document', 'file'],
} as const;

const { expressionId, reference, procedureType, ...changeable } = createTenderBody.properties;

/** Why a tender changes: the eForms change-corrig-justification codes a buyer gives. */
export const amendmentReasons = ['cor-buy', 'cor-esen', 'update-add', 'info-release'] as const;

export const amendmentBody = {
  type: 'object',
  properties: {
    /** Any fields of the tender's body, each replacing its value whole (`lots` as the full list). */
    changes: { type: 'object', properties: changeable, additionalProperties: false },
    /** Documents whose new version, uploaded since publication, this amendment publishes. */
    documents: {
      type: 'array',
      maxItems: 50,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-f0-9]{16}$' },
    },
    reason: {
      type: 'object',
      properties: { code: { type: 'string', enum: amendmentReasons }, text: text(2000) },
      required: ['code', 'text'],
      additionalProperties: false,
    },
  },
  required: ['changes', 'reason'],
  additionalProperties: false,
} as const;

/** An officer's answer; one that comes too close to the deadline carries the later deadline. */
export const answerBody = {
  type: 'object',
  properties: { text: text(5000), submissionDeadline: instant },
  required: ['text'],
  additionalProperties: false,
} as const;

/** `?version=` of a procurement document: the latest published one without it. */
export const documentQuery = {
  type: 'object',
  properties: { version: { type: 'string', pattern: '^[1-9][0-9]{0,3}$' } },
  additionalProperties: false,
} as const;
