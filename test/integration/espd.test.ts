import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { Tender } from '../../server/tenders/tender.model.js';
import { answerForm, call, newOrganisation, newPerson, type Person, pdfOf } from '../support/api.js';
import { evaluateBids } from '../support/evaluation.js';
import { ESPD_EDM, espdErrors, eventually, mailTo } from '../support/harness.js';
import { pdfText } from '../support/pdf.js';
import {
  openBids,
  type PublishedTender,
  publishedTender,
  type SelectedExpression,
  selectedExpression,
  tenderBody,
  waitUntil,
} from '../support/procedure.js';

// The ESPD: the tender asks turnover, insurance and ISO/IEC 27001 besides the grounds of art. 57;
// vendors answer in the platform's terms or bring an ESPD made elsewhere; the answers are sealed
// with the bid; at the opening the evaluation sees each ground declared and each requirement unmet.

const ESPD = {
  exclusionGrounds: ['prof-misconduct'],
  selectionCriteria: [
    { code: 'gen-year-to', minimumCents: 200_000_000, years: 3 },
    { code: 'indem-insu', minimumCents: 100_000_000, description: 'Professional indemnity insurance' },
    { code: 'qu-certif-indep', description: 'ISO/IEC 27001 certification of the SOC service' },
  ],
};

const MANDATORY = [
  'crime-org',
  'corruption',
  'fraud',
  'terr-offence',
  'finan-laund',
  'human-traffic',
  'tax-pay',
  'socsec-pay',
];
const clean = Object.fromEntries([...MANDATORY, 'prof-misconduct'].map((c) => [c, { answer: false }]));
const meets = {
  'gen-year-to': { answer: true, amountCents: 450_000_000 },
  'indem-insu': { answer: true, amountCents: 200_000_000 },
  'qu-certif-indep': { answer: true, evidenceUrl: 'https://certificates.example.org/iso27001/42' },
};

const xmlOf = (r: { body: unknown }) => (Buffer.isBuffer(r.body) ? r.body.toString('utf8') : String(r.body));

async function expectValid(kind: 'request' | 'response', xml: string) {
  const errors = await espdErrors(kind, xml);
  if (errors) expect(errors, JSON.stringify(errors.slice(0, 5), null, 1)).to.deep.equal([]);
}

