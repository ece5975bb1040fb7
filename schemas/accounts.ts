import { country, cpvCode, email, language, objectId, text } from './common.js';

export const roles = [
  'admin',
  'procurement-officer',
  'evaluator',
  'entity-representative',
  'vendor',
  'review-body',
] as const;
export const organisationKinds = [
  'contracting-authority',
  'hosting-entity',
  'vendor',
  'review-body',
] as const;
export const organisationSizes = ['micro', 'small', 'medium', 'large'] as const;

/** What a notice says of an organisation beyond its name: its address, contact and registration (eForms BT-501…BT-513, BT-165). */
export const organisationDetails = {
  city: text(100),
  postalCode: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$' },
  nuts: { type: 'string', pattern: '^[A-Z]{2}[0-9A-Z]{1,3}$' },
  phone: { type: 'string', pattern: '^\\+?[0-9][0-9 ()./-]{5,29}$' },
  registrationNumber: text(60),
  website: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 400 },
  size: { enum: organisationSizes },
} as const;

export const organisationDetailsBody = {
  type: 'object',
  properties: organisationDetails,
  minProperties: 1,
  additionalProperties: false,
} as const;

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
    ...organisationDetails,
  },
  required: ['name', 'kind', 'country', 'publicBody', 'email', 'language'],
  additionalProperties: false,
} as const;

/** A password a person chooses: long enough to resist guessing, short enough to hash cheaply. */
const newPassword = { type: 'string', minLength: 12, maxLength: 200 } as const;
/** A one-time link's token, as the console reads it from the link. */
const linkToken = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._-]+$' } as const;

/** No password: the person sets their own from the invitation e-mailed to them. */
export const createUserBody = {
  type: 'object',
  properties: {
    email,
    name: text(200),
    role: { enum: roles },
    organisationId: objectId,
    language,
  },
  required: ['email', 'name', 'role', 'organisationId', 'language'],
  additionalProperties: false,
} as const;

export const passwordFromLinkBody = {
  type: 'object',
  properties: { token: linkToken, password: newPassword },
  required: ['token', 'password'],
  additionalProperties: false,
} as const;

export const changePasswordBody = {
  type: 'object',
  properties: { current: text(200), password: newPassword },
  required: ['current', 'password'],
  additionalProperties: false,
} as const;

export const resetBody = {
  type: 'object',
  properties: { email: { type: 'string', minLength: 1, maxLength: 254 } },
  required: ['email'],
  additionalProperties: false,
} as const;

export const changeEmailBody = {
  type: 'object',
  properties: { email, password: text(200) },
  required: ['email', 'password'],
  additionalProperties: false,
} as const;

export const confirmEmailBody = {
  type: 'object',
  properties: { token: linkToken },
  required: ['token'],
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
