import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Criterion, Tender } from '../../api/types.js';
import { firstProblem, Notice, Pending, ProblemNotice } from '../../components/feedback.js';
import { Field } from '../../components/forms.js';
import { downloadFile } from '../../components/save-file.js';
import { PageHeader, Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { money } from '../../lib/format.js';
import type { ProblemError } from '../../lib/problems.js';

interface ScoredBid {
  id: string;
  lot: number;
  content?: {
    priceCents: number;
    technicalOffer: string;
    documents?: { id: string; filename: string; size: number }[];
  };
  scores?: { criterion: string; score: number; comment?: string }[];
}

/** One criterion's score of one bid, with the evaluator's comment, saved on its own. */
function ScoreField({ bid, criterion, label }: { bid: ScoredBid; criterion: Criterion; label: string }) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const given = bid.scores?.find((s) => s.criterion === criterion.key);
  const [score, setScore] = useState(given ? String(given.score) : '');
  const [comment, setComment] = useState(given?.comment ?? '');
  const save = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/bids/{id}/scores', {
          params: { path: { id: bid.id } },
          body: { criterion: criterion.key, score: Number(score), ...(comment ? { comment } : {}) },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['scoring'] }),
  });
  const value = Number(score);
  const valid = score !== '' && value >= 0 && value <= criterion.maxScore;
  const id = `score-${bid.id}-${criterion.key}`;
  return (
    <fieldset className="tool-row">
      <legend className="ecl-form-label">
        {criterion.title} — {label}
      </legend>
      <Field
        id={id}
        label={t('scoring.score', { max: criterion.maxScore })}
        help={t('scoring.threshold', { threshold: criterion.threshold })}
        error={
          firstProblem(save.error)?.fieldMessage('/score') ??
          (score !== '' && !valid ? t('scoring.outOfRange', { max: criterion.maxScore }) : undefined)
        }
      >
        {(describedBy) => (
          <input
            id={id}
            type="number"
            min={0}
            max={criterion.maxScore}
            step="any"
            className="ecl-text-input ecl-text-input--s"
            aria-describedby={describedBy}
            value={score}
            onChange={(e) => setScore(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-comment`} label={t('scoring.comment')}>
        {(describedBy) => (
          <textarea
            id={`${id}-comment`}
            rows={2}
            className="ecl-text-area ecl-text-area--l"
            aria-describedby={describedBy}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </Field>
      <button
        type="button"
        className="ecl-button ecl-button--secondary"
        disabled={!valid || save.isPending}
        aria-label={t('scoring.saveFor', { criterion: criterion.title, bid: label })}
        onClick={() => save.mutate()}
      >
        {given ? t('scoring.saveAgain') : t('scoring.save')}
      </button>
      {given ? (
        <span className="ecl-u-ml-s ecl-u-type-paragraph-s">
          {t('scoring.saved', { score: given.score })}
        </span>
      ) : null}
    </fieldset>
  );
}

/**
 * An evaluator's screen: the declaration of no conflict of interest first; after the opening, each
 * bid's offer and documents with a score and a comment per criterion, and their own progress. An
 * evaluator sees only their own scores.
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
  const items = bids.data?.items.filter((b) => b.content) ?? [];
  const needed = items.length * tr.award.criteria.length;
  const given = items.reduce((n, b) => n + (b.scores?.length ?? 0), 0);
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
                  <p className="ecl-u-type-paragraph">
                    {t('tender.price')}: {money(b.content?.priceCents ?? 0, locale)}
                  </p>
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
                      {t('scoring.document', { name: d.filename })}
                    </button>
                  ))}
                  {tr.award.criteria.map((c) => (
                    <ScoreField
                      key={`${c.key}:${b.scores?.find((s) => s.criterion === c.key)?.score}`}
                      bid={b}
                      criterion={c}
                      label={label}
                    />
                  ))}
                </div>
              );
            })}
          </Section>
        ) : null}
      </div>
    </>
  );
}
