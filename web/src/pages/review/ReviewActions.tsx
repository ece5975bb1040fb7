import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { Select, TextArea } from '../../components/forms.js';
import { Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import type { Complaint } from './complaints.js';

/** After a step, the complaint and its tender's list are read again. */
function useRefresh(c: Complaint) {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['complaint', c.id] }),
      queries.invalidateQueries({ queryKey: ['tender', c.tenderId] }),
      queries.invalidateQueries({ queryKey: ['complaints'] }),
    ]);
}

/**
 * The review body's steps on a complaint it hears: a submitted one is accepted as admissible or
 * refused with reasons; an accepted one is decided, upheld or dismissed, with a reasoned decision.
 */
export function ReviewActions({ complaint: c }: { complaint: Complaint }) {
  const { t } = useLocale();
  const refresh = useRefresh(c);
  const [reasons, setReasons] = useState('');
  const [outcome, setOutcome] = useState<'dismissed' | 'upheld'>('dismissed');
  const path = { params: { path: { id: c.id } } };
  const accept = useMutation({
    mutationFn: () => must(api.POST('/api/v1/complaints/{id}/accept', path)),
    onSuccess: refresh,
  });
  const refuse = useMutation({
    mutationFn: () =>
      must(api.POST('/api/v1/complaints/{id}/refuse', { ...path, body: { text: reasons.trim() } })),
    onSuccess: refresh,
  });
  const decide = useMutation({
    mutationFn: () =>
      must(api.POST('/api/v1/complaints/{id}/decide', { ...path, body: { outcome, text: reasons.trim() } })),
    onSuccess: refresh,
  });
  if (c.status !== 'submitted' && c.status !== 'accepted') return null;
  const refused = firstProblem(accept.error, refuse.error, decide.error);
  const busy = accept.isPending || refuse.isPending || decide.isPending;
  return (
    <Section id="review-actions" title={t('review.act.title')}>
      {refused ? <ProblemNotice problem={refused} /> : null}
      {accept.isSuccess || refuse.isSuccess || decide.isSuccess ? (
        <Notice variant="success" title={t('review.act.done')} />
      ) : null}
      {c.status === 'submitted' ? (
        <>
          <button
            type="button"
            className="ecl-button ecl-button--primary ecl-u-mb-l"
            disabled={busy}
            onClick={() => accept.mutate()}
          >
            {t('review.act.accept')}
          </button>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              refuse.mutate();
            }}
          >
            <TextArea
              id="refuse-reasons"
              label={t('review.act.refuseReasons')}
              rows={4}
              value={reasons}
              onChange={setReasons}
              error={refused?.fieldMessage('/text')}
            />
            <button
              type="submit"
              className="ecl-button ecl-button--secondary"
              disabled={busy || !reasons.trim()}
            >
              {t('review.act.refuse')}
            </button>
          </form>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            decide.mutate();
          }}
        >
          <Select
            id="decision-outcome"
            label={t('review.act.outcome')}
            value={outcome}
            onChange={(v) => setOutcome(v as 'dismissed' | 'upheld')}
          >
            <option value="dismissed">{t('review.act.dismissed')}</option>
            <option value="upheld">{t('review.act.upheld')}</option>
          </Select>
          <TextArea
            id="decision-reasons"
            label={t('review.act.reasons')}
            help={t('review.act.reasonsHint')}
            rows={6}
            value={reasons}
            onChange={setReasons}
            error={refused?.fieldMessage('/text')}
          />
          <button type="submit" className="ecl-button ecl-button--primary" disabled={busy || !reasons.trim()}>
            {t('review.act.decide')}
          </button>
        </form>
      )}
    </Section>
  );
}

/** The complainant withdraws its complaint before the decision, after confirming. */
export function WithdrawComplaint({ complaint: c }: { complaint: Complaint }) {
  const { t } = useLocale();
  const refresh = useRefresh(c);
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => must(api.POST('/api/v1/complaints/{id}/withdraw', { params: { path: { id: c.id } } })),
    onSuccess: refresh,
  });
  if (!c.own || (c.status !== 'submitted' && c.status !== 'accepted')) return null;
  const refused = firstProblem(withdraw.error);
  return (
    <div className="ecl-u-mb-xl">
      {refused ? <ProblemNotice problem={refused} /> : null}
      {confirming ? <Notice variant="warning" title={t('review.act.withdrawConfirm')} /> : null}
      <button
        type="button"
        className={`ecl-button ${confirming ? 'ecl-button--primary' : 'ecl-button--secondary'}`}
        disabled={withdraw.isPending}
        onClick={() => (confirming ? withdraw.mutate() : setConfirming(true))}
      >
        {t('review.act.withdraw')}
      </button>
    </div>
  );
}
