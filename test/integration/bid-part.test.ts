import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { Bid } from '../../server/bids/bid.model.js';
import { call, newOrganisation, newPerson, type Person, pdfOf } from '../support/api.js';
import { offerOf, openTender, type PublishedTender } from '../support/procedure.js';

/** A multipart body byte for byte as `curl -F 'bid=@bid.json;type=…' -F 'documents=@offer.pdf'` builds it. */
function curlBody(bid: Buffer, bidType: string | undefined, pdf: Buffer) {
  const boundary = `------------------------${randomBytes(11).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="bid"; filename="bid.json"\r\n` +
        (bidType ? `Content-Type: ${bidType}\r\n` : '') +
        '\r\n',
    ),
    bid,
    Buffer.from(
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename="offer.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

describe('the bid part as HTTP clients send it', function () {
  this.timeout(120_000);
  let tender: PublishedTender;
  let vendor: Person;

  before(async () => {
    ({ tender } = await openTender());
    vendor = await newPerson('vendor', await newOrganisation('vendor'));
  });

  const post = (form: FormData | { body: Buffer; type: string }) =>
    form instanceof FormData
      ? call('POST', `/tenders/${tender.id}/bids`, { token: vendor.token, form })
      : call('POST', `/tenders/${tender.id}/bids`, {
          token: vendor.token,
          raw: form.body,
          headers: { 'content-type': form.type },
        });

  it('when a browser’s FormData carries the bid as a Blob of type application/json, then the bid is received with its document', async () => {
    const form = new FormData();
    form.append(
      'bid',
      new Blob([JSON.stringify(offerOf(1, 1_500_000))], { type: 'application/json' }),
      'bid.json',
    );
    form.append(
      'documents',
      new Blob([new Uint8Array(pdfOf(4_000))], { type: 'application/pdf' }),
      'offer.pdf',
    );
    const res = await post(form);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.documents).to.have.length(1);
    expect(res.body.sha256).to.match(/^[0-9a-f]{64}$/);
  });

  it('when curl sends the bid as a file part, typed application/json or not typed, then it is taken as the bid', async () => {
    for (const [lot, type] of [
      [2, 'application/json'],
      [2, undefined],
    ] as const) {
      const res = await post(
        curlBody(Buffer.from(JSON.stringify(offerOf(lot, 1_600_000))), type, pdfOf(3_000)),
      );
      expect(res.status, `${type}: ${JSON.stringify(res.body)}`).to.equal(201);
      expect(res.body).to.include({ lot });
    }
  });

  it('when the bid part is a file that is not JSON, then 400 names /bid with what was expected, and nothing is stored', async () => {
    const before = await Bid.countDocuments({ tenderId: tender.id });
    const typed = await post(curlBody(Buffer.from('%PDF-1.7 not a bid'), 'application/pdf', pdfOf(3_000)));
    expect(typed.status).to.equal(400);
    expect(typed.body.errors).to.deep.equal([
      { path: '/bid', message: 'must be JSON (application/json), not application/pdf' },
    ]);
    const garbled = await post(curlBody(Buffer.from('{"lot": 1,'), 'application/json', pdfOf(3_000)));
    expect(garbled.status).to.equal(400);
    expect(garbled.body.errors).to.deep.equal([{ path: '/bid', message: 'must be a JSON object' }]);
    const invalid = await post(
      curlBody(Buffer.from(JSON.stringify({ ...offerOf(1, -1), x: 1 })), 'application/json', pdfOf(3_000)),
    );
    expect(invalid.status).to.equal(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal([
      '/bid/priceCents',
      '/bid/x',
    ]);
    expect(await Bid.countDocuments({ tenderId: tender.id })).to.equal(before);
  });

  it('when documents come before the bid, or the bid twice, then the refusal says so', async () => {
    const disordered = new FormData();
    disordered.append('documents', new Blob([new Uint8Array(pdfOf(1_000))]), 'a.pdf');
    disordered.append(
      'bid',
      new Blob([JSON.stringify(offerOf(1, 1_000))], { type: 'application/json' }),
      'bid.json',
    );
    const order = await post(disordered);
    expect([order.status, order.body.detail, order.body.errors]).to.deep.equal([
      400,
      'The bid part must come before the documents.',
      [{ path: '/bid', message: 'must come before the documents' }],
    ]);
    const twice = new FormData();
    twice.append('bid', JSON.stringify(offerOf(1, 1_000)));
    twice.append(
      'bid',
      new Blob([JSON.stringify(offerOf(1, 1_000))], { type: 'application/json' }),
      'bid.json',
    );
    const res = await post(twice);
    expect([res.status, res.body.errors]).to.deep.equal([400, [{ path: '/bid', message: 'is given twice' }]]);
  });
});
