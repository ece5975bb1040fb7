import type { FromSchema } from 'json-schema-to-ts';
import type { createUserBody } from '../../schemas/accounts.js';
import { recordAudit } from '../audit/audit.service.js';
import { isDuplicateKey } from '../db.js';
import { scheduleEffects } from '../effects/effects.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { literally } from '../literal-search.js';
import { logger } from '../logger.js';
import type { Actor } from './access.js';
import { invitationOf } from './account-links.js';
import { publicUser } from './accounts.service.js';
import { listInDirectory } from './directory.js';
import { Organisation } from './organisation.model.js';
import { type Role, User } from './user.model.js';

// People's accounts: created by the administrator, found by officers who seat committees.

/** Which organisation kinds each role belongs to. */
const kindOfRole: Record<string, string[]> = {
  admin: ['contracting-authority'],
  'procurement-officer': ['contracting-authority'],
  evaluator: ['contracting-authority'],
  'entity-representative': ['hosting-entity'],
  vendor: ['vendor'],
  'review-body': ['review-body'],
};

/**
 * The administrator gives a person of an organisation an account; the person is e-mailed a
 * one-time link to set their own password (the administrator never sets nor sees it).
 */
export async function createUser(actor: Actor, input: FromSchema<typeof createUserBody>) {
  const org = await Organisation.findById(input.organisationId).lean();
  if (!org)
    throw badRequest('The organisation does not exist.', [
      { path: '/organisationId', message: 'names no organisation' },
    ]);
  if (!kindOfRole[input.role]?.includes(org.kind)) {
    throw badRequest(
      `A ${input.role} belongs to an organisation of kind ${kindOfRole[input.role]?.join(' or ')}.`,
      [{ path: '/role', message: `does not fit an organisation of kind ${org.kind}` }],
    );
  }
  try {
    const welcome = domainEvent('account.created');
    const { account, invitation } = invitationOf();
    const user = await User.create({ ...input, ...account, pendingEffects: [welcome, invitation] });
    // Listed for its organisation's notices now; if this fails the welcome effect lists it again.
    await listInDirectory(user.toObject()).catch((err) =>
      logger.warn({ err, userId: String(user._id) }, 'could not list the account; its welcome will'),
    );
    await scheduleEffects('User', String(user._id), [welcome, invitation]);
    await recordAudit({
      actor,
      action: 'user.created',
      object: { type: 'user', id: String(user._id) },
      detail: { role: input.role },
    });
    return publicUser(user.toObject());
  } catch (err) {
    if (isDuplicateKey(err)) {
      throw conflict('user-exists', 'A user with this email exists.', [
        { path: '/email', message: 'is already taken' },
      ]);
    }
    throw err;
  }
}

export async function listUsers(
  filter: { organisationId?: string; role?: Role; q?: string },
  page: { limit: number; offset: number },
) {
  const query = {
    ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    // Words of the name or the e-mail address, as typed: matched literally, whatever their case.
    ...(filter.q ? { $or: [{ name: literally(filter.q) }, { email: literally(filter.q) }] } : {}),
  };
  const [items, total] = await Promise.all([
    User.find(query).sort({ email: 1 }).skip(page.offset).limit(page.limit).lean(),
    User.countDocuments(query),
  ]);
  return { items: items.map(publicUser), total };
}

/** One person's account, for officers who seat committees and read who sits on them. */
export async function getUser(userId: string) {
  const user = await User.findById(userId).lean();
  if (!user) throw notFound('The user');
  return publicUser(user);
}
