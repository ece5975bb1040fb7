import { expect } from 'chai';
import { Notice } from '../../server/notices/notice.model.js';
import {
  asAdmin,
  bidForm,
  call,
  centreId,
  complaintForm,
  documentForm,
  newOrganisation,
  newPerson,
  type Person,
  pdfOf,
} from './api.js';
import { eventually } from './harness.js';
import {
  formConsortium,
  hostingEntity,
  publishedCall,
  publishedTender,
  selectedExpression,
} from './procedure.js';

/** Prices no other number of the fixture comes near: any of them in an answer is a leak. */
export const PRICES = { a1: 987_654_321, b1: 876_543_219, a2: 765_432_198 };

/** Everyone the sealed-phase checks act as, and the objects they act on. */
export interface SealedWorld {
  tenderId: string;
  callId: string;
  /** The eForms notice of the call (its CEI) and of the tender (its contract notice). */
  noticeIds: { call: string; tender: string };
  /** The call of consortium Y's draft (still open). */
  otherCallId: string;
  actors: Record<Actor, Person | null>;
  /** The representatives of consortium X (the selected one) and of consortium Y. */
  membersX: Person[];
  membersY: Person[];
  consortiumX: string;
  consortiumY: string;
  expressionX: string;
  expressionY: string;
  resolutionX: string;
  resolutionY: string;
  questionId: string;
  bids: { a1: string; b1: string; a2: string };
  /** The one document of each lot-1 bid. */
  documents: { a1: string; b1: string };
  bidReceipts: { id: string; receivedAt: string; sha256: string; vendor: 'vendorA' | 'vendorB' }[];
  noticeOfA: string;
  noticeOfB: string;
  submissionDeadline: string;
  /** vendorC's complaint against the conditions, with its one document, before the review body of the tender. */
  complaint: { id: string; documentId: string };
}

export const ACTORS = [
  'anonymous',
  'admin',
  'officer',
  'evaluator',
  'evaluatorOut',
  'repX',
  'repY',
  'vendorA',
  'vendorB',
  'vendorC',
  'reviewer',
] as const;
export type Actor = (typeof ACTORS)[number];

let built: Promise<SealedWorld> | undefined;

/** Builds the world once per run: a published tender whose bids are sealed for another half minute at least. */
export function sealedWorld(): Promise<SealedWorld> {
  built ??= build();
  return built;
}

