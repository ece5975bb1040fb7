import type { NextFunction, Request, Response } from 'express';
import { forbidden, unauthorized } from '../errors.js';
import { described } from '../http/validate.js';
import { tokenSubject } from './tokens.js';
import { type Role, User } from './user.model.js';

/** The signed-in user as every use-case sees it. */
export interface Actor {
  id: string;
  role: Role;
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

/** Reads the bearer token and loads its user on every request, so a removed user is out at once. */
export async function authenticate(req: Request, _res: Response, next: NextFunction): Promise<void> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
  const userId = match?.[1] ? await tokenSubject(match[1]) : undefined;
  const user = userId ? await User.findById(userId).lean() : null;
  if (!user) return next(unauthorized());
  req.actor = {
    id: String(user._id),
    role: user.role as Role,
    organisationId: String(user.organisationId),
    email: user.email,
    name: user.name,
    language: user.language,
  };
  next();
}

/** Only these roles may go on. */
export function allow(...roles: Role[]) {
  return described({ roles }, (req: Request, _res: Response, next: NextFunction) => {
    next(req.actor && roles.includes(req.actor.role) ? undefined : forbidden());
  });
}

/** The actor of an authenticated request. */
export function actorOf(req: Request): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

/** Officers of the Centre: procurement officers and administrators. */
export const isOfficer = (actor: Actor) => actor.role === 'procurement-officer' || actor.role === 'admin';
