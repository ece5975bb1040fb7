import { trusted } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key.js';
import { AppError, badRequest, conflict, notFound } from '../errors.js';
import { domainEvent, type PendingEffect } from '../events.js';
import { changeDocument } from '../revision.js';
import { type Actor, forgetActor } from './access.js';
import { type LinkPurpose, newNonce, readLinkToken } from './credential-links.js';
import { relistInDirectory } from './directory.js';
import { type LoginLimiter, proofLimiter } from './login-limiter.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { issueToken } from './tokens.js';
import { statusOf, User, type UserDoc } from './user.model.js';

// People own their credentials. The administrator creates an account and the person sets its
// password from an e-mailed one-time link; nobody else ever sets, sees or receives it. A change of
// password ends every other session; a new address takes effect once confirmed from it.

type UserRecord = UserDoc & { rev: number };
/** The links an account itself keeps (an opening secret's confirmation lives on its tender). */
type AccountLink = Exclude<LinkPurpose, 'opening-secret'>;

const HOUR = 60 * 60 * 1000;
/** How long each kind of link stays good. */
export const LINK_LIFETIME: Record<AccountLink, number> = {
  invitation: 7 * 24 * HOUR,
  reset: HOUR,
  email: 24 * HOUR,
};

/** A link's trace to keep on the account, and the event that e-mails it. */
function newLink(purpose: AccountLink, extra: { email?: string; forced?: boolean } = {}) {
  const now = new Date();
  const nonce = newNonce();
  const link = {
    purpose,
    nonce,
    sentAt: now,
    expiresAt: new Date(now.getTime() + LINK_LIFETIME[purpose]),
    email: extra.email ?? null,
  };
  const template =
    purpose === 'invitation'
      ? 'account-invitation'
      : purpose === 'reset'
        ? 'password-reset'
        : 'email-confirm';
  const event = domainEvent('account.notice', {
    template,
    link: { purpose, nonce },
    ...(extra.email ? { to: extra.email } : {}),
    ...(extra.forced ? { forced: true } : {}),
  });
  return { link, event };
}

/** What a new account starts with: no password, and the event that e-mails its invitation. */
export function invitationOf() {
  const { link, event } = newLink('invitation');
  return {
    account: { status: 'invited' as const, passwordHash: null, passwordLink: link },
    invitation: event,
  };
}

const linkRefused = () =>
  new AppError(
    'link-invalid',
    'This link is not valid any more: it was used, replaced by a newer one, or it expired. Ask for a new one.',
    400,
    [{ path: '/token', message: 'is not a valid link' }],
  );

/** Changes one account under its lock, with its audit event and e-mails written in the same update. */
async function changeAccount(
  userId: string,
  compute: (u: UserRecord) => {
    set: Record<string, unknown>;
    effects?: PendingEffect[];
    audit?: { actor: Actor | null; action: string; detail?: Record<string, unknown> };
  },
): Promise<UserRecord> {
  const changed = await changeDocument<UserRecord>(User, userId, 'The account', (u) => {
    const c = compute(u);
    return {
      set: c.set,
      effects: c.effects,
      ...(c.audit ? { audit: { ...c.audit, object: { type: 'user', id: userId } } } : {}),
    };
  });
  forgetActor(userId);
  return changed;
}

/** The account a valid, unspent, unexpired link of this purpose names. */
async function accountOfLink(purpose: AccountLink, token: string) {
  const named = readLinkToken(purpose, token);
  const user = named ? await User.findById(named.userId).lean<UserRecord>() : null;
  const slot = purpose === 'email' ? user?.emailLink : user?.passwordLink;
  const fits =
    slot && slot.nonce === named?.nonce && slot.purpose === purpose && slot.expiresAt.getTime() > Date.now();
  if (!user || !fits || statusOf(user) === 'disabled') throw linkRefused();
  return { user, nonce: slot.nonce };
}

const signedIn = async (u: UserRecord, sessionVersion: number) => ({
  token: await issueToken(String(u._id), sessionVersion),
  user: { id: String(u._id), email: u.email, name: u.name, role: u.role },
});

/**
 * A person sets their password from an invitation or a reset link: the link is spent, every other
 * session ends, and the person is signed in.
 */
export async function setPasswordFromLink(token: string, password: string, limiter: LoginLimiter) {
  const purpose = readLinkToken('invitation', token) ? 'invitation' : 'reset';
  const { user, nonce } = await accountOfLink(purpose, token);
  const passwordHash = await hashPassword(password);
  const changed = await changeAccount(String(user._id), (u) => {
    if (u.passwordLink?.nonce !== nonce) throw linkRefused(); // spent meanwhile
    return {
      set: {
        passwordHash,
        passwordLink: null,
        passwordSetAt: new Date(),
        status: 'active',
        sessionVersion: (u.sessionVersion ?? 0) + 1,
      },
      effects: purpose === 'reset' ? [domainEvent('account.notice', { template: 'password-changed' })] : [],
      audit: { actor: null, action: purpose === 'invitation' ? 'user.activated' : 'user.password-reset' },
    };
  });
  await limiter.forgive(changed.email);
  return signedIn(changed, changed.sessionVersion);
}

/**
 * The signed-in person's account, once they have proved it is theirs with their password (a wrong
 * one is refused 403 naming the field `at`; guesses are limited per account).
 */
async function ownAccountProved(actor: Actor, password: string, at: '/current' | '/password') {
  const user = await User.findById(actor.id).lean<UserRecord>();
  if (!user) throw notFound('Your account');
  await proofLimiter().attemptProof(actor.id);
  if (!user.passwordHash || !(await verifyPassword(password, user.passwordHash)))
    throw new AppError('wrong-password', 'The password is wrong.', 403, [
      { path: at, message: at === '/current' ? 'is not your current password' : 'is not your password' },
    ]);
  await proofLimiter().proofAccepted(actor.id);
  return user;
}

