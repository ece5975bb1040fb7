import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { until } from '../../scripts/procedure.js';
import { asAdmin, call } from '../support/api.js';
import {
  browserAvailable,
  chooseLanguage,
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
    // No password field: the person chooses their own from the invitation.
    expect(await people.getByLabel(/password/i).count()).to.equal(0);
    await people.getByLabel('Role').selectOption('evaluator');
    await people.getByRole('button', { name: 'Create the account' }).click();
    // The API's refusal stands beside the form, naming the field.
    await people.getByText('/role').waitFor();
    await people.getByLabel('Role').selectOption('vendor');
    await people.getByLabel('Language of its notices').selectOption('nl');
    await people.getByRole('button', { name: 'Create the account' }).click();
    await people.getByText('The account of Katrin Vogel is created.').waitFor();
    await people.getByRole('cell', { name: email }).waitFor();
    const users = await call('GET', '/users?role=vendor&limit=100', { token: await asAdmin() });
    const katrin = users.body.items.find((u: { email: string }) => u.email === email);
    expect(katrin).to.include({ name: 'Katrin Vogel', language: 'nl', role: 'vendor', status: 'invited' });
    await people
      .getByRole('row', { name: new RegExp(email) })
      .getByText(/^Invited, until/)
      .waitFor();
    await expectAccessible(page, 'the administration');
    await screenshot(page, 'admin-en');
  });

  it('when the welcome notice has failed, then the notice desk lists it with the error, and sending it again delivers it', async () => {
    await page.getByRole('link', { name: 'Notices', exact: true }).click();
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
    // Words of the recipient's address narrow the desk to that person's notices.
    await page.getByLabel('Recipient', { exact: true }).fill(email.split('@')[0] as string);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/recipient=/);
    // The desk asks the API anew for the filter: until it answers, the unfiltered list may still show.
    await until(async () => (await page.locator('tbody tr').count()) === 1, 'the desk narrowed to one row');
    await page.getByRole('row', { name: new RegExp(email) }).waitFor();
    const [mail] = await until(async () => {
      const caught = mailTo(email);
      return caught.length ? caught : undefined;
    }, 'the invitation');
    expect(mail?.parsed.subject).to.equal(
      'U bent uitgenodigd voor het platform voor gezamenlijke aanbestedingen',
    );
  });

  it('when the invited person opens the link, then they choose their own password in Dutch and are signed in; the administrator sees the account active', async () => {
    const [mail] = mailTo(email);
    const link = /http:\/\/\S+\/account\/password#token=[A-Za-z0-9._-]+/.exec(mail?.parsed.text ?? '')?.[0];
    expect(link, 'the invitation’s link').to.be.a('string');
    const katrin = await pageFor(browser, 'nl-NL', errors);
    await katrin.goto(`${base()}${new URL(link as string).pathname}${new URL(link as string).hash}`);
    await katrin.getByRole('heading', { name: 'Kies uw wachtwoord' }).waitFor();
    await katrin.getByLabel('Wachtwoord', { exact: true }).fill('mijn-eigen-wachtwoord');
    await katrin.getByLabel('Het wachtwoord nogmaals').fill('mijn-eigen-wachtwoord-x');
    await katrin.getByText('De twee wachtwoorden verschillen.').waitFor();
    await expectAccessible(katrin, 'choosing a password, in Dutch');
    await screenshot(katrin, 'set-password-nl');
    await katrin.getByLabel('Het wachtwoord nogmaals').fill('mijn-eigen-wachtwoord');
    await katrin.getByRole('button', { name: 'Mijn wachtwoord opslaan' }).click();
    await katrin.getByText('Ingelogd als Katrin Vogel').waitFor();
    // The link is spent and gone from the address bar.
    expect(katrin.url()).not.to.include('token=');
    await katrin.getByRole('link', { name: 'Mijn account' }).click();
    await katrin.getByRole('heading', { name: 'Mijn wachtwoord wijzigen' }).waitFor();
    await katrin.getByLabel('Huidig wachtwoord').fill('mijn-eigen-wachtwoord');
    await katrin.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een-nieuw-eigen-wachtwoord');
    await katrin.getByLabel('Het nieuwe wachtwoord nogmaals').fill('een-nieuw-eigen-wachtwoord');
    await katrin.getByRole('button', { name: 'Mijn wachtwoord wijzigen' }).click();
    await katrin.getByText('Uw wachtwoord is gewijzigd.', { exact: false }).waitFor();
    await expectAccessible(katrin, 'my account, in Dutch');
    await screenshot(katrin, 'account-nl');
    await katrin.context().close();
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByLabel('Words of the name').fill('Sentinel');
    await page.getByRole('button', { name: 'The people of Sentinel Analytics GmbH' }).click();
    const row = page.getByRole('row', { name: new RegExp(email) });
    await row.getByText('Active').waitFor();
    await row.getByRole('button', { name: 'Require a new password: Katrin Vogel' }).waitFor();
  });

  it('when someone forgot their password, then the console asks for the address and answers the same whether it has an account', async () => {
    const visitor = await pageFor(browser, 'en-GB', errors);
    await visitor.goto(`${base()}/sign-in`);
    await visitor.getByRole('link', { name: 'Forgot your password?' }).click();
    await visitor.getByRole('heading', { name: 'Forgot your password' }).waitFor();
    await visitor.getByLabel('E-mail address').fill(`nobody-${Date.now()}@nowhere.test`);
    await visitor.getByRole('button', { name: 'Send me a link' }).click();
    await visitor
      .getByText('If this address has an account, a link to choose a password is on its way.', {
        exact: false,
      })
      .waitFor();
    await expectAccessible(visitor, 'forgot password');
    await screenshot(visitor, 'forgot-password-en');
    await inDutch(visitor, 'Wachtwoord vergeten', 'forgot-password-nl');
    await visitor.context().close();
  });

  it('when the administrator checks the audit chain, then it holds, in English and in Dutch', async () => {
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('button', { name: 'Check the chain' }).click();
    await page.getByText(/^The chain holds: \d+ events\.$/).waitFor();
    await chooseLanguage(page, 'nl');
    await page.getByRole('heading', { name: 'Auditspoor' }).waitFor();
    await page.getByRole('button', { name: 'De keten controleren' }).click();
    await page.getByText(/^De keten is intact: \d+ gebeurtenissen\.$/).waitFor();
    await expectAccessible(page, 'the administration, in Dutch');
    await screenshot(page, 'admin-nl');
    await chooseLanguage(page, 'en');
  });
});
