import { expect } from 'chai';
import { asAdmin, call, newOrganisation, newPerson, type Person } from '../support/api.js';
import { eventually } from '../support/harness.js';
import {
  type PublishedTender,
  publishedCall,
  publishedTender,
  type SelectedExpression,
  selectedExpression,
} from '../support/procedure.js';

type Listed = {
  template: string;
  to: string;
  procedure: { kind: string; id: string; reference: string } | null;
};

/**
 * The notice desk per procedure: each notice names the call, tender or consortium it belongs to,
 * as it was sent; the desk filters by procedure, recipient and kind, and a vendor still sees only
 * its own.
 */
describe('notice desk: notices by procedure, recipient and kind', function () {
  this.timeout(300_000);
  let sel: SelectedExpression;
  let tender: PublishedTender;
  let reference: string;
  let vendor: Person;
  let other: Person;
  const desk = async (query: string, token?: string) => {
    const res = await call('GET', `/notices?limit=100&${query}`, { token: token ?? (await asAdmin()) });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body as { items: Listed[]; total: number };
  };

  before(async () => {
    sel = await selectedExpression();
    [vendor, other] = (await Promise.all(
      [0, 1].map(async () => {
        const v = await newPerson('vendor', await newOrganisation('vendor'));
        await call('PUT', `/organisations/${v.organisationId}/subscriptions`, {
          token: v.token,
          body: { cpvPrefixes: ['4873'] },
        });
        return v;
      }),
    )) as [Person, Person];
    tender = await publishedTender(
      sel.officer,
      sel.expressionId,
      { id: sel.consortiumId, members: sel.members },
      {
        lots: [{ number: 1, title: 'SIEM', estimatedValueCents: 1_000_000_00 }],
        questionsInMs: 600_000,
        submissionInMs: 900_000,
      },
    );
    reference = (await call('GET', `/tenders/${tender.id}`)).body.reference;
  });

  it('when an officer filters by the tender, then every notice of it names it; those of other procedures are left out', async () => {
    const listed = await eventually(async () => {
      const d = await desk(`procedure=${tender.id}`);
      return d.items.some((n) => n.to === vendor.email) && d;
    });
    expect(listed.items.every((n) => n.procedure?.id === tender.id)).to.equal(true);
    expect(listed.items[0]?.procedure).to.deep.equal({ kind: 'tender', id: tender.id, reference });
    const templates = new Set(listed.items.map((n) => n.template));
    expect(templates).to.include('tender-published');
    // The consortium's resolution approving the tender belongs to the consortium, not the tender.
    expect(templates).to.not.include('resolution-proposed');
    const consortium = await desk(`procedure=${sel.consortiumId}`);
    expect(consortium.items.map((n) => n.template)).to.include('resolution-proposed');
    expect(consortium.items.every((n) => n.procedure?.kind === 'consortium')).to.equal(true);
  });

  it('when an officer adds a recipient and a kind, then only that recipient’s notices of that kind are listed', async () => {
    const words = vendor.email.split('@')[0] as string;
    const one = await desk(
      `procedure=${tender.id}&template=tender-published&recipient=${encodeURIComponent(words.toUpperCase())}`,
    );
    expect(one.items.map((n) => n.to)).to.deep.equal([vendor.email]);
    // Words are matched literally: a pattern matches nothing.
    expect((await desk(`procedure=${tender.id}&recipient=${encodeURIComponent('.*')}`)).total).to.equal(0);
  });

  it('when a call is published, then its notices name the call', async () => {
    const c = await publishedCall(sel.officer, 600_000);
    const listed = await eventually(async () => {
      const d = await desk(`procedure=${c.id}&template=call-published`);
      return d.total > 0 && d;
    });
    expect(listed.items.every((n) => n.procedure?.kind === 'call' && n.procedure.id === c.id)).to.equal(true);
  });

  it('when a filter is bad, then each bad field is named; a vendor filtering by the tender sees only its own', async () => {
    const bad = await call('GET', '/notices?procedure=nope&recipient=', { token: await asAdmin() });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal([
      '?procedure',
      '?recipient',
    ]);
    const own = await desk(`procedure=${tender.id}`, other.token);
    expect(own.total).to.be.greaterThan(0);
    expect(own.items.every((n) => n.to === other.email)).to.equal(true);
  });
});
