import { expect } from 'chai';
import { asAdmin, call } from '../support/api.js';

const PROBLEM = /^application\/problem\+json/;

describe('errors and bad input', () => {
  it('when every field of a body is wrong, then 400 names each of them', async () => {
    const res = await call('POST', '/organisations', {
      token: await asAdmin(),
      body: { name: '', kind: 'bank', country: 'belgium', publicBody: 'yes', language: 'english', extra: 1 },
    });
    expect(res.status).to.equal(400);
    expect(res.headers.get('content-type')).to.match(PROBLEM);
    expect(res.body).to.include({ status: 400, title: 'Bad Request' });
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).to.deep.equal([
      '/country',
      '/email',
      '/extra',
      '/kind',
      '/language',
      '/name',
      '/publicBody',
    ]);
  });

  it('when a body carries a $-operator key, then 400 names it and nothing is stored', async () => {
    const token = await asAdmin();
    const before = (await call('GET', '/organisations?limit=1', { token })).body.total;
    const res = await call('POST', '/organisations', {
      token,
      body: {
        name: { $gt: '' },
        kind: 'vendor',
        country: 'BE',
        publicBody: false,
        email: 'a@b.test',
        language: 'en',
      },
    });
    expect(res.status).to.equal(400);
    expect(res.body.errors).to.deep.include({
      path: '/name/$gt',
      message: 'names a database operator or path',
    });
    expect((await call('GET', '/organisations?limit=1', { token })).body.total).to.equal(before);
  });

  it('when login is tried with an operator instead of an email, then 400, not a match', async () => {
    const res = await call('POST', '/auth/login', {
      body: { email: { $ne: 'x' }, password: 'whatever-password' },
    });
    expect(res.status).to.equal(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).to.include('/email/$ne');
  });

  it('when the JSON is malformed, then 400 problem', async () => {
    const res = await call('POST', '/auth/login', {
      raw: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).to.equal(400);
    expect(res.headers.get('content-type')).to.match(PROBLEM);
    expect(res.body.type).to.equal('urn:problem:malformed-json');
  });

  it('when the body is larger than the limit, then 413 problem', async () => {
    const res = await call('POST', '/auth/login', {
      raw: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).to.equal(413);
    expect(res.body).to.include({ status: 413, type: 'urn:problem:body-too-large' });
  });

  it('when the body is not JSON, then 415 problem', async () => {
    const res = await call('POST', '/auth/login', {
      raw: 'email=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).to.equal(415);
    expect(res.body.status).to.equal(415);
  });

  it('when a path does not exist, then 404 problem', async () => {
    const res = await call('GET', '/nothing-here', { token: await asAdmin() });
    expect(res.status).to.equal(404);
    expect(res.headers.get('content-type')).to.match(PROBLEM);
  });

  it('when a query parameter is out of range, then 400 names it', async () => {
    const res = await call('GET', '/organisations?limit=1000&kind=bank', { token: await asAdmin() });
    expect(res.status).to.equal(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(['?kind', '?limit']);
  });

  it('when an error answers, then no stack trace or internal detail is in it', async () => {
    const res = await call('POST', '/auth/login', {
      raw: '{bad',
      headers: { 'content-type': 'application/json' },
    });
    expect(JSON.stringify(res.body)).not.to.match(/at \w+ \(|node_modules|SyntaxError/);
  });
});
