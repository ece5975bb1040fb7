import { randomUUID } from 'node:crypto';
import { Types, trusted } from 'mongoose';
import { contractingAuthority } from '../accounts/accounts.service.js';
import { Organisation, type OrganisationDoc } from '../accounts/organisation.model.js';
import { Bid } from '../bids/bid.model.js';
import type { CallRecord } from '../calls/call.model.js';
import { Consortium, type ConsortiumRecord } from '../consortia/consortium.model.js';
import { memberStates } from '../consortia/member-states.js';
import { context } from '../context.js';
import { Contract, type ContractRecord } from '../contracts/contract.model.js';
import { conflict } from '../errors.js';
import { reviewRequestsPerLot } from '../review/review-statistics.js';
import { reviewBodyOf } from '../tenders/review-body.js';
import { isLotCancelled, lotCancellation, type TenderRecord } from '../tenders/tender.model.js';
import type { AwardNoticeFacts, SubmissionStatistics } from './award-notice.js';
import type { CeiFacts } from './cei-notice.js';
import type { ContractNoticeFacts, NoticeLot } from './contract-notice.js';
import { type NoticeHeader, type NoticeParty, orgKey } from './eforms-parts.js';

// What a notice says, read from the procedure's own records: the same identifiers (the tender's
// procedure id, its lot numbers) and values (estimates, weights, deadlines, awards) as the tender
// and its OCDS release. Nothing sealed: bidders appear only in an award notice, after the award.

/** The programme the EU contribution comes from (eu-programme codelist): Digital Europe. */
export const EU_PROGRAMME = 'DIGITALEU';
/** CPV of the tools a call's hosting consortia will buy: security software. */
const CALL_CPV = '48730000';
/** The EEA beyond the Union. */
const eea = new Set([...memberStates, 'IS', 'LI', 'NO']);

export const newHeader = (procedureId: string, issuedAt = new Date()): NoticeHeader => ({
  noticeId: randomUUID(),
  version: '01',
  procedureId,
  issuedAt,
});

const partyOf = (o: OrganisationDoc, key: string): NoticeParty => ({
  key,
  name: o.name,
  country: o.country,
  city: o.city,
  postalCode: o.postalCode,
  nuts: o.nuts,
  registrationNumber: o.registrationNumber,
  email: o.email,
  phone: o.phone,
  website: o.website,
  size: o.size,
});

async function centreParty(): Promise<NoticeParty> {
  const centre = await contractingAuthority();
  if (!centre) throw conflict('no-centre', 'The contracting authority is not registered.');
  return partyOf(centre as OrganisationDoc, orgKey(1));
}

/** BT-99: the review deadlines, as the review stage applies them (see server/review/complaint-windows.ts). */
const reviewText = (standstill: string) =>
  `Complaints are lodged with the review body on the procurement platform: against the conditions of the tender until ${context().config.complaintConditionsLead} (ISO 8601) before the submission deadline; against an exclusion or an award decision from the decision until the standstill period (${standstill}) ends; against a cancellation within ${standstill} of it. While a complaint against an award or an exclusion is undecided, no contract is concluded for that lot; a complaint against the conditions accepted before the deadline suspends the opening of the tenders.`;

/** Every buyer (the Centre first, then the consortium's members) and the review body. */
async function partiesOf(t: TenderRecord) {
  const consortium = await Consortium.findById(t.consortiumId).lean<ConsortiumRecord>();
  const memberIds = (consortium?.members ?? [])
    .filter((m) => m.status === 'member')
    .map((m) => m.organisationId);
  const members = await Organisation.find({ _id: trusted({ $in: memberIds }) }).lean<OrganisationDoc[]>();
  const ordered = memberIds
    .map((id) => members.find((m) => String(m._id) === String(id)))
    .filter((m): m is OrganisationDoc => Boolean(m));
  const buyers = [await centreParty(), ...ordered.map((m, i) => partyOf(m, orgKey(i + 2)))];
  const review = await reviewBodyOf(t);
  return { buyers, reviewBody: review ? partyOf(review, orgKey(buyers.length + 1)) : null };
}

/** What every notice of a tender says of its procedure. */
const procedureOf = (t: TenderRecord) => ({
  reference: t.reference,
  title: t.title,
  description: t.description,
  cpvCodes: t.cpvCodes,
  procedureType: t.procedureType ?? 'open',
});

const noticeLot = (t: TenderRecord, l: TenderRecord['lots'][number]): NoticeLot => ({
  number: l.number,
  title: l.title,
  description: l.description || l.title,
  cpvCodes: l.cpvCodes?.length ? l.cpvCodes : t.cpvCodes,
  estimatedValueCents: l.estimatedValueCents,
  award: t.award,
});

