import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { Bid } from '../../server/bids/bid.model.js';
import { Tender } from '../../server/tenders/tender.model.js';
import { call, newOrganisation, newPerson, type Person, pdfOf, steps } from '../support/api.js';
import {
  browserAvailable,
  expectAccessible,
  inDutch,
  launchBrowser,
  localTime,
  onPhone,
  pageFor,
  screenshot,
  signIn,
} from '../support/browser.js';
import { answerClean, DECLARES_A_GROUND, group, pictured } from '../support/espd-form.js';
import { evaluateBids } from '../support/evaluation.js';
import { ESPD_EDM, harness } from '../support/harness.js';
import {
  openingCommittee,
  type SelectedExpression,
  selectedExpression,
  waitUntil,
} from '../support/procedure.js';

// The ESPD in the console: the officer asks it from the EU's taxonomy; vendors answer in a form
// grouped as the ESPD groups it, or bring one made elsewhere; the evaluation shows what each
// declared; the winner proves it on the platform before the award.
describe('console: the ESPD from the request to the evidence', function () {
  this.timeout(300_000);
  let browser: Browser;
  let officerPage: Page;
  let vendorPage: Page;
  let sel: SelectedExpression;
  let officer: Person;
  let committee: Person[];
  let vendors: Person[];
  let tenderId: string;
  let deadline: number;
  const errors: string[] = [];
  const base = () => harness().baseUrl;

  before(async function () {
    if (!browserAvailable()) return this.skip();
    sel = await selectedExpression();
    officer = sel.officer;
    committee = await openingCommittee(officer);
    vendors = [];
    for (const name of ['Clean Detect NV', 'Imported Controls GmbH', 'Declares SARL'])
      vendors.push(await newPerson('vendor', await newOrganisation('vendor', { name })));
    browser = await launchBrowser();
    officerPage = await pageFor(browser, 'en-GB', errors);
    vendorPage = await pageFor(browser, 'en-GB', errors);
    await signIn(officerPage, base(), officer);
  });

  after(async () => browser?.close());
  afterEach(() => expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]));

  it('when the officer finds turnover, insurance, a certificate and a ground in the taxonomy, then the draft asks them in ESPD', async () => {
    const page = officerPage;
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await page.goto(`${base()}/tenders/new?expression=${sel.expressionId}`);
    deadline = Date.now() + 100_000;
    await field('Reference').fill(`ECCC-ESPD-${Date.now()}`);
    await field('Title').fill('Managed SOC with ESPD');
    await field('Description').fill('A managed SOC service whose bidders declare in ESPD.');
    await field('CPV codes').fill('72212730');
    await field('Title of lot 1').fill('Managed SOC');
    await field('Estimated value of lot 1').fill('3,000,000');
    await field('Questions until').fill(localTime(Date.now() + 40_000));
    await field('Bids until').fill(localTime(deadline));
    await field('Name of criterion 1').fill('Detection');
    await field('Weight of criterion 1').fill('1');
    await field('Threshold of criterion 1').fill('5');
    await field('Duration of the contract (months)').fill('36');
    await field('Place of performance (NUTS code)').fill('BE100');
    // The mandatory grounds are listed, never offered.
    await page.getByText('Participation in a criminal organisation').waitFor();
    const find = async (words: string, name: string) => {
      await field('Find a criterion').fill(words);
      await page.getByRole('button', { name: `Add ${name}` }).click();
    };
    await find('turnover', 'General yearly turnover');
    await find('indemnity', 'Professional risk indemnity insurance');
    await find('quality assurance', 'Certificates by independent bodies about quality assurance standards');
    await find('misconduct', 'Guilty of grave professional misconduct');
    const turnover = group(page, 'General yearly turnover');
    await turnover.getByLabel('Minimum amount in euros').fill('2,000,000');
    await turnover.getByLabel('Number of years').fill('3');
    const insurance = group(page, 'Professional risk indemnity insurance');
    await insurance.getByLabel('Minimum amount in euros').fill('1,000,000');
    await insurance.getByLabel('What is asked').fill('Professional indemnity insurance');
    await group(page, 'Certificates by independent bodies about quality assurance standards')
      .getByLabel('What is asked')
      .fill('ISO/IEC 27001 certification of the SOC service');
    await expectAccessible(page, 'the ESPD request in the draft');
    await pictured(page, 'espd-request');
    await inDutch(page, 'Hoe de inschrijvingen worden beoordeeld', 'espd-request-nl');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('heading', { name: 'Before publishing' }).waitFor();
    tenderId = page.url().split('/').pop() as string;
    const draft = await Tender.findById(tenderId).lean();
    expect(draft?.espd).to.deep.equal({
      exclusionGrounds: ['prof-misconduct'],
      selectionCriteria: [
        { code: 'gen-year-to', minimumCents: 200_000_000, years: 3 },
        { code: 'indem-insu', minimumCents: 100_000_000, description: 'Professional indemnity insurance' },
        { code: 'qu-certif-indep', description: 'ISO/IEC 27001 certification of the SOC service' },
      ],
    });
    await steps.seatOpeningCommittee(officer, tenderId, committee);
    await steps.approve(sel.consortiumId, sel.members, { subject: 'Approve the tender', tenderId });
    expect((await call('POST', `/tenders/${tenderId}/publish`, { token: officer.token })).status).to.equal(
      200,
    );
  });

  async function bidAs(vendor: Person, price: string) {
    const page = vendorPage;
    await signIn(page, base(), vendor);
    await page.goto(`${base()}/tenders/${tenderId}`);
    await page.getByRole('group', { name: 'Your ESPD' }).waitFor();
    await page.getByLabel('Price in euros (excluding VAT)').fill(price);
    await page.getByLabel('Technical offer').fill('A 24/7 managed SOC from Brussels.');
    await page.getByLabel('Size of your organisation').selectOption('small');
  }

  it('when a vendor answers in the form and forgets a ground, then the ground is named; answered, its receipt shows what it declared', async () => {
    const page = vendorPage;
    await bidAs(vendors[0] as Person, '2,400,000');
    await page.getByText('Grounds relating to criminal convictions').waitFor();
    await answerClean(page, '4,500,000', 'Guilty of grave professional misconduct');
    await page.getByRole('button', { name: 'Submit the bid' }).click();
    await group(page, 'Guilty of grave professional misconduct').getByText('is required').waitFor();
    await group(page, 'Guilty of grave professional misconduct')
      .getByLabel('No, it does not apply')
      .check({ force: true });
    await expectAccessible(page, 'the ESPD form');
    await pictured(page, 'espd-form');
    await page.getByRole('button', { name: 'Submit the bid' }).click();
    await page.getByText('Your bid for lot 1 is received and sealed.').waitFor();
    const declared = page.getByRole('table', { name: 'What your ESPD declared' });
    await declared.getByRole('row', { name: /General yearly turnover Met · €4,500,000.00/ }).waitFor();
    await declared.getByRole('row', { name: /Payment of taxes Does not apply/ }).waitFor();
    await expectAccessible(page, 'the receipt with the ESPD');
    await screenshot(page, 'espd-receipt-en');
    await onPhone(page, 'the receipt with the ESPD', 'espd-receipt-phone');
    await inDutch(page, 'Uw inschrijvingen', 'espd-form-nl');
  });

  it('when a vendor imports an ESPD made elsewhere, then its answers fill the form for review, and the bid carries them', async () => {
    const page = vendorPage;
    await bidAs(vendors[1] as Person, '2,100,000');
    const example = readFileSync(path.join(ESPD_EDM, 'xml-examples', 'ESPD-Response.xml'));
    await page.getByLabel('Import an ESPD response (XML)').setInputFiles({
      name: 'espd-response.xml',
      mimeType: 'application/xml',
      buffer: example,
    });
    await page.getByText(/The ESPD’s answers are filled in: \d+ answered/).waitFor();
    // The example declares every ground, in its own words: the vendor reviews before it submits.
    const crime = group(page, 'Participation in a criminal organisation');
    expect(await crime.getByLabel('Yes, it applies').isChecked()).to.equal(true);
    expect(await crime.getByLabel('Details').inputValue()).to.equal('[Reason provided by the EO]');
    await screenshot(page, 'espd-imported-en');
    await answerClean(page, '3,000,000');
    await page.getByRole('button', { name: 'Submit the bid' }).click();
    await page.getByText('Your bid for lot 1 is received and sealed.').waitFor();
    // The third vendor declares a ground, and a turnover below the minimum, through the API.
    const bid = await call('POST', `/tenders/${tenderId}/bids`, {
      token: (vendors[2] as Person).token,
      body: DECLARES_A_GROUND,
    });
    expect(bid.status, JSON.stringify(bid.body)).to.equal(201);
  });

  it('when the bids are open, then the evaluation shows what each ESPD declared and starts the checks from it', async () => {
    await waitUntil(new Date(deadline + 1_000).toISOString());
    await steps.openBids(tenderId, committee);
    const page = officerPage;
    await page.goto(`${base()}/tenders/${tenderId}/evaluation`);
    const flags = page.getByRole('list', { name: 'What the ESPD declared' });
    await flags.getByText('Ground declared').waitFor();
    await flags.getByText('€1,500,000.00 is below the minimum of €2,000,000.00').waitFor();
    await page.getByText('In the vendor’s words: “A fine in 2023 for a late report.”').waitFor();
    expect(await page.getByLabel(/^Exclusion grounds: Lot 1, Declares SARL/).inputValue()).to.equal('fail');
    expect(await page.getByLabel(/^Selection criteria: Lot 1, Declares SARL/).inputValue()).to.equal('fail');
    expect(await page.getByLabel(/^Exclusion grounds: Lot 1, Clean Detect NV/).inputValue()).to.equal('pass');
    await expectAccessible(page, 'the evaluation with ESPD flags');
    await pictured(page, 'espd-evaluation');
    await inDutch(page, 'Controle van uitsluiting en selectie', 'espd-evaluation-nl');
  });

  it('when the first-ranked is asked for evidence, then it answers on the platform and the award waits for the officer to accept it', async () => {
    const bids = await Bid.find({ tenderId }).lean();
    const of = (v: Person) => String(bids.find((b) => String(b.vendorId) === v.organisationId)?._id);
    await evaluateBids(sel, tenderId, [
      { id: of(vendors[0] as Person), score: 9 },
      { id: of(vendors[1] as Person), score: 7 },
      { id: of(vendors[2] as Person), score: 8, excluded: true },
    ]);
    const page = officerPage;
    await page.reload();
    await page
      .getByLabel('Your request')
      .fill('Send the evidence of your turnover, insurance and ISO/IEC 27001.');
    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.getByText('Waiting for the answer').waitFor();
    const early = await call('POST', `/tenders/${tenderId}/awards`, {
      token: officer.token,
      body: { lot: 1, bidId: of(vendors[0] as Person) },
    });
    expect(early.status).to.equal(409);
    expect(early.body.type).to.equal('urn:problem:evidence-required');
    // The vendor answers on the platform with its certificate; the officer reads it and accepts.
    await signIn(vendorPage, base(), vendors[0] as Person);
    await vendorPage.goto(`${base()}/tenders/${tenderId}`);
    await vendorPage.getByRole('heading', { name: 'Requests from the buyer' }).waitFor();
    await vendorPage
      .getByLabel('Your answer')
      .fill('Our audited accounts and certificates are at the addresses below.');
    await vendorPage
      .getByLabel('Addresses of the evidence, one per line')
      .fill('https://certificates.example.org/iso27001/42');
    const certificate = { name: 'iso27001.pdf', mimeType: 'application/pdf', buffer: pdfOf(5_000) };
    await vendorPage.getByLabel('Documents of the evidence', { exact: true }).setInputFiles(certificate);
    await expectAccessible(vendorPage, 'a request to answer');
    await pictured(vendorPage, 'espd-request-answer');
    await vendorPage.getByRole('button', { name: 'Send the answer' }).click();
    await vendorPage.getByText('Your answer is sent.').waitFor();
    await page.reload();
    await page.getByText('Answered: to decide').waitFor();
    await page.getByRole('link', { name: 'https://certificates.example.org/iso27001/42' }).waitFor();
    await page.getByRole('button', { name: 'Download iso27001.pdf' }).waitFor();
    await expectAccessible(page, 'the evidence to decide');
    await pictured(page, 'espd-evidence');
    await page.getByRole('button', { name: 'Accept the answer' }).click();
    await page.getByText('Accepted', { exact: true }).waitFor();
    await page.getByRole('button', { name: /^Award lot 1 to Clean Detect NV/ }).click();
    await page.getByText(/^Lot 1 is awarded to Clean Detect NV/).waitFor();
  });
});
