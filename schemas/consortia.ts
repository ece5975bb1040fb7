import { cents, instant, objectId, text } from './common.js';

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
  properties: {
    subject: text(500),
    text: { ...text(20_000), description: 'The text the members vote on.' },
    votingDeadline: {
      ...instant,
      description: 'After it the resolution closes as it stands: one that has not passed is rejected.',
    },
    expressionId: objectId,
    tenderId: objectId,
    amendmentId: objectId,
  },
  required: ['subject'],
  additionalProperties: false,
} as const;

export const voteBody = {
  type: 'object',
  properties: { vote: { enum: ['yes', 'no', 'abstain'] } },
  required: ['vote'],
  additionalProperties: false,
} as const;
