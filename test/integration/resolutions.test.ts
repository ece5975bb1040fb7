import { expect } from 'chai';
import { call, centreId, newPerson, type Person, steps } from '../support/api.js';
import { eventually, mailTo } from '../support/harness.js';
import { formConsortium, hostingEntity, publishedCall } from '../support/procedure.js';

/**
 * A resolution with its content: a text, what it approves (named by its reference and title as
 * proposed), and a voting deadline after which it closes as it stands. The list shows them all.
 */
describe('resolutions: their text, their object and their voting deadline', function () {
  this.timeout(120_000);
  let coordinator: Person;
  let be: Person;
  let nl: Person;
  let consortiumId: string;
  let expressionId: string;
  let callReference: string;
  const resolutions = async () =>
    (await call('GET', `/consortia/${consortiumId}/resolutions`, { token: coordinator.token })).body;

  before(async () => {
    [coordinator, be, nl] = await Promise.all([
      hostingEntity('DE'),
      hostingEntity('BE'),
      hostingEntity('NL', 'nl'),
    ]);
    // The coordinator holds 50 %: its yes alone cannot pass a resolution.
    consortiumId = await formConsortium(coordinator, [
      { rep: be, contributionCents: 30_000_000 },
      { rep: nl, contributionCents: 20_000_000 },
    ]);
    const officer = await newPerson('procurement-officer', await centreId());
    const c = await publishedCall(officer, 600_000);
    callReference = (await call('GET', `/calls/${c.id}`, { token: officer.token })).body.reference;
    expressionId = await steps.draftExpression(coordinator, c.id, {
      consortiumId,
      summary: 'A cross-border SOC sharing threat intelligence among its members.',
      tools: [{ category: 'siem', description: 'SIEM for 40 000 EPS', estimatedCostCents: 1_000_000_000 }],
      requestedEuContributionCents: 500_000_000,
      hostingYears: 5,
    });
  });

  it('when a proposal is bad in several ways, then each field is named and nothing is stored', async () => {
    const before = (await resolutions()).total;
    const bad = await call('POST', `/consortia/${consortiumId}/resolutions`, {
      token: coordinator.token,
      body: {
        subject: 'Approve',
        expressionId,
        tenderId: '0123456789abcdef01234567',
        votingDeadline: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(bad.status).to.equal(400);
    expect(bad.headers.get('content-type')).to.match(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).to.deep.equal([
      '/tenderId',
      '/votingDeadline',
    ]);
    expect((await resolutions()).total).to.equal(before);
  });

  it('when a resolution approving the expression is proposed with its text and deadline, then the list and the members’ e-mail show them', async () => {
    const deadline = new Date(Date.now() + 6_000).toISOString();
    const proposed = await call('POST', `/consortia/${consortiumId}/resolutions`, {
      token: coordinator.token,
      body: {
        subject: 'Approve our expression of interest',
        text: 'The members approve the expression of interest as drafted, with a request of EUR 5 M.',
        votingDeadline: deadline,
        expressionId,
      },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).to.equal(201);
    const listed = (await resolutions()).items[0];
    expect(listed).to.deep.include({
      id: proposed.body.id,
      text: 'The members approve the expression of interest as drafted, with a request of EUR 5 M.',
      votingDeadline: deadline,
      closedAtDeadline: false,
      outcome: 'open',
    });
    expect(listed.object).to.deep.equal({
      kind: 'expression',
      id: expressionId,
      reference: callReference,
      title: 'A cross-border SOC sharing threat intelligence among its members.',
    });
    const mail = await eventually(async () =>
      mailTo(nl.email).find((m) => m.parsed.subject?.startsWith('Nieuwe resolutie')),
    );
    expect(mail.parsed.text).to.include('with a request of EUR 5 M');
    expect(mail.parsed.text).to.include(`Zij keurt goed: ${callReference}`);
    expect(mail.parsed.text).to.match(/Stem vóór .*UTC: dan sluit de resolutie/);
  });

  it('when the deadline passes without 75 %, then the resolution closes as it stands, rejected; a later vote is refused and the members are told why', async () => {
    const r = (await resolutions()).items[0];
    const yes = await call('POST', `/consortia/${consortiumId}/resolutions/${r.id}/votes`, {
      token: coordinator.token,
      body: { vote: 'yes' },
    });
    expect(yes.body.outcome).to.equal('open');
    const closed = await eventually(async () => {
      const x = (await resolutions()).items.find((i: { id: string }) => i.id === r.id);
      return x.outcome !== 'open' && x;
    }, 30_000);
    expect(closed).to.include({ outcome: 'rejected', closedAtDeadline: true });
    expect(new Date(closed.decidedAt).getTime()).to.be.at.least(new Date(r.votingDeadline).getTime());
    const late = await call('POST', `/consortia/${consortiumId}/resolutions/${r.id}/votes`, {
      token: be.token,
      body: { vote: 'yes' },
    });
    expect(late.status).to.equal(409);
    const mail = await eventually(async () =>
      mailTo(be.email).find((m) => m.parsed.subject?.startsWith('Resolution rejected')),
    );
    expect(mail.parsed.text).to.include(
      'its voting deadline passed before 75 % of the weighted votes were reached',
    );
  });
});
