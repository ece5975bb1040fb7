// The ESPD as the console reads it from the API: the criteria a tender asks, a vendor's answers,
// and what the evaluation finds in them.

export type EspdField = 'amountCents' | 'description' | 'selfCleaning' | 'evidenceUrl' | 'date' | 'until';

export type EspdSection =
  | 'convictions'
  | 'contributions'
  | 'misconduct'
  | 'national'
  | 'suitability'
  | 'economic'
  | 'technical'
  | 'quality';

export const SECTIONS: EspdSection[] = [
  'convictions',
  'contributions',
  'misconduct',
  'national',
  'suitability',
  'economic',
  'technical',
  'quality',
];

/** A criterion of a tender's request, named in the reader's language. */
export interface AskedCriterion {
  code: string;
  kind: 'exclusion' | 'selection';
  section: EspdSection;
  name: string;
  description: string;
  mandatory: boolean;
  lots: number[];
  requirements: { minimumCents?: number; years?: number; minimumCount?: number; description?: string };
  answerFields: { onYes: EspdField[]; onNo: EspdField[]; optional: EspdField[] };
}

export interface EspdRequestView {
  tenderId: string;
  criteria: AskedCriterion[];
}

/** What the officer may ask, from `GET /espd/criteria`. */
export interface OfferedCriterion {
  code: string;
  kind: 'exclusion' | 'selection';
  section: EspdSection;
  name: string;
  description: string;
  requires: ('minimumCents' | 'years' | 'minimumCount' | 'description')[];
}

export interface EspdAnswer {
  answer: boolean;
  amountCents?: number;
  description?: string;
  selfCleaning?: string;
  evidenceUrl?: string;
  date?: string;
  until?: string;
}

export type EspdAnswers = Record<string, EspdAnswer>;

/** A ground declared, a criterion not met, an amount below the minimum. */
export interface EspdFlag {
  code: string;
  kind: 'exclusion' | 'selection';
  name: string;
  flag: 'ground-declared' | 'not-met' | 'below-minimum';
  description?: string;
  selfCleaning?: string;
  amountCents?: number;
  minimumCents?: number;
}

export interface EspdResponseView {
  bidId: string;
  lot: number;
  answers: EspdAnswers;
  flags: EspdFlag[];
  suggestedChecks: { exclusion: 'pass' | 'fail'; selection: 'pass' | 'fail' };
}

/** A request to one bidder, as `GET /tenders/:id/requests` lists it. */
export interface BidderRequest {
  id: string;
  tenderId: string;
  bidId: string;
  lot: number;
  vendorId: string;
  kind: 'evidence' | 'explanation' | 'clarification';
  text: string;
  criteria: string[];
  dueAt: string;
  status: 'open' | 'answered' | 'accepted' | 'refused' | 'expired';
  answer?: {
    text: string;
    evidenceUrls: string[];
    documents: { id: string; filename: string; size: number; sha256: string; url: string }[];
    at: string;
  } | null;
  decision?: { accepted: boolean; reason: string | null; at: string } | null;
  askedAt: string;
}
