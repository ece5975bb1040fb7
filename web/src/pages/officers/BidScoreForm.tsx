import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, must } from '../../api/client.js';
import type { Criterion } from '../../api/types.js';
import { firstProblem, Info, ProblemNotice } from '../../components/feedback.js';
import { Field } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';

/** A bid as its evaluator reads it: the offer, the documents, and their own scores. */
export interface ScoredBid {
  id: string;
  lot: number;
  content?: {
    priceCents?: number;
    priceHidden?: boolean;
    technicalOffer: string;
    documents?: { id: string; filename: string; size: number; envelope?: 'price' }[];
  };
  checks?: { exclusion: 'pass' | 'fail'; selection: 'pass' | 'fail'; reason: string | null } | null;
  scores?: { criterion: string; score: number; comment?: string }[];
}

type Row = { score: string; comment: string };

/**
 * One form per bid: a score and a comment for every criterion, saved together. Once the evaluator
 * has signed their scores off, the form gives way to the scores as they stand.
 */
export function BidScoreForm({
  bid,
  criteria,
  label,
  final,
}: {
  bid: ScoredBid;
  criteria: Criterion[];
  label: string;
  final: boolean;
}) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const given = (key: string) => bid.scores?.find((s) => s.criterion === key);
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      criteria.map((c) => [
        c.key,
        { score: given(c.key) ? String(given(c.key)?.score) : '', comment: given(c.key)?.comment ?? '' },
      ]),
    ),
  );
  const entered = criteria.filter((c) => rows[c.key]?.score !== '');
  const stored = criteria.filter((c) => given(c.key)).length;
  const save = useMutation({
    mutationFn: () =>
      must(
        api.PUT('/api/v1/bids/{id}/scores', {
          params: { path: { id: bid.id } },
          body: {
            scores: entered.map((c) => {
              const row = rows[c.key] as Row;
              return {
                criterion: c.key,
                score: Number(row.score),
                ...(row.comment ? { comment: row.comment } : {}),
              };
            }),
          },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['scoring'] }),
  });
  const outOfRange = (c: Criterion) => {
    const v = rows[c.key]?.score ?? '';
    return v !== '' && !(Number(v) >= 0 && Number(v) <= c.maxScore);
  };
  if (final)
    return (
      <dl className="ecl-description-list">
        {criteria.map((c) => (
          <div key={c.key} className="ecl-description-list__item">
            <dt className="ecl-description-list__term">{c.title}</dt>
            <dd className="ecl-description-list__definition">
              {given(c.key) ? t('scoring.finalScore', { score: given(c.key)?.score, max: c.maxScore }) : '—'}
              {given(c.key)?.comment ? <span className="notice-text"> · {given(c.key)?.comment}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    );
  const problem = firstProblem(save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('scoring.formFor', { bid: label })}>
      {problem && !problem.errors?.length ? <ProblemNotice problem={problem} /> : null}
      {criteria.map((c) => {
        const id = `score-${bid.id}-${c.key}`;
        const row = rows[c.key] as Row;
        const set = (part: Partial<Row>) => setRows((r) => ({ ...r, [c.key]: { ...row, ...part } }));
        return (
          <fieldset key={c.key} className="tool-row">
            <legend className="ecl-form-label">{c.title}</legend>
            <Field
              id={id}
              label={t('scoring.score', { max: c.maxScore })}
              help={t('scoring.threshold', { threshold: c.threshold })}
              error={
                problem?.fieldMessage(`/scores/${entered.indexOf(c)}/score`) ??
                (outOfRange(c) ? t('scoring.outOfRange', { max: c.maxScore }) : undefined)
              }
            >
              {(describedBy) => (
                <input
                  id={id}
                  type="number"
                  min={0}
                  max={c.maxScore}
                  step="any"
                  className="ecl-text-input ecl-text-input--s"
                  aria-describedby={describedBy}
                  value={row.score}
                  onChange={(e) => set({ score: e.target.value })}
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
                  value={row.comment}
                  onChange={(e) => set({ comment: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
        );
      })}
      <button
        type="submit"
        className="ecl-button ecl-button--secondary"
        disabled={!entered.length || criteria.some(outOfRange) || save.isPending}
      >
        {t('scoring.saveBid', { bid: label })}
      </button>
      {/* What is stored, as the server last answered (the form is made anew after each save). */}
      {stored ? <Info>{t('scoring.savedBid', { count: stored, total: criteria.length })}</Info> : null}
    </form>
  );
}
