import { model, Schema } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key.js';
import { withDocumentLock } from '../locks.js';

// Who works for an organisation, on one document per organisation whose `_id` is the organisation's:
// telling an organisation's people is then a lookup by `_id` rather than a read of every account
// (FerretDB's SQLite backend hands SQL no filter but `_id`: measured 10–12 ms for 300 accounts,
// against 0.6 ms by `_id`, and growing with every account). The one change an account sees after
// its creation that a notice needs, a confirmed new address, is copied here (`relistInDirectory`).

/** A person as their organisation's notices need them. */
export interface ListedPerson {
  userId: string;
  organisationId: string;
  role: string;
  name: string;
  email: string;
  language: string;
}

const directorySchema = new Schema(
  {
    _id: { type: String, required: true },
    people: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false, minimize: false, collection: 'organisation_people' },
);

const Directory = model('OrganisationPeople', directorySchema);

interface Account {
  _id: unknown;
  organisationId: unknown;
  role: string;
  name: string;
  email: string;
  language?: string | null;
}

/** Lists an account in its organisation's directory, once: listing it again changes nothing. */
export async function listInDirectory(account: Account): Promise<void> {
  const organisationId = String(account.organisationId);
  const person: ListedPerson = {
    userId: String(account._id),
    organisationId,
    role: account.role,
    name: account.name,
    email: account.email,
    language: account.language ?? 'en',
  };
  await withDocumentLock('OrganisationPeople', organisationId, async () => {
    const listed = await Directory.findById(organisationId).lean<{ people: ListedPerson[] }>();
    if (listed?.people.some((p) => p.userId === person.userId)) return;
    if (listed) {
      await Directory.updateOne({ _id: organisationId }, { $set: { people: [...listed.people, person] } });
      return;
    }
    try {
      await Directory.create({ _id: organisationId, people: [person] });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  });
}

/** Copies an account's new contact details into its organisation's directory. */
export async function relistInDirectory(account: Account): Promise<void> {
  const organisationId = String(account.organisationId);
  await withDocumentLock('OrganisationPeople', organisationId, async () => {
    const listed = await Directory.findById(organisationId).lean<{ people: ListedPerson[] }>();
    if (!listed) return;
    const people = listed.people.map((p) =>
      p.userId === String(account._id)
        ? { ...p, name: account.name, email: account.email, language: account.language ?? 'en' }
        : p,
    );
    await Directory.updateOne({ _id: organisationId }, { $set: { people } });
  });
}

/**
 * The people listed for these organisations, each directory read by `_id`; undefined when one of
 * them has no directory (its accounts were made before the directory was), so that the caller
 * reads the accounts themselves.
 */
export async function listedPeople(organisationIds: string[]): Promise<ListedPerson[] | undefined> {
  const lists = await Promise.all(
    organisationIds.map((id) => Directory.findById(id).lean<{ people: ListedPerson[] }>()),
  );
  if (lists.some((l) => !l)) return undefined;
  return lists.flatMap((l) => l?.people ?? []);
}
