import type { FromSchema } from 'json-schema-to-ts';
import { Types } from 'mongoose';
import type { resolutionBody } from '../../schemas/consortia.js';
import type { Actor } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { dataDigest } from '../digest.js';
import { scheduleEffects } from '../effects/effects.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { expressionForApproval } from '../expressions/approval.js';
import { changeDocument } from '../revision.js';
import { amendmentForApproval, tenderForApproval } from '../tenders/approval.js';
import { isMember, loadConsortium } from './consortia.service.js';
import type { ConsortiumRecord } from './consortium.model.js';
import { Resolution, type ResolutionObject, type ResolutionRecord } from './resolution.model.js';
import { deadlineErrors, requireVotingOpen, scheduleResolutionClosing } from './resolution-deadline.js';
import { joinedMembers, resolutionOutcome, type Vote } from './voting.js';

/** A resolution with its votes and the weighted tally. */
export function resolutionView(r: ResolutionRecord, c: ConsortiumRecord) {
  const members = joinedMembers(c);
  const total = members.reduce((s, m) => s + m.contributionCents, 0);
  const centsOf = (organisationId: string) =>
    members.find((m) => m.organisationId === organisationId)?.contributionCents ?? 0;
  const castCents = (vote: Vote) =>
    r.votes.filter((v) => v.vote === vote).reduce((s, v) => s + centsOf(String(v.organisationId)), 0);
  const voted = new Set(r.votes.map((v) => String(v.organisationId)));
  const pendingCents = members
    .filter((m) => !voted.has(m.organisationId))
    .reduce((s, m) => s + m.contributionCents, 0);
  const weightOf = (vote: Vote) => castCents(vote) / (total || 1);
  return {
    id: String(r._id),
    consortiumId: String(r.consortiumId),
    subject: r.subject,
    text: r.text ?? '',
    object: r.object ?? null,
    votingDeadline: r.votingDeadline ?? null,
    closedAtDeadline: r.closedAtDeadline ?? false,
    expressionId: r.expressionId ? String(r.expressionId) : null,
    tenderId: r.tenderId ? String(r.tenderId) : null,
    amendmentId: r.amendmentId ? String(r.amendmentId) : null,
    /** The tender an approved amendment changes. */
    amendmentTenderId: r.amendmentTenderId ? String(r.amendmentTenderId) : null,
    contentSha256: r.contentSha256 ?? null,
    votes: r.votes.map((v) => ({ organisationId: String(v.organisationId), vote: v.vote, at: v.at })),
    tally: {
      yes: weightOf('yes'),
      no: weightOf('no'),
      abstain: weightOf('abstain'),
      /** The weight of the members yet to vote. */
      pending: pendingCents / (total || 1),
      required: 0.75,
      /** Whether the yes votes with every vote still to come can reach 75 % (in integer cents). */
      canStillPass: r.outcome === 'passed' || 4 * (castCents('yes') + pendingCents) >= 3 * total,
    },
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

/** The content a resolution would approve, and its digest; 409 when the object is not this consortium's. */
async function approvedContent(
  consortiumId: string,
  input: { expressionId?: string; tenderId?: string; amendmentId?: string },
): Promise<{ contentSha256: string | null; amendmentTenderId?: string; object?: ResolutionObject }> {
  if (input.expressionId) {
    const e = await expressionForApproval(input.expressionId);
    if (e?.consortiumId !== consortiumId) {
      throw conflict('not-this-consortium', 'The expression of interest is not one of this consortium.', [
        { path: '/expressionId', message: 'names no expression of this consortium' },
      ]);
    }
    return {
      contentSha256: e.contentSha256,
      object: { kind: 'expression', id: input.expressionId, ...e.label },
    };
  }
  if (input.tenderId) {
    const t = await tenderForApproval(input.tenderId);
    if (t?.consortiumId !== consortiumId) {
      throw conflict('not-this-consortium', 'The tender is not one of this consortium.', [
        { path: '/tenderId', message: 'names no tender of this consortium' },
      ]);
    }
    return { contentSha256: t.contentSha256, object: { kind: 'tender', id: input.tenderId, ...t.label } };
  }
  if (input.amendmentId) {
    const a = await amendmentForApproval(input.amendmentId);
    if (a?.consortiumId !== consortiumId) {
      throw conflict('not-this-consortium', 'The amendment is not one of a tender of this consortium.', [
        { path: '/amendmentId', message: 'names no amendment proposed for a tender of this consortium' },
      ]);
    }
    return {
      contentSha256: a.contentSha256,
      amendmentTenderId: a.tenderId,
      object: { kind: 'amendment', id: input.amendmentId, ...a.label },
    };
  }
  return { contentSha256: null };
}

/**
 * Any member proposes a resolution, optionally approving an expression of interest or a tender as
 * its content stands now. Votes need the sealed agreement: the weights are the sealed membership's.
 */
export async function proposeResolution(
  actor: Actor,
  consortiumId: string,
  input: FromSchema<typeof resolutionBody>,
) {
  const c = await loadConsortium(actor, consortiumId);
  requireMember(actor, c);
  if (!c.agreementSealedAt)
    throw conflict(
      'agreement-not-sealed',
      'The consortium votes once its agreement is sealed: seal the membership first.',
    );
  const objects = (['expressionId', 'tenderId', 'amendmentId'] as const).filter((k) => input[k]);
  const errors = [
    ...(objects.length > 1
      ? [{ path: `/${objects[1]}`, message: `cannot be given with ${objects[0]}` }]
      : []),
    ...deadlineErrors(input.votingDeadline),
  ];
  if (errors.length) throw badRequest('The resolution is invalid.', errors);
  const { contentSha256, amendmentTenderId, object } = await approvedContent(consortiumId, input);
  const proposed = domainEvent('resolution.proposed');
  const r = await Resolution.create({
    consortiumId: c._id,
    subject: input.subject,
    text: input.text ?? '',
    object: object ?? null,
    votingDeadline: input.votingDeadline ? new Date(input.votingDeadline) : null,
    expressionId: input.expressionId ?? null,
    tenderId: input.tenderId ?? null,
    amendmentId: input.amendmentId ?? null,
    amendmentTenderId: amendmentTenderId ?? null,
    contentSha256,
    proposedBy: new Types.ObjectId(actor.id),
    pendingEffects: [proposed],
  });
  await recordAudit({
    actor,
    action: 'resolution.proposed',
    object: { type: 'resolution', id: String(r._id) },
    detail: { consortiumId, contentSha256 },
  });
  await scheduleEffects('Resolution', String(r._id), [proposed]);
  await scheduleResolutionClosing(r);
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
    requireVotingOpen(r);
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
      effects: outcome !== 'open' ? [domainEvent('resolution.decided')] : [],
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

/**
 * True when the consortium passed a resolution approving this expression or tender *as it is now*:
 * the approval binds the content's SHA-256 at proposal, so any later change voids it.
 */
export async function hasPassedResolution(
  consortiumId: string,
  about:
    | { expressionId: string; content: unknown }
    | { tenderId: string; content: unknown }
    | { amendmentId: string; content: unknown },
) {
  return Boolean(
    await Resolution.exists({
      consortiumId: new Types.ObjectId(consortiumId),
      outcome: 'passed',
      ...('expressionId' in about
        ? { expressionId: new Types.ObjectId(about.expressionId) }
        : 'tenderId' in about
          ? { tenderId: new Types.ObjectId(about.tenderId) }
          : { amendmentId: new Types.ObjectId(about.amendmentId) }),
      contentSha256: dataDigest(about.content),
    }),
  );
}
