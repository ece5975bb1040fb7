import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { validateNotice } from '../../server/publication/notice-validation.js';
import { SchematronRules } from '../../server/publication/schematron.js';
import { EFORMS_SDK, eformsSetup } from '../support/harness.js';

// The validator of eForms notices, judged on the SDK's own examples and on the reports the SDK
// ships with them (its expected SVRL), with the tools the platform uses: libxml2 for the XSD,
// SchXslt and Saxon-HE in one long-lived Java process for the Schematron rules.

const sdk = EFORMS_SDK;
const example = (name: string) => readFileSync(path.join(sdk, 'examples', 'notices', `${name}.xml`), 'utf8');
/** The rule ids the SDK's own report of an example lists as failed. */
const expectedFailures = (name: string) =>
  [
    ...readFileSync(path.join(sdk, 'examples', 'reports', `${name}.svrl`), 'utf8').matchAll(
      /<svrl:failed-assert[^>]*\sid="([^"]+)"[^>]*\srole="(?:ERROR|error)"/g,
    ),
  ].map((m) => m[1] as string);

describe('eForms notices are judged by the SDK’s own rules', function () {
  // Compiling one subtype's rules takes seconds; a notice then takes well under one.
  this.timeout(240_000);
  let rules: SchematronRules;

  before(function () {
    // CI installs Saxon-HE (.ci/run); elsewhere, without it, these tests skip.
    const setup = eformsSetup();
    if (!setup) return this.skip();
    rules = new SchematronRules(setup);
  });

  after(() => rules?.close());

  it('when the SDK’s minimal contract notice (subtype 16) is validated, then the XSD and every rule pass', async () => {
    const result = await validateNotice(sdk, rules, '16', example('cn_24_minimal'));
    expect(result.errors).to.deep.equal([]);
    expect(result.valid).to.equal(true);
  });

  it('when the SDK’s empty contract notice is validated, then the rules it breaks are those of the SDK’s own report', async () => {
    const result = await validateNotice(sdk, rules, '16', example('INVALID_cn_24_empty'));
    expect(result.valid).to.equal(false);
    const found = [...new Set(result.errors.map((e) => e.rule))].sort();
    expect(found).to.deep.equal([...new Set(expectedFailures('INVALID_cn_24_empty'))].sort());
    expect(found).to.include('ND-ProcedureTerms-16');
    expect(result.errors.every((e) => e.source === 'schematron' && e.location?.startsWith('/'))).to.equal(
      true,
    );
  });

  it('when the SDK’s call for expressions of interest (CEI) is validated, then it fails exactly as the SDK’s report says', async () => {
    const result = await validateNotice(sdk, rules, 'CEI', example('CEI'));
    expect([...new Set(result.errors.map((e) => e.rule))].sort()).to.deep.equal(
      [...new Set(expectedFailures('CEI'))].sort(),
    );
  });

  it('when a notice breaks its schema, then the XSD says where, and the rules are not run on it', async () => {
    const broken = example('cn_24_minimal').replace(
      '<cbc:NoticeTypeCode',
      '<cbc:NotAnElement/><cbc:NoticeTypeCode',
    );
    const result = await validateNotice(sdk, rules, '16', broken);
    expect(result.valid).to.equal(false);
    expect(result.errors.length).to.be.greaterThan(0);
    expect(result.errors.every((e) => e.source === 'xsd')).to.equal(true);
    expect(result.errors[0]?.message).to.match(/NotAnElement/);
    expect(result.errors[0]?.line).to.be.a('number');
  });

  it('when a document is no eForms notice, then it is refused naming its root element', async () => {
    const result = await validateNotice(sdk, rules, '16', '<?xml version="1.0"?><Invoice/>');
    expect(result.errors).to.deep.equal([
      { source: 'xsd', rule: 'root', message: 'The root element Invoice is no eForms notice.' },
    ]);
  });
});
