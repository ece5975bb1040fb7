import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { call, newOrganisation, newPerson, type Person, steps } from '../support/api.js';
import {
  browserAvailable,
  expectAccessible,
  inDutch,
  launchBrowser,
  onPhone,
  pageFor,
  screenshot,
  signIn,
} from '../support/browser.js';
import { eventually, harness, mailTo } from '../support/harness.js';
import {
  type PublishedTender,
  type SelectedExpression,
  selectedExpression,
  twoLotTender,
} from '../support/procedure.js';

/**
 * One amendment from the officer's proposal to a vendor's confirmation: the officer corrects lot 1
 * on the tender page, reviews the difference and the earliest deadline before sending it, the
 * consortium approves it, the officer publishes it; the public page shows version 2 and its history;
 * the vendor whose bid it touched confirms it in one action. Axe in English and Dutch, desktop and phone.
 */
describe('console: an amendment from proposal to a bidder’s confirmation', function () {
  this.timeout(240_000);
  let browser: Browser;
  let page: Page;
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let vendor: Person;
  let bidId: string;
  const errors: string[] = [];

  before(async function () {
    if (!browserAvailable()) return this.skip();
    sel = await selectedExpression();
    tender = await twoLotTender(sel, { questionsInMs: 300_000, submissionInMs: 600_000 });
    vendor = await newPerson('vendor', await newOrganisation('vendor', { country: 'BE' }));
    bidId = (
      await steps.submitBid(vendor, tender.id, { lot: 1, priceCents: 120_000_000, technicalOffer: 'A' })
    ).id;
    browser = await launchBrowser();
    page = await pageFor(browser, 'en-GB', errors);
    await signIn(page, harness().baseUrl, sel.officer);
    await page.goto(`${harness().baseUrl}/tenders/${tender.id}`);
    await page.getByRole('heading', { name: 'Change the tender' }).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]);
  });

  it('when the officer corrects lot 1, then the console shows the difference and the earliest deadline before sending, and publishes it once the consortium approves', async () => {
    const form = page.locator('section[aria-labelledby="amend"]');
    await page.locator('#amend-lot-0-description').fill('SIEM with 2 TB/day ingestion');
    await page.getByLabel('Explanation for bidders', { exact: true }).fill('The ingestion volume was wrong.');
    await page.getByRole('button', { name: 'Review the change' }).click();
    await form.getByRole('heading', { name: 'The change, before you send it' }).waitFor();
    await form.getByText('A significant change leaves at least 30 seconds until the deadline').waitFor();
    expect(await form.getByRole('table').last().innerText()).to.include('SIEM with 2 TB/day ingestion');
    await expectAccessible(page, 'the review of a proposed change');
    await screenshot(form, 'amendment-review');
    await page.getByRole('button', { name: 'Send the proposal' }).click();
    await form.getByText(/needs the consortium’s approval/).waitFor();
    const proposals = (await call('GET', `/tenders/${tender.id}/amendments`, { token: sel.officer.token }))
      .body;
    const amendmentId = proposals.items[0].id;
    await form.getByText(amendmentId, { exact: false }).waitFor();
    // A member's representative proposes the approval in the console and sees the change before the vote.
    const rep = await pageFor(browser, 'en-GB', errors);
    await signIn(rep, harness().baseUrl, sel.members[0] as Person);
    await rep.goto(`${harness().baseUrl}/consortia/${sel.consortiumId}`);
    await rep.getByLabel('Subject').fill('Approve the correction of lot 1');
    const option = `amendment:${amendmentId}`;
    await rep.locator(`#resolution-approves option[value="${option}"]`).waitFor({ state: 'attached' });
    await rep.getByLabel('It approves').selectOption(option);
    await rep.getByRole('button', { name: 'Propose', exact: true }).click();
    const underVote = rep.locator('section[aria-labelledby="amendment-under-vote"]');
    await underVote.getByText('SIEM with 2 TB/day ingestion').waitFor();
    await expectAccessible(rep, 'a resolution approving a change, with the difference');
    await screenshot(underVote, 'amendment-under-vote');
    const resolutionId = rep.url().split('/').pop() as string;
    for (const m of sel.members) {
      const vote = await steps.vote(m, sel.consortiumId, resolutionId, 'yes');
      if (vote.outcome === 'passed') break;
    }
    await rep.close();
    await page.getByRole('button', { name: 'Publish the change' }).click();
    await page.getByText('The change is published: the tender has a new version.').waitFor();
    await page.getByRole('heading', { name: 'Changes to the tender (now version 2)' }).waitFor();
    await page.getByRole('cell', { name: 'Change notice (16)' }).waitFor();
    await expectAccessible(page, 'the tender page after an amendment');
    await screenshot(page, 'amendment-published');
    await onPhone(page, 'the amended tender on a phone', 'amendment-published-phone');
    await inDutch(page, 'Wijzigingen van de aanbesteding (nu versie 2)', 'amendment-published-nl');
  });

  it('when the bidder opens the tender, then its bid shows that it needs confirming, and one action confirms it', async () => {
    const vendorPage = await pageFor(browser, 'en-GB', errors);
    await signIn(vendorPage, harness().baseUrl, vendor);
    await vendorPage.goto(`${harness().baseUrl}/tenders/${tender.id}`);
    const confirm = vendorPage.getByRole('button', { name: 'Confirm bid for lot 1' });
    await confirm.waitFor();
    await vendorPage.getByText(/The tender changed after this bid/).waitFor();
    await expectAccessible(vendorPage, 'a bid that needs confirming');
    await screenshot(vendorPage.locator('section[aria-labelledby="your-bids"]'), 'bid-needs-confirmation');
    await onPhone(vendorPage, 'a bid that needs confirming, on a phone', 'bid-needs-confirmation-phone');
    await confirm.click();
    await confirm.waitFor({ state: 'detached' });
    const bid = (await call('GET', `/bids/${bidId}`, { token: vendor.token })).body;
    expect(bid.needsConfirmation).to.equal(false);
    const mail = await eventually(() =>
      mailTo(vendor.email).find((m) => m.parsed.subject?.includes('is amended')),
    );
    expect(mail.parsed.text).to.include('will not be opened unless you confirm it');
    await vendorPage.close();
  });
});
