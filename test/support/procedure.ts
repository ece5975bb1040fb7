import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { call, newOrganisation, newPerson, type Person } from './api.js';
import { eventually } from './harness.js';

export const CRITERIA = [
  { key: 'capacity', title: 'Operational capacity', weight: 3, maxScore: 10, threshold: 5 },
  { key: 'cross-border', title: 'Cross-border value', weight: 1, maxScore: 5, threshold: 2 },
];

/** A hosting entity with one representative. */
export async function hostingEntity(country: string, language = 'en', publicBody = true) {
  const org = await newOrganisation('hosting-entity', {
    country,
    language,
    publicBody,
    name: `SOC agency ${country}`,
  });
  return newPerson('entity-representative', org, language);
}

/** A consortium of the given representatives' organisations, invitations accepted and (optionally) sealed. */
export async function formConsortium(
  coordinator: Person,
  others: { rep: Person; contributionCents: number }[],
  opts: { contributionCents?: number; seal?: boolean } = {},
): Promise<string> {
  const created = await call('POST', '/consortia', {
    token: coordinator.token,
    body: {
      name: `Consortium ${randomBytes(3).toString('hex')}`,
      contributionCents: opts.contributionCents ?? 50_000_000,
    },
  });
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  const id = created.body.id as string;
  for (const { rep, contributionCents } of others) {
    const invited = await call('POST', `/consortia/${id}/invitations`, {
      token: coordinator.token,
      body: { organisationId: rep.organisationId, contributionCents },
    });
    expect(invited.status, JSON.stringify(invited.body)).to.equal(201);
    const accepted = await call('POST', `/consortia/${id}/invitations/${rep.organisationId}/accept`, {
      token: rep.token,
    });
    expect(accepted.status).to.equal(200);
  }
  if (opts.seal !== false) {
    const sealed = await call('POST', `/consortia/${id}/agreement`, { token: coordinator.token });
    expect(sealed.status, JSON.stringify(sealed.body)).to.equal(200);
  }
  return id;
}

/** A published call closing `closesInMs` from now. */
export async function publishedCall(
  officer: Person,
  closesInMs: number,
  fields: Record<string, unknown> = {},
) {
  const created = await call('POST', '/calls', {
    token: officer.token,
    body: {
      reference: `ECCC-${randomBytes(3).toString('hex')}`,
      title: 'Cross-border SOC platforms',
      description:
        'Hosting and operation of cross-border SOC platforms with jointly procured detection tools.',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + closesInMs).toISOString(),
      budgetCents: 3_000_000_000,
      cofundingRate: 0.75,
      minMemberStates: 3,
      criteria: CRITERIA,
      ...fields,
    },
  });
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  const published = await call('POST', `/calls/${created.body.id}/publish`, { token: officer.token });
  expect(published.status).to.equal(200);
  return published.body as { id: string; closesAt: string };
}

/** An expression of interest drafted, approved by every member, and submitted. */
export async function submittedExpression(
  callId: string,
  consortiumId: string,
  coordinator: Person,
  voters: Person[],
  requestedEuContributionCents: number,
  costCents = 2_000_000_000,
): Promise<string> {
  const draft = await call('POST', `/calls/${callId}/expressions`, {
    token: coordinator.token,
    body: {
      consortiumId,
      summary: 'A cross-border SOC sharing threat intelligence among its members.',
      tools: [
        { category: 'siem', description: 'SIEM for 40 000 EPS', estimatedCostCents: costCents / 2 },
        { category: 'edr-xdr', description: 'EDR for 20 000 endpoints', estimatedCostCents: costCents / 2 },
      ],
      requestedEuContributionCents,
      hostingYears: 5,
    },
  });
  expect(draft.status, JSON.stringify(draft.body)).to.equal(201);
  const resolution = await call('POST', `/consortia/${consortiumId}/resolutions`, {
    token: coordinator.token,
    body: { subject: 'Approve our expression of interest', expressionId: draft.body.id },
  });
  for (const voter of [coordinator, ...voters]) {
    await call('POST', `/consortia/${consortiumId}/resolutions/${resolution.body.id}/votes`, {
      token: voter.token,
      body: { vote: 'yes' },
    });
  }
  const submitted = await call('POST', `/expressions/${draft.body.id}/submit`, { token: coordinator.token });
  expect(submitted.status, JSON.stringify(submitted.body)).to.equal(202);
  return draft.body.id;
}

/** Waits until the expression has left `submitted`, and returns its status. */
export async function checkedStatus(expressionId: string, token: string): Promise<string> {
  return eventually(async () => {
    const e = await call('GET', `/expressions/${expressionId}`, { token });
    return e.body.status !== 'submitted' && e.body.status;
  });
}

