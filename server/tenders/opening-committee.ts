import { Types, trusted } from 'mongoose';
import type { Actor } from '../accounts/access.js';
import { User } from '../accounts/user.model.js';
import { canonicalJson } from '../digest.js';
import { badRequest, conflict } from '../errors.js';
import { newKeyPair, type SealedToKey, sealTo } from '../keys/ecies.js';
import type { MemberKeyRecord } from '../keys/member-secret.js';
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

/** Refuses a change of the committee or of a secret once the tender is published. */
export function requireDraft(t: TenderRecord): void {
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
