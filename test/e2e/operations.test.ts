import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { until } from '../../scripts/procedure.js';
import { asAdmin, call } from '../support/api.js';
import {
  browserAvailable,
  expectAccessible,
  inDutch,
  launchBrowser,
  pageFor,
  screenshot,
  signIn,
} from '../support/browser.js';
import { ADMIN, harness, mailTo } from '../support/harness.js';

/** Reloads the notice desk until it lists a notice to the address (the worker sends meanwhile). */
async function reloadUntilListed(page: Page, address: string, what: string): Promise<void> {
  await until(async () => {
    await page.reload();
    await page.getByText(/^\d+–\d+ of \d+$/).waitFor();
    return (await page.getByRole('row', { name: new RegExp(address) }).count()) > 0;
  }, what);
}

/**
 * The administrator in the console: registers a vendor and gives its bid manager an account in
 * Dutch; the welcome e-mail is refused by the mail server, found on the notice desk and sent again
 * once the server takes it; the audit chain is checked.
 */
describe('console: the administrator’s operations', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const base = () => harness().baseUrl;
  const email = `refuse-me-${Date.now()}@sentinel.test`;

  before(async function () {
    if (!browserAvailable()) return this.skip();
    browser = await launchBrowser();
    page = await pageFor(browser, 'en-GB', errors);
    await signIn(page, base(), { email: ADMIN.email, password: ADMIN.password, name: 'Administrator' });
  });

  after(async () => {
    harness().mail.beforeAccept = undefined;
    await browser?.close();
  });

  afterEach(() => {
    expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]);
  });

  it('when the administrator registers a vendor and its bid manager, then the account exists in Dutch, and a refused welcome e-mail is failed', async () => {
    harness().mail.beforeAccept = async (raw) => {
      if (raw.includes('refuse-me'))
        throw Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 });
    };
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'A new organisation' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Sentinel Analytics GmbH');
    await page.getByLabel('Kind').selectOption('vendor');
    await page.getByLabel('Country').fill('de');
    await page.getByText('Germany').waitFor();
    await page.getByLabel('E-mail').fill('tenders@sentinel.test');
    await page.getByLabel('Language of its notices').selectOption('nl');
    await page.getByRole('button', { name: 'Register the organisation' }).click();
    await page.getByText('Sentinel Analytics GmbH is registered.').waitFor();
    // The new organisation is chosen: its people, and a new account for one of them.
    const people = page.locator('section[aria-labelledby="people"]');
    await people.getByText('Nobody has an account yet.').waitFor();
    await people.getByLabel('Name', { exact: true }).fill('Katrin Vogel');
    await people.getByLabel('E-mail').fill(email);
    await people.getByLabel('First password').fill('short');
    await people.getByRole('button', { name: 'Create the account' }).click();
    // The API's refusal stands beside the form, naming the field.
    await people.getByText('/password').waitFor();
    await people.getByLabel('First password').fill('a-long-first-password');
    await people.getByLabel('Role').selectOption('vendor');
    await people.getByLabel('Language of its notices').selectOption('nl');
    await people.getByRole('button', { name: 'Create the account' }).click();
    await people.getByText('The account of Katrin Vogel is created.').waitFor();
    await people.getByRole('cell', { name: email }).waitFor();
    const users = await call('GET', '/users?role=vendor&limit=100', { token: await asAdmin() });
    const katrin = users.body.items.find((u: { email: string }) => u.email === email);
    expect(katrin).to.include({ name: 'Katrin Vogel', language: 'nl', role: 'vendor' });
    await expectAccessible(page, 'the administration');
    await screenshot(page, 'admin-en');
  });

  it('when the welcome notice has failed, then the notice desk lists it with the error, and sending it again delivers it', async () => {
    await page.getByRole('link', { name: 'Notices' }).click();
    await page.getByRole('heading', { name: 'Notices', exact: true }).waitFor();
    await page.getByLabel('Delivery').selectOption('failed');
    const row = page.getByRole('row', { name: new RegExp(email) });
    // The worker tries once, is refused for good, and the desk (asked again) shows it failed.
    await reloadUntilListed(page, email, 'the failed notice');
    expect(await row.textContent()).to.match(/Failed.*attempts: 1.*550/);
    expect(page.url()).to.include('status=failed');
    await expectAccessible(page, 'the notice desk');
    await screenshot(page, 'notices-en');
    await inDutch(page, 'Berichten', 'notices-nl');
    harness().mail.beforeAccept = undefined;
    await row.getByRole('button', { name: `Send again to ${email}` }).click();
    await page.getByLabel('Delivery').selectOption('sent');
    await reloadUntilListed(page, email, 'the notice sent again');
    const [mail] = await until(async () => {
      const caught = mailTo(email);
      return caught.length ? caught : undefined;
    }, 'the welcome e-mail');
    expect(mail?.parsed.subject).to.match(/account|welkom/i);
  });

  it('when the administrator checks the audit chain, then it holds, in English and in Dutch', async () => {
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('button', { name: 'Check the chain' }).click();
    await page.getByText(/^The chain holds: \d+ events\.$/).waitFor();
    await page.getByLabel('Language', { exact: true }).selectOption('nl');
    await page.getByRole('heading', { name: 'Auditspoor' }).waitFor();
    await page.getByRole('button', { name: 'De keten controleren' }).click();
    await page.getByText(/^De keten is intact: \d+ gebeurtenissen\.$/).waitFor();
    await expectAccessible(page, 'the administration, in Dutch');
    await screenshot(page, 'admin-nl');
    await page.getByLabel('Taal', { exact: true }).selectOption('en');
  });
});
