import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { Types, trusted } from 'mongoose';
import { AuditEvent } from '../../server/audit/audit.model.js';
import { linkAuditChain } from '../../server/audit/audit.service.js';
import { Bid } from '../../server/bids/bid.model.js';
import { openingDue } from '../../server/bids/opening.js';
import { bidDigest, sealBid } from '../../server/bids/sealing.js';
import { context } from '../../server/context.js';
import { onReconcile, reconcile } from '../../server/maintenance/reconcile.js';
import { Notice } from '../../server/notices/notice.model.js';
import { Tender } from '../../server/tenders/tender.model.js';
import { call, newOrganisation, newPerson, type Person } from '../support/api.js';
import { eventually, harness, mailTo } from '../support/harness.js';
import {
  forceTender,
  formConsortium,
  hostingEntity,
  publishedTender,
  waitUntil,
} from '../support/procedure.js';
import { type SealedWorld, sealedWorld } from '../support/sealed-world.js';

const offer = (lot: number, priceCents: number) => ({
  lot,
  priceCents,
  technicalOffer: 'Offer',
  declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
});

describe('regressions of the sealed-phase review', function () {
  this.timeout(120_000);
  let w: SealedWorld;
  let officer: Person;

  before(async () => {
    w = await sealedWorld();
    officer = w.actors.officer as Person;
  });

  describe('the opening', () => {
    it('when an officer sets an opening time that is no real instant, then 400 and nothing changes, nothing is audited', async () => {
      const before = await Tender.findById(w.tenderId).lean();
      await linkAuditChain();
      const audits = await AuditEvent.countDocuments({ action: 'tender.opening-time-set' });
      for (const odd of ['2026-12-31T23:59:60Z', '2026-02-31T00:00:00Z', '0000-01-01T00:00:00Z']) {
        const res = await call('PUT', `/tenders/${w.tenderId}/opening`, {
          token: officer.token,
          body: { openingAt: odd },
        });
        expect(res.status, odd).to.equal(400);
        expect(res.body.errors).to.deep.equal([
          { path: '/openingAt', message: 'must match format "date-time"' },
        ]);
      }
      const after = await Tender.findById(w.tenderId).lean();
      expect(after?.openingAt.getTime()).to.equal(before?.openingAt.getTime());
      expect(after?.rev).to.equal(before?.rev);
      await linkAuditChain();
      expect(await AuditEvent.countDocuments({ action: 'tender.opening-time-set' })).to.equal(audits);
    });

    it('when the stored opening time lies before the deadline, then nothing opens the bids before the deadline', async () => {
      const original = (await Tender.findById(w.tenderId).lean())?.openingAt as Date;
      await forceTender(w.tenderId, { openingAt: new Date(0) });
      try {
        expect(await openingDue(w.tenderId)).to.equal('skipped');
        await reconcile();
        const t = await Tender.findById(w.tenderId).lean();
        expect(t?.opening).to.equal(null);
        expect(await Bid.countDocuments({ tenderId: w.tenderId, opened: trusted({ $ne: null }) })).to.equal(
          0,
        );
      } finally {
        await forceTender(w.tenderId, { openingAt: original });
      }
    });

    it('when a tender from before the ceremony opens by time and a bid accepted before the deadline is stored after the listing, then it is opened too', async () => {
      const draft = {
        body: await publishedTender(
          officer,
          w.expressionX,
          { id: w.consortiumX, members: w.membersX },
          {
            lots: [{ number: 1, title: 'EDR', estimatedValueCents: 1_000_000 }],
            questionsInMs: 2_000,
            submissionInMs: 4_000,
          },
        ),
      };
      const tenderId = draft.body.id;
      // Published the way tenders were before the opening ceremony: no committee, the platform key.
      await forceTender(tenderId, { openingKey: null, openingCommittee: null });
      // Vendors of their own: this tender opens, and the sealed-phase checks must not meet its bidders.
      const a = await newPerson('vendor', await newOrganisation('vendor'));
      const b = await newPerson('vendor', await newOrganisation('vendor'));
      expect(
        (await call('POST', `/tenders/${tenderId}/bids`, { token: a.token, body: offer(1, 500_000) })).status,
      ).to.equal(201);
      await waitUntil(draft.body.submissionDeadline);
      const opened = await eventually(async () => (await Tender.findById(tenderId).lean())?.opening);
      expect(opened.bids).to.deep.equal([{ lot: 1, count: 1 }]);
      // A submission accepted before the deadline whose write landed only now, after the listing.
      const vendorId = b.organisationId;
      const content = { ...offer(1, 400_000), tenderId, vendorId };
      const receivedAt = new Date(new Date(draft.body.submissionDeadline).getTime() - 10);
      const late = await Bid.create({
        tenderId: new Types.ObjectId(tenderId),
        lot: 1,
        vendorId: new Types.ObjectId(vendorId),
        submittedBy: new Types.ObjectId(b.id),
        status: 'submitted',
        receivedAt,
        sha256: bidDigest(content),
        sealed: sealBid(content, { platformKey: context().config.bidEncryptionKey }),
        receipts: [{ receivedAt, sha256: bidDigest(content), action: 'submitted' }],
      });
      await openingDue(tenderId);
      const stored = await Bid.findById(late._id).lean();
      expect(stored?.opened).to.include({ priceCents: 400_000, verified: true });
      expect((await Tender.findById(tenderId).lean())?.opening?.bids).to.deep.equal([{ lot: 1, count: 2 }]);
      // And after the opening no vendor submits or replaces anything.
      const after = await call('POST', `/tenders/${tenderId}/bids`, { token: a.token, body: offer(1, 1) });
      expect(after.status).to.equal(409);
      expect(after.body.type).to.equal('urn:problem:deadline-passed');
    });
  });

  describe('signing in', () => {
    it('when forty wrong passwords are sent at once, then at most five are checked and the rest answer 429', async () => {
      const person = await newPerson('vendor', await newOrganisation('vendor'));
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          call('POST', '/auth/login', { body: { email: person.email, password: `guess-${i}-wrong` } }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401)).to.have.length(5);
      expect(statuses.filter((s) => s === 429)).to.have.length(35);
      const right = await call('POST', '/auth/login', {
        body: { email: person.email, password: person.password },
      });
      expect(right.status).to.equal(429);
      expect(right.headers.get('retry-after')).to.match(/^\d+$/);
    });

    it('when a request id is offered, then a sane one is echoed and an odd or long one replaced', async () => {
      const sane = await call('GET', '/healthz', { headers: { 'x-request-id': 'trace-42.a:b' } });
      expect(sane.headers.get('x-request-id')).to.equal('trace-42.a:b');
      const long = await call('GET', '/healthz', { headers: { 'x-request-id': 'x'.repeat(5000) } });
      expect(long.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
      const odd = await call('GET', '/healthz', { headers: { 'x-request-id': 'a b<script>' } });
      expect(odd.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
    });
  });

  describe('consortia', () => {
    it('when an invited organisation declined, then it sees neither the consortium nor its drafts', async () => {
      const coordinator = await hostingEntity('AT');
      const declined = await hostingEntity('SI');
      const created = await call('POST', '/consortia', {
        token: coordinator.token,
        body: { name: `Declined ${randomBytes(3).toString('hex')}`, contributionCents: 1_000_000 },
      });
      const id = created.body.id as string;
      await call('POST', `/consortia/${id}/invitations`, {
        token: coordinator.token,
        body: { organisationId: declined.organisationId, contributionCents: 1_000_000 },
      });
      expect((await call('GET', `/consortia/${id}`, { token: declined.token })).status).to.equal(200);
      const draft = await call('POST', `/calls/${w.otherCallId}/expressions`, {
        token: coordinator.token,
        body: {
          consortiumId: id,
          summary: 'Confidential plan',
          tools: [{ category: 'ndr', description: 'NDR', estimatedCostCents: 1_000_000 }],
          requestedEuContributionCents: 100_000,
          hostingYears: 2,
        },
      });
      expect(draft.status).to.equal(201);
      await call('POST', `/consortia/${id}/invitations/${declined.organisationId}/decline`, {
        token: declined.token,
      });
      expect((await call('GET', `/consortia/${id}`, { token: declined.token })).status).to.equal(404);
      const listed = await call('GET', `/calls/${w.otherCallId}/expressions`, { token: declined.token });
      expect(listed.body).to.deep.equal({ items: [], total: 0 });
      expect((await call('GET', `/expressions/${draft.body.id}`, { token: declined.token })).status).to.equal(
        404,
      );
      const mine = await call('GET', '/consortia', { token: declined.token });
      expect(mine.body.items.map((c: { id: string }) => c.id)).not.to.include(id);
    });

    it('when a consortium has not sealed its agreement, then no resolution can be proposed', async () => {
      const coordinator = await hostingEntity('HR');
      const other = await hostingEntity('CZ');
      const id = await formConsortium(coordinator, [{ rep: other, contributionCents: 90_000_000 }], {
        seal: false,
      });
      const res = await call('POST', `/consortia/${id}/resolutions`, {
        token: coordinator.token,
        body: { subject: 'Alone we decide' },
      });
      expect(res.status).to.equal(409);
      expect(res.body.type).to.equal('urn:problem:agreement-not-sealed');
    });

    it('when an approved expression is changed after the vote, then the approval is void and submission refused', async () => {
      for (const m of w.membersY) {
        await call('POST', `/consortia/${w.consortiumY}/resolutions/${w.resolutionY}/votes`, {
          token: m.token,
          body: { vote: 'yes' },
        });
      }
      const resolution = await call('GET', `/consortia/${w.consortiumY}/resolutions/${w.resolutionY}`, {
        token: w.actors.repY?.token,
      });
      expect(resolution.body.outcome).to.equal('passed');
      expect(resolution.body.contentSha256).to.match(/^[0-9a-f]{64}$/);
      const raised = await call('PATCH', `/expressions/${w.expressionY}`, {
        token: w.actors.repY?.token,
        body: { requestedEuContributionCents: 750_000 },
      });
      expect(raised.status).to.equal(200);
      const submitted = await call('POST', `/expressions/${w.expressionY}/submit`, {
        token: w.actors.repY?.token,
      });
      expect(submitted.status).to.equal(409);
      expect(submitted.body.errors[0].message).to.match(/as it stands now/);
      // Put back as approved, the content is covered again.
      await call('PATCH', `/expressions/${w.expressionY}`, {
        token: w.actors.repY?.token,
        body: { requestedEuContributionCents: 500_000 },
      });
      const again = await call('POST', `/expressions/${w.expressionY}/submit`, {
        token: w.actors.repY?.token,
      });
      expect(again.status, JSON.stringify(again.body)).to.equal(202);
    });
  });

  describe('repairs', () => {
    it('when a job has spent its retries, then a repair queues it afresh instead of being ignored', async () => {
      const queues = context().queues;
      const jobId = `contract-${new Types.ObjectId()}`;
      const data = { contractId: jobId.slice('contract-'.length) };
      await queues.add('generate-contract', data, { jobId });
      const queue = queues.queue('documents');
      await eventually(async () => (await queue.getJob(jobId))?.isFailed());
      const first = (await queue.getJob(jobId))?.timestamp;
      await queues.add('generate-contract', data, { jobId });
      expect((await queue.getJob(jobId))?.timestamp, 'a plain add is ignored').to.equal(first);
      await queues.add('generate-contract', data, { jobId, replaceFailed: true });
      const second = await eventually(async () => {
        const job = await queue.getJob(jobId);
        return job && job.timestamp !== first && (await job.isFailed()) && job;
      });
      expect(second.failedReason).to.match(/No contract/);
    });

    it('when one repair throws, then the others still run and the run reports which failed', async () => {
      let ran = false;
      const removals = [
        onReconcile('a-broken-repair', async () => {
          throw new Error('broken');
        }),
        onReconcile('z-later-repair', async () => {
          ran = true;
          return 0;
        }),
      ];
      try {
        let error: Error | undefined;
        await reconcile().catch((err: Error) => {
          error = err;
        });
        expect(error?.message).to.equal('Reconciler repairs failed: a-broken-repair');
        expect(ran).to.equal(true);
      } finally {
        for (const remove of removals) remove();
      }
    });

    it('when a notice failed during an SMTP outage, then an officer resends it and it arrives with the same Message-ID', async () => {
      const { mail } = harness();
      mail.beforeAccept = async (raw) => {
        if (raw.includes('outage-')) throw Object.assign(new Error('554 relay down'), { responseCode: 554 });
      };
      const email = `outage-${randomBytes(3).toString('hex')}@people.test`;
      let failed: { _id: unknown; messageId: string } | undefined;
      try {
        const user = await call('POST', '/users', {
          token: (w.actors.admin as Person).token,
          body: {
            email,
            name: 'Outage',
            role: 'vendor',
            organisationId: await newOrganisation('vendor'),
            language: 'en',
          },
        });
        failed = await eventually(async () => {
          const n = await Notice.findOne({ subject: user.body.id }).lean();
          return n?.status === 'failed' && n;
        });
      } finally {
        mail.beforeAccept = undefined;
      }
      const noticeId = String(failed?._id);
      const vendor = await call('POST', `/notices/${noticeId}/resend`, { token: w.actors.vendorC?.token });
      expect(vendor.status).to.equal(403);
      const res = await call('POST', `/notices/${noticeId}/resend`, { token: officer.token });
      expect(res.status).to.equal(202);
      const [arrived] = await eventually(() => mailTo(email).length === 1 && mailTo(email));
      expect(arrived?.parsed.messageId).to.equal(failed?.messageId);
      // The worker records the delivery just after the mail server took it.
      const sent = await eventually(async () => {
        const n = await Notice.findById(noticeId).lean();
        return n?.status === 'sent' && n;
      });
      expect(sent).to.include({ status: 'sent', attempts: 2 });
      const twice = await call('POST', `/notices/${noticeId}/resend`, { token: officer.token });
      expect(twice.status).to.equal(409);
    });
  });
});
