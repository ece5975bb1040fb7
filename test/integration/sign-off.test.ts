import { expect } from 'chai';
import { Bid } from '../../server/bids/bid.model.js';
import { bidForm, call, newOrganisation, newPerson, type Person, pdfOf } from '../support/api.js';
import { eventually } from '../support/harness.js';
import {
  forceTender,
  offerOf,
  openBids,
  type PublishedTender,
  publishedTender,
  type SelectedExpression,
  selectedExpression,
} from '../support/procedure.js';

const CRITERIA = [
  { key: 'detection', title: 'Detection', weight: 2, maxScore: 10, threshold: 5 },
  { key: 'support', title: 'Support', weight: 1, maxScore: 10, threshold: 5 },
];

/**
 * Two envelopes: evaluators score quality without the prices, one form per bid saved together,
 * and sign their scores off as final; the sign-off locks the scores and opens the prices to that
 * evaluator, unless the tender keeps them from evaluators for good. Every door is tried: the bid
 * list, one bid, the price envelope's document, the evaluation and the report.
 */
describe('scoring: prices hidden until an evaluator signs their scores off', function () {
  this.timeout(300_000);
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let officer: Person;
  let first: Person;
  let second: Person;
  const bids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  let priceDocId = '';
  let offerDocId = '';
  const get = (path: string, p: Person) => call('GET', path, { token: p.token });
  const scores = (p: Person, bidId: string, body: object) =>
    call('PUT', `/bids/${bidId}/scores`, { token: p.token, body });
  // A technical offer that does not repeat its price (the offers' prices are looked for below).
  const offer = (priceCents: number) => ({ ...offerOf(1, priceCents), technicalOffer: 'A managed SIEM.' });
  const both = (detection: number, support: number) => ({
    scores: [
      { criterion: 'detection', score: detection, comment: 'Broad coverage' },
      { criterion: 'support', score: support },
    ],
  });

  before(async () => {
    sel = await selectedExpression();
    officer = sel.officer;
    [first, second] = sel.evaluators as [Person, Person];
    tender = await publishedTender(
      officer,
      sel.expressionId,
      { id: sel.consortiumId, members: sel.members },
      {
        lots: [{ number: 1, title: 'SIEM', estimatedValueCents: 1_000_000_00 }],
        questionsInMs: 10_000,
        submissionInMs: 20_000,
        criteria: CRITERIA,
      },
    );
    const vendors = await Promise.all(
      [0, 1, 2].map(async () => newPerson('vendor', await newOrganisation('vendor'))),
    );
    const a = await call('POST', `/tenders/${tender.id}/bids`, {
      token: (vendors[0] as Person).token,
      form: bidForm(offer(800_000_00), [
        { filename: 'technical-offer.pdf', bytes: pdfOf(2_000, 'offer') },
        { filename: 'price-schedule.pdf', bytes: pdfOf(1_500, 'price'), part: 'priceDocuments' },
      ]),
    });
    expect(a.status, JSON.stringify(a.body)).to.equal(201);
    // The receipt tells the vendor which file went into the price envelope.
    expect(a.body.documents.map((d: { filename: string; envelope?: string }) => d.envelope)).to.deep.equal([
      undefined,
      'price',
    ]);
    [offerDocId, priceDocId] = a.body.documents.map((d: { id: string }) => d.id);
    bids.a = a.body.id;
    for (const [key, vendor, price] of [
      ['b', vendors[1], 900_000_00],
      ['c', vendors[2], 100_000_00],
    ] as const) {
      const r = await call('POST', `/tenders/${tender.id}/bids`, {
        token: (vendor as Person).token,
        body: offer(price),
      });
      expect(r.status).to.equal(201);
      bids[key] = r.body.id;
    }
    await openBids(tender);
    for (const e of sel.evaluators) {
      await call('POST', `/tenders/${tender.id}/evaluators`, {
        token: officer.token,
        body: { userId: e.id },
      });
      await call('POST', `/tenders/${tender.id}/coi`, { token: e.token, body: { conflict: false } });
    }
    for (const [id, exclusion] of [
      [bids.a, 'pass'],
      [bids.b, 'pass'],
      [bids.c, 'fail'],
    ])
      await call('POST', `/bids/${id}/checks`, {
        token: officer.token,
        body: { exclusion, selection: 'pass', ...(exclusion === 'fail' ? { reason: 'Art. 57(4)(c)' } : {}) },
      });
  });

  it('when an evaluator reads the bids before signing off, then no door shows a price; the officer sees them all', async () => {
    const list = await get(`/tenders/${tender.id}/bids`, first);
    expect(list.status).to.equal(200);
    expect(list.body).to.include({ priceHidden: true, scoresFinalAt: null });
    const a = list.body.items.find((b: { id: string }) => b.id === bids.a);
    expect(a.content).to.not.have.property('priceCents');
    expect(a.content.priceHidden).to.equal(true);
    expect(a.content.documents.map((d: { id: string }) => d.id)).to.deep.equal([offerDocId]);
    expect(JSON.stringify(list.body)).to.not.match(/80000000|90000000|10000000/);
    const one = await get(`/bids/${bids.a}`, first);
    expect(one.body.content).to.not.have.property('priceCents');
    const price = await get(`/bids/${bids.a}/documents/${priceDocId}`, first);
    expect(price.status).to.equal(409);
    expect(price.body.type).to.equal('urn:problem:price-hidden');
    expect((await get(`/bids/${bids.a}/documents/${offerDocId}`, first)).status).to.equal(200);
    const report = await get(`/tenders/${tender.id}/report.pdf`, first);
    expect(report.status).to.equal(409);
    expect(report.body.type).to.equal('urn:problem:price-hidden');
    // The officer's view is whole.
    const officers = await get(`/tenders/${tender.id}/bids`, officer);
    expect(officers.body).to.not.have.property('priceHidden');
    expect(officers.body.items.find((b: { id: string }) => b.id === bids.a).content).to.include({
      priceCents: 800_000_00,
    });
    expect((await get(`/bids/${bids.a}/documents/${priceDocId}`, officer)).status).to.equal(200);
  });

  it('when an evaluator saves a bid’s form, then its scores are stored together; a bad one refuses them all, naming each field', async () => {
    const bad = await scores(first, bids.a, {
      scores: [
        { criterion: 'detection', score: 11 },
        { criterion: 'detection', score: 5 },
        { criterion: 'price', score: 5 },
      ],
    });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).to.deep.equal([
      '/scores/0/score',
      '/scores/1/criterion',
      '/scores/2/criterion',
    ]);
    expect((await Bid.findById(bids.a).lean())?.scores).to.deep.equal([]);
    const saved = await scores(first, bids.a, both(8, 6));
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(
      saved.body.scores.map((s: { criterion: string; score: number }) => [s.criterion, s.score]),
    ).to.deep.equal([
      ['detection', 8],
      ['support', 6],
    ]);
    const excluded = await scores(first, bids.c, both(8, 6));
    expect(excluded.status).to.equal(409);
  });

  it('when an evaluator signs off with a score missing, then each is named; once final, the scores lock and the prices show', async () => {
    const early = await call('POST', `/tenders/${tender.id}/sign-off`, { token: first.token });
    expect(early.status).to.equal(409);
    expect(early.body.type).to.equal('urn:problem:scores-missing');
    // The excluded bid owes nothing; the second admissible bid owes both criteria.
    expect(early.body.errors.map((e: { path: string }) => e.path)).to.deep.equal([
      `/bids/${bids.b}/scores/detection`,
      `/bids/${bids.b}/scores/support`,
    ]);
    expect((await scores(first, bids.b, both(6, 7))).status).to.equal(200);
    const done = await call('POST', `/tenders/${tender.id}/sign-off`, { token: first.token });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    expect(done.body.pricesShown).to.equal(true);
    const again = await scores(first, bids.a, both(9, 9));
    expect(again.status).to.equal(409);
    expect(again.body.type).to.equal('urn:problem:scores-final');
    expect(
      (
        await call('POST', `/bids/${bids.a}/scores`, {
          token: first.token,
          body: { criterion: 'support', score: 1 },
        })
      ).status,
    ).to.equal(409);
    expect((await call('POST', `/tenders/${tender.id}/sign-off`, { token: first.token })).status).to.equal(
      409,
    );
    const list = await get(`/tenders/${tender.id}/bids`, first);
    expect(list.body.priceHidden).to.equal(false);
    expect(list.body.items.find((b: { id: string }) => b.id === bids.a).content.priceCents).to.equal(
      800_000_00,
    );
    expect((await get(`/bids/${bids.a}/documents/${priceDocId}`, first)).status).to.equal(200);
    const home = await get('/me/home', first);
    const task = home.body.evaluations.tenders.find((t: { tenderId: string }) => t.tenderId === tender.id);
    expect(task.scoring).to.include({ bids: 2, excluded: 1, given: 4, needed: 4, final: true });
    // The other evaluator has not signed off: still no price.
    expect((await get(`/tenders/${tender.id}/bids`, second)).body.priceHidden).to.equal(true);
  });

  it('when the evaluation is computed, then an evaluator not signed off reads quality only, in quality order; “never” keeps prices from all evaluators', async () => {
    for (const e of sel.evaluators.slice(1)) {
      expect((await scores(e, bids.a, both(5, 5))).status).to.equal(200);
      expect((await scores(e, bids.b, both(9, 9))).status).to.equal(200);
    }
    const requested = await call('POST', `/tenders/${tender.id}/evaluation`, { token: officer.token });
    expect(requested.status).to.equal(202);
    const officers = await eventually(async () => {
      const r = await get(`/tenders/${tender.id}/evaluation`, officer);
      return r.status === 200 && r.body;
    });
    expect(officers.lots[0].bids.map((b: { rank: number | null }) => b.rank)).to.deep.equal([1, 2, null]);
    const hidden = (await get(`/tenders/${tender.id}/evaluation`, second)).body;
    expect(hidden.priceHidden).to.equal(true);
    const rows = hidden.lots[0].bids;
    expect(JSON.stringify(hidden)).to.not.match(/priceCents|"rank"|"total"|abnormallyLow|"price"/);
    const quality = rows.map((b: { quality: number | null }) => b.quality);
    expect(quality.slice(0, 2)).to.deep.equal([...quality.slice(0, 2)].sort((x: number, y: number) => y - x));
    expect(rows.at(-1).flags.excluded).to.equal(true);
    const shown = (await get(`/tenders/${tender.id}/evaluation`, first)).body;
    expect(shown).to.not.have.property('priceHidden');
    expect(shown.lots[0].bids[0]).to.have.property('rank', 1);
    expect((await get(`/tenders/${tender.id}/report.pdf`, first)).status).to.equal(200);

    await forceTender(tender.id, { 'award.priceToEvaluators': 'never' });
    const never = await get(`/tenders/${tender.id}/bids`, first);
    expect(never.body.priceHidden).to.equal(true);
    expect(never.body.items[0].content).to.not.have.property('priceCents');
    const report = await get(`/tenders/${tender.id}/report.pdf`, first);
    expect(report.status).to.equal(403);
    expect(report.body.detail).to.match(/keeps prices from evaluators/);
    expect((await get(`/tenders/${tender.id}/evaluation`, first)).body.priceHidden).to.equal(true);
  });
});
