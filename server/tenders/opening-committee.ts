import { Types, trusted } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { newNonce, readLinkToken } from '../accounts/credential-links.js';
import { proofLimiter } from '../accounts/login-limiter.js';
import { verifyPassword } from '../accounts/passwords.js';
import { User } from '../accounts/user.model.js';
import { recordAudit } from '../audit/audit.service.js';
import { domainEvent } from '../events.js';
import { canonicalJson } from '../digest.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors.js';
import { newKeyPair, type SealedToKey, sealTo } from '../keys/ecies.js';
import { type MemberKeyRecord, memberKeyFor, newMemberKey } from '../keys/member-secret.js';
import { splitKey } from '../keys/threshold.js';
import { changeDocument } from '../revision.js';
import type { FieldError } from '../validation.js';
import { Tender, type TenderRecord } from './tender.model.js';

// The tender's opening committee: the officers whose simultaneous action opens the bids. While the
// tender is a draft each member sets a secret; at publication the tender's X25519 opening key pair
// is made, its private key split into one share per member (any `quorum` rebuild it), each share
// sealed to the member's secret-derived public key, and the private key forgotten.

export interface OpeningMember {
  userId: string;
  key: MemberKeyRecord | null;
  secretSetAt: Date | null;
  /** A new secret asked for with the member's password, waiting for the confirmation e-mailed to them. */
  pending?: { key: MemberKeyRecord; nonce: string; expiresAt: Date } | null;
}

export interface OpeningCommittee {
  quorum: number;
  members: OpeningMember[];
  seatedAt: Date;
  seatedBy: string;
}

/** The tender's public opening key, and each member's share of the private one, sealed to that member. */
export interface OpeningKey {
  publicKey: string;
  shares: { userId: string; box: SealedToKey }[];
  madeAt: Date;
}

export const SHARE_PURPOSE = 'opening key share';

/** What a member's share is bound to: this tender and this member. */
export const shareBinding = (tenderId: string, userId: string) =>
  Buffer.from(canonicalJson({ tenderId, userId }));

/** The committee as officers see it: who sits on it, who has set a secret, never the secrets' traces. */
export const openingCommitteeView = (c: OpeningCommittee | null | undefined) =>
  c
    ? {
        quorum: c.quorum,
        members: c.members.map((m) => ({
          userId: m.userId,
          secretSet: m.secretSetAt !== null,
          secretSetAt: m.secretSetAt,
          changePending: Boolean(m.pending && new Date(m.pending.expiresAt).getTime() > Date.now()),
        })),
        seatedAt: c.seatedAt,
      }
    : null;

function requireDraft(t: TenderRecord): void {
  if (t.status !== 'draft')
    throw conflict('not-draft', 'The opening committee is fixed once the tender is published.');
}

/** Why the users cannot sit on the committee (not officers, duplicates, evaluators), with their paths. */
async function memberErrors(t: TenderRecord, userIds: string[], quorum: number): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const users = await User.find(
    { _id: trusted({ $in: [...new Set(userIds)].map((id) => new Types.ObjectId(id)) }) },
    { role: 1 },
  ).lean();
  const roles = new Map(users.map((u) => [String(u._id), u.role]));
  const evaluators = new Set(t.evaluators.map((e) => String(e.userId)));
  userIds.forEach((id, i) => {
    const at = `/userIds/${i}`;
    if (userIds.indexOf(id) !== i) errors.push({ path: at, message: 'is named twice' });
    else if (!roles.has(id)) errors.push({ path: at, message: 'names no user' });
    else if (roles.get(id) !== 'procurement-officer')
      errors.push({ path: at, message: 'is not a procurement officer' });
    else if (evaluators.has(id)) errors.push({ path: at, message: 'is an evaluator of this tender' });
  });
  if (quorum >= userIds.length)
    errors.push({
      path: '/quorum',
      message: `must be less than the committee's ${userIds.length} members, so that a lost secret never blocks the opening`,
    });
  return errors;
}

