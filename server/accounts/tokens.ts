import { webcrypto } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { context } from '../context.js';

const ISSUER = 'soc-joint-procurement';

/** The signing key, imported once per secret: jose would import a raw key again for every token. */
let imported: { secret: string; key: Promise<webcrypto.CryptoKey> } | undefined;
function key(): Promise<webcrypto.CryptoKey> {
  const secret = context().config.jwtSecret;
  if (imported?.secret !== secret) {
    const raw = new TextEncoder().encode(secret);
    imported = {
      secret,
      key: webcrypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
        'verify',
      ]),
    };
  }
  return imported.key;
}

/**
 * A signed session token for a user, valid for eight hours. It carries the account's session
 * version: a change of password, a forced reset or a disabled account raises the version and so
 * ends every session issued before.
 */
export async function issueToken(userId: string, sessionVersion: number): Promise<string> {
  return new SignJWT({ sv: sessionVersion })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime('8h')
    .sign(await key());
}

type Claims = { userId: string; sessionVersion: number };

/**
 * Tokens verified lately, by this process: a client sends its one token with every request (at a
 * deadline, many in a second), and its signature cannot have changed since. Kept until the token
 * expires, for the secret it was verified with; only genuine tokens are kept, at most `MAX_VERIFIED`.
 */
const MAX_VERIFIED = 10_000;
const verifiedTokens = new Map<string, { claims: Claims; expiresAt: number; secret: string }>();

/** The user id and session version a token was issued with, or undefined when it is not valid. */
export async function tokenSubject(token: string): Promise<Claims | undefined> {
  const secret = context().config.jwtSecret;
  const known = verifiedTokens.get(token);
  if (known && known.secret === secret && known.expiresAt > Date.now()) return known.claims;
  verifiedTokens.delete(token);
  try {
    const { payload } = await jwtVerify(token, await key(), { issuer: ISSUER, algorithms: ['HS256'] });
    if (!payload.sub || typeof payload.exp !== 'number') return undefined;
    const claims = { userId: payload.sub, sessionVersion: typeof payload.sv === 'number' ? payload.sv : 0 };
    if (verifiedTokens.size >= MAX_VERIFIED)
      verifiedTokens.delete(verifiedTokens.keys().next().value as string);
    verifiedTokens.set(token, { claims, expiresAt: payload.exp * 1000, secret });
    return claims;
  } catch {
    return undefined;
  }
}

const verified = new WeakMap<object, Promise<Claims | undefined>>();

/**
 * The claims of a request's bearer token, verified once per request: load shedding reads them
 * before any work, authentication after, and both get the one verification.
 */
export function bearerClaims(req: { headers: { authorization?: string } }) {
  let claims = verified.get(req);
  if (!claims) {
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(req.headers.authorization ?? '');
    claims = match?.[1] ? tokenSubject(match[1]) : Promise.resolve(undefined);
    verified.set(req, claims);
  }
  return claims;
}
