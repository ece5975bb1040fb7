import { Types, trusted } from 'mongoose';
import { listedPeople } from '../accounts/directory.js';
import { type Role, User } from '../accounts/user.model.js';

// Who is told: the people of the organisations an event concerns, as their accounts say.

/** A person to write to, as stored on their account. */
export interface Recipient {
  userId: string;
  organisationId: string;
  name: string;
  email: string;
  language: string;
}

const recipientOf = (u: {
  _id: unknown;
  organisationId: unknown;
  name: string;
  email: string;
  language: string;
}): Recipient => ({
  userId: String(u._id),
  organisationId: String(u.organisationId),
  name: u.name,
  email: u.email,
  language: u.language,
});

/** The people named by their user ids (a committee's members), each looked up by `_id`. */
export async function peopleNamed(userIds: string[]): Promise<Recipient[]> {
  const users = await Promise.all(userIds.map((id) => User.findById(id).lean()));
  return users.filter((u) => u !== null).map(recipientOf);
}

/** Up to this many organisations, their directories are read one by one; beyond, all accounts at once. */
const LOOKUPS_AT_MOST = 8;

/**
 * The people of organisations who receive their notices, optionally only some roles. For a few
 * organisations (a vendor's receipt, a consortium's members) each one's directory is read by `_id`;
 * for many (every subscribed vendor) one read of the accounts costs less than a lookup each.
 */
export async function peopleOf(organisationIds: string[], roles?: Role[]): Promise<Recipient[]> {
  if (!organisationIds.length) return [];
  const ids = [...new Set(organisationIds)];
  const listed = ids.length <= LOOKUPS_AT_MOST ? await listedPeople(ids) : undefined;
  if (listed)
    return listed
      .filter((p) => !roles || roles.includes(p.role as Role))
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
      .map(({ role: _role, ...recipient }) => recipient);
  const users = await User.find({
    organisationId: trusted({ $in: ids.map((id) => new Types.ObjectId(id)) }),
    ...(roles ? { role: trusted({ $in: roles }) } : {}),
  })
    .sort({ _id: 1 })
    .lean();
  return users.map(recipientOf);
}
