import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { until } from '../../scripts/procedure.js';
import { call, centreId, evaluatorsOf, newPerson, type Person } from '../support/api.js';
import {
  browserAvailable,
  expectAccessible,
  inDutch,
  launchBrowser,
  localTime,
  pageFor,
  pick,
  screenshot,
  signIn,
} from '../support/browser.js';
import { harness } from '../support/harness.js';
import {
  checkedStatus,
  formConsortium,
  hostingEntity,
  submittedExpression,
  waitUntil,
} from '../support/procedure.js';

/**
 * An officer runs a call for expressions of interest in the console: drafts it with its criteria
 * checked as typed, publishes it, seats its evaluators and watches their declarations, runs the
 * selection after the closing, reads the ranking, and goes from the selected expression to its
 * tender. The consortium and the evaluators act through the API.
 */
describe('console: an officer runs a call from its draft to the selection', function () {
  this.timeout(240_000);
  let browser: Browser;
  let page: Page;
  let officer: Person;
  let evaluators: Person[];
  let members: [Person, Person, Person];
  let consortiumId: string;
  let callId: string;
  let closesAt: number;
  const errors: string[] = [];
  const base = () => harness().baseUrl;
  const field = (label: string) => page.getByLabel(label, { exact: true });

  before(async function () {
    if (!browserAvailable()) return this.skip();
    const centre = await centreId();
    officer = await newPerson('procurement-officer', centre);
    evaluators = await evaluatorsOf(centre);
    members = [await hostingEntity('BE'), await hostingEntity('NL', 'nl'), await hostingEntity('DE')];
    consortiumId = await formConsortium(members[0], [
      { rep: members[1], contributionCents: 30_000_000 },
      { rep: members[2], contributionCents: 20_000_000 },
    ]);
    browser = await launchBrowser();
    page = await pageFor(browser, 'en-GB', errors);
    await signIn(page, base(), officer);
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]);
  });

  it('when the officer drafts a call with its criteria checked as typed, publishes it and seats its evaluators, then their declarations show', async () => {
    await page.getByRole('link', { name: 'Your work' }).click();
    await page.getByRole('link', { name: 'Draft a new call' }).click();
    closesAt = Date.now() + 60_000;
    await field('Reference').fill(`ECCC-CALL-${Date.now()}`);
    await field('Title').fill('Cross-border SOC platforms 2027');
    await field('Description').fill('Hosting and operation of cross-border SOCs with jointly bought tools.');
    await field('Opens').fill(localTime(Date.now() - 60_000));
    await field('Closes').fill(localTime(closesAt));
    await field('Budget').fill('30,000,000.00');
    await field('Co-funding rate (%)').fill('75');
    await field('Name of criterion 1').fill('Capacity');
    await field('Weight of criterion 1').fill('3');
    await field('Threshold of criterion 1').fill('5');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await field('Name of criterion 2').fill('Cross-border value');
    await field('Weight of criterion 2').fill('1');
    await field('Maximum score of criterion 2').fill('5');
    await field('Threshold of criterion 2').fill('7');
    await page.getByText('Between 0 and the maximum score (5).').waitFor();
    await field('Threshold of criterion 2').fill('2');
    await page.getByText('Criterion 1 — 75% of the quality').waitFor();
    await expectAccessible(page, 'drafting a call');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('button', { name: 'Publish the call' }).click();
    await page.getByText('Open', { exact: true }).waitFor();
    callId = page.url().split('/').pop() as string;
    for (const e of evaluators) await pick(page, e, 'Evaluator to assign', 'Assign');
    for (const e of evaluators) await page.getByRole('row', { name: new RegExp(e.name) }).waitFor();
    for (const e of evaluators)
      await call('POST', `/calls/${callId}/coi`, { token: e.token, body: { conflict: false } });
    await page.reload();
    await until(
      async () => (await page.getByRole('cell', { name: /^no conflict/ }).count()) === 3,
      'declarations',
    );
    await expectAccessible(page, 'the call with its committee');
    await inDutch(page, 'Beoordelingscommissie', 'call-nl');
    await page.getByRole('link', { name: 'Your work' }).click();
    await page.getByRole('heading', { name: /^Calls for expressions of interest/ }).waitFor();
    await expectAccessible(page, 'the officers’ desk');
    await inDutch(page, 'Aanbestedingen', 'desk-nl');
    await page.goBack();
  });

  it('when the call has closed, then the officer runs the selection, reads the ranking and drafts the tender from the selected expression', async () => {
    const expressionId = await submittedExpression(
      callId,
      consortiumId,
      members[0],
      [members[1], members[2]],
      1_500_000_000,
    );
    expect(await checkedStatus(expressionId, officer.token)).to.equal('eligible');
    for (const e of evaluators)
      for (const [criterion, score] of [
        ['capacity', 8],
        ['cross-border-value', 4],
      ] as const)
        await call('POST', `/expressions/${expressionId}/scores`, {
          token: e.token,
          body: { criterion, score },
        });
    await waitUntil(new Date(closesAt).toISOString());
    await page.reload();
    await page.getByRole('button', { name: 'Run the selection' }).click();
    await page
      .getByText('The selection is done; every consortium is told its outcome.')
      .waitFor({ timeout: 30_000 });
    const results = (await call('GET', `/calls/${callId}/results`, { token: officer.token })).body;
    const row =
      (await page
        .getByRole('row', { name: /Consortium/ })
        .nth(1)
        .textContent()) ?? '';
    expect(row).to.include('Selected').and.include('€15,000,000.00');
    expect(row).to.include((results.items[0].total as number).toFixed(2));
    await page.getByText('Budget €30,000,000.00: granted €15,000,000.00, left €15,000,000.00.').waitFor();
    await expectAccessible(page, 'the selection');
    await screenshot(page, 'call-results-en');
    await page.getByRole('link', { name: 'Draft the tender' }).click();
    await page.getByRole('heading', { name: 'Draft a tender' }).waitFor();
  });
});
