import { Organisation, type OrganisationDoc } from '../accounts/organisation.model.js';
import type { TenderRecord } from './tender.model.js';

/**
 * The review body that hears complaints about a tender: the one its body names (approved with the
 * rest, and named in its notices), else the platform's first.
 */
export async function reviewBodyOf(t?: Pick<TenderRecord, 'reviewBodyId'>): Promise<OrganisationDoc | null> {
  return t?.reviewBodyId
    ? Organisation.findById(t.reviewBodyId).lean<OrganisationDoc>()
    : Organisation.findOne({ kind: 'review-body' }).sort({ createdAt: 1 }).lean<OrganisationDoc>();
}
