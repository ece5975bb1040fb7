import { country, cpvCode, email, language, objectId, text } from './common.js';

export const roles = [
  'admin',
  'procurement-officer',
  'evaluator',
  'entity-representative',
  'vendor',
] as const;
export const organisationKinds = ['contracting-authority', 'hosting-entity', 'vendor'] as const;

export const loginBody = {
  type: 'object',
  properties: { email: { type: 'string', minLength: 1, maxLength: 254 }, password: text(200) },
  required: ['email', 'password'],
  additionalProperties: false,
} as const;

export const createOrganisationBody = {
  type: 'object',
  properties: {
    name: text(200),
    kind: { enum: organisationKinds },
    country,
    publicBody: { type: 'boolean' },
    email,
    language,
  },
  required: ['name', 'kind', 'country', 'publicBody', 'email', 'language'],
  additionalProperties: false,
} as const;

export const createUserBody = {
  type: 'object',
  properties: {
    email,
    name: text(200),
    password: { type: 'string', minLength: 12, maxLength: 200 },
    role: { enum: roles },
    organisationId: objectId,
    language,
  },
  required: ['email', 'name', 'password', 'role', 'organisationId', 'language'],
  additionalProperties: false,
} as const;

export const subscriptionsBody = {
  type: 'object',
  properties: {
    cpvPrefixes: {
      type: 'array',
      maxItems: 100,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[0-9]{1,8}$' },
    },
  },
  required: ['cpvPrefixes'],
  additionalProperties: false,
} as const;

export { cpvCode };
