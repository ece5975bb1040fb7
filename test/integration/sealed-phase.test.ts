import { expect } from 'chai';
import { call } from '../support/api.js';
import { harness } from '../support/harness.js';
import { ACTORS, type Actor, PRICES, type SealedWorld, sealedWorld } from '../support/sealed-world.js';

/** Notices a vendor gets whether or not it bids. */
const NOT_ABOUT_BIDS = ['account-invitation', 'tender-published'];

type Secret = { what: string; text: string; owner: 'vendorA' | 'vendorB' | null };

/** Everything a sealed bid must not give away, with whose it is (its vendor may read its own). */
function secretsOf(w: SealedWorld): Secret[] {
  const a = w.actors.vendorA?.organisationId as string;
  const b = w.actors.vendorB?.organisationId as string;
  const secrets: Secret[] = [
    { what: 'price a1', text: String(PRICES.a1), owner: 'vendorA' },
    { what: 'price b1', text: String(PRICES.b1), owner: 'vendorB' },
    { what: 'price a2', text: String(PRICES.a2), owner: 'vendorA' },
    { what: 'price a1 in euro', text: (PRICES.a1 / 100).toFixed(2), owner: 'vendorA' },
    { what: 'price b1 in euro', text: (PRICES.b1 / 100).toFixed(2), owner: 'vendorB' },
    { what: 'bidder A', text: a, owner: 'vendorA' },
    { what: 'bidder B', text: b, owner: 'vendorB' },
    { what: 'bidder A by name', text: 'Sealed Alpha', owner: 'vendorA' },
    { what: 'bidder B by name', text: 'Sealed Beta', owner: 'vendorB' },
  ];
  for (const r of w.bidReceipts) {
    secrets.push(
      { what: `bid id ${r.id}`, text: r.id, owner: r.vendor },
      { what: `receipt time ${r.receivedAt}`, text: r.receivedAt, owner: r.vendor },
      {
        what: `receipt time in ms ${r.receivedAt}`,
        text: String(new Date(r.receivedAt).getTime()),
        owner: r.vendor,
      },
      { what: `receipt digest ${r.sha256}`, text: r.sha256, owner: r.vendor },
    );
  }
  return secrets;
}

/** Every readable URL of the API (from its own OpenAPI document), with each path parameter filled in. */
async function readableUrls(w: SealedWorld): Promise<string[]> {
  const doc = (await call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  const fill: Record<string, string[]> = {
    '/calls/{id}': [w.callId, w.otherCallId],
    '/consortia/{id}': [w.consortiumX, w.consortiumY],
    '/expressions/{id}': [w.expressionX, w.expressionY],
    '/tenders/{id}': [w.tenderId],
    '/bids/{id}': Object.values(w.bids),
    '/contracts/{id}': ['0123456789abcdef01234567'],
    // No bidder is asked anything while the bids are sealed.
    '/requests/{id}': ['0123456789abcdef01234567'],
    // The bidders' own receipts: each to its vendor only, never to an officer while sealed.
    '/notices/{id}': [w.noticeOfA, w.noticeOfB],
    '/organisations/{organisationId}': [
      w.actors.vendorA?.organisationId as string,
      w.actors.vendorB?.organisationId as string,
    ],
    '/users/{userId}': [w.actors.vendorA?.id as string, w.actors.vendorB?.id as string],
    // A complaint lodged while the bids are sealed, and the complaints extension's files.
    '/complaints/{id}': [w.complaint.id],
    '/ocds/extensions/complaints/{file}': ['extension.json', 'release-schema.json'],
  };
  const urls: string[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    if (!('get' in ops)) continue;
    let expanded = [template.replace('/api/v1', '')];
    for (const [prefix, ids] of Object.entries(fill)) {
      expanded = expanded.flatMap((u) =>
        u.startsWith(prefix) ? ids.map((id) => u.replace(prefix, prefix.replace(/\{[^}]+\}/, id))) : [u],
      );
    }
    expanded = expanded.map((u) =>
      u.replace('{rid}', u.includes(w.consortiumY) ? w.resolutionY : w.resolutionX),
    );
    expanded = expanded.map((u) => u.replace('{n}', '0'));
    // Every notice of the calls and tenders walked: the sealed tender's contract notice among them.
    const withNotices: string[] = [];
    for (const u of expanded) {
      if (!u.includes('{noticeId}')) {
        withNotices.push(u);
        continue;
      }
      const list = await call('GET', u.slice(0, u.indexOf('/{noticeId}')), {
        token: w.actors.officer?.token,
      });
      for (const n of list.body.items ?? []) withNotices.push(u.replace('{noticeId}', n.noticeId));
    }
    expanded = withNotices;
    // Every procurement document of the tenders walked (public papers, read by every role all the same).
    const withDocuments: string[] = [];
    for (const u of expanded) {
      if (!u.includes('{docId}')) {
        withDocuments.push(u);
        continue;
      }
      if (u.startsWith('/complaints/')) {
        withDocuments.push(u.replace('{docId}', w.complaint.documentId));
        continue;
      }
      const list = await call('GET', u.slice(0, u.indexOf('/{docId}')), { token: w.actors.officer?.token });
      for (const d of list.body.items ?? []) withDocuments.push(u.replace('{docId}', d.id));
    }
    expanded = withDocuments;
    // Each bid with every sealed document id there is: its own, and another bid's.
    expanded = expanded.flatMap((u) =>
      u.includes('{documentId}') ? Object.values(w.documents).map((d) => u.replace('{documentId}', d)) : [u],
    );
    urls.push(...expanded);
  }
  urls.push(
    `/notices?template=bid-receipt`,
    `/notices?subject=${w.tenderId}`,
    `/notices?subject=${w.bids.a1}&limit=100`,
    `/notices?template=question-answered&limit=100`,
    `/tenders?limit=100`,
    '/metrics',
  );
  expect(urls.filter((u) => u.includes('{'))).to.deep.equal([]);
  return urls;
}

