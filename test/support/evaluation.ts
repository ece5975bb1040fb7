import { expect } from 'chai';
import { call, type Person } from './api.js';
import { eventually } from './harness.js';
import type { SelectedExpression } from './procedure.js';

/**
 * The evaluation of an opened tender: the selected expression's evaluators seated without conflict,
 * each bid checked (excluded when `excluded` says so) and scored by every evaluator, the evaluation
 * computed; answers its table.
 */
export async function evaluateBids(
  sel: SelectedExpression,
  tenderId: string,
  bids: { id: string; score: number; excluded?: boolean; reason?: string }[],
) {
  const officer: Person = sel.officer;
  for (const e of sel.evaluators) {
    await call('POST', `/tenders/${tenderId}/evaluators`, { token: officer.token, body: { userId: e.id } });
    await call('POST', `/tenders/${tenderId}/coi`, { token: e.token, body: { conflict: false } });
  }
  for (const b of bids) {
    const checks = b.excluded
      ? { exclusion: 'fail', selection: 'pass', reason: 'A ground for exclusion applies (art. 57(4)).' }
      : { exclusion: 'pass', selection: 'pass', ...(b.reason ? { reason: b.reason } : {}) };
    const checked = await call('POST', `/bids/${b.id}/checks`, { token: officer.token, body: checks });
    expect(checked.status, JSON.stringify(checked.body)).to.equal(200);
    if (b.excluded) continue;
    for (const e of sel.evaluators)
      await call('POST', `/bids/${b.id}/scores`, {
        token: e.token,
        body: { criterion: 'detection', score: b.score },
      });
  }
  const computedBefore = (await call('GET', `/tenders/${tenderId}/evaluation`, { token: officer.token })).body
    ?.computedAt;
  const requested = await call('POST', `/tenders/${tenderId}/evaluation`, { token: officer.token });
  expect(requested.status, JSON.stringify(requested.body)).to.equal(202);
  return eventually(async () => {
    const r = await call('GET', `/tenders/${tenderId}/evaluation`, { token: officer.token });
    return r.status === 200 && r.body.computedAt !== computedBefore && r.body;
  });
}
