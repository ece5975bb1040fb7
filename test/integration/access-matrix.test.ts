import { expect } from 'chai';
import { call } from '../support/api.js';
import { ACTORS, type Actor, type SealedWorld, sealedWorld } from '../support/sealed-world.js';

const OFFICERS: Actor[] = ['admin', 'officer'];
const SIGNED_IN: Actor[] = ACTORS.filter((a) => a !== 'anonymous');
const VENDORS: Actor[] = ['vendorA', 'vendorB', 'vendorC'];
const DENIED = [401, 403, 404];

/**
 * Who may act on each route, during a tender's sealed phase, on an object that is *not their own*
 * (another vendor's bid, another consortium, …; see `objectFor`). Every other actor must be refused
 * with 401, 403 or 404. Only refusals are exercised on routes that change things; on reads, the
 * allowed actors must also get in. A route missing from this table fails the suite: a new door is
 * declared here, with who may pass it, before it lands.
 */
const MATRIX: Record<string, { allowed: Actor[]; body?: unknown; absent?: boolean; bodyObject?: string }> = {
  'get /healthz': { allowed: [...ACTORS] },
  'get /readyz': { allowed: [...ACTORS] },
  'post /api/v1/auth/login': { allowed: [...ACTORS] },
  // The one-time links' doors: the link is the credential, whoever sends it.
  'post /api/v1/auth/password': {
    allowed: [...ACTORS],
    body: { token: 'x.y.z', password: 'a matrix password' },
  },
  'post /api/v1/auth/reset': { allowed: [...ACTORS], body: { email: 'nobody@x.test' } },
  'post /api/v1/auth/email': { allowed: [...ACTORS], body: { token: 'x.y.z' } },
  'get /api/v1/me': { allowed: SIGNED_IN },
  // What waits for the caller: their own work only (the sealed-phase test reads a vendor's).
  'get /api/v1/me/home': { allowed: SIGNED_IN },
  'put /api/v1/me/password': { allowed: SIGNED_IN, body: { current: 'x', password: 'a matrix password' } },
  'put /api/v1/me/email': { allowed: SIGNED_IN, body: { email: 'new@x.test', password: 'x' } },
  'post /api/v1/organisations': {
    allowed: ['admin'],
    body: {
      name: 'Matrix org',
      kind: 'vendor',
      country: 'BE',
      publicBody: false,
      email: 'm@x.test',
      language: 'en',
    },
  },
  'get /api/v1/organisations': { allowed: SIGNED_IN },
  'get /api/v1/organisations/{organisationId}': { allowed: SIGNED_IN },
  'put /api/v1/organisations/{organisationId}/subscriptions': { allowed: [], body: { cpvPrefixes: ['48'] } },
  'patch /api/v1/organisations/{organisationId}': { allowed: ['admin'], body: { city: 'Matrix' } },
  'post /api/v1/users': {
    allowed: ['admin'],
    body: {
      email: 'm@x.test',
      name: 'M',
      role: 'vendor',
      organisationId: '0123456789abcdef01234567',
      language: 'en',
    },
  },
  'get /api/v1/users': { allowed: OFFICERS },
  'get /api/v1/users/{userId}': { allowed: OFFICERS },
  // The administrator's doors on another's account: none of them sets or reveals a password.
  'post /api/v1/users/{userId}/invitation': { allowed: ['admin'] },
  'post /api/v1/users/{userId}/force-reset': { allowed: ['admin'] },
  'post /api/v1/users/{userId}/disable': { allowed: ['admin'] },
  'post /api/v1/users/{userId}/enable': { allowed: ['admin'] },
  'post /api/v1/calls': { allowed: OFFICERS },
  // Published calls and tenders are public: signed out, a visitor reads their public fields.
  'get /api/v1/calls': { allowed: [...ACTORS] },
  'get /api/v1/calls/{id}': { allowed: [...ACTORS] },
  'post /api/v1/calls/{id}/publish': { allowed: OFFICERS },
  'post /api/v1/calls/{id}/evaluators': { allowed: OFFICERS, body: { userId: '0123456789abcdef01234567' } },
  'post /api/v1/calls/{id}/coi': { allowed: ['evaluator'], body: { conflict: false } },
  // Lists filter by who asks (a consortium sees its own): an evaluator outside the committee is refused.
  'get /api/v1/calls/{id}/expressions': { allowed: SIGNED_IN.filter((a) => a !== 'evaluatorOut') },
  'post /api/v1/calls/{id}/selection': { allowed: OFFICERS },
  'get /api/v1/calls/{id}/results': { allowed: [...OFFICERS, 'repX', 'repY'] },
  'post /api/v1/calls/{id}/expressions': {
    allowed: ['repX'],
    bodyObject: '/consortiumId',
    body: {
      consortiumId: 'X',
      summary: 's',
      tools: [{ category: 'siem', description: 'd', estimatedCostCents: 1 }],
      requestedEuContributionCents: 1,
      hostingYears: 1,
    },
  },
  'post /api/v1/consortia': { allowed: ['repX', 'repY'], body: { name: 'Matrix', contributionCents: 1 } },
  'get /api/v1/consortia': { allowed: SIGNED_IN },
  'get /api/v1/consortia/{id}': { allowed: OFFICERS },
  'get /api/v1/consortia/{id}/expressions': { allowed: OFFICERS },
  'post /api/v1/consortia/{id}/invitations': {
    allowed: [],
    body: { organisationId: 'Y-ORG', contributionCents: 1 },
  },
  'post /api/v1/consortia/{id}/invitations/{organisationId}/accept': { allowed: [] },
  'post /api/v1/consortia/{id}/invitations/{organisationId}/decline': { allowed: [] },
  'post /api/v1/consortia/{id}/agreement': { allowed: [] },
  'post /api/v1/consortia/{id}/resolutions': { allowed: [], body: { subject: 'Matrix' } },
  'get /api/v1/consortia/{id}/resolutions': { allowed: OFFICERS },
  'get /api/v1/consortia/{id}/resolutions/{rid}': { allowed: OFFICERS },
  'post /api/v1/consortia/{id}/resolutions/{rid}/votes': { allowed: [], body: { vote: 'yes' } },
  'get /api/v1/expressions/{id}': { allowed: [...OFFICERS, 'evaluator'] },
  'patch /api/v1/expressions/{id}': { allowed: [], body: { summary: 'Matrix' } },
  'post /api/v1/expressions/{id}/submit': { allowed: [] },
  'post /api/v1/expressions/{id}/scores': {
    allowed: ['evaluator'],
    body: { criterion: 'capacity', score: 1 },
  },
  'post /api/v1/tenders': { allowed: OFFICERS },
  'get /api/v1/tenders': { allowed: [...ACTORS] },
  'get /api/v1/tenders/{id}': { allowed: [...ACTORS] },
  'get /api/v1/tenders/{id}/ocds': { allowed: [...ACTORS] },
  'get /api/v1/tenders/{id}/results': { allowed: [...ACTORS] },
  'get /api/v1/tenders/{id}/eforms': { allowed: [...ACTORS] },
  'get /api/v1/tenders/{id}/eforms/{noticeId}': { allowed: [...ACTORS] },
  'post /api/v1/tenders/{id}/eforms/award-notice': { allowed: OFFICERS },
  'post /api/v1/tenders/{id}/eforms/{noticeId}/correct': { allowed: OFFICERS },
  'post /api/v1/calls/{id}/eforms/{noticeId}/correct': { allowed: OFFICERS },
  'get /api/v1/calls/{id}/eforms': { allowed: [...ACTORS] },
  'get /api/v1/calls/{id}/eforms/{noticeId}': { allowed: [...ACTORS] },
  'post /api/v1/tenders/{id}/publish': { allowed: OFFICERS },
  'put /api/v1/tenders/{id}/opening': { allowed: OFFICERS, body: { openingAt: '2030-01-01T00:00:00Z' } },
  'post /api/v1/tenders/{id}/opening-committee': {
    allowed: OFFICERS,
    body: { userIds: ['0123456789abcdef01234567', '0123456789abcdef01234568', '0123456789abcdef01234569'] },
  },
  // Only the committee's members (the officer is one; the administrator is not).
  'put /api/v1/tenders/{id}/opening-committee/me': {
    allowed: ['officer'],
    body: { secret: 'a matrix secret' },
  },
  'post /api/v1/tenders/{id}/opening-committee/me/confirm': {
    allowed: ['officer'],
    body: { token: 'x.y.z' },
  },
  'post /api/v1/tenders/{id}/opening/unlock': { allowed: ['officer'], body: { secret: 'a matrix secret' } },
  'get /api/v1/tenders/{id}/opening': { allowed: OFFICERS },
  'post /api/v1/tenders/{id}/cancel': { allowed: OFFICERS, body: { reason: 'Matrix' } },
  'post /api/v1/tenders/{id}/lots/{lot}/cancel': {
    allowed: OFFICERS,
    body: { reason: { code: 'chan-need', text: 'Matrix' } },
  },
  // The procurement documents and the history of changes are public; officers change them.
  'get /api/v1/tenders/{id}/documents': { allowed: [...ACTORS] },
  'get /api/v1/tenders/{id}/documents/{docId}': { allowed: [...ACTORS], absent: true },
  'post /api/v1/tenders/{id}/documents': { allowed: OFFICERS },
  'get /api/v1/tenders/{id}/amendments': { allowed: [...ACTORS] },
  // The ESPD request is published with the tender (this one asks none); vendors read theirs into answers.
  'get /api/v1/tenders/{id}/espd-request': { allowed: [...ACTORS], absent: true },
  'get /api/v1/espd/criteria': { allowed: [...ACTORS] },
  'get /api/v1/tenders/{id}/espd-request.xml': { allowed: [...ACTORS], absent: true },
  'post /api/v1/tenders/{id}/espd-response/import': { allowed: VENDORS, absent: true },
  'post /api/v1/tenders/{id}/amendments': {
    allowed: OFFICERS,
    body: { changes: { title: 'Matrix' }, reason: { code: 'cor-buy', text: 'Matrix' } },
  },
  'post /api/v1/tenders/{id}/amendments/{aid}/publish': { allowed: OFFICERS },
  'post /api/v1/tenders/{id}/questions': { allowed: VENDORS, body: { text: 'Matrix?' } },
  'get /api/v1/tenders/{id}/questions': { allowed: [...ACTORS] },
  'post /api/v1/tenders/{id}/questions/{qid}/answer': { allowed: OFFICERS, body: { text: 'Matrix.' } },
  'post /api/v1/tenders/{id}/bids': {
    allowed: VENDORS,
    body: {
      lot: 1,
      priceCents: 1,
      technicalOffer: 'x',
      declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
    },
  },
  // Officers get the counts per lot; each vendor its own bids; nobody else, not even the committee.
  'get /api/v1/tenders/{id}/bids': { allowed: [...OFFICERS, ...VENDORS] },
  // Sealed: nobody reads another's bid, officers included.
  'get /api/v1/bids/{id}': { allowed: [] },
  'delete /api/v1/bids/{id}': { allowed: [] },
  'post /api/v1/bids/{id}/confirm': { allowed: [] },
  // Sealed: another's document is nobody's to read, officers included.
  'get /api/v1/bids/{id}/documents/{documentId}': { allowed: [] },
  'get /api/v1/bids/{id}/espd-response': { allowed: [] },
  // A vendor's latest ESPD answers are its own only.
  'get /api/v1/organisations/{organisationId}/espd-answers': { allowed: [] },
  'get /api/v1/bids/{id}/espd-response.xml': { allowed: [] },
  'post /api/v1/tenders/{id}/evaluators': { allowed: OFFICERS, body: { userId: '0123456789abcdef01234567' } },
  'post /api/v1/tenders/{id}/coi': { allowed: ['evaluator'], body: { conflict: false } },
  'post /api/v1/bids/{id}/checks': { allowed: OFFICERS, body: { exclusion: 'pass', selection: 'pass' } },
  'post /api/v1/bids/{id}/scores': { allowed: ['evaluator'], body: { criterion: 'detection', score: 1 } },
  'put /api/v1/bids/{id}/scores': {
    allowed: ['evaluator'],
    body: { scores: [{ criterion: 'detection', score: 1 }] },
  },
  'post /api/v1/tenders/{id}/sign-off': { allowed: ['evaluator'] },
  'post /api/v1/tenders/{id}/evaluation': { allowed: OFFICERS },
  // Requests to a bidder: officers ask and decide, the vendor asked answers; others never see one.
  'post /api/v1/tenders/{id}/requests': {
    allowed: OFFICERS,
    body: { bidId: '0123456789abcdef01234567', kind: 'clarification', text: 'Matrix?' },
  },
  'get /api/v1/tenders/{id}/requests': { allowed: [...OFFICERS, ...VENDORS] },
  'get /api/v1/requests/{id}': { allowed: [] },
  'post /api/v1/requests/{id}/answer': { allowed: [], body: { text: 'Matrix.' } },
  'post /api/v1/requests/{id}/decision': { allowed: [], body: { accepted: true } },
  'get /api/v1/requests/{id}/documents/{docId}': { allowed: [] },
  'get /api/v1/tenders/{id}/report.pdf': { allowed: [...OFFICERS, 'evaluator'], absent: true },
  'get /api/v1/tenders/{id}/evaluation': { allowed: [...OFFICERS, 'evaluator'], absent: true },
  'post /api/v1/tenders/{id}/awards': {
    allowed: OFFICERS,
    body: { lot: 1, bidId: '0123456789abcdef01234567' },
  },
  // Nothing is awarded while sealed: every signed-in reader of the tender gets an empty list.
  'get /api/v1/tenders/{id}/awards': { allowed: SIGNED_IN },
  'post /api/v1/tenders/{id}/contracts': { allowed: OFFICERS, body: { lot: 1 } },
  'get /api/v1/tenders/{id}/contracts': { allowed: SIGNED_IN },
  // No contract exists while the tender is sealed: the id names none, for everyone.
  'get /api/v1/contracts/{id}': { allowed: [] },
  'get /api/v1/contracts/{id}/pdf': { allowed: [] },
  'get /api/v1/notices': { allowed: SIGNED_IN },
  // The only notices of another party here are sealed receipts: officers do not see them either.
  'post /api/v1/notices/{id}/resend': { allowed: [] },
  // Another's notice, and its attachments: nobody reads them, officers included while sealed.
  'get /api/v1/notices/{id}': { allowed: [] },
  'get /api/v1/notices/{id}/attachments/{n}': { allowed: [] },
  'get /api/v1/audit/verify': { allowed: ['admin'] },
  // Complaints: vendors lodge them; their texts, statuses and decisions are public; their documents
  // are the parties' (the complainant vendorC, the officers, the review body); the review body alone
  // takes its steps, the complainant alone withdraws.
  'post /api/v1/tenders/{id}/complaints': {
    allowed: VENDORS,
    body: { against: 'conditions', grounds: 'Matrix', text: 'Matrix.' },
  },
  'get /api/v1/tenders/{id}/complaints': { allowed: [...ACTORS] },
  'get /api/v1/complaints': { allowed: [...OFFICERS, ...VENDORS, 'reviewer'] },
  'get /api/v1/complaints/{id}': { allowed: [...ACTORS] },
  'get /api/v1/complaints/{id}/documents/{docId}': { allowed: [...OFFICERS, 'reviewer', 'vendorC'] },
  // Undecided: there is no decision to read yet, for anyone.
  'get /api/v1/complaints/{id}/decision.pdf': { allowed: [...ACTORS], absent: true },
  'post /api/v1/complaints/{id}/accept': { allowed: ['reviewer'] },
  'post /api/v1/complaints/{id}/refuse': { allowed: ['reviewer'], body: { text: 'Matrix.' } },
  'post /api/v1/complaints/{id}/decide': {
    allowed: ['reviewer'],
    body: { outcome: 'dismissed', text: 'Matrix.' },
  },
  'post /api/v1/complaints/{id}/withdraw': { allowed: ['vendorC'] },
  'get /api/v1/ocds/extensions/complaints/{file}': { allowed: [...ACTORS], absent: true },
};

