import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isRealInstant } from './instants.js';

// ajv-formats ships CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** The one AJV instance: compiled validators are cached by schema object. */
export const ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: false, strict: true });
addFormats(ajv);
// One meaning of `date-time` for the whole API: a real instant with a time zone (ajv-formats lets
// leap seconds and a lower-case `t`/`z` through, which `new Date()` reads as NaN or not at all).
ajv.addFormat('date-time', { type: 'string', validate: isRealInstant });

const cache = new WeakMap<object, ValidateFunction>();

/** A compiled validator for a schema, compiled once. */
export function validatorFor(schema: object): ValidateFunction {
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(schema, validate);
  }
  return validate;
}

export interface FieldError {
  path: string;
  message: string;
  /** For a notice that breaks an eForms rule: the rule's id and the SDK field it is about. */
  rule?: string;
  field?: string;
}

/** AJV's errors as `{ path, message }`, one per bad field, paths as JSON Pointers. */
export function fieldErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  return (errors ?? []).map((e) => {
    let path = e.instancePath || '';
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required')
      path = `${path}/${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties') {
      path = `${path}/${(e.params as { additionalProperty: string }).additionalProperty}`;
      message = 'is not a known field';
    }
    if (e.keyword === 'enum')
      message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    return { path: path || '/', message };
  });
}
