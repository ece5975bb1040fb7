// What the console reads of the API's answers (the OpenAPI document types requests, not answers).

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'procurement-officer' | 'evaluator' | 'entity-representative' | 'vendor';
  organisationId: string;
  language: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  country: string;
  cpvPrefixes?: string[];
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
  lots: { number: number; title: string; estimatedValueCents: number; status: string }[];
  questionsDeadline: string;
  submissionDeadline: string;
  openingAt: string;
  standstillPeriod: string;
  award: { qualityWeight: number; priceWeight: number; qualityThreshold: number; criteria: Criterion[] };
  selectionCriteria: { key: string; title: string }[];
  status: string;
  publishedAt: string | null;
  openedAt: string | null;
  awards: { lot: number; vendorId: string; standstillEndsAt: string }[];
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
