import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { context } from '../context.js';

// One-time links that let a person set a password or confirm an address. A link is
// `<userId>.<nonce>.<mac>`: the account keeps the nonce (to spend it once) and the MAC needs the
// server's secret, so neither the database, the queues nor a notice's stored data hold a usable
// link; it exists only in the e-mail, rendered as it is sent.

export type LinkPurpose = 'invitation' | 'reset' | 'email' | 'opening-secret';

const PAGES: Record<LinkPurpose, string> = {
  invitation: '/account/password',
  reset: '/account/password',
  email: '/account/email',
  'opening-secret': '/opening-secret',
};

/** A fresh nonce for a link. */
export const newNonce = () => randomBytes(18).toString('base64url');

const mac = (purpose: LinkPurpose, userId: string, nonce: string) =>
  createHmac('sha256', context().config.jwtSecret)
    .update(`credential-link\n${purpose}\n${userId}\n${nonce}`)
    .digest('base64url');

/** The link's token. */
export const linkToken = (purpose: LinkPurpose, userId: string, nonce: string) =>
  `${userId}.${nonce}.${mac(purpose, userId, nonce)}`;

/**
 * The page a link opens in the console; the token travels in the fragment, which browsers never
 * send to a server, so no request log or proxy ever sees it.
 */
export const linkUrl = (purpose: LinkPurpose, userId: string, nonce: string, page = PAGES[purpose]) =>
  `${context().config.publicUrl}${page}#token=${linkToken(purpose, userId, nonce)}`;

/** The user and nonce a token names when its MAC is right for the purpose; undefined otherwise. */
export function readLinkToken(
  purpose: LinkPurpose,
  token: string,
): { userId: string; nonce: string } | undefined {
  const [userId, nonce, given, extra] = token.split('.');
  if (!userId || !nonce || !given || extra !== undefined || !/^[0-9a-f]{24}$/.test(userId)) return undefined;
  const expected = Buffer.from(mac(purpose, userId, nonce));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  return { userId, nonce };
}
