import { expect } from 'chai';
import { call, centreId, evaluatorsOf, newOrganisation, newPerson, type Person } from '../support/api.js';
import { eventually, mailTo } from '../support/harness.js';
import {
  checkedStatus,
  formConsortium,
  hostingEntity,
  publishedCall,
  submittedExpression,
  waitUntil,
} from '../support/procedure.js';

describe('calls, consortia and selection: the whole path', function () {
  this.timeout(120_000);
  let officer: Person;
  let evaluators: Person[];
  let conflicted: Person;
  let undeclared: Person;
  const a: Record<string, Person> = {};
  const b: Record<string, Person> = {};
  const c: Record<string, Person> = {};
  let consortiumA: string;
  let consortiumB: string;
  let callId: string;
  let closesAt: string;
  let exprA: string;
  let exprB: string;
  let exprC: string;
  let lateDraft: string;

  before(async () => {
    const centre = await centreId();
    officer = await newPerson('procurement-officer', centre);
    evaluators = await evaluatorsOf(centre);
    conflicted = await newPerson('evaluator', centre);
    undeclared = await newPerson('evaluator', centre);
    a.be = await hostingEntity('BE');
    a.nl = await hostingEntity('NL', 'nl');
    a.de = await hostingEntity('DE');
    b.fr = await hostingEntity('FR');
    b.it = await hostingEntity('IT');
    b.es = await hostingEntity('ES');
    c.at = await hostingEntity('AT');
    c.sk = await hostingEntity('SK');
    c.si = await hostingEntity('SI');
    // Contributions 500k / 300k / 200k: weights 0.5 / 0.3 / 0.2.
    consortiumA = await formConsortium(a.be as Person, [
      { rep: a.nl as Person, contributionCents: 30_000_000 },
      { rep: a.de as Person, contributionCents: 20_000_000 },
    ]);
    consortiumB = await formConsortium(b.fr as Person, [
      { rep: b.it as Person, contributionCents: 30_000_000 },
      { rep: b.es as Person, contributionCents: 20_000_000 },
    ]);
    const consortiumC = await formConsortium(c.at as Person, [
      { rep: c.sk as Person, contributionCents: 30_000_000 },
      { rep: c.si as Person, contributionCents: 20_000_000 },
    ]);

    const published = await publishedCall(officer, 8_000, { budgetCents: 2_000_000_000 });
    callId = published.id;
    closesAt = published.closesAt;
    exprA = await submittedExpression(
      callId,
      consortiumA,
      a.be as Person,
      [a.nl as Person, a.de as Person],
      1_500_000_000,
    );
    exprB = await submittedExpression(
      callId,
      consortiumB,
      b.fr as Person,
      [b.it as Person, b.es as Person],
      1_000_000_000,
    );
    // 16 M of 20 M is 80 %: above the 75 % co-funding cap.
    exprC = await submittedExpression(
      callId,
      consortiumC,
      c.at as Person,
      [c.sk as Person, c.si as Person],
      1_600_000_000,
    );
    const draft = await call('POST', `/calls/${callId}/expressions`, {
      token: (await hostingEntity('PT')).token,
      body: {
        consortiumId: consortiumA,
        summary: 'x',
        tools: [{ category: 'ndr', description: 'NDR', estimatedCostCents: 100 }],
        requestedEuContributionCents: 1,
        hostingYears: 1,
      },
    });
    expect(draft.status, 'a stranger cannot apply for a consortium').to.equal(400);
    lateDraft = exprA;

    for (const e of [...evaluators, conflicted, undeclared]) {
      const assigned = await call('POST', `/calls/${callId}/evaluators`, {
        token: officer.token,
        body: { userId: e.id },
      });
      expect(assigned.status).to.equal(200);
    }
    for (const e of evaluators) {
      expect(
        (await call('POST', `/calls/${callId}/coi`, { token: e.token, body: { conflict: false } })).status,
      ).to.equal(200);
    }
    await call('POST', `/calls/${callId}/coi`, {
      token: conflicted.token,
      body: { conflict: true, note: 'Former employee of a member' },
    });
  });

  it('when the call is published, then every hosting entity representative is told in their language', async () => {
    const [nl] = await eventually(() => {
      const mails = mailTo((a.nl as Person).email).filter((m) =>
        m.parsed.subject?.startsWith('Nieuwe oproep'),
      );
      return mails.length > 0 && mails;
    });
    expect(nl?.parsed.text).to.include('tot 75% van de aanschafkosten');
    expect(nl?.parsed.text).to.match(/€\s?20\.000\.000,00/);
    const en = await eventually(() =>
      mailTo((b.fr as Person).email).find((m) => m.parsed.subject?.startsWith('New call')),
    );
    expect(en.parsed.text).to.include('up to 75% of acquisition costs');
  });

  it('when the consortium is read by a member, then contributions, voting weights and eligibility show', async () => {
    const res = await call('GET', `/consortia/${consortiumA}`, { token: (a.de as Person).token });
    expect(res.status).to.equal(200);
    expect(res.body.votingWeights.map((w: { weight: number }) => w.weight)).to.deep.equal([0.5, 0.3, 0.2]);
    expect(res.body.eligibility).to.deep.equal({ eligible: true, memberStates: 3, reasons: [], grounds: [] });
    expect(res.body.totalContributionCents).to.equal(100_000_000);
    expect(res.body.agreementSealed).to.equal(true);
  });

  it('when eligibility is checked in the background, then the over-asking expression is ineligible with its reason', async () => {
    expect(await checkedStatus(exprA, officer.token)).to.equal('eligible');
    expect(await checkedStatus(exprB, officer.token)).to.equal('eligible');
    expect(await checkedStatus(exprC, officer.token)).to.equal('ineligible');
    const res = await call('GET', `/expressions/${exprC}`, { token: (c.sk as Person).token });
    expect(res.body.eligibility.reasons).to.deep.equal([
      'The EU contribution requested (€16,000,000.00) exceeds 75 % of the estimated cost (€15,000,000.00).',
    ]);
    expect(res.body.eligibility.grounds).to.deep.equal([
      { code: 'over-cofunding-cap', requestedCents: 1_600_000_000, rate: 0.75, capCents: 1_500_000_000 },
    ]);
    const mail = await eventually(() =>
      mailTo((c.si as Person).email).find((m) => m.parsed.subject?.includes('not eligible')),
    );
    expect(mail.parsed.text).to.include('exceeds 75 %');
  });

  it('when an evaluator has not declared, or declared a conflict, then they can neither list nor score', async () => {
    for (const e of [undeclared, conflicted]) {
      expect((await call('GET', `/calls/${callId}/expressions`, { token: e.token })).status).to.equal(403);
      expect((await call('GET', `/expressions/${exprA}`, { token: e.token })).status).to.equal(403);
      const score = await call('POST', `/expressions/${exprA}/scores`, {
        token: e.token,
        body: { criterion: 'capacity', score: 9 },
      });
      expect(score.status).to.equal(403);
    }
    const declaredTwice = await call('POST', `/calls/${callId}/coi`, {
      token: conflicted.token,
      body: { conflict: false },
    });
    expect(declaredTwice.status).to.equal(409);
  });

  it('when evaluators score, then a score above the maximum is refused and a re-post replaces the earlier one', async () => {
    const [e1] = evaluators as [Person];
    const tooHigh = await call('POST', `/expressions/${exprA}/scores`, {
      token: e1.token,
      body: { criterion: 'cross-border', score: 6 },
    });
    expect(tooHigh.status).to.equal(400);
    expect(tooHigh.body.errors).to.deep.equal([{ path: '/score', message: 'must be between 0 and 5' }]);
    await call('POST', `/expressions/${exprA}/scores`, {
      token: e1.token,
      body: { criterion: 'capacity', score: 2 },
    });
    for (const e of evaluators) {
      for (const [expr, capacity, cross] of [
        [exprA, 8, 4],
        [exprB, 9, 2],
      ] as const) {
        const r1 = await call('POST', `/expressions/${expr}/scores`, {
          token: e.token,
          body: { criterion: 'capacity', score: capacity, comment: 'ok' },
        });
        const r2 = await call('POST', `/expressions/${expr}/scores`, {
          token: e.token,
          body: { criterion: 'cross-border', score: cross },
        });
        expect([r1.status, r2.status]).to.deep.equal([200, 200]);
      }
    }
    const scored = await call('GET', `/expressions/${exprA}`, { token: officer.token });
    expect(scored.body.scores).to.have.length(6);
    const ineligible = await call('POST', `/expressions/${exprC}/scores`, {
      token: e1.token,
      body: { criterion: 'capacity', score: 9 },
    });
    expect(ineligible.status).to.equal(409);
  });

  it('when selection is asked before the call closes, then 409', async () => {
    const res = await call('POST', `/calls/${callId}/selection`, { token: officer.token });
    expect(res.status).to.equal(409);
    expect(res.body.type).to.equal('urn:problem:call-open');
  });

  it('when the call has closed, then drafting, editing and submitting an expression are refused with 409', async () => {
    const late = await publishedCall(officer, 1_500);
    const draft = await call('POST', `/calls/${late.id}/expressions`, {
      token: (a.be as Person).token,
      body: {
        consortiumId: consortiumA,
        summary: 'Late',
        tools: [{ category: 'ndr', description: 'NDR', estimatedCostCents: 1000 }],
        requestedEuContributionCents: 500,
        hostingYears: 2,
      },
    });
    expect(draft.status).to.equal(201);
    await waitUntil(late.closesAt);
    const edit = await call('PATCH', `/expressions/${draft.body.id}`, {
      token: (a.be as Person).token,
      body: { summary: 'Still late' },
    });
    const submit = await call('POST', `/expressions/${draft.body.id}/submit`, {
      token: (a.be as Person).token,
    });
    const create = await call('POST', `/calls/${late.id}/expressions`, {
      token: (b.fr as Person).token,
      body: {
        consortiumId: consortiumB,
        summary: 'Late',
        tools: [{ category: 'ndr', description: 'NDR', estimatedCostCents: 1000 }],
        requestedEuContributionCents: 500,
        hostingYears: 2,
      },
    });
    expect([edit.status, create.status]).to.deep.equal([409, 409]);
    expect(submit.status).to.equal(409);
    expect((await call('GET', `/calls/${late.id}`, { token: officer.token })).body.status).to.equal('closed');
  });

  it('when a submitted expression is edited, then 409 and it is unchanged', async () => {
    const res = await call('PATCH', `/expressions/${lateDraft}`, {
      token: (a.be as Person).token,
      body: { hostingYears: 9 },
    });
    expect(res.status).to.equal(409);
    expect(
      (await call('GET', `/expressions/${lateDraft}`, { token: (a.be as Person).token })).body.hostingYears,
    ).to.equal(5);
  });

  it('when a consortium reads another consortium’s expression, then 404; its own results show only its line', async () => {
    expect((await call('GET', `/expressions/${exprA}`, { token: (b.it as Person).token })).status).to.equal(
      404,
    );
    const list = await call('GET', `/calls/${callId}/expressions`, { token: (b.it as Person).token });
    expect(list.body.items.map((e: { id: string }) => e.id)).to.deep.equal([exprB]);
  });

  it('when the officer runs selection after closing, then ranking, outcome and grants follow the rules', async () => {
    await waitUntil(closesAt);
    const res = await call('POST', `/calls/${callId}/selection`, { token: officer.token });
    expect(res.status).to.equal(202);
    expect(res.body.jobId).to.be.a('string');
    await eventually(
      async () =>
        (await call('GET', `/calls/${callId}`, { token: officer.token })).body.selection.status === 'done',
    );
    const results = await call('GET', `/calls/${callId}/results`, { token: officer.token });
    const line = (id: string) =>
      results.body.items.find((i: { expressionId: string }) => i.expressionId === id);
    // A: 100 × (3 × 8/10 + 1 × 4/5) / 4 = 80; B: 100 × (3 × 9/10 + 1 × 2/5) / 4 = 77.5
    expect(line(exprA)).to.deep.include({
      rank: 1,
      total: 80,
      selected: true,
      euAmountGrantedCents: 1_500_000_000,
      status: 'selected',
    });
    expect(line(exprB)).to.deep.include({
      rank: 2,
      total: 77.5,
      selected: false,
      euAmountGrantedCents: 0,
      status: 'not-selected',
    });
    expect(line(exprB).reasons).to.deep.equal([
      'The call budget left is smaller than the EU contribution requested.',
    ]);
    expect(line(exprC)).to.deep.include({ rank: null, selected: false, status: 'not-selected' });
    expect(results.body.grantedCents).to.equal(1_500_000_000);
    const again = await call('POST', `/calls/${callId}/selection`, { token: officer.token });
    expect(again.status).to.equal(409);
    const lateScore = await call('POST', `/expressions/${exprB}/scores`, {
      token: (evaluators[0] as Person).token,
      body: { criterion: 'capacity', score: 10 },
    });
    expect(lateScore.status).to.equal(409);
  });

  it('when results are read by a consortium, then it sees only its own line; a vendor sees nothing', async () => {
    const own = await call('GET', `/calls/${callId}/results`, { token: (b.es as Person).token });
    expect(own.body.items.map((i: { expressionId: string }) => i.expressionId)).to.deep.equal([exprB]);
    expect(own.body).not.to.have.property('grantedCents');
    const vendor = await newPerson('vendor', await newOrganisation('vendor'));
    expect((await call('GET', `/calls/${callId}/results`, { token: vendor.token })).status).to.equal(403);
  });

  it('when selection is done, then each consortium member is told its own outcome and scores, in their language', async () => {
    const nl = await eventually(() =>
      mailTo((a.nl as Person).email).find((m) => m.parsed.subject?.startsWith('Resultaat van de selectie')),
    );
    expect(nl.parsed.subject).to.include('geselecteerd');
    expect(nl.parsed.text).to.include('GESELECTEERD');
    expect(nl.parsed.text).to.match(/€\s?15\.000\.000,00/);
    expect(nl.parsed.text).to.include('Totaalscore: 80,00 / 100 (rang 1)');
    const it = await eventually(() =>
      mailTo((b.it as Person).email).find((m) => m.parsed.subject?.startsWith('Selection result')),
    );
    expect(it.parsed.text).to.include('NOT SELECTED');
    expect(it.parsed.text).to.include('Total score: 77.50 / 100 (rank 2)');
    expect(it.parsed.text).to.include('Operational capacity: 9.00 / 10');
  });
});

