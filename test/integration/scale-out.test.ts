import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { openingSecretOf } from '../../scripts/procedure/tender-steps.js';
import { AuditEvent } from '../../server/audit/audit.model.js';
import { Bid } from '../../server/bids/bid.model.js';
import { freePort } from '../../server/embedded/processes.js';
import { projectRoot } from '../../server/paths.js';
import { asAdmin, call, newOrganisation, newPerson, type Person } from '../support/api.js';
import { eventually, harness, mailTo } from '../support/harness.js';
import { publishedTender, selectedExpression } from '../support/procedure.js';

// Two API processes and two workers on one database and one Redis: the in-process API and workers
// of the test run, plus a second API (`START_WORKER=false`) and a second worker (`npm run worker`).

const VENDORS = 12;

function start(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return fork(path.join(projectRoot, 'dist', script), [], { env, stdio: 'ignore' });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('scale-out: two APIs and two workers on one database and one Redis', () => {
  it('when bids arrive at both APIs and both workers run, then every bid is stored once, every notice is sent once, the opening fires once and the audit chain holds', async function () {
    this.timeout(120_000);
    const h = harness();
    const port = await freePort();
    const secondApi = start(path.join('server', 'main.js'), {
      ...h.env,
      PORT: String(port),
      START_WORKER: 'false',
    });
    const secondWorker = start(path.join('workers', 'main.js'), h.env);
    try {
      const apis = [h.baseUrl, `http://127.0.0.1:${port}`];
      await eventually(async () => (await fetch(`${apis[1]}/readyz`).catch(() => undefined))?.ok, 30_000);
      const sel = await selectedExpression();
      const vendors: Person[] = [];
      for (let i = 0; i < VENDORS; i++) {
        const vendor = await newPerson('vendor', await newOrganisation('vendor'));
        const sub = await call('PUT', `/organisations/${vendor.organisationId}/subscriptions`, {
          token: vendor.token,
          body: { cpvPrefixes: ['4873'] },
        });
        expect(sub.status).to.equal(200);
        vendors.push(vendor);
      }
      const tender = await publishedTender(
        sel.officer,
        sel.expressionId,
        { id: sel.consortiumId, members: sel.members },
        {
          lots: [{ number: 1, title: 'SIEM', estimatedValueCents: 50_000_000 }],
          questionsInMs: 6_000,
          submissionInMs: 12_000,
        },
      );
      // Every vendor bids at once, half through each API.
      const answers = await Promise.all(
        vendors.map(async (v, i) => {
          const res = await fetch(`${apis[i % 2]}/api/v1/tenders/${tender.id}/bids`, {
            method: 'POST',
            headers: { authorization: `Bearer ${v.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              lot: 1,
              priceCents: 40_000_000 + i,
              technicalOffer: `Offer ${i}`,
              declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
            }),
          });
          return res.status;
        }),
      );
      expect(answers).to.deep.equal(vendors.map(() => 201));
      expect(await Bid.countDocuments({ tenderId: tender.id })).to.equal(VENDORS);

      // The opening job is one delayed job for two workers: it fires once, and the committee is told once.
      const [first, second, third] = tender.openingCommittee as [Person, Person, Person];
      await eventually(
        () => mailTo(third.email).find((m) => m.parsed.subject?.startsWith('Opening of tender')),
        40_000,
      );
      // Two members act at the same moment, one through each API: the bids open once.
      const acts = await Promise.all(
        [first, second].map(async (m, i) => {
          const res = await fetch(`${apis[i]}/api/v1/tenders/${tender.id}/opening/unlock`, {
            method: 'POST',
            headers: { authorization: `Bearer ${m.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ secret: openingSecretOf(m) }),
          });
          return res.status;
        }),
      );
      expect(acts).to.deep.equal([202, 202]);
      const opened = await eventually(async () => {
        const res = await call('GET', `/tenders/${tender.id}`, { token: sel.officer.token });
        return res.body.opening && res.body;
      }, 40_000);
      expect(opened.opening.bids).to.deep.equal([{ lot: 1, count: VENDORS }]);
      const openings = () => AuditEvent.countDocuments({ action: 'tender.opened', 'object.id': tender.id });
      await eventually(async () => (await openings()) >= 1);
      const verdict = await eventually(async () => {
        const res = await call('GET', '/audit/verify', { token: await asAdmin() });
        return res.body.pending === 0 && res.body;
      });
      expect(verdict.valid).to.equal(true);
      expect(await openings()).to.equal(1);

      // Each vendor was told of the tender once and got one receipt, whichever worker sent it.
      await eventually(() => vendors.every((v) => mailTo(v.email).length >= 3), 30_000);
      await new Promise((r) => setTimeout(r, 1000));
      const announced = mailTo(third.email).filter((m) => m.parsed.subject?.startsWith('Opening of tender'));
      expect(announced).to.have.length(1);
      for (const v of vendors) {
        const subjects = mailTo(v.email).map((m) => m.parsed.subject ?? '');
        expect(subjects, v.email).to.have.length(3); // welcome, tender published, receipt
        expect(new Set(mailTo(v.email).map((m) => m.parsed.messageId)).size).to.equal(3);
      }
    } finally {
      await Promise.all([stop(secondApi), stop(secondWorker)]);
    }
  });
});
