import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import {
  call,
  centreId,
  evaluatorsOf,
  newOrganisation,
  newPerson,
  type Person,
  steps,
} from '../support/api.js';
import {
  browserAvailable,
  expectAccessible,
  launchBrowser,
  onPhone,
  pageFor,
  screenshot,
  signIn,
} from '../support/browser.js';
import { harness } from '../support/harness.js';
import {
  openingCommittee,
  publishedCall,
  scoreExpression,
  tenderBody,
  waitUntil,
} from '../support/procedure.js';

/**
 * Hosting consortia in the console: three representatives of three Member States form a consortium
 * (one declines first), vote by the weight of their contributions, and apply for EU co-funding.
 * The officers' part (the call, the scores, the selection) runs through the API here.
 */
describe('console: a consortium forms, votes and applies', function () {
  this.timeout(300_000);
  let browser: Browser;
  let be: Page;
  let nl: Page;
  let de: Page;
  let officer: Person;
  let evaluators: Person[];
  let callOf: { id: string; closesAt: string };
  const reps: Record<'be' | 'nl' | 'de', Person & { organisation: string }> = {} as never;
  const name = `North Sea SOC Alliance ${randomBytes(2).toString('hex')}`;
  let consortiumId: string;
  let expressionId: string;
  let resolutionUrl: string;
  const errors: string[] = [];
  const base = () => harness().baseUrl;

  const representative = async (country: string, orgName: string, language: 'en' | 'nl') => {
    const org = await newOrganisation('hosting-entity', { name: orgName, country, language });
    const person = await newPerson('entity-representative', org, language);
    const organisation = (await call('GET', `/organisations/${org}`, { token: person.token })).body.name;
    return { ...person, organisation };
  };

  /** The coordinator finds an organisation by words of its name and its country, and invites it. */
  const invite = async (words: string, country: string, who: { organisation: string }, amount: string) => {
    await be.getByLabel('Name of the organisation').fill(words);
    await be.getByLabel('Country (two letters, e.g. NL)').fill(country);
    await be.getByRole('button', { name: 'Search', exact: true }).click();
    await be.getByRole('button', { name: `Choose ${who.organisation}` }).click();
    await be.getByLabel('Its contribution in euros').fill(amount);
    await be.getByRole('button', { name: 'Send the invitation' }).click();
    await be.getByText(`The invitation is sent to ${who.organisation}.`).waitFor();
  };

  before(async function () {
    if (!browserAvailable()) return this.skip();
    const centre = await centreId();
    officer = await newPerson('procurement-officer', centre);
    evaluators = await evaluatorsOf(centre);
    callOf = await publishedCall(officer, 120_000);
    reps.be = await representative('BE', 'Centre for Cybersecurity Belgium', 'en');
    reps.nl = await representative('NL', 'Nationaal Cyber Security Centrum', 'nl');
    reps.de = await representative('DE', 'Bundesamt für Sicherheit in der Informationstechnik', 'en');
    browser = await launchBrowser();
    be = await pageFor(browser, 'en-GB', errors);
    nl = await pageFor(browser, 'nl-NL', errors);
    de = await pageFor(browser, 'en-GB', errors);
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]);
  });

  it('when the coordinator founds a consortium and invites two hosting entities found by name and country, then the consortium waits for their answers', async () => {
    await signIn(be, base(), reps.be);
    await be.getByRole('link', { name: 'Your work' }).click();
    await be.getByRole('heading', { name: 'Found a consortium' }).waitFor();
    await expectAccessible(be, 'the consortia');
    await be.getByLabel('Name', { exact: true }).fill(name);
    await be.getByLabel('Your organisation’s contribution in euros').fill('5,000,000');
    await be.getByText('€5,000,000.00').waitFor();
    await be.getByRole('button', { name: 'Found the consortium' }).click();
    await be.getByRole('heading', { name, level: 1 }).waitFor();
    consortiumId = be.url().split('/').pop() as string;
    await invite('nationaal cyber', 'NL', reps.nl, '3,000,000');
    await invite('Bundesamt', 'de', reps.de, '2,000,000');
    await be.getByText(`The invitation to ${reps.de.organisation} is still pending.`).waitFor();
    expect(await be.getByRole('button', { name: 'Seal the consortium agreement' }).isDisabled()).to.equal(
      true,
    );
    await expectAccessible(be, 'a consortium being formed');
  });

  it('when one entity declines and is invited again, then it accepts; the Dutch representative accepts and reads the consortium in Dutch', async () => {
    await signIn(de, base(), reps.de);
    await de.getByRole('link', { name: 'Your work' }).click();
    await expectAccessible(de, 'an invitation');
    await de.getByRole('button', { name: `Decline the invitation to ${name}` }).click();
    await de.getByText('Your organisation is in no consortium yet.').waitFor();
    // The coordinator's page follows the answer, and the declined entity may be asked again.
    await be.getByRole('cell', { name: 'Declined' }).waitFor({ timeout: 15_000 });
    await invite('Bundesamt', 'DE', reps.de, '2,000,000');
    await de.reload();
    await de.getByRole('button', { name: `Accept the invitation to ${name}` }).click();
    await de.getByRole('link', { name }).waitFor();

    await signIn(nl, base(), reps.nl, 'nl');
    await nl.getByRole('link', { name: 'Mijn werk' }).click();
    await expectAccessible(nl, 'an invitation, in Dutch');
    await screenshot(nl, 'consortia-nl');
    await nl.getByRole('button', { name: `De uitnodiging van ${name} aanvaarden` }).click();
    await nl.getByRole('link', { name }).click();
    await nl.getByRole('heading', { name: 'Leden, bijdragen en stemgewichten' }).waitFor();
    expect(await nl.locator('.weights-legend').textContent()).to.include(`${reps.nl.organisation}: 30%`);
    await expectAccessible(nl, 'the consortium, in Dutch');
    await screenshot(nl, 'consortium-nl');
  });

  it('when every member has joined, then the consortium is eligible and the coordinator seals the agreement', async () => {
    await be
      .getByText('Eligible: members from 3 Member States, all public bodies, each contributing.')
      .waitFor({ timeout: 15_000 });
    await be.getByRole('button', { name: 'Seal the consortium agreement' }).click();
    await be.getByText('The consortium agreement was sealed on').waitFor();
    const c = await call('GET', `/consortia/${consortiumId}`, { token: reps.be.token });
    expect(c.body.agreementSealed).to.equal(true);
    expect(c.body.votingWeights.map((w: { weight: number }) => w.weight)).to.deep.equal([0.5, 0.3, 0.2]);
    await screenshot(be, 'consortium-en');
  });

  it('when the coordinator drafts the expression of interest, then the co-funding cap follows what is typed, and submitting waits for its approval', async () => {
    await be.getByLabel('Draft an expression of interest for').selectOption(callOf.id);
    await be.getByRole('button', { name: 'Start the draft' }).click();
    await be.getByRole('heading', { name: 'New expression of interest' }).waitFor();
    await be.getByLabel('Summary of the SOC and its use of the tools').fill('A North Sea SOC for ports.');
    await be.getByLabel('Category').selectOption('siem');
    await be.getByLabel('Description').fill('SIEM for 40 000 events per second');
    await be.getByLabel('Estimated cost in euros').fill('1,000,000');
    await be.getByLabel('Hosting years').fill('5');
    await be.getByLabel('EU contribution requested in euros').fill('800,000');
    await be.getByText('This is more than the call’s co-funding cap of €750,000.00.').waitFor();
    await be.getByText('At most €750,000.00: 75% of the estimated cost of €1,000,000.00.').waitFor();
    await screenshot(be, 'expression-en');
    await be.getByLabel('EU contribution requested in euros').fill('700,000');
    expect(await be.getByText('This is more than the call’s co-funding cap').count()).to.equal(0);
    await be.getByRole('button', { name: 'Save the draft' }).click();
    await be.getByText('The draft is saved.').waitFor();
    await be.waitForURL(/\/expressions\/[0-9a-f]{24}$/);
    expressionId = be.url().split('/').pop() as string;
    await be.getByText('a resolution approving this expression must have passed').waitFor();
    expect(await be.getByRole('button', { name: 'Submit the expression of interest' }).isDisabled()).to.equal(
      true,
    );
    await expectAccessible(be, 'the expression form');
    const stored = await call('GET', `/expressions/${expressionId}`, { token: reps.be.token });
    expect(stored.body).to.include({
      status: 'draft',
      requestedEuContributionCents: 70_000_000,
      hostingYears: 5,
    });
  });

  it('when a resolution approving it is put to the vote, then it passes by the 75 % rule with one member against', async () => {
    await be.getByRole('link', { name: 'Propose the resolution that approves it' }).click();
    await be.getByLabel('Subject').fill('Approve our expression of interest');
    await be.getByLabel('It approves').selectOption(`expression:${expressionId}`);
    await be.getByRole('button', { name: 'Propose', exact: true }).click();
    await be.getByRole('heading', { name: 'Weighted tally' }).waitFor();
    resolutionUrl = be.url();
    await be.getByRole('button', { name: 'Vote yes' }).click();
    await be.getByText('Your organisation voted: Yes.').waitFor();
    await de.goto(resolutionUrl);
    await de.getByRole('button', { name: 'Vote no' }).click();
    await de.getByText('Your organisation voted: No.').waitFor();
    // The coordinator's page follows the others' votes.
    await be.getByRole('cell', { name: 'No', exact: true }).waitFor({ timeout: 15_000 });
    await be.getByText('Yes: 50% of the weight; 75% is needed.').waitFor();
    await be.getByText('The votes still to come can bring it to 75%.').waitFor();
    await expectAccessible(be, 'the tally');
    await screenshot(be, 'tally-en');
    await nl.goto(resolutionUrl);
    await nl.getByRole('button', { name: 'Ja stemmen' }).click();
    await nl.getByText('Aangenomen op').waitFor();
    await expectAccessible(nl, 'the tally, in Dutch');
    await screenshot(nl, 'tally-nl');
    await be.getByText('Passed on').waitFor({ timeout: 15_000 });
    const r = await call('GET', `/consortia/${consortiumId}/resolutions/${resolutionUrl.split('/').pop()}`, {
      token: reps.nl.token,
    });
    expect(r.body.outcome).to.equal('passed');
    expect(r.body.tally).to.include({ yes: 0.8, no: 0.2, pending: 0 });
  });

  it('when the approved expression is submitted, then the console follows it until it is found eligible', async () => {
    await be.goto(`${base()}/expressions/${expressionId}`);
    await be.getByRole('button', { name: 'Submit the expression of interest' }).click();
    await be.getByText('Eligible: it goes on to the evaluation').waitFor({ timeout: 30_000 });
    await expectAccessible(be, 'an eligible expression');
  });

  it('when the call’s selection is made, then the coordinator reads its rank, its scores and the grant', async () => {
    await steps.seatCommittee(officer, `/calls/${callOf.id}`, evaluators);
    await scoreExpression(expressionId, evaluators);
    await waitUntil(callOf.closesAt);
    await steps.selection(officer, callOf.id);
    await be.reload();
    await be.getByText('Selection: Selected').waitFor();
    await be.getByText('EU co-funding granted: €700,000.00').waitFor();
    // The expression as submitted, read-only, its money in the reader's notation.
    const content = be.locator('section[aria-labelledby="expression-content"]');
    await content.getByRole('cell', { name: 'SIEM', exact: false }).first().waitFor();
    expect(await content.textContent()).to.include('€700,000.00');
    expect(await be.locator('#summary').count()).to.equal(0);
    await onPhone(be, 'a submitted expression, read as submitted', 'expression-view-phone');
    await expectAccessible(be, 'a selected expression');
    await screenshot(be, 'selected-en');
    await nl.goto(`${base()}/expressions/${expressionId}`);
    await nl.getByText('Toegekende EU-medefinanciering: € 700.000,00').waitFor();
    await expectAccessible(nl, 'a selected expression, in Dutch');
    await screenshot(nl, 'selected-nl');
    await onPhone(nl, 'a submitted expression, in Dutch', 'expression-view-phone-nl');
  });

  it('when an officer drafts a tender for the selected expression, then the members read its specifications and approve them in the console, and it can be published', async () => {
    const committee = await openingCommittee(officer);
    const draft = await call('POST', '/tenders', {
      token: officer.token,
      body: tenderBody(expressionId, {
        lots: [{ number: 1, title: 'SIEM for the North Sea SOC', estimatedValueCents: 90_000_000 }],
        questionsInMs: 3_600_000,
        submissionInMs: 7_200_000,
      }),
    });
    expect(draft.status).to.equal(201);
    await steps.seatOpeningCommittee(officer, draft.body.id, committee);
    await be.goto(`${base()}/consortia/${consortiumId}`);
    await be
      .getByRole('link', { name: /SIEM for the North Sea SOC|Detection tools/ })
      .first()
      .waitFor();
    await be.getByLabel('Subject').fill('Approve the SIEM tender');
    await be.getByLabel('It approves').selectOption(`tender:${draft.body.id}`);
    await be
      .getByLabel('Text of the resolution')
      .fill('The members approve the specifications of the SIEM tender, one lot of €900,000.');
    // Two days ahead, at noon, as the browser's clock shows it.
    const due = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    const local = `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}T12:00`;
    await be.getByLabel('Voting deadline').fill(local);
    await expectAccessible(be, 'a resolution to propose, with its text and deadline');
    await be.getByRole('button', { name: 'Propose', exact: true }).click();
    await be.getByRole('link', { name: 'It approves the tender' }).waitFor();
    const motion = be.locator('section[aria-labelledby="motion"]');
    await motion.getByText('Tender specifications').waitFor();
    await motion.getByText(draft.body.reference).waitFor();
    await motion.getByText('one lot of €900,000.').waitFor();
    await motion.getByText('Voting closes on').waitFor();
    const stored = (
      await call('GET', `/consortia/${consortiumId}/resolutions/${be.url().split('/').pop()}`, {
        token: reps.be.token,
      })
    ).body;
    // Noon on the browser's clock, in the browser's time zone.
    const meant = await be.evaluate((l) => new Date(l).toISOString(), local);
    expect(new Date(stored.votingDeadline).toISOString()).to.equal(meant);
    expect(stored.object).to.include({ kind: 'tender', reference: draft.body.reference });
    await expectAccessible(be, 'a resolution with its text and deadline');
    await screenshot(be, 'resolution-motion-en');
    await onPhone(be, 'a resolution with its text and deadline', 'resolution-motion-phone');
    await be.getByRole('button', { name: 'Vote yes' }).click();
    await nl.goto(be.url());
    await nl.getByRole('link', { name: 'Het keurt de aanbesteding goed' }).click();
    await nl.getByText('SIEM for the North Sea SOC').first().waitFor();
    await nl.goBack();
    await nl.locator('section[aria-labelledby="motion"]').getByText('De stemming sluit op').waitFor();
    await screenshot(nl, 'resolution-motion-nl');
    await onPhone(nl, 'a resolution with its text and deadline, in Dutch', 'resolution-motion-phone-nl');
    await nl.getByRole('button', { name: 'Ja stemmen' }).click();
    await nl.getByText('Aangenomen op').waitFor();
    // The list names what each resolution approves, when it was proposed and its deadline.
    await be.goto(`${base()}/consortia/${consortiumId}`);
    const row = be.locator('section[aria-labelledby="resolutions"] tbody tr', {
      hasText: 'Approve the SIEM tender',
    });
    await row.getByText(draft.body.reference).waitFor();
    expect(await row.textContent()).to.include('Passed');
    expect(
      await be
        .locator('section[aria-labelledby="resolutions"] tbody tr', {
          hasText: 'Approve our expression of interest',
        })
        .textContent(),
    ).to.include('Expression of interest');
    await screenshot(be.locator('section[aria-labelledby="resolutions"]'), 'resolutions-list-en');
    await onPhone(be, 'the consortium’s resolutions', 'resolutions-list-phone');
    const published = await call('POST', `/tenders/${draft.body.id}/publish`, { token: officer.token });
    expect(published.status, JSON.stringify(published.body)).to.equal(200);
  });
});
