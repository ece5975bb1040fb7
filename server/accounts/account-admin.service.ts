import { conflict } from '../errors.js';
import type { Actor } from './access.js';
import { changeAccount, newLink } from './account-links.js';
import { statusOf } from './user.model.js';

// What an administrator may do with a person's account: send the invitation again, require a new
// password (the link goes to the person), disable or enable it. Never set a password nor an address.

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