describe('ESPD: request, response, flags', function () {
  this.timeout(180_000);
  let tender: PublishedTender;
  let officer: Person;
  let sel: SelectedExpression;
  const vendors: Person[] = [];
  const bids: string[] = [];

  before(async () => {
    sel = await selectedExpression();
    officer = sel.officer;
    for (const name of ['Declares', 'Small', 'Clean', 'Fourth']) {
      const org = await newOrganisation('vendor', { name });
      vendors.push(await newPerson('vendor', org));
    }
    const refused = await call('POST', '/tenders', {
      token: officer.token,
      body: {
        ...tenderBody(sel.expressionId, {
          lots: [{ number: 1, title: 'SOC', estimatedValueCents: 300_000_000 }],
          questionsInMs: 4_000,
          submissionInMs: 12_000,
        }),
        espd: {
          exclusionGrounds: ['gen-year-to'],
          selectionCriteria: [
            { code: 'gen-year-to', years: 3 },
            { code: 'no-such-criterion' },
            { code: 'indem-insu', lots: [7], minimumCents: 1, description: 'x' },
          ],
        },
      },
    });
    expect(refused.status).to.equal(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).to.have.members([
      '/espd/exclusionGrounds/0',
      '/espd/selectionCriteria/0/minimumCents',
      '/espd/selectionCriteria/1/code',
      '/espd/selectionCriteria/2/lots',
    ]);
    expect(await Tender.countDocuments({ expressionId: sel.expressionId })).to.equal(0);
    tender = await publishedTender(
      officer,
      sel.expressionId,
      { id: sel.consortiumId, members: sel.members },
      {
        lots: [{ number: 1, title: 'SOC', estimatedValueCents: 300_000_000 }],
        questionsInMs: 4_000,
        submissionInMs: 12_000,
        espd: ESPD,
      },
    );
  });

  it('when the tender is published, then its ESPD request names every mandatory ground, the chosen ones and the selection criteria, and validates', async () => {
    const view = await call('GET', `/tenders/${tender.id}/espd-request?lang=nl`);
    expect(view.status).to.equal(200);
    const codes = view.body.criteria.map((c: { code: string }) => c.code);
    expect(codes).to.include.members([
      ...MANDATORY,
      'prof-misconduct',
      'gen-year-to',
      'indem-insu',
      'qu-certif-indep',
    ]);
    expect(codes).to.have.length(12);
    const byCode = (code: string) => view.body.criteria.find((c: { code: string }) => c.code === code);
    expect(byCode('gen-year-to')).to.deep.include({
      name: 'Algemene jaaromzet',
      section: 'economic',
      answerFields: { onYes: ['amountCents'], onNo: [], optional: ['evidenceUrl'] },
    });
    // A conviction declared asks its date, the vendor's words and the end of its exclusion.
    expect(byCode('crime-org').section).to.equal('convictions');
    expect(byCode('crime-org').answerFields.onYes).to.have.members(['date', 'description', 'until']);
    expect(byCode('qu-certif-indep').answerFields.onNo).to.deep.equal(['description']);
    const doc = await call('GET', `/tenders/${tender.id}/espd-request.xml`);
    expect(doc.status).to.equal(200);
    expect(xmlOf(doc)).to.contain('<cbc:MinimumAmount currencyID="EUR">2000000.00</cbc:MinimumAmount>');
    await expectValid('request', xmlOf(doc));
  });

  it('when an officer looks for criteria, then the taxonomy offers the discretionary grounds and the selection criteria it can set, in Dutch too', async () => {
    const all = await call('GET', '/espd/criteria');
    expect(all.status).to.equal(200);
    expect(all.body.mandatoryGrounds.map((g: { code: string }) => g.code)).to.deep.equal(MANDATORY);
    const codes = all.body.items.map((c: { code: string }) => c.code);
    expect(codes).to.include.members(['prof-misconduct', 'gen-year-to', 'indem-insu', 'qu-certif-indep']);
    expect(codes).not.to.include.members(['crime-org', 'finan-rat', 'sme']);
    const turnover = all.body.items.find((c: { code: string }) => c.code === 'gen-year-to');
    expect(turnover.requires).to.have.members(['minimumCents', 'years']);
    const found = await call('GET', '/espd/criteria?q=jaaromzet&lang=nl');
    expect(found.body.items.map((c: { code: string }) => c.code)).to.deep.equal([
      'gen-year-to',
      'aver-year-to',
      'spec-year-to',
    ]);
  });

  it('when a vendor brings the EU example ESPD response, then it is read into answers to the request', async () => {
    const example = readFileSync(path.join(ESPD_EDM, 'xml-examples', 'ESPD-Response.xml'), 'utf8');
    const read = await call('POST', `/tenders/${tender.id}/espd-response/import`, {
      token: vendors[0]?.token,
      raw: example,
      headers: { 'content-type': 'application/xml' },
    });
    expect(read.status).to.equal(200);
    expect(read.body.answers['crime-org']).to.include({
      answer: true,
      description: '[Reason provided by the EO]',
    });
    expect(read.body.answers['gen-year-to']).to.deep.equal({ answer: true, amountCents: 100_000_000_000 });
    // The example answers the tax grounds only as "available electronically": the vendor answers them itself.
    expect(read.body.unanswered).to.deep.equal(['tax-pay', 'socsec-pay']);
    const notXml = await call('POST', `/tenders/${tender.id}/espd-response/import`, {
      token: vendors[0]?.token,
      raw: '<Invoice/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(notXml.status).to.equal(400);
  });

  it('when a bid leaves a criterion unanswered or a declared ground without its details, then it is refused naming each', async () => {
    const { 'tax-pay': _taxes, ...withoutTaxes } = clean;
    const r = await call('POST', `/tenders/${tender.id}/bids`, {
      token: vendors[0]?.token,
      body: {
        lot: 1,
        priceCents: 100_000_000,
        technicalOffer: 'Offer',
        espd: { size: 'medium', answers: { ...withoutTaxes, 'prof-misconduct': { answer: true }, ...meets } },
      },
    });
    expect(r.status).to.equal(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).to.have.members([
      '/espd/answers/tax-pay',
      '/espd/answers/prof-misconduct/description',
    ]);
  });

  it('when a bid carries an ESPD made elsewhere as its espd part, then it is read into the bid’s answers, the bid part completing it', async () => {
    const example = readFileSync(path.join(ESPD_EDM, 'xml-examples', 'ESPD-Response.xml'));
    const form = new FormData();
    form.append(
      'bid',
      JSON.stringify({
        lot: 1,
        priceCents: 100_000_003,
        technicalOffer: 'Offer with an ESPD of the EU service',
        espd: {
          size: 'small',
          answers: {
            'tax-pay': { answer: false },
            'socsec-pay': { answer: false },
            'prof-misconduct': { answer: false },
          },
        },
      }),
    );
    form.append(
      'espd',
      new Blob([new Uint8Array(example)], { type: 'application/xml' }),
      'espd-response.xml',
    );
    const r = await call('POST', `/tenders/${tender.id}/bids`, { token: vendors[3]?.token, form });
    expect(r.status, JSON.stringify(r.body)).to.equal(201);
    const bad = new FormData();
    bad.append('bid', JSON.stringify({ lot: 1, priceCents: 1, technicalOffer: 'x' }));
    bad.append('espd', new Blob(['<Invoice/>'], { type: 'application/xml' }), 'espd.xml');
    const refused = await call('POST', `/tenders/${tender.id}/bids`, { token: vendors[3]?.token, form: bad });
    expect(refused.status).to.equal(400);
    expect(refused.body.errors[0].path).to.equal('/espd');
  });

  it('when the bids are in, then each ESPD is sealed until the opening, and then flagged against the request', async () => {
    const answers = [
      {
        ...clean,
        ...meets,
        'prof-misconduct': {
          answer: true,
          description: 'Penalty for a late SIEM rollout in 2023',
          selfCleaning: 'New delivery governance, audited in 2024',
        },
      },
      { ...clean, ...meets, 'gen-year-to': { answer: true, amountCents: 150_000_000 } },
      { ...clean, ...meets },
      { ...clean, ...meets },
    ];
    for (const [i, v] of vendors.entries()) {
      const r = await call('POST', `/tenders/${tender.id}/bids`, {
        token: v.token,
        body: {
          lot: 1,
          priceCents: 100_000_000 + i,
          technicalOffer: `Offer ${i}`,
          espd: { size: 'medium', answers: answers[i] },
        },
      });
      expect(r.status, JSON.stringify(r.body)).to.equal(201);
      bids.push(r.body.id);
    }
    // Sealed: not even the vendor's organisation keeps a readable copy before the opening.
    const notYet = await call('GET', `/organisations/${vendors[0]?.organisationId}/espd-answers`, {
      token: vendors[0]?.token,
    });
    expect(notYet.status).to.equal(404);
    const early = await call('GET', `/bids/${bids[0]}/espd-response`, { token: officer.token });
    expect(early.status).to.equal(403);
    expect(JSON.stringify(early.body)).not.to.contain('Penalty');
    const own = await call('GET', `/bids/${bids[0]}/espd-response.xml`, { token: vendors[0]?.token });
    expect(own.status).to.equal(409);

    await waitUntil(tender.submissionDeadline);
    await openBids(tender);
    const flagged = await call('GET', `/bids/${bids[0]}/espd-response?lang=nl`, { token: officer.token });
    expect(flagged.status).to.equal(200);
    expect(flagged.body.flags).to.deep.equal([
      {
        code: 'prof-misconduct',
        kind: 'exclusion',
        name: 'Ernstige beroepsfouten',
        flag: 'ground-declared',
        description: 'Penalty for a late SIEM rollout in 2023',
        selfCleaning: 'New delivery governance, audited in 2024',
      },
    ]);
    expect(flagged.body.suggestedChecks).to.deep.equal({ exclusion: 'fail', selection: 'pass' });
    const low = await call('GET', `/bids/${bids[1]}/espd-response`, { token: officer.token });
    expect(low.body.flags).to.deep.equal([
      {
        code: 'gen-year-to',
        kind: 'selection',
        name: 'General yearly turnover',
        flag: 'below-minimum',
        amountCents: 150_000_000,
        minimumCents: 200_000_000,
      },
    ]);
    // Once open, a bid's answers are its organisation's latest, to reuse; its own only.
    const latest = await call('GET', `/organisations/${vendors[0]?.organisationId}/espd-answers`, {
      token: vendors[0]?.token,
    });
    expect(latest.status).to.equal(200);
    expect(latest.body.answers['prof-misconduct']).to.include({ answer: true });
    const others = await call('GET', `/organisations/${vendors[0]?.organisationId}/espd-answers`, {
      token: vendors[1]?.token,
    });
    expect(others.status).to.equal(404);
    const fine = await call('GET', `/bids/${bids[2]}/espd-response`, { token: officer.token });
    expect(fine.body.flags).to.deep.equal([]);
    expect(fine.body.suggestedChecks).to.deep.equal({ exclusion: 'pass', selection: 'pass' });
    for (const id of bids) {
      const doc = await call('GET', `/bids/${id}/espd-response.xml`, { token: officer.token });
      expect(doc.status).to.equal(200);
      await expectValid('response', xmlOf(doc));
    }
  });

  it('when the first-ranked bid is known, then its award waits for accepted evidence; evidence missing or refused excludes it and the lot goes to the next with that justification', async () => {
    const [declares, small, first, second] = bids as [string, string, string, string];
    const unexplained = await call('POST', `/bids/${small}/checks`, {
      token: officer.token,
      body: { exclusion: 'pass', selection: 'pass' },
    });
    expect(unexplained.status).to.equal(400);
    expect(unexplained.body.errors[0].path).to.equal('/reason');
    const table = await evaluateBids(sel, tender.id, [
      { id: declares, score: 0, excluded: true },
      { id: small, score: 7, reason: 'Its turnover of the last year alone meets the minimum; accepted.' },
      { id: first, score: 9 },
      { id: second, score: 8 },
    ]);
    const rankOf = (t: typeof table, id: string) =>
      t.lots[0].bids.find((b: { bidId: string }) => b.bidId === id)?.rank;
    expect(rankOf(table, first)).to.equal(1);
    // The report names what each ESPD declared, by the criterion's name, in the vendor's words.
    const report = await call('GET', `/tenders/${tender.id}/report.pdf`, { token: officer.token });
    const text = (await pdfText(report.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).to.contain('Guilty of grave professional misconduct: ground declared');
    expect(text).to.contain('General yearly turnover: 1500000 EUR is below the minimum of 2000000 EUR');
    const ask = (bidId: string, dueAt?: string) =>
      call('POST', `/tenders/${tender.id}/requests`, {
        token: officer.token,
        body: {
          bidId,
          kind: 'evidence',
          text: 'Send your ISO/IEC 27001 certificate and turnover statements.',
          ...(dueAt ? { dueAt } : {}),
        },
      });
    expect((await ask(small)).body.type).to.equal('urn:problem:not-first-ranked');
    const early = await call('POST', `/tenders/${tender.id}/awards`, {
      token: officer.token,
      body: { lot: 1, bidId: first },
    });
    expect(early.status).to.equal(409);
    expect(early.body.type).to.equal('urn:problem:evidence-required');

    // The first-ranked vendor lets its deadline pass: its bid is excluded and the next comes first.
    const lapsed = await ask(first, new Date(Date.now() + 3_000).toISOString());
    expect(lapsed.status, JSON.stringify(lapsed.body)).to.equal(201);
    expect(lapsed.body.criteria).to.include.members(['gen-year-to', 'qu-certif-indep']);
    const asked = await eventually(() =>
      mailTo(vendors[2]?.email ?? '').find((m) => m.parsed.subject?.includes('A request about your bid')),
    );
    expect(asked.parsed.text).to.contain('Send your ISO/IEC 27001 certificate');
    await eventually(async () => {
      const t = await call('GET', `/tenders/${tender.id}/evaluation`, { token: officer.token });
      return rankOf(t.body, second) === 1 && t.body;
    }, 30_000);
    const late = await call('POST', `/requests/${lapsed.body.id}/answer`, {
      token: vendors[2]?.token,
      body: { text: 'Here it is.' },
    });
    expect(late.status).to.equal(409);

    // The next one answers, and the officer refuses the evidence with a reason.
    const second1 = await ask(second);
    expect(second1.status).to.equal(201);
    const foreign = await call('POST', `/requests/${second1.body.id}/answer`, {
      token: vendors[1]?.token,
      body: { text: 'Not mine.' },
    });
    expect(foreign.status).to.equal(404);
    const answer = {
      text: 'Our certificate.',
      evidenceUrls: ['https://certificates.example.org/iso27001/7'],
    };
    // A file of a type no answer carries is refused, and the request stays open.
    const wrongType = await call('POST', `/requests/${second1.body.id}/answer`, {
      token: vendors[3]?.token,
      form: answerForm(answer, [{ filename: 'tool.exe', bytes: Buffer.from('MZ\x90\x00binary') }]),
    });
    expect(wrongType.status).to.equal(415);
    expect(
      (await call('GET', `/requests/${second1.body.id}`, { token: officer.token })).body.status,
    ).to.equal('open');
    const certificate = pdfOf(3_000, 'iso');
    const answered = await call('POST', `/requests/${second1.body.id}/answer`, {
      token: vendors[3]?.token,
      form: answerForm(answer, [{ filename: 'iso27001.pdf', bytes: certificate }]),
    });
    expect(answered.status, JSON.stringify(answered.body)).to.equal(200);
    expect(answered.body.status).to.equal('answered');
    const [doc] = answered.body.answer.documents;
    expect(doc).to.include({ filename: 'iso27001.pdf', contentType: 'application/pdf', size: 3_000 });
    const read = await call('GET', doc.url, { token: officer.token });
    expect(read.status).to.equal(200);
    expect(Buffer.compare(read.body, certificate)).to.equal(0);
    expect(read.headers.get('x-content-sha256')).to.equal(doc.sha256);
    // Another bidder cannot even see that the document exists.
    expect((await call('GET', doc.url, { token: vendors[1]?.token })).status).to.equal(404);
    expect(
      (
        await call('POST', `/requests/${second1.body.id}/decision`, {
          token: officer.token,
          body: { accepted: false },
        })
      ).status,
    ).to.equal(400);
    const refused = await call('POST', `/requests/${second1.body.id}/decision`, {
      token: officer.token,
      body: { accepted: false, reason: 'The certificate expired in 2025.' },
    });
    expect(refused.body.status).to.equal('refused');
    await eventually(async () => {
      const t = await call('GET', `/tenders/${tender.id}/evaluation`, { token: officer.token });
      return rankOf(t.body, small) === 1 && t.body;
    }, 30_000);

    // The third proves it; the award carries why the lot does not go to the two before it.
    const third = await ask(small);
    await call('POST', `/requests/${third.body.id}/answer`, {
      token: vendors[1]?.token,
      body: { text: 'Certificates attached at the address.' },
    });
    expect(
      (
        await call('POST', `/requests/${third.body.id}/decision`, {
          token: officer.token,
          body: { accepted: true },
        })
      ).body.status,
    ).to.equal('accepted');
    const awarded = await call('POST', `/tenders/${tender.id}/awards`, {
      token: officer.token,
      body: { lot: 1, bidId: small },
    });
    expect(awarded.status, JSON.stringify(awarded.body)).to.equal(201);
    expect(awarded.body.award.justification)
      .to.contain('was not given by')
      .and.to.contain('The certificate expired in 2025.');
    const listed = await call('GET', `/tenders/${tender.id}/requests`, { token: vendors[3]?.token });
    expect(listed.body.items.map((r: { status: string }) => r.status)).to.deep.equal(['refused']);
    const all = await call('GET', `/tenders/${tender.id}/requests`, { token: officer.token });
    expect(all.body.items.map((r: { status: string }) => r.status)).to.deep.equal([
      'expired',
      'refused',
      'accepted',
    ]);
  });
});
