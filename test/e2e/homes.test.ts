import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { call, newOrganisation, newPerson, type Person } from '../support/api.js';
import {
  browserAvailable,
  chooseLanguage,
  expectAccessible,
  expectFitsPhone,
  inDutch,
  launchBrowser,
  onPhone,
  pageFor,
  screenshot,
  signIn,
} from '../support/browser.js';
import { harness } from '../support/harness.js';
import {
  offerOf,
  type PublishedTender,
  publishedTender,
  type SelectedExpression,
  selectedExpression,
} from '../support/procedure.js';

/**
 * Each role signs in to its own work, on a desktop and on a phone: a vendor to its bids, followed
 * tenders and deadlines; an evaluator to its declaration; a member of the opening committee to the
 * desk with its opening; a representative to its consortia with the vote waiting. On a phone the
 * header folds its menu behind one button and the language behind its code.
 */
describe('console: each role’s home', function () {
  this.timeout(240_000);
  let browser: Browser;
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let reference: string;
  let vendor: Person;
  let resolutionId: string;
  const errors: string[] = [];
  const base = () => harness().baseUrl;
  const landed = async (person: Person, heading: string) => {
    const page = await pageFor(browser, 'en-GB', errors);
    await signIn(page, base(), person);
    await page.waitForURL(/\/home$/);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    return page;
  };

  before(async function () {
    if (!browserAvailable()) return this.skip();
    sel = await selectedExpression();
    tender = await publishedTender(
      sel.officer,
      sel.expressionId,
      { id: sel.consortiumId, members: sel.members },
      {
        lots: [
          { number: 1, title: 'SIEM for the Benelux SOC', estimatedValueCents: 100_000_000 },
          { number: 2, title: 'EDR', estimatedValueCents: 50_000_000 },
        ],
        questionsInMs: 300_000,
        submissionInMs: 600_000,
      },
    );
    reference = (await call('GET', `/tenders/${tender.id}`, { token: sel.officer.token })).body.reference;
    vendor = await newPerson('vendor', await newOrganisation('vendor', { name: 'Detect Europe SA' }));
    await call('PUT', `/organisations/${vendor.organisationId}/subscriptions`, {
      token: vendor.token,
      body: { cpvPrefixes: ['4873'] },
    });
    await call('POST', `/tenders/${tender.id}/questions`, {
      token: vendor.token,
      body: { text: 'May the SIEM run in our own EU cloud?' },
    });
    expect(
      (
        await call('POST', `/tenders/${tender.id}/bids`, {
          token: vendor.token,
          body: offerOf(1, 850_000_00),
        })
      ).status,
    ).to.equal(201);
    await call('POST', `/tenders/${tender.id}/evaluators`, {
      token: sel.officer.token,
      body: { userId: (sel.evaluators[0] as Person).id },
    });
    const proposed = await call('POST', `/consortia/${sel.consortiumId}/resolutions`, {
      token: (sel.members[0] as Person).token,
      body: { subject: 'Appoint the SOC liaison officer' },
    });
    resolutionId = proposed.body.id;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]);
  });

  it('when a vendor signs in, then it lands on its bids, the tenders it follows and their deadlines', async () => {
    const page = await landed(vendor, 'Your work');
    const bids = page.locator('section[aria-labelledby="home-bids"]');
    await bids
      .getByRole('row', { name: new RegExp(`${reference}.*1\\. SIEM for the Benelux SOC.*Submitted`) })
      .waitFor();
    const following = page.locator('section[aria-labelledby="home-following"]');
    await following.getByText('Your alerts, Your question, Your bid').waitFor();
    await following.getByText('Questions of yours not answered yet: 1').waitFor();
    // Its tender's two deadlines, in order (other tenders of its alerts may come between).
    const deadlines = (
      await page.locator('section[aria-labelledby="home-deadlines"] li').allInnerTexts()
    ).filter((d) => d.includes(reference));
    expect(deadlines).to.have.length(2);
    expect(deadlines.join('\n')).to.match(/Questions close[\s\S]*Bids close/);
    await page
      .locator('section[aria-labelledby="home-waiting"]')
      .getByText('Nothing waits for your answer.')
      .waitFor();
    await expectAccessible(page, 'the vendor’s home');
    await screenshot(page, 'home-vendor-en');
    await inDutch(page, 'Mijn werk', 'home-vendor-nl');
    await onPhone(page, 'the vendor’s home', 'home-vendor-phone');
    await bids.getByRole('link', { name: reference }).click();
    await page.waitForURL(`${base()}/tenders/${tender.id}`);
  });

  it('when a phone shows the header, then the menu folds behind one button and the language behind its code', async () => {
    const page = await landed(vendor, 'Your work');
    await page.setViewportSize({ width: 360, height: 780 });
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    expect(await page.getByRole('button', { name: 'Log out' }).isVisible()).to.equal(false);
    expect(await menu.getAttribute('aria-expanded')).to.equal('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).to.equal('true');
    const nav = page.getByRole('navigation', { name: 'Menu' });
    for (const name of ['Your work', 'Tender board', 'Tender alerts', 'Notices', 'My account'])
      await nav.getByRole('link', { name, exact: true }).waitFor();
    await nav.getByRole('button', { name: 'Log out' }).waitFor();
    await expectFitsPhone(page, 'the open menu');
    await expectAccessible(page, 'the open menu on a phone');
    await screenshot(page, 'menu-phone');
    await nav.getByRole('link', { name: 'Tender board', exact: true }).click();
    await page.getByRole('heading', { name: 'Calls and tenders', level: 1 }).waitFor();
    expect(await menu.getAttribute('aria-expanded'), 'a new page closes the menu').to.equal('false');
    const language = page.getByRole('button', { name: 'Language: English' });
    expect((await language.textContent())?.trim()).to.equal('EN');
    await language.click();
    await screenshot(page, 'language-phone');
    await page.getByRole('button', { name: 'NL Nederlands' }).click();
    await page.getByRole('heading', { name: 'Oproepen en aanbestedingen', level: 1 }).waitFor();
    expect((await page.getByRole('button', { name: 'Taal: Nederlands' }).textContent())?.trim()).to.equal(
      'NL',
    );
    await expectFitsPhone(page, 'the board in Dutch');
    await chooseLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Calls and tenders', level: 1 }).waitFor();
  });

  it('when an evaluator signs in, then the declaration it owes waits on its home and leads to the scoring page', async () => {
    const page = await landed(sel.evaluators[0] as Person, 'Your work');
    const row = page
      .locator('section[aria-labelledby="home-tenders"]')
      .getByRole('row', { name: new RegExp(`${reference}.*To make`) });
    await row.waitFor();
    await expectAccessible(page, 'the evaluator’s home');
    await screenshot(page, 'home-evaluator-en');
    await inDutch(page, 'Mijn werk', 'home-evaluator-nl');
    await onPhone(page, 'the evaluator’s home', 'home-evaluator-phone');
    await row.getByRole('link', { name: reference }).click();
    await page.waitForURL(`${base()}/tenders/${tender.id}/scoring`);
  });

  it('when a member of the opening committee signs in, then the desk shows the opening it sits on', async () => {
    const page = await landed(tender.openingCommittee[1] as Person, 'Procedures');
    await page
      .locator('section[aria-labelledby="home-openings"]')
      .getByRole('row', { name: new RegExp(`${reference}.*Secret set; the opening is not due yet`) })
      .waitFor();
    await expectAccessible(page, 'the desk with an opening');
    await screenshot(page, 'home-officer-en');
    await onPhone(page, 'the desk', 'home-officer-phone');
  });

  it('when a representative signs in, then its consortia show the resolution waiting for its vote', async () => {
    const page = await landed(sel.members[2] as Person, 'Consortia');
    const votes = page.locator('section[aria-labelledby="home-votes"]');
    await votes.getByRole('link', { name: 'Appoint the SOC liaison officer' }).waitFor();
    await expectAccessible(page, 'the consortia with a vote waiting');
    await screenshot(page, 'home-representative-en');
    await onPhone(page, 'the consortia', 'home-representative-phone');
    await votes.getByRole('link', { name: 'Appoint the SOC liaison officer' }).click();
    await page.waitForURL(`${base()}/consortia/${sel.consortiumId}/resolutions/${resolutionId}`);
  });

  it('when anyone reads the board and a tender on a phone, then both fit the screen with every cell named', async () => {
    const page = await pageFor(browser, 'en-GB', errors);
    await page.goto(`${base()}/`);
    await page.getByRole('heading', { name: 'Calls and tenders', level: 1 }).waitFor();
    await expectFitsPhone(page, 'the board');
    await page.goto(`${base()}/tenders/${tender.id}`);
    await page.getByRole('heading', { name: 'Detection tools', level: 1 }).waitFor();
    await onPhone(page, 'a tender, signed out', 'tender-public-phone');
    await page.goto(`${base()}/sign-in`);
    await expectFitsPhone(page, 'the sign-in page');
  });
});
