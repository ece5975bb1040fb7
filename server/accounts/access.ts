import type { NextFunction, Request, Response } from 'express';
import { currentVersion } from '../cached-documents.js';
import { forbidden, unauthorized } from '../errors.js';
import { described } from '../http/validate.js';
import { bearerClaims } from './tokens.js';
import { type Role, statusOf, User } from './user.model.js';

/** The signed-in user as every use-case sees it; or a visitor, signed out, on the public reads. */
export interface Actor {
  id: string;
  role: Role | 'visitor';
  organisationId: string;
  email: string;
  name: string;
  language: string;
}

declare global {
  namespace Express {
    interface Request {
      actor?: Actor;
    }
  }
}

/**
 * Accounts as recently read: every request names its user, and a burst of requests (the deadline
 * rush) would otherwise read the same account again and again. For a few seconds a session is used
 * as read; after that, for up to a minute, while the account's version in Redis is the one it was
 * read under (every change of an account is written under its lock, whose release gives it a new
 * version; see `cached-documents.ts`). What can change (the address, the session version that a
 * password change raises, a disabled account) is forgotten at once by the process that changes it
 * (`forgetActor`) and by every other process within `ACTOR_TTL_MS`.
 */
const ACTOR_TTL_MS = 5_000;
const CHECKED_MAX_AGE_MS = 60_000;
const MAX_CACHED = 10_000;
interface Session {
  actor: Actor;
  sessionVersion: number;
  active: boolean;
}
interface Cached {
  session: Session;
  /** Used without asking Redis until then. */
  until: number;
  /** The account's version when it was read, and when. */
  version: string | null | undefined;
  readAt: number;
}
const recent = new Map<string, Cached>();

/** Forgets an account's cached copy in this process, after a change to it. */
export function forgetActor(userId: string): void {
  recent.delete(userId);
}

async function loadSession(userId: string): Promise<Session | undefined> {
  const hit = recent.get(userId);
  const now = Date.now();
  if (hit && hit.until > now) return hit.session;
  const version = await currentVersion('User', userId);
  if (hit && version !== undefined && hit.version === version && now - hit.readAt < CHECKED_MAX_AGE_MS) {
    hit.until = now + ACTOR_TTL_MS;
    return hit.session;
  }
  const user = await User.findById(userId).lean();
  recent.delete(userId);
  if (!user) return undefined;
  const session: Session = {
    actor: {
      id: String(user._id),
      role: user.role as Role,
      organisationId: String(user.organisationId),
      email: user.email,
      name: user.name,
      language: user.language,
    },
    sessionVersion: user.sessionVersion ?? 0,
    active: statusOf(user) === 'active',
  };
  if (recent.size >= MAX_CACHED) recent.delete(recent.keys().next().value as string);
  recent.set(userId, { session, until: now + ACTOR_TTL_MS, version, readAt: now });
  return session;
}

/** Someone signed out: what a visitor reads is what any signed-in user who is no party to it reads. */
export const VISITOR: Readonly<Actor> = Object.freeze({
  id: '',
  role: 'visitor',
  organisationId: '',
  email: '',
  name: '',
  language: 'en',
});

/**
 * The reads anyone may make signed out (published calls and tenders, their answered questions,
 * complaints and decisions, and their open-data release): the same routes as signed in, answered as to a party to nothing.
 */
export const PUBLIC_READS = [
  /^\/calls$/,
  /^\/calls\/[^/]+$/,
  /^\/tenders$/,
  /^\/tenders\/[^/]+$/,
  /^\/tenders\/[^/]+\/questions$/,
  /^\/tenders\/[^/]+\/ocds$/,
  /^\/tenders\/[^/]+\/results$/,
  /^\/tenders\/[^/]+\/documents(\/[^/]+)?$/,
  /^\/tenders\/[^/]+\/amendments$/,
  /^\/tenders\/[^/]+\/espd-request(\.xml)?$/,
  /^\/espd\/criteria$/,
  /^\/(calls|tenders)\/[^/]+\/eforms(\/[^/]+)?$/,
  // Complaints and the review body's decisions are public (their documents are the parties').
  /^\/tenders\/[^/]+\/complaints$/,
  /^\/complaints\/[^/]+$/,
  /^\/complaints\/[^/]+\/decision\.pdf$/,
  /^\/ocds\/extensions\/complaints\/[^/]+$/,
];

export const isPublicRead = (method: string, path: string) =>
  method === 'GET' && PUBLIC_READS.some((p) => p.test(path));

/**
 * Reads the bearer token and loads its user (read at most every few seconds per process): a token
 * of an account disabled, or issued before the account's last change of password, is no session.
 * Without a token, a public read goes on as a visitor; anything else is 401.
 */
export async function authenticate(req: Request, _res: Response, next: NextFunction): Promise<void> {
  const header = req.headers.authorization ?? '';
  if (!header && isPublicRead(req.method, req.path)) {
    req.actor = VISITOR;
    return next();
  }
  const claims = await bearerClaims(req);
  const session = claims ? await loadSession(claims.userId) : undefined;
  if (!session?.active || session.sessionVersion !== claims?.sessionVersion) return next(unauthorized());
  req.actor = session.actor;
  next();
}

/** Only these roles may go on. */
export function allow(...roles: Role[]) {
  return described({ roles }, (req: Request, _res: Response, next: NextFunction) => {
    next(req.actor && roles.includes(req.actor.role as Role) ? undefined : forbidden());
  });
}

/** The actor of an authenticated request. */
export function actorOf(req: Request): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

/** Officers of the Centre: procurement officers and administrators. */
export const isOfficer = (actor: Actor) => actor.role === 'procurement-officer' || actor.role === 'admin';
