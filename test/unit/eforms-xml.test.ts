import path from 'node:path';
import { expect } from 'chai';
import { projectRoot } from '../../server/paths.js';
import { fieldOfDiagnostic, readableLocation, ruleMessage } from '../../server/publication/rule-messages.js';
import { el, maybe, xmlDocument } from '../../server/xml.js';

// How a notice is written (a tree of plain data, then xmlbuilder2) and how a broken rule is told
// to an officer (the SDK's own field names, from its field list).

const sdk = path.join(projectRoot, '..', 'shared', 'eforms-sdk');

describe('eForms notices: written from plain data, rules told in words', () => {
  it('when a text or an attribute holds markup, then the document escapes it; absent parts are left out', () => {
    const xml = xmlDocument(
      el(
        'cac:Party',
        { 'xmlns:cac': 'urn:cac', 'xmlns:cbc': 'urn:cbc', note: 'a "quoted" <b>' },
        el('cbc:Name', 'Smith & Co <SOC>'),
        maybe('cbc:Telephone', null),
        false,
        undefined,
        [el('cbc:ID', '1'), el('cbc:ID', '2')],
      ),
    );
    expect(xml).to.match(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(xml).to.include('<cbc:Name>Smith &amp; Co &lt;SOC&gt;</cbc:Name>');
    expect(xml).to.include('note="a &quot;quoted&quot; &lt;b&gt;"');
    expect(xml).not.to.include('Telephone');
    expect(xml.match(/<cbc:ID>/g)).to.have.length(2);
  });

  it('when a rule names its field as the Schematron writes it, then the SDK field is found', () => {
    expect(fieldOfDiagnostic('ND-LotTenderingProcessExtension_BT-630_d_-Lot')).to.equal('BT-630(d)-Lot');
    expect(fieldOfDiagnostic('BT-503-Organization-Company')).to.equal('BT-503-Organization-Company');
    expect(fieldOfDiagnostic('ND-Company_BT-503-Organization-Company')).to.equal(
      'BT-503-Organization-Company',
    );
    expect(fieldOfDiagnostic('')).to.equal(undefined);
  });

  it('when a rule is broken, then the officer reads the field’s name and what it wants', () => {
    expect(
      ruleMessage(
        sdk,
        'BR-BT-00503-0022',
        'BT-503-Organization-Company',
        "count(cac:Contact/cbc:Telephone) > 0 or not(cac:PartyIdentification/cbc:ID = 'x')",
      ),
    ).to.equal('Organisation Contact Telephone Number (BT-503): Telephone is needed here but missing.');
    expect(
      ruleMessage(
        sdk,
        'BR-BT-00727-0228',
        undefined,
        '((cac:A/cbc:IdentificationCode) or (cac:A/cbc:Region)) or not(x = 1)',
      ),
    ).to.match(
      /^Place Performance Services Other \(BT-727\): one of IdentificationCode, Region is needed here but missing\.$/,
    );
    expect(ruleMessage(sdk, 'BR-BT-00507-0353', undefined, "cbc:X = ('a','b')")).to.match(
      /\(BT-507\) has a value the eForms rules do not accept here\.$/,
    );
    expect(
      readableLocation(
        '/Q{urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2}ContractNotice[1]/Q{urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2}TenderingTerms[1]',
      ),
    ).to.equal('/ContractNotice[1]/cac:TenderingTerms[1]');
  });
});
