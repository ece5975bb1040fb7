import SwaggerParser from '@apidevtools/swagger-parser';
import { expect } from 'chai';
import { asAdmin, call, newOrganisation, newPerson } from '../support/api.js';
import { ADMIN } from '../support/harness.js';

/** The resource map every integrator relies on (API.md), as OpenAPI paths. */
const RESOURCE_MAP = [
  'post /api/v1/auth/login',
  'get /api/v1/me',
  'post /api/v1/organisations',
  'get /api/v1/organisations',
  'get /api/v1/organisations/{organisationId}',
  'post /api/v1/users',
  'put /api/v1/organisations/{organisationId}/subscriptions',
  'post /api/v1/calls',
  'post /api/v1/calls/{id}/publish',
  'get /api/v1/calls',
  'get /api/v1/calls/{id}',
  'post /api/v1/calls/{id}/evaluators',
  'post /api/v1/calls/{id}/coi',
  'get /api/v1/calls/{id}/expressions',
  'post /api/v1/calls/{id}/selection',
  'get /api/v1/calls/{id}/results',
  'post /api/v1/consortia',
  'post /api/v1/consortia/{id}/invitations',
  'post /api/v1/consortia/{id}/invitations/{organisationId}/accept',
  'post /api/v1/consortia/{id}/invitations/{organisationId}/decline',
  'post /api/v1/consortia/{id}/agreement',
  'get /api/v1/consortia/{id}',
  'post /api/v1/consortia/{id}/resolutions',
  'post /api/v1/consortia/{id}/resolutions/{rid}/votes',
  'get /api/v1/consortia/{id}/resolutions/{rid}',
  'post /api/v1/calls/{id}/expressions',
  'patch /api/v1/expressions/{id}',
  'post /api/v1/expressions/{id}/submit',
  'get /api/v1/expressions/{id}',
  'post /api/v1/expressions/{id}/scores',
  'post /api/v1/tenders',
  'post /api/v1/tenders/{id}/publish',
  'get /api/v1/tenders',
  'get /api/v1/tenders/{id}',
  'post /api/v1/tenders/{id}/questions',
  'post /api/v1/tenders/{id}/questions/{qid}/answer',
  'get /api/v1/tenders/{id}/questions',
  'post /api/v1/tenders/{id}/opening-committee',
  'put /api/v1/tenders/{id}/opening-committee/me',
  'post /api/v1/tenders/{id}/opening/unlock',
  'get /api/v1/tenders/{id}/opening',
  'post /api/v1/tenders/{id}/bids',
  'get /api/v1/tenders/{id}/bids',
  'get /api/v1/bids/{id}/documents/{documentId}',
  'delete /api/v1/bids/{id}',
  'post /api/v1/tenders/{id}/evaluators',
  'post /api/v1/tenders/{id}/coi',
  'post /api/v1/bids/{id}/checks',
  'post /api/v1/bids/{id}/scores',
  'post /api/v1/tenders/{id}/evaluation',
  'get /api/v1/tenders/{id}/evaluation',
  'post /api/v1/tenders/{id}/awards',
  'post /api/v1/tenders/{id}/contracts',
  'get /api/v1/tenders/{id}/contracts',
  'get /api/v1/contracts/{id}',
  'get /api/v1/contracts/{id}/pdf',
  'get /api/v1/tenders/{id}/report.pdf',
  'get /api/v1/tenders/{id}/ocds',
  'get /api/v1/notices',
  'get /api/v1/audit/verify',
  'get /healthz',
  'get /readyz',
];

describe('operators and integrators', () => {
  it('when /openapi.json is fetched, then it is a valid OpenAPI 3.1 document with every resource of the map', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).to.equal(200);
    expect(res.body.openapi).to.equal('3.1.0');
    await SwaggerParser.validate(structuredClone(res.body));
    const operations = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`),
    );
    for (const op of RESOURCE_MAP) expect(operations, op).to.include(op);
    const submit = res.body.paths['/api/v1/tenders/{id}/bids'].post;
    expect(submit.requestBody.content['application/json'].schema.required).to.include.members([
      'lot',
      'priceCents',
    ]);
    expect(submit.security).to.deep.equal([{ bearerAuth: [] }]);
    expect(submit.responses['400'].content).to.have.property('application/problem+json');
  });

  it('when every documented operation is called, then Express knows it (no operation is documented that does not exist)', async () => {
    const doc = (await call('GET', '/openapi.json')).body;
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) {
        const url = p.replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
        const res = await call(method.toUpperCase(), url, {
          body: method === 'get' || method === 'delete' ? undefined : {},
        });
        expect(String(res.body?.detail ?? ''), `${method} ${p}`).not.to.match(/^No resource at/);
      }
    }
  });

  it('when /docs is opened, then the interactive documentation page is served', async () => {
    const res = await call('GET', '/docs/');
    expect(res.status).to.equal(200);
    expect(String(res.body)).to.include('swagger-ui');
  });

  it('when /metrics is scraped by an administrator, then request durations, queue depths and notices are there, and nothing of bids', async () => {
    await call('GET', '/healthz');
    const res = await call('GET', '/metrics', { token: await asAdmin() });
    expect(res.status).to.equal(200);
    const text = String(res.body);
    expect(text).to.match(/http_request_duration_seconds_bucket\{[^}]*route="\/healthz"/);
    expect(text).to.match(/queue_jobs\{queue="notices",state="failed"\} \d+/);
    expect(text).to.match(/notices\{status="sent"\} \d+/);
    expect(text).not.to.match(/bid/i);
  });

  it('when /metrics is asked without an operator, then 401 for nobody and 403 for an officer', async () => {
    expect((await call('GET', '/metrics')).status).to.equal(401);
    const officer = await newPerson('procurement-officer', await newOrganisation('contracting-authority'));
    const res = await call('GET', '/metrics', { token: officer.token });
    expect(res.status).to.equal(403);
    expect(res.headers.get('content-type')).to.match(/problem\+json/);
  });

  it('when the queue dashboard is opened, then only an administrator gets in', async () => {
    const anonymous = await call('GET', '/admin/queues');
    expect(anonymous.status).to.equal(401);
    expect(anonymous.headers.get('www-authenticate')).to.match(/^Basic/);
    const vendor = await newPerson('vendor', await newOrganisation('vendor'));
    const basic = (email: string, password: string) => ({
      authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`,
    });
    expect(
      (await call('GET', '/admin/queues', { headers: basic(vendor.email, vendor.password) })).status,
    ).to.equal(401);
    const admin = await call('GET', '/admin/queues', { headers: basic(ADMIN.email, ADMIN.password) });
    expect(admin.status).to.equal(200);
    expect(String(admin.body)).to.match(/<html|<!DOCTYPE/i);
    await asAdmin();
  });
});