/** The contract notice of a tender, as it stands (or as it will be once published). */
export async function contractNoticeFacts(
  t: TenderRecord,
  header: NoticeHeader,
): Promise<ContractNoticeFacts> {
  const { publicUrl } = context().config;
  return {
    ...header,
    ...procedureOf(t),
    contractDuration: t.contractDuration ?? null,
    placeOfPerformance: t.placeOfPerformance ?? null,
    lots: t.lots.map((l) => noticeLot(t, l)),
    selectionCriteria: t.selectionCriteria,
    questionsDeadline: new Date(t.questionsDeadline),
    submissionDeadline: new Date(t.submissionDeadline),
    openingAt: new Date(t.openingAt),
    tenderUrl: `${publicUrl}/tenders/${t._id}`,
    documentsUrl: `${publicUrl}/tenders/${t._id}`,
    ...(await partiesOf(t)),
    reviewDeadlines: reviewText(t.standstillPeriod),
    euProgramme: EU_PROGRAMME,
  };
}

/** The call for expressions of interest of a call. */
export async function ceiFacts(c: CallRecord, header: NoticeHeader): Promise<CeiFacts> {
  const review = await reviewBodyOf();
  return {
    ...header,
    reference: c.reference,
    title: c.title,
    description: c.description,
    closesAt: new Date(c.closesAt),
    criteria: c.criteria,
    callUrl: `${context().config.publicUrl}/calls/${c._id}`,
    centre: await centreParty(),
    reviewBody: review ? partyOf(review, orgKey(2)) : null,
    reviewDeadlines:
      'A review of a decision on an expression of interest may be requested from the review body within two months of its notification.',
    euProgramme: EU_PROGRAMME,
    cpvCode: CALL_CPV,
  };
}

/** Who tendered for each lot, counted as eForms asks (never who). */
function statisticsOf(vendors: OrganisationDoc[], buyerCountry: string): SubmissionStatistics {
  return {
    tenders: vendors.length,
    sme: vendors.filter((v) => v.size && v.size !== 'large').length,
    large: vendors.filter((v) => v.size === 'large').length,
    nonEea: vendors.filter((v) => !eea.has(v.country)).length,
    otherEea: vendors.filter((v) => eea.has(v.country) && v.country !== buyerCountry).length,
  };
}

/**
 * The award notice of a tender whose every lot is decided: contracted, or closed without award
 * (no tenders, or the tender cancelled). Answers undefined while a lot is still open.
 */
export async function awardNoticeFacts(
  t: TenderRecord,
  header: NoticeHeader,
): Promise<AwardNoticeFacts | undefined> {
  // Before the deadline nothing is decided: a lot without tenders may still receive some.
  if (t.status !== 'cancelled' && new Date() < new Date(t.submissionDeadline)) return undefined;
  const contracts = await Contract.find({ tenderId: t._id }).lean<ContractRecord[]>();
  const bids = await Bid.find({ tenderId: t._id, status: 'submitted' }, { lot: 1, vendorId: 1 }).lean();
  const vendorIds = [...new Set(bids.map((b) => String(b.vendorId)))];
  const vendors = await Organisation.find({
    _id: trusted({ $in: vendorIds.map((v) => new Types.ObjectId(v)) }),
  }).lean<OrganisationDoc[]>();
  const { buyers, reviewBody } = await partiesOf(t);
  const buyerCountry = buyers[0]?.country ?? '';
  let nextKey = buyers.length + (reviewBody ? 2 : 1);
  const winnerKeys = new Map<string, string>();
  const lots: AwardNoticeFacts['lots'] = [];
  for (const l of t.lots) {
    const lotVendors = bids
      .filter((b) => b.lot === l.number)
      .map((b) => vendors.find((v) => String(v._id) === String(b.vendorId)))
      .filter((v): v is OrganisationDoc => Boolean(v));
    const base = { ...noticeLot(t, l), lot: l.number, statistics: statisticsOf(lotVendors, buyerCountry) };
    const contract = contracts.find((c) => c.lot === l.number);
    const award = t.awards.find((a) => a.lot === l.number);
    const winner = contract && vendors.find((v) => String(v._id) === String(contract.vendorId));
    if (contract && award && winner) {
      const key = winnerKeys.get(String(winner._id)) ?? orgKey(nextKey++);
      winnerKeys.set(String(winner._id), key);
      lots.push({
        ...base,
        outcome: 'awarded',
        winner: partyOf(winner, key),
        tenderValueCents: contract.valueCents,
        decidedAt: new Date(award.decidedAt),
        contractId: String(contract._id),
        contractedAt: new Date(contract.createdAt),
      });
    } else if (isLotCancelled(t, l.number) || lotVendors.length === 0) {
      // The officer's reason for a lot cancelled on its own; a whole tender cancelled with bids is a change of needs.
      const given = lotCancellation(t, l.number)?.reason.code;
      lots.push({
        ...base,
        outcome: 'not-awarded',
        reason: given ?? (lotVendors.length ? 'chan-need' : 'no-rece'),
      });
    } else return undefined;
  }
  return {
    ...header,
    ...procedureOf(t),
    buyers,
    reviewBody,
    reviewDeadlines: reviewText(t.standstillPeriod),
    euProgramme: EU_PROGRAMME,
    placeOfPerformance: t.placeOfPerformance ?? null,
    lots,
    reviewRequests: await reviewRequestsPerLot(
      String(t._id),
      t.lots.map((l) => l.number),
    ),
  };
}
