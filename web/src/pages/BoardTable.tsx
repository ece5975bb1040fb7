import { Link } from 'react-router-dom';
import type { Tender } from '../api/types.js';
import { Instant, Status, TableHead } from '../components/ui.js';
import { useLocale } from '../i18n.js';

/**
 * One page of the board's tenders: reference, title and buyer, CPV codes, when published, the
 * submission deadline and the stage; with the pages before and after.
 */
export function BoardTable({
  tenders,
  total,
  offset,
  pageSize,
  onPage,
}: {
  tenders: (Tender & { buyer?: string | null })[];
  total: number;
  offset: number;
  pageSize: number;
  onPage: (offset: number) => void;
}) {
  const { t } = useLocale();
  const columns = [
    t('board.reference'),
    t('board.titleColumn'),
    t('board.buyer'),
    t('tender.cpv'),
    t('board.published'),
    t('board.deadline'),
    t('board.status'),
  ];
  return (
    <>
      <table className="ecl-table ecl-table--zebra">
        <TableHead columns={columns} />
        <tbody className="ecl-table__body">
          {tenders.map((tender) => (
            <tr className="ecl-table__row" key={tender.id}>
              <td className="ecl-table__cell reference-cell">{tender.reference}</td>
              <td className="ecl-table__cell">
                <Link className="ecl-link" to={`/tenders/${tender.id}`}>
                  {tender.title}
                </Link>
              </td>
              <td className="ecl-table__cell">{tender.buyer ?? '—'}</td>
              <td className="ecl-table__cell">{tender.cpvCodes.join(', ')}</td>
              <td className="ecl-table__cell">
                {tender.publishedAt ? <Instant iso={tender.publishedAt} /> : '—'}
              </td>
              <td className="ecl-table__cell">
                <Instant iso={tender.submissionDeadline} />
              </td>
              <td className="ecl-table__cell">
                <Status status={tender.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="ecl-u-mt-m board-pages" aria-label={t('board.pages')}>
        <p className="ecl-u-type-paragraph" aria-live="polite">
          {t('board.range', { from: offset + 1, to: offset + tenders.length, total })}
        </p>
        {offset > 0 ? (
          <button
            type="button"
            className="ecl-button ecl-button--secondary ecl-u-mr-s"
            onClick={() => onPage(Math.max(0, offset - pageSize))}
          >
            {t('board.previous')}
          </button>
        ) : null}
        {offset + pageSize < total ? (
          <button
            type="button"
            className="ecl-button ecl-button--secondary"
            onClick={() => onPage(offset + pageSize)}
          >
            {t('board.next')}
          </button>
        ) : null}
      </nav>
    </>
  );
}
