import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NoticeProblem } from './notice-validation.js';

// The XSD half of an eForms notice's validation: libxml2 (compiled to WebAssembly, `xmllint-wasm`)
// against the SDK's schema of the notice's document type, offline. The schemas are read once per
// SDK folder and handed to libxml2 in its in-memory file system, in the SDK's own folder layout,
// so that their relative imports resolve.

/** The SDK's main schema for each root element an eForms notice may have. */
const MAIN_SCHEMAS: Record<string, string> = {
  ContractNotice: 'UBL-ContractNotice-2.3.xsd',
  ContractAwardNotice: 'UBL-ContractAwardNotice-2.3.xsd',
  PriorInformationNotice: 'UBL-PriorInformationNotice-2.3.xsd',
  BusinessRegistrationInformationNotice: 'EFORMS-BusinessRegistrationInformationNotice.xsd',
};

const loaded = new Map<string, { fileName: string; contents: string }[]>();

/** Every schema file of an SDK, as libxml2's file system will hold them (`maindoc/…`, `common/…`). */
function schemaFiles(sdk: string) {
  let files = loaded.get(sdk);
  if (!files) {
    files = ['maindoc', 'common'].flatMap((dir) =>
      readdirSync(path.join(sdk, 'schemas', dir))
        .filter((f) => f.endsWith('.xsd'))
        .map((f) => ({
          fileName: `${dir}/${f}`,
          contents: readFileSync(path.join(sdk, 'schemas', dir, f), 'utf8'),
        })),
    );
    loaded.set(sdk, files);
  }
  return files;
}

/** The document type of a notice: its root element's local name. */
export function rootElement(xml: string): string | undefined {
  return /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/.exec(
    xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''),
  )?.[1];
}

/** Every way the notice breaks its document type's schema (none when it is valid). */
export async function schemaProblems(sdk: string, xml: string): Promise<NoticeProblem[]> {
  const root = rootElement(xml);
  const main = root ? MAIN_SCHEMAS[root] : undefined;
  if (!main)
    return [
      { source: 'xsd', rule: 'root', message: `The root element ${root ?? '(none)'} is no eForms notice.` },
    ];
  const files = schemaFiles(sdk);
  const schema = files.find((f) => f.fileName === `maindoc/${main}`);
  const { validateXML } = await import('xmllint-wasm');
  const result = await validateXML({
    xml: [{ fileName: 'notice.xml', contents: xml }],
    schema: schema as { fileName: string; contents: string },
    preload: files.filter((f) => f !== schema),
  });
  return result.errors.map((e) => ({
    source: 'xsd' as const,
    rule: 'xsd',
    message: e.message.trim(),
    ...(e.loc?.lineNumber ? { line: e.loc.lineNumber } : {}),
  }));
}