/** Waits until the time is past an instant. */
export async function waitUntil(iso: string): Promise<void> {
  const ms = new Date(iso).getTime() - Date.now() + 50;
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}

export interface SelectedExpression {
  officer: Person;
  evaluators: Person[];
  members: Person[];
  consortiumId: string;
  expressionId: string;
}

/** A whole call run to the end: an expression of a BE/NL/DE consortium, selected with EUR 15 M granted. */
export async function selectedExpression(): Promise<SelectedExpression> {
  const { centreId, newPerson: person } = await import('./api.js');
  const centre = await centreId();
  const officer = await person('procurement-officer', centre);
  const evaluators = [
    await person('evaluator', centre),
    await person('evaluator', centre),
    await person('evaluator', centre),
  ];
  const members = [await hostingEntity('BE'), await hostingEntity('NL', 'nl'), await hostingEntity('DE')] as [
    Person,
    Person,
    Person,
  ];
  const consortiumId = await formConsortium(members[0], [
    { rep: members[1], contributionCents: 30_000_000 },
    { rep: members[2], contributionCents: 20_000_000 },
  ]);
  const published = await publishedCall(officer, 3_000);
  const expressionId = await submittedExpression(
    published.id,
    consortiumId,
    members[0],
    [members[1], members[2]],
    1_500_000_000,
  );
  for (const e of evaluators) {
    await call('POST', `/calls/${published.id}/evaluators`, { token: officer.token, body: { userId: e.id } });
    await call('POST', `/calls/${published.id}/coi`, { token: e.token, body: { conflict: false } });
  }
  expect(await checkedStatus(expressionId, officer.token)).to.equal('eligible');
  for (const e of evaluators) {
    await call('POST', `/expressions/${expressionId}/scores`, {
      token: e.token,
      body: { criterion: 'capacity', score: 8 },
    });
    await call('POST', `/expressions/${expressionId}/scores`, {
      token: e.token,
      body: { criterion: 'cross-border', score: 4 },
    });
  }
  await waitUntil(published.closesAt);
  expect((await call('POST', `/calls/${published.id}/selection`, { token: officer.token })).status).to.equal(
    202,
  );
  await eventually(
    async () =>
      (await call('GET', `/expressions/${expressionId}`, { token: officer.token })).body.status ===
      'selected',
  );
  return { officer, evaluators, members, consortiumId, expressionId };
}

/** A passed resolution of the consortium approving a tender (every member votes yes). */
export async function approveTender(
  consortiumId: string,
  tenderId: string,
  members: Person[],
): Promise<void> {
  const r = await call('POST', `/consortia/${consortiumId}/resolutions`, {
    token: (members[0] as Person).token,
    body: { subject: 'Approve the tender specifications', tenderId },
  });
  for (const m of members) {
    await call('POST', `/consortia/${consortiumId}/resolutions/${r.body.id}/votes`, {
      token: m.token,
      body: { vote: 'yes' },
    });
  }
}

/** A tender drafted for a selected expression, approved by every member and published; returns its draft body. */
export async function publishedTender(
  officer: Person,
  expressionId: string,
  consortium: { id: string; members: Person[] },
  fields: {
    lots: { number: number; title: string; estimatedValueCents: number }[];
    questionsInMs: number;
    submissionInMs: number;
  },
) {
  const draft = await call('POST', '/tenders', {
    token: officer.token,
    body: {
      expressionId,
      reference: `T-${randomBytes(4).toString('hex')}`,
      title: 'Detection tools',
      description: 'Joint procurement of detection tools.',
      cpvCodes: ['48730000'],
      lots: fields.lots,
      questionsDeadline: new Date(Date.now() + fields.questionsInMs).toISOString(),
      submissionDeadline: new Date(Date.now() + fields.submissionInMs).toISOString(),
      award: {
        qualityWeight: 0.6,
        priceWeight: 0.4,
        qualityThreshold: 0.5,
        criteria: [{ key: 'detection', title: 'Detection', weight: 1, maxScore: 10, threshold: 5 }],
      },
      selectionCriteria: [],
    },
  });
  expect(draft.status, JSON.stringify(draft.body)).to.equal(201);
  await approveTender(consortium.id, draft.body.id, consortium.members);
  const published = await call('POST', `/tenders/${draft.body.id}/publish`, { token: officer.token });
  expect(published.status, JSON.stringify(published.body)).to.equal(200);
  return published.body as { id: string; submissionDeadline: string };
}
