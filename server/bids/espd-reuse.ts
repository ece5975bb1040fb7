import type { Actor } from '../accounts/access.js';
import { Organisation } from '../accounts/organisation.model.js';
import { notFound } from '../errors.js';
import type { BidRecord } from './bid.model.js';
import type { EspdInput } from './espd-response.js';

// A vendor's latest ESPD answers, kept on its organisation for reuse once a bid of its is open.

/**
 * Once a bid is open, its ESPD answers become its organisation's latest, for the vendor to reuse in
 * its next bid. Only then: before the opening the answers exist sealed, nowhere else.
 */
export async function keepLatestAnswers(b: Pick<BidRecord, '_id' | 'vendorId' | 'receivedAt' | 'opened'>) {
  const espd = (b.opened as { espd?: EspdInput } | null)?.espd;
  if (!espd) return;
  const org = await Organisation.findById(b.vendorId, { espdAnswers: 1 }).lean<{
    espdAnswers?: { receivedAt: Date } | null;
  }>();
  if (!org || (org.espdAnswers && new Date(org.espdAnswers.receivedAt) >= new Date(b.receivedAt))) return;
  await Organisation.updateOne(
    { _id: b.vendorId },
    { $set: { espdAnswers: { ...espd, bidId: String(b._id), receivedAt: new Date(b.receivedAt) } } },
  );
}

/** `GET /organisations/:organisationId/espd-answers`: a vendor's own latest answers (to anyone else the organisation has none). */
export async function latestAnswers(actor: Actor, organisationId: string) {
  if (actor.role !== 'vendor' || actor.organisationId !== organisationId) throw notFound('The ESPD answers');
  const org = await Organisation.findById(organisationId, { espdAnswers: 1 }).lean<{
    espdAnswers?: (EspdInput & { bidId: string; receivedAt: Date }) | null;
  }>();
  if (!org?.espdAnswers) throw notFound('The ESPD answers');
  return org.espdAnswers;
}
