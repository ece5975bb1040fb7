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
  launchBrowser,
  onPhone,
  pageFor,
  screenshot,
  signIn,
  tabTo,
} from '../support/browser.js';
import { harness } from '../support/harness.js';
import { pdfText } from '../support/pdf.js';
import {
  approveTender,
  openingCommittee,
  type PublishedTender,
  selectedExpression,
  tenderBody,
  waitUntil,
} from '../support/procedure.js';

/**
 * After the deadline, through the console: a Dutch-speaking vendor follows its bid through the
 * opening and the evaluation and reads why it lost, in Dutch; the winner downloads its contract.
 * The officers work in the console too: the opening committee sets its secrets and opens the bids,
 * an officer checks, evaluates, awards and prepares the contract; the evaluators score through the API.
 */
describe('console: a vendor follows its bid to the award', function () {
  this.timeout(240_000);
  let browser: Browser;
  let dutch: Page;
  let english: Page;
  let officerPage: Page;
  let loser: Person;
  let winner: Person;
  let tender: PublishedTender;
  let sel: Awaited<ReturnType<typeof selectedExpression>>;
  let standstillEndsAt: string;
  const errors: string[] = [];
  const base = () => harness().baseUrl;
  const progressStep = (page: Page) => page.locator('.bid-progress [aria-current="step"]').textContent();

  before(async function () {
    if (!browserAvailable()) return this.skip();
    sel = await selectedExpression();
    // A draft with its opening committee seated; two of the three set their secrets through the API.
    const committee = await openingCommittee(sel.officer);
    const draft = await call('POST', '/tenders', {
      token: sel.officer.token,
      body: tenderBody(sel.expressionId, {
        lots: [{ number: 1, title: 'NDR for three SOCs', estimatedValueCents: 120_000_000 }],
        questionsInMs: 30_000,
        submissionInMs: 75_000,
        standstillPeriod: 'PT20S',
      }),
    });
    expect(draft.status).to.equal(201);
    await call('POST', `/tenders/${draft.body.id}/opening-committee`, {
      token: sel.officer.token,
      body: { userIds: committee.map((m) => m.id), quorum: 2 },
    });
    for (const m of committee.slice(1))
      await call('PUT', `/tenders/${draft.body.id}/opening-committee/me`, {
        token: m.token,
        body: { secret: openingSecretOf(m) },
      });
    tender = {
      id: draft.body.id,
      submissionDeadline: draft.body.submissionDeadline,
      openingCommittee: committee,
    };
    loser = await newPerson(
      'vendor',
      await newOrganisation('vendor', { name: 'Veilig Netwerk B.V.', country: 'NL', language: 'nl' }),
      'nl',
    );
    winner = await newPerson('vendor', await newOrganisation('vendor', { name: 'Detect Europe SA' }));
    browser = await launchBrowser();
    dutch = await pageFor(browser, 'nl-NL', errors);
    english = await pageFor(browser, 'en-GB', errors);
    officerPage = await pageFor(browser, 'en-GB', errors);
  });

  after(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(errors.splice(0), 'errors thrown in the page').to.deep.equal([]);
  });

  it('when the last member of the opening committee sets a secret in the console, then the tender can be published', async () => {
    const [officer] = tender.openingCommittee as [Person];
    await signIn(officerPage, base(), officer);
    await officerPage.goto(`${base()}/tenders/${tender.id}`);
    await officerPage.getByRole('link', { name: 'The opening of the bids' }).click();
    await officerPage.getByRole('heading', { name: 'Set your opening secret' }).waitFor();
    await officerPage.getByLabel('Your opening secret', { exact: true }).fill('too short');
    await officerPage.getByText('The secret needs at least 12 characters.').waitFor();
    await officerPage.getByLabel('Your opening secret', { exact: true }).fill(openingSecretOf(officer));
    await officerPage.getByLabel('The same secret again').fill(`${openingSecretOf(officer)}!`);
    await officerPage.getByText('The two secrets differ.').waitFor();
    await officerPage.getByLabel('The same secret again').fill(openingSecretOf(officer));
    await officerPage.getByRole('button', { name: 'Set the secret' }).click();
    await officerPage.getByText('Your secret is set.').waitFor();
    await expectAccessible(officerPage, 'setting an opening secret');
    await screenshot(officerPage, 'opening-secret-en');
    await approveTender(sel.consortiumId, tender.id, sel.members);
    const published = await call('POST', `/tenders/${tender.id}/publish`, { token: officer.token });
    expect(published.status, JSON.stringify(published.body)).to.equal(200);
  });

  it('when a Dutch-speaking vendor signs in and bids by keyboard alone before the deadline, then its bid is received and sealed, and the receipt saved', async () => {
    const keys = dutch.keyboard;
    await dutch.goto(`${base()}/sign-in`);
    await tabTo(dutch, dutch.getByLabel('E-mailadres'));
    await keys.type(loser.email);
    await tabTo(dutch, dutch.getByLabel('Wachtwoord'));
    await keys.type(loser.password);
    await keys.press('Enter');
    await dutch.getByText(`Ingelogd als ${loser.name}`).waitFor();
    // From the link in its tender alert.
    await dutch.goto(`${base()}/tenders/${tender.id}`);
    await tabTo(dutch, dutch.getByLabel('Prijs in euro (exclusief btw)'));
    await keys.type('1.150.000,00');
    await tabTo(dutch, dutch.getByLabel('Technische aanbieding'));
    await keys.type('NDR-sensoren in drie SOC’s, beheerd vanuit Utrecht.');
    await tabTo(dutch, dutch.getByLabel('Geen van de uitsluitingsgronden'));
    await keys.press('Space');
    await tabTo(dutch, dutch.getByLabel('Wij voldoen aan de selectiecriteria'));
    await keys.press('Space');
    await tabTo(dutch, dutch.getByRole('button', { name: 'Inschrijving indienen', exact: true }));
    await keys.press('Enter');
    await dutch.getByText('Uw inschrijving voor perceel 1 is ontvangen en verzegeld.').waitFor();
    // The form makes way for the receipt: a second press cannot replace the bid unawares.
    expect(await dutch.getByRole('button', { name: 'Inschrijving indienen', exact: true }).count()).to.equal(
      0,
    );
    await dutch
      .getByRole('button', { name: 'Een inschrijving vervangen of op een ander perceel inschrijven' })
      .waitFor();
    await tabTo(dutch, dutch.getByRole('button', { name: 'Ontvangstbewijs downloaden' }));
    const [receipt] = await Promise.all([dutch.waitForEvent('download'), keys.press('Enter')]);
    const kept = readFileSync(await receipt.path(), 'utf8');
    expect(kept).to.include('Handeling: ingediend');
    expect(kept).to.match(/SHA-256 van wat is ingediend: [0-9a-f]{64}/);
    await steps.submitBid(winner, tender.id, {
      lot: 1,
      priceCents: 99_000_000,
      technicalOffer: 'NDR with 24/7 hunting.',
    });
  });

  it('when the deadline passes and two committee members act with their secrets, then the bids open and the vendor sees its bid opened', async () => {
    const [officer, second] = tender.openingCommittee as [Person, Person];
    await waitUntil(tender.submissionDeadline);
    await officerPage.reload();
    await officerPage.getByText('0 of the 2 members needed have acted.').waitFor();
    // The form comes when the committee may act (the page's clock ticks every few seconds).
    await officerPage.getByRole('button', { name: 'Act with my secret' }).waitFor({ timeout: 20_000 });
    await officerPage.getByLabel('Your opening secret', { exact: true }).fill('not my secret at all');
    await officerPage.getByRole('button', { name: 'Act with my secret' }).click();
    await officerPage.getByText('This is not your opening secret for this tender.').waitFor();
    await officerPage.getByLabel('Your opening secret', { exact: true }).fill(openingSecretOf(officer));
    await officerPage.getByRole('button', { name: 'Act with my secret' }).click();
    await officerPage.getByText('You have acted.').waitFor();
    await officerPage.getByText('1 of the 2 members needed have acted.').waitFor();
    await expectAccessible(officerPage, 'the opening, one member having acted');
    await screenshot(officerPage, 'opening-en');
    const secondPage = await pageFor(browser, 'en-GB', errors);
    await signIn(secondPage, base(), second);
    await secondPage.goto(`${base()}/tenders/${tender.id}/opening`);
    await secondPage.getByLabel('Your opening secret', { exact: true }).fill(openingSecretOf(second));
    await secondPage.getByRole('button', { name: 'Act with my secret' }).click();
    // The first member's page follows: the quorum fills, a worker opens the bids, the record appears.
    await officerPage.getByRole('heading', { name: 'Opening record' }).waitFor({ timeout: 30_000 });
    expect(await officerPage.getByRole('row', { name: /Lot 1/ }).textContent()).to.include('2');
    await officerPage.getByText('Every bid matches its receipt.').waitFor();
    await expectAccessible(officerPage, 'the opening record');
    await screenshot(officerPage, 'opening-record-en');
    await chooseLanguage(officerPage, 'nl');
    await officerPage.getByRole('heading', { name: 'Proces-verbaal van de opening' }).waitFor();
    await expectAccessible(officerPage, 'the opening record, in Dutch');
    await screenshot(officerPage, 'opening-record-nl');
    await chooseLanguage(officerPage, 'en');
    await dutch.reload();
    await dutch.getByRole('cell', { name: /Ingediend, geopend/ }).waitFor();
    expect(await progressStep(dutch)).to.equal('Geopend');
    // The bidder reads the opening record: when, by which members, and how many bids its lot received.
    await dutch.getByText('De inschrijvingen zijn geopend op').waitFor();
    await dutch.getByText(`door ${officer.name}, ${second.name}, leden van de openingscommissie.`).waitFor();
    expect(
      await dutch
        .getByRole('table', { name: 'De opening van de inschrijvingen' })
        .getByRole('row', { name: /Perceel 1/ })
        .textContent(),
    ).to.include('2');
    await expectAccessible(dutch, 'an opened bid, in Dutch');
    await onPhone(dutch, 'an opened bid with its opening record', 'bidder-opening-phone');
  });

  it('when the officer checks, evaluates and awards the lot to another bid in the console, then the screen shows the API’s numbers, and the vendor reads its scores and the grounds in Dutch, and the letter', async () => {
    const [losing, winning] = [
      bidIdFor(tender.id, 1, loser.organisationId),
      bidIdFor(tender.id, 1, winner.organisationId),
    ];
    // One evaluator declares and scores in the console, the two others through the API; the
    // officer checks, computes and awards in the console.
    const [first, ...others] = sel.evaluators as [Person, ...Person[]];
    await call('POST', `/tenders/${tender.id}/evaluators`, {
      token: sel.officer.token,
      body: { userId: first.id },
    });
    await steps.seatCommittee(sel.officer, `/tenders/${tender.id}`, others);
    for (const e of others)
      for (const [bidId, score] of [
        [losing, 4],
        [winning, 8],
      ] as const)
        await call('POST', `/bids/${bidId}/scores`, {
          token: e.token,
          body: { criterion: 'detection', score },
        });
    const evaluatorPage = await pageFor(browser, 'en-GB', errors);
    await signIn(evaluatorPage, base(), first);
    await evaluatorPage.goto(`${base()}/tenders/${tender.id}`);
    await evaluatorPage.getByRole('link', { name: 'Score the bids' }).click();
    await evaluatorPage.getByText('Declare the absence of a conflict of interest first.').waitFor();
    await expectAccessible(evaluatorPage, 'the declaration of interests');
    await evaluatorPage
      .getByRole('button', { name: 'I declare that I have no conflict of interest' })
      .click();
    await evaluatorPage.getByText('You have given 0 of 2 scores.').waitFor();
    // Quality is scored without the prices: no door of the page shows one before the sign-off.
    await evaluatorPage.getByText('Prices are hidden while you score quality.', { exact: false }).waitFor();
    expect(await evaluatorPage.locator('main').textContent()).to.not.match(/€|1,150,000|990,000/);
    for (const [offer, score] of [
      ['NDR-sensoren in drie SOC’s', '4'],
      ['NDR with 24/7 hunting.', '8'],
    ] as const) {
      const bid = evaluatorPage.locator('.scored-bid').filter({ hasText: offer });
      await bid.getByLabel('Score (0 to 10)').fill(score);
      await bid.getByLabel('Comment').fill(`Detection coverage judged ${score} of 10.`);
      await bid.getByRole('button', { name: /^Save the scores of Bid/ }).click();
      await bid.getByText('Saved: 1 of 1 criteria scored.').waitFor();
    }
    await evaluatorPage.getByText('You have given 2 of 2 scores.').waitFor();
    await expectAccessible(evaluatorPage, 'the scoring');
    await screenshot(evaluatorPage, 'scoring-en');
    await onPhone(evaluatorPage, 'the scoring, prices hidden', 'scoring-phone');
    // The sign-off asks first; once final, the scores lock and the prices show.
    await evaluatorPage.getByRole('button', { name: 'My scores are final' }).click();
    await evaluatorPage.getByText('Once final, your scores can no longer change. Sign them off?').waitFor();
    await expectAccessible(evaluatorPage, 'the sign-off to confirm');
    await evaluatorPage.getByRole('button', { name: 'Yes, my scores are final' }).click();
    await evaluatorPage.getByText('Your scores are final').waitFor();
    await evaluatorPage.getByText('Price: €1,150,000.00').waitFor();
    expect(await evaluatorPage.getByRole('button', { name: /^Save the scores of/ }).count()).to.equal(0);
    expect(await evaluatorPage.locator('.scored-bid').filter({ hasText: '24/7' }).textContent()).to.include(
      '8 of 10',
    );
    const locked = await call('POST', `/bids/${winning}/scores`, {
      token: first.token,
      body: { criterion: 'detection', score: 10 },
    });
    expect(locked.status).to.equal(409);
    await expectAccessible(evaluatorPage, 'the scores signed off');
    await screenshot(evaluatorPage, 'scoring-final-en');
    await chooseLanguage(evaluatorPage, 'nl');
    await evaluatorPage.getByText('U hebt 2 van de 2 scores gegeven.').waitFor();
    await evaluatorPage.getByText('Uw scores zijn definitief').waitFor();
    await expectAccessible(evaluatorPage, 'the scoring, in Dutch');
    await screenshot(evaluatorPage, 'scoring-nl');
    await onPhone(evaluatorPage, 'the scores signed off, in Dutch', 'scoring-final-phone-nl');
    await officerPage.goto(`${base()}/tenders/${tender.id}`);
    await officerPage.getByRole('link', { name: 'The evaluation' }).click();
    await officerPage.getByRole('heading', { name: 'Exclusion and selection checks' }).waitFor();
    for (const name of ['Veilig Netwerk B.V.', 'Detect Europe SA'])
      await officerPage
        .getByRole('button', { name: new RegExp(`^Record the checks of Lot 1, ${name}`) })
        .click();
    await officerPage.getByText('Recorded').nth(1).waitFor();
    await officerPage.getByRole('button', { name: 'Compute the evaluation' }).click();
    await officerPage
      .getByRole('heading', { name: 'Lot 1 — NDR for three SOCs' })
      .waitFor({ timeout: 30_000 });
    // What the screen shows is the API's evaluation, to two decimals.
    const computed = (await call('GET', `/tenders/${tender.id}/evaluation`, { token: sel.officer.token }))
      .body;
    const rows = await officerPage.locator('.evaluation-table tbody tr').allTextContents();
    for (const [i, b] of (computed.lots[0].bids as { rounded: Record<string, number | null> }[]).entries())
      for (const v of Object.values(b.rounded)) if (v !== null) expect(rows[i]).to.include(v.toFixed(2));
    expect(rows[1]).to.include('Detection: 4.00 is below the threshold of 5.');
    await expectAccessible(officerPage, 'the evaluation');
    await screenshot(officerPage, 'evaluation-en');
    // The score matrix: each evaluator's score and comment, and the mean the ranking used.
    const matrix = officerPage.locator('.score-matrix');
    await matrix.getByText('6 of 6 scores given').waitFor();
    // The officer sees who has signed their scores off: the console's evaluator, not the two others.
    await matrix.getByText('scores final', { exact: true }).first().waitFor();
    expect(await matrix.getByText('scores not yet final', { exact: true }).count()).to.be.at.least(2);
    for (const b of computed.lots[0].bids as {
      vendorName: string;
      criterionScores: { mean: number }[];
    }[]) {
      const row = (await matrix.locator('tbody tr', { hasText: b.vendorName }).textContent()) ?? '';
      const mean = (b.criterionScores[0] as { mean: number }).mean.toFixed(2);
      expect(row.split(mean).length - 1, `${b.vendorName}: ${row}`).to.equal(4);
    }
    expect(await matrix.textContent()).to.include('Detection coverage judged 8 of 10.');
    await screenshot(matrix, 'score-matrix-en');
    const [report] = await Promise.all([
      officerPage.waitForEvent('download'),
      officerPage.getByRole('button', { name: 'Download the evaluation report (PDF)' }).click(),
    ]);
    expect(await pdfText(readFileSync(await report.path()))).to.include('Detect Europe SA');
    await officerPage.getByRole('button', { name: /^Award lot 1 to Detect Europe SA/ }).click();
    await officerPage.getByText(/^Lot 1 is awarded to Detect Europe SA/).waitFor();
    standstillEndsAt = (await call('GET', `/tenders/${tender.id}`)).body.awards[0].standstillEndsAt;
    await chooseLanguage(officerPage, 'nl');
    await officerPage.getByRole('heading', { name: 'Rangschikking per perceel' }).waitFor();
    await expectAccessible(officerPage, 'the evaluation, in Dutch');
    await screenshot(officerPage, 'evaluation-nl');
    await chooseLanguage(officerPage, 'en');
    await dutch.reload();
    await dutch
      .getByRole('heading', { name: 'Uw inschrijving voor perceel 1 (NDR for three SOCs) is niet gekozen' })
      .waitFor();
    const outcome = dutch.locator('section[aria-labelledby="outcome-1"]');
    expect(await outcome.textContent()).to.match(
      /gegund aan Detect Europe SA.*, wiens inschrijving 88,00 \/ 100/,
    );
    expect(await outcome.locator('.grounds li').allTextContents()).to.deep.equal([
      'Detection: 4,00 ligt onder de drempel van 5.',
      'Kwaliteit 40,00 ligt onder de drempel van 50,00 punten.',
    ]);
    expect(await progressStep(dutch)).to.equal('Gunning beslist');
    await expectAccessible(dutch, 'the award decision, in Dutch');
    await screenshot(dutch, 'outcome-nl');
    // The decision letter, as e-mailed: the same grounds, and the PDF letter.
    await dutch.getByRole('link', { name: 'Lees de gunningsbrief' }).click();
    await dutch.getByText('Redenen voor de afwijzing').waitFor();
    expect(await dutch.locator('.notice-text').textContent()).to.include(
      '- Kwaliteit 40,00 ligt onder de drempel van 50,00 punten.',
    );
    await expectAccessible(dutch, 'the decision letter, in Dutch');
    const [letter] = await Promise.all([
      dutch.waitForEvent('download'),
      dutch.getByRole('button', { name: 'De brief downloaden (pdf)' }).click(),
    ]);
    expect(await pdfText(readFileSync(await letter.path()))).to.include(
      'Detection: 4,00 ligt onder de drempel van 5.',
    );
  });

  it('when the standstill is over and the officer prepares the contract, then the winning vendor downloads it from the tender page', async () => {
    await signIn(english, base(), winner);
    await english.goto(`${base()}/tenders/${tender.id}`);
    await english.getByRole('heading', { name: 'Lot 1 (NDR for three SOCs) is awarded to you' }).waitFor();
    expect(await english.locator('.grounds').count()).to.equal(0);
    await waitUntil(standstillEndsAt);
    await english.reload();
    await english.getByText('The contract is being prepared by the contracting authority.').waitFor();
    // The officer prepares the contract in the console once the standstill is over.
    await officerPage
      .getByRole('button', { name: 'Prepare the contract of lot 1' })
      .click({ timeout: 30_000 });
    const contract = await until(async () => {
      const list = await call('GET', `/tenders/${tender.id}/contracts`, { token: sel.officer.token });
      return list.body.items[0]?.status === 'ready' && list.body.items[0];
    }, 'the contract');
    await officerPage
      .getByRole('button', { name: `Download the contract ${contract.number} (PDF)` })
      .waitFor();
    // The page follows the contract's generation by itself.
    const button = english.getByRole('button', { name: `Download the contract ${contract.number} (PDF)` });
    await button.waitFor({ timeout: 30_000 });
    await expectAccessible(english, 'the awarded bid with its contract');
    await screenshot(english, 'outcome-en');
    const [file] = await Promise.all([english.waitForEvent('download'), button.click()]);
    const pdf = readFileSync(await file.path());
    expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
    expect(await pdfText(pdf)).to.include(contract.number);
    // Nobody else's contract: the losing vendor's list is empty.
    expect(
      (await call('GET', `/tenders/${tender.id}/contracts`, { token: loser.token })).body.items,
    ).to.deep.equal([]);
  });
});
