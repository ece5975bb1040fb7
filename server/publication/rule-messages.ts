import { readFileSync } from 'node:fs';
import path from 'node:path';

// The SDK's Schematron messages are keys (`rule|text|BR-…`) into translations it does not ship;
// an officer needs words. Each rule names the field it checks (its diagnostic); the SDK's field
// list gives that field's name and business term, and the rule's test says what it wants of it.

interface FieldInfo {
  name: string;
  btId?: string;
}

const prefixes: Record<string, string> = {
  'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2': 'cac',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2': 'cbc',
  'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2': 'ext',
  'http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1': 'efac',
  'http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1': 'efbc',
  'http://data.europa.eu/p27/eforms-ubl-extensions/1': 'efext',
};

/** `/Q{urn:…CommonAggregateComponents-2}TenderingTerms[1]` read as `/cac:TenderingTerms[1]`. */
export const readableLocation = (location: string) =>
  location.replace(/Q\{([^}]*)\}/g, (_, ns: string) => (prefixes[ns] ? `${prefixes[ns]}:` : ''));

const loaded = new Map<string, Map<string, FieldInfo>>();

function fieldsOf(sdk: string): Map<string, FieldInfo> {
  let fields = loaded.get(sdk);
  if (!fields) {
    const raw = JSON.parse(readFileSync(path.join(sdk, 'fields', 'fields.json'), 'utf8')) as {
      fields: { id: string; name: string; btId?: string }[];
      xmlStructure: { id: string; name?: string }[];
    };
    fields = new Map();
    for (const f of raw.fields) {
      fields.set(f.id, { name: f.name, btId: f.btId });
      // A rule with no diagnostic is known by its business term alone (BR-BT-00507-… is BT-507).
      if (f.btId && !fields.has(f.btId)) fields.set(f.btId, { name: f.name, btId: f.btId });
    }
    for (const n of raw.xmlStructure) fields.set(n.id, { name: n.name ?? n.id });
    loaded.set(sdk, fields);
  }
  return fields;
}

/**
 * The field a rule is about. Its diagnostic is a field id, or `<node>_<field>`, with the field's
 * parentheses written as underscores (`BT-630_d_-Lot` is `BT-630(d)-Lot`).
 */
export function fieldOfDiagnostic(diagnostic: string): string | undefined {
  const first = diagnostic.split(' ')[0] ?? '';
  if (!first) return undefined;
  const field = first.startsWith('ND-') && first.includes('_') ? first.slice(first.indexOf('_') + 1) : first;
  return field.replace(/_([a-z0-9]{1,2})_/g, '($1)');
}

/** What the rule wants, in words: a field missing, a field where it may not be, or a wrong value. */
export function ruleMessage(
  sdk: string,
  rule: string,
  field: string | undefined,
  test: string | undefined,
): string {
  const term = /^BR-([A-Z]+)-0*(\d+)-/.exec(rule);
  const key = field ?? (term ? `${term[1]}-${term[2]}` : undefined);
  const info = key ? fieldsOf(sdk).get(key) : undefined;
  const what = info ? `${info.name} (${info.btId ?? key})` : (key ?? 'The notice');
  const t = (test ?? '').replace(/\s+/g, ' ');
  if (/^count\([^)]*\) = 0/.test(t)) return `${what} is not allowed here.`;
  // `(a) or (b) or not(condition)`: one of the elements a, b is wanted when the condition holds.
  const wanted = t.split(' or not(')[0] ?? '';
  if (!/(=|<|>|!=|matches\()/.test(wanted.replace(/count\([^)]*\) &?g?t?;? ?> 0/g, ''))) {
    const names = [
      ...new Set([...wanted.matchAll(/(?:cac|cbc|efac|efbc):([A-Za-z]+)(?![A-Za-z/:])/g)].map((m) => m[1])),
    ];
    if (names.length)
      return `${what}: ${names.length > 1 ? `one of ${names.join(', ')}` : names[0]} is needed here but missing.`;
  }
  if (/^count\([^)]*\) > 0/.test(t)) return `${what} is required here but missing.`;
  return `${what} has a value the eForms rules do not accept here.`;
}
