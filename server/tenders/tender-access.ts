import { Types } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { cachedDocument } from '../cached-documents.js';
import { isMember } from '../consortia/consortia.service.js';
import { Consortium, type ConsortiumRecord } from '../consortia/consortium.model.js';
import { notFound } from '../errors.js';
import { Tender, type TenderRecord } from './tender.model.js';

/**
 * Loads a tender. A draft exists for officers and for the representatives of its consortium's
 * members, who approve its specifications before it is published; everyone else sees published
 * tenders only.
 */
export async function loadTender(actor: Actor, id: string): Promise<TenderRecord> {
  const t = await cachedTender(id);
  if (!t || (t.status === 'draft' && !(await readsDraft(actor, t)))) throw notFound('The tender');
  return t;
}

/**
 * The tender as it stands, from this process's copy while no one has changed it (see
 * `cached-documents.ts`): frozen, to be read only. A malformed id is no tender. A caller that has
 * just read the tender's version (`whenUnlocked`) passes it.
 */
export async function cachedTender(id: string, version?: string | null): Promise<TenderRecord | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  return cachedDocument('Tender', id, () => Tender.findById(id).lean<TenderRecord>(), version);
}

/** Officers read every draft (and proposed amendment); a representative those of its consortium. */
export async function readsDraft(actor: Actor, t: TenderRecord): Promise<boolean> {
  if (isOfficer(actor)) return true;
  if (actor.role !== 'entity-representative') return false;
  const consortium = await Consortium.findById(t.consortiumId).lean<ConsortiumRecord>();
  return Boolean(consortium && isMember(consortium, actor.organisationId));
}
