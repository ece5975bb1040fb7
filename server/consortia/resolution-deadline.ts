import { trusted } from 'mongoose';
import { recordAudit } from '../audit/audit.service.js';
import { context } from '../context.js';
import { conflict } from '../errors.js';
import { domainEvent } from '../events.js';
import { changeDocument } from '../revision.js';
import type { FieldError } from '../validation.js';
import { Consortium, type ConsortiumRecord } from './consortium.model.js';
import { Resolution, type ResolutionRecord } from './resolution.model.js';
import { joinedMembers, resolutionOutcome } from './voting.js';

// A resolution's voting deadline: after it the resolution closes as it stands. One that has not
// passed by then (the weighted rule decides a pass at the vote that reaches it) is rejected. A
// delayed job closes it on time; the reconciler is its backstop.

/** The longest a vote may be left open. */
const LONGEST_VOTE_MS = 366 * 24 * 3600 * 1000;

/** What is wrong with a proposed voting deadline: it lies ahead, within a year. */
export function deadlineErrors(deadline: string | undefined, now = new Date()): FieldError[] {
  if (deadline === undefined) return [];
  const at = new Date(deadline).getTime();
  if (at <= now.getTime()) return [{ path: '/votingDeadline', message: 'must be in the future' }];
  if (at - now.getTime() > LONGEST_VOTE_MS)
    return [{ path: '/votingDeadline', message: 'must be within a year' }];
  return [];
}

/** A vote cast after the deadline is refused; the resolution is (or is about to be) closed. */
export function requireVotingOpen(r: Pick<ResolutionRecord, 'votingDeadline'>, now = new Date()): void {
  if (r.votingDeadline && new Date(r.votingDeadline) <= now)
    throw conflict('voting-closed', 'The voting deadline has passed; the resolution closes as it stands.');
}

/** A delayed job closes the resolution at its deadline. */
export async function scheduleResolutionClosing(r: Pick<ResolutionRecord, '_id' | 'votingDeadline'>) {
  if (!r.votingDeadline) return;
  await context().queues.add(
    'close-resolution',
    { resolutionId: String(r._id) },
    {
      jobId: `close-resolution-${r._id}`,
      delay: Math.max(0, new Date(r.votingDeadline).getTime() - Date.now()),
    },
  );
}

/** Closes an open resolution whose deadline has passed, as its votes stand; a no-op otherwise. */
export async function closeAtDeadline(resolutionId: string): Promise<'closed' | 'skipped'> {
  const due = (r: ResolutionRecord) =>
    r.outcome === 'open' && r.votingDeadline && new Date(r.votingDeadline) <= new Date();
  const r = await Resolution.findById(resolutionId).lean<ResolutionRecord>();
  const c = r && due(r) && (await Consortium.findById(r.consortiumId).lean<ConsortiumRecord>());
  if (!r || !c) return 'skipped';
  const members = joinedMembers(c);
  const decided = conflict('resolution-decided', 'The votes decided it first.');
  try {
    await changeDocument<ResolutionRecord>(Resolution, resolutionId, 'The resolution', (current) => {
      if (!due(current)) throw decided;
      const stands = resolutionOutcome(
        members,
        new Map(current.votes.map((v) => [String(v.organisationId), v.vote])),
      );
      return {
        set: {
          outcome: stands === 'passed' ? 'passed' : 'rejected',
          decidedAt: new Date(),
          closedAtDeadline: true,
        },
        effects: [domainEvent('resolution.decided')],
      };
    });
  } catch (err) {
    if (err === decided) return 'skipped';
    throw err;
  }
  await recordAudit({
    actor: null,
    action: 'resolution.closed-at-deadline',
    object: { type: 'resolution', id: resolutionId },
  });
  return 'closed';
}

/** Closes every open resolution whose closing job was lost. */
export async function closeOverdueResolutions(): Promise<number> {
  const overdue = await Resolution.find(
    { outcome: 'open', votingDeadline: trusted({ $lte: new Date() }) },
    { _id: 1 },
  ).lean();
  for (const r of overdue) await closeAtDeadline(String(r._id));
  return overdue.length;
}
