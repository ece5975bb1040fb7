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

/** An RFC 7396 merge patch, as OCDS applies an extension's `release-schema.json` to the release schema. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/** Validates each release of a package against the release schema with an extension's patch applied. */
export function extendedReleaseErrors(pkg: { releases: unknown[] }, extensionPatch: unknown): string[] {
  const schema = mergePatch(read('release-schema.json'), extensionPatch) as Record<string, unknown>;
  const extended = new (Ajv04 as unknown as typeof Ajv04.default)({ strict: false, allErrors: true });
  addFormats(extended);
  const validate = extended.compile({
    ...schema,
    id: 'https://ocds.example.test/extended-release-schema.json',
  });
  return pkg.releases.flatMap((r) =>
    validate(r) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`),
  );
}
