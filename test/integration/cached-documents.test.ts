import { expect } from 'chai';
import { Types } from 'mongoose';
import { documentChanged } from '../../server/cached-documents.js';
import { context } from '../../server/context.js';
import { badRequest } from '../../server/errors.js';
import { versionKey, whenUnlocked } from '../../server/locks.js';
import { changeDocument } from '../../server/revision.js';
import { Tender, type TenderRecord } from '../../server/tenders/tender.model.js';
import { cachedTender } from '../../server/tenders/tender-access.js';
import { readsOf } from '../support/queries.js';

/** A draft tender stored as it is, straight into the database. */
async function storedTender(): Promise<string> {
  const now = Date.now();
  const t = await Tender.create({
    expressionId: new Types.ObjectId(),
    consortiumId: new Types.ObjectId(),
    reference: `CACHE-${now}-${Math.random()}`,
    title: 'Before',
    description: 'A tender read often',
    cpvCodes: ['48730000'],
    contractDuration: 'P36M',
    placeOfPerformance: 'BE100',
    lots: [{ number: 1, title: 'SIEM', estimatedValueCents: 1_000_000 }],
    questionsDeadline: new Date(now + 86_400_000),
    submissionDeadline: new Date(now + 2 * 86_400_000),
    openingAt: new Date(now + 2 * 86_400_000),
    standstillPeriod: 'P10D',
    award: { qualityWeight: 0.6, priceWeight: 0.4, qualityThreshold: 0.5, criteria: [] },
    createdBy: new Types.ObjectId(),
  });
  return String(t._id);
}

describe('hot documents: a copy in the process, checked against the version in Redis', () => {
  it('when a tender is read again unchanged, then the database is not read and the same copy is given', async () => {
    const id = await storedTender();
    const first = await cachedTender(id);
    let second: TenderRecord | null = null;
    expect(await readsOf('tenders', id, async () => (second = await cachedTender(id)))).to.equal(0);
    expect(second).to.equal(first);
    expect(first?.title).to.equal('Before');
  });

  it('when a tender is changed under its lock, then the very next read gives the change', async () => {
    const id = await storedTender();
    await cachedTender(id);
    const before = await context().redis.get(versionKey('Tender', id));
    await changeDocument<TenderRecord>(Tender, id, 'The tender', () => ({ set: { title: 'After' } }));
    expect(await context().redis.get(versionKey('Tender', id))).to.not.equal(before);
    let read: TenderRecord | null = null;
    expect(await readsOf('tenders', id, async () => (read = await cachedTender(id)))).to.equal(1);
    expect((read as TenderRecord | null)?.title).to.equal('After');
  });

  it('when a change is refused, then the version stays and the copy is still used', async () => {
    const id = await storedTender();
    await changeDocument<TenderRecord>(Tender, id, 'The tender', () => ({ set: { title: 'Once' } }));
    const version = await context().redis.get(versionKey('Tender', id));
    await cachedTender(id);
    const refused = await changeDocument<TenderRecord>(Tender, id, 'The tender', () => {
      throw badRequest('No.', [{ path: '/title', message: 'is refused' }]);
    }).catch((err: Error) => err);
    expect(refused).to.be.instanceOf(Error);
    expect(await context().redis.get(versionKey('Tender', id))).to.equal(version);
    expect(await readsOf('tenders', id, () => cachedTender(id))).to.equal(0);
  });

  it('when another process writes the tender outside a lock and says so, then this process reads it again', async () => {
    const id = await storedTender();
    await cachedTender(id);
    await Tender.updateOne({ _id: id }, { $set: { title: 'By hand' } });
    await documentChanged('Tender', id);
    expect((await cachedTender(id))?.title).to.equal('By hand');
  });

  it('when a caller tries to change a copy, then it throws instead of changing what others read', async () => {
    const id = await storedTender();
    const t = (await cachedTender(id)) as TenderRecord;
    expect(() => {
      (t as { title: string }).title = 'Changed in place';
    }).to.throw(TypeError);
    expect(() => t.lots.push(t.lots[0] as TenderRecord['lots'][number])).to.throw(TypeError);
    // Ids stay usable (they are not frozen, nor copied).
    expect(String(t._id)).to.equal(id);
    expect((await cachedTender(id))?.title).to.equal('Before');
  });

  it('when Redis does not answer, then the tender is read from the database and no copy is trusted', async () => {
    const id = await storedTender();
    await cachedTender(id);
    await Tender.updateOne({ _id: id }, { $set: { title: 'Read without Redis' } });
    const { redis } = context();
    const get = redis.get;
    redis.get = (() => Promise.reject(new Error('Redis is down'))) as typeof redis.get;
    try {
      expect((await cachedTender(id))?.title).to.equal('Read without Redis');
    } finally {
      redis.get = get;
    }
    await documentChanged('Tender', id);
  });

  it('when the id is malformed or unknown, then there is no tender and nothing is kept', async () => {
    expect(await cachedTender('not-an-id')).to.equal(null);
    expect(await cachedTender(new Types.ObjectId().toHexString())).to.equal(null);
  });

  it('when a bid waits for a change of its tender under way, then it is given the version the change wrote, and the copy is read anew', async () => {
    const id = await storedTender();
    await cachedTender(id);
    let release: () => void = () => {};
    const changing = changeDocument<TenderRecord>(Tender, id, 'The tender', async () => {
      await new Promise<void>((r) => {
        release = r;
      });
      return { set: { title: 'Cancelled meanwhile' } };
    });
    await new Promise((r) => setTimeout(r, 50));
    let answered = false;
    const waiting = whenUnlocked('Tender', id).then((v) => {
      answered = true;
      return v;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(answered, 'it must wait while the lock is held').to.equal(false);
    release();
    await changing;
    const version = await waiting;
    expect(version).to.equal(await context().redis.get(versionKey('Tender', id)));
    let read: TenderRecord | null = null;
    expect(await readsOf('tenders', id, async () => (read = await cachedTender(id, version)))).to.equal(1);
    expect((read as TenderRecord | null)?.title).to.equal('Cancelled meanwhile');
  });
});
