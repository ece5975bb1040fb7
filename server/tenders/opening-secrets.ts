import { type Actor, isOfficer } from '../accounts/access.js';
import { newNonce, readLinkToken } from '../accounts/credential-links.js';
import { proofLimiter } from '../accounts/login-limiter.js';
import { verifyPassword } from '../accounts/passwords.js';
import { User } from '../accounts/user.model.js';
import { recordAudit } from '../audit/audit.service.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { type MemberKeyRecord, memberKeyFor, newMemberKey } from '../keys/member-secret.js';
import { changeDocument } from '../revision.js';
import {
  type OpeningCommittee,
  type OpeningMember,
  openingCommitteeView,
  requireDraft,
} from './opening-committee.js';
import { Tender, type TenderRecord } from './tender.model.js';

// A committee member's opening secret is the member's: set once on the draft, replaced only with the
// old one, or with the member's password and then the link e-mailed to them, so that whoever holds
// a member's session alone cannot put a secret of theirs in the member's place. Every set and change
// is e-mailed to the member and audited.

const CONFIRM_WITHIN_MS = 60 * 60 * 1000;
const notMember = () => forbidden('Only a member of the tender’s opening committee sets an opening secret.');
const memberOf = (c: TenderRecord['openingCommittee'], userId: string) =>
  c?.members.find((m) => m.userId === userId);

/** The committee with one member changed. */
const withMember = (c: OpeningCommittee, userId: string, change: Partial<OpeningMember>) => ({
  ...c,
  members: c.members.map((m) => (m.userId === userId ? { ...m, ...change } : m)),
});

/**
 * Whether a signed-in member's proof holds (limited per account, a refusal audited): whoever holds
 * the member's session alone must not replace their secret.
 */
async function proofHolds(actor: Actor, tenderId: string, check: () => Promise<boolean>): Promise<boolean> {
  const limiter = proofLimiter();
  await limiter.attemptProof(actor.id);
  if (await check()) {
    await limiter.proofAccepted(actor.id);
    return true;
  }
  await recordAudit({
    actor,
    action: 'tender.opening-secret-change-refused',
    object: { type: 'tender', id: tenderId },
  });
  return false;
}

/** What proves a secret already set is the member's to replace: the old one, or the member's password. */
async function proofOfOwnership(
  actor: Actor,
  tenderId: string,
  key: MemberKeyRecord,
  input: { currentSecret?: string; password?: string },
): Promise<'secret' | 'password'> {
  const { currentSecret, password } = input;
  if (currentSecret !== undefined) {
    if (await proofHolds(actor, tenderId, async () => Boolean(await memberKeyFor(currentSecret, key))))
      return 'secret';
    throw new AppError('wrong-secret', 'The current opening secret is wrong.', 403, [
      { path: '/currentSecret', message: 'is not your current opening secret' },
    ]);
  }
  if (password !== undefined) {
    const holds = await proofHolds(actor, tenderId, async () => {
      const user = await User.findById(actor.id, { passwordHash: 1 }).lean();
      return Boolean(user?.passwordHash && (await verifyPassword(password, user.passwordHash)));
    });
    if (holds) return 'password';
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
