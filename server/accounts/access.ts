import type { NextFunction, Request, Response } from 'express';
import { forbidden, unauthorized } from '../errors.js';
import { described } from '../http/validate.js';
import { tokenSubject } from './tokens.js';
import { type Role, User } from './user.model.js';

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
 * Accounts as recently read, for a few seconds: every request names its user, and a burst of
 * requests (the deadline rush) would otherwise read the same account again and again. An account's
 * role, organisation and contact never change once created (no route changes them), and an account
 * removed later would be out of every process within `ACTOR_TTL_MS`.
 */
const ACTOR_TTL_MS = 5_000;
const MAX_CACHED = 10_000;
const recent = new Map<string, { actor: Actor; until: number }>();

async function loadActor(userId: string): Promise<Actor | undefined> {
  const hit = recent.get(userId);
  if (hit && hit.until > Date.now()) return hit.actor;
  const user = await User.findById(userId).lean();
  if (!user) {
    recent.delete(userId);
    return undefined;
  }
  const actor: Actor = {
    id: String(user._id),
    role: user.role as Role,
    organisationId: String(user.organisationId),
    email: user.email,
    name: user.name,
    language: user.language,
  };
  if (recent.size >= MAX_CACHED) recent.delete(recent.keys().next().value as string);
  recent.set(userId, { actor, until: Date.now() + ACTOR_TTL_MS });
  return actor;
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
 * The reads anyone may make signed out (published calls and tenders, their answered questions and
 * their open-data release): the same routes as signed in, answered as to a party to nothing.
 */
export const PUBLIC_READS = [
  /^\/calls$/,
  /^\/calls\/[^/]+$/,
  /^\/tenders$/,
  /^\/tenders\/[^/]+$/,
  /^\/tenders\/[^/]+\/questions$/,
  /^\/tenders\/[^/]+\/ocds$/,
];

export const isPublicRead = (method: string, path: string) =>
  method === 'GET' && PUBLIC_READS.some((p) => p.test(path));

/**
 * Reads the bearer token and loads its user (read at most every few seconds per process). Without
 * a token, a public read goes on as a visitor; anything else is 401.
 */
export async function authenticate(req: Request, _res: Response, next: NextFunction): Promise<void> {
  const header = req.headers.authorization ?? '';
  if (!header && isPublicRead(req.method, req.path)) {
    req.actor = VISITOR;
    return next();
  }
  const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
  const userId = match?.[1] ? await tokenSubject(match[1]) : undefined;
  const actor = userId ? await loadActor(userId) : undefined;
  if (!actor) return next(unauthorized());
  req.actor = actor;
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
