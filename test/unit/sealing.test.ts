import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { type BidContent, bidDigest, sealBid, unsealBid } from '../../server/bids/sealing.js';

const content: BidContent = {
  tenderId: 't1',
  lot: 1,
  vendorId: 'v1',
  priceCents: 123_456,
  technicalOffer: 'Détection 24/7, Zürich, Łódź',
  declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
};

describe('sealed bids', () => {
  it('when a bid is sealed, then the stored form holds neither price nor offer, and it opens to the same content', () => {
    const key = randomBytes(32);
    const sealed = sealBid(content, { platformKey: key });
    expect(JSON.stringify(sealed)).not.to.include('123456').and.not.to.include('Zürich');
    expect(unsealBid(sealed, { platformKey: key }, content)).to.deep.equal(content);
  });

  it('when the digest is computed, then key order does not matter but content does', () => {
    const reordered = {
      ...content,
      declarations: { meetsSelectionCriteria: true, noExclusionGrounds: true },
    };
    expect(bidDigest(reordered)).to.equal(bidDigest(content));
    expect(bidDigest({ ...content, priceCents: 123_457 })).not.to.equal(bidDigest(content));
  });

  it('when the ciphertext is altered or the key is wrong, then opening fails', () => {
    const key = randomBytes(32);
    const sealed = sealBid(content, { platformKey: key });
    const data = Buffer.from(sealed.content.data, 'base64');
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() =>
      unsealBid(
        { ...sealed, content: { ...sealed.content, data: data.toString('base64') } },
        { platformKey: key },
        content,
      ),
    ).to.throw();
    expect(() => unsealBid(sealed, { platformKey: randomBytes(32) }, content)).to.throw();
  });

  it('when a sealed bid is moved to another tender, lot or vendor, then it does not open', () => {
    const key = randomBytes(32);
    const sealed = sealBid(content, { platformKey: key });
    expect(() => unsealBid(sealed, { platformKey: key }, { ...content, vendorId: 'v2' })).to.throw();
    expect(() => unsealBid(sealed, { platformKey: key }, { ...content, lot: 2 })).to.throw();
    expect(() => unsealBid(sealed, { platformKey: key }, { ...content, tenderId: 't2' })).to.throw();
    expect(
      unsealBid(sealed, { platformKey: key }, { tenderId: 't1', lot: 1, vendorId: 'v1' }).priceCents,
    ).to.equal(123_456);
  });
});
