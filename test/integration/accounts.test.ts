import { expect } from 'chai';
import { asAdmin, call, login, newOrganisation, newPerson } from '../support/api.js';
import { ADMIN, harness } from '../support/harness.js';

describe('accounts and access', () => {
  describe('login', () => {
    it('when the admin signs in with the right password, then a token and the user come back', async () => {
      const res = await call('POST', '/auth/login', {
        body: { email: ADMIN.email, password: ADMIN.password },
      });
      expect(res.status).to.equal(200);
      expect(res.body.token).to.be.a('string');
      expect(res.body.user).to.include({ email: ADMIN.email, role: 'admin' });
      expect(res.body.user).not.to.have.property('passwordHash');
    });

    it('when the email is unknown or the password wrong, then both answer the same 401 problem', async () => {
      const unknown = await call('POST', '/auth/login', {
        body: { email: 'nobody@x.test', password: 'whatever-password' },
      });
      const wrong = await call('POST', '/auth/login', {
        body: { email: ADMIN.email, password: 'not-the-password' },
      });
      expect(unknown.status).to.equal(401);
      expect(wrong.status).to.equal(401);
      expect(unknown.headers.get('content-type')).to.match(/^application\/problem\+json/);
      expect(unknown.body.detail).to.equal(wrong.body.detail);
      expect(unknown.body.type).to.equal(wrong.body.type);
    });

    it('when the same email fails five times, then the sixth attempt is refused with 429 even with the right password', async () => {
      const org = await newOrganisation('vendor');
      const person = await newPerson('vendor', org);
      for (let i = 0; i < 5; i++) {
        const res = await call('POST', '/auth/login', {
          body: { email: person.email, password: 'wrong-password!' },
        });
        expect(res.status, `attempt ${i + 1}`).to.equal(401);
      }
      const blocked = await call('POST', '/auth/login', {
        body: { email: person.email, password: person.password },
      });
      expect(blocked.status).to.equal(429);
      expect(Number(blocked.headers.get('retry-after'))).to.be.greaterThan(0);
      expect(blocked.body).to.include({ status: 429, title: 'Too Many Requests' });
    });

    it('when the rate limit is counted, then it lives in Redis so every instance shares it', async () => {
      const keys = await harness().platform.redis.keys(`${harness().env.QUEUE_PREFIX}:login-fail*`);
      expect(keys.length).to.be.greaterThan(0);
    });
  });

  describe('organisations and users', () => {
    it('when the admin creates an organisation and a user, then the user signs in and /me shows both', async () => {
      const org = await newOrganisation('hosting-entity', { country: 'NL', language: 'nl' });
      const rep = await newPerson('entity-representative', org, 'nl');
      const me = await call('GET', '/me', { token: rep.token });
      expect(me.status).to.equal(200);
      expect(me.body.user).to.include({ role: 'entity-representative', language: 'nl', organisationId: org });
      expect(me.body.organisation).to.include({
        id: org,
        country: 'NL',
        kind: 'hosting-entity',
        publicBody: true,
      });
    });

    it('when a non-admin creates an organisation or a user, then 403', async () => {
      const org = await newOrganisation('vendor');
      const vendor = await newPerson('vendor', org);
      const a = await call('POST', '/organisations', {
        token: vendor.token,
        body: {
          name: 'X',
          kind: 'vendor',
          country: 'BE',
          publicBody: false,
          email: 'x@x.test',
          language: 'en',
        },
      });
      const b = await call('POST', '/users', {
        token: vendor.token,
        body: {
          email: 'y@x.test',
          name: 'Y',
          role: 'admin',
          organisationId: org,
          language: 'en',
        },
      });
      expect([a.status, b.status]).to.deep.equal([403, 403]);
      expect(a.body.type).to.equal('urn:problem:forbidden');
    });

    it('when a role does not fit the organisation kind, then 400 names the role', async () => {
      const org = await newOrganisation('vendor');
      const res = await call('POST', '/users', {
        token: await asAdmin(),
        body: {
          email: 'z@x.test',
          name: 'Z',
          role: 'evaluator',
          organisationId: org,
          language: 'en',
        },
      });
      expect(res.status).to.equal(400);
      expect(res.body.errors).to.deep.include({
        path: '/role',
        message: 'does not fit an organisation of kind vendor',
      });
    });

    it('when an email is taken, then 409 and the first user is untouched', async () => {
      const org = await newOrganisation('vendor');
      const first = await newPerson('vendor', org);
      const res = await call('POST', '/users', {
        token: await asAdmin(),
        body: {
          email: first.email.toUpperCase(),
          name: 'Dup',
          role: 'vendor',
          organisationId: org,
          language: 'en',
        },
      });
      expect(res.status).to.equal(409);
      const me = await call('GET', '/me', { token: first.token });
      expect(me.body.user.name).not.to.equal('Dup');
    });

    it('when a vendor sets its CPV subscriptions, then they are stored; another vendor cannot set them', async () => {
      const org = await newOrganisation('vendor');
      const other = await newPerson('vendor', await newOrganisation('vendor'));
      const vendor = await newPerson('vendor', org);
      const ok = await call('PUT', `/organisations/${org}/subscriptions`, {
        token: vendor.token,
        body: { cpvPrefixes: ['4873', '722'] },
      });
      expect(ok.status).to.equal(200);
      expect(ok.body.cpvPrefixes).to.deep.equal(['4873', '722']);
      const denied = await call('PUT', `/organisations/${org}/subscriptions`, {
        token: other.token,
        body: { cpvPrefixes: ['1'] },
      });
      expect(denied.status).to.equal(403);
      // What a vendor subscribes to tells what it bids for: another vendor does not read it, nor the e-mail.
      const read = await call('GET', `/organisations/${org}`, { token: other.token });
      expect(read.status).to.equal(200);
      expect(read.body).to.not.have.property('cpvPrefixes');
      expect(read.body).to.not.have.property('email');
      const own = await call('GET', `/organisations/${org}`, { token: vendor.token });
      expect(own.body.cpvPrefixes).to.deep.equal(['4873', '722']);
      const officer = await call('GET', `/organisations/${org}`, { token: await asAdmin() });
      expect(officer.body.cpvPrefixes).to.deep.equal(['4873', '722']);
    });

    it('when an organisation id is unknown or malformed, then 404', async () => {
      const token = await asAdmin();
      expect((await call('GET', '/organisations/0123456789abcdef01234567', { token })).status).to.equal(404);
      expect((await call('GET', '/organisations/not-an-id', { token })).status).to.equal(404);
    });

    it('when lists are paged, then limit, offset and total hold', async () => {
      const token = await asAdmin();
      const all = await call('GET', '/organisations?limit=100', { token });
      const page = await call('GET', '/organisations?limit=2&offset=1', { token });
      expect(page.body.items).to.have.length(2);
      expect(page.body.total).to.equal(all.body.total);
      expect(page.body.items[0].id).to.equal(all.body.items[1].id);
    });
  });

  describe('tokens', () => {
    it('when there is no token or a forged one, then 401', async () => {
      expect((await call('GET', '/me')).status).to.equal(401);
      expect((await call('GET', '/me', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.x' })).status).to.equal(
        401,
      );
    });

    it('when a token is signed with another secret, then 401', async () => {
      const { SignJWT } = await import('jose');
      const forged = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('0123456789abcdef01234567')
        .setIssuer('soc-joint-procurement')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('x'.repeat(40)));
      expect((await call('GET', '/me', { token: forged })).status).to.equal(401);
    });

    it('when the admin password is used, then /me answers for the admin', async () => {
      const token = await login(ADMIN.email, ADMIN.password);
      expect((await call('GET', '/me', { token })).body.user.role).to.equal('admin');
    });
  });
});
