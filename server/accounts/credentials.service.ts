import { trusted } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key.js';
import { AppError, badRequest, conflict, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import type { Actor } from './access.js';
import { accountOfLink, changeAccount, linkRefused, newLink, type UserRecord } from './account-links.js';
import { readLinkToken } from './credential-links.js';
import { relistInDirectory } from './directory.js';
import { type LoginLimiter, proofLimiter } from './login-limiter.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { issueToken } from './tokens.js';
import { statusOf, User } from './user.model.js';

// People own their credentials. The administrator creates an account and the person sets its
// password from an e-mailed one-time link; nobody else ever sets, sees or receives it. A change of
// password ends every other session; a new address takes effect once confirmed from it.

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
