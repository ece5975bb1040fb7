import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import type { Api } from '../../scripts/procedure/client.js';
import { procedureSteps } from '../../scripts/procedure.js';
import { sha256 } from '../../server/digest.js';
import { freePort } from '../../server/embedded/processes.js';
import { projectRoot } from '../../server/paths.js';
import { EformsNotice } from '../../server/publication/eforms-notice.model.js';
import type { SchematronSetup } from '../../server/publication/schematron.js';
import { Tender, type TenderRecord } from '../../server/tenders/tender.model.js';
import {
  call,
  centreId,
  inbox,
  steps as mainSteps,
  newOrganisation,
  newPerson,
  type Person,
} from '../support/api.js';
import { type FakeTed, startFakeTed } from '../support/fake-ted.js';
import { eformsEnv, eformsSetup, eventually, harness, noticeErrors } from '../support/harness.js';
import {
  callBody,
  openBids,
  openingCommittee,
  publishedTender,
  selectedExpression,
  tenderBody,
  waitUntil,
} from '../support/procedure.js';

// The notices of a procedure, made through the API and judged by the SDK's own XSD and Schematron
// with the same tools as the platform. A second platform runs beside the suite's, configured as in
// production — the SDK to validate against and a TED to publish to (a stand-in server of ours) —
// with deadlines weeks away, as eForms requires (a deadline is after the notice's day).

const DAY = 86_400_000;

const count = (xml: string, fragment: string) => xml.split(fragment).length - 1;
const between = (xml: string, open: string, close: string) =>
  [...xml.matchAll(new RegExp(`${open}([^<]*)${close}`, 'g'))].map((m) => m[1]);

