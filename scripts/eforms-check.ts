import { readFileSync } from 'node:fs';
import { loadConfig } from '../server/config.js';
import { validateNotice } from '../server/publication/notice-validation.js';
import { SchematronRules } from '../server/publication/schematron.js';

// Checks notice files against the configured eForms SDK (EFORMS_SDK, SCHXSLT), as the platform
// does before it publishes one: `node dist/scripts/eforms-check.js 16 notice.xml…`. Each failed
// rule is printed; the exit code is the number of notices that fail.

const [subtype, ...files] = process.argv.slice(2);
const { eforms } = loadConfig();
if (!subtype || !files.length || !eforms) {
  console.error('usage: EFORMS_SDK=… SCHXSLT=… eforms-check <subtype> <notice.xml>…');
  process.exit(2);
}
const rules = new SchematronRules(eforms);
let failed = 0;
for (const file of files) {
  const result = await validateNotice(eforms.sdk, rules, subtype, readFileSync(file, 'utf8'));
  console.log(`${file}: ${result.valid ? 'valid' : `${result.errors.length} errors`}`);
  for (const e of result.errors)
    console.log(`  ${e.rule} ${e.location ?? `line ${e.line}`}\n    ${e.message}`);
  if (!result.valid) failed++;
}
rules.close();
process.exit(failed);
