import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { waitUntil } from '../../scripts/procedure.js';
import { documentChanged } from '../../server/cached-documents.js';
import { Tender } from '../../server/tenders/tender.model.js';
import { call, centreId, evaluatorsOf, newOrganisation, newPerson, type Person, steps } from './api.js';

// The test worlds, built with the procedure's own steps (scripts/procedure.ts), which the demo narrates.

export { waitUntil };

const unique = () => randomBytes(3).toString('hex');

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
export function formConsortium(
  coordinator: Person,
  others: { rep: Person; contributionCents: number }[],
  opts: { contributionCents?: number; seal?: boolean } = {},
): Promise<string> {
  return steps.formConsortium(coordinator, {
    name: `Consortium ${unique()}`,
    contributionCents: opts.contributionCents ?? 50_000_000,
    members: others,
    seal: opts.seal,
  });
}

/** A published call closing `closesInMs` from now. */
export async function publishedCall(
  officer: Person,
  closesInMs: number,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; closesAt: string }> {
  return steps.publishedCall(officer, callBody(closesInMs, fields));
}

/** The body of a call closing `closesInMs` from now: EUR 30 M at 75 %, three Member States. */
export const callBody = (closesInMs: number, fields: Record<string, unknown> = {}) => ({
  reference: `ECCC-${unique()}`,
  title: 'Cross-border SOC platforms',
  description: 'Hosting and operation of cross-border SOC platforms with jointly procured detection tools.',
  opensAt: new Date(Date.now() - 60_000).toISOString(),
  closesAt: new Date(Date.now() + closesInMs).toISOString(),
  budgetCents: 3_000_000_000,
  cofundingRate: 0.75,
  minMemberStates: 3,
  criteria: CRITERIA,
  ...fields,
});

/** An expression of interest drafted, approved by every member, and submitted. */
export async function submittedExpression(
  callId: string,
  consortiumId: string,
  coordinator: Person,
  voters: Person[],
  requestedEuContributionCents: number,
  costCents = 2_000_000_000,
): Promise<string> {
  const expressionId = await steps.draftExpression(coordinator, callId, {
    consortiumId,
    summary: 'A cross-border SOC sharing threat intelligence among its members.',
    tools: [
      { category: 'siem', description: 'SIEM for 40 000 EPS', estimatedCostCents: costCents / 2 },
      { category: 'edr-xdr', description: 'EDR for 20 000 endpoints', estimatedCostCents: costCents / 2 },
    ],
    requestedEuContributionCents,
    hostingYears: 5,
  });
  await steps.approve(consortiumId, [coordinator, ...voters], {
    subject: 'Approve our expression of interest',
    expressionId,
  });
  await steps.submitExpression(coordinator, expressionId);
  return expressionId;
}

/** Waits until the expression has left `submitted`, and returns its status. */
export async function checkedStatus(expressionId: string, token: string): Promise<string> {
  return (await steps.checkedExpression(expressionId, token)).status;
}

export interface SelectedExpression {
  officer: Person;
  evaluators: Person[];
  members: Person[];
  consortiumId: string;
  expressionId: string;
}

/** Each evaluator scores the expression 8 for capacity and 4 for cross-border value (a total of 80). */
export async function scoreExpression(expressionId: string, evaluators: Person[]): Promise<void> {
  for (const e of evaluators)
    for (const [criterion, score] of [
      ['capacity', 8],
      ['cross-border', 4],
    ] as const)
      await call('POST', `/expressions/${expressionId}/scores`, {
        token: e.token,
        body: { criterion, score },
      });
}

/** A whole call run to the end: an expression of a BE/NL/DE consortium, selected with EUR 15 M granted. */
export async function selectedExpression(): Promise<SelectedExpression> {
  const centre = await centreId();
  const officer = await newPerson('procurement-officer', centre);
  const evaluators = await evaluatorsOf(centre);
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
  await steps.seatCommittee(officer, `/calls/${published.id}`, evaluators);
  expect(await checkedStatus(expressionId, officer.token)).to.equal('eligible');
  await scoreExpression(expressionId, evaluators);
  await waitUntil(published.closesAt);
  await steps.selection(officer, published.id);
  expect((await call('GET', `/expressions/${expressionId}`, { token: officer.token })).body.status).to.equal(
    'selected',
  );
  return { officer, evaluators, members, consortiumId, expressionId };
}

/** A passed resolution of the consortium approving a tender (members vote yes until it passes). */
export async function approveTender(
  consortiumId: string,
  tenderId: string,
  members: Person[],
): Promise<void> {
  await steps.approve(consortiumId, members, { subject: 'Approve the tender specifications', tenderId });
}

/** An opening committee: the officer and two more officers of the centre. */
export async function openingCommittee(officer: Person): Promise<Person[]> {
  const centre = await centreId();
  return [
    officer,
    await newPerson('procurement-officer', centre),
    await newPerson('procurement-officer', centre),
  ];
}

export interface PublishedTender {
  id: string;
  submissionDeadline: string;
  openingCommittee: Person[];
}

