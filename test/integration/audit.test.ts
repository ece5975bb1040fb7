import { expect } from 'chai';
import { AuditEvent, AuditHead, AuditPending } from '../../server/audit/audit.model.js';
import { linkAuditChain, recordAudit } from '../../server/audit/audit.service.js';
import { asAdmin, call, newOrganisation, newPerson } from '../support/api.js';
import { harness } from '../support/harness.js';

describe('audit trail', () => {
  it('when state changes, then each appends an event with actor, action and object', async () => {
    const org = await newOrganisation('vendor');
    await linkAuditChain();
    const event = await AuditEvent.findOne({ action: 'organisation.created', 'object.id': org }).lean();
    expect(event?.actor?.role).to.equal('admin');
    expect(event?.object).to.deep.equal({ type: 'organisation', id: org });
    expect(event?.hash).to.match(/^[0-9a-f]{64}$/);
  });

  it('when many events are appended at once, then the chain stays one unbroken line', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAudit({ actor: null, action: 'test.concurrent', object: { type: 'test', id: String(i) } }),
      ),
    );
    await linkAuditChain();
    const res = await call('GET', '/audit/verify', { token: await asAdmin() });
    expect(res.status).to.equal(200);
    expect(res.body.valid).to.equal(true);
    expect(res.body.events).to.equal(await AuditEvent.countDocuments());
    const concurrent = await AuditEvent.find({ action: 'test.concurrent' }).lean();
    expect(concurrent).to.have.length(20);
  });

  it('when an event is altered in the database, then verify names that event as the first broken link', async () => {
    await recordAudit({ actor: null, action: 'test.tamper-target', object: { type: 'test', id: 'x' } });
    await recordAudit({ actor: null, action: 'test.after', object: { type: 'test', id: 'y' } });
    await linkAuditChain();
    const target = await AuditEvent.findOne({ action: 'test.tamper-target' }).lean();
    await AuditEvent.collection.updateOne({ _id: target?._id } as never, {
      $set: { action: 'test.rewritten' },
    });
    try {
      const res = await call('GET', '/audit/verify', { token: await asAdmin() });
      expect(res.body.valid).to.equal(false);
      expect(res.body.firstBroken).to.deep.include({ seq: target?.seq, id: String(target?._id) });
      expect(res.body.firstBroken.reason).to.match(/content does not match/);
    } finally {
      await AuditEvent.collection.updateOne({ _id: target?._id } as never, {
        $set: { action: 'test.tamper-target' },
      });
    }
    expect((await call('GET', '/audit/verify', { token: await asAdmin() })).body.valid).to.equal(true);
  });

  it('when an appender died after writing links but before moving the head, then the next run links nothing twice', async () => {
    await recordAudit({ actor: null, action: 'test.crash-1', object: { type: 'test', id: '1' } });
    await recordAudit({ actor: null, action: 'test.crash-2', object: { type: 'test', id: '2' } });
    await linkAuditChain();
    const linked = await AuditEvent.find({ action: /^test\.crash-/ })
      .sort({ _id: 1 })
      .lean();
    expect(linked.map((e) => e.action)).to.deep.equal(['test.crash-1', 'test.crash-2']);
    // Put the world back as a crash would have left it: links written, pending entries kept, head behind.
    const first = linked[0] as (typeof linked)[number];
    await AuditHead.updateOne({ _id: 'head' }, { $set: { seq: first.seq - 1, hash: first.prevHash } });
    await AuditPending.insertMany(
      linked.map((e) => ({
        _id: e.pendingId,
        at: e.at,
        actor: e.actor,
        action: e.action,
        object: e.object,
        detail: e.detail,
      })),
    );
    await recordAudit({ actor: null, action: 'test.crash-3', object: { type: 'test', id: '3' } });
    await linkAuditChain();
    const after = await AuditEvent.find({ action: /^test\.crash-/ })
      .sort({ _id: 1 })
      .lean();
    expect(after.map((e) => e.action)).to.deep.equal(['test.crash-1', 'test.crash-2', 'test.crash-3']);
    const verdict = (await call('GET', '/audit/verify', { token: await asAdmin() })).body;
    expect(verdict).to.include({ valid: true, pending: 0 });
  });

  it('when an event is recorded again after it was linked (an effect drained twice), then it is linked once', async () => {
    await recordAudit(
      { actor: null, action: 'test.twice', object: { type: 'test', id: 't' } },
      'test-twice-id',
    );
    await linkAuditChain();
    await recordAudit(
      { actor: null, action: 'test.twice', object: { type: 'test', id: 't' } },
      'test-twice-id',
    );
    await recordAudit({ actor: null, action: 'test.after-twice', object: { type: 'test', id: 'a' } });
    await linkAuditChain();
    expect(await AuditEvent.countDocuments({ action: 'test.twice' })).to.equal(1);
    expect(await AuditEvent.countDocuments({ action: 'test.after-twice' })).to.equal(1);
    expect((await call('GET', '/audit/verify', { token: await asAdmin() })).body).to.include({ valid: true });
  });

  it('when events are recorded, then verify shows how many wait to be linked until the appender has run', async () => {
    await harness().stopWorkers(); // no appender runs meanwhile
    try {
      await linkAuditChain();
      await AuditPending.create({
        _id: 'test-waiting',
        at: new Date(),
        action: 'test.waiting',
        object: { type: 'test', id: 'w' },
      });
      expect((await call('GET', '/audit/verify', { token: await asAdmin() })).body.pending).to.equal(1);
      await linkAuditChain();
    } finally {
      await harness().startWorkers();
    }
    expect((await call('GET', '/audit/verify', { token: await asAdmin() })).body.pending).to.equal(0);
  });

  it('when a non-admin asks to verify, then 403', async () => {
    const vendor = await newPerson('vendor', await newOrganisation('vendor'));
    expect((await call('GET', '/audit/verify', { token: vendor.token })).status).to.equal(403);
  });
});
