import { jwtVerify, SignJWT } from 'jose';
import { context } from '../context.js';

const ISSUER = 'soc-joint-procurement';
const key = () => new TextEncoder().encode(context().config.jwtSecret);

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
    .sign(key());
}

/** The user id and session version a token was issued with, or undefined when it is not valid. */
export async function tokenSubject(
  token: string,
): Promise<{ userId: string; sessionVersion: number } | undefined> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: ISSUER, algorithms: ['HS256'] });
    if (!payload.sub) return undefined;
    return { userId: payload.sub, sessionVersion: typeof payload.sv === 'number' ? payload.sv : 0 };
  } catch {
    return undefined;
  }
}
