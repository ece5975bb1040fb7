import { randomUUID } from 'node:crypto';
import type { FromSchema } from 'json-schema-to-ts';
import { Types } from 'mongoose';
import type { createTenderBody } from '../../schemas/tenders.js';
import type { Actor } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { assignEvaluator, type CommitteeProcedure, declareConflict } from '../committee/committee-actions.js';
import { hasPassedResolution } from '../consortia/resolutions.service.js';
import { context } from '../context.js';
import { isDuplicateKey } from '../db.js';
import { dataDigest } from '../digest.js';
import { badRequest, conflict } from '../errors.js';
import { domainEvent } from '../events.js';
import { Expression } from '../expressions/expression.model.js';
import { notices, withNotice } from '../publishing.js';
import { changeDocument } from '../revision.js';
import { makeOpeningKey } from './opening-committee.js';
import { publishDocuments } from './procurement-documents.js';
import { Tender, type TenderRecord } from './tender.model.js';
import { loadTender } from './tender-access.js';
import { tenderContent } from './tender-content.js';
import { contentErrors } from './tender-rules.js';
import { tenderView } from './tender-view.js';
import { periodErrors, scheduleOpening } from './time-limits.js';

const audit = (actor: Actor | null, action: string, id: string, detail?: Record<string, unknown>) =>
  recordAudit({ actor, action, object: { type: 'tender', id }, detail });

/** An officer drafts a tender for a selected expression of interest. */
export async function createTender(actor: Actor, input: FromSchema<typeof createTenderBody>) {
  const expression = await Expression.findById(input.expressionId).lean();
  if (!expression)
    throw badRequest('Unknown expression of interest.', [
      { path: '/expressionId', message: 'names no expression of interest' },
    ]);
  if (expression.status !== 'selected')
    throw conflict(
      'expression-not-selected',
      'A tender is launched only for a selected expression of interest.',
    );
  const errors = [...(await contentErrors(input)), ...periodErrors(input, new Date())];
  if (errors.length) throw badRequest('The tender is invalid.', errors);
  try {
    const t = await Tender.create({
      ...input,
      procedureId: randomUUID(),
      expressionId: expression._id,
      consortiumId: expression.consortiumId,
      questionsDeadline: new Date(input.questionsDeadline),
      submissionDeadline: new Date(input.submissionDeadline),
      openingAt: new Date(input.openingAt ?? input.submissionDeadline),
      standstillPeriod: input.standstillPeriod ?? context().config.minStandstillPeriod,
      createdBy: new Types.ObjectId(actor.id),
    });
    await audit(actor, 'tender.created', String(t._id));
    return tenderView(t.toObject() as unknown as TenderRecord, actor);
  } catch (err) {
    if (isDuplicateKey(err))
      throw conflict('reference-taken', 'A tender with this reference exists.', [
        { path: '/reference', message: 'is already taken' },
      ]);
    throw err;
  }
}

/** Publishing needs the consortium's passed resolution approving the tender, and the legal minimum period. */
export async function publishTender(actor: Actor, id: string) {
  const t0 = await loadTender(actor, id);
  const approved = await hasPassedResolution(String(t0.consortiumId), {
    tenderId: id,
    content: tenderContent(t0),
  });
  if (!approved) {
    throw conflict(
      'not-approved',
      'The consortium has not passed a resolution approving this tender as it stands now.',
    );
  }
  const approvedSha256 = dataDigest(tenderContent(t0));
  const publishable = (tender: TenderRecord) => {
    if (tender.status !== 'draft') throw conflict('not-draft', 'Only a draft tender can be published.');
    if (dataDigest(tenderContent(tender)) !== approvedSha256)
      throw conflict('not-approved', 'The tender changed after its approval; it needs a new resolution.');
    const errors = periodErrors(
      {
        questionsDeadline: tender.questionsDeadline.toISOString(),
        submissionDeadline: tender.submissionDeadline.toISOString(),
      },
      new Date(),
    );
    if (errors.length)
      throw conflict('period-too-short', 'The time limits no longer hold; change them first.', errors);
  };
  publishable(t0);
  // Its contract notice (eForms 16) is valid first, or nothing is published.
  const procedureId = t0.procedureId ?? randomUUID();
  const notice = await notices().tenderNotice(t0, procedureId);
  const t = await withNotice(notice, (released) =>
    changeDocument<TenderRecord>(Tender, id, 'The tender', async (tender) => {
      publishable(tender);
      return {
        set: {
          status: 'published',
          publishedAt: new Date(),
          procedureId,
          openingKey: await makeOpeningKey(tender),
          documents: publishDocuments(tender.documents, new Date()),
        },
        effects: [domainEvent('tender.published'), ...released],
      };
    }),
  );
  await audit(actor, 'tender.published', id);
  await scheduleOpening(t);
  return tenderView(t, actor);
}

