import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SchematronRules } from '../publication/schematron.js';

// An ESPD document is valid when it passes the UBL 2.3 schema of its kind (libxml2, offline) and
// every business rule of the ESPD-EDM, compiled to XSLT in its `validation/` folder, in the order
// the official validation tool applies them (`validation/espd-validation.bat`).

export type EspdKind = 'request' | 'response';

export interface EspdProblem {
  source: 'xsd' | 'rules';
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  location?: string;
}

const RULES: Record<EspdKind, string[]> = {
  request: [
    '01-ESPD-codelist-values',
    '02-ESPD-req-cardinality-br',
    '04-ESPD-common-other-br',
    '05-ESPD-req-procurer-br',
    '04-ESPD-req-other-br',
    '03-ESPD-common-criterion-br',
    '03-ESPD-req-criterion-br',
    '01-ESPD-common-cl-attributes',
    '05-ESPD-req-specific-br',
    '01-ESPD-common-cl-values-restrictions',
  ],
  response: [
    '01-ESPD-codelist-values',
    '02-ESPD-resp-cardinality-br',
    '04-ESPD-common-other-br',
    '05-ESPD-resp-eo-br',
    '04-ESPD-resp-other-br',
    '03-ESPD-common-criterion-br',
    '05-ESPD-resp-role-br',
    '03-ESPD-resp-criterion-br',
    '05-ESPD-resp-qualification-br',
    '05-ESPD-resp-specific-br',
    '01-ESPD-common-cl-attributes',
    '01-ESPD-common-cl-values-restrictions',
  ],
};

const MAIN: Record<EspdKind, string> = {
  request: 'UBL-QualificationApplicationRequest-2.3.xsd',
  response: 'UBL-QualificationApplicationResponse-2.3.xsd',
};

const schemas = new Map<string, { fileName: string; contents: string }[]>();

function schemaFiles(folder: string) {
  let files = schemas.get(folder);
  if (!files) {
    const root = path.join(folder, 'ubl-2.3', 'xsdrt');
    files = ['maindoc', 'common'].flatMap((dir) =>
      readdirSync(path.join(root, dir))
        .filter((f) => f.endsWith('.xsd'))
        .map((f) => ({ fileName: `${dir}/${f}`, contents: readFileSync(path.join(root, dir, f), 'utf8') })),
    );
    schemas.set(folder, files);
  }
  return files;
}

/** Every way an ESPD document breaks the UBL schema of its kind. */
export async function espdSchemaProblems(
  folder: string,
  kind: EspdKind,
  xml: string,
): Promise<EspdProblem[]> {
  const files = schemaFiles(folder);
  const schema = files.find((f) => f.fileName === `maindoc/${MAIN[kind]}`);
  if (!schema) throw new Error(`${MAIN[kind]} is not in the ESPD-EDM folder`);
  const { validateXML } = await import('xmllint-wasm');
  const result = await validateXML({
    xml: [{ fileName: 'espd.xml', contents: xml }],
    schema,
    preload: files.filter((f) => f !== schema),
  });
  return result.errors.map((e) => ({
    source: 'xsd' as const,
    rule: 'xsd',
    severity: 'error' as const,
    message: `${e.loc?.lineNumber ? `line ${e.loc.lineNumber}: ` : ''}${e.message.trim()}`,
  }));
}

/** The XSD, then (when the XML is of its schema) every business rule; warnings kept apart. */
export async function validateEspd(folder: string, rules: SchematronRules, kind: EspdKind, xml: string) {
  const xsd = await espdSchemaProblems(folder, kind, xml);
  const found: EspdProblem[] = [];
  if (!xsd.length) {
    const dir = path.join(folder, 'validation', kind === 'request' ? 'ESPDRequest' : 'ESPDResponse', 'xsl');
    for (const name of RULES[kind]) {
      for (const f of await rules.run(`xslt:${path.join(dir, `${name}.xsl`)}`, xml)) {
        const level = (f.flag ?? f.role ?? 'fatal').toLowerCase();
        found.push({
          source: 'rules',
          rule: f.id || name,
          severity: level === 'warning' || level === 'info' ? 'warning' : 'error',
          message: f.text,
          location: f.location,
        });
      }
    }
  }
  const errors = [...xsd, ...found.filter((p) => p.severity === 'error')];
  return { valid: errors.length === 0, errors, warnings: found.filter((p) => p.severity === 'warning') };
}
