import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, must } from '../../api/client.js';
import type { Tender } from '../../api/types.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { Select, TextArea, TextField } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';
import { ProblemError } from '../../lib/problems.js';
import type { BidderRequest } from '../espd/espd-types.js';
import { RequestSummary, useTenderRequests } from '../espd/requests.js';
import { instantOf } from './draft-parts.js';
import type { EvaluatedBid } from './evaluation-types.js';

// A lot's requests to its bidders before the award: the evidence of the first-ranked bid's ESPD,
// the explanation of an abnormally low price, the clarification of documents; each answer
// accepted or refused with its reason.

function Decide({ r, onDone }: { r: BidderRequest; onDone: () => void }) {
  const { t } = useLocale();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (accepted: boolean) =>
      must(
        api.POST('/api/v1/requests/{id}/decision', {
          params: { path: { id: r.id } },
          body: { accepted, ...(reason.trim() ? { reason: reason.trim() } : {}) },
        }),
      ),
    onSuccess: onDone,
  });
  return (
    <div className="ecl-u-mb-m">
      {decide.error instanceof ProblemError ? <ProblemNotice problem={decide.error} /> : null}
      <TextArea
        id={`decide-${r.id}`}
        label={t('requests.reason')}
        help={t('requests.reasonHint')}
        rows={2}
        required={false}
        value={reason}
        onChange={setReason}
      />
      <button
        type="button"
        className="ecl-button ecl-button--primary ecl-u-mr-s"
        disabled={decide.isPending}
        onClick={() => decide.mutate(true)}
      >
        {t('requests.accept')}
      </button>
      <button
        type="button"
        className="ecl-button ecl-button--secondary"
        disabled={decide.isPending || !reason.trim()}
        onClick={() => decide.mutate(false)}
      >
        {t('requests.refuse')}
      </button>
    </div>
  );
}

export function LotRequests({ tender, lot, bids }: { tender: Tender; lot: number; bids: EvaluatedBid[] }) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const requests = useTenderRequests(tender.id);
  const ranked = bids.filter((b) => b.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const [bidId, setBidId] = useState(ranked[0]?.bidId ?? bids[0]?.bidId ?? '');
  const [kind, setKind] = useState<BidderRequest['kind']>(tender.espd ? 'evidence' : 'clarification');
  const [text, setText] = useState('');
  const [dueAt, setDueAt] = useState('');
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ['tender', tender.id] });
  };
  const ask = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/tenders/{id}/requests', {
          params: { path: { id: tender.id } },
          body: { bidId, kind, text: text.trim(), ...(dueAt ? { dueAt: instantOf(dueAt) } : {}) },
        }),
      ),
    onSuccess: () => {
      setText('');
      refresh();
    },
  });
  const mine = (requests.data?.items ?? []).filter((r) => r.lot === lot);
  const who = (id: string) => bids.find((b) => b.bidId === id)?.vendorName ?? undefined;
  const decided = tender.awards.some((a) => a.lot === lot);
  const problem = firstProblem(requests.error, ask.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  return (
    <section aria-labelledby={`requests-${lot}`} className="ecl-u-mb-l lot-requests">
      <h4 className="ecl-u-type-heading-4" id={`requests-${lot}`}>
        {t('requests.title')}
      </h4>
      {problem ? <ProblemNotice problem={problem} /> : null}
      {mine.length ? (
        mine.map((r) => (
          <div key={r.id} className="request-card ecl-u-mb-m">
            <RequestSummary r={r} who={who(r.bidId)} level={5} />
            {r.status === 'answered' ? <Decide r={r} onDone={refresh} /> : null}
          </div>
        ))
      ) : (
        <p className="ecl-u-type-paragraph-s">{t('requests.none')}</p>
      )}
      {decided ? null : (
        <form onSubmit={onSubmit} className="ecl-u-mb-m" aria-labelledby={`ask-${lot}`}>
          <h5 className="ecl-u-type-heading-5" id={`ask-${lot}`}>
            {t('requests.ask')}
          </h5>
          <p className="ecl-u-type-paragraph-s">{t('requests.intro')}</p>
          {ask.isSuccess ? <Notice variant="success">{t('requests.sent')}</Notice> : null}
          <Select id={`ask-${lot}-bid`} label={t('requests.bid')} value={bidId} onChange={setBidId}>
            {bids.map((b) => (
              <option key={b.bidId} value={b.bidId}>
                {b.rank ? `${b.rank}. ` : ''}
                {b.vendorName}
              </option>
            ))}
          </Select>
          <Select
            id={`ask-${lot}-kind`}
            label={t('requests.kind')}
            value={kind}
            onChange={(v) => setKind(v as BidderRequest['kind'])}
          >
            {(tender.espd
              ? ['evidence', 'explanation', 'clarification']
              : ['explanation', 'clarification']
            ).map((k) => (
              <option key={k} value={k}>
                {t(`requests.kinds.${k}`)}
              </option>
            ))}
          </Select>
          <TextArea
            id={`ask-${lot}-text`}
            label={t('requests.text')}
            rows={3}
            value={text}
            onChange={setText}
            error={ask.error instanceof ProblemError ? ask.error.fieldMessage('/text') : undefined}
          />
          <TextField
            id={`ask-${lot}-due`}
            type="datetime-local"
            label={t('requests.dueAt')}
            help={t('requests.dueHint')}
            required={false}
            value={dueAt}
            onChange={setDueAt}
          />
          <button
            type="submit"
            className="ecl-button ecl-button--primary"
            disabled={ask.isPending || !text.trim()}
          >
            {t('requests.send')}
          </button>
        </form>
      )}
    </section>
  );
}
