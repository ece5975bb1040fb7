import { expect } from 'chai';
import { AuditEvent } from '../../server/audit/audit.model.js';
import { recordAudit } from '../../server/audit/audit.service.js';
import { asAdmin, call, newOrganisation, newPerson } from '../support/api.js';

describe('audit trail', () => {
  it('when state changes, then each appends an event with actor, action and object', async () => {
    const org = await newOrganisation('vendor');
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
    const res = await call('GET', '/audit/verify', { token: await asAdmin() });
    expect(res.status).to.equal(200);
    expect(res.body.valid).to.equal(true);
    expect(res.body.events).to.equal(await AuditEvent.countDocuments());
  });

  it('when an event is altered in the database, then verify names that event as the first broken link', async () => {
    await recordAudit({ actor: null, action: 'test.tamper-target', object: { type: 'test', id: 'x' } });
    await recordAudit({ actor: null, action: 'test.after', object: { type: 'test', id: 'y' } });
    const target = await AuditEvent.findOne({ action: 'test.tamper-target' }).lean();
    await AuditEvent.collection.updateOne({ _id: target?._id }, { $set: { action: 'test.rewritten' } });
    try {
      const res = await call('GET', '/audit/verify', { token: await asAdmin() });
      expect(res.body.valid).to.equal(false);
      expect(res.body.firstBroken).to.deep.include({ seq: target?.seq, id: String(target?._id) });
      expect(res.body.firstBroken.reason).to.match(/content does not match/);
    } finally {
      await AuditEvent.collection.updateOne({ _id: target?._id }, { $set: { action: 'test.tamper-target' } });
    }
    expect((await call('GET', '/audit/verify', { token: await asAdmin() })).body.valid).to.equal(true);
  });

  it('when a non-admin asks to verify, then 403', async () => {
    const vendor = await newPerson('vendor', await newOrganisation('vendor'));
    expect((await call('GET', '/audit/verify', { token: vendor.token })).status).to.equal(403);
  });
});
