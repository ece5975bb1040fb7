import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { openingSecretOf } from '../../scripts/procedure/tender-steps.js';
import { until } from '../../scripts/procedure.js';
import { bidIdFor } from '../../server/bids/bids.service.js';
import { call, newOrganisation, newPerson, type Person, steps } from '../support/api.js';
import {
  browserAvailable,
  chooseLanguage,
  expectAccessible,
  inDutch,
  launchBrowser,
  localTime,
  onPhone,
  pageFor,
  pick,
  screenshot,
  signIn,
} from '../support/browser.js';
import { harness } from '../support/harness.js';
import { pdfText } from '../support/pdf.js';
import {
  approveTender,
  openingCommittee,
  type SelectedExpression,
  selectedExpression,
  waitUntil,
} from '../support/procedure.js';

/**
 * An officer runs a tender in the console from its draft to the contract: drafts it for a selected
 * expression (lots, CPV codes, dates, the quality/price split and criteria checked as typed), seats
 * its opening committee and evaluators, is refused publication until the consortium approves,
 * publishes, answers a question, sees only the bid counts while sealed, then checks, evaluates and
 * awards the abnormally low winner with its explanation, and downloads the contract after the
 * standstill. The consortium, the vendors, the other committee members and the evaluators act
 * through the API.
 */
