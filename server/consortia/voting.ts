import type { ConsortiumRecord } from './consortium.model.js';

export type Vote = 'yes' | 'no' | 'abstain';
export type Outcome = 'open' | 'passed' | 'rejected';

export interface Voter {
  organisationId: string;
  contributionCents: number;
}

/** The consortium's voters: its members that have joined, each with its contribution. */
export const joinedMembers = (c: Pick<ConsortiumRecord, 'members'>): Voter[] =>
  c.members
    .filter((m) => m.status === 'member')
    .map((m) => ({ organisationId: String(m.organisationId), contributionCents: m.contributionCents }));

/** Each member's voting weight: its contribution divided by the consortium's total. */
export function votingWeights(members: Voter[]): { organisationId: string; weight: number }[] {
  const total = members.reduce((sum, m) => sum + m.contributionCents, 0);
  return members.map((m) => ({
    organisationId: m.organisationId,
    weight: total > 0 ? m.contributionCents / total : 0,
  }));
}

/**
 * The weighted rule: passed by consensus (every member yes) or by at least 75 % of all weighted
 * votes, of all members and not only of those who voted; rejected as soon as the yes votes plus
 * every member yet to vote cannot reach 75 %; otherwise open. Integer cents keep it exact.
 */
export function resolutionOutcome(members: Voter[], votes: Map<string, Vote>): Outcome {
  const total = members.reduce((sum, m) => sum + m.contributionCents, 0);
  let yes = 0;
  let undecided = 0;
  for (const m of members) {
    const vote = votes.get(m.organisationId);
    if (vote === 'yes') yes += m.contributionCents;
    else if (vote === undefined) undecided += m.contributionCents;
  }
  if (members.length > 0 && members.every((m) => votes.get(m.organisationId) === 'yes')) return 'passed';
  if (4 * yes >= 3 * total && total > 0) return 'passed';
  if (4 * (yes + undecided) < 3 * total) return 'rejected';
  return 'open';
}
