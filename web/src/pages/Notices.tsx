import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, must } from '../api/client.js';
import type { Page } from '../api/types.js';
import { ProblemNotice } from '../components/feedback.js';
import { Instant, Loading, PageHeader, TableHead } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { ProblemError } from '../lib/problems.js';
import { useSession } from '../session.js';
import { NoticeDesk } from './officers/NoticeDesk.js';

interface Notice {
  id: string;
  template: string;
  status: 'pending' | 'sent' | 'failed';
  createdAt: string;
  sentAt: string | null;
}

/** Officers and administrators keep the desk of every notice; others read their own. */
export function Notices() {
  const { user } = useSession();
  return user?.role === 'procurement-officer' || user?.role === 'admin' ? <NoticeDesk /> : <OwnNotices />;
}

/** The signed-in user's notices with their delivery status, refreshed while some are still being sent. */
function OwnNotices() {
  const { t } = useLocale();
  const notices = useQuery({
    queryKey: ['notices'],
    queryFn: () =>
      must(api.GET('/api/v1/notices', { params: { query: { limit: '100' } } })) as Promise<Page<Notice>>,
    refetchInterval: (q) => (q.state.data?.items.some((n) => n.status === 'pending') ? 3_000 : false),
  });
  return (
    <>
      <PageHeader title={t('notices.title')}>{t('notices.intro')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        {notices.error instanceof ProblemError ? <ProblemNotice problem={notices.error} /> : null}
        {notices.isPending ? <Loading /> : null}
        {notices.data && !notices.data.items.length ? (
          <p className="ecl-u-type-paragraph">{t('notices.none')}</p>
        ) : null}
        {notices.data?.items.length ? (
          <table className="ecl-table ecl-table--zebra">
            <TableHead columns={[t('notices.when'), t('notices.kind'), t('notices.delivery')]} />
            <tbody className="ecl-table__body">
              {notices.data.items.map((n) => (
                <tr className="ecl-table__row" key={n.id}>
                  <td className="ecl-table__cell">
                    <Instant iso={n.createdAt} />
                  </td>
                  <td className="ecl-table__cell">
                    <Link className="ecl-link" to={`/notices/${n.id}`}>
                      {t(`notices.template.${n.template}`, { defaultValue: n.template })}
                    </Link>
                  </td>
                  <td className="ecl-table__cell">
                    {t(`notices.status.${n.status}`)}
                    {n.sentAt ? (
                      <>
                        {' · '}
                        <Instant iso={n.sentAt} />
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </>
  );
}