/** The object an actor acts on: one that is not theirs where the route has an owner. */
function objectFor(w: SealedWorld, actor: Actor) {
  const org = (a: Actor) => w.actors[a]?.organisationId as string;
  const inY = actor === 'repX';
  return {
    id: (template: string) => {
      if (template.startsWith('/api/v1/bids/')) return actor === 'vendorA' ? w.bids.b1 : w.bids.a1;
      if (template.startsWith('/api/v1/consortia/')) return inY ? w.consortiumY : w.consortiumX;
      if (template.startsWith('/api/v1/expressions/')) return inY ? w.expressionY : w.expressionX;
      if (template.startsWith('/api/v1/calls/')) return w.callId;
      if (template.startsWith('/api/v1/tenders/')) return w.tenderId;
      if (template.startsWith('/api/v1/notices/')) return actor === 'vendorA' ? w.noticeOfB : w.noticeOfA;
      if (template.startsWith('/api/v1/complaints/')) return w.complaint.id;
      return '0123456789abcdef01234567';
    },
    organisationId: (template: string) =>
      template.includes('/invitations/')
        ? org('repY')
        : actor === 'vendorA'
          ? org('vendorB')
          : org('vendorA'),
    rid: inY ? w.resolutionY : w.resolutionX,
    qid: w.questionId,
    documentId: actor === 'vendorA' ? w.documents.b1 : w.documents.a1,
    consortiumInBody: inY ? w.consortiumY : w.consortiumX,
    invitee: inY ? org('repX') : org('repY'),
    userId: w.actors[actor === 'vendorA' ? 'vendorB' : 'vendorA']?.id as string,
  };
}

