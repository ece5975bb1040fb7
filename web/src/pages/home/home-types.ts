import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import type { Resolution } from '../../api/consortium-types.js';

// What `GET /me/home` answers: what waits for the signed-in person, by role.

export interface TenderRef {
  tenderId: string;
  reference: string;
  title: string;
}

export interface VendorWork {
  bids: (TenderRef & {
    bidId: string;
    lot: number;
    lotTitle: string;
    status: 'submitted' | 'withdrawn';
    receivedAt: string;
    stage: string;
  })[];
  requests: (TenderRef & {
    requestId: string;
    lot: number;
    kind: 'evidence' | 'explanation' | 'clarification';
    dueAt: string;
  })[];
  following: (TenderRef & {
    stage: string;
    questionsDeadline: string;
    submissionDeadline: string;
    subscribed: boolean;
    asked: boolean;
    openQuestions: number;
    bid: boolean;
  })[];
  deadlines: {
    tenderId: string;
    reference: string;
    kind: 'questions' | 'submission' | 'request';
    at: string;
  }[];
}

export interface Declaration {
  declared: boolean;
  conflict: boolean | null;
}

export interface EvaluationWork {
  calls: (Declaration & {
    callId: string;
    reference: string;
    title: string;
    status: string;
    closesAt: string;
    selectionDone: boolean;
  })[];
  tenders: (TenderRef &
    Declaration & {
      stage: string;
      openingAt: string;
      scoring: { bids: number; excluded: number; given: number; needed: number; final: boolean } | null;
    })[];
}

export interface OpeningWork extends TenderRef {
  stage: string;
  openingAt: string;
  secretSet: boolean;
  acted: boolean;
  due: boolean;
}

export interface ConsortiumWork {
  invitations: { consortiumId: string; name: string }[];
  votes: {
    consortiumId: string;
    consortium: string;
    resolutionId: string;
    subject: string;
    object: Resolution['object'];
    createdAt: string;
    votingDeadline: string | null;
  }[];
}

export interface Home {
  role: string;
  vendor?: VendorWork;
  evaluations?: EvaluationWork;
  openings?: OpeningWork[];
  consortia?: ConsortiumWork;
  complaints?: { undecided: number };
}

/** The signed-in person's home, refreshed each minute (deadlines pass, requests arrive). */
export function useHome() {
  return useQuery({
    queryKey: ['me', 'home'],
    queryFn: () => must(api.GET('/api/v1/me/home')) as Promise<Home>,
    refetchInterval: 60_000,
  });
}