async function build(): Promise<SealedWorld> {
  const sel = await selectedExpression();
  const officer = sel.officer;
  const callId = (await call('GET', `/expressions/${sel.expressionId}`, { token: officer.token })).body
    .callId as string;
  const evaluator = sel.evaluators[0] as Person;
  const evaluatorOut = await newPerson('evaluator', await centreId());

  // Consortium Y, with a draft of its own on another call and an open resolution.
  const ys = [await hostingEntity('FR'), await hostingEntity('IT'), await hostingEntity('PL')];
  const repY = ys[0] as Person;
  const consortiumY = await formConsortium(repY, [
    { rep: ys[1] as Person, contributionCents: 10_000_000 },
    { rep: ys[2] as Person, contributionCents: 10_000_000 },
  ]);
  const otherCall = await publishedCall(officer, 600_000);
  const draftY = await call('POST', `/calls/${otherCall.id}/expressions`, {
    token: repY.token,
    body: {
      consortiumId: consortiumY,
      summary: 'Y draft',
      tools: [{ category: 'siem', description: 'SIEM', estimatedCostCents: 1_000_000 }],
      requestedEuContributionCents: 500_000,
      hostingYears: 3,
    },
  });
  expect(draftY.status, JSON.stringify(draftY.body)).to.equal(201);
  const resolution = async (rep: Person, consortium: string, body: object) => {
    const r = await call('POST', `/consortia/${consortium}/resolutions`, { token: rep.token, body });
    expect(r.status, JSON.stringify(r.body)).to.equal(201);
    return r.body.id as string;
  };
  const resolutionY = await resolution(repY, consortiumY, {
    subject: 'Approve',
    expressionId: draftY.body.id,
  });
  const repX = sel.members[0] as Person;
  const resolutionX = await resolution(repX, sel.consortiumId, { subject: 'Budget review' });

  // The bidders subscribe to nothing: no notice but those their bids cause may name them.
  const vendor = async (name: string, cpv?: string) => {
    const org = await newOrganisation('vendor', { name });
    const person = await newPerson('vendor', org);
    if (cpv)
      await call('PUT', `/organisations/${org}/subscriptions`, {
        token: person.token,
        body: { cpvPrefixes: [cpv] },
      });
    return person;
  };
  const vendorA = await vendor('Sealed Alpha');
  const vendorB = await vendor('Sealed Beta');
  const vendorC = await vendor('Watching Gamma', '4873');

  const tender = await publishedTender(
    officer,
    sel.expressionId,
    { id: sel.consortiumId, members: sel.members },
    {
      lots: [
        { number: 1, title: 'SIEM', estimatedValueCents: 1_000_000_000 },
        { number: 2, title: 'NDR', estimatedValueCents: 1_000_000_000 },
      ],
      questionsInMs: 240_000,
      submissionInMs: 300_000,
    },
  );
  const tenderId = tender.id;
  // A procurement document uploaded after publication: its door is walked too (unpublished, officers only).
  const document = await call('POST', `/tenders/${tenderId}/documents`, {
    token: officer.token,
    form: documentForm({ title: 'Annex' }, { name: 'annex.pdf', bytes: pdfOf(2000, 'annex') }),
  });
  expect(document.status).to.equal(201);
  await call('POST', `/tenders/${tenderId}/evaluators`, {
    token: officer.token,
    body: { userId: evaluator.id },
  });
  await call('POST', `/tenders/${tenderId}/coi`, { token: evaluator.token, body: { conflict: false } });

  // Bids on lot 1 carry a document named after the price: any door that shows a file's name, size
  // or bytes before the opening shows a price too.
  const receipts: Record<string, number> = {};
  const submit = async (who: Person, lot: number, priceCents: number, withDocument: boolean) => {
    const bid = {
      lot,
      priceCents,
      technicalOffer: `Offer ${priceCents}`,
      declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
    };
    const res = await call('POST', `/tenders/${tenderId}/bids`, {
      token: who.token,
      ...(withDocument
        ? {
            form: bidForm(bid, [
              { filename: `offer-${priceCents}.pdf`, bytes: pdfOf(20_000, String(priceCents)) },
            ]),
          }
        : { body: bid }),
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    // Its receipt is sent before the next bid comes: a notice's own times (created, sent) then never
    // fall in the millisecond of another vendor's receipt, which the checks would read as a leak.
    receipts[who.id] = (receipts[who.id] ?? 0) + 1;
    const sent = receipts[who.id] as number;
    await eventually(
      async () =>
        (await Notice.countDocuments({
          template: 'bid-receipt',
          'recipient.organisationId': who.organisationId,
          status: 'sent',
        })) >= sent,
    );
    return res.body as {
      id: string;
      receivedAt: string;
      sha256: string;
      documents?: { id: string }[];
      bidKey?: string;
    };
  };
  const receiptOf = (r: { id: string; receivedAt: string; sha256: string }) => ({
    id: r.id,
    receivedAt: r.receivedAt,
    sha256: r.sha256,
  });
  const a1 = await submit(vendorA, 1, PRICES.a1, true);
  const b1 = await submit(vendorB, 1, PRICES.b1, true);
  const a2 = await submit(vendorA, 2, PRICES.a2, false);
  const asked = await call('POST', `/tenders/${tenderId}/questions`, {
    token: vendorC.token,
    body: { text: 'Is a hosted SIEM acceptable?' },
  });
  await call('POST', `/tenders/${tenderId}/questions/${asked.body.id}/answer`, {
    token: officer.token,
    body: { text: 'Yes, hosted in the Union.' },
  });
  // A vendor that did not bid complains against the conditions; its review body's member is an actor.
  const complaint = await call('POST', `/tenders/${tenderId}/complaints`, {
    token: vendorC.token,
    form: complaintForm(
      { against: 'conditions', grounds: 'Disproportionate references', text: 'Ten references exclude SMEs.' },
      [{ filename: 'references.pdf', bytes: pdfOf(3000, 'references') }],
    ),
  });
  expect(complaint.status, JSON.stringify(complaint.body)).to.equal(201);
  const reviewer = await newPerson('review-body', complaint.body.reviewBody.id);
  // Wait until the receipts and the answer have gone out, so every notice exists when the checks run.
  const [noticeOfA, noticeOfB] = await eventually<[string, string]>(async () => {
    const a = await Notice.findOne({
      template: 'bid-receipt',
      'recipient.organisationId': vendorA.organisationId,
      status: 'sent',
    }).lean();
    const b = await Notice.findOne({
      template: 'bid-receipt',
      'recipient.organisationId': vendorB.organisationId,
      status: 'sent',
    }).lean();
    const answered = await Notice.countDocuments({
      template: 'question-answered',
      subject: tenderId,
      status: 'sent',
    });
    return a && b && answered >= 3 ? [String(a._id), String(b._id)] : undefined;
  }, 30_000);
  const noticeOf = async (kind: 'calls' | 'tenders', id: string) =>
    (await call('GET', `/${kind}/${id}/eforms`, { token: officer.token })).body.items[0].noticeId as string;
  return {
    tenderId,
    callId,
    noticeIds: { call: await noticeOf('calls', callId), tender: await noticeOf('tenders', tenderId) },
    otherCallId: otherCall.id,
    actors: {
      anonymous: null,
      admin: { token: await asAdmin(), id: '', password: '', email: '', name: 'admin', organisationId: '' },
      officer,
      evaluator,
      evaluatorOut,
      repX,
      repY,
      vendorA,
      vendorB,
      vendorC,
      reviewer,
    },
    membersX: sel.members,
    membersY: ys,
    consortiumX: sel.consortiumId,
    consortiumY,
    expressionX: sel.expressionId,
    expressionY: draftY.body.id,
    resolutionX,
    resolutionY,
    questionId: asked.body.id,
    bids: { a1: a1.id, b1: b1.id, a2: a2.id },
    documents: { a1: a1.documents?.[0]?.id as string, b1: b1.documents?.[0]?.id as string },
    bidReceipts: [
      { ...receiptOf(a1), vendor: 'vendorA' },
      { ...receiptOf(b1), vendor: 'vendorB' },
      { ...receiptOf(a2), vendor: 'vendorA' },
    ],
    noticeOfA: noticeOfA as string,
    noticeOfB: noticeOfB as string,
    submissionDeadline: tender.submissionDeadline,
    complaint: { id: complaint.body.id, documentId: complaint.body.documents[0].id },
  };
}