/** A signed-in person changes their own password, knowing the current one; their other sessions end. */
export async function changeOwnPassword(actor: Actor, current: string, password: string) {
  await ownAccountProved(actor, current, '/current');
  if (current === password)
    throw badRequest('The new password is the current one.', [
      { path: '/password', message: 'must differ from the current password' },
    ]);
  const passwordHash = await hashPassword(password);
  const changed = await changeAccount(actor.id, (u) => ({
    set: {
      passwordHash,
      passwordLink: null,
      passwordSetAt: new Date(),
      sessionVersion: (u.sessionVersion ?? 0) + 1,
    },
    effects: [domainEvent('account.notice', { template: 'password-changed' })],
    audit: { actor, action: 'user.password-changed' },
  }));
  return signedIn(changed, changed.sessionVersion);
}

/**
 * Anyone asks for a reset link by address; the answer is the same whether or not the address has
 * an account (and whether or not the request was one too many), so it tells nothing.
 */
export async function requestReset(email: string, ip: string, limiter: LoginLimiter): Promise<void> {
  const address = email.trim().toLowerCase();
  if (!(await limiter.allowReset(address, ip))) return;
  const user = await User.findOne({ email: address }, { _id: 1, status: 1 }).lean();
  if (!user || statusOf(user) === 'disabled') return;
  const { link, event } = newLink(statusOf(user) === 'invited' ? 'invitation' : 'reset');
  await changeAccount(String(user._id), () => ({
    set: { passwordLink: link },
    effects: [event],
    audit: { actor: null, action: 'user.reset-requested' },
  }));
}

/** The administrator sends a person's invitation again (a new link; the old one stops working). */
export async function resendInvitation(actor: Actor, userId: string) {
  const { link, event } = newLink('invitation');
  return changeAccount(userId, (u) => {
    if (statusOf(u) !== 'invited')
      throw conflict('not-invited', 'This person has set their password already; a reset is what they need.');
    return {
      set: { passwordLink: link },
      effects: [event],
      audit: { actor, action: 'user.invitation-resent' },
    };
  });
}

/**
 * The administrator requires a new password: the current one stops working, every session ends, and
 * a reset link goes to the person's own address, never to the administrator.
 */
export async function forceReset(actor: Actor, userId: string) {
  const { link, event } = newLink('reset', { forced: true });
  return changeAccount(userId, (u) => {
    if (statusOf(u) === 'disabled') throw conflict('disabled', 'The account is disabled; enable it first.');
    if (statusOf(u) === 'invited')
      throw conflict('not-active', 'This person has not set a password yet; send the invitation again.');
    return {
      set: { passwordHash: null, passwordLink: link, sessionVersion: (u.sessionVersion ?? 0) + 1 },
      effects: [event],
      audit: { actor, action: 'user.reset-forced' },
    };
  });
}

/** The administrator disables an account (every session ends, links stop working) or enables it again. */
export async function setDisabled(actor: Actor, userId: string, disabled: boolean) {
  if (disabled && actor.id === userId)
    throw conflict('own-account', 'Administrators do not disable themselves.');
  return changeAccount(userId, (u) => {
    const status = statusOf(u);
    if (disabled === (status === 'disabled'))
      throw conflict(
        'unchanged',
        disabled ? 'The account is disabled already.' : 'The account is not disabled.',
      );
    return {
      set: disabled
        ? {
            status: 'disabled',
            passwordLink: null,
            emailLink: null,
            sessionVersion: (u.sessionVersion ?? 0) + 1,
          }
        : { status: u.passwordHash ? 'active' : 'invited' },
      audit: { actor, action: disabled ? 'user.disabled' : 'user.enabled' },
    };
  });
}

/** A person asks to change their own address, with their password; it changes once confirmed from the new one. */
export async function requestEmailChange(actor: Actor, email: string, password: string) {
  const address = email.trim().toLowerCase();
  const user = await ownAccountProved(actor, password, '/password');
  if (address === user.email)
    throw badRequest('This is your address already.', [
      { path: '/email', message: 'is your current address' },
    ]);
  if (await User.exists({ email: address }))
    throw conflict('email-taken', 'Another account uses this address.', [
      { path: '/email', message: 'is already taken' },
    ]);
  const { link, event } = newLink('email', { email: address });
  await changeAccount(actor.id, () => ({
    set: { emailLink: link },
    effects: [event],
    audit: { actor, action: 'user.email-change-requested' },
  }));
  return { email: user.email, pendingEmail: address, expiresAt: link.expiresAt };
}

/** The link sent to the new address confirms it: the account changes, and the old address is told. */
export async function confirmEmailChange(token: string) {
  const { user, nonce } = await accountOfLink('email', token);
  const address = user.emailLink?.email as string;
  const taken = () =>
    conflict('email-taken', 'Another account uses this address now.', [
      { path: '/token', message: 'names an address taken meanwhile' },
    ]);
  if (await User.exists({ email: address, _id: trusted({ $ne: user._id }) })) throw taken();
  const changed = await changeAccount(String(user._id), (u) => {
    if (u.emailLink?.nonce !== nonce) throw linkRefused();
    return {
      set: { email: address, emailLink: null },
      effects: [domainEvent('account.notice', { template: 'email-changed', to: u.email })],
      audit: { actor: null, action: 'user.email-changed' },
    };
  }).catch((err) => {
    throw isDuplicateKey(err) ? taken() : err;
  });
  await relistInDirectory(changed);
  return { email: changed.email };
}
