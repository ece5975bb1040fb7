import { Types, trusted } from 'mongoose';
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

/** The people of an organisation who receive its notices, optionally only some roles. */
export async function peopleOf(organisationIds: string[], roles?: Role[]): Promise<Recipient[]> {
  if (!organisationIds.length) return [];
  const users = await User.find({
    organisationId: trusted({ $in: organisationIds.map((id) => new Types.ObjectId(id)) }),
    ...(roles ? { role: trusted({ $in: roles }) } : {}),
  })
    .sort({ _id: 1 })
    .lean();
  return users.map(recipientOf);
}
