import { expect } from 'chai';
import { call } from '../support/api.js';
import { openTender } from '../support/procedure.js';

type Row = {
  id: string;
  reference: string;
  publishedAt: string;
  submissionDeadline: string;
  buyer: string | null;
};

/** The tender board's list: each tender's buyer and publication date, three orders, and pages that neither repeat nor skip. */
describe('board: buyer, publication date, order and pages', function () {
  this.timeout(300_000);
  const list = async (query: string) => {
    const res = await call('GET', `/tenders?${query}`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body as { items: Row[]; total: number };
  };

  before(async () => {
    // Two tenders at least, whatever ran before.
    await openTender();
    await openTender();
  });

  it('when the board is read, then each tender names the consortium it is bought for and when it was published, newest first', async () => {
    const { items } = await list('limit=100');
    expect(items.length).to.be.at.least(2);
    for (const r of items) {
      expect(r.buyer, r.reference)
        .to.be.a('string')
        .and.match(/^Consortium /);
      expect(Date.parse(r.publishedAt), r.reference).to.be.a('number').and.not.NaN;
    }
    const published = items.map((r) => Date.parse(r.publishedAt));
    expect(published).to.deep.equal([...published].sort((a, b) => b - a));
  });

  it('when another order is chosen, then the tenders come in it; pages of two cover the list once each', async () => {
    const byDeadline = (await list('sort=deadline&limit=100')).items.map((r) =>
      Date.parse(r.submissionDeadline),
    );
    expect(byDeadline).to.deep.equal([...byDeadline].sort((a, b) => a - b));
    const all = await list('sort=reference&limit=100');
    const references = all.items.map((r) => r.reference);
    expect(references).to.deep.equal([...references].sort());
    const paged: string[] = [];
    // The first hundred, two by two (other suites may have published more).
    for (let offset = 0; offset < all.items.length; offset += 2)
      paged.push(...(await list(`sort=reference&limit=2&offset=${offset}`)).items.map((r) => r.id));
    expect(paged).to.deep.equal(all.items.map((r) => r.id));
  });

  it('when the order is unknown, then the refusal names it', async () => {
    const bad = await call('GET', '/tenders?sort=price');
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['?sort']);
  });
});
