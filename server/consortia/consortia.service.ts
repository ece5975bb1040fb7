import { Types, trusted } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { Organisation } from '../accounts/organisation.model.js';
import { recordAudit } from '../audit/audit.service.js';
import { isDuplicateKey } from '../db.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { changeDocument } from '../revision.js';
import { Consortium, type ConsortiumRecord, type MemberRecord } from './consortium.model.js';
import { consortiumEligibility, type MemberFacts } from './eligibility.js';
import { votingWeights } from './voting.js';

/** The legal minimum of Member States in a hosting consortium (Cyber Solidarity Act art. 5). */
export const MIN_MEMBER_STATES = 3;

const audit = (actor: Actor, action: string, id: string, detail?: Record<string, unknown>) =>
  recordAudit({ actor, action, object: { type: 'consortium', id }, detail });

/** True when the organisation is a member of the consortium or holds an open invitation to it; not once it declined. */
const isMemberOrInvited = (c: ConsortiumRecord, organisationId: string) =>
  c.members.some((m) => String(m.organisationId) === organisationId && m.status !== 'declined');

/** Loads a consortium, answering 404 to anyone who is neither an officer nor one of its (invited) members. */
export async function loadConsortium(actor: Actor, id: string): Promise<ConsortiumRecord> {
  const c = await Consortium.findById(id).lean<ConsortiumRecord>();
  if (!c || !(isOfficer(actor) || isMemberOrInvited(c, actor.organisationId))) {
    throw notFound('The consortium');
  }
  return c;
}

/** True when the organisation is a member (invitation accepted) of the consortium. */
export const isMember = (c: ConsortiumRecord, organisationId: string) =>
  c.members.some((m) => String(m.organisationId) === organisationId && m.status === 'member');

function requireCoordinator(actor: Actor, c: ConsortiumRecord): void {
  if (actor.role !== 'entity-representative' || String(c.coordinatorId) !== actor.organisationId) {
    throw forbidden('Only a representative of the coordinator may do this.');
  }
}

/** The members with their organisations' names, countries and public-body status. */
export async function memberFacts(c: ConsortiumRecord): Promise<MemberFacts[]> {
  const orgs = await Organisation.find({
    _id: trusted({ $in: c.members.map((m) => m.organisationId) }),
  }).lean();
  const byId = new Map(orgs.map((o) => [String(o._id), o]));
  return c.members.map((m) => {
    const o = byId.get(String(m.organisationId));
    return {
      organisationId: String(m.organisationId),
      name: o?.name ?? 'unknown organisation',
      country: o?.country ?? '',
      publicBody: o?.publicBody ?? false,
      contributionCents: m.contributionCents,
      status: m.status,
    };
  });
}

/** The consortium as its members and officers see it, with weights and eligibility. */
export async function consortiumView(c: ConsortiumRecord) {
  const facts = await memberFacts(c);
  const joined = facts.filter((m) => m.status === 'member');
  return {
    id: String(c._id),
    name: c.name,
    coordinatorId: String(c.coordinatorId),
    members: facts,
    totalContributionCents: joined.reduce((s, m) => s + m.contributionCents, 0),
    votingWeights: votingWeights(joined),
    eligibility: consortiumEligibility(facts, MIN_MEMBER_STATES),
    agreementSealed: c.agreementSealedAt !== null,
    agreementSealedAt: c.agreementSealedAt,
    createdAt: c.createdAt,
  };
}

/** An entity representative founds a consortium: their organisation is coordinator and first member. */
export async function createConsortium(actor: Actor, input: { name: string; contributionCents: number }) {
  const org = await Organisation.findById(actor.organisationId).lean();
  if (actor.role !== 'entity-representative' || org?.kind !== 'hosting-entity') {
    throw forbidden('Only a representative of a hosting entity founds a consortium.');
  }
  try {
    const c = await Consortium.create({
      name: input.name,
      coordinatorId: org._id,
      members: [
        {
          organisationId: org._id,
          contributionCents: input.contributionCents,
          status: 'member',
          answeredAt: new Date(),
        },
      ],
    });
    await audit(actor, 'consortium.created', String(c._id), { contributionCents: input.contributionCents });
    return consortiumView(c.toObject() as unknown as ConsortiumRecord);
  } catch (err) {
    if (isDuplicateKey(err))
      throw conflict('consortium-exists', 'A consortium with this name exists.', [
        { path: '/name', message: 'is already taken' },
      ]);
    throw err;
  }
}

function requireOpenMembership(c: ConsortiumRecord): void {
  if (c.agreementSealedAt)
    throw conflict('agreement-sealed', 'The consortium agreement is sealed; membership is frozen.');
}

