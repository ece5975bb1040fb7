import type { TenderRecord } from './tender.model.js';
import { currentVersion } from './tender-changes.js';

/** What a consortium's resolution approves of a tender (its specifications): any later change voids the approval. */
export const tenderContent = (t: TenderRecord) => ({
  expressionId: String(t.expressionId),
  reference: t.reference,
  title: t.title,
  description: t.description,
  cpvCodes: t.cpvCodes,
  lots: t.lots.map((l) => ({
    number: l.number,
    title: l.title,
    estimatedValueCents: l.estimatedValueCents,
    ...(l.description ? { description: l.description } : {}),
    ...(l.cpvCodes?.length ? { cpvCodes: l.cpvCodes } : {}),
  })),
  questionsDeadline: new Date(t.questionsDeadline),
  submissionDeadline: new Date(t.submissionDeadline),
  openingAt: new Date(t.openingAt),
  standstillPeriod: t.standstillPeriod,
  award: t.award,
  selectionCriteria: t.selectionCriteria,
  // What the notices say of it binds the approval too (absent on tenders from before them).
  ...(t.procedureType && t.procedureType !== 'open' ? { procedureType: t.procedureType } : {}),
  ...(t.contractDuration ? { contractDuration: t.contractDuration } : {}),
  ...(t.placeOfPerformance ? { placeOfPerformance: t.placeOfPerformance } : {}),
  ...(t.reviewBodyId ? { reviewBodyId: String(t.reviewBodyId) } : {}),
  ...(t.espd ? { espd: t.espd } : {}),
  // The documents as they stand (a draft's as uploaded), by their digests.
  ...(t.documents?.length
    ? {
        documents: t.documents.flatMap((d) => {
          const v = currentVersion(t, d);
          return v ? [{ id: d.id, version: v.version, title: v.title, sha256: v.sha256 }] : [];
        }),
      }
    : {}),
});
