import { expect } from 'chai';
import { trusted } from 'mongoose';
import { openingSecretOf } from '../../scripts/procedure/tender-steps.js';
import { contractingAuthority } from '../../server/accounts/accounts.service.js';
import { AuditEvent } from '../../server/audit/audit.model.js';
import { linkAuditChain } from '../../server/audit/audit.service.js';
import { Contract } from '../../server/contracts/contract.model.js';
import { generateContract } from '../../server/contracts/contract-generation.js';
import { localeFormats } from '../../server/locale-format.js';
import { timeZoneOf } from '../../server/time-zones.js';
import {
  call,
  complaintForm,
  newOrganisation,
  newPerson,
  type Person,
  pdfOf,
  steps,
} from '../support/api.js';
import { complaintAgainst } from '../support/complaints.js';
import { evaluateBids } from '../support/evaluation.js';
import { eventually, mailTo, noticeErrors } from '../support/harness.js';
import { extendedReleaseErrors, ocdsErrors } from '../support/ocds.js';
import {
  openBids,
  type PublishedTender,
  type SelectedExpression,
  selectedExpression,
  twoLotTender,
  waitUntil,
} from '../support/procedure.js';

// Remedies (Remedies Directive 89/665/EEC): complaints to the tender's review body, what an
// undecided one suspends, and what a decision sets aside — through the API, the worker and the mail.

const complaint = complaintAgainst;

