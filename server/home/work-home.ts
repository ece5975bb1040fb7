import { Types, trusted } from 'mongoose';
import type { Actor } from '../accounts/access.js';
import { Bid, type BidRecord } from '../bids/bid.model.js';
import { Call, type CallRecord } from '../calls/call.model.js';
import { scorable, scoresFinalAt } from '../committee/envelopes.js';
import { consortiaNaming, isMember } from '../consortia/consortia.service.js';
import { Resolution, type ResolutionRecord } from '../consortia/resolution.model.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { tenderStatus } from '../tenders/tender-view.js';

// The work that waits for the Centre's people and the consortia's representatives: declarations
// to make and bids to score, openings to prepare and attend, resolutions to vote on.

const DONE = ['awarded', 'standstill', 'contracted', 'cancelled'];

/** The evaluator's scoring of a tender: criteria × admissible bids, and how many of those they scored. */
async function scoringProgress(t: TenderRecord, userId: string) {
  const bids = await Bid.find(
    { tenderId: t._id },
    { status: 1, lot: 1, checks: 1, scores: 1, 'opened.openedAt': 1 },
  ).lean<BidRecord[]>();
  const criteria = new Set(t.award.criteria.map((c) => c.key));
  const admissible = bids.filter(scorable);
  const given = admissible
    .flatMap((b) => b.scores)
    .filter((s) => s.evaluatorId === userId && criteria.has(s.criterion)).length;
  return {
    bids: admissible.length,
    excluded: bids.filter((b) => b.status === 'submitted' && b.opened !== null && !scorable(b)).length,
    given,
    needed: admissible.length * criteria.size,
    final: Boolean(scoresFinalAt(t, userId)),
  };
}

/** The calls and tenders a person evaluates: their declaration, and for an opened tender their scoring. */
export async function evaluationTasks(actor: Actor, now: Date) {
  const userId = new Types.ObjectId(actor.id);
  const [calls, tenders] = await Promise.all([
    Call.find({ 'evaluators.userId': userId }).sort({ closesAt: -1 }).lean<CallRecord[]>(),
    Tender.find({ 'evaluators.userId': userId }).sort({ submissionDeadline: -1 }).lean<TenderRecord[]>(),
  ]);
  const declaration = (
    e: { userId: Types.ObjectId; declaredAt: Date | null; conflict: boolean | null }[],
  ) => {
    const own = e.find((x) => String(x.userId) === actor.id);
    return { declared: Boolean(own?.declaredAt), conflict: own?.conflict ?? null };
  };
  return {
    calls: calls.map((c) => ({
      callId: String(c._id),
      reference: c.reference,
      title: c.title,
      status: c.status,
      closesAt: c.closesAt,
      selectionDone: c.selection.status === 'done',
      ...declaration(c.evaluators),
    })),
    tenders: await Promise.all(
      tenders.map(async (t) => {
        const stage = tenderStatus(t, now);
        const own = declaration(t.evaluators);
        const scoring =
          t.opening && own.declared && own.conflict === false && !DONE.includes(stage)
            ? await scoringProgress(t, actor.id)
            : null;
        return {
          tenderId: String(t._id),
          reference: t.reference,
          title: t.title,
          stage,
          openingAt: t.openingAt,
          ...own,
          scoring,
        };
      }),
    ),
  };
}

/** The openings a member of a committee prepares (a secret to set) or attends (a quorum to fill). */
export async function openingTasks(actor: Actor, now: Date) {
  const tenders = await Tender.find({
    'openingCommittee.members.userId': actor.id,
    opening: null,
    status: trusted({ $ne: 'cancelled' }),
  })
    .sort({ openingAt: 1 })
    .lean<TenderRecord[]>();
  return tenders.map((t) => {
    const member = t.openingCommittee?.members.find((m) => m.userId === actor.id);
    return {
      tenderId: String(t._id),
      reference: t.reference,
      title: t.title,
      stage: tenderStatus(t, now),
      openingAt: t.openingAt,
      secretSet: Boolean(member?.secretSetAt),
      acted: (t.openingActs ?? []).some((a) => a.userId === actor.id),
      due: +t.openingAt <= +now,
    };
  });
}

/** The representative's consortia: invitations to answer and open resolutions its organisation has not voted on. */
export async function consortiumTasks(actor: Actor) {
  const consortia = await consortiaNaming(actor.organisationId);
  const members = consortia.filter((c) => isMember(c, actor.organisationId));
  const resolutions = members.length
    ? await Resolution.find({ consortiumId: trusted({ $in: members.map((c) => c._id) }), outcome: 'open' })
        .sort({ createdAt: 1 })
        .lean<ResolutionRecord[]>()
    : [];
  const nameOf = (id: Types.ObjectId) => consortia.find((c) => String(c._id) === String(id))?.name ?? '';
  return {
    invitations: consortia
      .filter((c) =>
        c.members.some((m) => String(m.organisationId) === actor.organisationId && m.status === 'invited'),
      )
      .map((c) => ({ consortiumId: String(c._id), name: c.name })),
    votes: resolutions
      .filter((r) => !r.votes.some((v) => String(v.organisationId) === actor.organisationId))
      .filter((r) => !r.votingDeadline || new Date(r.votingDeadline) > new Date())
      .map((r) => ({
        consortiumId: String(r.consortiumId),
        consortium: nameOf(r.consortiumId),
        resolutionId: String(r._id),
        subject: r.subject,
        object: r.object ?? null,
        createdAt: r.createdAt,
        votingDeadline: r.votingDeadline ?? null,
      })),
  };
}
