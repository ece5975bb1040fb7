import { trusted } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { loadCall } from '../calls/calls.service.js';
import { consortiumIdsOf } from '../consortia/consortia.service.js';
import { Consortium, type ConsortiumRecord } from '../consortia/consortium.model.js';
import { roundForDisplay } from '../display.js';
import { forbidden } from '../errors.js';
import { Expression, type ExpressionRecord } from './expression.model.js';

/** The ranking and outcome of a call: officers see every line, a consortium only its own. */
export async function callResults(actor: Actor, callId: string) {
  const call = await loadCall(actor, callId);
  const query: Record<string, unknown> = { callId: call._id, status: trusted({ $ne: 'draft' }) };
  if (!isOfficer(actor)) {
    if (actor.role !== 'entity-representative')
      throw forbidden('Only officers and the consortia themselves see results.');
    const mine = await consortiumIdsOf(actor.organisationId);
    query.consortiumId = trusted({ $in: mine });
  }
  const expressions = await Expression.find(query).lean<ExpressionRecord[]>();
  const consortia = await Consortium.find({
    _id: trusted({ $in: expressions.map((e) => e.consortiumId) }),
  }).lean<ConsortiumRecord[]>();
  const names = new Map(consortia.map((c) => [String(c._id), c.name]));
  const titles = new Map(call.criteria.map((c) => [c.key, c.title]));
  const items = expressions
    .map((e) => ({
      expressionId: String(e._id),
      consortiumId: String(e.consortiumId),
      consortiumName: names.get(String(e.consortiumId)) ?? '',
      status: e.status,
      submittedAt: e.submittedAt,
      requestedEuContributionCents: e.requestedEuContributionCents,
      rank: e.result?.rank ?? null,
      total: e.result?.total ?? null,
      totalRounded: roundForDisplay(e.result?.total ?? null),
      criterionScores: (e.result?.criterionScores ?? []).map((s) => ({
        key: s.key,
        title: titles.get(s.key) ?? s.key,
        mean: s.mean,
        meanRounded: roundForDisplay(s.mean),
        scores: s.scores,
      })),
      selected: e.result?.selected ?? false,
      euAmountGrantedCents: e.result?.euAmountGrantedCents ?? 0,
      reasons: e.result?.reasons ?? e.eligibility?.reasons ?? [],
    }))
    .sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        a.consortiumName.localeCompare(b.consortiumName),
    );
  return {
    callId: String(call._id),
    selection: call.selection,
    budgetCents: call.budgetCents,
    ...(isOfficer(actor) ? { grantedCents: items.reduce((s, i) => s + i.euAmountGrantedCents, 0) } : {}),
    items,
    total: items.length,
  };
}
