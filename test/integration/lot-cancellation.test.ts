import { expect } from 'chai';
import { Bid } from '../../server/bids/bid.model.js';
import { call, newOrganisation, newPerson, type Person, steps } from '../support/api.js';
import { eventually, mailTo, noticeErrors } from '../support/harness.js';
import { ocdsErrors } from '../support/ocds.js';
import {
  offerOf,
  openBids,
  type PublishedTender,
  type SelectedExpression,
  selectedExpression,
  twoLotTender,
  waitUntil,
} from '../support/procedure.js';

// One lot of a tender cancelled while the others go on: before the deadline its bids stay sealed
// for ever, the change notice names it, vendors are told; lot 1 is awarded and contracted as usual.

/** Valid for the eForms SDK, where its tools are here (in CI they must be: see `eformsSetup`). */
async function expectValidWhereChecked(subtype: string, xml: string) {
  const errors = await noticeErrors(subtype, xml);
  if (errors) expect(errors, JSON.stringify(errors, null, 1)).to.deep.equal([]);
}

const between = (xml: string, open: string, close: string) =>
  [...xml.matchAll(new RegExp(`${open}([^<]*)${close}`, 'g'))].map((m) => m[1]);

describe('Per-lot cancellation', function () {
  this.timeout(180_000);
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let vendors: Person[];
  const bids: Record<string, string> = {};
  const reason = { code: 'chan-need', text: 'The NDR needs are now covered by a national programme.' };

  before(async () => {
    sel = await selectedExpression();
    tender = await twoLotTender(sel, {
      questionsInMs: 3_000,
      submissionInMs: 8_000,
      standstillPeriod: 'PT1S',
    });
    vendors = [
      await newPerson('vendor', await newOrganisation('vendor', { country: 'FR' })),
      await newPerson('vendor', await newOrganisation('vendor', { country: 'NL' })),
    ];
    const [a, b] = vendors as [Person, Person];
    bids.a1 = (
      await steps.submitBid(a, tender.id, { lot: 1, priceCents: 120_000_000, technicalOffer: 'A' })
    ).id;
    bids.b2 = (
      await steps.submitBid(b, tender.id, { lot: 2, priceCents: 70_000_000, technicalOffer: 'B' })
    ).id;
  });

  const cancel = (token: string, lot: number | string, body: unknown) =>
    call('POST', `/tenders/${tender.id}/lots/${lot}/cancel`, { token, body });

  it('when the request is not an officer’s, names no lot, or gives no reason from the eForms list, then it is refused and nothing changes', async () => {
    expect((await cancel((vendors[0] as Person).token, 2, { reason })).status).to.equal(403);
    const unknown = await cancel(sel.officer.token, 3, { reason });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.errors).to.deep.equal([{ path: '/lot', message: 'must be one of 1, 2' }]);
    const malformed = await cancel(sel.officer.token, 'x', { reason });
    expect(malformed.status).to.equal(400);
    expect(malformed.body.errors[0].path).to.equal('/lot');
    const badReason = await cancel(sel.officer.token, 2, { reason: { code: 'bored', text: '' } });
    expect(badReason.status).to.equal(400);
    expect(badReason.headers.get('content-type')).to.match(/^application\/problem\+json/);
    const paths = badReason.body.errors.map((e: { path: string }) => e.path);
    expect(paths).to.include.members(['/reason/code', '/reason/text']);
    const t = (await call('GET', `/tenders/${tender.id}`, { token: sel.officer.token })).body;
    expect(t.lots.map((l: { status: string }) => l.status)).to.deep.equal(['published', 'published']);
  });

  it('when an officer cancels lot 2 before the deadline, then lot 1 goes on, lot 2 takes no bid, a change notice names it, and vendors are told', async () => {
    const res = await cancel(sel.officer.token, 2, { reason });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.status).to.equal('published');
    expect(res.body.lots[0]).to.include({ status: 'published', cancellation: null });
    expect(res.body.lots[1].status).to.equal('cancelled');
    expect(res.body.lots[1].cancellation.reason).to.deep.equal(reason);
    expect((await cancel(sel.officer.token, 2, { reason })).status).to.equal(409);
    const late = await call('POST', `/tenders/${tender.id}/bids`, {
      token: (vendors[0] as Person).token,
      body: offerOf(2, 60_000_000),
    });
    expect(late.status).to.equal(409);
    expect(late.body.type).to.equal('urn:problem:lot-cancelled');
    const notices = (await call('GET', `/tenders/${tender.id}/eforms`, { token: sel.officer.token })).body
      .items;
    const change = notices.find((n: { kind: string }) => n.kind === 'change');
    expect(change.changes).to.equal(`${notices[0].noticeId}-01`);
    const xml = (
      (await call('GET', `/tenders/${tender.id}/eforms/${change.noticeId}`, { token: sel.officer.token }))
        .body as Buffer
    ).toString();
    expect(between(xml, '<efbc:ChangedSectionIdentifier>', '</efbc:ChangedSectionIdentifier>')).to.deep.equal(
      ['LOT-0002'],
    );
    expect(xml).to.include('<cbc:ReasonCode listName="change-corrig-justification">cancel</cbc:ReasonCode>');
    await expectValidWhereChecked('16', xml);
    for (const v of vendors) {
      const mail = await eventually(() =>
        mailTo(v.email).find((m) => m.parsed.subject?.includes('Lot 2 of tender')),
      );
      expect(mail.parsed.text).to.include('national programme');
      expect(mail.parsed.text).to.include('they will never be opened');
    }
  });

  it('when the bids are opened, then lot 2’s bid stays sealed; lot 1 is awarded and contracted, lot 2 cannot be', async () => {
    await waitUntil(new Date(tender.submissionDeadline).toISOString());
    const opening = await openBids(tender);
    expect(opening.bids).to.deep.equal([{ lot: 1, count: 1 }]);
    const sealed = await Bid.findById(bids.b2).lean();
    expect(sealed?.opened ?? null).to.equal(null);
    expect((await Bid.findById(bids.a1).lean())?.opened).to.not.equal(null);
    for (const e of sel.evaluators) {
      await call('POST', `/tenders/${tender.id}/evaluators`, {
        token: sel.officer.token,
        body: { userId: e.id },
      });
      await call('POST', `/tenders/${tender.id}/coi`, { token: e.token, body: { conflict: false } });
    }
    await call('POST', `/bids/${bids.a1}/checks`, {
      token: sel.officer.token,
      body: { exclusion: 'pass', selection: 'pass' },
    });
    for (const e of sel.evaluators)
      await call('POST', `/bids/${bids.a1}/scores`, {
        token: e.token,
        body: { criterion: 'detection', score: 8 },
      });
    await call('POST', `/tenders/${tender.id}/evaluation`, { token: sel.officer.token });
    const evaluation = await eventually(async () => {
      const r = await call('GET', `/tenders/${tender.id}/evaluation`, { token: sel.officer.token });
      return r.status === 200 && r.body;
    });
    expect(evaluation.lots.map((l: { lot: number }) => l.lot)).to.deep.equal([1]);
    const refused = await call('POST', `/tenders/${tender.id}/awards`, {
      token: sel.officer.token,
      body: { lot: 2, bidId: bids.b2 },
    });
    expect(refused.status).to.equal(409);
    const awarded = await call('POST', `/tenders/${tender.id}/awards`, {
      token: sel.officer.token,
      body: { lot: 1, bidId: bids.a1 },
    });
    expect(awarded.status, JSON.stringify(awarded.body)).to.equal(201);
    const now = (await call('GET', `/tenders/${tender.id}`, { token: sel.officer.token })).body;
    await waitUntil(now.awards[0].standstillEndsAt);
    expect(
      (await call('POST', `/tenders/${tender.id}/contracts`, { token: sel.officer.token, body: { lot: 2 } }))
        .status,
    ).to.equal(409);
    const contract = await call('POST', `/tenders/${tender.id}/contracts`, {
      token: sel.officer.token,
      body: { lot: 1 },
    });
    expect(contract.status).to.equal(202);
    const can = await eventually(async () => {
      const r = await call('GET', `/tenders/${tender.id}/eforms`, { token: sel.officer.token });
      return r.body.items.find((n: { kind: string }) => n.kind === 'award');
    }, 30_000);
    const xml = (
      (await call('GET', `/tenders/${tender.id}/eforms/${can.noticeId}`, { token: sel.officer.token }))
        .body as Buffer
    ).toString();
    expect(between(xml, '<cbc:TenderResultCode listName="winner-selection-status">', '<')).to.deep.equal([
      'selec-w',
      'clos-nw',
    ]);
    expect(xml).to.include(
      '<efbc:DecisionReasonCode listName="non-award-justification">chan-need</efbc:DecisionReasonCode>',
    );
    await expectValidWhereChecked('29', xml);
  });

  it('then the open data shows lot 2 cancelled with its reason, names no bidder of it, and is valid OCDS', async () => {
    const pkg = (await call('GET', `/tenders/${tender.id}/ocds`)).body;
    expect(ocdsErrors(pkg)).to.deep.equal([]);
    const [release] = pkg.releases;
    expect(release.tag).to.include('tenderCancellation');
    expect(release.tender.lots.map((l: { status: string }) => l.status)).to.deep.equal([
      'complete',
      'cancelled',
    ]);
    expect(release.tender.lots[1].description).to.include('national programme');
    const names = release.parties.map((p: { id: string }) => p.id);
    expect(names).to.include((vendors[0] as Person).organisationId);
    expect(names).to.not.include((vendors[1] as Person).organisationId);
  });
});
