import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Call, Page, Tender } from '../../api/types.js';
import { firstProblem, Pending } from '../../components/feedback.js';
import { Instant, PageHeader, Section, Status, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { money } from '../../lib/format.js';
import { OfficerTasks } from '../home/OfficerTasks.js';

/**
 * The procurement officers' desk: every call and every tender, drafts included, with where each
 * stands, and the way to draft a new call. A tender is drafted from a selected expression of
 * interest, on its call's page.
 */
export function Desk() {
  const { t, locale } = useLocale();
  const calls = useQuery({
    queryKey: ['calls', 'desk'],
    queryFn: () =>
      must(api.GET('/api/v1/calls', { params: { query: { limit: '100' } } })) as Promise<Page<Call>>,
  });
  const tenders = useQuery({
    queryKey: ['tenders', 'desk'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders', { params: { query: { limit: '100' } } })) as Promise<Page<Tender>>,
  });
  const problem = firstProblem(calls.error, tenders.error);
  if (!calls.data || !tenders.data) return <Pending problem={problem} />;
  return (
    <>
      <PageHeader title={t('desk.title')}>{t('desk.intro')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        <OfficerTasks />
        <Section id="desk-calls" title={t('desk.calls', { count: calls.data.total })}>
          <Link className="ecl-button ecl-button--primary ecl-u-mb-m" to="/calls/new">
            {t('desk.newCall')}
          </Link>
          <table className="ecl-table ecl-table--zebra">
            <TableHead
              columns={[
                t('board.reference'),
                t('board.titleColumn'),
                t('call.budget'),
                t('desk.closes'),
                t('board.status'),
              ]}
            />
            <tbody className="ecl-table__body">
              {calls.data.items.map((c) => (
                <tr className="ecl-table__row" key={c.id}>
                  <td className="ecl-table__cell">{c.reference}</td>
                  <td className="ecl-table__cell">
                    <Link className="ecl-link" to={`/calls/${c.id}`}>
                      {c.title}
                    </Link>
                  </td>
                  <td className="ecl-table__cell">{money(c.budgetCents, locale)}</td>
                  <td className="ecl-table__cell">
                    <Instant iso={c.closesAt} />
                  </td>
                  <td className="ecl-table__cell">
                    <Status status={c.status} call />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section id="desk-tenders" title={t('desk.tenders', { count: tenders.data.total })}>
          <p className="ecl-u-type-paragraph">{t('desk.tendersIntro')}</p>
          {tenders.data.items.length ? null : <p className="ecl-u-type-paragraph">{t('desk.noTenders')}</p>}
          <table className="ecl-table ecl-table--zebra">
            <TableHead
              columns={[
                t('board.reference'),
                t('board.titleColumn'),
                t('tender.bidsUntil'),
                t('board.status'),
              ]}
            />
            <tbody className="ecl-table__body">
              {tenders.data.items.map((x) => (
                <tr className="ecl-table__row" key={x.id}>
                  <td className="ecl-table__cell">{x.reference}</td>
                  <td className="ecl-table__cell">
                    <Link className="ecl-link" to={`/tenders/${x.id}`}>
                      {x.title}
                    </Link>
                  </td>
                  <td className="ecl-table__cell">
                    <Instant iso={x.submissionDeadline} />
                  </td>
                  <td className="ecl-table__cell">
                    <Status status={x.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      </div>
    </>
  );
}
