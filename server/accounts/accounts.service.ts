import type { FromSchema } from 'json-schema-to-ts';
import type {
  createOrganisationBody,
  organisationDetailsBody,
  organisationKinds,
} from '../../schemas/accounts.js';
import { recordAudit } from '../audit/audit.service.js';
import { isDuplicateKey } from '../db.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { literally } from '../literal-search.js';
import { logger } from '../logger.js';
import { type Actor, isOfficer } from './access.js';
import { listInDirectory } from './directory.js';
import type { LoginLimiter } from './login-limiter.js';
import { Organisation, type OrganisationDoc } from './organisation.model.js';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { issueToken } from './tokens.js';
import { statusOf, User, type UserDoc } from './user.model.js';

/** A user as the API shows it: never the password hash nor a link's trace; when an invitation is pending, until when. */
export function publicUser(u: UserDoc) {
  const status = statusOf(u);
  return {
    id: String(u._id),
    email: u.email,
    name: u.name,
    role: u.role,
    organisationId: String(u.organisationId),
    language: u.language,
    status,
    passwordSetAt: u.passwordSetAt ?? null,
    invitation:
      status === 'invited' && u.passwordLink?.purpose === 'invitation'
        ? { sentAt: u.passwordLink.sentAt, expiresAt: u.passwordLink.expiresAt }
        : null,
  };
}

/** An organisation as the API shows it. */
export function publicOrganisation(o: OrganisationDoc) {
  return {
    id: String(o._id),
    name: o.name,
    kind: o.kind,
    country: o.country,
    publicBody: o.publicBody,
    email: o.email,
    language: o.language,
    cpvPrefixes: o.cpvPrefixes,
    city: o.city ?? null,
    postalCode: o.postalCode ?? null,
    nuts: o.nuts ?? null,
    phone: o.phone ?? null,
    registrationNumber: o.registrationNumber ?? null,
    website: o.website ?? null,
    size: o.size ?? null,
  };
}

/** An administrator completes an organisation's address, contact and registration, as notices name it. */
export async function updateOrganisationDetails(
  actor: Actor,
  organisationId: string,
  details: FromSchema<typeof organisationDetailsBody>,
) {
  const updated = await Organisation.findByIdAndUpdate(
    organisationId,
    { $set: details },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw notFound('The organisation');
  await recordAudit({
    actor,
    action: 'organisation.details-changed',
    object: { type: 'organisation', id: organisationId },
    detail: { fields: Object.keys(details) },
  });
  return publicOrganisation(updated as OrganisationDoc);
}

/**
 * Signs a user in; an unknown email, a wrong password and an account with no password yet answer
 * alike, and failures are rate-limited. A disabled account is said to be so only to whoever knows
 * its password.
 */
export async function login(email: string, password: string, ip: string, limiter: LoginLimiter) {
  await limiter.attempt(email, ip);
  const user = await User.findOne({ email: email.trim().toLowerCase() }).lean();
  const stored = user?.passwordHash;
  const ok = await verifyPassword(password, stored ?? (await decoyHash));
  if (!user || !stored || !ok) {
    throw new AppError('invalid-credentials', 'The email or the password is wrong.', 401);
  }
  await limiter.succeed(email, ip);
  if (statusOf(user) === 'disabled')
    throw new AppError('account-disabled', 'This account is disabled; ask your administrator.', 403);
  if (needsRehash(stored)) {
    await User.updateOne({ _id: user._id }, { $set: { passwordHash: await hashPassword(password) } });
  }
  return { token: await issueToken(String(user._id), user.sessionVersion ?? 0), user: publicUser(user) };
}

export async function createOrganisation(actor: Actor, input: FromSchema<typeof createOrganisationBody>) {
  try {
    const org = await Organisation.create(input);
    await recordAudit({
      actor,
      action: 'organisation.created',
      object: { type: 'organisation', id: String(org._id) },
    });
    return publicOrganisation(org.toObject());
  } catch (err) {
    if (isDuplicateKey(err)) {
      throw conflict('organisation-exists', 'An organisation with this name exists.', [
        { path: '/name', message: 'is already taken' },
      ]);
    }
    throw err;
  }
}

/**
 * What any signed-in user sees of another organisation: enough to find and invite it. Its contact
 * e-mail and its CPV subscriptions (what a vendor is bidding for) are for officers and itself.
 */
export function organisationFor(actor: Actor, o: OrganisationDoc) {
  const full = publicOrganisation(o);
  if (isOfficer(actor) || String(o._id) === actor.organisationId) return full;
  const { email: _email, cpvPrefixes: _cpv, language: _language, ...card } = full;
  return card;
}

export async function getOrganisation(actor: Actor, id: string) {
  const org = await Organisation.findById(id).lean();
  if (!org) throw notFound('The organisation');
  return organisationFor(actor, org);
}

export async function listOrganisations(
  actor: Actor,
  filter: { kind?: (typeof organisationKinds)[number]; country?: string; q?: string },
  page: { limit: number; offset: number },
) {
  const query = {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.country ? { country: filter.country } : {}),
    // Words of the name, as typed: matched literally, whatever their case.
    ...(filter.q ? { name: literally(filter.q) } : {}),
  };
  const [items, total] = await Promise.all([
    Organisation.find(query).sort({ name: 1 }).skip(page.offset).limit(page.limit).lean(),
    Organisation.countDocuments(query),
  ]);
  return { items: items.map((o) => organisationFor(actor, o)), total };
}

