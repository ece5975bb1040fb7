/**
 * What validating an eForms notice costs: the first check of a subtype (the Java process starting
 * and the subtype's rules compiled), then per notice the XSD (libxml2) and the Schematron rules
 * (Saxon-HE, rules kept compiled), on the SDK's own minimal contract notice. `EFORMS_SDK`,
 * `SCHXSLT` and `SAXON_JAR` name the tools (defaults: the shared folders beside the project and
 * Debian's Saxon-HE); `ROUNDS` notices (default 20).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../server/paths.js';
import { SchematronRules } from '../server/publication/schematron.js';
import { schemaProblems } from '../server/publication/xsd.js';

const shared = path.join(projectRoot, '..', 'shared');
const sdk = process.env.EFORMS_SDK ?? path.join(shared, 'eforms-sdk');
const rules = new SchematronRules({
  sdk,
  schxslt: process.env.SCHXSLT ?? path.join(shared, 'schxslt-1.10.1'),
  saxonJar: process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar',
  java: process.env.JAVA ?? 'java',
});
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const xml = readFileSync(path.join(sdk, 'examples', 'notices', 'cn_24_minimal.xml'), 'utf8');
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
const timed = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
try {
  const first = await timed(() => rules.check('16', xml));
  const xsd: number[] = [];
  const schematron: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    xsd.push(await timed(() => schemaProblems(sdk, xml)));
    schematron.push(await timed(() => rules.check('16', xml)));
  }
  console.log(`first check of subtype 16 (Java started, rules compiled): ${(first / 1000).toFixed(1)} s`);
  console.log(
    `per notice, median of ${ROUNDS} (min–max): XSD ${median(xsd).toFixed(0)} ms (${Math.min(...xsd).toFixed(0)}–${Math.max(...xsd).toFixed(0)}), ` +
      `Schematron ${median(schematron).toFixed(0)} ms (${Math.min(...schematron).toFixed(0)}–${Math.max(...schematron).toFixed(0)})`,
  );
} finally {
  rules.close();
}
