import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { Bid } from '../../server/bids/bid.model.js';
import { newOrganisation, newPerson, type Person, steps } from '../support/api.js';
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
 * An officer cancels lot 2 of a published tender in the console, with a reason from the EU's list:
 * asked to confirm first, then the lot shows as cancelled with its reason while lot 1 goes on; its
 * bidder is told. The page passes axe in English and Dutch, at desktop and phone width.
 */
describe('console: an officer cancels one lot of a tender', function () {
  this.timeout(180_000);
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
    vendor = await newPerson('vendor', await newOrganisation('vendor', { country: 'NL' }));
    bidId = (
      await steps.submitBid(vendor, tender.id, { lot: 2, priceCents: 70_000_000, technicalOffer: 'B' })
    ).id;
    browser = await launchBrowser();
    page = await pageFor(browser, 'en-GB', errors);
    await signIn(page, harness().baseUrl, sel.officer);
    await page.goto(`${harness().baseUrl}/tenders/${tender.id}`);
    await page.getByRole('heading', { name: 'Cancel a lot' }).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]);
  });

  it('when the officer chooses lot 2 and a reason, then the console asks to confirm, and after it the lot is cancelled with its reason and its bidder is told', async () => {
    const form = page.locator('section[aria-labelledby="cancel-lot"]');
    await expectAccessible(page, 'the tender page with the lot cancellation form');
    await page.getByLabel('Lot to cancel', { exact: true }).selectOption('2');
    await page.getByLabel('Reason (the EU’s list)', { exact: true }).selectOption('chan-need');
    await page
      .getByLabel('Explanation for the vendors and the public', { exact: true })
      .fill('The NDR needs are covered by a national programme.');
    await page.getByRole('button', { name: 'Cancel the lot…' }).click();
    await form.getByText('Cancel lot 2 (NDR)? This cannot be undone.').waitFor();
    await expectAccessible(page, 'the confirmation of a lot cancellation');
    await screenshot(form, 'lot-cancel-confirm');
    await page.getByRole('button', { name: 'Yes, cancel the lot' }).click();
    await page.getByText('Cancelled: The NDR needs are covered by a national programme.').waitFor();
    expect(await page.getByRole('row', { name: /SIEM/ }).innerText()).to.include('OPEN FOR');
    expect(await page.getByRole('row', { name: /NDR/ }).innerText()).to.match(/cancelled/i);
    await page.getByRole('cell', { name: 'Change notice (16)' }).waitFor();
    await expectAccessible(page, 'the tender page with a cancelled lot');
    await screenshot(page, 'lot-cancelled');
    await onPhone(page, 'the tender page with a cancelled lot on a phone', 'lot-cancelled-phone');
    await inDutch(page, 'Een perceel annuleren', 'lot-cancelled-nl');
    const mail = await eventually(() =>
      mailTo(vendor.email).find((m) => m.parsed.subject?.includes('Lot 2 of tender')),
    );
    expect(mail.parsed.text).to.include('national programme');
    expect((await Bid.findById(bidId).lean())?.opened ?? null).to.equal(null);
  });
});
