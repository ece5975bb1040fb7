import { expect } from 'chai';
import { openingSecretOf } from '../../scripts/procedure/tender-steps.js';
import { call, newOrganisation, newPerson, type Person, steps } from '../support/api.js';
import { complaintAgainst } from '../support/complaints.js';
import { eventually, mailTo } from '../support/harness.js';
import {
  openBids,
  type PublishedTender,
  type SelectedExpression,
  selectedExpression,
  twoLotTender,
  waitUntil,
} from '../support/procedure.js';

// What an upheld complaint sets aside besides an award: conditions that must be amended before the
// bids are opened, and a lot's cancellation, revoked.

const complaint = complaintAgainst;

describe('Review: what an upheld complaint sets aside', function () {
  this.timeout(180_000);
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let reviewer: Person;
  let [a, b, outsider] = [] as Person[];
  let conditions = '';
  const lodge = (who: Person, body: unknown) =>
    call('POST', `/tenders/${tender.id}/complaints`, { token: who.token, body });
  const act = (id: string, step: string, body?: unknown) =>
    call('POST', `/complaints/${id}/${step}`, { token: reviewer.token, body });
  const decide = async (id: string, outcome: 'upheld' | 'dismissed') => {
    expect((await act(id, 'accept')).status).to.equal(200);
    const decided = await act(id, 'decide', {
      outcome,
      text: `The review body finds the complaint ${outcome}.`,
    });
    expect(decided.status, JSON.stringify(decided.body)).to.equal(200);
    return decided.body;
  };

  before(async () => {
    const board = await newOrganisation('review-body', { name: 'Appeals Board', country: 'NL' });
    reviewer = await newPerson('review-body', board);
    sel = await selectedExpression();
    tender = await twoLotTender(sel, {
      questionsInMs: 8_000,
      submissionInMs: 16_000,
      standstillPeriod: 'PT6S',
      reviewBodyId: board,
    });
    const vendor = async () => newPerson('vendor', await newOrganisation('vendor', { country: 'FR' }));
    [a, b, outsider] = [await vendor(), await vendor(), await vendor()] as Person[];
  });

  it('when a complaint against the conditions is upheld, then the bids stay sealed until the officers amend the tender', async () => {
    const lodged = await lodge(outsider as Person, complaint('conditions'));
    expect(lodged.status, JSON.stringify(lodged.body)).to.equal(201);
    conditions = lodged.body.id;
    const upheld = await decide(conditions, 'upheld');
    expect(upheld).to.include({ status: 'upheld', suspends: 'opening' });
    await steps.submitBid(a as Person, tender.id, { lot: 1, priceCents: 100_000_000, technicalOffer: 'A1' });
    await steps.submitBid(b as Person, tender.id, { lot: 2, priceCents: 60_000_000, technicalOffer: 'B2' });
    await waitUntil(tender.submissionDeadline);
    await new Promise((r) => setTimeout(r, 1_500));
    const member = tender.openingCommittee[0] as Person;
    const held = await call('POST', `/tenders/${tender.id}/opening/unlock`, {
      token: member.token,
      body: { secret: openingSecretOf(member) },
    });
    expect(held.status).to.equal(409);
    expect(held.body.type).to.equal('urn:problem:opening-suspended');
    expect(held.body.detail).to.include('until the conditions are amended');
    // The remedy: the deadline passed, yet the held tender is amended (here its dates only).
    const deadline = new Date(Date.now() + 6_000).toISOString();
    const proposed = await call('POST', `/tenders/${tender.id}/amendments`, {
      token: sel.officer.token,
      body: {
        changes: { submissionDeadline: deadline },
        reason: { code: 'update-add', text: 'The review body’s decision: the time limit is extended.' },
      },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).to.equal(201);
    const published = await call('POST', `/tenders/${tender.id}/amendments/${proposed.body.id}/publish`, {
      token: sel.officer.token,
    });
    expect(published.status, JSON.stringify(published.body)).to.equal(200);
    const seen = (await call('GET', `/complaints/${conditions}`, {})).body;
    expect(seen.suspends).to.equal(null);
    tender = { ...tender, submissionDeadline: deadline };
    await waitUntil(deadline);
    const opening = await openBids(tender);
    expect(opening.opened).to.equal(true);
  });

  it('when a bidder’s complaint against a lot’s cancellation is upheld, then the lot goes on; another vendor cannot complain of it', async () => {
    const cancelled = await call('POST', `/tenders/${tender.id}/lots/2/cancel`, {
      token: sel.officer.token,
      body: { reason: { code: 'chan-need', text: 'The NDR is no longer needed.' } },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).to.equal(200);
    expect((await lodge(a as Person, complaint('cancellation', 2))).status).to.equal(403);
    expect((await lodge(b as Person, complaint('cancellation', 1))).status).to.equal(403);
    const lodged = await lodge(b as Person, complaint('cancellation', 2));
    expect(lodged.status, JSON.stringify(lodged.body)).to.equal(201);
    await decide(lodged.body.id, 'upheld');
    const t = (await call('GET', `/tenders/${tender.id}`, { token: sel.officer.token })).body;
    expect(t.lots[1]).to.include({ status: 'opened', cancellation: null });
    const mail = await eventually(() =>
      mailTo((b as Person).email).find((m) => m.parsed.subject?.startsWith('Complaint upheld')),
    );
    expect(mail.parsed.text).to.include('The cancellation of lot 2 is revoked');
    expect(mail.parsed.attachments.length).to.equal(1);
    // The lot goes on: there is no cancellation left to complain of.
    const again = await lodge(b as Person, complaint('cancellation', 2));
    expect(again.status).to.equal(409);
    expect(again.body.detail).to.include('Lot 2 is not cancelled');
  });
});
