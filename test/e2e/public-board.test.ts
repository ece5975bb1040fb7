import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { call } from '../support/api.js';
import {
  browserAvailable,
  chooseLanguage,
  expectAccessible,
  inDutch,
  launchBrowser,
  onPhone,
  screenshot,
} from '../support/browser.js';
import { harness } from '../support/harness.js';
import { publishedTender, selectedExpression } from '../support/procedure.js';

describe('console: the public tender board', function () {
  this.timeout(180_000);
  let browser: Browser;
  let page: Page;
  let tender: { id: string; title: string };

  before(async function () {
    if (!browserAvailable()) return this.skip();
    const sel = await selectedExpression();
    const published = await publishedTender(
      sel.officer,
      sel.expressionId,
      { id: sel.consortiumId, members: sel.members },
      {
        lots: [
          { number: 1, title: 'SIEM platform', estimatedValueCents: 130_000_000 },
          { number: 2, title: 'Network detection and response', estimatedValueCents: 80_000_000 },
        ],
        questionsInMs: 3_600_000,
        submissionInMs: 7_200_000,
      },
    );
    tender = { id: published.id, title: (await call('GET', `/tenders/${published.id}`)).body.title };
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Brussels' });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });

  after(async () => {
    await browser?.close();
  });

  // Whatever a page throws fails the journey that met it.
  const errors: string[] = [];
  afterEach(() => {
    expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]);
  });

  it('when a signed-out visitor searches by CPV, then the tender is found, its page shows lots and criteria, and both pages are accessible', async () => {
    await page.goto(`${harness().baseUrl}/`);
    await page.getByRole('heading', { name: 'Calls and tenders' }).waitFor();
    await expectAccessible(page, 'the board');
    await page.getByLabel('CPV code').fill('4873');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/cpv=4873/);
    const link = page.getByRole('link', { name: tender.title }).first();
    await link.waitFor();
    // Each line names the consortium it is bought for and when it was published.
    await page.getByRole('columnheader', { name: 'Bought for' }).waitFor();
    await page.getByRole('columnheader', { name: 'Published' }).waitFor();
    const row = page.locator('tbody tr', { hasText: tender.title }).first();
    expect(await row.textContent()).to.match(/Consortium /);
    await page.getByLabel('Order').selectOption('reference');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/sort=reference/);
    await page
      .getByRole('navigation', { name: 'Pages of tenders' })
      .getByText(/^1–\d+ of \d+$/)
      .waitFor();
    await screenshot(page, 'board-en');
    await onPhone(page, 'the board with its buyer and publication date', 'board-phone');
    await inDutch(page, 'Oproepen en aanbestedingen', 'board-nl');
    await chooseLanguage(page, 'nl');
    await onPhone(page, 'the board, in Dutch', 'board-phone-nl');
    await chooseLanguage(page, 'en');
    // A code no tender has finds nothing.
    await page.goto(`${harness().baseUrl}/?cpv=9999`);
    await page.getByText('Nothing matches these filters.').waitFor();
    // Newest first again: the tender just published leads.
    await page.goto(`${harness().baseUrl}/?cpv=4873`);
    await page.getByRole('link', { name: tender.title }).first().click();
    await page.waitForURL(new RegExp(`/tenders/${tender.id}$`));
    await page.getByRole('heading', { name: 'Lots' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Network detection and response' }).count()).to.equal(1);
    expect(await page.getByText('€1,300,000.00').count()).to.equal(1);
    await expectAccessible(page, 'a tender');
    await screenshot(page, 'tender-en');
  });

  it('when the visitor switches to Dutch, then the page, its money and its dates are Dutch, and a reload keeps the language', async () => {
    await chooseLanguage(page, 'nl');
    await page.getByRole('heading', { name: 'Percelen' }).waitFor();
    expect(await page.getByText('€ 1.300.000,00').count()).to.equal(1);
    await page.reload();
    await page.getByRole('heading', { name: 'Belangrijke data' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).to.equal('nl');
    await expectAccessible(page, 'a tender in Dutch');
    await screenshot(page, 'tender-nl');
    // An address that names nothing says so, in the reader's language.
    await page.goto(`${harness().baseUrl}/tenders/${randomBytes(12).toString('hex')}`);
    await page.getByRole('alert').waitFor();
    await chooseLanguage(page, 'en');
  });

  it('when the console is served, then its page has a strict Content-Security-Policy and its assets are cached for a year', async () => {
    const res = await fetch(`${harness().baseUrl}/tenders/anything`, { headers: { accept: 'text/html' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-security-policy')).to.include("script-src 'self'");
    expect(res.headers.get('cache-control')).to.equal('no-cache');
    const html = await res.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] as string;
    const js = await fetch(`${harness().baseUrl}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.headers.get('cache-control')).to.include('max-age=31536000');
    expect(js.headers.get('content-encoding')).to.equal('gzip');
    // The API keeps its own answers: an unknown API path is a problem, not the console.
    const api = await fetch(`${harness().baseUrl}/api/v1/nothing-here`, { headers: { accept: 'text/html' } });
    expect(api.headers.get('content-type')).to.include('problem+json');
  });
});
