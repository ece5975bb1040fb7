import { Types } from 'mongoose';
import type { Actor } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { effect, scheduleEffects } from '../effects/effects.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { Expression } from '../expressions/expression.model.js';
import { changeDocument } from '../revision.js';
import { isMember, loadConsortium } from './consortia.service.js';
import type { ConsortiumRecord } from './consortium.model.js';
import { Resolution, type ResolutionRecord } from './resolution.model.js';
import { resolutionOutcome, type Vote } from './voting.js';

const joinedMembers = (c: ConsortiumRecord) =>
  c.members
    .filter((m) => m.status === 'member')
    .map((m) => ({ organisationId: String(m.organisationId), contributionCents: m.contributionCents }));

/** A resolution with its votes and the weighted tally. */
export function resolutionView(r: ResolutionRecord, c: ConsortiumRecord) {
  const members = joinedMembers(c);
  const total = members.reduce((s, m) => s + m.contributionCents, 0);
  const weightOf = (vote: Vote) =>
    r.votes
      .filter((v) => v.vote === vote)
      .reduce(
        (s, v) =>
          s + (members.find((m) => m.organisationId === String(v.organisationId))?.contributionCents ?? 0),
        0,
      ) / (total || 1);
  return {
    id: String(r._id),
    consortiumId: String(r.consortiumId),
    subject: r.subject,
    expressionId: r.expressionId ? String(r.expressionId) : null,
    tenderId: r.tenderId ? String(r.tenderId) : null,
    votes: r.votes.map((v) => ({ organisationId: String(v.organisationId), vote: v.vote, at: v.at })),
    tally: { yes: weightOf('yes'), no: weightOf('no'), abstain: weightOf('abstain'), required: 0.75 },
    outcome: r.outcome,
    decidedAt: r.decidedAt,
    createdAt: r.createdAt,
  };
}

function requireMember(actor: Actor, c: ConsortiumRecord): void {
  if (actor.role !== 'entity-representative' || !isMember(c, actor.organisationId)) {
    throw forbidden('Only representatives of member organisations may do this.');
  }
}

/** Any member proposes a resolution, optionally approving an expression of interest or a tender. */
export async function proposeResolution(
  actor: Actor,
  consortiumId: string,
  input: { subject: string; expressionId?: string; tenderId?: string },
) {
  const c = await loadConsortium(actor, consortiumId);
  requireMember(actor, c);
  if (input.expressionId) {
    const e = await Expression.findById(input.expressionId).lean();
    if (!e || String(e.consortiumId) !== consortiumId) {
      throw conflict('not-this-consortium', 'The expression of interest is not one of this consortium.', [
        { path: '/expressionId', message: 'names no expression of this consortium' },
      ]);
    }
  }
  const proposed = effect('proposed');
  const r = await Resolution.create({
    consortiumId: c._id,
    subject: input.subject,
    expressionId: input.expressionId ?? null,
    tenderId: input.tenderId ?? null,
    proposedBy: new Types.ObjectId(actor.id),
    pendingEffects: [proposed],
  });
  await scheduleEffects('Resolution', String(r._id), [proposed]);
  await recordAudit({
    actor,
    action: 'resolution.proposed',
    object: { type: 'resolution', id: String(r._id) },
    detail: { consortiumId },
  });
  return resolutionView(r.toObject() as unknown as ResolutionRecord, c);
}

async function loadResolution(c: ConsortiumRecord, resolutionId: string): Promise<ResolutionRecord> {
  const r = await Resolution.findById(resolutionId).lean<ResolutionRecord>();
  if (!r || String(r.consortiumId) !== String(c._id)) throw notFound('The resolution');
  return r;
}

/** A member organisation votes (again, while open); the outcome follows the weighted rule at once. */
export async function castVote(actor: Actor, consortiumId: string, resolutionId: string, vote: Vote) {
  const c = await loadConsortium(actor, consortiumId);
  requireMember(actor, c);
  await loadResolution(c, resolutionId);
  const updated = await changeDocument<ResolutionRecord>(Resolution, resolutionId, 'The resolution', (r) => {
    if (r.outcome !== 'open') throw conflict('resolution-decided', `The resolution is already ${r.outcome}.`);
    const votes = [
      ...r.votes.filter((v) => String(v.organisationId) !== actor.organisationId),
      {
        organisationId: new Types.ObjectId(actor.organisationId),
        vote,
        userId: new Types.ObjectId(actor.id),
        at: new Date(),
      },
    ];
    const outcome = resolutionOutcome(
      joinedMembers(c),
      new Map(votes.map((v) => [String(v.organisationId), v.vote])),
    );
    return {
      set: { votes, outcome, ...(outcome !== 'open' ? { decidedAt: new Date() } : {}) },
      effects: outcome !== 'open' ? [effect('decided')] : [],
    };
  });
  await recordAudit({
    actor,
    action: 'resolution.vote-cast',
    object: { type: 'resolution', id: resolutionId },
    detail: { vote, outcome: updated.outcome },
  });
  return resolutionView(updated, c);
}

export async function getResolution(actor: Actor, consortiumId: string, resolutionId: string) {
  const c = await loadConsortium(actor, consortiumId);
  return resolutionView(await loadResolution(c, resolutionId), c);
}

export async function listResolutions(actor: Actor, consortiumId: string) {
  const c = await loadConsortium(actor, consortiumId);
  const items = await Resolution.find({ consortiumId: c._id })
    .sort({ createdAt: -1 })
    .lean<ResolutionRecord[]>();
  return { items: items.map((r) => resolutionView(r, c)), total: items.length };
}

/** True when the consortium passed a resolution approving this expression or tender. */
export async function hasPassedResolution(
  consortiumId: string,
  about: { expressionId?: string; tenderId?: string },
) {
  return Boolean(
    await Resolution.exists({
      consortiumId: new Types.ObjectId(consortiumId),
      outcome: 'passed',
      ...(about.expressionId ? { expressionId: new Types.ObjectId(about.expressionId) } : {}),
      ...(about.tenderId ? { tenderId: new Types.ObjectId(about.tenderId) } : {}),
    }),
  );
}
