import { expect } from 'chai';
import { isRealInstant } from '../../server/instants.js';
import { asAdmin, call } from '../support/api.js';

/** Strings that look like dates but are no real instant, or carry no time zone. */
const ODD = [
  '2026-12-31T23:59:60Z', // leap second
  '2026-06-30T23:59:60+02:00',
  '2026-02-31T10:00:00Z', // 31 February
  '2027-02-29T10:00:00Z', // not a leap year
  '0000-01-01T00:00:00Z', // year 0
  '2026-01-01T24:00:00Z',
  '2026-01-01T10:60:00Z',
  '2026-01-01T10:00:00', // no zone
  '2026-01-01', // no time
  '2026-01-01T10:00:00+25:00', // no such offset
  '2026-01-01T10:00:00+14:30',
  '2026-01-01T10:00:00-13:00',
  '2026-01-01T10:00:00+05:60',
  '2026-01-01t10:00:00z',
  '2026-01-01 10:00:00Z',
  '+002026-01-01T00:00:00Z',
  '1767261600000',
  'tomorrow',
];
const GOOD = ['2026-12-31T23:59:59Z', '2028-02-29T12:00:00.123+14:00', '2026-06-01T08:00:00-12:00'];

type Schema = { type?: string; format?: string; properties?: Record<string, Schema>; items?: Schema };

/** Every JSON Pointer (with array items at index 0) whose schema is a date-time. */
function dateFields(schema: Schema | undefined, at = ''): string[] {
  if (!schema) return [];
  if (schema.format === 'date-time') return [at];
  return [
    ...Object.entries(schema.properties ?? {}).flatMap(([k, s]) => dateFields(s, `${at}/${k}`)),
    ...dateFields(schema.items, `${at}/0`),
  ];
}

/** A body holding `value` at a JSON Pointer, and nothing else. */
function bodyWith(pointer: string, value: string): unknown {
  const keys = pointer.split('/').slice(1);
  const build = (i: number): unknown => {
    if (i === keys.length) return value;
    const key = keys[i] as string;
    return /^\d+$/.test(key) ? [build(i + 1)] : { [key]: build(i + 1) };
  };
  return build(0);
}

describe('dates: every accepted date and time is a real instant', () => {
  it('when odd strings are checked, then none is a real instant and the good ones are', () => {
    for (const odd of ODD) expect(isRealInstant(odd), odd).to.equal(false);
    for (const good of GOOD) expect(isRealInstant(good), good).to.equal(true);
  });

  it('when odd dates are sent to every date field of every route, then each answers 400 naming that field', async () => {
    const doc = (await call('GET', '/openapi.json')).body as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
      >;
    };
    const token = await asAdmin();
    const tried: string[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        for (const field of dateFields(schema)) {
          const path = template.replace('/api/v1', '').replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
          for (const odd of ODD) {
            const res = await call(method.toUpperCase(), path, { token, body: bodyWith(field, odd) });
            expect(res.status, `${method} ${template} ${field} = ${odd}`).to.equal(400);
            expect(res.headers.get('content-type')).to.match(/problem\+json/);
            const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
            expect(paths, `${method} ${template} ${odd}`).to.include(field);
          }
          tried.push(`${method} ${template} ${field}`);
        }
      }
    }
    // The calls' and tenders' dates at least: a schema that loses its format would drop out of this list.
    expect(tried).to.include.members([
      'post /api/v1/calls /opensAt',
      'post /api/v1/calls /closesAt',
      'post /api/v1/tenders /questionsDeadline',
      'post /api/v1/tenders /submissionDeadline',
      'post /api/v1/tenders /openingAt',
      'put /api/v1/tenders/{id}/opening /openingAt',
    ]);
  });
});
