import { cents, objectId, text } from './common.js';

export const createConsortiumBody = {
  type: 'object',
  properties: { name: text(200), contributionCents: { ...cents, minimum: 1 } },
  required: ['name', 'contributionCents'],
  additionalProperties: false,
} as const;

export const invitationBody = {
  type: 'object',
  properties: { organisationId: objectId, contributionCents: { ...cents, minimum: 1 } },
  required: ['organisationId', 'contributionCents'],
  additionalProperties: false,
} as const;

export const resolutionBody = {
  type: 'object',
  properties: { subject: text(500), expressionId: objectId, tenderId: objectId, amendmentId: objectId },
  required: ['subject'],
  additionalProperties: false,
} as const;

export const voteBody = {
  type: 'object',
  properties: { vote: { enum: ['yes', 'no', 'abstain'] } },
  required: ['vote'],
  additionalProperties: false,
} as const;
