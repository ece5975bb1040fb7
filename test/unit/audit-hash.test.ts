import { expect } from 'chai';
import { eventHash, GENESIS } from '../../server/audit/audit.service.js';
import { canonicalJson } from '../../server/digest.js';

describe('audit hashing', () => {
  it('when keys come in another order, then the canonical JSON is the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).to.equal(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it('when one field of an event changes, then its hash changes', () => {
    const event = {
      seq: 1,
      at: new Date('2026-01-01T00:00:00Z'),
      actor: { userId: null, role: 'system' },
      action: 'x',
      object: { type: 't', id: '1' },
      detail: {},
      prevHash: GENESIS,
    };
    const hash = eventHash(event);
    expect(hash).to.match(/^[0-9a-f]{64}$/);
    expect(eventHash({ ...event })).to.equal(hash);
    expect(eventHash({ ...event, action: 'y' })).not.to.equal(hash);
    expect(eventHash({ ...event, prevHash: 'f'.repeat(64) })).not.to.equal(hash);
  });
});
