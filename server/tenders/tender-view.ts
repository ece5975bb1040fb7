import { type Actor, isOfficer } from '../accounts/access.js';
import { committeeView } from '../committee/committee.js';
import { openingCommitteeView } from './opening-committee.js';
import { lotCancellation, type TenderRecord } from './tender.model.js';

// Where a tender stands (per lot, from its record and the clock) and how users see it.

export const tenderStages = [
  'draft',
  'published',
  'closed',
  'opened',
  'evaluated',
  'standstill',
  'awarded',
  'contracted',
] as const;
export type TenderStage = (typeof tenderStages)[number] | 'cancelled';

/** The stage of one lot as of now, read from the tender and the clock. */
export function lotStatus(t: TenderRecord, lot: number, now = new Date()): TenderStage {
  if (t.status !== 'published') return t.status;
  if (lotCancellation(t, lot)) return 'cancelled';
  if (now < t.submissionDeadline) return 'published';
  if (!t.opening) return 'closed';
  if (t.contracts?.some((c) => c.lot === lot)) return 'contracted';
  const award = t.awards.find((a) => a.lot === lot);
  if (award) return now < new Date(award.standstillEndsAt) ? 'standstill' : 'awarded';
  return t.evaluation ? 'evaluated' : 'opened';
}

/** The tender's status: its lots' stage when they agree, otherwise the least advanced one still going on. */
export function tenderStatus(t: TenderRecord, now = new Date()): TenderStage {
  const stages = t.lots.map((l) => lotStatus(t, l.number, now)).filter((s) => s !== 'cancelled');
  if (!stages.length) return 'cancelled';
  return stages.reduce((least, s) =>
    tenderStages.indexOf(s as (typeof tenderStages)[number]) <
    tenderStages.indexOf(least as (typeof tenderStages)[number])
      ? s
      : least,
  );
}

/** The tender as users see it; officers also see the committee and the opening record. */
export function tenderView(t: TenderRecord, actor: Actor) {
  return {
    id: String(t._id),
    expressionId: String(t.expressionId),
    consortiumId: String(t.consortiumId),
    reference: t.reference,
    title: t.title,
    description: t.description,
    cpvCodes: t.cpvCodes,
    lots: t.lots.map((l) => {
      const cancelled = lotCancellation(t, l.number);
      return {
        ...l,
        status: lotStatus(t, l.number),
        cancellation: cancelled ? { at: cancelled.at, reason: cancelled.reason } : null,
      };
    }),
    questionsDeadline: t.questionsDeadline,
    submissionDeadline: t.submissionDeadline,
    openingAt: t.openingAt,
    standstillPeriod: t.standstillPeriod,
    award: t.award,
    selectionCriteria: t.selectionCriteria,
    procedureId: t.procedureId ?? null,
    procedureType: t.procedureType ?? 'open',
    contractDuration: t.contractDuration ?? null,
    placeOfPerformance: t.placeOfPerformance ?? null,
    reviewBodyId: t.reviewBodyId ? String(t.reviewBodyId) : null,
    espd: t.espd ?? null,
    status: tenderStatus(t),
    /** 1 as published; each published amendment makes the next. */
    version: t.version ?? 1,
    publishedAt: t.publishedAt,
    cancelledAt: t.cancelledAt,
    cancelReason: t.cancelReason,
    openedAt: t.opening?.at ?? null,
    awards: t.awards.map((a) => ({
      lot: a.lot,
      bidId: a.bidId,
      vendorId: a.vendorId,
      decidedAt: a.decidedAt,
      standstillEndsAt: a.standstillEndsAt,
    })),
    ...(isOfficer(actor)
      ? {
          evaluators: committeeView(t.evaluators, true),
          openingCommittee: openingCommitteeView(t.openingCommittee),
          opening: t.opening,
        }
      : {}),
  };
}
