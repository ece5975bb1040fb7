import { Link } from 'react-router-dom';
import type { Tender } from '../../api/types.js';
import { Instant, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ComplaintStatus } from './ComplaintStatus.js';
import { subjectOf, useTenderComplaints } from './complaints.js';
import { LodgeComplaint } from './LodgeComplaint.js';

/**
 * The tender's complaints and decisions, public: what each is against, its grounds, where it
 * stands and what it holds up (a lot's contract, the opening). A vendor lodges one here while a
 * window is open to it.
 */
export function TenderComplaints({ tender }: { tender: Tender }) {
  const { t } = useLocale();
  const { user } = useSession();
  const complaints = useTenderComplaints(tender.id);
  const items = complaints.data?.items ?? [];
  const columns = [
    t('review.lodged'),
    t('review.against'),
    t('review.grounds'),
    t('review.status'),
    t('review.author'),
  ];
  return (
    <Section id="complaints" title={t('review.title')}>
      <p className="ecl-u-type-paragraph">{t('review.intro')}</p>
      {items.length ? (
        <table className="ecl-table ecl-table--zebra">
          <TableHead columns={columns} />
          <tbody className="ecl-table__body">
            {items.map((c) => (
              <tr className="ecl-table__row" key={c.id}>
                <td className="ecl-table__cell" data-ecl-table-header={columns[0]}>
                  <Instant iso={c.submittedAt} />
                </td>
                <td className="ecl-table__cell" data-ecl-table-header={columns[1]}>
                  {subjectOf(t, c)}
                </td>
                <td className="ecl-table__cell" data-ecl-table-header={columns[2]}>
                  <Link className="ecl-link" to={`/complaints/${c.id}`}>
                    {c.grounds}
                  </Link>
                </td>
                <td className="ecl-table__cell" data-ecl-table-header={columns[3]}>
                  <ComplaintStatus status={c.status} />
                  {c.suspends ? (
                    <p className="ecl-u-type-paragraph-s ecl-u-mt-xs ecl-u-mb-none">
                      {t(`review.suspends.${c.suspends}`, { lot: c.lot })}
                    </p>
                  ) : null}
                </td>
                <td className="ecl-table__cell" data-ecl-table-header={columns[4]}>
                  {c.author?.name ?? (
                    <span className="ecl-u-type-color-grey-75">{t('review.authorHidden')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ecl-u-type-paragraph">{t('review.none')}</p>
      )}
      {user?.role === 'vendor' && complaints.data?.windows.length ? (
        <LodgeComplaint
          tenderId={tender.id}
          windows={complaints.data.windows}
          reviewBody={complaints.data.reviewBody?.name ?? ''}
        />
      ) : null}
    </Section>
  );
}
