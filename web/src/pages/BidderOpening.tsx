import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client.js';
import { Instant, TableHead } from '../components/ui.js';
import { useLocale } from '../i18n.js';

interface BidderOpeningRecord {
  openedAt: string;
  method: 'ceremony' | 'timed';
  openedBy: { name: string; at: string }[];
  bids: { lot: number; count: number }[];
}

/** The opening record a bidder reads once the bids are opened: when, by whom, and how many bids its lots received. */
export function BidderOpening({ tenderId }: { tenderId: string }) {
  const { t } = useLocale();
  const record = useQuery({
    queryKey: ['tender', tenderId, 'opening', 'bidder'],
    queryFn: () =>
      must(
        api.GET('/api/v1/tenders/{id}/opening', { params: { path: { id: tenderId } } }),
      ) as Promise<BidderOpeningRecord>,
    retry: false,
  });
  if (!record.data) return null;
  const r = record.data;
  return (
    <div className="ecl-u-mb-l">
      <h3 className="ecl-u-type-heading-3" id="bidder-opening">
        {t('bidding.opening')}
      </h3>
      <p className="ecl-u-type-paragraph">
        {t('bidding.openedAt')} <Instant iso={r.openedAt} />
        {r.openedBy.length
          ? ` ${t('bidding.openedBy', { names: r.openedBy.map((p) => p.name).join(', ') })}`
          : ` ${t('bidding.openedByPlatform')}`}
      </p>
      <table className="ecl-table" aria-labelledby="bidder-opening">
        <TableHead columns={[t('home.lot'), t('bidding.bidsReceived')]} />
        <tbody className="ecl-table__body">
          {r.bids.map((b) => (
            <tr className="ecl-table__row" key={b.lot}>
              <td className="ecl-table__cell">{t('tender.lot', { number: b.lot })}</td>
              <td className="ecl-table__cell">{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
