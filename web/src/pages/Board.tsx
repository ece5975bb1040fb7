import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, must } from '../api/client.js';
import type { Call, Page, Tender } from '../api/types.js';
import { ProblemNotice } from '../components/feedback.js';
import { Instant, Loading, PageHeader, Status } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { ProblemError } from '../lib/problems.js';
import { BoardTable } from './BoardTable.js';

/** Tenders per page of the board. */
const PAGE = 25;

/**
 * The public tender board: tenders searched by words, CPV prefix and stage, in the order chosen
 * and page by page (all in the address), and the calls.
 */
export function Board() {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const cpv = params.get('cpv') ?? '';
  const stage = params.get('stage') ?? '';
  const sort = params.get('sort') ?? '';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const [draft, setDraft] = useState({ q, cpv, stage, sort });
  const tenders = useQuery({
    queryKey: ['tenders', q, cpv, stage, sort, offset],
    queryFn: () =>
      must(
        api.GET('/api/v1/tenders', {
          params: {
            query: {
              limit: String(PAGE),
              ...(offset ? { offset: String(offset) } : {}),
              ...(sort ? { sort: sort as 'published' | 'deadline' | 'reference' } : {}),
              ...(q ? { q } : {}),
              ...(cpv ? { cpv } : {}),
              ...(stage ? { stage: stage as 'open' | 'closed' } : {}),
            },
          },
        }),
      ) as Promise<Page<Tender>>,
  });
  const calls = useQuery({
    queryKey: ['calls'],
    queryFn: () =>
      must(api.GET('/api/v1/calls', { params: { query: { limit: '100' } } })) as Promise<Page<Call>>,
  });
  const search = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.cpv.trim()) next.set('cpv', draft.cpv.trim());
    if (draft.stage) next.set('stage', draft.stage);
    if (draft.sort) next.set('sort', draft.sort);
    setParams(next);
  };
  return (
    <>
      <PageHeader title={t('board.title')}>{t('board.intro')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        <form
          aria-label={t('board.search')}
          className="ecl-u-d-flex ecl-u-flex-wrap ecl-u-align-items-end board-filters"
          onSubmit={search}
        >
          <div className="ecl-form-group ecl-u-mr-m ecl-u-mb-m">
            <label className="ecl-form-label" htmlFor="q">
              {t('board.search')}
            </label>
            <div className="ecl-help-block" id="q-help">
              {t('board.searchHint')}
            </div>
            <input
              id="q"
              className="ecl-text-input ecl-text-input--m"
              aria-describedby="q-help"
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
          <div className="ecl-form-group ecl-u-mr-m ecl-u-mb-m">
            <label className="ecl-form-label" htmlFor="cpv">
              {t('board.cpv')}
            </label>
            <div className="ecl-help-block" id="cpv-help">
              {t('board.cpvHint')}
            </div>
            <input
              id="cpv"
              inputMode="numeric"
              pattern="[0-9]{1,8}"
              className="ecl-text-input ecl-text-input--s"
              aria-describedby="cpv-help"
              value={draft.cpv}
              onChange={(e) => setDraft({ ...draft, cpv: e.target.value })}
            />
          </div>
          <div className="ecl-form-group ecl-u-mr-m ecl-u-mb-m">
            <label className="ecl-form-label" htmlFor="stage">
              {t('board.status')}
            </label>
            <div className="ecl-select__container ecl-select__container--s">
              <select
                id="stage"
                className="ecl-select"
                value={draft.stage}
                onChange={(e) => setDraft({ ...draft, stage: e.target.value })}
              >
                <option value="">{t('board.anyStatus')}</option>
                <option value="open">{t('status.published')}</option>
                <option value="closed">{t('status.callClosed')}</option>
              </select>
            </div>
          </div>
          <div className="ecl-form-group ecl-u-mr-m ecl-u-mb-m">
            <label className="ecl-form-label" htmlFor="sort">
              {t('board.sort')}
            </label>
            <div className="ecl-select__container ecl-select__container--m">
              <select
                id="sort"
                className="ecl-select"
                value={draft.sort}
                onChange={(e) => setDraft({ ...draft, sort: e.target.value })}
              >
                <option value="">{t('board.sortPublished')}</option>
                <option value="deadline">{t('board.sortDeadline')}</option>
                <option value="reference">{t('board.sortReference')}</option>
              </select>
            </div>
          </div>
          <div className="ecl-u-mb-m">
            <button type="submit" className="ecl-button ecl-button--primary ecl-u-mr-s">
              {t('board.apply')}
            </button>
            {q || cpv || stage || sort ? (
              <Link
                className="ecl-link ecl-link--standalone"
                to="/"
                onClick={() => setDraft({ q: '', cpv: '', stage: '', sort: '' })}
              >
                {t('board.clear')}
              </Link>
            ) : null}
          </div>
        </form>

        <h2 className="ecl-u-type-heading-2">{t('board.tenders')}</h2>
        {tenders.error instanceof ProblemError ? <ProblemNotice problem={tenders.error} /> : null}
        {tenders.isPending ? <Loading /> : null}
        {tenders.data ? (
          <>
            <p className="ecl-u-type-paragraph" aria-live="polite">
              {t('board.found', { count: tenders.data.total })}
            </p>
            {tenders.data.items.length ? (
              <BoardTable
                tenders={tenders.data.items}
                total={tenders.data.total}
                offset={offset}
                pageSize={PAGE}
                onPage={(to) => {
                  const next = new URLSearchParams(params);
                  if (to) next.set('offset', String(to));
                  else next.delete('offset');
                  setParams(next);
                }}
              />
            ) : (
              <p className="ecl-u-type-paragraph">{t('board.none')}</p>
            )}
          </>
        ) : null}

        <h2 className="ecl-u-type-heading-2 ecl-u-mt-2xl">{t('board.calls')}</h2>
        {calls.error instanceof ProblemError ? <ProblemNotice problem={calls.error} /> : null}
        {calls.data ? (
          <ul className="ecl-unordered-list ecl-unordered-list--no-bullet">
            {calls.data.items.map((c) => (
              <li className="ecl-unordered-list__item ecl-u-mb-s" key={c.id}>
                <Link className="ecl-link" to={`/calls/${c.id}`}>
                  {c.reference} — {c.title}
                </Link>{' '}
                <Status status={c.status} call /> <Instant iso={c.closesAt} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </>
  );
}
