import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../api/client.js';
import type { EformsNotice } from '../api/types.js';
import { useLocale } from '../i18n.js';
import type { ProblemError } from '../lib/problems.js';
import { useSession } from '../session.js';
import { ProblemNotice } from './feedback.js';
import { downloadFile } from './save-file.js';
import { Instant, TableHead } from './ui.js';

const PUBLISHED = ['published'];
const TROUBLE = ['invalid', 'not-published', 'stopped'];
/** Where a notice can be made again as its next version: TED has not published it, nor is publishing it. */
const CORRECTABLE = ['not-published', 'submitted', 'stopped'];

/**
 * The panel *Notices (eForms)* of a call's or tender's page: each notice and version with where it
 * stands (checked, at TED, published with its OJ S number) and its XML to download, for anyone;
 * for officers, the rules a notice breaks and TED's reasons, in words, and the award notice's door.
 */
export function EformsPanel({
  kind,
  id,
  decided = false,
}: {
  kind: 'calls' | 'tenders';
  id: string;
  /** A tender whose every lot is decided: its award notice may be published (again). */
  decided?: boolean;
}) {
  const { t } = useLocale();
  const { user } = useSession();
  const officer = user?.role === 'procurement-officer' || user?.role === 'admin';
  const client = useQueryClient();
  const [refused, setRefused] = useState<ProblemError | null>(null);
  const notices = useQuery({
    queryKey: [kind, id, 'eforms'],
    queryFn: async () =>
      (
        (await must(
          kind === 'calls'
            ? api.GET('/api/v1/calls/{id}/eforms', { params: { path: { id } } })
            : api.GET('/api/v1/tenders/{id}/eforms', { params: { path: { id } } }),
        )) as { items: EformsNotice[] }
      ).items,
    // Where a notice stands at TED changes without the reader: look again while it moves.
    refetchInterval: (q) =>
      (q.state.data ?? []).some((n) => ['validating', 'valid', 'submitted', 'publishing'].includes(n.status))
        ? 30_000
        : false,
  });
  const award = useMutation({
    mutationFn: () =>
      must(api.POST('/api/v1/tenders/{id}/eforms/award-notice', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [kind, id, 'eforms'] }),
  });
  const correct = useMutation({
    mutationFn: (noticeId: string) =>
      must(
        kind === 'calls'
          ? api.POST('/api/v1/calls/{id}/eforms/{noticeId}/correct', { params: { path: { id, noticeId } } })
          : api.POST('/api/v1/tenders/{id}/eforms/{noticeId}/correct', {
              params: { path: { id, noticeId } },
            }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: [kind, id, 'eforms'] }),
  });
  const items = notices.data ?? [];
  // An officer corrects the latest version of a notice TED has not published (nor is publishing).
  const correctable = (n: EformsNotice) =>
    officer &&
    n.kind !== 'change' &&
    CORRECTABLE.includes(n.status) &&
    items.filter((m) => m.noticeId === n.noticeId).at(-1) === n;
  const download = async (n: EformsNotice) =>
    setRefused(
      await downloadFile(
        `/${kind}/${id}/eforms/${n.noticeId}?version=${n.version}`,
        `${n.noticeId}-${n.version}.xml`,
      ),
    );
  return (
    <section aria-labelledby="eforms-title" className="ecl-u-mt-xl">
      <h2 id="eforms-title" className="ecl-u-type-heading-2">
        {t('eforms.title')}
      </h2>
      <p className="ecl-u-type-paragraph">{t('eforms.intro')}</p>
      {refused ? <ProblemNotice problem={refused} /> : null}
      {award.error ? <ProblemNotice problem={award.error as ProblemError} /> : null}
      {correct.error ? <ProblemNotice problem={correct.error as ProblemError} /> : null}
      {items.length === 0 ? (
        <p className="ecl-u-type-paragraph">{t('eforms.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="ecl-table ecl-table--zebra">
            <TableHead
              columns={[
                t('eforms.notice'),
                t('eforms.version'),
                t('eforms.status'),
                t('eforms.ted'),
                t('eforms.actions'),
              ]}
            />
            <tbody className="ecl-table__body">
              {items.map((n) => (
                <tr className="ecl-table__row" key={`${n.noticeId}-${n.version}`}>
                  <td className="ecl-table__cell" data-ecl-table-header={t('eforms.notice')}>
                    <div>
                      {t(`eforms.kind.${n.kind}`)}
                      <span className="ecl-u-d-block ecl-u-type-paragraph-xs">
                        <code>{n.noticeId}</code>
                      </span>
                      {n.changes ? (
                        <span className="ecl-u-d-block ecl-u-type-paragraph-xs">
                          {t('eforms.changes', { id: n.changes })}
                        </span>
                      ) : null}
                    </div>
                  </td>
                  <td className="ecl-table__cell" data-ecl-table-header={t('eforms.version')}>
                    {n.version}
                  </td>
                  <td className="ecl-table__cell" data-ecl-table-header={t('eforms.status')}>
                    <span
                      className={`ecl-label ${PUBLISHED.includes(n.status) ? 'ecl-label--high' : TROUBLE.includes(n.status) ? 'ecl-label--highlight' : 'ecl-label--low'}`}
                    >
                      {t(`eforms.state.${n.status}`)}
                    </span>
                  </td>
                  <td className="ecl-table__cell" data-ecl-table-header={t('eforms.ted')}>
                    {n.publicationNumber ? (
                      <>
                        {n.publicationNumber}
                        {n.publishedAt ? (
                          <span className="ecl-u-d-block">
                            <Instant iso={n.publishedAt} />
                          </span>
                        ) : null}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="ecl-table__cell">
                    <button
                      type="button"
                      className="ecl-button ecl-button--secondary"
                      aria-label={t('eforms.downloadOf', { subtype: n.subtype, version: n.version })}
                      onClick={() => void download(n)}
                    >
                      {t('eforms.download')}
                    </button>
                    {correctable(n) ? (
                      <button
                        type="button"
                        className="ecl-button ecl-button--tertiary ecl-u-mt-xs"
                        aria-label={t('eforms.correctOf', { subtype: n.subtype, version: n.version })}
                        disabled={correct.isPending}
                        onClick={() => correct.mutate(n.noticeId)}
                      >
                        {t('eforms.correct')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items
        .filter((n) => n.tedReasons?.length || (officer && n.errors?.length))
        .map((n) => (
          <div
            className="ecl-notification ecl-notification--warning ecl-u-mt-m"
            key={`why-${n.noticeId}-${n.version}`}
          >
            <div className="ecl-notification__content">
              <div className="ecl-notification__title">{t(`eforms.kind.${n.kind}`)}</div>
              {n.tedReasons?.length ? <Reasons title={t('eforms.tedReasons')} lines={n.tedReasons} /> : null}
              {officer && n.errors?.length ? (
                <Reasons
                  title={t('eforms.failedRules')}
                  lines={n.errors.map((e) => `${e.rule}: ${e.message}`)}
                />
              ) : null}
            </div>
          </div>
        ))}
      {officer && decided && !items.some((n) => n.kind === 'award' && n.status !== 'invalid') ? (
        <div className="ecl-u-mt-m">
          <p className="ecl-u-type-paragraph-s">{t('eforms.publishAwardHint')}</p>
          <button
            type="button"
            className="ecl-button ecl-button--secondary"
            disabled={award.isPending}
            onClick={() => award.mutate()}
          >
            {t('eforms.publishAward')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function Reasons({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div className="ecl-notification__description">
      <p className="ecl-u-mb-xs">{title}</p>
      <ul className="ecl-unordered-list" lang="en">
        {lines.map((l) => (
          <li className="ecl-unordered-list__item" key={l}>
            {l}
          </li>
        ))}
      </ul>
    </div>
  );
}
