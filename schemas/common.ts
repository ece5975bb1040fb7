/** Building blocks shared by the request schemas. */
export const objectId = { type: 'string', pattern: '^[0-9a-f]{24}$' } as const;
export const language = { type: 'string', pattern: '^[a-z]{2}$' } as const;
export const country = { type: 'string', pattern: '^[A-Z]{2}$' } as const;
export const email = { type: 'string', format: 'email', maxLength: 254 } as const;
export const cents = { type: 'integer', minimum: 0, maximum: 9_000_000_000_000_000 } as const;
export const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
export const instant = { type: 'string', format: 'date-time' } as const;
export const duration = { type: 'string', format: 'duration' } as const;
export const cpvCode = { type: 'string', pattern: '^[0-9]{8}(-[0-9])?$' } as const;

/** `?limit=&offset=` of every list. */
export const pageQuery = {
  type: 'object',
  properties: {
    limit: { type: 'string', pattern: '^(100|[1-9][0-9]?)$' },
    offset: { type: 'string', pattern: '^[0-9]{1,9}$' },
  },
} as const;
