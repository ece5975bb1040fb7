import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { type BidContent, bidDigest, sealBid, unsealBid } from '../../server/bids/sealing.js';
import { keyPairOf, newKeyPair, openWith, sealTo } from '../../server/keys/ecies.js';
import { memberKeyFor, newMemberKey } from '../../server/keys/member-secret.js';
import { combineShares, splitKey } from '../../server/keys/threshold.js';

const content: BidContent = {
  tenderId: 't1',
  lot: 2,
  vendorId: 'v1',
  priceCents: 987_654,
  technicalOffer: 'NDR sensors in Gdańsk and Ghent',
  declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
  documents: [],
};

/** Every subset of `items` with exactly `k` elements. */
function subsets<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [head, ...rest] = items as [T, ...T[]];
  return [...subsets(rest, k - 1).map((s) => [head, ...s]), ...subsets(rest, k)];
}

describe('the opening keys', () => {
  it('when bytes are sealed to a public key, then its private key opens them and nothing else does', () => {
    const keys = newKeyPair();
    const aad = Buffer.from('tender t1, lot 2, vendor v1');
    const box = sealTo(keys.publicKey, Buffer.from('a data key'), aad, 'bid data key');
    expect(openWith(keys, box, aad, 'bid data key').toString()).to.equal('a data key');
    expect(() => openWith(newKeyPair(), box, aad, 'bid data key')).to.throw();
    expect(() => openWith(keys, box, aad, 'opening key share')).to.throw();
    expect(keyPairOf(keys.privateKey).publicKey.equals(keys.publicKey)).to.equal(true);
  });

  it('when the associated data or any byte of the box changes, then opening fails', () => {
    const keys = newKeyPair();
    const aad = Buffer.from('tender t1, lot 2, vendor v1');
    const box = sealTo(keys.publicKey, Buffer.from('a data key'), aad, 'bid data key');
    expect(() => openWith(keys, box, Buffer.from('tender t1, lot 2, vendor v2'), 'bid data key')).to.throw();
    for (const field of ['epk', 'iv', 'tag', 'data'] as const) {
      const bytes = Buffer.from(box[field], 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      expect(
        () => openWith(keys, { ...box, [field]: bytes.toString('base64') }, aad, 'bid data key'),
        field,
      ).to.throw();
    }
  });

  it('when a bid is sealed to a tender key, then the platform key cannot open it, the tender key can, and moving it fails', () => {
    const tender = newKeyPair();
    const platformKey = randomBytes(32);
    const sealed = sealBid(content, { tenderPublicKey: tender.publicKey });
    expect(JSON.stringify(sealed)).not.to.include('987654').and.not.to.include('Gdańsk');
    expect(() => unsealBid(sealed, { platformKey }, content)).to.throw();
    const opened = unsealBid(sealed, { tenderKeys: tender, platformKey }, content);
    expect(bidDigest(opened)).to.equal(bidDigest(content));
    expect(() =>
      unsealBid(sealed, { tenderKeys: tender, platformKey }, { ...content, vendorId: 'v2' }),
    ).to.throw();
    expect(() => unsealBid(sealed, { tenderKeys: tender, platformKey }, { ...content, lot: 1 })).to.throw();
  });

  it('when a key is split 2 of 3 and 3 of 5, then every quorum subset rebuilds it and no smaller subset does', async () => {
    for (const [members, quorum] of [
      [3, 2],
      [5, 3],
    ] as const) {
      const tender = newKeyPair();
      const shares = await splitKey(tender.privateKey, members, quorum);
      expect(shares).to.have.length(members);
      for (const size of [quorum, members]) {
        for (const subset of subsets(shares, size)) {
          expect((await combineShares(subset)).equals(tender.privateKey), `${size} of ${members}`).to.equal(
            true,
          );
        }
      }
      const sealed = sealBid(content, { tenderPublicKey: tender.publicKey });
      for (const subset of subsets(shares, quorum - 1)) {
        // Below the quorum the result is some other key: it neither matches nor opens any bid.
        const guess = subset.length < 2 ? undefined : await combineShares(subset);
        if (!guess) continue;
        expect(guess.equals(tender.privateKey)).to.equal(false);
        expect(() =>
          unsealBid(sealed, { tenderKeys: keyPairOf(guess), platformKey: randomBytes(32) }, content),
        ).to.throw();
      }
    }
  });

  it('when one share is all there is, then every possible key is as likely: the share says nothing of the key', async () => {
    // Shamir over GF(2^8): for a 2-of-3 split, one share's byte is uniform whatever the secret byte.
    const counts = new Map<number, number>();
    for (let i = 0; i < 512; i++) {
      const [share] = await splitKey(Buffer.from([0x42]), 3, 2);
      const byte = (share as Buffer)[0] as number;
      counts.set(byte, (counts.get(byte) ?? 0) + 1);
    }
    // 512 draws over 256 values: a fixed or narrow value would show; uniform draws spread out.
    expect(counts.size).to.be.greaterThan(150);
    expect(Math.max(...counts.values())).to.be.lessThan(20);
  });

  it('when a member sets a secret, then only its public key and salt are kept, and only that secret derives the key', async function () {
    this.timeout(10_000);
    const secret = 'correct horse battery staple';
    const record = await newMemberKey(secret);
    expect(JSON.stringify(record)).not.to.include('horse');
    const keys = await memberKeyFor(secret, record);
    expect(keys?.publicKey.toString('base64')).to.equal(record.publicKey);
    expect(await memberKeyFor('correct horse battery stapler', record)).to.equal(undefined);
    // The same secret with another salt is another key: nobody precomputes a member's key.
    expect((await newMemberKey(secret)).publicKey).not.to.equal(record.publicKey);
  });
});
