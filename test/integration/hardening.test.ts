import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { expect } from 'chai';
import mongoose from 'mongoose';
import { Bid } from '../../server/bids/bid.model.js';
import { Tender, type TenderRecord } from '../../server/tenders/tender.model.js';
import { bidForm, call, newOrganisation, newPerson, type Person, pdfOf } from '../support/api.js';
import { harness } from '../support/harness.js';
import {
  offerOf,
  openTender,
  type PublishedTender,
  publishedTender,
  type SelectedExpression,
} from '../support/procedure.js';

/** A raw connection to the API, for what no polite client does: bodies that never end, uploads cut off. */
function rawConnection(): Promise<net.Socket & { answer: Promise<string> }> {
  const url = new URL(harness().baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      let text = '';
      const answer = new Promise<string>((done) => {
        socket.on('data', (b) => {
          text += b.toString('latin1');
        });
        socket.on('close', () => done(text));
        socket.on('error', () => done(text));
      });
      resolve(Object.assign(socket, { answer }));
    });
    socket.once('error', reject);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('the security review’s findings, each reproduced and failed', function () {
  this.timeout(180_000);
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let vendors: Person[];

  before(async () => {
    ({ sel, tender } = await openTender());
    vendors = [];
    for (let i = 0; i < 3; i++) vendors.push(await newPerson('vendor', await newOrganisation('vendor')));
  });

  it('when anonymous clients from many addresses hold sign-in bodies open, then a vendor’s bid is still accepted, and the slow ones are cut off', async function () {
    this.timeout(60_000);
    const slow = await Promise.all(
      Array.from({ length: 80 }, async (_, i) => {
        const s = await rawConnection();
        s.write(
          'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
            `X-Forwarded-For: 203.0.113.${i + 1}\r\nContent-Length: 200\r\n\r\n{"email":"slow`,
        );
        return s;
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const bid = await call('POST', `/tenders/${tender.id}/bids`, {
      token: (vendors[0] as Person).token,
      body: offerOf(1, 1_000_000),
    });
    expect(bid.status).to.equal(201);
    const answers = await Promise.all(slow.map((s) => s.answer));
    const statuses = answers.map(statusOf);
    // Past the signed-out share, refused at once; the rest cut off when their body did not come.
    expect(statuses.filter((s) => s === 503).length).to.be.greaterThan(0);
    expect(statuses.filter((s) => s === 408).length).to.be.greaterThan(0);
    expect(statuses.every((s) => s === 503 || s === 408)).to.equal(true);
    expect(answers.find((a) => statusOf(a) === 408)).to.include('urn:problem:request-too-slow');
  });

  it('when one address holds too many requests open, then it is refused with 429 and others go on', async function () {
    this.timeout(30_000);
    const held = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const s = await rawConnection();
        s.write(
          'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
            'X-Forwarded-For: 198.51.100.77\r\nContent-Length: 200\r\n\r\n{',
        );
        return s;
      }),
    );
    const statuses = (await Promise.all(held.map((s) => s.answer))).map(statusOf);
    expect(statuses.filter((s) => s === 429).length).to.equal(40 - 32);
    expect(statuses.filter((s) => s === 408).length).to.equal(32);
  });

  it('when a document headed %PDF is named annex.html, then it is served as a PDF attachment named .pdf, with nosniff, and UTF-8 names intact', async () => {
    const vendor = vendors[1] as Person;
    const html = Buffer.concat([
      Buffer.from('%PDF-1.7\n<html><script>alert(1)</script></html>\n'),
      randomBytes(2000),
    ]);
    const res = await call('POST', `/tenders/${tender.id}/bids`, {
      token: vendor.token,
      form: bidForm(offerOf(1, 2_000_000), [
        { filename: 'annex.html', bytes: html, type: 'text/html' },
        { filename: 'offre-détaillée €.pdf', bytes: pdfOf(3000) },
      ]),
    });
    expect(res.status).to.equal(201);
    const download = (n: number) =>
      call('GET', `/bids/${res.body.id}/documents/${res.body.documents[n].id}`, {
        token: vendor.token,
        headers: { 'Bid-Key': res.body.bidKey },
      });
    const annex = await download(0);
    expect(annex.headers.get('content-type')).to.equal('application/pdf');
    expect(annex.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(annex.headers.get('content-disposition')).to.equal('attachment; filename=annex.html.pdf');
    const offerFile = await download(1);
    expect(offerFile.headers.get('content-disposition')).to.include(
      "filename*=UTF-8''offre-d%C3%A9taill%C3%A9e%20%E2%82%AC.pdf",
    );
    expect(offerFile.headers.get('content-type')).to.equal('application/pdf');
    // Every API answer carries nosniff, errors included.
    expect(
      (await call('GET', '/tenders/0123456789abcdef01234567')).headers.get('x-content-type-options'),
    ).to.equal('nosniff');
  });

  it('when a client cuts an upload half-way, then nothing of it is left a second later and the handler is released', async () => {
    const vendor = vendors[2] as Person;
    const chunks = () => mongoose.connection.collection('bid_document_chunks').countDocuments();
    const uploads = () => mongoose.connection.collection('bid_uploads').countDocuments();
    const [chunksBefore, uploadsBefore] = [await chunks(), await uploads()];
    const boundary = `cut${randomBytes(6).toString('hex')}`;
    const file = pdfOf(2_800_000);
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="bid"\r\n\r\n${JSON.stringify(offerOf(2, 3_000_000))}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const s = await rawConnection();
    s.write(
      `POST /api/v1/tenders/${tender.id}/bids HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${vendor.token}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${head.length + file.length + tail.length}\r\n\r\n`,
    );
    s.write(head);
    s.write(file.subarray(0, file.length / 2));
    // Let the first chunks reach the database, then drop the connection.
    const stored = Date.now() + 10_000;
    while ((await chunks()) === chunksBefore && Date.now() < stored)
      await new Promise((r) => setTimeout(r, 50));
    expect(await chunks()).to.be.greaterThan(chunksBefore);
    s.destroy();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await chunks()).to.equal(chunksBefore);
    expect(await uploads()).to.equal(uploadsBefore);
    expect(
      await Bid.countDocuments({ tenderId: tender.id, lot: 2, vendorId: vendor.organisationId }),
    ).to.equal(0);
  });

  it('when bids race an officer’s cancellation, then no receipt is later than the cancellation and every stored bid had its receipt', async () => {
    const racing = await publishedTender(
      sel.officer,
      sel.expressionId,
      { id: sel.consortiumId, members: sel.members },
      {
        lots: [{ number: 1, title: 'SIEM', estimatedValueCents: 1_000_000_00 }],
        questionsInMs: 60_000,
        submissionInMs: 600_000,
      },
    );
    const bidders = [...vendors];
    for (let i = 0; i < 5; i++) bidders.push(await newPerson('vendor', await newOrganisation('vendor')));
    const bids = bidders.map((v, i) =>
      call('POST', `/tenders/${racing.id}/bids`, { token: v.token, body: offerOf(1, 1_000_000 + i) }),
    );
    await new Promise((r) => setTimeout(r, 5));
    const cancel = call('POST', `/tenders/${racing.id}/cancel`, {
      token: sel.officer.token,
      body: { reason: 'Needs changed' },
    });
    const answers = await Promise.all(bids);
    expect((await cancel).status).to.equal(200);
    const t = (await Tender.findById(racing.id).lean<TenderRecord>()) as TenderRecord;
    const received = answers.filter((a) => a.status === 201);
    for (const a of answers) expect([201, 409]).to.include(a.status);
    for (const r of received)
      expect(new Date(r.body.receivedAt).getTime()).to.be.lessThan(new Date(t.cancelledAt as Date).getTime());
    expect(await Bid.countDocuments({ tenderId: racing.id })).to.equal(received.length);
  });
});