describe('console: an officer runs a tender from its draft to the contract', function () {
  this.timeout(300_000);
  let browser: Browser;
  let page: Page;
  let sel: SelectedExpression;
  let officer: Person;
  let committee: Person[];
  let evaluators: Person[];
  let vendors: Person[];
  let draftReference = '';
  let tenderId: string;
  let deadline: number;
  const errors: string[] = [];
  const base = () => harness().baseUrl;
  const field = (label: string) => page.getByLabel(label, { exact: true });

  before(async function () {
    if (!browserAvailable()) return this.skip();
    sel = await selectedExpression();
    officer = sel.officer;
    evaluators = sel.evaluators;
    committee = await openingCommittee(officer);
    vendors = [];
    for (const name of ['Nordic Detect AB', 'Iberia Secure SL', 'Lowcost Sensors OÜ'])
      vendors.push(await newPerson('vendor', await newOrganisation('vendor', { name })));
    browser = await launchBrowser();
    page = await pageFor(browser, 'en-GB', errors);
    await signIn(page, base(), officer);
    await page.goto(`${base()}/tenders/new?expression=${sel.expressionId}`);
    await page.getByRole('heading', { name: 'Draft a tender' }).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]);
  });

  it('when the officer drafts the tender with its lots, CPV codes and award criteria, then mistakes show as typed and the draft is saved', async () => {
    deadline = Date.now() + 110_000;
    await field('Reference').fill(`ECCC-SOC-${Date.now()}`);
    await field('Title').fill('Network detection and response for three SOCs');
    await field('Description').fill(
      'NDR sensors and analytics for the consortium’s SOCs, with five years of support.',
    );
    await field('CPV codes').fill('48730000, 7221273');
    await page.getByText('Not a CPV code: 7221273').waitFor();
    await field('CPV codes').fill('48730000, 72212730');
    await page.getByText('Security software development services', { exact: true }).waitFor();
    await field('Title of lot 1').fill('NDR for three SOCs');
    await field('Estimated value of lot 1').fill('1,200,000');
    await field('Questions until').fill(localTime(Date.now() + 70_000));
    await field('Bids until').fill(localTime(deadline));
    await field('Standstill period').fill('20');
    await page.getByLabel('Unit').selectOption('S');
    await field('Weight of quality (%)').fill('120');
    await page.getByText('Quality weighs between 0 and 100 %; price weighs the rest.').waitFor();
    await field('Weight of quality (%)').fill('60');
    await page.getByText('Price weighs 40%.').waitFor();
    await field('Name of criterion 1').fill('Detection');
    await field('Weight of criterion 1').fill('1');
    await field('Threshold of criterion 1').fill('5');
    await field('Selection criteria').fill('Three references of NDR deployments in public SOCs');
    // The evaluators never see the prices: the officers alone weigh them.
    await field('Prices shown to evaluators').selectOption('never');
    // This tender keeps the bids' two declarations; the ESPD has a journey of its own.
    await page.getByText('Ask every bidder for an ESPD').click();
    await field('Duration of the contract (months)').fill('36');
    await field('Place of performance (NUTS code)').fill('be100');
    await expectAccessible(page, 'drafting a tender');
    await screenshot(page, 'tender-draft-en');
    await inDutch(page, 'Hoe de inschrijvingen worden beoordeeld', 'tender-draft-nl');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('heading', { name: 'Before publishing' }).waitFor();
    tenderId = page.url().split('/').pop() as string;
    const draft = (await call('GET', `/tenders/${tenderId}`, { token: officer.token })).body;
    draftReference = draft.reference;
    expect(draft).to.deep.include({
      status: 'draft',
      cpvCodes: ['48730000', '72212730'],
      standstillPeriod: 'PT20S',
      contractDuration: 'P36M',
      placeOfPerformance: 'BE100',
    });
    expect(draft.award).to.deep.include({
      qualityWeight: 0.6,
      priceWeight: 0.4,
      qualityThreshold: 0.5,
      priceToEvaluators: 'never',
    });
    expect(draft.lots[0]).to.include({ number: 1, estimatedValueCents: 120_000_000 });
  });

  it('when the officer seats the committees and publishes, then publishing waits for the consortium’s approval and then succeeds', async () => {
    await page.getByRole('link', { name: 'Seat the opening committee' }).click();
    await page.getByRole('heading', { name: 'Seat the opening committee' }).waitFor();
    for (const m of committee) await pick(page, m, 'Officer to add', 'Add to the committee');
    await page.getByText('Members (3 chosen)').waitFor();
    await page.getByRole('button', { name: 'Seat the committee' }).click();
    await page.getByRole('heading', { name: 'Set your opening secret' }).waitFor();
    await field('Your opening secret').fill(openingSecretOf(officer));
    await field('The same secret again').fill(openingSecretOf(officer));
    await page.getByRole('button', { name: 'Set the secret' }).click();
    await page.getByText('Your secret is set.').waitFor();
    for (const m of committee.slice(1))
      await call('PUT', `/tenders/${tenderId}/opening-committee/me`, {
        token: m.token,
        body: { secret: openingSecretOf(m) },
      });
    await page.getByRole('link', { name: 'Back to the tender' }).click();
    await page.getByRole('heading', { name: 'Evaluation committee' }).waitFor();
    for (const e of evaluators) await pick(page, e, 'Evaluator to assign', 'Assign');
    await page
      .getByText('The opening committee is seated: 3 members, quorum 2; 3 of them have set their secret.')
      .waitFor();
    await page.getByRole('button', { name: 'Publish the tender' }).click();
    await page
      .getByText('The consortium has not passed a resolution approving this tender as it stands now.')
      .waitFor();
    await page.getByText('This cannot be done now').waitFor();
    await expectAccessible(page, 'a draft tender refused publication');
    await screenshot(page, 'tender-prepare-en');
    // In Dutch the refusal has a Dutch heading, and the API's English explanation is marked as English.
    await chooseLanguage(page, 'nl');
    await page.getByText('Dit kan nu niet').waitFor();
    expect(await page.getByRole('alert').locator('[lang="en"]').first().textContent()).to.match(
      /has not passed a resolution/,
    );
    await expectAccessible(page, 'a draft tender refused publication, in Dutch');
    await screenshot(page, 'tender-prepare-nl');
    await chooseLanguage(page, 'en');
    await approveTender(sel.consortiumId, tenderId, sel.members);
    await page.getByRole('button', { name: 'Publish the tender' }).click();
    await page.getByText('The tender is published; the subscribed vendors are told.').waitFor();
    // Its contract notice is on its page, to download (unchecked here: the suite runs without the SDK).
    await page.reload();
    await page.getByRole('heading', { name: 'Notices (eForms)' }).waitFor();
    await page.getByRole('cell', { name: /Contract notice \(16\)/ }).waitFor();
    await expectAccessible(page, 'a published tender with its eForms notices');
    await page.getByRole('heading', { name: 'Notices (eForms)' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'tender-eforms-en');
    await inDutch(page, 'Aankondigingen (eForms)', 'tender-eforms-nl');
    // On a phone the notices' table scrolls in its own box; the page stays readable.
    await onPhone(page, 'the eForms notices on a phone', 'tender-eforms-phone');
    // The procedure's e-mails, from its page: the notice desk filtered to it.
    await page.getByRole('link', { name: 'The notices of this procedure' }).click();
    await page.waitForURL(new RegExp(`/notices\\?procedure=${tenderId}`));
    // The desk (not the officer's own notices, shown while the session loads) lists them.
    await page.getByRole('columnheader', { name: 'Procedure' }).waitFor();
    const procedures = await until(async () => {
      const cells = await page.locator('tbody tr td:nth-child(2)').allTextContents();
      return cells.length && cells.every((c) => c === draftReference) ? cells : undefined;
    }, 'the notices of the procedure, each naming it');
    expect(procedures.length).to.be.greaterThan(0);
    await expectAccessible(page, 'the notices of a procedure');
    await screenshot(page, 'notices-procedure-en');
    await inDutch(page, 'Berichten', 'notices-procedure-nl');
    await chooseLanguage(page, 'nl');
    await onPhone(page, 'the notices of a procedure, in Dutch', 'notices-procedure-phone-nl');
    await chooseLanguage(page, 'en');
    await onPhone(page, 'the notices of a procedure', 'notices-procedure-phone');
    await page.goBack();
  });

  it('when vendors ask and bid, then the officer answers in the console and sees only how many bids the lot has', async () => {
    await call('POST', `/tenders/${tenderId}/questions`, {
      token: vendors[0]?.token,
      body: { text: 'Is a SaaS analytics tier accepted?' },
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Questions to answer (1)' }).waitFor();
    await field('Answer to question 1').fill('Yes, if the data stays in the EU.');
    await page.getByRole('button', { name: 'Publish the answer to question 1' }).click();
    await page.getByText('No question is waiting for an answer.').waitFor();
    const published = (await call('GET', `/tenders/${tenderId}/questions`)).body.items;
    expect(published.map((q: { answer: { text: string } }) => q.answer.text)).to.deep.equal([
      'Yes, if the data stays in the EU.',
    ]);
    for (const [vendor, priceCents] of [
      [vendors[0], 100_000_000],
      [vendors[1], 110_000_000],
      [vendors[2], 50_000_000],
    ] as const)
      await steps.submitBid(vendor as Person, tenderId, {
        lot: 1,
        priceCents,
        technicalOffer: 'NDR sensors and analytics.',
      });
    await page.reload();
    const counts = page.locator('section[aria-labelledby="counts"]');
    await counts.getByRole('row', { name: /Lot 1/ }).waitFor();
    // The lot, its bids, and how many of them await a confirmation after a change (none).
    expect(await counts.getByRole('row', { name: /Lot 1/ }).locator('td').allTextContents()).to.deep.equal([
      'Lot 1',
      '3',
      '0',
    ]);
    expect(await counts.textContent()).not.to.include('Nordic');
    await expectAccessible(page, 'a sealed tender, for its officer');
  });

  it('when the bids are opened and scored, then the officer awards the abnormally low winner with its explanation and downloads the contract after the standstill', async () => {
    await waitUntil(new Date(deadline).toISOString());
    await steps.openBids(tenderId, committee.slice(1));
    const lowest = bidIdFor(tenderId, 1, vendors[2]?.organisationId as string);
    for (const e of evaluators) {
      await call('POST', `/tenders/${tenderId}/coi`, { token: e.token, body: { conflict: false } });
      for (const [vendor, score] of [
        [vendors[0], 7],
        [vendors[1], 6],
        [vendors[2], 9],
      ] as const)
        await call('POST', `/bids/${bidIdFor(tenderId, 1, vendor?.organisationId as string)}/scores`, {
          token: e.token,
          body: { criterion: 'detection', score },
        });
    }
    await page.reload();
    await page.getByRole('link', { name: 'The evaluation' }).click();
    for (const v of vendors)
      await page
        .getByRole('button', {
          name: new RegExp(
            `^Record the checks of Lot 1, ${(await call('GET', `/organisations/${v.organisationId}`, { token: officer.token })).body.name}`,
          ),
        })
        .click();
    await page.getByText('Recorded').nth(2).waitFor();
    await page.getByText('9 of 9 scores given').waitFor();
    await page.getByRole('button', { name: 'Compute the evaluation' }).click();
    const first = page.locator('.evaluation-table tbody tr').first();
    await first.getByText('Abnormally low').waitFor({ timeout: 30_000 });
    expect(await first.textContent()).to.include('Lowcost Sensors OÜ');
    await page.getByRole('button', { name: /^Award lot 1 to Lowcost Sensors/ }).waitFor();
    await page
      .getByLabel('The vendor’s explanation of its low price')
      .fill('Sensors are built on open hardware; the price schedule was verified.');
    await expectAccessible(page, 'awarding an abnormally low bid');
    await page.getByRole('button', { name: /^Award lot 1 to Lowcost Sensors/ }).click();
    await page.getByText(/^Lot 1 is awarded to Lowcost Sensors OÜ/).waitFor();
    const tender = (await call('GET', `/tenders/${tenderId}`, { token: officer.token })).body;
    expect(tender.awards[0].bidId).to.equal(lowest);
    await waitUntil(tender.awards[0].standstillEndsAt);
    await page.getByRole('button', { name: 'Prepare the contract of lot 1' }).click({ timeout: 30_000 });
    const download = page.getByRole('button', { name: /^Download the contract .* \(PDF\)$/ });
    await download.waitFor({ timeout: 30_000 });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(await pdfText(readFileSync(await file.path()))).to.include('Lowcost Sensors');
  });
});
