import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { dateTime } from '../../web/src/lib/format.js';
import { call, newOrganisation, newPerson, type Person, pdfOf, steps } from '../support/api.js';
import {
  browserAvailable,
  expectAccessible,
  expectFitsPhone,
  inDutch,
  launchBrowser,
  pageFor,
  screenshot,
  signIn,
} from '../support/browser.js';
import { evaluateBids } from '../support/evaluation.js';
import { harness } from '../support/harness.js';
import {
  openBids,
  type PublishedTender,
  type SelectedExpression,
  selectedExpression,
  twoLotTender,
  waitUntil,
} from '../support/procedure.js';

/**
 * Remedies through the console: a losing bidder lodges a complaint against the award from the
 * tender's page during the standstill and follows it; the officer sees why the contract waits; the
 * review body accepts and dismisses it from its queue; the officer then prepares the contract; and
 * the whole exchange is on the public tender page. In English and Dutch, at desktop and phone width.
 */
describe('console: a complaint against an award, from lodging to the contract', function () {
  this.timeout(240_000);
  let browser: Browser;
  let vendorPage: Page;
  let reviewerPage: Page;
  let officerPage: Page;
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let loser: Person;
  let reviewer: Person;
  let complaintUrl = '';
  const errors: string[] = [];
  const base = () => harness().baseUrl;

  before(async function () {
    if (!browserAvailable()) return this.skip();
    const board = await newOrganisation('review-body', {
      name: 'Commission for Procurement Review',
      country: 'BE',
    });
    reviewer = await newPerson('review-body', board);
    sel = await selectedExpression();
    tender = await twoLotTender(sel, {
      questionsInMs: 4_000,
      submissionInMs: 10_000,
      standstillPeriod: 'PT40S',
      reviewBodyId: board,
    });
    const winner = await newPerson('vendor', await newOrganisation('vendor', { name: 'Detect Europe SA' }));
    loser = await newPerson(
      'vendor',
      await newOrganisation('vendor', { name: 'Veilig Netwerk B.V.', country: 'NL' }),
    );
    const won = await steps.submitBid(winner, tender.id, {
      lot: 1,
      priceCents: 120_000_000,
      technicalOffer: 'SIEM A',
    });
    const lost = await steps.submitBid(loser, tender.id, {
      lot: 1,
      priceCents: 110_000_000,
      technicalOffer: 'SIEM B',
    });
    await waitUntil(tender.submissionDeadline);
    await openBids(tender);
    await evaluateBids(sel, tender.id, [
      { id: won.id, score: 9 },
      { id: lost.id, score: 6 },
    ]);
    const awarded = await call('POST', `/tenders/${tender.id}/awards`, {
      token: sel.officer.token,
      body: { lot: 1, bidId: won.id },
    });
    expect(awarded.status, JSON.stringify(awarded.body)).to.equal(201);
    browser = await launchBrowser();
    vendorPage = await pageFor(browser, 'en-GB', errors);
    reviewerPage = await pageFor(browser, 'en-GB', errors);
    officerPage = await pageFor(browser, 'en-GB', errors);
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]);
  });

  it('when the losing bidder opens the tender during the standstill, then it lodges a complaint against the award, with the window’s end shown', async () => {
    await signIn(vendorPage, base(), loser);
    await vendorPage.goto(`${base()}/tenders/${tender.id}`);
    const section = vendorPage.locator('section[aria-labelledby="complaints"]');
    await section.getByRole('heading', { name: 'Lodge a complaint' }).waitFor();
    const what = section.getByLabel('What you complain of');
    expect(await what.locator('option').allTextContents()).to.include('the award of lot 1');
    await what.selectOption({ label: 'the award of lot 1' });
    // The window's end as the award gave it: the standstill's end, on the reader's clock.
    const award = (await call('GET', `/tenders/${tender.id}/awards`, { token: sel.officer.token })).body
      .items[0];
    const end = dateTime(award.standstillEndsAt, 'en', 'Europe/Brussels');
    await section.getByText(`This window closes on ${end}.`).waitFor();
    await section.getByLabel('Grounds, in a line').fill('The quality scores of lot 1 were not reasoned');
    await section
      .getByLabel('Your complaint')
      .fill(
        'The evaluators gave our SIEM 6/10 without a word of reasons; we ask that the award be set aside.',
      );
    await section.getByLabel('Documents (optional)').setInputFiles({
      name: 'statement.pdf',
      mimeType: 'application/pdf',
      buffer: pdfOf(5_000, 'statement'),
    });
    await expectAccessible(vendorPage, 'the complaint form');
    await screenshot(section, 'complaint-lodge');
    await section.getByRole('button', { name: 'Lodge the complaint' }).click();
    await vendorPage.getByText('Your complaint is lodged.').waitFor();
    complaintUrl = new URL(vendorPage.url()).pathname;
    expect(complaintUrl).to.match(/^\/complaints\/[0-9a-f]{24}$/);
    await vendorPage.getByText('No contract is concluded for lot 1 until the review body decides.').waitFor();
    await vendorPage.getByRole('button', { name: 'statement.pdf' }).waitFor();
    await expectAccessible(vendorPage, 'the complaint as its author follows it');
    await screenshot(vendorPage, 'complaint-author');
    await inDutch(vendorPage, 'Documenten', 'complaint-author-nl');
  });

  it('when the officer looks at the lot, then the contract waits and the screen names the complaint', async () => {
    await signIn(officerPage, base(), sel.officer);
    await officerPage.goto(`${base()}/tenders/${tender.id}/evaluation`);
    await officerPage
      .getByText('No contract is concluded for lot 1 until the review body decides.')
      .waitFor();
    await officerPage.getByRole('link', { name: 'The quality scores of lot 1 were not reasoned' }).waitFor();
    expect(await officerPage.getByRole('button', { name: 'Prepare the contract of lot 1' }).count()).to.equal(
      0,
    );
    await expectAccessible(officerPage, 'the lot held by a complaint');
  });

  it('when the review body opens its queue, then it accepts the complaint and dismisses it with reasons', async () => {
    await signIn(reviewerPage, base(), reviewer);
    await reviewerPage.getByRole('link', { name: 'Your work' }).click();
    await reviewerPage.getByRole('heading', { name: 'Complaints', level: 1 }).waitFor();
    await expectAccessible(reviewerPage, 'the review body’s queue');
    await screenshot(reviewerPage, 'review-queue');
    await inDutch(reviewerPage, 'Klachten', 'review-queue-nl');
    await reviewerPage.getByRole('link', { name: 'The quality scores of lot 1 were not reasoned' }).click();
    await reviewerPage.getByRole('button', { name: 'Accept as admissible' }).click();
    await reviewerPage.getByText('Accepted, to be decided').first().waitFor();
    await reviewerPage.getByLabel('Outcome').selectOption('dismissed');
    await reviewerPage
      .getByLabel('Reasoned decision')
      .fill(
        'The scores are reasoned in the evaluation report; the award criteria were applied as published.',
      );
    await expectAccessible(reviewerPage, 'the review body’s decision form');
    await screenshot(reviewerPage, 'review-decide');
    await reviewerPage.getByRole('button', { name: 'Record the decision' }).click();
    await reviewerPage.getByRole('heading', { name: 'The decision' }).waitFor();
    await reviewerPage.getByRole('link', { name: 'The decision as a PDF letter' }).waitFor();
    await inDutch(reviewerPage, 'De beslissing', 'review-decided-nl');
  });

  it('when the standstill has ended, then the officer prepares the contract', async () => {
    const award = (await call('GET', `/tenders/${tender.id}/awards`, { token: sel.officer.token })).body
      .items[0];
    await waitUntil(award.standstillEndsAt);
    await officerPage.goto(`${base()}/tenders/${tender.id}/evaluation`);
    await officerPage.getByRole('button', { name: 'Prepare the contract of lot 1' }).click();
    await officerPage.getByRole('button', { name: /Download the contract/ }).waitFor({ timeout: 60_000 });
  });

  it('when anyone reads the tender, then the complaint, its complainant and the decision are public, also on a phone', async () => {
    const visitor = await pageFor(browser, 'en-GB', errors);
    await visitor.setViewportSize({ width: 390, height: 844 });
    await visitor.goto(`${base()}/tenders/${tender.id}`);
    const section = visitor.locator('section[aria-labelledby="complaints"]');
    await section.getByText('Dismissed').waitFor();
    await section.getByText(/^Veilig Netwerk B\.V\./).waitFor();
    expect(await section.getByRole('heading', { name: 'Lodge a complaint' }).count()).to.equal(0);
    await expectFitsPhone(visitor, 'the public complaints of a tender');
    // The contracted lot's result is public: winner, value, bids received, the decision and the contract.
    const results = visitor.locator('section[aria-labelledby="results"]');
    await results.getByText(/^Detect Europe SA/).waitFor();
    expect(await results.locator('td').allTextContents()).to.include.members(['2']);
    expect((await results.textContent()) ?? '').to.match(/CONTRACTED[\s\S]*€[\d,.]+/i);
    await screenshot(results, 'results-public-phone');
    await inDutch(visitor, 'Resultaten', 'results-public-nl-phone');
    await visitor.setViewportSize({ width: 1280, height: 900 });
    await screenshot(results, 'results-public-en');
    await visitor.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(visitor, 'the public complaints of a tender on a phone');
    await screenshot(section, 'complaints-public-phone');
    await visitor.goto(`${base()}${complaintUrl}`);
    await visitor.getByRole('heading', { name: 'The decision' }).waitFor();
    expect(await visitor.getByRole('button', { name: 'statement.pdf' }).count()).to.equal(0);
    await visitor.getByText('1 document(s), for the parties and the review body.').waitFor();
    await expectAccessible(visitor, 'a decided complaint, read by anyone on a phone');
    await screenshot(visitor, 'complaint-public-phone');
  });
});
