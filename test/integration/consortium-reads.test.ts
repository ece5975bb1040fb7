import { expect } from 'chai';
import { call, newOrganisation, newPerson, type Person } from '../support/api.js';
import {
  formConsortium,
  hostingEntity,
  publishedTender,
  selectedExpression,
  tenderBody,
} from '../support/procedure.js';

/** What a consortium's pages read: organisations to invite, its grounds in words, its expressions and tenders. */
describe('consortia: what their members read', function () {
  this.timeout(120_000);
  let sel: Awaited<ReturnType<typeof selectedExpression>>;
  let outsider: Person;
  let tenderId: string;

  before(async () => {
    sel = await selectedExpression();
    outsider = await hostingEntity('FR');
    tenderId = (
      await publishedTender(
        sel.officer,
        sel.expressionId,
        { id: sel.consortiumId, members: sel.members },
        {
          lots: [{ number: 1, title: 'SIEM', estimatedValueCents: 50_000_000 }],
          questionsInMs: 3_600_000,
          submissionInMs: 7_200_000,
        },
      )
    ).id;
  });

  it('when a coordinator searches organisations by words of the name, then they match literally, whatever their case', async () => {
    const [coordinator] = sel.members as [Person];
    const found = await call('GET', '/organisations?kind=hosting-entity&country=FR&q=soc%20AGENCY', {
      token: coordinator.token,
    });
    expect(found.status).to.equal(200);
    expect(found.body.items.map((o: { id: string }) => o.id)).to.include(outsider.organisationId);
    expect(found.body.items.every((o: { country: string }) => o.country === 'FR')).to.equal(true);
    // A pattern is only words: ".*" matches no name without those two characters.
    const pattern = await call('GET', '/organisations?q=.*', { token: coordinator.token });
    expect(pattern.body.items).to.deep.equal([]);
    const bad = await call('GET', `/organisations?q=${'x'.repeat(101)}`, { token: coordinator.token });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['?q']);
  });

  it('when a consortium has a pending invitation, then its eligibility gives the ground as data and in English', async () => {
    const [coordinator] = sel.members as [Person];
    const id = await formConsortium(coordinator, [], { seal: false });
    await call('POST', `/consortia/${id}/invitations`, {
      token: coordinator.token,
      body: { organisationId: outsider.organisationId, contributionCents: 10_000_000 },
    });
    const c = (await call('GET', `/consortia/${id}`, { token: coordinator.token })).body;
    expect(c.eligibility.grounds).to.deep.include({ code: 'member-states', count: 1, required: 3 });
    expect(c.eligibility.grounds).to.deep.include({ code: 'invitation-pending', name: c.members[1].name });
    expect(c.eligibility.reasons).to.include(`The invitation to ${c.members[1].name} is still pending.`);
  });

  it('when a member lists its consortium’s expressions and tenders, then it reads them; an outsider does not', async () => {
    const [, member] = sel.members as [Person, Person];
    const mine = await call('GET', `/consortia/${sel.consortiumId}/expressions`, { token: member.token });
    expect(mine.status).to.equal(200);
    expect(mine.body.items.map((e: { id: string }) => e.id)).to.deep.equal([sel.expressionId]);
    expect(mine.body.items[0].status).to.equal('selected');
    const foreign = await call('GET', `/consortia/${sel.consortiumId}/expressions`, {
      token: outsider.token,
    });
    expect(foreign.status).to.equal(404);
    const tenders = await call('GET', `/tenders?consortiumId=${sel.consortiumId}`, { token: member.token });
    expect(tenders.body.items.map((t: { id: string }) => t.id)).to.deep.equal([tenderId]);
    const none = await call('GET', `/tenders?consortiumId=${outsider.organisationId}`, {
      token: member.token,
    });
    expect(none.body.items).to.deep.equal([]);
  });

  it('when an officer drafts a tender for the consortium, then its members read the draft they are to approve; other representatives and vendors do not', async () => {
    const draft = await call('POST', '/tenders', {
      token: sel.officer.token,
      body: tenderBody(sel.expressionId, {
        lots: [{ number: 1, title: 'NDR', estimatedValueCents: 10_000_000 }],
        questionsInMs: 3_600_000,
        submissionInMs: 7_200_000,
      }),
    });
    expect(draft.status).to.equal(201);
    const [, member] = sel.members as [Person, Person];
    const read = await call('GET', `/tenders/${draft.body.id}`, { token: member.token });
    expect(read.status).to.equal(200);
    expect(read.body).to.include({ status: 'draft', consortiumId: sel.consortiumId });
    expect(read.body).not.to.have.property('openingCommittee');
    const listed = await call('GET', `/tenders?consortiumId=${sel.consortiumId}`, { token: member.token });
    expect(listed.body.items.map((t: { id: string }) => t.id)).to.include(draft.body.id);
    const vendor = await newPerson('vendor', await newOrganisation('vendor'));
    for (const other of [outsider, vendor]) {
      expect((await call('GET', `/tenders/${draft.body.id}`, { token: other.token })).status).to.equal(404);
      const theirs = await call('GET', '/tenders?limit=100', { token: other.token });
      expect(theirs.body.items.map((t: { id: string }) => t.id)).not.to.include(draft.body.id);
    }
    expect((await call('GET', `/tenders/${draft.body.id}`)).status).to.equal(404);
  });
});