/** Only officers set or change the opening time, before opening and never before the deadline. */
export async function setOpeningTime(actor: Actor, id: string, openingAt: string) {
  await loadTender(actor, id);
  const at = new Date(openingAt);
  if (Number.isNaN(at.getTime()))
    throw badRequest('The opening time is not a real instant.', [
      { path: '/openingAt', message: 'must be a date-time with a time zone' },
    ]);
  const t = await changeDocument<TenderRecord>(Tender, id, 'The tender', (tender) => {
    if (tender.opening) throw conflict('already-opened', 'The bids are already opened.');
    if (tender.status === 'cancelled') throw conflict('cancelled', 'The tender is cancelled.');
    if (at < tender.submissionDeadline) {
      throw badRequest('The opening cannot come before the submission deadline.', [
        { path: '/openingAt', message: 'must not be before submissionDeadline' },
      ]);
    }
    return { set: { openingAt: at } };
  });
  await audit(actor, 'tender.opening-time-set', id, { openingAt: at.toISOString() });
  if (t.status === 'published') await scheduleOpening(t);
  return tenderView(t, actor);
}

/** An officer cancels a tender with a reason; everyone who bid is told. */
export async function cancelTender(actor: Actor, id: string, reason: string) {
  const cancellable = (tender: TenderRecord) => {
    if (tender.status === 'cancelled') throw conflict('cancelled', 'The tender is already cancelled.');
    if (tender.contracts?.length) throw conflict('contracted', 'A contract has been signed.');
  };
  const t0 = await loadTender(actor, id);
  cancellable(t0);
  // Before the deadline a change notice cancels the contract notice; after it, the award notice
  // says that no lot was awarded (below, once the cancellation is stored).
  const beforeDeadline = new Date() < new Date(t0.submissionDeadline);
  const notice =
    t0.status === 'published' && beforeDeadline
      ? await notices().changeNotice(t0, {
          reason: 'cancel',
          description: reason,
          lots: t0.lots.map((l) => l.number),
        })
      : undefined;
  const t = await withNotice(notice, (released) =>
    changeDocument<TenderRecord>(Tender, id, 'The tender', (tender) => {
      cancellable(tender);
      return {
        set: { status: 'cancelled', cancelledAt: new Date(), cancelReason: reason },
        effects: [domainEvent('tender.cancelled'), ...released],
      };
    }),
  );
  await audit(actor, 'tender.cancelled', id, { reason });
  if (t0.status === 'published' && !beforeDeadline) await notices().tenderDecided(id);
  return tenderView(t, actor);
}

/** The tender's evaluation committee, as the shared committee actions see it. */
const tenderCommittee: CommitteeProcedure<TenderRecord> = {
  kind: 'tender',
  model: Tender,
  what: 'The tender',
  fixed: (tender) =>
    tender.evaluation
      ? conflict('evaluated', 'The evaluation is computed; the committee is fixed.')
      : undefined,
};

/** An officer assigns an evaluator to the tender's committee. */
export async function assignTenderEvaluator(actor: Actor, id: string, userId: string) {
  await loadTender(actor, id);
  return assignEvaluator(actor, tenderCommittee, id, userId);
}

/** An assigned evaluator declares, once, whether they have a conflict of interest. */
export async function declareTenderConflict(actor: Actor, id: string, hasConflict: boolean, note?: string) {
  await loadTender(actor, id);
  return declareConflict(actor, tenderCommittee, id, hasConflict, note);
}
