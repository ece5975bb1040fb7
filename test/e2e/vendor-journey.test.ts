import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { Bid } from '../../server/bids/bid.model.js';
import { call, newOrganisation, newPerson, type Person, pdfOf } from '../support/api.js';
import {
  browserAvailable,
  chooseLanguage,
  dropFiles,
  expectAccessible,
  launchBrowser,
  onPhone,
  screenshot,
} from '../support/browser.js';
import { harness } from '../support/harness.js';
import { publishedTender, selectedExpression } from '../support/procedure.js';

describe('console: a vendor’s journey', function () {
  this.timeout(180_000);
  let browser: Browser;
  let page: Page;
  let vendor: Person;
  let tender: { id: string; title: string };
  const errors: string[] = [];

  before(async function () {
    if (!browserAvailable()) return this.skip();
    const sel = await selectedExpression();
    const published = await publishedTender(
      sel.officer,
      sel.expressionId,
      { id: sel.consortiumId, members: sel.members },
      {
        lots: [{ number: 1, title: 'EDR for 20 000 endpoints', estimatedValueCents: 90_000_000 }],
        questionsInMs: 3_600_000,
        submissionInMs: 7_200_000,
      },
    );
    tender = { id: published.id, title: (await call('GET', `/tenders/${published.id}`)).body.title };
    vendor = await newPerson('vendor', await newOrganisation('vendor', { name: 'Console Vendor B.V.' }));
    browser = await launchBrowser();
    const context = await browser.newContext({
      locale: 'en-GB',
      timezoneId: 'Europe/Brussels',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]);
  });

  it('when a vendor signs in and sets its tender alerts, then its organisation is subscribed to those CPV prefixes', async () => {
    await page.goto(`${harness().baseUrl}/sign-in`);
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in-en');
    await page.getByLabel('E-mail address').fill(vendor.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('The e-mail address or the password is wrong.').waitFor();
    await page.getByLabel('Password').fill(vendor.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText(`Signed in as ${vendor.name}`).waitFor();
    await page.getByRole('link', { name: 'Tender alerts', exact: true }).click();
    await page.getByLabel('CPV prefixes').fill('4873, 72212');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await expectAccessible(page, 'tender alerts');
    await screenshot(page, 'alerts-en');
    const me = await call('GET', '/me', { token: vendor.token });
    expect(me.body.organisation.cpvPrefixes).to.deep.equal(['4873', '72212']);
  });

  it('when the vendor asks a question and bids with a document, then it gets a receipt to download whose SHA-256 is the stored bid’s', async () => {
    await page.goto(`${harness().baseUrl}/tenders/${tender.id}`);
    await page.getByLabel('Your question').fill('Is a managed service acceptable?');
    await page.getByRole('button', { name: 'Send the question' }).click();
    await page.getByText('Your question is sent.').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Is a managed service acceptable? (asked' }).waitFor();
    await page.getByLabel('Price in euros (excluding VAT)').fill('850,000.50');
    await page.getByText('€850,000.50').waitFor();
    await page.getByLabel('Technical offer').fill('EDR with 24/7 monitoring from Brussels and Utrecht.');
    await page.getByText('None of the exclusion grounds').click();
    expect(await page.getByLabel('None of the exclusion grounds').isChecked()).to.equal(true);
    await page.getByText('We meet the selection criteria').click();
    await page
      .getByLabel('Documents', { exact: true })
      .setInputFiles({ name: 'technical-offer.pdf', mimeType: 'application/pdf', buffer: pdfOf(30_000) });
    // A second document dropped on the zone around the file button, as a file dragged from the desktop.
    await dropFiles(page, 'documents-drop', [
      { name: 'price-schedule.pdf', mimeType: 'application/pdf', buffer: pdfOf(2_000) },
    ]);
    expect(
      await page.getByRole('list', { name: 'Chosen files' }).getByRole('listitem').allTextContents(),
    ).to.deep.equal([
      'technical-offer.pdf (30 kB) Remove technical-offer.pdf',
      'price-schedule.pdf (2 kB) Remove price-schedule.pdf',
    ]);
    await expectAccessible(page, 'the bid form');
    await screenshot(page, 'bid-form-en');
    await page.getByRole('button', { name: 'Submit the bid' }).click();
    await page.getByText('Your bid for lot 1 is received and sealed.').waitFor();
    await screenshot(page, 'receipt-en');
    // The form makes way for the receipt; it lists each file received and says what the bid key is for.
    expect(await page.getByRole('button', { name: 'Submit the bid' }).count()).to.equal(0);
    const files = page.getByRole('table', { name: 'Files received' });
    await files.getByRole('row', { name: /technical-offer\.pdf 30 kB [0-9a-f]{64}/ }).waitFor();
    await files.getByRole('row', { name: /price-schedule\.pdf 2 kB [0-9a-f]{64}/ }).waitFor();
    await page.getByText('If you lose it, your bid is not affected').waitFor();
    await onPhone(page, 'the receipt', 'receipt-phone');
    const stored = await Bid.findOne({ vendorId: vendor.organisationId }).lean();
    expect(stored?.sealed?.documents).to.have.length(2);
    expect(await page.locator('code.receipt-hash').first().textContent()).to.equal(stored?.sha256);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the receipt' }).click(),
    ]);
    const receipt = readFileSync(await file.path(), 'utf8');
    expect(receipt).to.include(`SHA-256 of what was submitted: ${stored?.sha256}`);
    expect(receipt).to.include('Bid key');
    expect(receipt).to.match(/Files received:\n- technical-offer\.pdf \(30000 B\) SHA-256 [0-9a-f]{64}/);
    await expectAccessible(page, 'the receipt');
  });

  it('when the vendor submits again and then withdraws, then the bid is replaced, then withdrawn, each on record', async () => {
    const first = (await Bid.findOne({ vendorId: vendor.organisationId }).lean())?.sha256;
    await page.getByRole('button', { name: 'Replace a bid or bid on another lot' }).click();
    await page.getByLabel('Price in euros (excluding VAT)').fill('800,000');
    await page.getByLabel('Technical offer').fill('EDR with 24/7 monitoring, at a better price.');
    await page.getByText('None of the exclusion grounds').click();
    await page.getByText('We meet the selection criteria').click();
    // Replacing asks first, naming the bid it replaces.
    await page.getByRole('button', { name: 'Replace your bid for lot 1' }).click();
    await page.getByText('You have a bid for lot 1 already').waitFor();
    await expectAccessible(page, 'the confirmation of a replacement');
    await screenshot(page, 'replace-confirm-en');
    expect((await Bid.findOne({ vendorId: vendor.organisationId }).lean())?.sha256).to.equal(first);
    await page.getByRole('button', { name: 'Yes, replace my bid for lot 1' }).click();
    // The receipt shown changes to the replacement's (the page runs no evaluated script: its CSP forbids it).
    for (let i = 0; (await page.locator('code.receipt-hash').first().textContent()) === first; i++) {
      if (i > 100) throw new Error('the receipt did not change');
      await page.waitForTimeout(100);
    }
    const replaced = await Bid.findOne({ vendorId: vendor.organisationId }).lean();
    expect(replaced?.receipts.map((r: { action: string }) => r.action)).to.deep.equal([
      'submitted',
      'replaced',
    ]);
    await page.getByRole('button', { name: 'Withdraw the bid for lot 1' }).click();
    await page.getByRole('cell', { name: 'Withdrawn' }).waitFor();
    expect((await Bid.findOne({ vendorId: vendor.organisationId }).lean())?.status).to.equal('withdrawn');
  });

  it('when the vendor reads the tender in Dutch, then the bid form speaks Dutch and money is written the Dutch way', async () => {
    await chooseLanguage(page, 'nl');
    await page.getByRole('heading', { name: 'Uw inschrijvingen' }).waitFor();
    await page.getByLabel('Prijs in euro (exclusief btw)').fill('1.250.000,00');
    await page.getByText('€ 1.250.000,00').waitFor();
    await expectAccessible(page, 'the bid form in Dutch');
    await screenshot(page, 'bid-form-nl');
    await chooseLanguage(page, 'en');
  });

  it('when the vendor lists its notices, then each receipt the platform e-mailed is there with its delivery', async () => {
    await page.getByRole('link', { name: 'Notices', exact: true }).click();
    await page.getByRole('heading', { name: 'Your notices' }).waitFor();
    // Two receipts (submitted, replaced) and the welcome; they are sent by a worker, and the page follows.
    await page.getByRole('cell', { name: 'Bid receipt' }).nth(1).waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: 'Your invitation' }).waitFor();
    await expectAccessible(page, 'the notices');
    await screenshot(page, 'notices-en');
    // A receipt opens as the vendor received it: the time and the SHA-256 of what it submitted.
    await page.getByRole('link', { name: 'Bid receipt' }).first().click();
    await page
      .getByText(/SHA-256/)
      .first()
      .waitFor();
    const receipts = await Bid.findOne({ vendorId: vendor.organisationId }).lean();
    const shown = await page.locator('.notice-text').textContent();
    expect(receipts?.receipts.some((r: { sha256: string }) => shown?.includes(r.sha256))).to.equal(true);
    await expectAccessible(page, 'a notice');
    await screenshot(page, 'notice-en');
    // The same pages in Dutch.
    await chooseLanguage(page, 'nl');
    await page.getByText('SHA-256').first().waitFor();
    await expectAccessible(page, 'a notice in Dutch');
    await screenshot(page, 'notice-nl');
    await page.getByRole('link', { name: 'Berichten', exact: true }).click();
    await page.getByRole('heading', { name: 'Uw berichten' }).waitFor();
    await expectAccessible(page, 'the notices in Dutch');
    await screenshot(page, 'notices-nl');
    await page.getByRole('link', { name: 'Aanbestedingsberichten' }).click();
    await page.getByLabel('CPV-voorvoegsels').waitFor();
    await screenshot(page, 'alerts-nl');
    await chooseLanguage(page, 'en');
  });
});