describe('eForms notices: made by each step, valid against the SDK, on the board and at TED', function () {
  this.timeout(300_000);
  let tools: SchematronSetup;
  let ted: FakeTed;
  let platform: ChildProcess | undefined;
  let base: string;
  let on: Api;
  let steps: ReturnType<typeof procedureSteps>;
  let officer: Person;

  /** The notice is valid for the SDK, checked here as the platform checks it. */
  const expectValid = async (subtype: string, xml: string) => {
    const errors = await noticeErrors(subtype, xml);
    expect(errors, JSON.stringify(errors, null, 1)).to.deep.equal([]);
  };
  const noticesOf = async (kind: 'calls' | 'tenders', id: string) =>
    (await on('GET', `/${kind}/${id}/eforms`, { token: officer.token })).body.items;
  const xmlOf = async (kind: 'calls' | 'tenders', id: string, noticeId: string) => {
    const res = await call('GET', `/${kind}/${id}/eforms/${noticeId}`, { token: officer.token, base });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^application\/xml/);
    const xml = (res.body as Buffer).toString();
    expect(res.headers.get('x-content-sha256')).to.equal(sha256(xml));
    return xml;
  };

  before(async function () {
    const found = eformsSetup();
    // CI installs Saxon-HE (.ci/run); elsewhere, without it, these tests skip.
    if (!found) return this.skip();
    tools = found;
    ted = await startFakeTed();
    const h = harness();
    const port = await freePort();
    platform = fork(path.join(projectRoot, 'dist', 'server', 'main.js'), [], {
      env: {
        ...h.env,
        ...eformsEnv(tools),
        PORT: String(port),
        QUEUE_PREFIX: `${h.env.QUEUE_PREFIX}-eforms`,
        TED_API_KEY: ted.apiKey,
        TED_API_URL: ted.url,
        TED_CVS_URL: ted.url,
        TED_POLL_MS: '300',
        TED_TIMEOUT_MS: '1500',
      },
      stdio: 'ignore',
    });
    base = `http://127.0.0.1:${port}`;
    on = (method, url, opts = {}) => call(method, url, { ...opts, base });
    steps = procedureSteps(on, inbox);
    await eventually(async () => (await fetch(`${base}/readyz`).catch(() => undefined))?.ok, 60_000);
    officer = await newPerson('procurement-officer', await centreId());
  });

  after(async () => {
    if (platform && platform.exitCode === null) {
      const exited = new Promise((resolve) => platform?.once('exit', resolve));
      platform.kill('SIGTERM');
      await exited;
    }
    await ted?.close();
  });

  it('when a call is published, then its CEI is validated by the worker, shown on the board, and published at TED with its OJ S number', async () => {
    const published = await steps.publishedCall(officer, callBody(30 * DAY));
    const [cei, ...more] = await noticesOf('calls', published.id);
    expect(more).to.deep.equal([]);
    expect(cei).to.include({ subtype: 'CEI', version: '01', changes: null });
    expect(cei.status).to.be.oneOf(['valid', 'submitted', 'publishing', 'published']);
    const xml = await xmlOf('calls', published.id, cei.noticeId);
    await expectValid('CEI', xml);
    expect(xml).to.include('<cbc:RegulatoryDomain>32024R2509</cbc:RegulatoryDomain>');
    expect(count(xml, 'GroupLeadIndicator'), 'no lead buyer in a CEI').to.equal(0);
    const atTed = await eventually(async () => {
      const [n] = await noticesOf('calls', published.id);
      return n.status === 'published' && n;
    }, 20_000);
    expect(atTed.publicationNumber).to.match(/^\d+-2026$/);
    expect(ted.submitted.get(`${cei.noticeId}-01`)?.xml).to.equal(xml);
  });

  let tender: { id: string; procedureId: string };
  let sel: Awaited<ReturnType<typeof selectedExpression>>;
  let contractNoticeId: string;

  it('when a tender is published, then its contract notice says what the tender says: lots, CPV codes, values, weights, deadlines and every buyer, exactly one the lead', async () => {
    sel = await selectedExpression();
    const body = {
      ...tenderBody(sel.expressionId, {
        lots: [
          {
            number: 1,
            title: 'SIEM',
            estimatedValueCents: 150_000_000,
            description: 'A SIEM for the cross-border SOC',
            cpvCodes: ['48730000'],
          },
          {
            number: 2,
            title: 'NDR',
            estimatedValueCents: 80_000_000,
            description: 'Network detection and response',
            cpvCodes: ['48730000', '72212730'],
          },
        ],
        questionsInMs: 20 * DAY,
        submissionInMs: 35 * DAY,
      }),
      selectionCriteria: [{ key: 'references', title: 'Three references of SIEM deployments' }],
    };
    tender = await steps.publishedTender(
      sel.officer,
      { id: sel.consortiumId, members: sel.members },
      body,
      await openingCommittee(sel.officer),
    );
    const [cn] = await noticesOf('tenders', tender.id);
    expect(cn).to.include({ subtype: '16', kind: 'contract', version: '01', changes: null });
    contractNoticeId = cn.noticeId;
    const xml = await xmlOf('tenders', tender.id, cn.noticeId);
    await expectValid('16', xml);
    expect(between(xml, '<cbc:ContractFolderID>', '</cbc:ContractFolderID>')).to.deep.equal([
      tender.procedureId,
    ]);
    expect(between(xml, '<cbc:ID schemeName="Lot">', '</cbc:ID>')).to.deep.equal(['LOT-0001', 'LOT-0002']);
    expect(between(xml, '<cbc:EstimatedOverallContractAmount currencyID="EUR">', '<')).to.deep.equal([
      '2300000.00',
      '1500000.00',
      '800000.00',
    ]);
    expect(xml).to.include(
      '<cbc:ItemClassificationCode listName="cpv">72212730</cbc:ItemClassificationCode>',
    );
    // Quality 60 % (one criterion), price 40 %, per lot.
    expect(between(xml, '<efbc:ParameterNumeric>', '</efbc:ParameterNumeric>')).to.deep.equal([
      '60',
      '40',
      '60',
      '40',
    ]);
    const deadline = new Date(
      (await on('GET', `/tenders/${tender.id}`, { token: officer.token })).body.submissionDeadline,
    );
    expect(
      between(xml, '<cac:TenderSubmissionDeadlinePeriod>\\s*<cbc:EndDate>', '</cbc:EndDate>')[0],
    ).to.equal(`${deadline.toISOString().slice(0, 10)}Z`);
    // The Centre and the three members are buyers; the Centre leads.
    expect(count(xml, '<cac:ContractingParty>')).to.equal(4);
    expect(count(xml, '<efbc:GroupLeadIndicator>true</efbc:GroupLeadIndicator>')).to.equal(1);
    expect(count(xml, '<efbc:GroupLeadIndicator>false</efbc:GroupLeadIndicator>')).to.equal(3);
    expect(xml).to.include('<cbc:ID>CrossBorderLaw</cbc:ID>');
    expect(xml).to.include(
      '<cbc:FundingProgramCode listName="eu-programme">DIGITALEU</cbc:FundingProgramCode>',
    );
    expect(xml).to.include('<cac:AppealReceiverParty>');
  });

  it('when a tender lacks what a rule requires (its place of performance, its duration), then publishing is refused with each rule named, and it stays a draft without a notice', async () => {
    const body = tenderBody(sel.expressionId, {
      lots: [{ number: 1, title: 'EDR', estimatedValueCents: 50_000_000 }],
      questionsInMs: 20 * DAY,
      submissionInMs: 35 * DAY,
    }) as Record<string, unknown>;
    delete body.placeOfPerformance;
    delete body.contractDuration;
    const refused = await steps
      .publishedTender(
        sel.officer,
        { id: sel.consortiumId, members: sel.members },
        body,
        await openingCommittee(sel.officer),
      )
      .then(
        () => undefined,
        (err: Error) => err.message,
      );
    expect(refused).to.match(/answered 422/);
    const problem = JSON.parse((refused as string).slice((refused as string).indexOf('{')));
    expect(problem.type).to.equal('urn:problem:notice-invalid');
    const rulesNamed = problem.errors.map((e: { rule: string }) => e.rule);
    expect(rulesNamed).to.include('BR-BT-00727-0228');
    expect(rulesNamed).to.include('BR-BT-00137-0214');
    expect(problem.errors[0].message).to.match(/needed here but missing/);
    const draft = await Tender.findOne({ reference: String(body.reference) }).lean<TenderRecord>();
    expect(draft?.status).to.equal('draft');
    expect((await on('GET', `/tenders/${draft?._id}/eforms`, { token: officer.token })).status).to.equal(409);
    expect(await EformsNotice.countDocuments({ owner: `tender:${draft?._id}` })).to.equal(0);
  });

  it('when the tender is cancelled before its deadline, then a change notice of its own points to the contract notice, with the reason and every lot', async () => {
    const cancelled = await on('POST', `/tenders/${tender.id}/cancel`, {
      token: sel.officer.token,
      body: { reason: 'The needs of the consortium changed.' },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).to.equal(200);
    const [cn, change, ...more] = await noticesOf('tenders', tender.id);
    expect(more).to.deep.equal([]);
    expect(cn.noticeId).to.equal(contractNoticeId);
    expect(change).to.include({
      subtype: '16',
      kind: 'change',
      version: '01',
      changes: `${contractNoticeId}-01`,
    });
    expect(change.noticeId).not.to.equal(contractNoticeId);
    const xml = await xmlOf('tenders', tender.id, change.noticeId);
    await expectValid('16', xml);
    expect(between(xml, '<cbc:ContractFolderID>', '</cbc:ContractFolderID>')).to.deep.equal([
      tender.procedureId,
    ]);
    expect(between(xml, '<efbc:ChangedNoticeIdentifier>', '</efbc:ChangedNoticeIdentifier>')).to.deep.equal([
      `${contractNoticeId}-01`,
    ]);
    expect(xml).to.include('<cbc:ReasonCode listName="change-corrig-justification">cancel</cbc:ReasonCode>');
    expect(between(xml, '<efbc:ChangedSectionIdentifier>', '</efbc:ChangedSectionIdentifier>')).to.deep.equal(
      ['LOT-0001', 'LOT-0002'],
    );
  });

  it('when TED refuses a notice, then it is not published there and TED’s reasons are shown; when TED does not answer in time, then the worker tries again', async () => {
    ted.next.push('reject');
    const refused = await steps.publishedCall(officer, callBody(30 * DAY));
    const notPublished = await eventually(async () => {
      const [n] = await noticesOf('calls', refused.id);
      return n.status === 'not-published' && n;
    }, 20_000);
    expect(notPublished.tedReasons).to.deep.equal(['The buyer is not registered with this eSender']);
    ted.next.push('hang-once');
    const slow = await steps.publishedCall(officer, callBody(30 * DAY));
    const published = await eventually(async () => {
      const [n] = await noticesOf('calls', slow.id);
      return n.status === 'published' && n;
    }, 40_000);
    const submits = ted.requests.filter((r) => r.path === '/api/v2/notice/notices/submit');
    expect(submits.length).to.be.greaterThanOrEqual(3);
    expect(ted.submitted.has(`${published.noticeId}-01`)).to.equal(true);
  });

  it('when a notice is corrected before TED publishes it, then TED stops version 01 and version 02 goes in its place; a published notice is not corrected but changed', async () => {
    const body = callBody(30 * DAY);
    // TED holds its version 01 as submitted, not yet published.
    ted.hold = (xml) =>
      xml.includes(String(body.reference)) && xml.includes('<cbc:VersionID>01</cbc:VersionID>');
    const held = await steps.publishedCall(officer, body);
    const [v01] = await noticesOf('calls', held.id);
    await eventually(async () => (await noticesOf('calls', held.id))[0].status === 'submitted', 20_000);
    const correct = (token: string, noticeId = v01.noticeId) =>
      on('POST', `/calls/${held.id}/eforms/${noticeId}/correct`, { token });
    const vendor = await newPerson('vendor', await newOrganisation('vendor'));
    expect((await correct(vendor.token)).status).to.equal(403);
    expect((await correct(officer.token, 'no-such-notice')).status).to.equal(404);
    const corrected = await correct(officer.token);
    expect(corrected.status, JSON.stringify(corrected.body)).to.equal(201);
    expect(corrected.body).to.include({ noticeId: v01.noticeId, version: '02', subtype: 'CEI' });
    expect(ted.requests).to.deep.include({
      method: 'POST',
      path: `/v3/notices/${v01.noticeId}-01/stop-publication`,
    });
    const [first, second, ...more] = await eventually(async () => {
      const list = await noticesOf('calls', held.id);
      return list[1]?.status === 'published' && list;
    }, 20_000);
    expect(more).to.deep.equal([]);
    expect(first).to.include({ version: '01', status: 'stopped' });
    expect(second).to.include({ version: '02', status: 'published' });
    const xml = await xmlOf('calls', held.id, v01.noticeId);
    expect(xml).to.include('<cbc:VersionID>02</cbc:VersionID>');
    expect(xml).to.include(`<cbc:ID schemeName="notice-id">${v01.noticeId}</cbc:ID>`);
    await expectValid('CEI', xml);
    expect(ted.submitted.get(`${v01.noticeId}-02`)?.xml).to.equal(xml);
    const again = await correct(officer.token);
    expect(again.status).to.equal(409);
    expect(again.body.type).to.equal('urn:problem:notice-not-correctable');
  });

  it('when every lot of a tender is decided, then its award notice names each winner with the value of the contract, the tenders received, and a lot without tenders as closed without award', async () => {
    // On the suite's own platform, with deadlines of seconds: its notices are made unvalidated,
    // and judged here by the SDK (an award notice has no date to come after its own day).
    const chosen = await selectedExpression();
    const published = await publishedTender(
      chosen.officer,
      chosen.expressionId,
      { id: chosen.consortiumId, members: chosen.members },
      {
        lots: [
          { number: 1, title: 'SIEM', estimatedValueCents: 150_000_000 },
          { number: 2, title: 'NDR', estimatedValueCents: 80_000_000 },
        ],
        questionsInMs: 2_000,
        submissionInMs: 5_000,
        standstillPeriod: 'PT1S',
      },
    );
    const vendors = [
      await newPerson('vendor', await newOrganisation('vendor', { country: 'FR' })),
      await newPerson('vendor', await newOrganisation('vendor', { country: 'NL' })),
    ] as [Person, Person];
    const bids = [
      await mainSteps.submitBid(vendors[0], published.id, {
        lot: 1,
        priceCents: 120_000_000,
        technicalOffer: 'A',
      }),
      await mainSteps.submitBid(vendors[1], published.id, {
        lot: 1,
        priceCents: 140_000_000,
        technicalOffer: 'B',
      }),
    ];
    await waitUntil(published.submissionDeadline);
    await openBids(published);
    for (const e of chosen.evaluators) {
      await call('POST', `/tenders/${published.id}/evaluators`, {
        token: chosen.officer.token,
        body: { userId: e.id },
      });
      await call('POST', `/tenders/${published.id}/coi`, { token: e.token, body: { conflict: false } });
    }
    for (const bid of bids) {
      await call('POST', `/bids/${bid.id}/checks`, {
        token: chosen.officer.token,
        body: { exclusion: 'pass', selection: 'pass' },
      });
      for (const e of chosen.evaluators)
        await call('POST', `/bids/${bid.id}/scores`, {
          token: e.token,
          body: { criterion: 'detection', score: 8 },
        });
    }
    const evaluation = await call('POST', `/tenders/${published.id}/evaluation`, {
      token: chosen.officer.token,
    });
    expect(evaluation.status, JSON.stringify(evaluation.body)).to.equal(202);
    await eventually(
      async () =>
        (await call('GET', `/tenders/${published.id}/evaluation`, { token: chosen.officer.token })).status ===
        200,
    );
    const awarded = await call('POST', `/tenders/${published.id}/awards`, {
      token: chosen.officer.token,
      body: { lot: 1, bidId: bids[0]?.id },
    });
    expect(awarded.status, JSON.stringify(awarded.body)).to.equal(201);
    const tenderNow = (await call('GET', `/tenders/${published.id}`, { token: chosen.officer.token })).body;
    await waitUntil(tenderNow.awards[0].standstillEndsAt);
    const contract = await call('POST', `/tenders/${published.id}/contracts`, {
      token: chosen.officer.token,
      body: { lot: 1 },
    });
    expect(contract.status).to.equal(202);
    const can = await eventually(async () => {
      const res = await call('GET', `/tenders/${published.id}/eforms`, { token: chosen.officer.token });
      return res.body.items.find((n: { kind: string }) => n.kind === 'award');
    }, 30_000);
    expect(can).to.include({ subtype: '29', version: '01', status: 'unvalidated' });
    const res = await call('GET', `/tenders/${published.id}/eforms/${can.noticeId}`, {
      token: chosen.officer.token,
    });
    const xml = (res.body as Buffer).toString();
    await expectValid('29', xml);
    const winner = (
      await call('GET', `/organisations/${vendors[0].organisationId}`, { token: chosen.officer.token })
    ).body;
    expect(xml).to.include(`<cbc:Name languageID="ENG">${winner.name}</cbc:Name>`);
    expect(between(xml, '<cbc:PayableAmount currencyID="EUR">', '<')).to.deep.equal(['1200000.00']);
    expect(between(xml, '<cbc:TenderResultCode listName="winner-selection-status">', '<')).to.deep.equal([
      'selec-w',
      'clos-nw',
    ]);
    expect(xml).to.include(
      '<efbc:DecisionReasonCode listName="non-award-justification">no-rece</efbc:DecisionReasonCode>',
    );
    expect(xml).to.match(/tenders<\/efbc:StatisticsCode>\s*<efbc:StatisticsNumeric>2</);
    expect(count(xml, '<efac:Tenderer>'), 'the losing bidder is not named').to.equal(1);
  });
});
