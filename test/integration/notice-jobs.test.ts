import { expect } from 'chai';
import { Types } from 'mongoose';
import { Notice } from '../../server/notices/notice.model.js';
import { firstSendJob, type NewNotice, noticeDocument } from '../../server/notices/outbox.js';
import { sendNotice } from '../../server/notices/sending.js';
import { eventually, mailTo } from '../support/harness.js';
import { readsOf } from '../support/queries.js';

/** A notice stored as recorded, with no job queued for it (the test plays the worker). */
async function storedNotice(sealedTenderId?: string) {
  const id = new Types.ObjectId().toHexString();
  const n: NewNotice = {
    key: `job-test:${id}`,
    template: 'password-changed',
    recipient: {
      userId: id,
      organisationId: new Types.ObjectId().toHexString(),
      name: 'Job Test',
      email: `job-${id}@vendor.test`,
      language: 'nl',
    },
    data: { email: `job-${id}@vendor.test`, role: 'vendor', organisationName: 'Job Vendor' },
    sealedTenderId,
  };
  const doc = noticeDocument(n, new Date());
  await Notice.collection.insertOne(doc as never);
  return doc;
}

describe('notice send jobs: the first carries the notice', () => {
  it('when a notice about no sealed tender is recorded, then its first job carries it; one about a sealed tender carries its id only', async () => {
    const open = await storedNotice();
    const job = firstSendJob(open);
    expect(job.jobId).to.equal(`notice-${open._id}`);
    expect(job.data.recorded).to.include({ template: 'password-changed', locale: 'nl', to: open.to });
    expect(job.data.recorded?.messageId).to.equal(open.messageId);
    const sealed = await storedNotice(new Types.ObjectId().toHexString());
    expect(firstSendJob(sealed).data).to.deep.equal({ noticeId: String(sealed._id) });
  });

  it('when the first attempt carries the notice, then it is sent without reading it back; a later attempt reads it and sends nothing twice', async () => {
    const doc = await storedNotice();
    const id = String(doc._id);
    const { recorded } = firstSendJob(doc).data;
    let outcome = '';
    expect(
      await readsOf('notices', id, async () => (outcome = await sendNotice(id, 1, false, recorded))),
    ).to.equal(0);
    expect(outcome).to.equal('sent');
    await eventually(() => mailTo(doc.to).length === 1);
    const [mail] = mailTo(doc.to);
    expect(mail?.parsed.messageId).to.equal(doc.messageId);
    const stored = await Notice.findById(id).lean();
    expect(stored).to.include({ status: 'sent', attempts: 1 });
    // A retry of the same job (its worker died after sending) reads the notice and finds it sent.
    expect(
      await readsOf('notices', id, async () => (outcome = await sendNotice(id, 2, false, recorded))),
    ).to.equal(1);
    expect(outcome).to.equal('skipped');
    await new Promise((r) => setTimeout(r, 300));
    expect(mailTo(doc.to)).to.have.length(1);
  });
});
