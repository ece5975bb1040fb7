import { expect } from 'chai';
import { Bid } from '../../server/bids/bid.model.js';
import { sha256 } from '../../server/digest.js';
import { call, documentForm, newOrganisation, newPerson, type Person, pdfOf, steps } from '../support/api.js';
import { eventually, mailTo, noticeErrors } from '../support/harness.js';
import { ocdsErrors } from '../support/ocds.js';
import {
  approveTender,
  openBids,
  openingCommittee,
  type PublishedTender,
  type SelectedExpression,
  SIEM_AND_NDR,
  selectedExpression,
  tenderBody,
  waitUntil,
} from '../support/procedure.js';

// A tender that changes while open (Directive 2014/24 arts. 47(3), 53): its documents public from
// publication with their versions, an amendment approved by the consortium that moves the deadline
// by the rule, bids that must be confirmed after it, and an answer given late that extends the
// deadline. The suite runs with MIN_PERIOD_AFTER_CHANGE = PT30S and MIN_ANSWER_LEAD = PT4S.

const lots = SIEM_AND_NDR;

describe('Changes to a published tender: documents, amendments, confirmations, late answers', function () {
  this.timeout(240_000);
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let vendors: Person[];
  let specId: string;
  const spec1 = pdfOf(4000, 'spec-1');
  const spec2 = pdfOf(5000, 'spec-2');
  const bids: Record<string, string> = {};
  let questionId: string;
  let amendmentId: string;

  const upload = (token: string | undefined, document: object, bytes = spec1, name = 'specifications.pdf') =>
    call('POST', `/tenders/${tender.id}/documents`, { token, form: documentForm(document, { name, bytes }) });

  before(async () => {
    sel = await selectedExpression();
    const committee = await openingCommittee(sel.officer);
    const draft = await call('POST', '/tenders', {
      token: sel.officer.token,
      body: tenderBody(sel.expressionId, { lots, questionsInMs: 12_000, submissionInMs: 25_000 }),
    });
    tender = {
      id: draft.body.id,
      submissionDeadline: draft.body.submissionDeadline,
      openingCommittee: committee,
    };
    await steps.seatOpeningCommittee(sel.officer, tender.id, committee);
    const added = await upload(sel.officer.token, { title: 'Technical specifications' });
    expect(added.status, JSON.stringify(added.body)).to.equal(201);
    specId = added.body.id;
    await approveTender(sel.consortiumId, tender.id, sel.members);
    const published = await call('POST', `/tenders/${tender.id}/publish`, { token: sel.officer.token });
    expect(published.status, JSON.stringify(published.body)).to.equal(200);
    vendors = [
      await newPerson('vendor', await newOrganisation('vendor', { country: 'FR' })),
      await newPerson('vendor', await newOrganisation('vendor', { country: 'NL' }), 'nl'),
    ];
    const [a, b] = vendors as [Person, Person];
    bids.a1 = (
      await steps.submitBid(a, tender.id, { lot: 1, priceCents: 120_000_000, technicalOffer: 'A' })
    ).id;
    bids.b2 = (
      await steps.submitBid(b, tender.id, { lot: 2, priceCents: 70_000_000, technicalOffer: 'B' })
    ).id;
    questionId = (
      await call('POST', `/tenders/${tender.id}/questions`, {
        token: b.token,
        body: { text: 'Is on-premises required?' },
      })
    ).body.id;
  });

  it('when the tender is published, then anyone downloads its documents with their SHA-256; a file of another type or from a vendor is refused', async () => {
    const list = await call('GET', `/tenders/${tender.id}/documents`);
    expect(list.status).to.equal(200);
    expect(list.body.items).to.have.length(1);
    const [doc] = list.body.items;
    expect(doc).to.include({ id: specId, title: 'Technical specifications', latest: 1 });
    expect(doc.versions[0]).to.include({ version: 1, sha256: sha256(spec1), size: spec1.length });
    expect(doc.versions[0].datePublished).to.be.a('string');
    const file = await call('GET', `/tenders/${tender.id}/documents/${specId}`);
    expect(file.status).to.equal(200);
    expect(file.headers.get('x-content-sha256')).to.equal(sha256(spec1));
    expect(sha256(file.body as Buffer)).to.equal(sha256(spec1));
    expect((await upload((vendors[0] as Person).token, { title: 'Mine' })).status).to.equal(403);
    const script = await upload(
      sel.officer.token,
      { title: 'Script' },
      Buffer.from('#!/bin/sh\necho hi\n'),
      'x.pdf',
    );
    expect(script.status).to.equal(415);
    expect(script.body.errors[0].path).to.equal('/file');
    const bad = await upload(sel.officer.token, { title: '', replaces: 'nope' });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).to.include.members([
      '/document/title',
      '/document/replaces',
    ]);
    expect((await call('GET', `/tenders/${tender.id}/documents`)).body.items[0].versions).to.have.length(1);
  });

  it('when an officer uploads a new version after publication, then it stays unpublished until an amendment', async () => {
    const v2 = await upload(
      sel.officer.token,
      { title: 'Technical specifications', replaces: specId },
      spec2,
    );
    expect(v2.status, JSON.stringify(v2.body)).to.equal(201);
    expect(
      v2.body.versions.map((v: { version: number; datePublished: string | null }) => [
        v.version,
        Boolean(v.datePublished),
      ]),
    ).to.deep.equal([
      [1, true],
      [2, false],
    ]);
    const seen = (await call('GET', `/tenders/${tender.id}/documents`)).body.items[0];
    expect(seen.versions).to.have.length(1);
    expect((await call('GET', `/tenders/${tender.id}/documents/${specId}?version=2`)).status).to.equal(404);
    // The consortium's representatives read what they are asked to approve.
    const rep = (sel.members[0] as Person).token;
    const theirs = (await call('GET', `/tenders/${tender.id}/documents`, { token: rep })).body.items[0];
    expect(theirs.versions).to.have.length(2);
    const v2file = await call('GET', `/tenders/${tender.id}/documents/${specId}?version=2`, { token: rep });
    expect(sha256(v2file.body as Buffer)).to.equal(sha256(spec2));
  });

  const propose = (body: object) =>
    call('POST', `/tenders/${tender.id}/amendments`, { token: sel.officer.token, body });
  const changedLots = lots.map((l) =>
    l.number === 1 ? { ...l, description: 'SIEM with 2 TB/day ingestion' } : l,
  );
  const reason = { code: 'cor-buy', text: 'The daily ingestion volume of lot 1 was wrong.' };

  it('when an amendment shortens the deadline, or leaves less than the minimum period after a significant change, then it is refused naming the earliest deadline', async () => {
    const t = (await call('GET', `/tenders/${tender.id}`)).body;
    const shorter = await propose({
      changes: {
        submissionDeadline: new Date(new Date(t.submissionDeadline).getTime() - 1000).toISOString(),
      },
      reason,
    });
    expect(shorter.status).to.equal(409);
    expect(shorter.body.type).to.equal('urn:problem:deadline-shortened');
    const tooSoon = await propose({ changes: { lots: changedLots }, documents: [specId], reason });
    expect(tooSoon.status).to.equal(409);
    expect(tooSoon.body.type).to.equal('urn:problem:period-after-change');
    expect(tooSoon.body.detail).to.match(/earliest allowed deadline is \d{4}-\d\d-\d\dT/);
    const nothing = await propose({ changes: { title: t.title }, reason });
    expect(nothing.status).to.equal(400);
    const removed = await propose({ changes: { lots: [lots[0]] }, reason });
    expect(removed.status).to.equal(400);
    expect(removed.body.errors[0].message).to.include('must keep lot 2');
    const wrongCode = await propose({ changes: { title: 'x' }, reason: { code: 'cancel', text: 'x' } });
    expect(wrongCode.status).to.equal(400);
    expect(
      (await call('GET', `/tenders/${tender.id}/amendments`, { token: sel.officer.token })).body.items,
    ).to.deep.equal([]);
  });

  it('when a significant amendment is published without the consortium’s resolution, then it is refused; with it, it is the tender’s version 2 and its history is public', async () => {
    const deadline = new Date(Date.now() + 33_000).toISOString();
    const proposed = await propose({
      changes: { lots: changedLots, submissionDeadline: deadline },
      documents: [specId],
      reason,
    });
    expect(proposed.status, JSON.stringify(proposed.body)).to.equal(201);
    amendmentId = proposed.body.id;
    expect(proposed.body).to.include({ status: 'proposed', significant: true, needsResolution: true });
    expect(proposed.body.lots).to.deep.equal([1, 2]);
    const early = await call('POST', `/tenders/${tender.id}/amendments/${amendmentId}/publish`, {
      token: sel.officer.token,
    });
    expect(early.status).to.equal(409);
    expect(early.body.type).to.equal('urn:problem:not-approved');
    expect((await call('GET', `/tenders/${tender.id}`)).body.version).to.equal(1);
    await steps.approve(sel.consortiumId, sel.members, {
      subject: 'Approve the correction of lot 1',
      amendmentId,
    });
    const done = await call('POST', `/tenders/${tender.id}/amendments/${amendmentId}/publish`, {
      token: sel.officer.token,
    });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    expect(done.body).to.include({ status: 'published', version: 2 });
    const t = (await call('GET', `/tenders/${tender.id}`)).body;
    expect(t.version).to.equal(2);
    expect(t.submissionDeadline).to.equal(deadline);
    expect(new Date(t.openingAt).getTime()).to.be.at.least(new Date(deadline).getTime());
    expect(t.lots[0].description).to.equal('SIEM with 2 TB/day ingestion');
    const history = (await call('GET', `/tenders/${tender.id}/amendments`)).body;
    expect(history.items).to.have.length(1);
    const fields = history.items[0].changes.map((c: { field: string }) => c.field);
    expect(fields).to.include.members(['lots', 'submissionDeadline', 'openingAt']);
    expect(history.items[0].documents[0]).to.include({ id: specId, version: 2, sha256: sha256(spec2) });
    const docs = (await call('GET', `/tenders/${tender.id}/documents`)).body.items[0];
    expect(docs.versions.map((v: { version: number }) => v.version)).to.deep.equal([1, 2]);
    const old = await call('GET', `/tenders/${tender.id}/documents/${specId}?version=1`);
    expect(sha256(old.body as Buffer)).to.equal(sha256(spec1));
  });

  it('then every bid on a touched lot needs its vendor’s confirmation, the vendors are told in their language, and officers see counts only', async () => {
    const [a, b] = vendors as [Person, Person];
    const own = (await call('GET', `/bids/${bids.a1}`, { token: a.token })).body;
    expect(own.needsConfirmation).to.equal(true);
    expect(own.changedAt).to.be.a('string');
    const mailA = await eventually(() =>
      mailTo(a.email).find((m) => m.parsed.subject?.includes('is amended')),
    );
    expect(mailA.parsed.text).to.include('will not be opened unless you confirm it');
    expect(mailA.parsed.text).to.include('daily ingestion');
    const mailB = await eventually(() =>
      mailTo(b.email).find((m) => m.parsed.subject?.includes('is gewijzigd')),
    );
    expect(mailB.parsed.text).to.include('Inschrijving bevestigen');
    const counts = (await call('GET', `/tenders/${tender.id}/bids`, { token: sel.officer.token })).body;
    expect(counts.sealed).to.equal(true);
    expect(counts.lots).to.deep.equal([
      { lot: 1, bids: 1, awaitingConfirmation: 1 },
      { lot: 2, bids: 1, awaitingConfirmation: 1 },
    ]);
    expect(JSON.stringify(counts)).to.not.include(a.organisationId);
    const confirmed = await call('POST', `/bids/${bids.a1}/confirm`, { token: a.token });
    expect(confirmed.status, JSON.stringify(confirmed.body)).to.equal(200);
    expect(confirmed.body.needsConfirmation).to.equal(false);
    expect((await call('POST', `/bids/${bids.a1}/confirm`, { token: a.token })).status).to.equal(409);
    expect((await call('POST', `/bids/${bids.b2}/confirm`, { token: a.token })).status).to.equal(404);
  });

  it('when an answer comes less than MIN_ANSWER_LEAD before the deadline, then it is refused without a later deadline, and with one it is published as a date-only amendment', async () => {
    const t = (await call('GET', `/tenders/${tender.id}`)).body;
    await waitUntil(new Date(new Date(t.submissionDeadline).getTime() - 3_000).toISOString());
    const answer = (body: object) =>
      call('POST', `/tenders/${tender.id}/questions/${questionId}/answer`, {
        token: sel.officer.token,
        body,
      });
    const refused = await answer({ text: 'No, hosted is fine.' });
    expect(refused.status).to.equal(409);
    expect(refused.body.type).to.equal('urn:problem:answer-too-late');
    expect(refused.body.errors[0].path).to.equal('/submissionDeadline');
    const later = new Date(Date.now() + 6_000).toISOString();
    const answered = await answer({ text: 'No, hosted is fine.', submissionDeadline: later });
    expect(answered.status, JSON.stringify(answered.body)).to.equal(200);
    const now = (await call('GET', `/tenders/${tender.id}`)).body;
    expect(now).to.include({ version: 3, submissionDeadline: later });
    const history = (await call('GET', `/tenders/${tender.id}/amendments`)).body.items;
    expect(history[1]).to.include({ version: 3, significant: false, source: 'answer' });
    expect(history[1].reason.code).to.equal('update-add');
    tender.submissionDeadline = later;
  });

  it('when the bids are opened, then the unconfirmed bid stays sealed and its vendor is told, the confirmed one is opened', async () => {
    await waitUntil(tender.submissionDeadline);
    await openBids(tender);
    const opened = await eventually(async () => (await Bid.findById(bids.a1).lean())?.opened);
    expect(opened).to.not.equal(null);
    expect((await Bid.findById(bids.b2).lean())?.opened ?? null).to.equal(null);
    const record = (await call('GET', `/tenders/${tender.id}`, { token: sel.officer.token })).body.opening;
    expect(record.unconfirmed).to.deep.equal([bids.b2]);
    expect(record.bids).to.deep.equal([
      { lot: 1, count: 1 },
      { lot: 2, count: 0 },
    ]);
    const told = await eventually(() =>
      mailTo((vendors[1] as Person).email).find((m) => m.parsed.subject?.includes('niet geopend')),
    );
    expect(told.parsed.text).to.include('perceel 2');
  });

  it('then the open data lists both amendments and every document version, valid against the OCDS schema, and the change notice is valid eForms', async () => {
    const pkg = (await call('GET', `/tenders/${tender.id}/ocds`)).body;
    expect(ocdsErrors(pkg)).to.deep.equal([]);
    const release = pkg.releases.at(-1);
    expect(release.tag).to.include('tenderAmendment');
    expect(release.tender.amendments.map((a: { releaseID: string }) => a.releaseID)).to.deep.equal([
      `${tender.id}-v2`,
      `${tender.id}-v3`,
    ]);
    expect(release.tender.amendments[0]).to.include({ id: amendmentId, amendsReleaseID: `${tender.id}-v1` });
    expect(release.tender.documents.map((d: { id: string }) => d.id)).to.deep.equal([
      `${specId}-v1`,
      `${specId}-v2`,
    ]);
    expect(pkg.releases.filter((r: { tag: string[] }) => r.tag.includes('tenderAmendment'))).to.have.length(
      3,
    );
    const notices = (await call('GET', `/tenders/${tender.id}/eforms`, { token: sel.officer.token })).body
      .items;
    const changes = notices.filter((n: { kind: string }) => n.kind === 'change');
    expect(changes).to.have.length(2);
    const xml = (
      (await call('GET', `/tenders/${tender.id}/eforms/${changes[0].noticeId}`, { token: sel.officer.token }))
        .body as Buffer
    ).toString();
    expect(xml).to.include('<cbc:ReasonCode listName="change-corrig-justification">cor-buy</cbc:ReasonCode>');
    expect(xml).to.include(
      '<efbc:ProcurementDocumentsChangeIndicator>true</efbc:ProcurementDocumentsChangeIndicator>',
    );
    const errors = await noticeErrors('16', xml);
    if (errors) expect(errors, JSON.stringify(errors, null, 1)).to.deep.equal([]);
  });
});
