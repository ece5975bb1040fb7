import { expect } from 'chai';
import { call, newOrganisation, newPerson, type Person } from '../support/api.js';
import {
  offerOf,
  openBids,
  type PublishedTender,
  publishedTender,
  type SelectedExpression,
  selectedExpression,
} from '../support/procedure.js';

/**
 * Each role's home (`GET /me/home`): what waits for that person, from their own objects only. A
 * tender open for 25 s with two vendors; an evaluator and a committee member follow it through
 * the opening; a representative has a resolution to vote on.
 */
describe('home: what waits for each person, and the opening record for the bidders', function () {
  this.timeout(300_000);
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let vendorA: Person;
  let vendorB: Person;
  let evaluator: Person;
  const home = async (p: Person) => {
    const res = await call('GET', '/me/home', { token: p.token });
    expect(res.status).to.equal(200);
    return res.body;
  };

  before(async () => {
    sel = await selectedExpression();
    tender = await publishedTender(
      sel.officer,
      sel.expressionId,
      { id: sel.consortiumId, members: sel.members },
      {
        lots: [
          { number: 1, title: 'SIEM', estimatedValueCents: 100_000_000 },
          { number: 2, title: 'EDR', estimatedValueCents: 50_000_000 },
        ],
        questionsInMs: 15_000,
        submissionInMs: 25_000,
      },
    );
    vendorA = await newPerson('vendor', await newOrganisation('vendor'));
    vendorB = await newPerson('vendor', await newOrganisation('vendor'));
    await call('PUT', `/organisations/${vendorB.organisationId}/subscriptions`, {
      token: vendorB.token,
      body: { cpvPrefixes: ['4873'] },
    });
    evaluator = sel.evaluators[0] as Person;
    await call('POST', `/tenders/${tender.id}/evaluators`, {
      token: sel.officer.token,
      body: { userId: evaluator.id },
    });
  });

  it('when a vendor has asked and bid, then its home lists its bid, the tender it follows and the next deadlines; another vendor sees only its alert', async () => {
    expect(
      (
        await call('POST', `/tenders/${tender.id}/questions`, {
          token: vendorA.token,
          body: { text: 'Is SaaS allowed?' },
        })
      ).status,
    ).to.equal(201);
    expect(
      (
        await call('POST', `/tenders/${tender.id}/bids`, {
          token: vendorA.token,
          body: offerOf(1, 900_000_00),
        })
      ).status,
    ).to.equal(201);
    const a = await home(vendorA);
    expect(a.role).to.equal('vendor');
    expect(a.vendor.bids).to.have.length(1);
    expect(a.vendor.bids[0]).to.include({
      tenderId: tender.id,
      lot: 1,
      lotTitle: 'SIEM',
      status: 'submitted',
      stage: 'published',
    });
    const followed = a.vendor.following.find((f: { tenderId: string }) => f.tenderId === tender.id);
    expect(followed).to.include({ subscribed: false, asked: true, bid: true, openQuestions: 1 });
    const kinds = a.vendor.deadlines
      .filter((d: { tenderId: string }) => d.tenderId === tender.id)
      .map((d: { kind: string }) => d.kind);
    expect(kinds).to.deep.equal(['questions', 'submission']);
    expect(a.vendor.requests).to.deep.equal([]);
    // Before the opening a bidder is refused the opening record as anyone would be.
    expect((await call('GET', `/tenders/${tender.id}/opening`, { token: vendorA.token })).status).to.equal(
      403,
    );

    const b = await home(vendorB);
    expect(b.vendor.bids).to.deep.equal([]);
    expect(b.vendor.following.find((f: { tenderId: string }) => f.tenderId === tender.id)).to.include({
      subscribed: true,
      asked: false,
      bid: false,
      openQuestions: 0,
    });
    expect(JSON.stringify(b)).not.to.include('900000');
    expect(JSON.stringify(b)).not.to.include(a.vendor.bids[0].bidId);
  });

  it('when an evaluator is seated, then the declaration waits; once declared, scoring waits for the opening', async () => {
    let e = await home(evaluator);
    let task = e.evaluations.tenders.find((t: { tenderId: string }) => t.tenderId === tender.id);
    expect(task).to.include({ declared: false, conflict: null, scoring: null });
    await call('POST', `/tenders/${tender.id}/coi`, { token: evaluator.token, body: { conflict: false } });
    e = await home(evaluator);
    task = e.evaluations.tenders.find((t: { tenderId: string }) => t.tenderId === tender.id);
    expect(task).to.include({ declared: true, conflict: false, scoring: null, stage: 'published' });
  });

  it('when a committee member looks before the opening, then the opening waits with their secret set, not yet due', async () => {
    const member = tender.openingCommittee[1] as Person;
    const o = await home(member);
    expect(o.role).to.equal('procurement-officer');
    expect(o.openings.find((x: { tenderId: string }) => x.tenderId === tender.id)).to.include({
      secretSet: true,
      acted: false,
      due: false,
    });
  });

  it('when the bids are opened and one is excluded, then the evaluator scores the admissible one only, and the opening leaves the members’ homes', async () => {
    await call('POST', `/tenders/${tender.id}/bids`, { token: vendorB.token, body: offerOf(1, 700_000_00) });
    await openBids(tender);
    const bids = (await call('GET', `/tenders/${tender.id}/bids`, { token: sel.officer.token })).body.items;
    expect(bids).to.have.length(2);
    const bidB = bids.find((x: { vendorId: string }) => x.vendorId === vendorB.organisationId);
    const bidA = bids.find((x: { vendorId: string }) => x.vendorId === vendorA.organisationId);
    await call('POST', `/bids/${bidB.id}/checks`, {
      token: sel.officer.token,
      body: { exclusion: 'fail', selection: 'pass', reason: 'Unpaid social security contributions' },
    });
    await call('POST', `/bids/${bidA.id}/checks`, {
      token: sel.officer.token,
      body: { exclusion: 'pass', selection: 'pass' },
    });
    let task = (await home(evaluator)).evaluations.tenders.find(
      (t: { tenderId: string }) => t.tenderId === tender.id,
    );
    expect(task.scoring).to.deep.equal({ bids: 1, excluded: 1, given: 0, needed: 1, final: false });
    expect(
      (
        await call('POST', `/bids/${bidA.id}/scores`, {
          token: evaluator.token,
          body: { criterion: 'detection', score: 7, comment: 'Good' },
        })
      ).status,
    ).to.be.oneOf([200, 201]);
    task = (await home(evaluator)).evaluations.tenders.find(
      (t: { tenderId: string }) => t.tenderId === tender.id,
    );
    expect(task.scoring).to.deep.equal({ bids: 1, excluded: 1, given: 1, needed: 1, final: false });
    const member = await home(tender.openingCommittee[1] as Person);
    expect(member.openings.map((x: { tenderId: string }) => x.tenderId)).not.to.include(tender.id);
    const a = await home(vendorA);
    expect(a.vendor.bids[0].stage).to.equal('opened');
    // The bidders read the opening record; a vendor that did not bid is refused as before the opening.
    const record = await call('GET', `/tenders/${tender.id}/opening`, { token: vendorA.token });
    expect(record.status).to.equal(200);
    expect(record.body.bids).to.deep.equal([{ lot: 1, count: 2 }]);
    expect(record.body.openedBy.length).to.be.at.least(2);
    for (const act of record.body.openedBy) expect(act.name).to.match(/^procurement-officer /);
    const outsider = await newPerson('vendor', await newOrganisation('vendor'));
    const refused = await call('GET', `/tenders/${tender.id}/opening`, { token: outsider.token });
    expect(refused.status).to.equal(403);
    expect(JSON.stringify(refused.body)).not.to.include('count');
    expect(a.vendor.following.map((f: { tenderId: string }) => f.tenderId)).not.to.include(tender.id);
  });

  it('when a resolution is proposed, then it waits for each member organisation’s vote until it has voted', async () => {
    const [coordinator, other] = sel.members as [Person, Person];
    const proposed = await call('POST', `/consortia/${sel.consortiumId}/resolutions`, {
      token: coordinator.token,
      body: { subject: 'Appoint the SOC liaison' },
    });
    expect(proposed.status).to.equal(201);
    const waiting = (await home(other)).consortia.votes.map((v: { resolutionId: string }) => v.resolutionId);
    expect(waiting).to.include(proposed.body.id);
    await call('POST', `/consortia/${sel.consortiumId}/resolutions/${proposed.body.id}/votes`, {
      token: other.token,
      body: { vote: 'yes' },
    });
    const after = (await home(other)).consortia.votes.map((v: { resolutionId: string }) => v.resolutionId);
    expect(after).not.to.include(proposed.body.id);
  });

  it('when a review body looks, then it is told how many complaints are undecided', async () => {
    const body = await newPerson('review-body', await newOrganisation('review-body'));
    expect((await home(body)).complaints).to.deep.equal({ undecided: 0 });
  });
});
