import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import type { TFunction } from '../../i18n.js';

// What the console reads of complaints (see server/review/complaints.service.ts), and the reads
// its pages share.

export type ComplaintStatus = 'submitted' | 'accepted' | 'refused' | 'upheld' | 'dismissed' | 'withdrawn';
export type ComplaintSubject = 'conditions' | 'exclusion' | 'award' | 'cancellation';

export interface Complaint {
  id: string;
  tenderId: string;
  tenderReference: string;
  lot: number | null;
  against: ComplaintSubject;
  grounds: string;
  text: string;
  status: ComplaintStatus;
  submittedAt: string;
  window: { from: string | null; until: string };
  reviewBody: { id: string; name: string | null };
  author: { id: string; name: string | null } | null;
  own: boolean;
  acceptedAt: string | null;
  refusal: { text: string; at: string } | null;
  decision: { outcome: 'upheld' | 'dismissed'; text: string; at: string; letter: string } | null;
  withdrawnAt: string | null;
  suspends: 'contract' | 'opening' | null;
  documents: { id: string; filename: string; size: number; sha256: string; url: string }[] | null;
  documentCount: number;
}

/** What a vendor may complain of now, with the end of each window. */
export interface ComplaintWindow {
  against: ComplaintSubject;
  lot: number | null;
  until: string;
}

/** A complaint's subject in words: the conditions, or an award, exclusion or cancellation of a lot. */
export const subjectOf = (t: TFunction, c: { against: ComplaintSubject; lot: number | null }) =>
  t(`review.subject.${c.against}`, { lot: c.lot });

/** The colour of a complaint's status label: open ones stand out. */
export const statusLabel = (status: ComplaintStatus) =>
  status === 'submitted' || status === 'accepted'
    ? 'ecl-label--high'
    : status === 'upheld'
      ? 'ecl-label--medium'
      : 'ecl-label--low';

/** The tender's complaints (public), and for a vendor what it may complain of now. */
export function useTenderComplaints(tenderId: string) {
  return useQuery({
    queryKey: ['tender', tenderId, 'complaints'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/complaints', { params: { path: { id: tenderId } } })) as Promise<{
        items: Complaint[];
        total: number;
        windows: ComplaintWindow[];
        reviewBody: { id: string; name: string; email: string } | null;
      }>,
    refetchInterval: 30_000,
  });
}
