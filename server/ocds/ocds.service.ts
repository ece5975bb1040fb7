import { trusted } from 'mongoose';
import type { Actor } from '../accounts/access.js';
import { contractingAuthority } from '../accounts/accounts.service.js';
import { Organisation } from '../accounts/organisation.model.js';
import { Bid } from '../bids/bid.model.js';
import { Consortium, type ConsortiumRecord } from '../consortia/consortium.model.js';
import { context } from '../context.js';
import { Contract, type ContractRecord } from '../contracts/contract.model.js';
import { conflict } from '../errors.js';
import { reviewBodyOf } from '../tenders/review-body.js';
import { isLotCancelled, liveLots, lotCancellation, type TenderRecord } from '../tenders/tender.model.js';
import { loadTender } from '../tenders/tender-access.js';
import { tenderStatus } from '../tenders/tender-view.js';
import { amendmentReleases, ocdsAmendments, ocdsDocuments } from './ocds-changes.js';
import { complaintsExtensionUrl, ocdsComplaints } from './ocds-complaints.js';

const OCID_PREFIX = 'ocds-socjp';
const euros = (cents: number) => ({ amount: cents / 100, currency: 'EUR' });
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : undefined);

/** The OCDS tender status of the procedure (closed codelist tenderStatus). */
function ocdsTenderStatus(t: TenderRecord): string {
  const status = tenderStatus(t);
  if (status === 'cancelled') return 'cancelled';
  if (status === 'published' || status === 'closed' || status === 'opened' || status === 'evaluated')
    return 'active';
  return liveLots(t).every((l) => t.awards.some((a) => a.lot === l.number)) ? 'complete' : 'active';
}

/**
 * The tender as an Open Contracting Data Standard 1.1.5 release package. Before opening only the
 * tender section is published: no tenderer, no price and no award can leak from sealed bids.
 */