/** An officer seats the opening committee while the tender is a draft; members who stay keep their secrets. */
export async function seatOpeningCommittee(
  actor: Actor,
  tenderId: string,
  input: { userIds: string[]; quorum?: number },
) {
  const quorum = input.quorum ?? 2;
  const t = await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', async (tender) => {
    requireDraft(tender);
    const errors = await memberErrors(tender, input.userIds, quorum);
    if (errors.length) throw badRequest('The opening committee is invalid.', errors);
    const kept = new Map((tender.openingCommittee?.members ?? []).map((m) => [m.userId, m]));
    const committee: OpeningCommittee = {
      quorum,
      members: input.userIds.map((userId) => kept.get(userId) ?? { userId, key: null, secretSetAt: null }),
      seatedAt: new Date(),
      seatedBy: actor.id,
    };
    return {
      set: { openingCommittee: committee },
      audit: {
        actor,
        action: 'tender.opening-committee-seated',
        object: { type: 'tender', id: tenderId },
        detail: { userIds: input.userIds, quorum },
      },
    };
  });
  return openingCommitteeView(t.openingCommittee);
}

const CONFIRM_WITHIN_MS = 60 * 60 * 1000;
const notMember = () => forbidden('Only a member of the tender’s opening committee sets an opening secret.');
const memberOf = (c: TenderRecord['openingCommittee'], userId: string) =>
  c?.members.find((m) => m.userId === userId);

/** The committee with one member changed. */
const withMember = (c: OpeningCommittee, userId: string, change: Partial<OpeningMember>) => ({
  ...c,
  members: c.members.map((m) => (m.userId === userId ? { ...m, ...change } : m)),
});

/** Why a secret already set is not replaced: the old one, or the member's password, is what proves it is theirs. */
async function proofOfOwnership(
  actor: Actor,
  tenderId: string,
  key: MemberKeyRecord,
  input: { currentSecret?: string; password?: string },
): Promise<'secret' | 'password'> {
  const limiter = proofLimiter();
  if (input.currentSecret !== undefined) {
    await limiter.attemptProof(actor.id);
    if (await memberKeyFor(input.currentSecret, key)) {
      await limiter.proofAccepted(actor.id);
      return 'secret';
    }
    await recordAudit({
      actor,
      action: 'tender.opening-secret-change-refused',
      object: { type: 'tender', id: tenderId },
    });
    throw new AppError('wrong-secret', 'The current opening secret is wrong.', 403, [
      { path: '/currentSecret', message: 'is not your current opening secret' },
    ]);
  }
  if (input.password !== undefined) {
    await limiter.attemptProof(actor.id);
    const user = await User.findById(actor.id, { passwordHash: 1 }).lean();
    if (user?.passwordHash && (await verifyPassword(input.password, user.passwordHash))) {
      await limiter.proofAccepted(actor.id);
      return 'password';
    }
    await recordAudit({
      actor,
      action: 'tender.opening-secret-change-refused',
      object: { type: 'tender', id: tenderId },
    });
    throw new AppError('wrong-password', 'The password is wrong.', 403, [
      { path: '/password', message: 'is not your password' },
    ]);
  }
  throw conflict(
    'secret-set',
    'You set your opening secret already: give it to change it, or your password.',
    [{ path: '/currentSecret', message: 'is needed to replace the secret already set (or /password)' }],
  );
}

/**
 * A committee member sets the secret that will seal their share; only its traces are kept. A
 * secret once set is the member's: it is replaced with the old one, or with the member's password
 * and then a confirmation from the link e-mailed to them, so that whoever holds a session alone
 * cannot put a secret of theirs in a member's place. Every set and change is e-mailed and audited.
 */
