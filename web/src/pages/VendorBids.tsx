import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../api/client.js';
import type { Tender } from '../api/types.js';
import { firstProblem, Info, ProblemNotice } from '../components/feedback.js';
import { Section } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { AskQuestion } from './AskQuestion.js';
import { BidderOpening } from './BidderOpening.js';
import { BidForm } from './BidForm.js';
import { BidOutcomes } from './BidOutcome.js';
import { BidProgress } from './BidProgress.js';
import { BidReceipt, type OwnBid, OwnBids, type Receipt } from './BidReceipt.js';
import { useVendorEspd } from './espd/VendorEspd.js';
import { VendorRequests } from './espd/VendorRequests.js';

/** The stages of a lot from its opening on. */
const OPENED = ['opened', 'evaluated', 'awarded', 'standstill', 'contracted'];

/** A vendor's part of a tender: ask a question, submit, replace or withdraw a bid per lot, keep the receipt. */
export function VendorBids({ tender, now }: { tender: Tender; now: number }) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const open = now < new Date(tender.submissionDeadline).getTime();
  const asking = now < new Date(tender.questionsDeadline).getTime();
  const bids = useQuery({
    queryKey: ['tender', tender.id, 'bids'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/bids', { params: { path: { id: tender.id } } })) as Promise<{
        items: OwnBid[];
      }>,
  });
  const espd = useVendorEspd(tender);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [formShown, setFormShown] = useState<boolean | null>(null);
  const submitted = bids.data?.items.some((b) => b.status === 'submitted') ?? false;
  // The form is out while the vendor has no bid here; once it has one, behind a button.
  const showForm = formShown ?? (bids.data ? !submitted : false);
  const opened = tender.lots.some((l) => OPENED.includes(l.status ?? tender.status));
  const withdraw = useMutation({
    mutationFn: (id: string) => must(api.DELETE('/api/v1/bids/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      // The form comes back when no bid is left to keep.
      setFormShown(null);
      setReceipt(null);
      return queries.invalidateQueries({ queryKey: ['tender', tender.id, 'bids'] });
    },
  });
  const confirm = useMutation({
    mutationFn: (id: string) => must(api.POST('/api/v1/bids/{id}/confirm', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tender', tender.id, 'bids'] }),
  });
  const problem = firstProblem(withdraw.error, confirm.error);

  return (
    <Section id="your-bids" title={t('vendor.yourBids')} className="ecl-u-mt-xl">
      {problem ? <ProblemNotice problem={problem} /> : null}
      {receipt ? <BidReceipt tender={tender} receipt={receipt} criteria={espd.criteria} /> : null}

      {bids.data?.items.length ? (
        <OwnBids
          bids={bids.data.items}
          open={open}
          onWithdraw={(id) => withdraw.mutate(id)}
          onConfirm={(id) => confirm.mutate(id)}
        />
      ) : null}
      {open
        ? null
        : bids.data?.items
            .filter((b) => b.status === 'submitted')
            .map((b) => (
              <BidProgress
                key={b.id}
                lot={b.lot}
                lotStatus={tender.lots.find((l) => l.number === b.lot)?.status ?? tender.status}
              />
            ))}
      {submitted && opened ? <BidderOpening tenderId={tender.id} /> : null}
      {open ? null : <VendorRequests tenderId={tender.id} />}
      {open ? null : <BidOutcomes tender={tender} />}

      {open && showForm ? (
        <BidForm
          tender={tender}
          bids={bids.data?.items ?? []}
          onReceipt={(r) => {
            setReceipt(r);
            setFormShown(false);
            void queries.invalidateQueries({ queryKey: ['tender', tender.id, 'bids'] });
          }}
        />
      ) : open ? (
        <button
          type="button"
          className="ecl-button ecl-button--secondary ecl-u-mb-l"
          onClick={() => {
            setFormShown(true);
            setReceipt(null);
          }}
        >
          {t('bidding.another')}
        </button>
      ) : (
        <Info>{t('vendor.closed')}</Info>
      )}

      {asking ? <AskQuestion tenderId={tender.id} /> : null}
    </Section>
  );
}