export interface TenderFields {
  lots: {
    number: number;
    title: string;
    estimatedValueCents: number;
    description?: string;
    cpvCodes?: string[];
  }[];
  questionsInMs: number;
  submissionInMs: number;
  standstillPeriod?: string;
  /** The review body that hears complaints about it (else the platform's first). */
  reviewBodyId?: string;
  /** The ESPD request it asks (else the bids' two declarations). */
  espd?: Record<string, unknown>;
  /** Its quality criteria (else one, `detection`) and when evaluators see prices. */
  criteria?: { key: string; title: string; weight: number; maxScore: number; threshold: number }[];
  priceToEvaluators?: 'after-sign-off' | 'never';
}

/** The body of a tender for a selected expression: one detection criterion, deadlines from now. */
export function tenderBody(expressionId: string, fields: TenderFields) {
  return {
    expressionId,
    reference: `T-${randomBytes(4).toString('hex')}`,
    title: 'Detection tools',
    description: 'Joint procurement of detection tools.',
    cpvCodes: ['48730000'],
    contractDuration: 'P36M',
    placeOfPerformance: 'BE100',
    lots: fields.lots,
    questionsDeadline: new Date(Date.now() + fields.questionsInMs).toISOString(),
    submissionDeadline: new Date(Date.now() + fields.submissionInMs).toISOString(),
    award: {
      qualityWeight: 0.6,
      priceWeight: 0.4,
      qualityThreshold: 0.5,
      criteria: fields.criteria ?? [
        { key: 'detection', title: 'Detection', weight: 1, maxScore: 10, threshold: 5 },
      ],
      ...(fields.priceToEvaluators ? { priceToEvaluators: fields.priceToEvaluators } : {}),
    },
    selectionCriteria: [],
    ...(fields.standstillPeriod ? { standstillPeriod: fields.standstillPeriod } : {}),
    ...(fields.reviewBodyId ? { reviewBodyId: fields.reviewBodyId } : {}),
    ...(fields.espd ? { espd: fields.espd } : {}),
  };
}

/**
 * A tender drafted for a selected expression, with its opening committee (the officer and two
 * more) each with a secret, approved by the consortium and published; returns it.
 */
export async function publishedTender(
  officer: Person,
  expressionId: string,
  consortium: { id: string; members: Person[] },
  fields: TenderFields & { openingCommittee?: Person[] },
): Promise<PublishedTender> {
  const committee = fields.openingCommittee ?? (await openingCommittee(officer));
  const tender = await steps.publishedTender(
    officer,
    consortium,
    tenderBody(expressionId, fields),
    committee,
  );
  return { ...tender, openingCommittee: committee };
}

/** The two lots of the tests of changes and cancellations: a SIEM and an NDR. */
export const SIEM_AND_NDR = [
  { number: 1, title: 'SIEM', estimatedValueCents: 150_000_000 },
  { number: 2, title: 'NDR', estimatedValueCents: 80_000_000 },
];

/** A tender of the selected expression with a SIEM and an NDR lot, published with these time limits. */
export function twoLotTender(
  sel: SelectedExpression,
  limits: Pick<TenderFields, 'questionsInMs' | 'submissionInMs' | 'standstillPeriod' | 'reviewBodyId'>,
): Promise<PublishedTender> {
  return publishedTender(
    sel.officer,
    sel.expressionId,
    { id: sel.consortiumId, members: sel.members },
    {
      lots: SIEM_AND_NDR,
      ...limits,
    },
  );
}

/** From the opening time, a quorum of the committee acts and the bids open; answers the opening record. */
export function openBids(tender: PublishedTender) {
  return steps.openBids(tender.id, tender.openingCommittee);
}

/**
 * Forces fields of a stored tender, as no request could (to reach a state the API refuses), and
 * marks it changed so that no process goes on using its copy (see `cached-documents.ts`).
 */
export async function forceTender(tenderId: string, set: Record<string, unknown>): Promise<void> {
  await Tender.updateOne({ _id: tenderId }, { $set: set });
  await documentChanged('Tender', tenderId);
}

/** A bid's JSON for a lot at a price, with clean declarations. */
export const offerOf = (lot: number, priceCents: number) => ({
  lot,
  priceCents,
  technicalOffer: `Offer at ${priceCents}`,
  declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
});

/**
 * A tender open for bids (a fresh selected expression, published with the lots given, SIEM and
 * EDR by default, its deadline ten minutes away), and the selected expression it was made for.
 */
export async function openTender(
  lots = [
    { number: 1, title: 'SIEM', estimatedValueCents: 1_000_000_00 },
    { number: 2, title: 'EDR', estimatedValueCents: 1_000_000_00 },
  ],
): Promise<{ sel: SelectedExpression; tender: PublishedTender }> {
  const sel = await selectedExpression();
  const tender = await publishedTender(
    sel.officer,
    sel.expressionId,
    { id: sel.consortiumId, members: sel.members },
    { lots, questionsInMs: 60_000, submissionInMs: 600_000 },
  );
  return { sel, tender };
}