export async function setOpeningSecret(
  actor: Actor,
  tenderId: string,
  input: { secret: string; currentSecret?: string; password?: string },
) {
  const before = await Tender.findById(tenderId, { openingCommittee: 1, status: 1 }).lean<TenderRecord>();
  if (!before) throw notFound('The tender');
  const seat = memberOf(before.openingCommittee, actor.id);
  if (!isOfficer(actor) || !seat) throw notMember();
  requireDraft(before);
  const proof = seat.key ? await proofOfOwnership(actor, tenderId, seat.key, input) : undefined;
  // Derived outside the lock: scrypt takes its time on purpose.
  const key = await newMemberKey(input.secret);
  const nonce = newNonce();
  const t = await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    requireDraft(tender);
    const committee = tender.openingCommittee;
    const now = memberOf(committee, actor.id);
    if (!committee || !now) throw notMember();
    if (String(now.key?.publicKey) !== String(seat.key?.publicKey))
      throw conflict('secret-changed', 'Your opening secret changed meanwhile; try again.');
    const object = { type: 'tender', id: tenderId };
    if (proof === 'password')
      return {
        set: {
          openingCommittee: withMember(committee, actor.id, {
            pending: { key, nonce, expiresAt: new Date(Date.now() + CONFIRM_WITHIN_MS) },
          }),
        },
        effects: [
          domainEvent('tender.opening-secret-set', { userId: actor.id, changed: true, confirm: { nonce } }),
        ],
        audit: { actor, action: 'tender.opening-secret-change-asked', object },
      };
    return {
      set: {
        openingCommittee: withMember(committee, actor.id, { key, secretSetAt: new Date(), pending: null }),
      },
      effects: [domainEvent('tender.opening-secret-set', { userId: actor.id, changed: Boolean(seat.key) })],
      audit: {
        actor,
        action: seat.key ? 'tender.opening-secret-changed' : 'tender.opening-secret-set',
        object,
      },
    };
  });
  return openingCommitteeView(t.openingCommittee);
}

/** The member confirms, from the link e-mailed to them, a new secret asked for with their password. */
export async function confirmOpeningSecret(actor: Actor, tenderId: string, token: string) {
  const named = readLinkToken('opening-secret', token);
  const refused = () =>
    new AppError(
      'link-invalid',
      'This confirmation link is not valid any more; ask for the change again.',
      400,
      [{ path: '/token', message: 'is not a valid link' }],
    );
  if (!named || named.userId !== actor.id) throw refused();
  const t = await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    requireDraft(tender);
    const committee = tender.openingCommittee;
    const seat = memberOf(committee, actor.id);
    if (!committee || !seat) throw notMember();
    const pending = seat.pending;
    if (!pending || pending.nonce !== named.nonce || new Date(pending.expiresAt).getTime() <= Date.now())
      throw refused();
    return {
      set: {
        openingCommittee: withMember(committee, actor.id, {
          key: pending.key,
          secretSetAt: new Date(),
          pending: null,
        }),
      },
      effects: [domainEvent('tender.opening-secret-set', { userId: actor.id, changed: true })],
      audit: { actor, action: 'tender.opening-secret-changed', object: { type: 'tender', id: tenderId } },
    };
  });
  return openingCommitteeView(t.openingCommittee);
}

/**
 * The opening key of a tender being published: refused (409, naming who) without a committee or
 * while a member has no secret. The private key exists only inside this function.
 */
export async function makeOpeningKey(t: TenderRecord): Promise<OpeningKey> {
  const committee = t.openingCommittee;
  if (!committee)
    throw conflict('no-opening-committee', 'Seat the opening committee before publishing.', [
      { path: '/openingCommittee', message: 'is not seated' },
    ]);
  const missing = committee.members
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => !m.key)
    .map(({ m, i }) => ({
      path: `/openingCommittee/members/${i}`,
      message: `user ${m.userId} has not set an opening secret`,
    }));
  if (missing.length)
    throw conflict(
      'opening-secrets-missing',
      'Every opening committee member must set a secret first.',
      missing,
    );
  const keys = newKeyPair();
  try {
    const shares = await splitKey(keys.privateKey, committee.members.length, committee.quorum);
    const sealed = committee.members.map((m, i) => ({
      userId: m.userId,
      box: sealTo(
        Buffer.from((m.key as MemberKeyRecord).publicKey, 'base64'),
        shares[i] as Buffer,
        shareBinding(String(t._id), m.userId),
        SHARE_PURPOSE,
      ),
    }));
    for (const s of shares) s.fill(0);
    return { publicKey: keys.publicKey.toString('base64'), shares: sealed, madeAt: new Date() };
  } finally {
    keys.privateKey.fill(0);
  }
}
