import { expect } from 'chai';
import { Notice, NoticeOutbox } from '../../server/notices/notice.model.js';
import { recordNotices, requeueStaleNotices } from '../../server/notices/outbox.js';
import type { Recipient } from '../../server/notices/recipients.js';
import { newOrganisation, newPerson } from '../support/api.js';
import { eventually, harness, mailTo } from '../support/harness.js';

async function recipient(): Promise<Recipient> {
  const org = await newOrganisation('vendor');
  const person = await newPerson('vendor', org);
  await eventually(() => mailTo(person.email).length === 1); // the welcome notice
  return { userId: person.id, organisationId: org, name: 'Outbox Test', email: person.email, language: 'en' };
}

const notice = (key: string, to: Recipient) => ({
  key,
  template: 'password-changed',
  recipient: to,
  data: { email: to.email, role: 'vendor', organisationName: 'Outbox Vendor' },
});

describe('notice outbox', () => {
  it('when the same notices are recorded twice (a drain run again), then each key is one notice, one mail, the same id', async () => {
    const [a, b] = [await recipient(), await recipient()];
    const first = await recordNotices([notice(`twice-a-${a.userId}`, a), notice(`twice-b-${b.userId}`, b)]);
    const again = await recordNotices([notice(`twice-b-${b.userId}`, b), notice(`twice-a-${a.userId}`, a)]);
    expect(first).to.have.length(2);
    expect(again).to.deep.equal([first[1], first[0]]);
    await eventually(() => mailTo(a.email).length === 2 && mailTo(b.email).length === 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailTo(a.email)).to.have.length(2);
    expect(mailTo(b.email)).to.have.length(2);
    const stored = await Notice.find({ key: `twice-a-${a.userId}` }).lean();
    expect(stored).to.have.length(1);
    expect(String(stored[0]?._id)).to.equal(first[0]);
  });

  it('when a notice’s job is lost, then the reconciler queues it again from the outbox, and clears the outbox once it is sent', async function () {
    this.timeout(30_000);
    const h = harness();
    const to = await recipient();
    await h.stopWorkers();
    let id = '';
    try {
      id = (await recordNotices([notice(`lost-${to.userId}`, to)]))[0] as string;
      // The job disappears (Redis lost it, say) and the notice has waited past the grace period.
      await h.platform.queues.queue('notices').remove(`notice-${id}`);
      await NoticeOutbox.updateOne({ _id: id }, { $set: { at: new Date(Date.now() - 60_000) } });
      expect(await requeueStaleNotices(30_000)).to.be.greaterThanOrEqual(1);
    } finally {
      await h.startWorkers();
    }
    await eventually(() => mailTo(to.email).length === 2);
    const sent = await eventually(async () => {
      const n = await Notice.findById(id).lean();
      return n?.status === 'sent' && n;
    });
    expect(sent.attempts).to.equal(1);
    await requeueStaleNotices(30_000);
    expect(await NoticeOutbox.findById(id).lean()).to.equal(null);
    expect(mailTo(to.email)).to.have.length(2);
  });
});