/** The coordinator invites a hosting entity with the contribution it would commit. */
export async function inviteMember(
  actor: Actor,
  id: string,
  input: { organisationId: string; contributionCents: number },
) {
  const invited = await Organisation.findById(input.organisationId).lean();
  if (!invited)
    throw badRequest('The organisation does not exist.', [
      { path: '/organisationId', message: 'names no organisation' },
    ]);
  if (invited.kind !== 'hosting-entity') {
    throw badRequest('Only hosting entities join a consortium.', [
      { path: '/organisationId', message: 'is not a hosting entity' },
    ]);
  }
  await loadConsortium(actor, id);
  const updated = await changeDocument<ConsortiumRecord>(Consortium, id, 'The consortium', (c) => {
    requireCoordinator(actor, c);
    requireOpenMembership(c);
    const existing = c.members.find((m) => String(m.organisationId) === input.organisationId);
    if (existing && existing.status !== 'declined') {
      throw conflict(
        'already-invited',
        `This organisation is already ${existing.status === 'member' ? 'a member' : 'invited'}.`,
      );
    }
    const entry: MemberRecord = {
      organisationId: new Types.ObjectId(input.organisationId),
      contributionCents: input.contributionCents,
      status: 'invited',
      invitedAt: new Date(),
      answeredAt: null,
    };
    return {
      set: {
        members: [...c.members.filter((m) => String(m.organisationId) !== input.organisationId), entry],
      },
      effects: [domainEvent('consortium.invited', { organisationId: input.organisationId })],
    };
  });
  await audit(actor, 'consortium.member-invited', id, {
    organisationId: input.organisationId,
    contributionCents: input.contributionCents,
  });
  return consortiumView(updated);
}

/** A representative of the invited organisation accepts or declines. */
export async function answerInvitation(actor: Actor, id: string, organisationId: string, accept: boolean) {
  await loadConsortium(actor, id);
  if (actor.role !== 'entity-representative' || actor.organisationId !== organisationId) {
    throw forbidden('Only a representative of the invited organisation answers its invitation.');
  }
  const updated = await changeDocument<ConsortiumRecord>(Consortium, id, 'The consortium', (c) => {
    requireOpenMembership(c);
    const invitation = c.members.find((m) => String(m.organisationId) === organisationId);
    if (invitation?.status !== 'invited')
      throw conflict('no-pending-invitation', 'There is no pending invitation for this organisation.');
    return {
      set: {
        members: c.members.map((m) =>
          m === invitation ? { ...m, status: accept ? 'member' : 'declined', answeredAt: new Date() } : m,
        ),
      },
    };
  });
  await audit(actor, accept ? 'consortium.invitation-accepted' : 'consortium.invitation-declined', id, {
    organisationId,
  });
  return consortiumView(updated);
}

/** The coordinator seals the consortium agreement; refused with every reason while not eligible. */
export async function sealAgreement(actor: Actor, id: string) {
  await loadConsortium(actor, id);
  const updated = await changeDocument<ConsortiumRecord>(Consortium, id, 'The consortium', async (c) => {
    requireCoordinator(actor, c);
    requireOpenMembership(c);
    const eligibility = consortiumEligibility(await memberFacts(c), MIN_MEMBER_STATES);
    if (!eligibility.eligible) {
      throw conflict(
        'consortium-not-eligible',
        'The consortium is not eligible; the agreement cannot be sealed.',
        eligibility.reasons.map((message) => ({ path: '/members', message })),
      );
    }
    // Declined invitations leave no trace in the sealed membership.
    return {
      set: { agreementSealedAt: new Date(), members: c.members.filter((m) => m.status === 'member') },
    };
  });
  await audit(actor, 'consortium.agreement-sealed', id);
  return consortiumView(updated);
}

/**
 * The consortia an organisation is named in, filtered here: FerretDB 1.x cannot match two fields of
 * one array element (`$elemMatch` on sub-documents), and an organisation is named in few consortia.
 */
export async function consortiaNaming(organisationId: string): Promise<ConsortiumRecord[]> {
  return Consortium.find({ 'members.organisationId': new Types.ObjectId(organisationId) })
    .sort({ createdAt: -1 })
    .lean<ConsortiumRecord[]>();
}

/** The ids of the consortia an organisation is a member of (invitation accepted): whose drafts and results it reads. */
export async function consortiumIdsOf(organisationId: string): Promise<Types.ObjectId[]> {
  const named = await consortiaNaming(organisationId);
  return named.filter((c) => isMember(c, organisationId)).map((c) => c._id);
}

/** Consortia the actor may see: officers all; representatives those their organisation belongs or is invited to. */
export async function listConsortia(actor: Actor, page: { limit: number; offset: number }) {
  if (isOfficer(actor)) {
    const [items, total] = await Promise.all([
      Consortium.find({})
        .sort({ createdAt: -1 })
        .skip(page.offset)
        .limit(page.limit)
        .lean<ConsortiumRecord[]>(),
      Consortium.countDocuments({}),
    ]);
    return { items: await Promise.all(items.map(consortiumView)), total };
  }
  const visible = (await consortiaNaming(actor.organisationId)).filter((c) =>
    isMemberOrInvited(c, actor.organisationId),
  );
  const items = visible.slice(page.offset, page.offset + page.limit);
  return { items: await Promise.all(items.map(consortiumView)), total: visible.length };
}
