import { cents, objectId, text } from './common.js';

export const toolCategories = [
  'siem',
  'edr-xdr',
  'ndr',
  'threat-intelligence',
  'ai-anomaly-detection',
  'other',
] as const;

const tool = {
  type: 'object',
  properties: {
    category: { enum: toolCategories },
    description: text(2000),
    estimatedCostCents: { ...cents, minimum: 1 },
  },
  required: ['category', 'description', 'estimatedCostCents'],
  additionalProperties: false,
} as const;

const fields = {
  summary: text(20_000),
  tools: { type: 'array', minItems: 1, maxItems: 50, items: tool },
  requestedEuContributionCents: cents,
  hostingYears: { type: 'integer', minimum: 1, maximum: 30 },
} as const;

export const createExpressionBody = {
  type: 'object',
  properties: { consortiumId: objectId, ...fields },
  required: ['consortiumId', 'summary', 'tools', 'requestedEuContributionCents', 'hostingYears'],
  additionalProperties: false,
} as const;

export const patchExpressionBody = {
  type: 'object',
  properties: fields,
  minProperties: 1,
  additionalProperties: false,
} as const;
