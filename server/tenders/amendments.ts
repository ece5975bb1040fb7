import { Types } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { hasPassedResolution } from '../consortia/resolutions.service.js';
import { context } from '../context.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { addDuration } from '../periods.js';
import { notices, withNotice } from '../publishing.js';
import { changeDocument } from '../revision.js';
import { Amendment, type AmendmentRecord, amendmentContent } from './amendment.model.js';
import { applyChanges, checkChange } from './amendment-rules.js';
import { publishDocuments } from './procurement-documents.js';
import { Tender, type TenderRecord } from './tender.model.js';
import { loadTender, readsDraft } from './tender-access.js';
import { scheduleOpening } from './time-limits.js';

// A published tender changes only by an amendment: an officer proposes it, the consortium's
// resolution approves it when it changes content, and publishing it makes the tender's next version
// (with its change notice, and the documents it names made public). Its history is public.

const audit = (actor: Actor, action: string, id: string, detail?: Record<string, unknown>) =>
  recordAudit({ actor, action, object: { type: 'tender', id }, detail });

/** An amendment as anyone reads it: each field before and after, the documents, the reason, when and by whom. */
export function amendmentView(a: AmendmentRecord, t: TenderRecord) {
  const published = t.amendments?.find((p) => p.id === String(a._id));
  return {
    id: String(a._id),
    tenderId: String(a.tenderId),
    status: published ? 'published' : 'proposed',
    version: published?.version ?? null,
    publishedAt: published?.publishedAt ?? null,
    proposedAt: a.createdAt,
    proposedBy: String(a.proposedBy),
    source: a.source,
    reason: a.reason,
    significant: a.significant,
    needsResolution: a.significant,
    lots: a.lots,
    changes: Object.keys(a.changes).map((field) => ({
      field,
      before: a.before[field] ?? null,
      after: a.changes[field],
    })),
    documents: a.documents,
  };
}

/**
 * Changes are proposed while the tender is published and its deadline ahead, or while a complaint
 * against its conditions holds the opening (the remedy may be new conditions and a later deadline).
 */
function requireOpen(t: TenderRecord): void {
  if (t.status !== 'published') throw conflict('tender-not-open', `The tender is ${t.status}.`);
  if (t.opening || (new Date() >= new Date(t.submissionDeadline) && !t.openingSuspension))
    throw conflict('deadline-passed', 'The submission deadline has passed: the tender no longer changes.');
}

/** The documents an amendment publishes: each with a version uploaded since publication. */
function stagedDocuments(t: TenderRecord, ids: string[]) {
  const errors: { path: string; message: string }[] = [];
  const staged = ids.flatMap((id, i) => {
    const last = t.documents?.find((d) => d.id === id)?.versions.at(-1);
    if (!last || last.publishedAt) {
      errors.push({ path: `/documents/${i}`, message: 'names no document with a new, unpublished version' });
      return [];
    }
    return [{ id, version: last.version, title: last.title, sha256: last.sha256 }];
  });
  if (errors.length) throw badRequest('The amendment names documents it cannot publish.', errors);
  return staged;
}

/** An officer proposes a change to a published tender, checked against the law's deadlines. */
export async function proposeAmendment(
  actor: Actor,
  tenderId: string,
  input: { changes: Record<string, unknown>; documents?: string[]; reason: { code: string; text: string } },
  source: 'officer' | 'answer' = 'officer',
) {
  if (!isOfficer(actor)) throw forbidden();
  const t = await loadTender(actor, tenderId);
  requireOpen(t);
  const documents = stagedDocuments(t, input.documents ?? []);
  const checked = await checkChange(
    t,
    input.changes,
    documents.map((d) => d.id),
    context().config.minPeriodAfterChange,
  );
  const a = await Amendment.create({
    tenderId: t._id,
    consortiumId: t.consortiumId,
    baseVersion: t.version ?? 1,
    ...checked,
    documents,
    reason: input.reason,
    source,
    proposedBy: new Types.ObjectId(actor.id),
  });
  await audit(actor, 'tender.amendment-proposed', tenderId, { amendmentId: String(a._id) });
  return amendmentView(a.toObject() as unknown as AmendmentRecord, t);
}

/**
 * Publishes an amendment as the tender's next version: with the consortium's resolution when it
 * changes content, on the tender it was proposed against, the deadline rules checked again now.
 */