export async function ocdsReleasePackage(actor: Actor, tenderId: string) {
  const t = await loadTender(actor, tenderId);
  if (t.status === 'draft') throw conflict('not-published', 'A draft tender has no public record.');
  const { publicUrl } = context().config;
  const opened = Boolean(t.opening);
  const [authority, consortium, bids, contracts] = await Promise.all([
    contractingAuthority(),
    Consortium.findById(t.consortiumId).lean<ConsortiumRecord>(),
    opened
      ? Bid.find({ tenderId: t._id, status: 'submitted' }, { vendorId: 1, lot: 1 }).lean()
      : Promise.resolve([]),
    Contract.find({ tenderId: t._id }).lean<ContractRecord[]>(),
  ]);
  const memberIds = (consortium?.members ?? [])
    .filter((m) => m.status === 'member')
    .map((m) => m.organisationId);
  // Who bid on a lot cancelled before the opening stays sealed: its bids are never opened.
  const vendorIds = [
    ...new Set(bids.filter((b) => !lotCancellation(t, b.lot)?.beforeOpening).map((b) => String(b.vendorId))),
  ];
  const [review, reviewBody] = await Promise.all([ocdsComplaints(t, publicUrl), reviewBodyOf(t)]);
  const orgs = await Organisation.find({
    _id: trusted({ $in: [...memberIds, ...vendorIds, ...review.named] }),
  }).lean();
  const supplierIds = new Set(t.awards.map((a) => a.vendorId));
  const party = (o: { _id: unknown; name: string; country: string }, roles: string[]) => ({
    id: String(o._id),
    name: o.name,
    address: { countryName: o.country },
    roles,
  });
  const parties = [
    ...(authority ? [party(authority, ['buyer', 'procuringEntity', 'payer'])] : []),
    ...orgs
      .filter((o) => memberIds.some((m) => String(m) === String(o._id)))
      .map((o) => party(o, ['buyer', 'payer'])),
    ...orgs
      .filter((o) => vendorIds.includes(String(o._id)))
      .map((o) => party(o, supplierIds.has(String(o._id)) ? ['tenderer', 'supplier'] : ['tenderer'])),
    // A complainant the review body accepted, who is not named as a tenderer: an interested party.
    ...orgs
      .filter((o) => review.named.includes(String(o._id)) && !vendorIds.includes(String(o._id)))
      .map((o) => party(o, ['interestedParty'])),
    ...(reviewBody ? [party(reviewBody, ['reviewBody'])] : []),
  ];
  const ref = (id: string) => ({ id, name: parties.find((p) => p.id === id)?.name ?? '' });
  const amendments = await ocdsAmendments(t);
  const tags = [
    'tender',
    ...(amendments.length ? ['tenderAmendment'] : []),
    ...(t.status === 'cancelled' || t.lotCancellations?.length ? ['tenderCancellation'] : []),
    ...(t.awards.length ? ['award'] : []),
    ...(contracts.length ? ['contract'] : []),
  ];
  const release = {
    ocid: `${OCID_PREFIX}-${t._id}`,
    id: `${t._id}-${t.rev}`,
    date: new Date().toISOString(),
    tag: tags,
    initiationType: 'tender',
    language: 'en',
    parties,
    buyer: authority ? ref(String(authority._id)) : undefined,
    tender: {
      // The procedure's identifier, the same as its eForms notices' (BT-04).
      id: t.procedureId ?? String(t._id),
      title: `${t.reference} ${t.title}`,
      description: t.description,
      status: ocdsTenderStatus(t),
      procuringEntity: authority ? ref(String(authority._id)) : undefined,
      items: t.lots.flatMap((lot) =>
        t.cpvCodes.map((code) => ({
          id: `${lot.number}-${code}`,
          description: lot.title,
          classification: { scheme: 'CPV', id: code.slice(0, 8) },
          relatedLot: String(lot.number),
        })),
      ),
      lots: t.lots.map((lot) => {
        const cancelled = lotCancellation(t, lot.number);
        return {
          id: String(lot.number),
          title: lot.title,
          value: euros(lot.estimatedValueCents),
          status: isLotCancelled(t, lot.number)
            ? 'cancelled'
            : t.awards.some((a) => a.lot === lot.number)
              ? 'complete'
              : 'active',
          ...(cancelled
            ? { description: `Cancelled (${cancelled.reason.code}): ${cancelled.reason.text}` }
            : {}),
        };
      }),
      value: euros(t.lots.reduce((s, l) => s + l.estimatedValueCents, 0)),
      procurementMethod: 'open',
      procurementMethodDetails: 'Open procedure (Directive 2014/24/EU art. 27), joint procurement',
      mainProcurementCategory: 'goods',
      awardCriteria: 'ratedCriteria',
      awardCriteriaDetails: `Total = ${t.award.qualityWeight} × quality + ${t.award.priceWeight} × price`,
      submissionMethod: ['electronicSubmission'],
      tenderPeriod: { startDate: iso(t.publishedAt), endDate: iso(t.submissionDeadline) },
      enquiryPeriod: { startDate: iso(t.publishedAt), endDate: iso(t.questionsDeadline) },
      ...(t.documents?.length ? { documents: ocdsDocuments(t, publicUrl) } : {}),
      ...(amendments.length ? { amendments } : {}),
      ...(review.complaints.length
        ? {
            complaints: review.complaints.map((c) => ({
              ...c,
              reviewBody: ref(c.reviewBody.id),
              ...(c.author ? { author: ref(c.author.id) } : {}),
            })),
          }
        : {}),
      ...(opened ? { numberOfTenderers: vendorIds.length, tenderers: vendorIds.map(ref) } : {}),
    },
    ...(opened && t.awards.length
      ? {
          awards: t.awards.map((a) => ({
            id: `${t._id}-award-${a.lot}`,
            title: `Lot ${a.lot}`,
            status: 'active',
            date: iso(a.decidedAt),
            suppliers: [ref(a.vendorId)],
            relatedLots: [String(a.lot)],
            ...(contracts.find((c) => c.lot === a.lot)
              ? { value: euros((contracts.find((c) => c.lot === a.lot) as ContractRecord).valueCents) }
              : {}),
          })),
        }
      : {}),
    ...(contracts.length
      ? {
          contracts: contracts.map((c) => ({
            id: String(c._id),
            awardID: `${t._id}-award-${c.lot}`,
            title: c.number,
            status: 'pending',
            value: euros(c.valueCents),
            dateSigned: undefined,
          })),
        }
      : {}),
  };
  return JSON.parse(
    JSON.stringify({
      uri: `${publicUrl}/api/v1/tenders/${tenderId}/ocds`,
      version: '1.1',
      publishedDate: new Date().toISOString(),
      publisher: { name: authority?.name ?? 'Contracting authority' },
      extensions: [complaintsExtensionUrl(publicUrl)],
      releases: [
        ...amendmentReleases(
          { ocid: release.ocid, initiationType: 'tender', language: 'en' },
          release.tender.id,
          amendments,
        ),
        release,
      ],
    }),
  );
}
