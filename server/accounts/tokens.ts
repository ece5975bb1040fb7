import { jwtVerify, SignJWT } from 'jose';
import { context } from '../context.js';

const ISSUER = 'soc-joint-procurement';
const key = () => new TextEncoder().encode(context().config.jwtSecret);

/** A signed session token for a user, valid for eight hours. */
export async function issueToken(userId: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime('8h')
    .sign(key());
}

/** The user id a token was issued to, or undefined when it is not valid. */
export async function tokenSubject(token: string): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: ISSUER, algorithms: ['HS256'] });
    return payload.sub;
  } catch {
    return undefined;
  }
}