/** The signed-in user and their organisation. */
export async function me(actor: Actor) {
  const [user, org] = await Promise.all([
    User.findById(actor.id).lean(),
    Organisation.findById(actor.organisationId).lean(),
  ]);
  if (!user || !org) throw notFound('Your account');
  return { user: publicUser(user), organisation: publicOrganisation(org) };
}

/** A vendor chooses the CPV prefixes of the tenders it is told about. */
export async function setSubscriptions(actor: Actor, organisationId: string, cpvPrefixes: string[]) {
  const org = await Organisation.findById(organisationId).lean();
  if (!org) throw notFound('The organisation');
  if (actor.role !== 'vendor' || actor.organisationId !== organisationId) {
    throw forbidden('Only the vendor itself sets its subscriptions.');
  }
  const updated = await Organisation.findByIdAndUpdate(
    organisationId,
    { $set: { cpvPrefixes } },
    { returnDocument: 'after' },
  ).lean();
  await recordAudit({
    actor,
    action: 'organisation.subscriptions-set',
    object: { type: 'organisation', id: organisationId },
    detail: { cpvPrefixes },
  });
  return publicOrganisation(updated as OrganisationDoc);
}

/** The contracting authority (the Centre): the first one registered. */
export function contractingAuthority() {
  return Organisation.findOne({ kind: 'contracting-authority' }).sort({ createdAt: 1 }).lean();
}

/** Creates the Centre and the first admin once, from ADMIN_EMAIL/ADMIN_PASSWORD or the development defaults. */
export async function ensureFirstAdmin(admin: { email: string; password: string }): Promise<boolean> {
  const existing = await User.findOne({ role: 'admin' }).sort({ _id: 1 }).lean();
  // Listed again at every start (a repeat changes nothing), in case a crash came in between.
  if (existing) {
    await listInDirectory(existing);
    return false;
  }
  const centre =
    (await contractingAuthority()) ??
    (
      await Organisation.create({
        name: 'European Cybersecurity Competence Centre',
        kind: 'contracting-authority',
        country: 'RO',
        publicBody: true,
        email: admin.email,
        language: 'en',
      })
    ).toObject();
  try {
    const first = await User.create({
      email: admin.email,
      name: 'Administrator',
      passwordHash: await hashPassword(admin.password),
      status: 'active',
      passwordSetAt: new Date(),
      role: 'admin',
      organisationId: centre._id,
      language: 'en',
    });
    await listInDirectory(first.toObject());
  } catch (err) {
    if (isDuplicateKey(err)) return false; // another instance created it first
    throw err;
  }
  await recordAudit({
    actor: null,
    action: 'admin.bootstrapped',
    object: { type: 'organisation', id: String(centre._id) },
  });
  logger.info({ email: admin.email }, 'first admin created');
  return true;
}