describe('consortium rules', function () {
  this.timeout(60_000);

  it('when only two Member States are in, then sealing is refused naming the reason', async () => {
    const be = await hostingEntity('BE');
    const nl = await hostingEntity('NL');
    const id = await formConsortium(be, [{ rep: nl, contributionCents: 1_000 }], { seal: false });
    const res = await call('POST', `/consortia/${id}/agreement`, { token: be.token });
    expect(res.status).to.equal(409);
    expect(res.body.errors).to.deep.equal([
      { path: '/members', message: 'Members come from 2 Member State(s); at least 3 are required.' },
    ]);
  });

  it('when an invitation is pending or a member is not a public body, then both reasons are given', async () => {
    const be = await hostingEntity('BE');
    const nl = await hostingEntity('NL');
    const priv = await hostingEntity('DE', 'en', false);
    const fr = await hostingEntity('FR');
    const id = await formConsortium(
      be,
      [
        { rep: nl, contributionCents: 1_000 },
        { rep: priv, contributionCents: 1_000 },
      ],
      { seal: false },
    );
    await call('POST', `/consortia/${id}/invitations`, {
      token: be.token,
      body: { organisationId: fr.organisationId, contributionCents: 5 },
    });
    const view = await call('GET', `/consortia/${id}`, { token: nl.token });
    expect(view.body.eligibility.eligible).to.equal(false);
    expect(view.body.eligibility.reasons).to.include.members([
      `${(await call('GET', `/organisations/${priv.organisationId}`, { token: be.token })).body.name} is not a public body.`,
    ]);
    expect(view.body.eligibility.reasons.some((r: string) => r.includes('still pending'))).to.equal(true);
  });

  it('when someone accepts another organisation’s invitation, then 403; the invited one hears by mail', async () => {
    const be = await hostingEntity('BE');
    const nl = await hostingEntity('NL', 'nl');
    const de = await hostingEntity('DE');
    const created = await call('POST', '/consortia', {
      token: be.token,
      body: { name: `Invite test ${Date.now()}`, contributionCents: 10 },
    });
    await call('POST', `/consortia/${created.body.id}/invitations`, {
      token: be.token,
      body: { organisationId: nl.organisationId, contributionCents: 5 },
    });
    const stolen = await call(
      'POST',
      `/consortia/${created.body.id}/invitations/${nl.organisationId}/accept`,
      { token: de.token },
    );
    expect([403, 404]).to.include(stolen.status);
    const mail = await eventually(() =>
      mailTo(nl.email).find((m) => m.parsed.subject?.startsWith('Uitnodiging')),
    );
    expect(mail.parsed.text).to.match(/€\s0,05/);
  });

  it('when a blocking minority votes no, then the resolution is rejected; a non-member cannot vote; a decided one takes no more votes', async () => {
    const be = await hostingEntity('BE');
    const nl = await hostingEntity('NL');
    const de = await hostingEntity('DE');
    const outsider = await hostingEntity('FR');
    const id = await formConsortium(be, [
      { rep: nl, contributionCents: 30_000_000 },
      { rep: de, contributionCents: 20_000_000 },
    ]);
    const r = await call('POST', `/consortia/${id}/resolutions`, {
      token: de.token,
      body: { subject: 'Approve the tender specifications' },
    });
    expect(r.status).to.equal(201);
    const foreign = await call('POST', `/consortia/${id}/resolutions/${r.body.id}/votes`, {
      token: outsider.token,
      body: { vote: 'yes' },
    });
    expect([403, 404]).to.include(foreign.status);
    const yes = await call('POST', `/consortia/${id}/resolutions/${r.body.id}/votes`, {
      token: be.token,
      body: { vote: 'yes' },
    });
    expect(yes.body.outcome).to.equal('open');
    expect(yes.body.tally).to.include({ yes: 0.5, pending: 0.5, canStillPass: true });
    const no = await call('POST', `/consortia/${id}/resolutions/${r.body.id}/votes`, {
      token: nl.token,
      body: { vote: 'no' },
    });
    expect(no.body.outcome).to.equal('rejected');
    // The blocking minority: with DE's 20 % still to vote, yes can reach 70 % at most.
    expect(no.body.tally).to.deep.equal({
      yes: 0.5,
      no: 0.3,
      abstain: 0,
      pending: 0.2,
      required: 0.75,
      canStillPass: false,
    });
    const late = await call('POST', `/consortia/${id}/resolutions/${r.body.id}/votes`, {
      token: de.token,
      body: { vote: 'yes' },
    });
    expect(late.status).to.equal(409);
    await eventually(() => mailTo(de.email).find((m) => m.parsed.subject?.startsWith('Resolution rejected')));
  });

  it('when a member changes its vote while open, then the new vote replaces the old one', async () => {
    const be = await hostingEntity('BE');
    const nl = await hostingEntity('NL');
    const de = await hostingEntity('DE');
    const id = await formConsortium(be, [
      { rep: nl, contributionCents: 30_000_000 },
      { rep: de, contributionCents: 20_000_000 },
    ]);
    const r = await call('POST', `/consortia/${id}/resolutions`, {
      token: be.token,
      body: { subject: 'Change of hosting site' },
    });
    await call('POST', `/consortia/${id}/resolutions/${r.body.id}/votes`, {
      token: de.token,
      body: { vote: 'abstain' },
    });
    const changed = await call('POST', `/consortia/${id}/resolutions/${r.body.id}/votes`, {
      token: de.token,
      body: { vote: 'yes' },
    });
    expect(changed.body.votes).to.have.length(1);
    expect(changed.body.votes[0].vote).to.equal('yes');
    const stillOpen = await call('POST', `/consortia/${id}/resolutions/${r.body.id}/votes`, {
      token: be.token,
      body: { vote: 'yes' },
    });
    expect(stillOpen.body.outcome).to.equal('open'); // 0.5 + 0.2 = 0.7 < 0.75, and NL may still vote
    const passed = await call('POST', `/consortia/${id}/resolutions/${r.body.id}/votes`, {
      token: nl.token,
      body: { vote: 'yes' },
    });
    expect(passed.body.outcome).to.equal('passed');
  });

  it('when a call is created with bad dates and criteria, then 400 names each field', async () => {
    const officer = await newPerson('procurement-officer', await centreId());
    const res = await call('POST', '/calls', {
      token: officer.token,
      body: {
        reference: 'BAD-1',
        title: 'Bad',
        description: 'Bad call',
        opensAt: '2030-01-02T00:00:00Z',
        closesAt: '2030-01-01T00:00:00Z',
        budgetCents: 1,
        cofundingRate: 1.5,
        minMemberStates: 0,
        criteria: [],
      },
    });
    expect(res.status).to.equal(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal([
      '/cofundingRate',
      '/criteria',
      '/minMemberStates',
    ]);
    const dates = await call('POST', '/calls', {
      token: officer.token,
      body: {
        reference: 'BAD-2',
        title: 'Bad',
        description: 'Bad call',
        opensAt: '2030-01-02T00:00:00Z',
        closesAt: '2030-01-01T00:00:00Z',
        budgetCents: 1,
        cofundingRate: 0.5,
        minMemberStates: 3,
        criteria: [
          { key: 'a', title: 'A', weight: 1, maxScore: 10, threshold: 11 },
          { key: 'a', title: 'B', weight: 1, maxScore: 10, threshold: 1 },
        ],
      },
    });
    expect(dates.status).to.equal(400);
    expect(dates.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal([
      '/closesAt',
      '/criteria/0/threshold',
      '/criteria/1/key',
    ]);
  });
});
