import { expect } from 'chai';
import { linkTokenIn } from '../../scripts/procedure.js';
import { User } from '../../server/accounts/user.model.js';
import { asAdmin, call, inbox, linkTokenAfter, login, newOrganisation, newPerson } from '../support/api.js';
import { eventually, mailTo } from '../support/harness.js';

const unique = () => Math.random().toString(16).slice(2, 8);

/** An account the administrator created; its person has not opened the invitation yet. */
async function invitedPerson() {
  const email = `invited-${unique()}@people.test`;
  const res = await call('POST', '/users', {
    token: await asAdmin(),
    body: {
      email,
      name: 'Invited Person',
      role: 'vendor',
      organisationId: await newOrganisation('vendor'),
      language: 'en',
    },
  });
  expect(res.status).to.equal(201);
  return { id: res.body.id as string, email, created: res.body };
}

const newestToken = async (email: string, page = '/account/password') =>
  (await inbox(email, linkTokenIn(page)))[1] as string;

describe('people own their credentials', () => {
  describe('invitations', () => {
    it('when the administrator creates an account, then nobody has a password for it until the person sets one from the e-mailed link', async () => {
      const { id, email, created } = await invitedPerson();
      expect(created).to.include({ status: 'invited', passwordSetAt: null });
      expect(created.invitation.expiresAt).to.be.a('string');
      // Nothing the administrator sent or could guess signs in.
      const before = await call('POST', '/auth/login', {
        body: { email, password: 'admin-chosen-password' },
      });
      expect(before.status).to.equal(401);
      const stored = await User.findById(id).lean();
      expect(stored?.passwordHash).to.equal(null);
      // The link is only in the e-mail: the account keeps a nonce, never the link.
      const token = await newestToken(email);
      expect(JSON.stringify(stored)).not.to.include(token);
      const set = await call('POST', '/auth/password', {
        body: { token, password: 'my-own-chosen-password' },
      });
      expect(set.status).to.equal(200);
      expect((await call('GET', '/me', { token: set.body.token })).body.user).to.include({
        email,
        status: 'active',
      });
      expect(await login(email, 'my-own-chosen-password')).to.be.a('string');
      // Spent: the same link again is refused and changes nothing.
      const again = await call('POST', '/auth/password', {
        body: { token, password: 'someone-elses-password' },
      });
      expect(again.status).to.equal(400);
      expect(again.body.errors).to.deep.equal([{ path: '/token', message: 'is not a valid link' }]);
      expect(await login(email, 'my-own-chosen-password')).to.be.a('string');
    });

    it('when the administrator tries to choose the password, then 400 names /password and no account is made', async () => {
      const email = `chosen-${unique()}@people.test`;
      const res = await call('POST', '/users', {
        token: await asAdmin(),
        body: {
          email,
          name: 'X',
          password: 'admin-chosen-password',
          role: 'vendor',
          organisationId: await newOrganisation('vendor'),
          language: 'en',
        },
      });
      expect(res.status).to.equal(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).to.include('/password');
      expect(await User.exists({ email })).to.equal(null);
    });

    it('when an officer or the administrator reads the invitation notice, then it is not theirs to read; its recipient reads it', async () => {
      const { id, email } = await invitedPerson();
      const token = await newestToken(email);
      const notices = await call('GET', `/notices?subject=${id}`, { token: await asAdmin() });
      const invitation = notices.body.items.find(
        (n: { template: string }) => n.template === 'account-invitation',
      );
      expect(invitation, 'listed with its delivery status').to.exist;
      expect(JSON.stringify(notices.body)).not.to.include(token);
      expect((await call('GET', `/notices/${invitation.id}`, { token: await asAdmin() })).status).to.equal(
        404,
      );
      const session = await call('POST', '/auth/password', {
        body: { token, password: 'my-own-chosen-password' },
      });
      const own = await call('GET', `/notices/${invitation.id}`, { token: session.body.token });
      expect(own.status).to.equal(200);
      expect(own.body.subjectLine).to.equal('You are invited to the joint procurement platform');
    });

    it('when an invitation is sent again, then the old link stops working and the new one works', async () => {
      const { id, email } = await invitedPerson();
      const first = await newestToken(email);
      const resent = await call('POST', `/users/${id}/invitation`, { token: await asAdmin() });
      expect(resent.status).to.equal(202);
      const second = await eventually(async () => {
        const t = await newestToken(email);
        return t !== first && t;
      });
      expect(
        (await call('POST', '/auth/password', { body: { token: first, password: 'my-own-chosen-password' } }))
          .status,
      ).to.equal(400);
      expect(
        (
          await call('POST', '/auth/password', {
            body: { token: second, password: 'my-own-chosen-password' },
          })
        ).status,
      ).to.equal(200);
      // Once active, there is no invitation to resend.
      expect((await call('POST', `/users/${id}/invitation`, { token: await asAdmin() })).status).to.equal(
        409,
      );
    });

    it('when a link has expired or was tampered with, then it is refused', async () => {
      const { id, email } = await invitedPerson();
      const token = await newestToken(email);
      const [user, nonce, mac] = token.split('.');
      const tampered = `${user}.${nonce}.${(mac as string).replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`;
      expect(
        (
          await call('POST', '/auth/password', {
            body: { token: tampered, password: 'my-own-chosen-password' },
          })
        ).status,
      ).to.equal(400);
      await User.updateOne({ _id: id }, { $set: { 'passwordLink.expiresAt': new Date(Date.now() - 1000) } });
      expect(
        (await call('POST', '/auth/password', { body: { token, password: 'my-own-chosen-password' } }))
          .status,
      ).to.equal(400);
    });
  });

  describe('a person changes their own password', () => {
    it('when the current password is wrong, then 403 names /current and nothing changes', async () => {
      const p = await newPerson('vendor', await newOrganisation('vendor'));
      const res = await call('PUT', '/me/password', {
        token: p.token,
        body: { current: 'not-mine-at-all', password: 'a-brand-new-password' },
      });
      expect(res.status).to.equal(403);
      expect(res.body.errors).to.deep.equal([{ path: '/current', message: 'is not your current password' }]);
      expect(await login(p.email, p.password)).to.be.a('string');
    });

    it('when it is changed, then the other sessions end, the new session works, and the person is told', async () => {
      const p = await newPerson('vendor', await newOrganisation('vendor'));
      const otherSession = await login(p.email, p.password);
      const res = await call('PUT', '/me/password', {
        token: p.token,
        body: { current: p.password, password: 'a-brand-new-password' },
      });
      expect(res.status).to.equal(200);
      expect((await call('GET', '/me', { token: otherSession })).status).to.equal(401);
      expect((await call('GET', '/me', { token: p.token })).status).to.equal(401);
      expect((await call('GET', '/me', { token: res.body.token })).status).to.equal(200);
      expect(
        (await call('POST', '/auth/login', { body: { email: p.email, password: p.password } })).status,
      ).to.equal(401);
      await eventually(() => mailTo(p.email).some((m) => m.parsed.subject === 'Your password was changed'));
    });
  });

  describe('guessing with a session', () => {
    it('when a session guesses the password through the doors that ask for it, then the sixth guess is refused with 429, even a right one', async () => {
      const p = await newPerson('vendor', await newOrganisation('vendor'));
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const a = await call('PUT', '/me/password', {
          token: p.token,
          body: { current: `guess-${i}-wrong`, password: 'a-brand-new-password' },
        });
        const b = await call('PUT', '/me/email', {
          token: p.token,
          body: { email: `guess-${i}@people.test`, password: `guess-${i}-wrong` },
        });
        statuses.push(a.status, b.status);
      }
      expect(statuses).to.deep.equal([403, 403, 403, 403, 403, 429]);
      const right = await call('PUT', '/me/password', {
        token: p.token,
        body: { current: p.password, password: 'a-brand-new-password' },
      });
      expect(right.status).to.equal(429);
      expect(Number(right.headers.get('retry-after'))).to.be.greaterThan(0);
      expect(await login(p.email, p.password)).to.be.a('string');
    });
  });

  describe('resets', () => {
    it('when a reset is asked, then the answer is the same for a known and an unknown address, and only the owner gets a link', async () => {
      const p = await newPerson('vendor', await newOrganisation('vendor'));
      const before = mailTo(p.email).length;
      const known = await call('POST', '/auth/reset', { body: { email: p.email } });
      const unknown = await call('POST', '/auth/reset', { body: { email: `nobody-${unique()}@x.test` } });
      expect([known.status, unknown.status]).to.deep.equal([202, 202]);
      expect(known.body).to.deep.equal(unknown.body);
      const token = await linkTokenAfter(p.email, before);
      // The old password works until the link is used; then every session ends.
      expect(await login(p.email, p.password)).to.be.a('string');
      const set = await call('POST', '/auth/password', {
        body: { token, password: 'reset-chosen-password' },
      });
      expect(set.status).to.equal(200);
      expect((await call('GET', '/me', { token: p.token })).status).to.equal(401);
      expect(await login(p.email, 'reset-chosen-password')).to.be.a('string');
    });

    it('when the administrator forces a reset, then the password stops working, sessions end, and the link goes to the person alone', async () => {
      const p = await newPerson('vendor', await newOrganisation('vendor'));
      const before = await User.findById(p.id).lean();
      const mailsBefore = mailTo(p.email).length;
      const res = await call('POST', `/users/${p.id}/force-reset`, { token: await asAdmin() });
      expect(res.status).to.equal(202);
      expect(JSON.stringify(res.body)).not.to.match(/nonce|token|password"/i);
      expect((await call('GET', '/me', { token: p.token })).status).to.equal(401);
      expect(
        (await call('POST', '/auth/login', { body: { email: p.email, password: p.password } })).status,
      ).to.equal(401);
      await eventually(() => mailTo(p.email).length > mailsBefore);
      const token = await newestToken(p.email);
      expect(
        (await call('POST', '/auth/password', { body: { token, password: 'my-next-own-password' } })).status,
      ).to.equal(200);
      expect(before?.email).to.equal(p.email);
    });
  });

  describe('disabled accounts', () => {
    it('when the administrator disables an account, then its sessions end and it cannot sign in until enabled', async () => {
      const p = await newPerson('vendor', await newOrganisation('vendor'));
      expect((await call('POST', `/users/${p.id}/disable`, { token: await asAdmin() })).body.status).to.equal(
        'disabled',
      );
      expect((await call('GET', '/me', { token: p.token })).status).to.equal(401);
      const refused = await call('POST', '/auth/login', { body: { email: p.email, password: p.password } });
      expect(refused.status).to.equal(403);
      expect(refused.body.type).to.equal('urn:problem:account-disabled');
      // No reset link either.
      const mails = mailTo(p.email).length;
      await call('POST', '/auth/reset', { body: { email: p.email } });
      expect((await call('POST', `/users/${p.id}/enable`, { token: await asAdmin() })).body.status).to.equal(
        'active',
      );
      expect(await login(p.email, p.password)).to.be.a('string');
      expect(mailTo(p.email).length).to.equal(mails);
    });
  });

  describe('a person changes their own address', () => {
    it('when asked with the password, then the address changes only once confirmed from the new one, and the old one is told', async () => {
      const p = await newPerson('vendor', await newOrganisation('vendor'));
      const next = `moved-${unique()}@people.test`;
      const wrong = await call('PUT', '/me/email', {
        token: p.token,
        body: { email: next, password: 'not-the-password' },
      });
      expect(wrong.status).to.equal(403);
      const asked = await call('PUT', '/me/email', {
        token: p.token,
        body: { email: next, password: p.password },
      });
      expect(asked.status).to.equal(202);
      expect(asked.body).to.include({ email: p.email, pendingEmail: next });
      expect(
        (await call('POST', '/auth/login', { body: { email: next, password: p.password } })).status,
      ).to.equal(401);
      const token = await newestToken(next, '/account/email');
      const confirmed = await call('POST', '/auth/email', { body: { token } });
      expect(confirmed.status, JSON.stringify(confirmed.body)).to.equal(200);
      expect(await login(next, p.password)).to.be.a('string');
      expect(
        (await call('POST', '/auth/login', { body: { email: p.email, password: p.password } })).status,
      ).to.equal(401);
      await eventually(() =>
        mailTo(p.email).some((m) => m.parsed.subject === "Your account's e-mail address was changed"),
      );
    });

    it('when the administrator tries to change a person’s address or password, then no door exists for it', async () => {
      const p = await newPerson('vendor', await newOrganisation('vendor'));
      const admin = await asAdmin();
      for (const [method, path] of [
        ['PUT', `/users/${p.id}`],
        ['PATCH', `/users/${p.id}`],
        ['PUT', `/users/${p.id}/password`],
        ['PUT', `/users/${p.id}/email`],
      ] as const) {
        const res = await call(method, path, {
          token: admin,
          body: { email: 'admin@x.test', password: 'admin-chosen-password' },
        });
        expect(res.status, `${method} ${path}`).to.equal(404);
      }
      expect(await login(p.email, p.password)).to.be.a('string');
    });
  });

  describe('the sign-in limit', () => {
    it('when one account is guessed at from many addresses, then it is refused with 429 after ten failures', async () => {
      const p = await newPerson('vendor', await newOrganisation('vendor'));
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await call('POST', '/auth/login', {
          body: { email: p.email, password: `guess-${i}-wrong` },
          headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 10)).to.deep.equal(Array(10).fill(401));
      expect(statuses.slice(10)).to.deep.equal([429, 429]);
      // A password set from a reset link proves the owner, who gets back in.
      const before = mailTo(p.email).length;
      await call('POST', '/auth/reset', { body: { email: p.email } });
      const token = await linkTokenAfter(p.email, before);
      expect(
        (await call('POST', '/auth/password', { body: { token, password: 'owner-chosen-password' } })).status,
      ).to.equal(200);
      expect(await login(p.email, 'owner-chosen-password')).to.be.a('string');
    });
  });
});
