import { expect } from 'chai';
import { openingSecretOf } from '../../scripts/procedure/tender-steps.js';
import { linkTokenIn } from '../../scripts/procedure.js';
import { AuditEvent } from '../../server/audit/audit.model.js';
import { Tender, type TenderRecord } from '../../server/tenders/tender.model.js';
import { asAdmin, call, inbox, linkTokenAfter, type Person, steps } from '../support/api.js';
import { eventually, mailTo } from '../support/harness.js';
import {
  approveTender,
  openingCommittee,
  type SelectedExpression,
  selectedExpression,
  tenderBody,
  waitUntil,
} from '../support/procedure.js';

/**
 * The attack of the security review: an administrator who could sign in as committee members
 * replaced their opening secrets and opened every bid alone. Here the administrator does all that
 * the API lets an administrator do, and no tender opens without a quorum of distinct people's own
 * secrets.
 */
describe('nobody acts for a quorum: an administrator against the opening committee', function () {
  this.timeout(180_000);
  let sel: SelectedExpression;
  let committee: Person[];
  let tenderId: string;
  let admin: string;

  const secretSetAt = async () =>
    ((await Tender.findById(tenderId).lean<TenderRecord>())?.openingCommittee?.members ?? []).map((m) =>
      String(m.secretSetAt),
    );

  before(async () => {
    sel = await selectedExpression();
    committee = await openingCommittee(sel.officer);
    admin = await asAdmin();
    const draft = await call('POST', '/tenders', {
      token: sel.officer.token,
      body: tenderBody(sel.expressionId, {
        lots: [{ number: 1, title: 'SIEM', estimatedValueCents: 100_000_00 }],
        questionsInMs: 2_000,
        submissionInMs: 9_000,
      }),
    });
    tenderId = draft.body.id;
    await steps.seatOpeningCommittee(sel.officer, tenderId, committee);
  });

  it('when the administrator sets a secret for a member, then 403: only members act, as themselves', async () => {
    const res = await call('PUT', `/tenders/${tenderId}/opening-committee/me`, {
      token: admin,
      body: { secret: 'the administrator’s secret' },
    });
    expect(res.status).to.equal(403);
  });

  it('when a member’s session is used without the old secret or the password, then the secret stays the member’s', async () => {
    const [, member] = committee as [Person, Person, Person];
    const before = await secretSetAt();
    const bare = await call('PUT', `/tenders/${tenderId}/opening-committee/me`, {
      token: member.token,
      body: { secret: 'an intruder’s own secret' },
    });
    expect(bare.status).to.equal(409);
    expect(bare.body.errors[0].path).to.equal('/currentSecret');
    const guessed = await call('PUT', `/tenders/${tenderId}/opening-committee/me`, {
      token: member.token,
      body: { secret: 'an intruder’s own secret', currentSecret: 'a guess at the secret' },
    });
    expect(guessed.status).to.equal(403);
    const wrongPassword = await call('PUT', `/tenders/${tenderId}/opening-committee/me`, {
      token: member.token,
      body: { secret: 'an intruder’s own secret', password: 'a guess at the password' },
    });
    expect(wrongPassword.status).to.equal(403);
    expect(await secretSetAt()).to.deep.equal(before);
    // Both refusals are audited (the audit chain links them a moment later).
    await eventually(
      async () =>
        (await AuditEvent.countDocuments({
          action: 'tender.opening-secret-change-refused',
          'object.id': tenderId,
        })) === 2,
    );
  });

  it('when a member changes the secret with the old one, then it changes and the member is told', async () => {
    const [, member] = committee as [Person, Person, Person];
    const res = await call('PUT', `/tenders/${tenderId}/opening-committee/me`, {
      token: member.token,
      body: { secret: `${openingSecretOf(member)} (new)`, currentSecret: openingSecretOf(member) },
    });
    expect(res.status).to.equal(200);
    await eventually(() => mailTo(member.email).some((m) => /was changed\./.test(m.parsed.text ?? '')));
    // Back to the secret the procedure's steps act with.
    const back = await call('PUT', `/tenders/${tenderId}/opening-committee/me`, {
      token: member.token,
      body: { secret: openingSecretOf(member), currentSecret: `${openingSecretOf(member)} (new)` },
    });
    expect(back.status).to.equal(200);
  });

  it('when a change is asked with the password, then it waits for the link e-mailed to the member', async () => {
    const [, , member] = committee as [Person, Person, Person];
    const before = await secretSetAt();
    const asked = await call('PUT', `/tenders/${tenderId}/opening-committee/me`, {
      token: member.token,
      body: { secret: `${openingSecretOf(member)} (lost and set anew)`, password: member.password },
    });
    expect(asked.status).to.equal(200);
    expect(asked.body.members.find((m: { userId: string }) => m.userId === member.id).changePending).to.equal(
      true,
    );
    expect(await secretSetAt()).to.deep.equal(before);
    const forged = await call('POST', `/tenders/${tenderId}/opening-committee/me/confirm`, {
      token: member.token,
      body: { token: `${member.id}.forged.nonce` },
    });
    expect(forged.status).to.equal(400);
    const [, token] = await inbox(member.email, linkTokenIn(`/tenders/${tenderId}/opening-secret`));
    // The link is the member's: another member's session cannot spend it.
    const other = await call('POST', `/tenders/${tenderId}/opening-committee/me/confirm`, {
      token: (committee[1] as Person).token,
      body: { token },
    });
    expect(other.status).to.equal(400);
    const confirmed = await call('POST', `/tenders/${tenderId}/opening-committee/me/confirm`, {
      token: member.token,
      body: { token },
    });
    expect(confirmed.status).to.equal(200);
    expect(await secretSetAt()).not.to.deep.equal(before);
    // And back again, with the secret now set.
    await call('PUT', `/tenders/${tenderId}/opening-committee/me`, {
      token: member.token,
      body: {
        secret: openingSecretOf(member),
        currentSecret: `${openingSecretOf(member)} (lost and set anew)`,
      },
    });
  });

  it('when the administrator forces resets of two members, then the links reach the members alone and the administrator cannot sign in as them', async () => {
    const targets = committee.slice(1) as Person[];
    const before = targets.map((m) => mailTo(m.email).length);
    for (const m of targets) {
      expect((await call('POST', `/users/${m.id}/force-reset`, { token: admin })).status).to.equal(202);
    }
    for (const [i, m] of targets.entries()) {
      const token = await linkTokenAfter(m.email, before[i] as number);
      // Every notice the administrator can list or read: none carries the link.
      const listed = await call('GET', `/notices?subject=${m.id}&limit=100`, { token: admin });
      expect(JSON.stringify(listed.body)).not.to.include(token);
      for (const n of listed.body.items) {
        const read = await call('GET', `/notices/${n.id}`, { token: admin });
        expect(JSON.stringify(read.body)).not.to.include(token);
      }
      // Whatever the administrator tries as the member's password, nothing signs in.
      const tried = await call('POST', '/auth/login', { body: { email: m.email, password: m.password } });
      expect(tried.status).to.equal(401);
      // The member, reading their own mail, chooses a password again.
      const back = await call('POST', '/auth/password', { body: { token, password: m.password } });
      expect(back.status).to.equal(200);
      m.token = back.body.token;
    }
  });

  it('when the bids are due, then the administrator cannot act, one member acting twice is one act, and two distinct members open', async () => {
    await approveTender(sel.consortiumId, tenderId, sel.members);
    const published = await call('POST', `/tenders/${tenderId}/publish`, { token: sel.officer.token });
    expect(published.status).to.equal(200);
    await waitUntil(published.body.openingAt ?? published.body.submissionDeadline);
    const unlock = (p: { token: string }, secret: string) =>
      call('POST', `/tenders/${tenderId}/opening/unlock`, { token: p.token, body: { secret } });
    const [first, second] = committee as [Person, Person, Person];
    const byAdmin = await eventually(async () => {
      const r = await unlock({ token: admin }, openingSecretOf(first));
      return r.body?.type !== 'urn:problem:opening-not-due' && r;
    });
    expect(byAdmin.status).to.equal(403);
    const once = await eventually(async () => {
      const r = await unlock(first, openingSecretOf(first));
      return r.status === 202 && r;
    });
    expect(once.body).to.include({ acted: 1, quorum: 2 });
    const twice = await unlock(first, openingSecretOf(first));
    expect(twice.body).to.include({ acted: 1 });
    const wrong = await unlock(second, openingSecretOf(first));
    expect(wrong.status).to.equal(403);
    const opened = await unlock(second, openingSecretOf(second));
    expect(opened.body).to.include({ acted: 2, quorum: 2 });
    const record = await call('GET', `/tenders/${tenderId}/opening`, { token: sel.officer.token });
    expect(record.body.acts.map((a: { userId: string }) => a.userId)).to.deep.equal([first.id, second.id]);
  });
});
