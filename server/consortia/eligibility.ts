import { memberStates } from './member-states.js';

/** A consortium member as the eligibility rule sees it. */
export interface MemberFacts {
  organisationId: string;
  name: string;
  country: string;
  publicBody: boolean;
  contributionCents: number;
  status: 'invited' | 'member' | 'declined';
}

export interface ConsortiumEligibility {
  eligible: boolean;
  /** The number of distinct Member States among the members. */
  memberStates: number;
  reasons: string[];
}

/**
 * A consortium is eligible with members from at least `minMemberStates` Member States, all of them
 * public bodies with a contribution above zero, and no invitation left unanswered.
 */
export function consortiumEligibility(members: MemberFacts[], minMemberStates = 3): ConsortiumEligibility {
  const joined = members.filter((m) => m.status === 'member');
  const states = new Set(joined.filter((m) => memberStates.has(m.country)).map((m) => m.country));
  const reasons: string[] = [];
  if (states.size < minMemberStates) {
    reasons.push(
      `Members come from ${states.size} Member State(s); at least ${minMemberStates} are required.`,
    );
  }
  for (const m of joined) {
    if (!memberStates.has(m.country)) reasons.push(`${m.name} is not in an EU Member State (${m.country}).`);
    if (!m.publicBody) reasons.push(`${m.name} is not a public body.`);
    if (m.contributionCents <= 0)
      reasons.push(`${m.name} contributes nothing; every member must contribute.`);
  }
  for (const m of members.filter((x) => x.status === 'invited')) {
    reasons.push(`The invitation to ${m.name} is still pending.`);
  }
  return { eligible: reasons.length === 0, memberStates: states.size, reasons };
}
