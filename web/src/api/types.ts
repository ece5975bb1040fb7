// What the console reads of the API's answers (the OpenAPI document types requests, not answers).

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'procurement-officer' | 'evaluator' | 'entity-representative' | 'vendor' | 'review-body';
  organisationId: string;
  language: string;
  /** `invited` until the person chooses a password from their invitation. */
  status?: 'invited' | 'active' | 'disabled';
  invitation?: { sentAt: string; expiresAt: string } | null;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  country: string;
  cpvPrefixes?: string[];
}

/** An eForms notice of a call or tender, as the board lists it. */
export interface EformsNotice {
  noticeId: string;
  version: string;
  subtype: string;
  kind: 'cei' | 'contract' | 'change' | 'award';
  changes: string | null;
  status: string;
  createdAt: string;
  publishedAt: string | null;
  publicationNumber: string | null;
  sha256: string;
  tedReasons?: string[];
  /** Officers: the rules a notice the platform made after the fact breaks. */
  errors?: { rule: string; message: string; location?: string }[];
}

export interface Criterion {
  key: string;
  title: string;
  weight: number;
  maxScore: number;
  threshold: number;
}

export interface Tender {
  id: string;
  reference: string;
  title: string;
  description: string;
  cpvCodes: string[];
  lots: {
    number: number;
    title: string;
    estimatedValueCents: number;
    description?: string | null;
    status: string;
    cancellation?: { at: string; reason: { code: string; text: string } } | null;
  }[];
  questionsDeadline: string;
  submissionDeadline: string;
  openingAt: string;
  standstillPeriod: string;
  award: {
    qualityWeight: number;
    priceWeight: number;
    qualityThreshold: number;
    criteria: Criterion[];
    priceToEvaluators?: 'after-sign-off' | 'never';
  };
  selectionCriteria: { key: string; title: string }[];
  /** The ESPD the tender asks of every bidder, where it asks one. */
  espd?: { exclusionGrounds: string[]; selectionCriteria: { code: string; lots?: number[] }[] } | null;
  status: string;
  /** 1 as published; each published amendment makes the next. */
  version?: number;
  publishedAt: string | null;
  openedAt: string | null;
  awards: { lot: number; bidId: string; vendorId: string; decidedAt: string; standstillEndsAt: string }[];
  /** Officers only: the evaluation committee and the opening committee. */
  evaluators?: {
    userId: string;
    assignedAt: string;
    declared: boolean;
    conflict: boolean | null;
    declaredAt: string | null;
    /** When the evaluator signed their scores off as final. */
    scoresFinalAt?: string | null;
  }[];
  openingCommittee?: {
    quorum: number;
    members: { userId: string; secretSet: boolean; secretSetAt: string | null }[];
  } | null;
}

export interface Call {
  id: string;
  reference: string;
  title: string;
  description: string;
  opensAt: string;
  closesAt: string;
  budgetCents: number;
  cofundingRate: number;
  minMemberStates: number;
  criteria: Criterion[];
  status: string;
  selection?: { status: 'none' | 'running' | 'done'; requestedAt: string | null; completedAt: string | null };
  /** Officers only: the call's evaluation committee. */
  evaluators?: NonNullable<Tender['evaluators']>;
}

export interface Question {
  id: string;
  text: string;
  askedAt: string;
  answer: { text: string; at: string } | null;
  mine?: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** Why a bid did not win, as data; the console puts it into words (`grounds.<code>`). */
export type Ground =
  | { code: 'excluded' | 'not-selected'; reason: string | null }
  | { code: 'criterion-not-scored'; criterion: string }
  | { code: 'criterion-below-threshold'; criterion: string; mean: number; threshold: number }
  | { code: 'quality-below-threshold'; quality: number; threshold: number }
  | { code: 'abnormally-low-mean' | 'abnormally-low-next' | 'outranked' }
  | { code: 'recorded'; reason: string };

/** An awarded lot, and for a vendor that bid on it, its own result as its letter gives it. */
export interface Award {
  lot: number;
  lotTitle: string;
  status: string;
  decidedAt: string;
  standstillEndsAt: string;
  winner: { vendorId: string; name: string | null; total: number };
  own?: {
    bidId: string;
    won: boolean;
    rank: number | null;
    quality: number | null;
    price: number | null;
    total: number | null;
    criteria: { key: string; title: string; maxScore: number; mean: number | null }[];
    grounds: Ground[];
  } | null;
}

export interface Contract {
  id: string;
  lot: number;
  number: string;
  valueCents: number;
  status: 'generating' | 'ready' | 'failed';
  progress?: number;
}

export interface CallResult {
  expressionId: string;
  consortiumName: string;
  status: string;
  rank: number | null;
  total: number | null;
  criterionScores: { key: string; title: string; mean: number | null }[];
  selected: boolean;
  euAmountGrantedCents: number;
  reasons: string[];
}

export interface ContractDetails extends Contract {
  split: { euCents: number; members: { organisationId: string; cents: number }[] };
}
