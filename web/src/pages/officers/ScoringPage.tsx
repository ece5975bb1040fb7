import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Tender } from '../../api/types.js';
import { firstProblem, Notice, Pending, ProblemNotice } from '../../components/feedback.js';
import { Field } from '../../components/forms.js';
import { downloadFile } from '../../components/save-file.js';
import { PageHeader, Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { money } from '../../lib/format.js';
import type { ProblemError } from '../../lib/problems.js';
import { BidScoreForm, type ScoredBid } from './BidScoreForm.js';
import { SignOff } from './SignOff.js';

/** A bid failed on its exclusion or selection check: listed apart, not scored. */
const excluded = (b: ScoredBid) => b.checks?.exclusion === 'fail' || b.checks?.selection === 'fail';

/**
 * An evaluator's screen: the declaration of no conflict of interest first; after the opening, each
 * admissible bid's offer and documents with one form of scores and comments, their own progress,
 * the excluded bids apart, and the sign-off. Prices show only when the server gives them (once
 * the evaluator's scores are final, or never). An evaluator sees only their own scores.
 */
export function ScoringPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const queries = useQueryClient();
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [note, setNote] = useState('');
  const tender = useQuery({
    queryKey: ['tender', id],
    queryFn: () => must(api.GET('/api/v1/tenders/{id}', { params: { path: { id } } })) as Promise<Tender>,
  });
  const bids = useQuery({
    queryKey: ['scoring', id],
    retry: false,
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/bids', { params: { path: { id } } })) as Promise<{
        items: ScoredBid[];
        scoresFinalAt?: string | null;
        priceHidden?: boolean;
      }>,
  });
  const declare = useMutation({
    mutationFn: (conflict: boolean) =>
      must(
        api.POST('/api/v1/tenders/{id}/coi', {
          params: { path: { id } },
          body: conflict ? { conflict: true, note } : { conflict: false },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['scoring', id] }),
  });
  if (!tender.data) return <Pending problem={firstProblem(tender.error)} />;
  const tr = tender.data;
  const refused = firstProblem(bids.error);
  const sealed = refused?.type === 'urn:problem:sealed';
  const opened = bids.data?.items.filter((b) => b.content) ?? [];
  const items = opened.filter((b) => !excluded(b));
  const out = opened.filter(excluded);
  const keys = new Set(tr.award.criteria.map((c) => c.key));
  const needed = items.length * keys.size;
  const given = items.reduce((n, b) => n + (b.scores ?? []).filter((x) => keys.has(x.criterion)).length, 0);
  const finalAt = bids.data?.scoresFinalAt ?? null;
  const never = tr.award.priceToEvaluators === 'never';
  return (
    <>
      <PageHeader title={t('scoring.title', { reference: tr.reference })} meta={tr.title} />
      <div className="ecl-container ecl-u-mt-l">
        <p className="ecl-u-type-paragraph">
          <Link className="ecl-link" to={`/tenders/${id}`}>
            {t('opening.back')}
          </Link>
        </p>
        {problem ? <ProblemNotice problem={problem} /> : null}
        {firstProblem(declare.error) ? (
          <ProblemNotice problem={firstProblem(declare.error) as ProblemError} />
        ) : null}
        {refused && !sealed ? (
          <Section id="declaration" title={t('scoring.declaration')}>
            <Notice variant="warning" title={refused.detail || refused.title} />
            <p className="ecl-u-type-paragraph">{t('scoring.declarationIntro')}</p>
            <button
              type="button"
              className="ecl-button ecl-button--primary ecl-u-mb-m"
              disabled={declare.isPending}
              onClick={() => declare.mutate(false)}
            >
              {t('scoring.noConflict')}
            </button>
            <div className="narrow-form">
              <Field id="conflict-note" label={t('scoring.conflictNote')}>
                {(describedBy) => (
                  <textarea
                    id="conflict-note"
                    rows={2}
                    className="ecl-text-area ecl-text-area--l"
                    aria-describedby={describedBy}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                  />
                )}
              </Field>
              <button
                type="button"
                className="ecl-button ecl-button--secondary"
                disabled={declare.isPending || !note}
                onClick={() => declare.mutate(true)}
              >
                {t('scoring.conflict')}
              </button>
            </div>
          </Section>
        ) : null}
        {sealed ? <Notice variant="info" title={t('scoring.sealed')} /> : null}
        {bids.data ? (
          <Section id="bids" title={t('scoring.bids')}>
            {bids.data.priceHidden ? (
              <Notice variant="info" title={never ? t('scoring.pricesNever') : t('scoring.pricesHidden')} />
            ) : null}
            <p className="ecl-u-type-paragraph" aria-live="polite">
              {t('scoring.progress', { given, needed })}
            </p>
            <progress
              className="quorum"
              max={needed || 1}
              value={given}
              aria-label={t('scoring.progressLabel')}
            />
            {items.map((b, i) => {
              const label = t('scoring.bidLabel', { n: i + 1, lot: b.lot });
              return (
                <div key={b.id} className="ecl-u-mb-xl scored-bid">
                  <h3 className="ecl-u-type-heading-3">{label}</h3>
                  {b.content?.priceCents !== undefined ? (
                    <p className="ecl-u-type-paragraph">
                      {t('tender.price')}: {money(b.content.priceCents, locale)}
                    </p>
                  ) : null}
                  <p className="ecl-u-type-paragraph notice-text">{b.content?.technicalOffer}</p>
                  {(b.content?.documents ?? []).map((d) => (
                    <button
                      key={d.id}
                      type="button"
                      className="ecl-button ecl-button--ghost ecl-u-mr-s"
                      onClick={async () =>
                        setProblem(await downloadFile(`/bids/${b.id}/documents/${d.id}`, d.filename))
                      }
                    >
                      {t(d.envelope === 'price' ? 'scoring.priceDocument' : 'scoring.document', {
                        name: d.filename,
                      })}
                    </button>
                  ))}
                  <BidScoreForm
                    key={(b.scores ?? []).map((x) => `${x.criterion}:${x.score}`).join()}
                    bid={b}
                    criteria={tr.award.criteria}
                    label={label}
                    final={Boolean(finalAt)}
                  />
                </div>
              );
            })}
          </Section>
        ) : null}
        {out.length ? (
          <Section id="excluded" title={t('scoring.excludedTitle')}>
            <ul className="ecl-unordered-list">
              {out.map((b) => (
                <li key={b.id} className="ecl-unordered-list__item">
                  {t(b.checks?.exclusion === 'fail' ? 'scoring.excludedBid' : 'scoring.notSelectedBid', {
                    lot: b.lot,
                    reason: b.checks?.reason ?? '',
                  })}
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
        {bids.data && items.length ? (
          <SignOff tenderId={id} finalAt={finalAt} missing={needed - given} />
        ) : null}
      </div>
    </>
  );
}