describe('Review: complaints to the review body', function () {
  this.timeout(240_000);
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let reviewer: Person;
  let otherReviewer: Person;
  let a: Person;
  let b: Person;
  let c: Person;
  let d: Person;
  let outsider: Person;
  const bids = {} as Record<'a' | 'b' | 'c' | 'd', string>;
  const ids = {} as Record<'conditions' | 'award1' | 'award2' | 'refused' | 'withdrawn', string>;

  const lodge = (who: Person, body: unknown) =>
    call('POST', `/tenders/${tender.id}/complaints`, {
      token: who.token,
      ...(body instanceof FormData ? { form: body } : { body }),
    });
  const act = (who: Person, id: string, step: string, body?: unknown) =>
    call('POST', `/complaints/${id}/${step}`, { token: who.token, body });

  before(async () => {
    const body = await newOrganisation('review-body', { name: 'National Review Board', country: 'BE' });
    reviewer = await newPerson('review-body', body);
    otherReviewer = await newPerson('review-body', await newOrganisation('review-body'));
    sel = await selectedExpression();
    // The tender names its review body; the conditions may be challenged until PT4S before the deadline.
    const created = await twoLotTender(sel, {
      questionsInMs: 10_000,
      submissionInMs: 24_000,
      standstillPeriod: 'PT8S',
      reviewBodyId: body,
    });
    tender = created;
    const vendor = async (country: string) =>
      newPerson('vendor', await newOrganisation('vendor', { country }));
    [a, b, c, d, outsider] = [
      await vendor('FR'),
      await vendor('NL'),
      await vendor('DE'),
      await vendor('IT'),
      await vendor('PL'),
    ];
    expect(body).to.be.a('string');
  });

  it('when a complaint names bad fields, or comes from someone who is no vendor, then it is refused and nothing is stored', async () => {
    const bad = await lodge(outsider, { against: 'prices', grounds: '', text: 'x'.repeat(20_001), extra: 1 });
    expect(bad.status).to.equal(400);
    expect(bad.headers.get('content-type')).to.match(/^application\/problem\+json/);
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).to.include.members(['/against', '/grounds', '/text']);
    const noLot = await lodge(outsider, complaint('award'));
    expect(noLot.status).to.equal(400);
    expect(noLot.body.errors).to.deep.equal([
      { path: '/lot', message: 'is required for a complaint against an award' },
    ]);
    expect((await lodge(reviewer, complaint('conditions'))).status).to.equal(403);
    expect((await lodge(sel.officer, complaint('conditions'))).status).to.equal(403);
    const list = await call('GET', `/tenders/${tender.id}/complaints`, {});
    expect(list.body.total).to.equal(0);
  });

  it('when a vendor complains against the conditions in time and the review body accepts it, then the opening is suspended until it decides', async () => {
    const lodged = await lodge(outsider, complaint('conditions'));
    expect(lodged.status, JSON.stringify(lodged.body)).to.equal(201);
    expect(lodged.body).to.include({ status: 'submitted', against: 'conditions', lot: null, suspends: null });
    ids.conditions = lodged.body.id;
    // Public, without the complainant's name until it is accepted.
    const seen = (await call('GET', `/complaints/${ids.conditions}`, {})).body;
    expect(seen.author).to.equal(null);
    expect(seen.documents).to.equal(null);
    expect(seen.reviewBody.name).to.match(/^National Review Board/);
    // Another review body, or an officer, takes no step of it.
    expect((await act(otherReviewer, ids.conditions, 'accept')).status).to.equal(403);
    expect((await act(sel.officer, ids.conditions, 'accept')).status).to.equal(403);
    expect(
      (await act(reviewer, ids.conditions, 'decide', { outcome: 'dismissed', text: 'x' })).status,
    ).to.equal(409);
    const accepted = await act(reviewer, ids.conditions, 'accept');
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    expect(accepted.body).to.include({ status: 'accepted', suspends: 'opening' });
    expect(accepted.body.author.id).to.be.a('string');
    const mail = await eventually(() =>
      mailTo(outsider.email).find((m) => m.parsed.subject?.startsWith('Complaint accepted')),
    );
    expect(mail.parsed.text).to.include('the bids are not opened');
  });

  it('when the window against the conditions has closed, then a complaint is refused with 409 naming it', async () => {
    for (const [key, v, lot, price] of [
      ['a', a, 1, 120_000_000],
      ['b', b, 1, 110_000_000],
      ['c', c, 2, 60_000_000],
      ['d', d, 2, 65_000_000],
    ] as const) {
      const receipt = await steps.submitBid(v, tender.id, {
        lot,
        priceCents: price,
        technicalOffer: `Offer of ${v.name}`,
      });
      bids[key] = receipt.id;
    }
    const lead = new Date(new Date(tender.submissionDeadline).getTime() - 4_000);
    await waitUntil(lead.toISOString());
    const late = await lodge(a, complaint('conditions'));
    expect(late.status).to.equal(409);
    expect(late.body.type).to.equal('urn:problem:complaint-window');
    expect(late.body.detail).to.include(`until ${lead.toISOString()}`);
    expect(late.body.errors[0].path).to.equal('/against');
  });

  it('when the opening is due while the complaint is undecided, then the committee cannot open; dismissed, the bids open', async () => {
    await waitUntil(tender.submissionDeadline);
    await new Promise((r) => setTimeout(r, 1_500));
    const member = tender.openingCommittee[0] as Person;
    const held = await call('POST', `/tenders/${tender.id}/opening/unlock`, {
      token: member.token,
      body: { secret: openingSecretOf(member) },
    });
    expect(held.status).to.equal(409);
    expect(held.body.type).to.equal('urn:problem:opening-suspended');
    expect(held.body.detail).to.include(ids.conditions);
    const dismissed = await act(reviewer, ids.conditions, 'decide', {
      outcome: 'dismissed',
      text: 'The conditions are proportionate to the subject matter.',
    });
    expect(dismissed.status, JSON.stringify(dismissed.body)).to.equal(200);
    expect(dismissed.body).to.include({ status: 'dismissed', suspends: null });
    expect(dismissed.body.decision.outcome).to.equal('dismissed');
    const pdf = await call('GET', `/complaints/${ids.conditions}/decision.pdf`, {});
    expect(pdf.status).to.equal(200);
    expect(pdf.headers.get('content-type')).to.equal('application/pdf');
    const opening = await openBids(tender);
    expect(opening.opened).to.equal(true);
  });

  it('when the lots are decided, a vendor that did not bid, or the winner, cannot complain against the award; a losing bidder can, with documents', async () => {
    await evaluateBids(sel, tender.id, [
      { id: bids.a, score: 9 },
      { id: bids.b, score: 6 },
      { id: bids.c, score: 9 },
      { id: bids.d, score: 7 },
    ]);
    for (const [lot, bidId] of [
      [1, bids.a],
      [2, bids.c],
    ] as const) {
      const awarded = await call('POST', `/tenders/${tender.id}/awards`, {
        token: sel.officer.token,
        body: { lot, bidId },
      });
      expect(awarded.status, JSON.stringify(awarded.body)).to.equal(201);
    }
    const stranger = await lodge(outsider, complaint('award', 1));
    expect(stranger.status).to.equal(403);
    expect(stranger.body.detail).to.include('Only a bidder of lot 1');
    expect((await lodge(a, complaint('award', 1))).status).to.equal(403);
    expect((await lodge(b, complaint('exclusion', 1))).status).to.equal(403);
    const form = complaintForm(complaint('award', 1), [
      { filename: 'annex.pdf', bytes: pdfOf(4_000, 'annex') },
    ]);
    const lodged = await lodge(b, form);
    expect(lodged.status, JSON.stringify(lodged.body)).to.equal(201);
    expect(lodged.body).to.include({ status: 'submitted', suspends: 'contract' });
    expect(lodged.body.documents).to.have.length(1);
    ids.award1 = lodged.body.id;
    ids.award2 = (await lodge(d, complaint('award', 2))).body.id;
    ids.refused = (await lodge(b, complaint('award', 1))).body.id;
    ids.withdrawn = (await lodge(d, complaint('award', 2))).body.id;
    // The documents go to the parties and the review body only.
    const url = lodged.body.documents[0].url;
    for (const p of [b, sel.officer, reviewer])
      expect((await call('GET', url, { token: p.token })).status).to.equal(200);
    for (const p of [a, otherReviewer])
      expect((await call('GET', url, { token: p.token })).status).to.equal(404);
    expect((await call('GET', url, {})).status).to.equal(401);
    // Every other bidder of the lot hears of it; the review body and the officers too.
    for (const p of [a, reviewer, sel.officer])
      await eventually(() =>
        mailTo(p.email).find(
          (m) => m.parsed.subject === `Complaint lodged: tender ${lodged.body.tenderReference}, lot 1`,
        ),
      );
  });

  it('when the review body refuses one complaint and its author withdraws another, then each is recorded and told', async () => {
    expect((await act(reviewer, ids.refused, 'refuse', {})).status).to.equal(400);
    const refused = await act(reviewer, ids.refused, 'refuse', {
      text: 'The same complaint is already before the board.',
    });
    expect(refused.body).to.include({ status: 'refused', suspends: null });
    expect((await act(b, ids.refused, 'withdraw')).status).to.equal(409);
    expect((await act(b, ids.withdrawn, 'withdraw')).status).to.equal(403);
    const withdrawn = await act(d, ids.withdrawn, 'withdraw');
    expect(withdrawn.body.status).to.equal('withdrawn');
    await eventually(() =>
      mailTo(b.email).find((m) => m.parsed.subject?.startsWith('Complaint refused as inadmissible')),
    );
    await eventually(() => mailTo(d.email).find((m) => m.parsed.subject?.startsWith('Complaint withdrawn')));
  });

  it('when the standstill has ended but the complaint is undecided, then no contract is made, by the API or by the worker', async () => {
    const awards = (await call('GET', `/tenders/${tender.id}/awards`, { token: sel.officer.token })).body
      .items;
    await waitUntil(awards[0].standstillEndsAt);
    await new Promise((r) => setTimeout(r, 500));
    const refused = await call('POST', `/tenders/${tender.id}/contracts`, {
      token: sel.officer.token,
      body: { lot: 1 },
    });
    expect(refused.status).to.equal(409);
    expect(refused.body.type).to.equal('urn:problem:lot-suspended');
    expect(refused.body.detail).to.include(ids.award1);
    // A contract recorded in breach (as no request could) is never drawn up by the worker.
    const lot2 = await call('POST', `/tenders/${tender.id}/contracts`, {
      token: sel.officer.token,
      body: { lot: 2 },
    });
    expect(lot2.body.type).to.equal('urn:problem:lot-suspended');
    expect(await Contract.countDocuments({ tenderId: tender.id })).to.equal(0);
    // A contract of lot 2 written in breach (as no request could: its complaint is undecided) is
    // never drawn up by the worker either. (Written straight to the store, it raises no event.)
    const t = (await call('GET', `/tenders/${tender.id}`, { token: sel.officer.token })).body;
    const breach = await Contract.create({
      number: `${t.reference}-L2-breach`,
      tenderId: tender.id,
      lot: 2,
      expressionId: t.expressionId,
      consortiumId: t.consortiumId,
      bidId: bids.c,
      vendorId: c.organisationId,
      valueCents: 60_000_000,
      cofundingRate: 0.5,
      split: { euCents: 0, members: [] },
      createdBy: sel.officer.id,
      status: 'generating',
    });
    const stopped = await generateContract(String(breach._id), true).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(stopped?.message).to.include(ids.award2);
    expect((await Contract.findById(breach._id).lean())?.status).to.equal('failed');
    await Contract.deleteOne({ _id: breach._id });
  });

  it('when the review body dismisses the complaint against lot 1, then the officer makes the contract', async () => {
    expect((await act(reviewer, ids.award1, 'accept')).status).to.equal(200);
    const publicView = (await call('GET', `/tenders/${tender.id}/complaints`, {})).body.items;
    const seen = publicView.find((x: { id: string }) => x.id === ids.award1);
    expect(seen.author.name).to.include('vendor');
    expect(seen.documents).to.equal(null);
    expect(seen.documentCount).to.equal(1);
    const dismissed = await act(reviewer, ids.award1, 'decide', {
      outcome: 'dismissed',
      text: 'The award criteria were applied as published.',
    });
    expect(dismissed.body.status).to.equal('dismissed');
    const made = await call('POST', `/tenders/${tender.id}/contracts`, {
      token: sel.officer.token,
      body: { lot: 1 },
    });
    expect(made.status, JSON.stringify(made.body)).to.equal(202);
    const letter = await eventually(() =>
      mailTo(b.email).find((m) => m.parsed.subject?.startsWith('Complaint dismissed')),
    );
    expect(letter.parsed.attachments.map((x: { contentType: string }) => x.contentType)).to.include(
      'application/pdf',
    );
  });

  it('when the review body upholds the complaint against lot 2, then the award is set aside and a new decision restarts the standstill', async () => {
    const before = (
      await call('GET', `/tenders/${tender.id}/awards`, { token: sel.officer.token })
    ).body.items.find((x: { lot: number }) => x.lot === 2);
    expect((await act(reviewer, ids.award2, 'accept')).status).to.equal(200);
    const upheld = await act(reviewer, ids.award2, 'decide', {
      outcome: 'upheld',
      text: 'The scores of lot 2 were not reasoned.',
    });
    expect(upheld.body.status).to.equal('upheld');
    const t = (await call('GET', `/tenders/${tender.id}`, { token: sel.officer.token })).body;
    expect(t.lots[1].status).to.equal('evaluated');
    expect(t.awards.map((x: { lot: number }) => x.lot)).to.deep.equal([1]);
    const lostBefore = mailTo(d.email).filter((m) => m.parsed.subject?.startsWith('Award decision')).length;
    const again = await call('POST', `/tenders/${tender.id}/awards`, {
      token: sel.officer.token,
      body: { lot: 2, bidId: bids.c },
    });
    expect(again.status, JSON.stringify(again.body)).to.equal(201);
    expect(new Date(again.body.award.standstillEndsAt).getTime()).to.be.greaterThan(
      new Date(before.standstillEndsAt).getTime(),
    );
    const refused = await call('POST', `/tenders/${tender.id}/contracts`, {
      token: sel.officer.token,
      body: { lot: 2 },
    });
    expect(refused.body.type).to.equal('urn:problem:standstill');
    const lost = await eventually(() => {
      const all = mailTo(d.email).filter((m) => m.parsed.subject?.startsWith('Award decision'));
      return all.length > lostBefore && all.at(-1);
    });
    // The letter names the review body and the window's end on the buyer's clock, with the
    // chosen bid's scores per criterion.
    const zone = timeZoneOf((await contractingAuthority())?.country);
    const end = `${localeFormats('en').zoned(zone).format(new Date(again.body.award.standstillEndsAt))} (${zone})`;
    expect(lost.parsed.text).to.include(`before the standstill period ends on ${end}`);
    expect(lost.parsed.text).to.include('National Review Board');
    expect(lost.parsed.text).to.match(/Detection: \d+\.\d{2} \/ 10/);
  });

  it('then the whole exchange is public on the tender and in its OCDS, and every step was audited', async () => {
    const list = (await call('GET', `/tenders/${tender.id}/complaints`, {})).body;
    expect(list.items.map((x: { status: string }) => x.status)).to.deep.equal([
      'dismissed',
      'dismissed',
      'upheld',
      'refused',
      'withdrawn',
    ]);
    const pkg = (await call('GET', `/tenders/${tender.id}/ocds`, {})).body;
    expect(ocdsErrors(pkg)).to.deep.equal([]);
    expect(pkg.extensions[0]).to.match(/\/ocds\/extensions\/complaints\/extension\.json$/);
    const release = pkg.releases.at(-1);
    expect(release.tender.complaints).to.have.length(5);
    expect(release.parties.find((p: { roles: string[] }) => p.roles.includes('reviewBody')).name).to.match(
      /^National Review Board/,
    );
    const upheld = release.tender.complaints.find((x: { id: string }) => x.id === ids.award2);
    expect(upheld).to.include({ status: 'upheld', subject: 'award', relatedLot: '2' });
    expect(upheld.decision.url).to.match(/decision\.pdf$/);
    // The complaints are valid under the extension the package names, as served.
    const ext = await call('GET', '/ocds/extensions/complaints/release-schema.json', {});
    expect(extendedReleaseErrors(pkg, ext.body)).to.deep.equal([]);
    const broken = structuredClone(pkg);
    broken.releases.at(-1).tender.complaints[0].status = 'pending';
    expect(extendedReleaseErrors(broken, ext.body)).to.have.length.greaterThan(0);
    // Each step's audit event is written with the step and linked into the chain by the workers.
    const steps = ['submitted', 'accepted', 'refused', 'upheld', 'dismissed', 'withdrawn'];
    await eventually(async () => {
      await linkAuditChain();
      const counts = await Promise.all(
        steps.map((s) =>
          AuditEvent.countDocuments({
            action: `complaint.${s}`,
            'object.id': trusted({ $in: Object.values(ids) }),
          }),
        ),
      );
      return counts.every((n) => n > 0);
    });
    expect(
      await AuditEvent.countDocuments({ action: 'tender.award-withdrawn', 'object.id': tender.id }),
    ).to.equal(1);
  });

  it('when every lot is contracted, then the contract award notice counts each lot’s review requests and complainants (BT-635, BT-712)', async () => {
    const award = (
      await call('GET', `/tenders/${tender.id}/awards`, { token: sel.officer.token })
    ).body.items.find((x: { lot: number }) => x.lot === 2);
    await waitUntil(award.standstillEndsAt);
    await new Promise((r) => setTimeout(r, 500));
    const made = await call('POST', `/tenders/${tender.id}/contracts`, {
      token: sel.officer.token,
      body: { lot: 2 },
    });
    expect(made.status, JSON.stringify(made.body)).to.equal(202);
    const notice = await eventually(async () => {
      const items = (await call('GET', `/tenders/${tender.id}/eforms`, { token: sel.officer.token })).body
        .items;
      return items.find((n: { kind: string }) => n.kind === 'award');
    });
    const xml = (
      (await call('GET', `/tenders/${tender.id}/eforms/${notice.noticeId}`, { token: sel.officer.token }))
        .body as Buffer
    ).toString();
    const lotResult = (lot: string) =>
      [...xml.matchAll(/<efac:LotResult>([\s\S]*?)<\/efac:LotResult>/g)]
        .map((m) => m[1] as string)
        .find((r) => r.includes(`<cbc:ID schemeName="Lot">${lot}</cbc:ID>`)) as string;
    const statistic = (r: string, list: string, code: string) =>
      new RegExp(
        `<efbc:StatisticsCode listName="${list}">${code}</efbc:StatisticsCode>\\s*<efbc:StatisticsNumeric>(\\d+)<`,
      ).exec(r)?.[1];
    // Lot 1: the conditions complaint and B's two; lot 2: the conditions complaint and D's two.
    expect(statistic(lotResult('LOT-0001'), 'irregularity-type', 'other')).to.equal('3');
    expect(statistic(lotResult('LOT-0001'), 'review-type', 'complainants')).to.equal('2');
    expect(statistic(lotResult('LOT-0002'), 'review-type', 'complainants')).to.equal('2');
    const errors = await noticeErrors('29', xml);
    if (errors) expect(errors, JSON.stringify(errors, null, 1)).to.deep.equal([]);
  });

  it('when the review body tries to score, bid or open, then it is refused', async () => {
    const bidId = bids.b;
    expect(
      (
        await call('POST', `/bids/${bidId}/scores`, {
          token: reviewer.token,
          body: { criterion: 'detection', score: 1 },
        })
      ).status,
    ).to.equal(403);
    expect(
      (
        await call('POST', `/tenders/${tender.id}/bids`, {
          token: reviewer.token,
          body: { lot: 1, priceCents: 1, technicalOffer: 'x' },
        })
      ).status,
    ).to.equal(403);
    expect(
      (
        await call('POST', `/tenders/${tender.id}/opening/unlock`, {
          token: reviewer.token,
          body: { secret: 'x'.repeat(12) },
        })
      ).status,
    ).to.equal(403);
    expect(
      (
        await call('POST', `/tenders/${tender.id}/evaluators`, {
          token: sel.officer.token,
          body: { userId: reviewer.id },
        })
      ).status,
    ).to.be.oneOf([400, 409]);
  });
});
