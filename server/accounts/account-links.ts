import { AppError } from '../errors.js';
import { domainEvent, type PendingEffect } from '../events.js';
import { changeDocument } from '../revision.js';
import { type Actor, forgetActor } from './access.js';
import { type LinkPurpose, newNonce, readLinkToken } from './credential-links.js';
import { statusOf, User, type UserDoc } from './user.model.js';

// One-time links kept on an account (their nonce only: the link itself is made as its e-mail is
// sent), and the one way an account changes: under its lock, with its audit event and e-mails in
// the same write. The person's doors are in credentials.service.ts, the administrator's in
// account-admin.service.ts.

/** An account as stored, with the revision its changes count. */
export type UserRecord = UserDoc & { rev: number };
/** The links an account itself keeps (an opening secret's confirmation lives on its tender). */
export type AccountLink = Exclude<LinkPurpose, 'opening-secret'>;

const HOUR = 60 * 60 * 1000;
/** How long each kind of link stays good. */
export const LINK_LIFETIME: Record<AccountLink, number> = {
  invitation: 7 * 24 * HOUR,
  reset: HOUR,
  email: 24 * HOUR,
};

/** A link's trace to keep on the account, and the event that e-mails it. */
export function newLink(purpose: AccountLink, extra: { email?: string; forced?: boolean } = {}) {
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

export const linkRefused = () =>
  new AppError(
    'link-invalid',
    'This link is not valid any more: it was used, replaced by a newer one, or it expired. Ask for a new one.',
    400,
    [{ path: '/token', message: 'is not a valid link' }],
  );

/** Changes one account under its lock, with its audit event and e-mails written in the same update. */
export async function changeAccount(
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
export async function accountOfLink(purpose: AccountLink, token: string) {
  const named = readLinkToken(purpose, token);
  const user = named ? await User.findById(named.userId).lean<UserRecord>() : null;
  const slot = purpose === 'email' ? user?.emailLink : user?.passwordLink;
  const fits =
    slot && slot.nonce === named?.nonce && slot.purpose === purpose && slot.expiresAt.getTime() > Date.now();
  if (!user || !fits || statusOf(user) === 'disabled') throw linkRefused();
  return { user, nonce: slot.nonce };
}
