import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import mongoose from 'mongoose';
import { openingSecretOf } from '../../scripts/procedure/tender-steps.js';
import { AuditEvent } from '../../server/audit/audit.model.js';
import { linkAuditChain } from '../../server/audit/audit.service.js';
import { Bid, type BidRecord } from '../../server/bids/bid.model.js';
import { bidContent, bidDataKey, type Sealed } from '../../server/bids/sealing.js';
import { context } from '../../server/context.js';
import { unseal } from '../../server/keys/aead.js';
import { keyPairOf } from '../../server/keys/ecies.js';
import { combineShares } from '../../server/keys/threshold.js';
import { Tender, type TenderRecord } from '../../server/tenders/tender.model.js';
import { bidForm, call, centreId, newOrganisation, newPerson, type Person, pdfOf } from '../support/api.js';
import { eventually } from '../support/harness.js';
import {
  offerOf,
  openBids,
  type PublishedTender,
  publishedTender,
  type SelectedExpression,
  selectedExpression,
  waitUntil,
} from '../support/procedure.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const chunks = () => mongoose.connection.collection('bid_document_chunks');
const uploads = () => mongoose.connection.collection('bid_uploads');

/** Every byte string of 32 bytes the stores and the configuration hold, as an attacker would collect them. */
function candidateKeys(...stores: unknown[]): Buffer[] {
  const found: Buffer[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      for (const encoding of ['base64', 'base64url', 'hex'] as const) {
        const b = Buffer.from(v, encoding);
        if (b.length === 32) found.push(b);
      }
    } else if (Buffer.isBuffer(v)) {
      if (v.length === 32) found.push(v);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  stores.forEach(visit);
  return found;
}

/** True when any of the keys opens the bid, as the platform key or as a tender's private key. */
function anyKeyOpens(b: BidRecord, keys: Buffer[]): boolean {
  const binding = { tenderId: String(b.tenderId), lot: b.lot, vendorId: String(b.vendorId) };
  // A key share has a byte more than a key: each 32 bytes of it is tried too.
  const tried = keys.flatMap((k) =>
    k.length === 32 ? [k] : k.length === 33 ? [k.subarray(0, 32), k.subarray(1)] : [],
  );
  for (const key of tried) {
    for (const opener of [{ platformKey: key }, { platformKey: key, tenderKeys: keyPairOf(key) }]) {
      try {
        const dataKey = bidDataKey(b.sealed as Sealed, opener, binding);
        bidContent(b.sealed as Sealed, dataKey, binding);
        return true;
      } catch {
        // not this one
      }
    }
  }
  return false;
}

describe('the opening ceremony: bids and documents sealed until a quorum acts', function () {
  this.timeout(180_000);
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let vendors: Person[];
  let evaluator: Person;
  const files = { technical: pdfOf(1_200_000, 'technical'), prices: pdfOf(40_000, 'prices') };
  let bidA: {
    id: string;
    sha256: string;
    bidKey: string;
    documents: { id: string; filename: string; size: number; sha256: string }[];
  };

  before(async () => {
    sel = await selectedExpression();
    vendors = [];
    for (let i = 0; i < 4; i++) vendors.push(await newPerson('vendor', await newOrganisation('vendor')));
    tender = await publishedTender(
      sel.officer,
      sel.expressionId,
      { id: sel.consortiumId, members: sel.members },
      {
        lots: [{ number: 1, title: 'XDR', estimatedValueCents: 40_000_000 }],
        questionsInMs: 15_000,
        submissionInMs: 20_000,
      },
    );
    evaluator = sel.evaluators[0] as Person;
    await call('POST', `/tenders/${tender.id}/evaluators`, {
      token: sel.officer.token,
      body: { userId: evaluator.id },
    });
    await call('POST', `/tenders/${tender.id}/coi`, { token: evaluator.token, body: { conflict: false } });
  });

  it('when an opening committee is seated wrongly, then 400 names every bad member and the quorum; non-members set no secret', async () => {
    const draft = await call('POST', '/tenders', {
      token: sel.officer.token,
      body: {
        expressionId: sel.expressionId,
        reference: `T-${randomBytes(4).toString('hex')}`,
        title: 'Draft',
        description: 'A draft for the committee rules.',
        cpvCodes: ['48730000'],
        contractDuration: 'P36M',
        placeOfPerformance: 'BE100',
        lots: [{ number: 1, title: 'SIEM', estimatedValueCents: 1_000 }],
        questionsDeadline: new Date(Date.now() + 60_000).toISOString(),
        submissionDeadline: new Date(Date.now() + 120_000).toISOString(),
        award: {
          qualityWeight: 0.5,
          priceWeight: 0.5,
          qualityThreshold: 0.5,
          criteria: [{ key: 'q', title: 'Q', weight: 1, maxScore: 10, threshold: 5 }],
        },
        selectionCriteria: [],
      },
    });
    const id = draft.body.id;
    const before = await Tender.findById(id).lean();
    const seat = (body: unknown) =>
      call('POST', `/tenders/${id}/opening-committee`, { token: sel.officer.token, body });
    const bad = await seat({
      userIds: [sel.officer.id, sel.officer.id, evaluator.id, '0123456789abcdef01234567'],
      quorum: 4,
    });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors).to.deep.equal([
      { path: '/userIds/1', message: 'is named twice' },
      { path: '/userIds/2', message: 'is not a procurement officer' },
      { path: '/userIds/3', message: 'names no user' },
      {
        path: '/quorum',
        message:
          "must be less than the committee's 4 members, so that a lost secret never blocks the opening",
      },
    ]);
    const few = await seat({ userIds: [sel.officer.id], quorum: 1 });
    expect(few.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal([
      '/quorum',
      '/userIds',
    ]);
    expect((await Tender.findById(id).lean())?.rev).to.equal(before?.rev);
    const short = await call('PUT', `/tenders/${id}/opening-committee/me`, {
      token: sel.officer.token,
      body: { secret: 'short' },
    });
    expect(short.body.errors).to.deep.equal([
      { path: '/secret', message: 'must NOT have fewer than 12 characters' },
    ]);
    const stranger = await call('PUT', `/tenders/${id}/opening-committee/me`, {
      token: sel.officer.token,
      body: { secret: 'a long enough secret' },
    });
    expect(stranger.status).to.equal(403);
  });

  it('when a vendor bids with documents, then its receipt covers each file, and before the opening only its bid key reads them', async () => {
    const vendor = vendors[0] as Person;
    const res = await call('POST', `/tenders/${tender.id}/bids`, {
      token: vendor.token,
      form: bidForm(offerOf(1, 3_100_000), [
        { filename: 'technical-offer.pdf', bytes: files.technical },
        { filename: '../../prices.pdf', bytes: files.prices, type: 'text/plain' },
      ]),
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    bidA = res.body;
    expect(bidA.documents).to.have.length(2);
    // The receipt names each file as received, with its size and SHA-256 (the store keeps them sealed).
    expect(bidA.documents.map((d) => [d.size, d.sha256])).to.deep.equal([
      [files.technical.length, sha(files.technical)],
      [files.prices.length, sha(files.prices)],
    ]);
    expect(bidA.documents[0]?.filename).to.equal('technical-offer.pdf');
    expect(bidA.documents[1]?.filename).not.to.include('/');
    expect(bidA.bidKey).to.match(/^[A-Za-z0-9_-]{43}$/);
    // Nothing of the files is stored in the clear: not a name, not a byte.
    const stored = JSON.stringify(await Bid.findById(bidA.id).lean());
    expect(stored).not.to.include('technical-offer').and.not.to.include('3100000');
    const chunk = await chunks().findOne({ _id: `${bidA.documents[0]?.id}.00000` as never });
    expect(Buffer.from(chunk?.bytes.buffer).includes(files.technical.subarray(0, 64))).to.equal(false);
    const download = (headers: Record<string, string> = {}, token = vendor.token) =>
      call('GET', `/bids/${bidA.id}/documents/${bidA.documents[0]?.id}`, { token, headers });
    expect((await download()).body.type).to.equal('urn:problem:bid-key-required');
    expect((await download({ 'Bid-Key': randomBytes(32).toString('base64url') })).body.type).to.equal(
      'urn:problem:wrong-bid-key',
    );
    const own = await download({ 'Bid-Key': bidA.bidKey });
    expect(own.status).to.equal(200);
    expect(sha(own.body)).to.equal(sha(files.technical));
    expect(own.headers.get('x-content-sha256')).to.equal(sha(files.technical));
    // Officers and evaluators read nothing yet; another vendor does not know the bid exists.
    expect((await download({}, sel.officer.token)).body.type).to.equal('urn:problem:sealed');
    expect((await download({}, evaluator.token)).body.type).to.equal('urn:problem:sealed');
    expect((await download({ 'Bid-Key': bidA.bidKey }, (vendors[1] as Person).token)).status).to.equal(404);
  });

  it('when documents are of a refused type, too many or too big, or come before the bid, then 4xx names them and nothing is stored', async () => {
    const vendor = vendors[3] as Person;
    const chunksBefore = await chunks().countDocuments();
    const post = (form: FormData) =>
      call('POST', `/tenders/${tender.id}/bids`, { token: vendor.token, form });
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(4_000)]);
    exe.write('PE\0\0', 128);
    exe.writeUInt32LE(128, 0x3c);
    const typed = await post(
      bidForm(offerOf(1, 1_000), [
        { filename: 'ok.pdf', bytes: pdfOf(5_000) },
        { filename: 'tool.exe', bytes: exe, type: 'application/pdf' },
        { filename: 'notes.txt', bytes: Buffer.from('plain words '.repeat(100)) },
      ]),
    );
    expect(typed.status).to.equal(415);
    expect(typed.body.errors.map((e: { path: string }) => e.path)).to.deep.equal([
      '/documents/1',
      '/documents/2',
    ]);
    const big = await post(bidForm(offerOf(1, 1_000), [{ filename: 'big.pdf', bytes: pdfOf(3_000_001) }]));
    expect([big.status, big.body.errors]).to.deep.equal([
      413,
      [{ path: '/documents/0', message: 'A document may have at most 3000000 bytes.' }],
    ]);
    const many = await post(
      bidForm(
        offerOf(1, 1_000),
        [0, 1, 2, 3, 4].map((i) => ({ filename: `${i}.pdf`, bytes: pdfOf(1_000) })),
      ),
    );
    expect([many.status, many.body.errors?.[0]?.path]).to.deep.equal([413, '/documents/4']);
    const invalid = await post(
      bidForm({ ...offerOf(1, -5), extra: 1 }, [{ filename: 'a.pdf', bytes: pdfOf(1_000) }]),
    );
    expect(invalid.status).to.equal(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal([
      '/bid/extra',
      '/bid/priceCents',
    ]);
    const disordered = new FormData();
    disordered.append('documents', new Blob([new Uint8Array(pdfOf(1_000))]), 'a.pdf');
    disordered.append('bid', JSON.stringify(offerOf(1, 1_000)));
    const order = await post(disordered);
    expect([order.status, order.body.errors]).to.deep.equal([
      400,
      [{ path: '/bid', message: 'must come before the documents' }],
    ]);
    expect(await Bid.countDocuments({ vendorId: vendor.organisationId })).to.equal(0);
    expect(await chunks().countDocuments()).to.equal(chunksBefore);
    expect(await uploads().countDocuments()).to.equal(0);
  });

  it('when a bid with documents is replaced or withdrawn, then the old files are gone and the new ones are the bid', async () => {
    const [, b, c] = vendors as [Person, Person, Person];
    const first = await call('POST', `/tenders/${tender.id}/bids`, {
      token: b.token,
      form: bidForm(offerOf(1, 2_900_000), [{ filename: 'v1.pdf', bytes: pdfOf(2_500_000, 'v1') }]),
    });
    const old = first.body.documents[0].id;
    expect(await chunks().countDocuments({ _id: `${old}.00002` as never })).to.equal(1);
    const second = await call('POST', `/tenders/${tender.id}/bids`, {
      token: b.token,
      form: bidForm(offerOf(1, 2_800_000), [{ filename: 'v2.pdf', bytes: pdfOf(10_000, 'v2') }]),
    });
    expect([second.status, second.body.action]).to.deep.equal([201, 'replaced']);
    for (const n of ['00000', '00001', '00002'])
      expect(await chunks().countDocuments({ _id: `${old}.${n}` as never })).to.equal(0);
    const fresh = await call('GET', `/bids/${second.body.id}/documents/${second.body.documents[0].id}`, {
      token: b.token,
      headers: { 'Bid-Key': second.body.bidKey },
    });
    expect((fresh.body as Buffer).length).to.equal(10_000);
    expect((fresh.body as Buffer).subarray(0, 14).toString()).to.equal('%PDF-1.7\n% v2\n');
    // The old bid key reads nothing of the new bid.
    const stale = await call('GET', `/bids/${second.body.id}/documents/${second.body.documents[0].id}`, {
      token: b.token,
      headers: { 'Bid-Key': first.body.bidKey },
    });
    expect(stale.body.type).to.equal('urn:problem:wrong-bid-key');
    const withdrawn = await call('POST', `/tenders/${tender.id}/bids`, {
      token: c.token,
      form: bidForm(offerOf(1, 2_700_000), [{ filename: 'w.pdf', bytes: pdfOf(5_000) }]),
    });
    const gone = withdrawn.body.documents[0].id;
    expect((await call('DELETE', `/bids/${withdrawn.body.id}`, { token: c.token })).status).to.equal(200);
    expect(await chunks().countDocuments({ _id: `${gone}.00000` as never })).to.equal(0);
    expect(
      (
        await call('GET', `/bids/${withdrawn.body.id}/documents/${gone}`, {
          token: c.token,
          headers: { 'Bid-Key': withdrawn.body.bidKey },
        })
      ).status,
    ).to.equal(404);
  });

  it('when someone holds the whole database and the configuration before the ceremony, then no bid opens, not even after one member acted', async () => {
    const { config } = context();
    const everything = async () => {
      const t = await Tender.findById(tender.id).lean<TenderRecord>();
      const bids = await Bid.find({ tenderId: tender.id }).lean<BidRecord[]>();
      const keys = candidateKeys(t, bids, config, {
        jwt: Buffer.from(config.jwtSecret),
        released: (t?.openingActs ?? []).map((a) =>
          a.share
            ? unseal(
                config.bidEncryptionKey,
                a.share,
                Buffer.from(JSON.stringify({ tenderId: tender.id, userId: a.userId })),
              )
            : null,
        ),
      });
      return { t, bids, keys };
    };
    const before = await everything();
    expect(before.keys.length).to.be.greaterThan(10);
    for (const b of before.bids.filter((x) => x.sealed))
      expect(anyKeyOpens(b, before.keys), String(b._id)).to.equal(false);
    // One member acts: their share is released (and kept, sealed with the platform key) — one share is not the key.
    await waitUntil(tender.submissionDeadline);
    const first = tender.openingCommittee[0] as Person;
    await call('POST', `/tenders/${tender.id}/opening/unlock`, {
      token: first.token,
      body: { secret: openingSecretOf(first) },
    }).then(async (res) => {
      if (res.status === 409) {
        await new Promise((r) => setTimeout(r, 500));
        return call('POST', `/tenders/${tender.id}/opening/unlock`, {
          token: first.token,
          body: { secret: openingSecretOf(first) },
        });
      }
      return res;
    });
    const after = await everything();
    expect(after.t?.openingActs).to.have.length(1);
    const share = unseal(
      config.bidEncryptionKey,
      after.t?.openingActs?.[0]?.share as never,
      Buffer.from(JSON.stringify({ tenderId: tender.id, userId: first.id })),
    );
    for (const b of after.bids.filter((x) => x.sealed))
      expect(anyKeyOpens(b, [...after.keys, share]), String(b._id)).to.equal(false);
    // Shamir needs two shares; the one there is, twice, is not two.
    let rebuilt: Buffer | undefined;
    try {
      rebuilt = await combineShares([share, share]);
    } catch {
      rebuilt = undefined;
    }
    if (rebuilt) expect(rebuilt.toString('base64')).not.to.equal(after.t?.openingKey?.publicKey);
    expect(after.t?.opening).to.equal(null);
  });

  it('when a stored chunk was altered, then the quorum opens every bid, verifies each file, and names the one that does not match', async () => {
    const victim = vendors[1] as Person;
    const bid = await Bid.findOne({ vendorId: victim.organisationId }).lean<BidRecord>();
    const docId = (bid?.sealed?.documents?.[0]?.id ?? '') as string;
    const chunk = await chunks().findOne({ _id: `${docId}.00000` as never });
    const bytes = Buffer.from(chunk?.bytes.buffer);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    await chunks().updateOne({ _id: `${docId}.00000` as never }, { $set: { bytes } });
    const record = await openBids({ ...tender, openingCommittee: tender.openingCommittee.slice(1) });
    expect(record.opened).to.equal(true);
    expect(record.bids).to.deep.equal([{ lot: 1, count: 2 }]);
    expect(record.mismatches).to.deep.equal([String(bid?._id)]);
    expect(record.documents).to.deep.equal({ count: 3, mismatches: 1 });
    expect(record.acts).to.have.length(2);
    await eventually(async () => {
      await linkAuditChain();
      return (
        (await AuditEvent.countDocuments({ action: 'tender.opening-acted', 'object.id': tender.id })) === 2
      );
    });
  });

  it('after the opening: officers and clean evaluators read the files as submitted, the vendor without its key, others never', async () => {
    const path = `/bids/${bidA.id}/documents/${bidA.documents[1]?.id}`;
    const officerRead = await call('GET', path, { token: sel.officer.token });
    expect(officerRead.status).to.equal(200);
    expect(sha(officerRead.body)).to.equal(sha(files.prices));
    expect(officerRead.headers.get('content-type')).to.equal('application/pdf');
    expect(officerRead.headers.get('content-disposition')).to.equal('attachment; filename=prices.pdf');
    expect(sha((await call('GET', path, { token: evaluator.token })).body)).to.equal(sha(files.prices));
    expect(sha((await call('GET', path, { token: (vendors[0] as Person).token })).body)).to.equal(
      sha(files.prices),
    );
    const undeclared = await newPerson('evaluator', await centreId());
    await call('POST', `/tenders/${tender.id}/evaluators`, {
      token: sel.officer.token,
      body: { userId: undeclared.id },
    });
    expect((await call('GET', path, { token: undeclared.token })).status).to.equal(403);
    expect((await call('GET', path, { token: (vendors[1] as Person).token })).status).to.equal(404);
    const view = (await call('GET', `/bids/${bidA.id}`, { token: sel.officer.token })).body;
    expect(view.verified).to.equal(true);
    expect(
      view.content.documents.map((d: { filename: string; verified: boolean }) => [d.filename, d.verified]),
    ).to.deep.equal([
      ['technical-offer.pdf', true],
      ['prices.pdf', true],
    ]);
    await linkAuditChain();
    expect(
      await AuditEvent.countDocuments({ action: 'bid.document-read', 'object.id': bidA.id }),
    ).to.be.greaterThan(2);
  });
});
