import type { SchematronRules } from './schematron.js';
import { schemaProblems } from './xsd.js';

// An eForms notice is valid when it passes its document type's XSD and the SDK's static Schematron
// rules of its subtype, with no error: TED rejects a notice that fails one rule.

/** One way a notice breaks the rules: which check, which rule, what it says and where. */
export interface NoticeProblem {
  source: 'xsd' | 'schematron';
  /** The rule's id (`BR-BT-00001-0001`, `ND-…`), or `xsd` for the schema. */
  rule: string;
  severity?: 'error' | 'warning';
  message: string;
  /** The SDK field (or node) the rule is about: `BT-503-Organization-Company`. */
  field?: string;
  line?: number;
  /** The XPath of the element the rule is about. */
  location?: string;
}

export interface NoticeValidation {
  valid: boolean;
  /** Errors: any one of them keeps the notice from being published. */
  errors: NoticeProblem[];
  warnings: NoticeProblem[];
}

/**
 * Validates a notice of a subtype (`16`, `29`, `CEI`…) against the SDK: the XSD first, then, when
 * the XML is of its schema, the Schematron rules (whose messages would only repeat a schema error).
 */
export async function validateNotice(
  sdk: string,
  rules: SchematronRules,
  subtype: string,
  xml: string,
): Promise<NoticeValidation> {
  const xsd = await schemaProblems(sdk, xml);
  const schematron = xsd.length ? [] : await rules.check(subtype, xml);
  const errors = [...xsd, ...schematron.filter((p) => p.severity !== 'warning')];
  return { valid: errors.length === 0, errors, warnings: schematron.filter((p) => p.severity === 'warning') };
}
