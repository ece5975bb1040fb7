import { expect } from 'chai';
import type { Actor } from '../../server/accounts/access.js';
import { hashPassword, needsRehash, verifyPassword } from '../../server/accounts/passwords.js';
import type { EvaluatorRecord } from '../../server/calls/call.model.js';
import { cleanScores, withDeclaration } from '../../server/committee/committee.js';
import { isBidRequest, requestLogging } from '../../server/http/request-log.js';

const evaluator = (id: string, declared: boolean, conflict: boolean | null): EvaluatorRecord =>
  ({
    userId: id,
    assignedAt: new Date(0),
    declaredAt: declared ? new Date(0) : null,
    conflict,
    note: null,
  }) as unknown as EvaluatorRecord;
const actor = (id: string) => ({ id, role: 'evaluator' }) as Actor;

describe('doors of the sealed phase and the committee', () => {
  it('when a bid route is requested, then no log line is written for it and a failure shows no path', () => {
    expect(isBidRequest('/api/v1/tenders/0123/bids')).to.equal(true);
    expect(isBidRequest('/api/v1/bids/0123/scores')).to.equal(true);
    expect(isBidRequest('/api/v1/tenders/0123')).to.equal(false);
    const ignore = requestLogging.autoLogging.ignore;
    expect(ignore({ url: '/api/v1/tenders/abc/bids' } as never)).to.equal(true);
    expect(ignore({ url: '/api/v1/calls' } as never)).to.equal(false);
    const serialised = requestLogging.serializers.req({
      id: 1,
      method: 'POST',
      url: '/api/v1/tenders/abc/bids',
    });
    expect(serialised).to.deep.equal({ id: 1, method: 'POST', url: '[bid route]' });
  });

  it('when a password is hashed, then OWASP’s scrypt parameters are used and older hashes are marked for rehashing', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).to.match(/^scrypt\$16384\$8\$5\$/);
    expect(await verifyPassword('correct horse battery', stored)).to.equal(true);
    expect(needsRehash(stored)).to.equal(false);
    expect(needsRehash('scrypt$16384$8$1$c2FsdA==$aGFzaA==')).to.equal(true);
  });

  it('when an evaluator finds a conflict after declaring none, then it is recorded; a conflict cannot be withdrawn', () => {
    const committee = [evaluator('e1', true, false), evaluator('e2', true, false)];
    const updated = withDeclaration(committee, actor('e1'), true, 'a bidder hired my spouse');
    expect(updated[0]).to.include({ conflict: true, note: 'a bidder hired my spouse' });
    expect(() => withDeclaration(updated, actor('e1'), false)).to.throw(/cannot be withdrawn/);
    expect(() => withDeclaration(committee, actor('e2'), false)).to.throw(/only a conflict/);
  });

  it('when scores are counted, then only those of evaluators who declared no conflict count', () => {
    const committee = [
      evaluator('e1', true, false),
      evaluator('e2', true, true),
      evaluator('e3', false, null),
    ];
    const scores = ['e1', 'e2', 'e3'].map((evaluatorId) => ({ evaluatorId, score: 1 }));
    expect(cleanScores(committee, scores).map((s) => s.evaluatorId)).to.deep.equal(['e1']);
  });
});
