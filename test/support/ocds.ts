import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { projectRoot } from '../../server/paths.js';

const ocdsDir = path.join(projectRoot, '..', 'shared', 'ocds');
const read = (file: string) => JSON.parse(readFileSync(path.join(ocdsDir, file), 'utf8'));
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const ajv = new (Ajv04 as unknown as typeof Ajv04.default)({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(read('release-schema.json'));
const validatePackage = ajv.compile(read('release-package-schema.json'));

/** Validates a release package against the official OCDS 1.1.5 schemas; answers the errors. */
export function ocdsErrors(pkg: unknown): string[] {
  return validatePackage(pkg)
    ? []
    : (validatePackage.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The codes of one official codelist. */
export function codelist(name: string): string[] {
  return readFileSync(path.join(ocdsDir, 'codelists', `${name}.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0] as string);
}