export async function publishAmendment(actor: Actor, tenderId: string, amendmentId: string) {
  if (!isOfficer(actor)) throw forbidden();
  const t0 = await loadTender(actor, tenderId);
  const a = await Amendment.findById(amendmentId).lean<AmendmentRecord>();
  if (!a || String(a.tenderId) !== tenderId) throw notFound('The amendment');
  if (
    a.significant &&
    !(await hasPassedResolution(String(a.consortiumId), { amendmentId, content: amendmentContent(a) }))
  )
    throw conflict('not-approved', 'The consortium has not passed a resolution approving this amendment.');
  const publishable = (t: TenderRecord) => {
    if (t.amendments?.some((p) => p.id === amendmentId))
      throw conflict('already-published', 'The amendment is already published.');
    requireOpen(t);
    if ((t.version ?? 1) !== a.baseVersion)
      throw conflict(
        'tender-changed',
        'The tender changed since this amendment was proposed; propose it again.',
      );
  };
  publishable(t0);
  // The rules hold now, not only when it was proposed (the minimum period counts from publication).
  await checkChange(
    t0,
    a.changes,
    a.documents.map((d) => d.id),
    context().config.minPeriodAfterChange,
  );
  const at = new Date();
  const version = (t0.version ?? 1) + 1;
  const amended = applyChanges(t0, a.changes);
  const notice = await notices().changeNotice(amended, {
    reason: a.reason.code,
    description: a.reason.text,
    lots: a.lots,
    ...(a.documents.length ? { documentsChangedAt: at } : {}),
  });
  const t = await withNotice(notice, (released) =>
    changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
      publishable(tender);
      const set: Record<string, unknown> = {};
      for (const field of Object.keys(a.changes))
        set[field] = (amended as unknown as Record<string, unknown>)[field];
      return {
        set: {
          ...set,
          version,
          documents: publishDocuments(tender.documents, at, {
            ids: a.documents.map((d) => d.id),
            amendmentId,
          }),
          // The amendment the review body's decision called for: the opening is held no longer.
          ...(tender.openingSuspension?.until === 'amendment' ? { openingSuspension: null } : {}),
          amendments: [
            ...(tender.amendments ?? []),
            {
              id: amendmentId,
              version,
              publishedAt: at,
              reason: a.reason,
              significant: a.significant,
              lots: a.lots,
            },
          ],
        },
        effects: [domainEvent('tender.amended', { amendmentId }), ...released],
      };
    }),
  );
  await Amendment.updateOne(
    { _id: a._id },
    { $set: { status: 'published', publishedAt: at, publishedBy: new Types.ObjectId(actor.id), version } },
  );
  await audit(actor, 'tender.amended', tenderId, { amendmentId, version });
  if (a.changes.openingAt || t0.openingSuspension?.until === 'amendment') await scheduleOpening(t);
  return amendmentView(a, t);
}

/** A date-only amendment that moves the deadline (an answer given late), published at once. */
export async function extendDeadline(
  actor: Actor,
  tenderId: string,
  submissionDeadline: string,
  text: string,
) {
  const proposed = await proposeAmendment(
    actor,
    tenderId,
    { changes: { submissionDeadline }, reason: { code: 'update-add', text } },
    'answer',
  );
  return publishAmendment(actor, tenderId, proposed.id);
}

/** The tender's amendments, oldest first: anyone reads the published ones; officers and the consortium also the proposals. */
export async function listAmendments(actor: Actor, tenderId: string) {
  const t = await loadTender(actor, tenderId);
  // Proposals are the officers' and the consortium's, who approve them; the public reads what is published.
  const insider = await readsDraft(actor, t);
  const all = await Amendment.find({ tenderId: t._id }).sort({ createdAt: 1 }).lean<AmendmentRecord[]>();
  const items = all
    .map((a) => amendmentView(a, t))
    .filter((a) => a.status === 'published' || insider)
    .sort((x, y) => (x.version ?? Number.MAX_SAFE_INTEGER) - (y.version ?? Number.MAX_SAFE_INTEGER));
  const { minPeriodAfterChange } = context().config;
  // What a significant change proposed now must leave until the deadline.
  const earliestDeadline = addDuration(new Date(), minPeriodAfterChange);
  return { items, total: items.length, version: t.version ?? 1, minPeriodAfterChange, earliestDeadline };
}
