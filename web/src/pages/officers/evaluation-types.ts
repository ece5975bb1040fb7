import type { Ground } from '../../api/types.js';

// What the officers' evaluation pages read of the API: the bids with their checks and scores, and the
// computed evaluation per lot.

export interface OfficerBid {
  id: string;
  tenderId: string;
  lot: number;
  vendorId: string;
  status: string;
  content?: { priceCents: number };
  checks: { exclusion: 'pass' | 'fail'; selection: 'pass' | 'fail'; reason: string | null } | null;
  scores: { evaluatorId: string; criterion: string; score: number; comment?: string }[];
}

export interface EvaluatedBid {
  bidId: string;
  vendorName: string | null;
  priceCents: number;
  quality: number | null;
  price: number | null;
  total: number | null;
  rank: number | null;
  flags: { excluded: boolean; belowThreshold: boolean; abnormallyLow: boolean };
  reasons: string[];
  grounds?: Ground[];
}

export interface Evaluation {
  computedAt: string;
  lots: { lot: number; bids: EvaluatedBid[] }[];
}
