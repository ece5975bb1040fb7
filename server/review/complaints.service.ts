import type { FromSchema } from 'json-schema-to-ts';
import { Types, trusted } from 'mongoose';
import type { complaintBody, complaintsQuery } from '../../schemas/review.js';
import { type Actor, isOfficer } from '../accounts/access.js';
import { Organisation } from '../accounts/organisation.model.js';
import { recordAudit } from '../audit/audit.service.js';
import { scheduleEffects } from '../effects/effects.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import type { TenderRecord } from '../tenders/tender.model.js';
import { loadTender } from '../tenders/tender-access.js';
import {
  authorSealed,
  Complaint,
  type ComplaintDocument,
  type ComplaintRecord,
  isUndecided,
} from './complaint.model.js';
import { complaintWindow, openWindows } from './complaint-windows.js';
import { isReviewerOf, reviewBodyOf } from './review-body.js';

export type ComplaintInput = FromSchema<typeof complaintBody>;

/**
 * The parties to a complaint: its author, its review body and the contracting authority's officers
 * — who, while the complaint would tell them who bid (`authorSealed`), are not told who lodged it.
 */
export const isPartyTo = (actor: Actor, c: ComplaintRecord, t: TenderRecord) =>
  isReviewerOf(actor, c) ||
  (actor.role === 'vendor' && actor.organisationId === String(c.authorId)) ||
  (isOfficer(actor) && !authorSealed(c, t));

/** What an undecided complaint holds now: a lot's contract, or the tender's opening. */
function suspends(c: ComplaintRecord, t: TenderRecord): 'contract' | 'opening' | null {
  if (isUndecided(c) && (c.against === 'award' || c.against === 'exclusion')) return 'contract';
  if (t.openingSuspension?.complaintId === String(c._id)) return 'opening';
  return null;
}

/**
 * A complaint as published: its texts, status and decision to anyone; its author named once the
 * review body has accepted it (to the parties always), unless its name would tell who bid on a
 * sealed lot; its documents listed to the parties only.
 */
export function complaintView(c: ComplaintRecord, t: TenderRecord, actor: Actor, names: Map<string, string>) {
  const party = isPartyTo(actor, c, t);
  const id = String(c._id);
  return {
    id,
    tenderId: String(c.tenderId),
    tenderReference: t.reference,
    lot: c.lot,
    against: c.against,
    grounds: c.grounds,
    text: c.text,
    status: c.status,
    submittedAt: c.createdAt,
    window: c.window,
    reviewBody: { id: String(c.reviewBodyId), name: names.get(String(c.reviewBodyId)) ?? null },
    author:
      party || (c.acceptedAt && !authorSealed(c, t))
        ? { id: String(c.authorId), name: names.get(String(c.authorId)) ?? null }
        : null,
    own: actor.role === 'vendor' && actor.organisationId === String(c.authorId),
    acceptedAt: c.acceptedAt,
    refusal: c.refusal ? { text: c.refusal.text, at: c.refusal.at } : null,
    decision: c.decision
      ? {
          outcome: c.decision.outcome,
          text: c.decision.text,
          at: c.decision.at,
          letter: `/complaints/${id}/decision.pdf`,
        }
      : null,
    withdrawnAt: c.withdrawnAt,
    suspends: suspends(c, t),
    documents: party
      ? c.documents.map((d) => ({
          id: d.id,
          filename: d.filename,
          contentType: d.contentType,
          size: d.size,
          sha256: d.sha256,
          url: `/complaints/${id}/documents/${d.id}`,
        }))
      : null,
    documentCount: c.documents.length,
  };
}

/** The names of the organisations the complaints name, in one read. */
export async function namesOf(complaints: ComplaintRecord[]): Promise<Map<string, string>> {
  const ids = [...new Set(complaints.flatMap((c) => [String(c.authorId), String(c.reviewBodyId)]))];
  if (!ids.length) return new Map();
  const orgs = await Organisation.find(
    { _id: trusted({ $in: ids.map((i) => new Types.ObjectId(i)) }) },
    { name: 1 },
  ).lean();
  return new Map(orgs.map((o) => [String(o._id), o.name]));
}

/**
 * Whether a vendor may lodge this complaint now, checked before any of its files is stored: the
 * tender's review body, and the window of its kind (400, 403 or 409 naming it).
 */
