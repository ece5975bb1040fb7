import { cents, text } from './common.js';
import { espdResponseField } from './espd.js';

// What a vendor submits: a bid as JSON, or as multipart with its documents.

export const bidBody = {
  type: 'object',
  properties: {
    lot: { type: 'integer', minimum: 1, maximum: 99 },
    priceCents: { ...cents, minimum: 1 },
    technicalOffer: text(200_000),
    declarations: {
      type: 'object',
      properties: { noExclusionGrounds: { type: 'boolean' }, meetsSelectionCriteria: { type: 'boolean' } },
      required: ['noExclusionGrounds', 'meetsSelectionCriteria'],
      additionalProperties: false,
    },
    /** The ESPD response, where the tender asks one (then the declarations follow from it). */
    espd: espdResponseField,
  },
  required: ['lot', 'priceCents', 'technicalOffer'],
  additionalProperties: false,
} as const;

/** A bid with its documents, as `multipart/form-data`: the `bid` part first, then the files. */
export const bidUploadBody = {
  type: 'object',
  properties: {
    bid: {
      type: 'string',
      description: 'The bid as JSON (the fields of the application/json body); the first part.',
    },
    documents: {
      type: 'array',
      items: { type: 'string', format: 'binary' },
      description: 'The bid’s files: PDF, office, archive or image, by their content.',
    },
    priceDocuments: {
      type: 'array',
      items: { type: 'string', format: 'binary' },
      description:
        'The bid’s price envelope (a price schedule): kept from evaluators until their quality scores are final, or for good where the tender says so.',
    },
    espd: {
      type: 'string',
      format: 'binary',
      description:
        'The vendor’s ESPD response (ESPD-EDM 4.1.0 XML) made elsewhere, after the bid part: read into the bid’s `espd.answers` (answers in the bid part win).',
    },
  },
  required: ['bid'],
} as const;
