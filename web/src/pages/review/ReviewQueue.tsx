import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Page } from '../../api/types.js';
import { ProblemNotice } from '../../components/feedback.js';
import { Checkbox } from '../../components/forms.js';
import { Instant, Loading, PageHeader, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { ProblemError } from '../../lib/problems.js';
import { useSession } from '../../session.js';
import { ComplaintStatus } from './ComplaintStatus.js';
import { type Complaint, subjectOf } from './complaints.js';

/**
 * The complaints of the signed-in party, newest first: a review body's queue (what it has still to
 * accept, refuse or decide first when asked), a vendor's own complaints, or every one for officers.
 */
export function ReviewQueue() {
  const { t } = useLocale();
  const { user } = useSession();
  const [openOnly, setOpenOnly] = useState(user?.role === 'review-body');
  const list = useQuery({
    queryKey: ['complaints', openOnly],
    queryFn: () =>
      must(
        api.GET('/api/v1/complaints', {
          params: { query: { limit: '100', ...(openOnly ? { status: 'open' as const } : {}) } },
        }),
      ) as Promise<Page<Complaint>>,
    refetchInterval: 30_000,
  });
  const intro =
    user?.role === 'review-body'
      ? t('review.queueIntro')
      : user?.role === 'vendor'
        ? t('review.ownQueueIntro')
        : t('review.officerQueueIntro');
  const columns = [
    t('review.lodged'),
    t('review.tender'),
    t('review.against'),
    t('review.grounds'),
    t('review.status'),
  ];
  return (
    <>
      <PageHeader title={t('review.queue')}>{intro}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        <Checkbox id="open-only" checked={openOnly} onChange={setOpenOnly}>
          {t('review.openOnly')}
        </Checkbox>
        {list.error instanceof ProblemError ? <ProblemNotice problem={list.error} /> : null}
        {!list.data ? (
          <Loading />
        ) : list.data.items.length ? (
          <table className="ecl-table ecl-table--zebra ecl-u-mt-m">
            <TableHead columns={columns} />
            <tbody className="ecl-table__body">
              {list.data.items.map((c) => (
                <tr className="ecl-table__row" key={c.id}>
                  <td className="ecl-table__cell" data-ecl-table-header={columns[0]}>
                    <Instant iso={c.submittedAt} />
                  </td>
                  <td className="ecl-table__cell" data-ecl-table-header={columns[1]}>
                    <Link className="ecl-link" to={`/tenders/${c.tenderId}`}>
                      {c.tenderReference}
                    </Link>
                  </td>
                  <td className="ecl-table__cell" data-ecl-table-header={columns[2]}>
                    {subjectOf(t, c)}
                  </td>
                  <td className="ecl-table__cell" data-ecl-table-header={columns[3]}>
                    <Link className="ecl-link" to={`/complaints/${c.id}`}>
                      {c.grounds}
                    </Link>
                  </td>
                  <td className="ecl-table__cell" data-ecl-table-header={columns[4]}>
                    <ComplaintStatus status={c.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="ecl-u-type-paragraph ecl-u-mt-m">{t('review.queueEmpty')}</p>
        )}
      </div>
    </>
  );
}
