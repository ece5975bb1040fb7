import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Page } from '../../api/types.js';
import { firstProblem, Pending, ProblemNotice } from '../../components/feedback.js';
import { Instant, PageHeader, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { NoticeFilters } from './NoticeFilters.js';

interface DeskNotice {
  id: string;
  template: string;
  to: string;
  recipient: { name: string };
  procedure: { kind: 'call' | 'tender' | 'consortium'; id: string; reference: string } | null;
  language: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const PAGE = 50;

/** One notice's resend, for one not delivered. */
function Resend({ notice }: { notice: DeskNotice }) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const resend = useMutation({
    mutationFn: () => must(api.POST('/api/v1/notices/{id}/resend', { params: { path: { id: notice.id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['notices'] }),
  });
  const problem = firstProblem(resend.error);
  return (
    <>
      <button
        type="button"
        className="ecl-button ecl-button--secondary"
        disabled={resend.isPending}
        aria-label={t('noticeDesk.resendTo', { to: notice.to })}
        onClick={() => resend.mutate()}
      >
        {t('noticeDesk.resend')}
      </button>
      {problem ? <div className="ecl-feedback-message">{problem.detail || problem.title}</div> : null}
    </>
  );
}

/**
 * Every notice the platform recorded, for officers and administrators: to whom, in which language,
 * whether and when it was delivered, how many attempts and the last error; filtered by status and
 * kind, procedure and recipient (in the address), each line naming its procedure; and a notice not delivered sent again. A sealed tender's notices are not
 * listed until its opening.
 */
export function NoticeDesk() {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const template = params.get('template') ?? '';
  const procedure = params.get('procedure') ?? '';
  const recipient = params.get('recipient') ?? '';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const notices = useQuery({
    queryKey: ['notices', 'desk', status, template, procedure, recipient, offset],
    queryFn: () =>
      must(
        api.GET('/api/v1/notices', {
          params: {
            query: {
              limit: String(PAGE),
              offset: String(offset),
              ...(status ? { status: status as DeskNotice['status'] } : {}),
              ...(template ? { template } : {}),
              ...(procedure ? { procedure } : {}),
              ...(recipient ? { recipient } : {}),
            },
          },
        }),
      ) as Promise<Page<DeskNotice>>,
    // A desk left open follows the deliveries: faster while some are being sent.
    refetchInterval: (q) => (q.state.data?.items.some((n) => n.status === 'pending') ? 3_000 : 15_000),
  });
  const filter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('offset');
    setParams(next);
  };
  const go = (to: number) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(to));
    setParams(next);
  };
  const problem = firstProblem(notices.error);
  return (
    <>
      <PageHeader title={t('noticeDesk.title')}>{t('noticeDesk.intro')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        <NoticeFilters key={params.get('recipient') ?? ''} params={params} filter={filter} />
        {!notices.data ? (
          <Pending problem={problem} />
        ) : (
          <>
            {problem ? <ProblemNotice problem={problem} /> : null}
            <p className="ecl-u-type-paragraph" aria-live="polite">
              {t('noticeDesk.count', {
                from: notices.data.total ? offset + 1 : 0,
                to: offset + notices.data.items.length,
                total: notices.data.total,
              })}
            </p>
            <table className="ecl-table ecl-table--zebra">
              <TableHead
                columns={[
                  t('notices.when'),
                  t('noticeDesk.procedure'),
                  t('notices.kind'),
                  t('noticeDesk.recipient'),
                  t('notices.delivery'),
                  <span key="a" className="ecl-u-sr-only">
                    {t('vendor.actions')}
                  </span>,
                ]}
              />
              <tbody className="ecl-table__body">
                {notices.data.items.map((n) => (
                  <tr className="ecl-table__row" key={n.id}>
                    <td className="ecl-table__cell">
                      <Instant iso={n.createdAt} />
                    </td>
                    <td className="ecl-table__cell reference-cell">
                      {n.procedure ? (
                        <Link
                          className="ecl-link"
                          to={`/${n.procedure.kind === 'call' ? 'calls' : n.procedure.kind === 'tender' ? 'tenders' : 'consortia'}/${n.procedure.id}`}
                        >
                          {n.procedure.reference}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="ecl-table__cell">
                      <Link className="ecl-link" to={`/notices/${n.id}`}>
                        {t(`notices.template.${n.template}`, { defaultValue: n.template })}
                      </Link>
                    </td>
                    <td className="ecl-table__cell">
                      {n.recipient.name}{' '}
                      <div className="ecl-u-type-paragraph-s">
                        {n.to} · {n.language}
                      </div>
                    </td>
                    <td className="ecl-table__cell">
                      {t(`notices.status.${n.status}`)} · {t('noticeDesk.attempts', { count: n.attempts })}
                      {n.sentAt ? (
                        <div className="ecl-u-type-paragraph-s">
                          <Instant iso={n.sentAt} />
                        </div>
                      ) : null}
                      {n.lastError ? (
                        <div className="ecl-u-type-paragraph-s" lang="en">
                          {n.lastError}
                        </div>
                      ) : null}
                    </td>
                    <td className="ecl-table__cell">{n.status === 'sent' ? null : <Resend notice={n} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="ecl-u-mt-m">
              {offset > 0 ? (
                <button
                  type="button"
                  className="ecl-button ecl-button--secondary ecl-u-mr-s"
                  onClick={() => go(Math.max(0, offset - PAGE))}
                >
                  {t('noticeDesk.previous')}
                </button>
              ) : null}
              {offset + PAGE < notices.data.total ? (
                <button
                  type="button"
                  className="ecl-button ecl-button--secondary"
                  onClick={() => go(offset + PAGE)}
                >
                  {t('noticeDesk.next')}
                </button>
              ) : null}
            </p>
          </>
        )}
      </div>
    </>
  );
}
