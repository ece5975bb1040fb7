// What the console reads of the consortia's answers: consortia, their members, resolutions and
// expressions of interest.

/** Why a consortium or its expression is not eligible, as data; the console puts it into words. */
export type EligibilityGround =
  | { code: 'member-states'; count: number; required: number }
  | { code: 'outside-eu'; name: string; country: string }
  | { code: 'not-public-body' | 'no-contribution' | 'invitation-pending'; name: string }
  | { code: 'submitted-late' | 'agreement-not-sealed' }
  | { code: 'over-cofunding-cap'; requestedCents: number; rate: number; capCents: number };

export interface Member {
  organisationId: string;
  name: string;
  country: string;
  publicBody: boolean;
  contributionCents: number;
  status: 'invited' | 'member' | 'declined';
}

export interface Consortium {
  id: string;
  name: string;
  coordinatorId: string;
  members: Member[];
  totalContributionCents: number;
  votingWeights: { organisationId: string; weight: number }[];
  eligibility: { eligible: boolean; memberStates: number; reasons: string[]; grounds: EligibilityGround[] };
  agreementSealed: boolean;
  agreementSealedAt: string | null;
  createdAt: string;
}

export type VoteChoice = 'yes' | 'no' | 'abstain';

export interface Resolution {
  id: string;
  consortiumId: string;
  subject: string;
  /** The text the members vote on. */
  text: string;
  /** What it approves, named as when it was proposed. */
  object: {
    kind: 'expression' | 'tender' | 'amendment';
    id: string;
    reference: string;
    title: string;
  } | null;
  votingDeadline: string | null;
  closedAtDeadline: boolean;
  expressionId: string | null;
  tenderId: string | null;
  /** An amendment it approves, and the tender that amendment changes. */
  amendmentId?: string | null;
  amendmentTenderId?: string | null;
  votes: { organisationId: string; vote: VoteChoice; at: string }[];
  tally: {
    yes: number;
    no: number;
    abstain: number;
    pending: number;
    required: number;
    canStillPass: boolean;
  };
  outcome: 'open' | 'passed' | 'rejected';
  decidedAt: string | null;
  createdAt: string;
}

export interface Tool {
  category: string;
  description: string;
  estimatedCostCents: number;
}

export interface Expression {
  id: string;
  callId: string;
  consortiumId: string;
  summary: string;
  tools: Tool[];
  totalEstimatedCostCents: number;
  requestedEuContributionCents: number;
  hostingYears: number;
  status: 'draft' | 'submitted' | 'eligible' | 'ineligible' | 'selected' | 'not-selected';
  submittedAt: string | null;
  eligibility: { checkedAt: string; reasons: string[]; grounds?: EligibilityGround[] } | null;
}