describe('access matrix: every route × every role × an object that is not theirs', function () {
  this.timeout(300_000);
  let w: SealedWorld;
  let operations: string[];

  before(async () => {
    w = await sealedWorld();
    const doc = (await call('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
  });

  it('when the route table is read, then every route has its row in the matrix, and every row a route', () => {
    expect(
      operations.filter((o) => !(o in MATRIX)),
      'routes without a row',
    ).to.deep.equal([]);
    expect(
      Object.keys(MATRIX).filter((o) => !operations.includes(o)),
      'rows without a route',
    ).to.deep.equal([]);
  });

  it('when each role calls each route on an object not its own, then only the allowed get in', async () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      const row = MATRIX[operation];
      if (!row) continue;
      const [method, template] = operation.split(' ') as [string, string];
      for (const actor of ACTORS) {
        const allowed = row.allowed.includes(actor);
        if (allowed && method !== 'get') continue; // refusals only: the fixture stays as it is
        const o = objectFor(w, actor);
        const path = template
          .replace('/api/v1', '')
          .replace('{id}', o.id(template))
          .replace('{organisationId}', o.organisationId(template))
          .replace('{rid}', o.rid)
          .replace('{qid}', o.qid)
          .replace('{documentId}', o.documentId)
          .replace('{userId}', o.userId)
          .replace('{noticeId}', template.includes('/calls/') ? w.noticeIds.call : w.noticeIds.tender)
          .replace('{lot}', '1')
          .replace('{docId}', template.includes('/complaints/') ? w.complaint.documentId : '0123456789abcdef')
          .replace('{aid}', '0123456789abcdef01234567')
          .replace('{n}', '0');
        const body = row.body
          ? JSON.parse(
              JSON.stringify(row.body)
                .replace('"X"', `"${o.consortiumInBody}"`)
                .replace('"Y-ORG"', `"${o.invitee}"`),
            )
          : undefined;
        const token = w.actors[actor]?.token;
        const res = await call(method.toUpperCase(), path, {
          ...(token ? { token } : {}),
          ...(body ? { body } : {}),
        });
        const refusedByBody =
          row.bodyObject &&
          res.status === 400 &&
          (res.body.errors ?? []).some((e: { path: string }) => e.path === row.bodyObject);
        const refused = DENIED.includes(res.status) || refusedByBody;
        if (!allowed && !refused) wrong.push(`${actor} ${operation}: ${res.status}, expected a refusal`);
        if (allowed && (res.status === 401 || res.status === 403 || (res.status === 404 && !row.absent)))
          wrong.push(`${actor} ${operation}: ${res.status}, expected to get in`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });
});
