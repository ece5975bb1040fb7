import { readFileSync } from 'node:fs';
import { loadConfig } from '../server/config.js';
import { validateEspd } from '../server/espd/espd-validation.js';
import { SchematronRules } from '../server/publication/schematron.js';

// Checks ESPD documents against the configured ESPD-EDM folder (ESPD_EDM): the UBL schema of their
// kind and every business rule, as the tests check the platform's own: `node dist/scripts/espd-check.js
// request espd-request.xml…` (or `response …`). The exit code is the number of documents that fail.

const [kind, ...files] = process.argv.slice(2);
const { espd } = loadConfig();
if ((kind !== 'request' && kind !== 'response') || !files.length || !espd) {
  console.error('usage: ESPD_EDM=… espd-check request|response <file.xml>…');
  process.exit(2);
}
const rules = new SchematronRules(espd);
let failed = 0;
for (const file of files) {
  const result = await validateEspd(espd.folder, rules, kind, readFileSync(file, 'utf8'));
  console.log(
    `${file}: ${result.valid ? 'valid' : `${result.errors.length} errors`}, ${result.warnings.length} warnings`,
  );
  for (const e of [...result.errors, ...result.warnings])
    console.log(`  ${e.severity} ${e.rule} ${e.location ?? ''}\n    ${e.message}`);
  if (!result.valid) failed++;
}
rules.close();
process.exit(failed);
