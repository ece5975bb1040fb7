import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'chai';
import { apiTypes, apiTypesFile } from '../../scripts/api-types.js';
import { call } from '../support/api.js';

describe('the console’s typed API client', () => {
  it('when the OpenAPI document is read, then the console’s API types are exactly what it gives (no drift)', async () => {
    const expected = await apiTypes((await call('GET', '/openapi.json')).body);
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(apiTypesFile, expected);
    const stored = readFileSync(apiTypesFile, 'utf8');
    expect(
      stored === expected,
      'web/src/api/schema.d.ts is stale: run `npm run api-types` with the platform running, or the tests with UPDATE_API_TYPES=1',
    ).to.equal(true);
  });
});