describe('sealed phase: nothing but the per-lot counts leaves a sealed tender', function () {
  this.timeout(300_000);
  let w: SealedWorld;

  before(async () => {
    w = await sealedWorld();
  });

  it('when every read endpoint is walked as every role, then no price, bidder or receipt of a sealed bid appears outside its own vendor', async () => {
    const secrets = secretsOf(w);
    const urls = await readableUrls(w);
    const leaks: string[] = [];
    let reads = 0;
    for (const actor of ACTORS) {
      const token = w.actors[actor]?.token;
      for (const url of urls) {
        const res = await call('GET', url, token ? { token } : {});
        reads++;
        const text =
          typeof res.body === 'string'
            ? res.body
            : Buffer.isBuffer(res.body)
              ? res.body.toString('latin1')
              : JSON.stringify(res.body);
        const organisationRead =
          url.startsWith('/organisations') || url.startsWith('/users') || url === '/me';
        // A vendor's welcome and the tender's publication go to it whether it bids or not: listed
        // to officers, they name a vendor that exists and subscribed, not one that bid.
        const withoutBidding =
          /^\/notices(\?|$)/.test(url) && Array.isArray(res.body?.items)
            ? JSON.stringify(
                res.body.items.filter((n: { template: string }) => !NOT_ABOUT_BIDS.includes(n.template)),
              )
            : text;
        for (const s of secrets) {
          if (s.owner === actor) continue;
          // Organisations and their users are listed by name and id: that they exist is no secret, that they bid is.
          if (organisationRead && /^bidder/.test(s.what)) continue;
          const shown = /^bidder/.test(s.what) ? withoutBidding : text;
          if (shown.includes(s.text)) leaks.push(`${actor} GET ${url} (${res.status}) shows ${s.what}`);
        }
      }
    }
    expect(leaks).to.deep.equal([]);
    expect(reads).to.be.greaterThan(ACTORS.length * 30);
  });

  it('when an officer lists the bids while sealed, then only the count per lot is given', async () => {
    const res = await call('GET', `/tenders/${w.tenderId}/bids`, { token: w.actors.officer?.token });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({
      sealed: true,
      items: [],
      total: 0,
      lots: [
        { lot: 1, bids: 2, awaitingConfirmation: 0 },
        { lot: 2, bids: 1, awaitingConfirmation: 0 },
      ],
    });
  });

  it('when the notices of the sealed phase are e-mailed, then no mail to anyone but the bidder names its bid', async () => {
    const secrets = secretsOf(w);
    const own: Record<string, Actor> = {
      [w.actors.vendorA?.email as string]: 'vendorA',
      [w.actors.vendorB?.email as string]: 'vendorB',
    };
    const leaks: string[] = [];
    for (const m of harness().mail.messages) {
      const to = Array.isArray(m.parsed.to)
        ? m.parsed.to.map((t) => t.text).join(',')
        : (m.parsed.to?.text ?? '');
      const reader = Object.entries(own).find(([email]) => to.includes(email))?.[1];
      const text = `${m.parsed.subject ?? ''}\n${m.parsed.text ?? ''}`;
      for (const s of secrets)
        if (s.owner !== reader && text.includes(s.text)) leaks.push(`${to}: ${s.what}`);
    }
    expect(leaks).to.deep.equal([]);
    // The bidders did get their receipts: the check above looked at real mail.
    const receipts = harness().mail.messages.filter((m) => m.parsed.subject?.match(/receipt|ontvangst/i));
    expect(receipts.length).to.be.at.least(3);
  });

  it('when an officer asks to resend a sealed receipt, then it does not exist for them', async () => {
    const res = await call('POST', `/notices/${w.noticeOfA}/resend`, { token: w.actors.officer?.token });
    expect(res.status).to.equal(404);
    expect(JSON.stringify(res.body)).not.to.include(w.bids.a1);
  });
});
