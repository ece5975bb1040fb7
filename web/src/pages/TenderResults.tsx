import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client.js';
import { Instant, Section, Status, TableHead } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { money } from '../lib/format.js';

interface LotResult {
  lot: number;
  status: string;
  winner?: { organisationId: string; name: string; country: string };
  valueCents?: number | null;
  bidsReceived?: number | null;
  decidedAt?: string;
  contractedAt?: string | null;
}

/** What anyone reads of a tender's decided lots: the winner, the value, the bids received, the dates. */
export function TenderResults({ tenderId }: { tenderId: string }) {
  const { t, locale } = useLocale();
  const results = useQuery({
    queryKey: ['tender', tenderId, 'results'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/results', { params: { path: { id: tenderId } } })) as Promise<{
        items: LotResult[];
      }>,
  });
  const decided = results.data?.items.filter((r) => r.winner) ?? [];
  if (!decided.length) return null;
  return (
    <Section id="results" title={t('results.title')} className="ecl-u-mt-xl">
      <table className="ecl-table ecl-table--zebra">
        <TableHead
          columns={[
            t('tender.lots'),
            t('results.winner'),
            t('results.value'),
            t('results.bids'),
            t('results.decided'),
            t('results.contracted'),
          ]}
        />
        <tbody className="ecl-table__body">
          {decided.map((r) => (
            <tr className="ecl-table__row" key={r.lot}>
              <td className="ecl-table__cell">
                <div>
                  {t('tender.lot', { number: r.lot })} <Status status={r.status} />
                </div>
              </td>
              <td className="ecl-table__cell">
                {r.winner?.name} ({r.winner?.country})
              </td>
              <td className="ecl-table__cell">
                {r.valueCents === null || r.valueCents === undefined ? '—' : money(r.valueCents, locale)}
              </td>
              <td className="ecl-table__cell">{r.bidsReceived ?? '—'}</td>
              <td className="ecl-table__cell">{r.decidedAt ? <Instant iso={r.decidedAt} /> : '—'}</td>
              <td className="ecl-table__cell">
                {r.contractedAt ? <Instant iso={r.contractedAt} /> : t('results.notYet')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