export async function admitComplaint(actor: Actor, tenderId: string, input: ComplaintInput) {
  if (actor.role !== 'vendor') throw forbidden('Only a vendor lodges a complaint.');
  const t = await loadTender(actor, tenderId);
  if (t.status === 'draft') throw notFound('The tender');
  const window = await complaintWindow(t, input, actor.organisationId);
  const reviewBody = await reviewBodyOf(t);
  if (!reviewBody)
    throw conflict(
      'no-review-body',
      'No review body hears complaints about this tender: ask the contracting authority.',
    );
  return { t, window, reviewBodyId: reviewBody._id };
}

/** A vendor lodges a complaint (with its documents, already stored): `submitted`, audited and notified. */
export async function lodgeComplaint(
  actor: Actor,
  tenderId: string,
  input: ComplaintInput,
  documents: ComplaintDocument[] = [],
) {
  // Checked again when the files are in: a window may have closed while they streamed.
  const { t, window, reviewBodyId } = await admitComplaint(actor, tenderId, input);
  const submitted = domainEvent('complaint.changed', { step: 'submitted' });
  const created = await Complaint.create({
    tenderId: t._id,
    reviewBodyId,
    lot: input.lot ?? null,
    against: input.against,
    grounds: input.grounds,
    text: input.text,
    authorId: new Types.ObjectId(actor.organisationId),
    lodgedBy: new Types.ObjectId(actor.id),
    documents,
    status: 'submitted',
    window,
    pendingEffects: [submitted],
  });
  const c = created.toObject() as unknown as ComplaintRecord;
  await recordAudit({
    actor,
    action: 'complaint.submitted',
    object: { type: 'complaint', id: String(c._id) },
    detail: { tenderId, lot: c.lot, against: c.against, documents: documents.map((d) => d.sha256) },
  });
  await scheduleEffects('Complaint', String(c._id), [submitted]);
  return complaintView(c, t, actor, await namesOf([c]));
}

/**
 * The tender's complaints, oldest first: public. A vendor also reads what it may complain of now,
 * each with the end of its window.
 */
export async function listTenderComplaints(actor: Actor, tenderId: string) {
  const t = await loadTender(actor, tenderId);
  const all = await Complaint.find({ tenderId: t._id }).sort({ createdAt: 1 }).lean<ComplaintRecord[]>();
  const names = await namesOf(all);
  const items = all.map((c) => complaintView(c, t, actor, names));
  const windows =
    actor.role === 'vendor' && t.status !== 'draft' ? await openWindows(t, actor.organisationId) : [];
  const body = await reviewBodyOf(t);
  return {
    items,
    total: items.length,
    windows,
    reviewBody: body ? { id: String(body._id), name: body.name, email: body.email } : null,
  };
}

/** One complaint, with its tender: public (as its tender is). */
export async function loadComplaint(actor: Actor, id: string) {
  if (!Types.ObjectId.isValid(id)) throw notFound('The complaint');
  const c = await Complaint.findById(id).lean<ComplaintRecord>();
  if (!c) throw notFound('The complaint');
  const t = await loadTender(actor, String(c.tenderId));
  return { c, t };
}

export async function getComplaint(actor: Actor, id: string) {
  const { c, t } = await loadComplaint(actor, id);
  return complaintView(c, t, actor, await namesOf([c]));
}

/**
 * A review body's queue (its complaints, newest first), a vendor's own complaints, or every
 * complaint for officers; `status=open` is those not yet decided.
 */
export async function listComplaints(
  actor: Actor,
  query: FromSchema<typeof complaintsQuery>,
  page: { limit: number; offset: number },
) {
  const org = new Types.ObjectId(actor.organisationId || undefined);
  const scope =
    actor.role === 'review-body'
      ? { reviewBodyId: org }
      : actor.role === 'vendor'
        ? { authorId: org }
        : isOfficer(actor)
          ? {}
          : null;
  if (!scope) throw forbidden('Only review bodies, officers and vendors list complaints.');
  const status =
    query.status === 'open'
      ? { status: trusted({ $in: ['submitted', 'accepted'] }) }
      : query.status
        ? { status: query.status }
        : {};
  const filter = { ...scope, ...status };
  const [rows, total] = await Promise.all([
    Complaint.find(filter)
      .sort({ createdAt: -1 })
      .skip(page.offset)
      .limit(page.limit)
      .lean<ComplaintRecord[]>(),
    Complaint.countDocuments(filter),
  ]);
  const names = await namesOf(rows);
  const items = [];
  for (const c of rows) {
    const t = await loadTender(actor, String(c.tenderId));
    items.push(complaintView(c, t, actor, names));
  }
  return { items, total, limit: page.limit, offset: page.offset };
}
